"""Opens the data: the database file, the built-in exercises brought up to date, starter content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from hipdesk.catalogue.loader import catalogue_fingerprint, load_catalogue
from hipdesk.db.backup import BackupInfo, backup_dir, clean_stale_parts, list_backups
from hipdesk.db.database import DatabaseError, open_database, storage_errors
from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)


class DataMissingError(DatabaseError):
    """The data file is gone but its backups are there: starting empty would hide them."""

    def __init__(self, path: Path, newest: BackupInfo) -> None:
        when = newest.created.astimezone().strftime("%Y-%m-%d %H:%M")
        super().__init__(
            f"There is no data file at {path}, but there are backups of it; nothing was created. "
            f"`hipdesk restore {newest.path}` puts the newest one (from {when}) in place."
        )
        self.path = path
        self.newest = newest


def open_store(
    path: Path,
    notify: Callable[[str], None] | None = None,
    read_only: bool = False,
    start_empty: bool = False,
) -> Repo:
    """Open the database at ``path`` ready for use; raises HipDeskError with a clear message.

    The caller holds the data lock unless ``read_only``. A damaged file is first put aside and the
    newest good backup restored (see db.recovery); ``notify`` is then told what happened, in a
    sentence for the runner. A missing file whose backups are there is refused
    (DataMissingError) unless ``start_empty``. ``read_only`` reads the data as it is, for a
    command run while another HipDesk holds the lock.
    """
    from hipdesk.db.recovery import recover_checked

    path = Path(path).expanduser()
    if read_only:
        return Repo(open_database(path, read_only=True))
    with storage_errors(path):
        clean_stale_parts(backup_dir(path))  # what killed backups left
        recovered, sound = recover_checked(path)
        if recovered is not None:
            (notify or logger.warning)(recovered.text())
        if not start_empty and not path.exists() and path.parent.is_dir():
            newest = next(iter(list_backups(path)), None)
            if newest is not None:
                raise DataMissingError(path, newest)
        db = open_database(path, checked=sound)
        try:
            repo = Repo(db)
            bring_up_to_date(repo)
        except Exception:
            db.close()
            raise
    return repo


def bring_up_to_date(repo: Repo) -> None:
    """The built-in exercises as this HipDesk has them, and starter content on a new file."""
    fingerprint = catalogue_fingerprint()
    if repo.meta("catalogue_fingerprint") != fingerprint:
        exercises = load_catalogue()
        repo.sync_catalogue(exercises, fingerprint)
        logger.info("built-in exercises refreshed (%d)", len(exercises))
    if repo.meta("starter_content") is None:
        from hipdesk.catalogue.starter import starter_routines, starter_week  # a new file's alone

        by_id = {ex.id: ex for ex in repo.exercises()}
        repo.seed_starter_content(starter_routines(by_id), starter_week())
