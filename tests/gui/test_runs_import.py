"""File ▸ Import Runs…, runs dropped on the window, and File ▸ Import Training Plan…."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from hipdesk.db.runs import RunStore
from hipdesk.domain.model import RunKind
from hipdesk.views.shell.plan_dialog import PlanDialog
from tests.run_files import write_fit, write_gpx


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window's message boxes say, without waiting for a click."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    return texts


def test_the_file_menu_has_both_imports_after_import_routine(main_window) -> None:
    win = main_window()
    texts = [a.text() for a in win.ui.menuFile.actions()]
    at = texts.index(win.ui.actionImportRoutine.text())
    assert texts[at + 1 : at + 3] == ["Import &Runs…", "Import Training &Plan…"]
    assert win.run_import.runs_action.isEnabled()


def test_runs_dropped_on_the_window_are_imported_and_a_broken_one_named(
    main_window, repo, tmp_path: Path, said: list[str]
) -> None:
    win = main_window()
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"not fit")
    files = [
        write_gpx(tmp_path / "a.gpx"),
        broken,
        write_fit(tmp_path / "b.fit", start=dt.datetime(2026, 4, 1, tzinfo=dt.UTC)),
    ]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    assert sorted(r.source for r in RunStore(repo.db).runs()) == ["a.gpx", "b.fit"]
    assert win.statusBar().currentMessage() == "Imported 2 runs."
    assert len(said) == 1 and "broken.fit: not a readable FIT file" in said[0]
    win.run_import.import_runs([files[0]])  # the same run again is kept once
    assert len(RunStore(repo.db).runs()) == 2
    assert win.statusBar().currentMessage() == "Imported 0 runs, 1 already there."


PLAN = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Coach//Plan//EN\r
BEGIN:VEVENT\r
UID:a@coach\r
DTSTART;VALUE=DATE:{day}\r
RRULE:FREQ=DAILY;COUNT=3\r
SUMMARY:Hill session\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_plan_is_shown_corrected_and_applied_and_the_correction_kept(
    main_window, repo, tmp_path: Path
) -> None:
    win = main_window()
    path = tmp_path / "plan.ics"
    today = dt.date.today()
    path.write_text(PLAN.format(day=today.strftime("%Y%m%d")), encoding="utf-8", newline="")
    shown: list[PlanDialog] = []

    class Correcting(PlanDialog):
        def exec(self) -> int:
            shown.append(self)
            assert [b.currentData() for b in self.boxes] == [RunKind.WORKOUT] * 3  # "hill" guessed
            self.boxes[0].setCurrentIndex(self.boxes[0].findData(RunKind.EASY))  # all three follow
            return int(PlanDialog.DialogCode.Accepted)

    win.run_import.import_plan(path, Correcting)
    QApplication.processEvents()
    assert [b.currentData() for b in shown[0].boxes] == [RunKind.EASY] * 3
    store = RunStore(repo.db)
    assert store.keywords() == {"hill session": RunKind.EASY}
    assert store.plan_runs(today, today)[today].kind is RunKind.EASY
    assert repo.week_plan().days[today.weekday()].run is RunKind.EASY


def test_a_file_that_is_no_plan_says_so_and_changes_nothing(
    main_window, repo, tmp_path: Path, said: list[str]
) -> None:
    win = main_window()
    before = repo.week_plan()
    path = tmp_path / "notes.ics"
    path.write_text("hello", encoding="utf-8")
    assert win.run_import.import_plan(path) is None
    assert said == ["notes.ics: not an iCalendar (.ics) file"]
    assert repo.week_plan() == before
