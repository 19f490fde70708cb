"""The window's side of unexpected errors: the dialog with the details to copy, and a full disk told
in one sentence (the handler itself is hipdesk.app.crash)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def crash_dialog(parent: QWidget | None, summary: str, details: str, log_file: Path | None) -> QMessageBox:
    where = f" The details are also in {log_file}." if log_file else ""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "HipDesk: Unexpected Error",
        "Something went wrong that HipDesk did not expect. Everything saved before it is safe; "
        f"the step that failed was not saved.{where}\n\n{summary}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText(details)
    copy = box.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(f"{summary}\n\n{details}"))
    return box


def show_crash_dialog(parent: QWidget | None, summary: str, details: str, log_file: Path | None) -> None:
    crash_dialog(parent, summary, details, log_file).exec()


def dialogs_over(
    window: Callable[[], QWidget | None], log_file: Callable[[], Path | None]
) -> tuple[Callable[[str, str], None], Callable[[str], None]]:
    """The crash handler's two dialogs, over the window ``window()`` returns; the crash dialog
    names the log file ``log_file()`` returns."""

    def crashed(summary: str, details: str) -> None:
        show_crash_dialog(window(), summary, details, log_file())

    def disk_full(text: str) -> None:
        from hipdesk.views.common.widgets import message

        message(window(), "Disk Full", text)

    return crashed, disk_full
