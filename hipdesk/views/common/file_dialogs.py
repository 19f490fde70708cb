"""Open and save dialogs that start in the folder last used for the same kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from hipdesk.app.settings import LAST_FOLDERS


def start_folder(kind: str) -> Path | None:
    """The folder last used for ``kind`` if it still exists, else the Documents folder (None when
    the system names none)."""
    saved = LAST_FOLDERS[kind].get()
    if saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else None


def remember(kind: str, path: str) -> None:
    """Keep the folder of ``path`` as the one the next dialog for ``kind`` opens in."""
    if path:
        LAST_FOLDERS[kind].set(str(Path(path).parent))


def start_path(kind: str, name: str) -> str:
    """``name`` in the folder a dialog for ``kind`` opens in."""
    folder = start_folder(kind)
    return str(folder / name) if folder else name


def save_file(parent: QWidget | None, kind: str, title: str, name: str, filters: str) -> str:
    """Ask where to save; the dialog opens in the last folder for ``kind`` with ``name`` filled in.
    Returns the path chosen, or "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start_path(kind, name), filters)
    remember(kind, path)
    return path


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str:
    """Ask which file to open, starting in the last folder for ``kind``; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_path(kind, ""), filters)
    remember(kind, path)
    return path
