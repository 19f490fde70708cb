"""Where HipDesk keeps its data: the platform's application-data folder, or an override."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "HipDesk"
APP_ID = "io.github.hipdesk.HipDesk"
DB_FILENAME = "hipdesk.sqlite"
DB_ENV = "HIPDESK_DB"


def data_dir() -> Path:
    """The platform's folder for application data (e.g. ``~/.local/share/HipDesk`` on Linux).

    Named from the generic data folder, so it is the same with or without an application object.
    """
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / APP_NAME


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` first, then the ``HIPDESK_DB`` variable, then the data folder (created)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DB_FILENAME
