"""Backups made now and restores: of the open data (the window), or of the data file alone (the
command line, with the data closed)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from hipdesk.app.changes import Change
from hipdesk.app.operations import ALL_DATA
from hipdesk.domain.errors import HipDeskError

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)


def back_up_now(repo: Repo) -> tuple[Path, Change]:
    """A checked backup of the open data, into backups/ beside it."""
    from hipdesk.db.backup import make_backup

    path = make_backup(Path(repo.db.database), "manual", source=repo.db.connection())
    assert path is not None  # always written: not only_if_changed
    return path, Change.NONE


def restore(repo: Repo, chosen: Path) -> tuple[Path, Change]:
    """Back up the open data as it is, then put the backup ``chosen`` in its place inside the open
    connection, brought up to this HipDesk's format; returns where the data as it was is kept.
    Another program's file, a newer HipDesk's or a damaged one is refused with nothing changed."""
    from hipdesk.db import backup, migrations
    from hipdesk.db.recovery import check_replacement
    from hipdesk.store import bring_up_to_date

    path = Path(repo.db.database)
    check_replacement(chosen, path)
    kept = backup.make_backup(path, "before-restore", source=repo.db.connection(), thin=False)
    assert kept is not None
    backup.restore_into(repo.db.connection(), chosen)
    migrations.migrate(repo.db)
    bring_up_to_date(repo)
    backup.thin_backups(path, keep={chosen})  # afterwards, and never the one restored
    logger.info("restored %s (kept %s)", chosen, kept)
    return kept, ALL_DATA


def backup_file(db_path: Path, target: Path | None = None) -> Path:
    """A checked backup of the data file while it is closed (into backups/ beside it, or to
    ``target``, never over a file). The data lock is held meanwhile: no HipDesk writes, and the
    reading leaves nothing behind."""
    from hipdesk.db.backup import make_backup
    from hipdesk.db.lock import DataLock

    if not db_path.is_file():
        raise HipDeskError(f"There is no data file at {db_path} to back up.")
    if target is not None and target.exists():
        raise HipDeskError(f"{target} exists already; name a new file.")
    lock = DataLock(db_path)
    try:
        written = make_backup(db_path, "manual", target=target, alone=lock.acquire())
    finally:
        lock.release()
    assert written is not None
    return written


def restore_file(db_path: Path, source: Path) -> str:
    """Put the backup ``source`` in place of the closed data file (the caller holds the data lock)
    and bring it up to this HipDesk's format; returns one sentence saying what was done."""
    from hipdesk.db.database import storage_errors
    from hipdesk.db.recovery import restore_file as replace_file
    from hipdesk.store import open_store

    with storage_errors(db_path):
        done = replace_file(db_path, source)
        open_store(db_path).db.close()  # an older backup is brought up to this HipDesk's format
    return done
