"""Opens the data: the database file, the built-in exercises brought up to date, starter content."""

from __future__ import annotations

import logging
from pathlib import Path

from hipdesk.catalogue.loader import catalogue_fingerprint, load_catalogue
from hipdesk.catalogue.starter import starter_routines, starter_week
from hipdesk.db.database import open_database
from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)


def open_store(path: Path) -> Repo:
    """Open the database at ``path`` ready for use; raises HipDeskError with a clear message."""
    db = open_database(path)
    try:
        repo = Repo(db)
        fingerprint = catalogue_fingerprint()
        if repo.meta("catalogue_fingerprint") != fingerprint:
            exercises = load_catalogue()
            repo.sync_catalogue(exercises, fingerprint)
            logger.info("built-in exercises refreshed (%d)", len(exercises))
        if repo.meta("starter_content") is None:
            by_id = {ex.id: ex for ex in repo.exercises()}
            repo.seed_starter_content(starter_routines(by_id), starter_week())
    except Exception:
        db.close()
        raise
    return repo
