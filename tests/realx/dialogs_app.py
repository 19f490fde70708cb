"""Opens HipDesk's window and then each of its dialogs on the X server, one after the other, and
prints for each a JSON line: the screen's available area and the global rectangle of every button.

Run by test_small_screens.py; the data file is HIPDESK_DB.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from hipdesk.store import open_store
from hipdesk.views.common.application import make_application
from hipdesk.views.shell.main_window import MainWindow


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def report(name: str, window: QWidget) -> None:
    if not QTest.qWaitForWindowExposed(window, 60_000):
        raise SystemExit(f"{name} was never shown")
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(50)
    buttons: list[QAbstractButton] = list(window.findChildren(QAbstractButton))  # tool bars' too
    for box in window.findChildren(QDialogButtonBox):
        buttons += [b for b in box.buttons() if b not in buttons]
    shown = []
    for button in buttons:
        if button.isVisible():
            top_left = button.mapToGlobal(button.rect().topLeft())
            shown.append([button.text(), *_rect(QRect(top_left, button.size()))])
    area = window.screen().availableGeometry()
    line = {"window": name, "area": _rect(area), "frame": _rect(window.frameGeometry()), "buttons": shown}
    print(json.dumps(line), flush=True)


def main() -> int:
    app = make_application([sys.argv[0]])
    repo = open_store(Path(os.environ["HIPDESK_DB"]))
    win = MainWindow(repo)
    win.restore_state()
    win.show()
    report("main window", win)

    from hipdesk.views.library.exercise_dialog import ExerciseDialog
    from hipdesk.views.printing.jobs import pdf_dialog, preview_dialog, routine_job, week_job
    from hipdesk.views.session.settings import SessionSettingsDialog
    from hipdesk.views.shell.data_tools import RestoreDialog

    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("New Exercise", lambda: ExerciseDialog(None, win)),
        ("Edit Exercise", lambda: ExerciseDialog(repo.exercises()[0], win)),
        ("PDF preview of a routine", lambda: pdf_dialog(routine_job(repo, "Hip strength"), win)),
        ("PDF preview of the week", lambda: pdf_dialog(week_job(repo), win)),
        ("Print preview", lambda: preview_dialog(week_job(repo), win)),
        ("Session settings", lambda: SessionSettingsDialog(win, speech_engine="mock")),
        ("Restore from backup", lambda: RestoreDialog([], win)),
    ]
    for name, make in dialogs:
        dialog = make()
        dialog.show()
        report(name, dialog)
        dialog.close()
        dialog.deleteLater()
    print(json.dumps({"done": True}), flush=True)
    win.close()
    return 0 if app is not None else 1


if __name__ == "__main__":
    raise SystemExit(main())
