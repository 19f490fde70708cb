"""Tools menu: check the database, back up now, restore from a backup chosen in a list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hipdesk.app.operations import backups
from hipdesk.db import backup
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.rules import plural
from hipdesk.views.common.dates import long_date_time, short_date_time
from hipdesk.views.common.screens import fit_on_screen
from hipdesk.views.common.widgets import confirm, message

if TYPE_CHECKING:
    from hipdesk.views.shell.main_window import MainWindow


REASONS = {
    "launch": "at start",
    "periodic": "while open",
    "manual": "by hand",
    "before-import": "before an import",
    "before-restore": "before a restore",
}


def reason_text(reason: str) -> str:
    if reason.startswith("before-v"):
        return "before a format upgrade"
    return REASONS.get(reason, reason)


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _db_path(window: MainWindow) -> Path:
    assert window.repo is not None
    return Path(window.repo.db.database)


def check_database(window: MainWindow) -> list[str]:
    """Tools ▸ Check Database: the full integrity check, said in one message."""
    path = _db_path(window)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        problems = backup.integrity_check(path)
    finally:
        QApplication.restoreOverrideCursor()
    if problems == ["ok"]:
        count = len(backup.list_backups(path))
        message(
            window,
            "Check Database",
            f"The data file is sound: every page and index checked out.\n\n{path}\n"
            f"{plural(count, 'backup')}.",
            QMessageBox.Icon.Information,
        )
    else:
        shown = "\n".join(problems[:10])
        message(
            window,
            "Check Database",
            f"The data file has problems:\n\n{shown}\n\nRestore from Backup… puts an earlier copy in "
            "its place (the current data is kept).",
            QMessageBox.Icon.Critical,
        )
    return problems


def back_up_now(window: MainWindow) -> Path | None:
    assert window.repo is not None
    try:
        path, _change = backups.back_up_now(window.repo)
    except HipDeskError as exc:
        message(window, "Back Up Now", str(exc))
        return None
    window.statusBar().showMessage(f"Backed up to {path}.", 8000)
    return path


class RestoreDialog(QDialog):
    """The backups with their dates, sizes and why they were made; the chosen one is restored."""

    def __init__(self, backups: list[backup.BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.resize(620, 420)
        fit_on_screen(self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose the copy to put in place of your data. Your data as it is now is backed up first, "
            "so a restore can itself be undone."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels(["Date", "Made", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for info in backups:
            when = info.created.astimezone()  # named in UTC, shown in the runner's time
            columns = [short_date_time(when), reason_text(info.reason), size_text(info.size)]
            item = QTreeWidgetItem(columns)
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.list.setColumnWidth(0, self.list.columnWidth(0) + 24)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._on_list_item_selection_changed()

    def _on_list_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None


def restore_backup(window: MainWindow, chosen: Path) -> bool:
    """Back up the data as it is, then put ``chosen`` in its place inside the open connection."""
    assert window.repo is not None
    try:
        kept, change = backups.restore(window.repo, chosen)
    except HipDeskError as exc:
        message(window, "Restore from Backup", str(exc))
        return False
    for stack in window.undo_group.stacks():
        stack.clear()  # the steps to undo belong to the data that was replaced
    window.apply_change(change)
    window.statusBar().showMessage(f"Restored {chosen.name}. The data as it was is in {kept}.", 12000)
    return True


def restore_dialog(window: MainWindow) -> None:
    """Tools ▸ Restore from Backup…"""
    if window.repo is None:
        return
    if window.sessions.open:  # a running session writes sets as they finish
        message(window, "Restore from Backup", "Finish or close the guided session first.")
        return
    backups = backup.list_backups(_db_path(window))
    if not backups:
        message(
            window,
            "Restore from Backup",
            "There are no backups yet. HipDesk makes one at start and every 30 minutes when "
            "something changed; Back Up Now makes one at once.",
            QMessageBox.Icon.Information,
        )
        return
    dialog = RestoreDialog(backups, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    chosen = dialog.chosen()
    assert chosen is not None
    info = next(b for b in backups if b.path == chosen)
    if confirm(
        window,
        "Restore from Backup",
        f"Put the data as it was on {long_date_time(info.created)} in place of your "
        "data now? "
        "Your data as it is now is backed up first.",
        "Restore",
    ):
        restore_backup(window, chosen)
