"""The History page over 10 years of daily sessions: list, filters, detail, notes, delete and undo,
calendar, charts (QtCharts loaded only when the page opens), and the streak on Today."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from hipdesk.domain.history import DayState
from hipdesk.domain.model import PlannedDay, PlannedRoutine, SessionStatus, WeekPlan
from hipdesk.views.history.model import Column

END = dt.date(2025, 6, 30)  # the generated history's last day
TODAY = END + dt.timedelta(days=1)


def _history_data():
    import importlib.util

    name = "hipdesk_tests_history_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "history_data.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hipdesk.store import open_store

    path = tmp_path_factory.mktemp("history") / "ten-years.sqlite"
    repo = open_store(path)
    _history_data().generate(repo, end=END)
    repo.db.close()
    return path


@pytest.fixture
def window(qtbot, ten_years, db_path):
    from hipdesk.store import open_store
    from hipdesk.views.history.page import HistoryPage
    from hipdesk.views.shell.main_window import MainWindow

    shutil.copy(ten_years, db_path)
    repo = open_store(db_path)
    monkey = pytest.MonkeyPatch()
    monkey.setattr(HistoryPage, "today", staticmethod(lambda: TODAY), raising=False)
    w = MainWindow(repo)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    monkey.undo()
    repo.db.close()


def _page(window):
    window.show_page("history")
    page = window.history_page
    page.today = lambda: TODAY
    page.reload()
    return page


def test_sessions_newest_first_with_their_figures(window) -> None:
    page = _page(window)
    model = page.model
    assert model.rowCount() == 3650
    assert model.fetches <= 2  # the visible page, not 3650 rows
    first = model.index(0, 0).data()
    assert first.startswith(END.isoformat()) or first.startswith((END - dt.timedelta(days=1)).isoformat())
    assert model.index(0, Column.DONE).data().isdigit()
    assert "3650 sessions" in page.ui.summaryLabel.text()
    assert page.current_session_id() == model.index(0, 0).data(257)


def test_filter_by_routine_and_dates(window) -> None:
    page = _page(window)
    ui = page.ui
    ui.routineCombo.setCurrentText("Hip stretch")
    assert {page.model.summary(r).routine_name for r in range(20)} == {"Hip stretch"}
    ui.fromDate.setDate(QDate(2025, 3, 1))
    ui.toDate.setDate(QDate(2025, 3, 31))
    assert 10 <= page.model.rowCount() <= 11
    ui.allTimeButton.click()
    assert page.model.rowCount() == 3650 and ui.routineCombo.currentIndex() == 0


def test_the_detail_lists_every_set_and_notes_are_saved_as_plain_text(window, qtbot) -> None:
    page = _page(window)
    page.select_row(3)
    session_id = page.current_session_id()
    lines = window.repo.session_sets(session_id)
    assert page.ui.setsTree.topLevelItemCount() == len(lines) > 10
    assert page.ui.setsTree.topLevelItem(0).text(0) == lines[0].exercise_name
    qtbot.keyClicks(page.ui.notesEdit, "<b>left</b> hip tight")
    assert page.ui.saveNotesButton.isEnabled()
    page.ui.saveNotesButton.click()
    assert window.repo.session(session_id).notes.endswith("<b>left</b> hip tight")
    assert page.ui.detailLabel.textFormat() == Qt.TextFormat.PlainText
    # unsaved notes are kept when another session is chosen
    page.ui.notesEdit.setPlainText("switching")
    page.ui.notesEdit.document().setModified(True)
    page.select_row(4)
    assert window.repo.session(session_id).notes == "switching"


def test_delete_with_undo_and_redo(window) -> None:
    page = _page(window)
    page.select_row(2)
    session_id = page.current_session_id()
    sets = len(window.repo.session_sets(session_id))
    page.ui.deleteButton.click()
    assert page.model.rowCount() == 3649 and session_id not in page.model.ids()
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().startswith("&Undo Delete")
    window.undo_action.trigger()
    assert page.model.rowCount() == 3650 and page.current_session_id() == session_id
    assert len(window.repo.session_sets(session_id)) == sets
    window.redo_action.trigger()
    assert session_id not in window.repo.history_ids()


def test_calendar_marks_done_partly_missed_and_planned(window) -> None:
    repo = window.repo
    plan = repo.week_plan()
    routine = repo.routines()[0]
    # every day planned: the generated days are done (or partly), a gap is missed, tomorrow is planned
    every_day = WeekPlan(tuple(PlannedDay(d, routines=(PlannedRoutine(routine.name, routine_id=routine.id),))
                               for d in range(7)))  # fmt: skip
    repo.save_week_plan(every_day)
    gap = END - dt.timedelta(days=3)
    for session_id in repo.history_ids(None, gap, gap):
        repo.delete_session(session_id)
    page = _page(window)
    page.ui.tabs.setCurrentWidget(page.ui.calendarTab)
    # the newest session that ended early, in whichever month the generated history has it
    partial = next(s for s in repo.history_summaries(repo.history_ids(None, dt.date(2025, 1, 1), END))
                   if s.status is SessionStatus.PARTIAL).started_at.astimezone().date()  # fmt: skip
    page.calendar.setCurrentPage(partial.year, partial.month)
    assert page.calendar_state(partial) is DayState.PARTLY
    page.calendar.setCurrentPage(2025, 6)
    assert page.calendar_state(gap) is DayState.MISSED
    assert page.calendar_state(END) is DayState.DONE
    page.calendar.setCurrentPage(2025, 7)
    assert page.calendar_state(TODAY) is DayState.PLANNED
    assert page.calendar_state(TODAY + dt.timedelta(days=5)) is DayState.PLANNED
    repo.save_week_plan(plan)


def test_charts_weeks_progress_sides_and_hints(window) -> None:
    page = _page(window)
    assert len(page.weeks_minutes.values) == 12
    assert all(v > 0 for v in page.weeks_minutes.values[:-1])
    assert page.weeks_sessions.values[:-1] == [7.0] * 11
    page.ui.tabs.setCurrentWidget(page.ui.progressTab)
    index = page.ui.exerciseCombo.findData("clamshell")
    page.ui.exerciseCombo.setCurrentIndex(index)
    left = page.progress_chart.series
    assert {s.value for s in left} == {"left", "right"}
    assert left[next(iter(left))].count() > 400  # ten years, a point a week
    assert "level" in page.ui.balanceLabel.text()  # the right side caught up
    assert {s.value for s in page.sides_chart.series} == {"left", "right"}
    page.ui.tabs.setCurrentWidget(page.ui.hintsTab)
    assert "Clamshell" in page.ui.hintsLabel.text() and "band" in page.ui.hintsLabel.text()
    assert any(h.exercise_id == "glute-bridge" for h in page.hints)


def test_today_shows_the_streak(window, qtbot) -> None:
    repo = window.repo
    routine = repo.routines()[0]
    one_a_week = WeekPlan(tuple(PlannedDay(d, routines=(PlannedRoutine(routine.name, routine_id=routine.id),)
                                           if d == 0 else ()) for d in range(7)))  # fmt: skip
    repo.save_week_plan(one_a_week)
    today = window.today_page
    today.today = lambda: TODAY
    today.reload()
    assert today.streak >= 500  # ten years, every week met
    assert "weeks in a row" in today.streak_label.text()
    # the two weeks before this one without a session: only this week (met on Monday) counts
    for session_id in repo.history_ids(None, END - dt.timedelta(days=14), END - dt.timedelta(days=1)):
        repo.delete_session(session_id)
    today.reload()
    assert today.streak == 1


def test_qtcharts_is_imported_only_when_history_opens(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        import hipdesk
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from hipdesk.store import open_store
        from hipdesk.views.shell.main_window import MainWindow
        w = MainWindow(open_store(Path(sys.argv[1])))
        w.show(); app.processEvents()
        for key in ("today", "library", "routines", "week"):
            w.show_page(key); app.processEvents()
        before = "PySide6.QtCharts" in sys.modules
        w.show_page("history"); app.processEvents()
        print(before, "PySide6.QtCharts" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "db.sqlite")],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert out.stdout.split() == ["False", "True"], out.stderr


def _axis_labels(chart) -> list[int]:
    """The numbers a user reads on a chart's value axis."""
    from PySide6.QtCharts import QValueAxis

    (axis,) = [a for a in chart.chart_.axes() if isinstance(a, QValueAxis)]
    assert axis.labelFormat() == "%d"
    step, top = axis.tickInterval(), axis.max()
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic and axis.tickAnchor() == 0
    ticks = [step * i for i in range(int(top / step) + 1)]
    return [int(t) for t in ticks if t == int(t)] if all(t == int(t) for t in ticks) else []


def test_every_column_in_sight_at_the_default_window_size(qtbot, ten_years, db_path) -> None:
    from hipdesk.store import open_store
    from hipdesk.views.shell.main_window import MainWindow

    shutil.copy(ten_years, db_path)
    repo = open_store(db_path)
    w = MainWindow(repo)
    qtbot.addWidget(w)
    w.show()  # the window's own default size, which a 1366×768 screen holds
    assert w.width() <= 1366 and w.height() <= 768
    page = _page(w)
    qtbot.wait(50)
    table = page.ui.sessionTable
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    for column in (Column.ROUTINE, Column.STATUS, Column.LEFT, Column.RIGHT):
        title = page.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
    names = [page.model.index(r, Column.ROUTINE).data() for r in range(20)]
    widest = max(table.fontMetrics().horizontalAdvance(n) for n in names)
    assert header.sectionSize(Column.ROUTINE) >= widest  # "Run warm-up" is not cut
    assert {page.model.index(r, Column.STATUS).data() for r in range(20)} <= {"Finished", "Partial"}
    repo.db.close()


def test_a_new_user_is_told_what_will_show_and_the_charts_start_with_the_plan(qtbot, repo) -> None:
    from hipdesk.views.shell.main_window import MainWindow

    w = MainWindow(repo)
    qtbot.addWidget(w)
    w.show()
    w.show_page("history")
    page = w.history_page
    assert page.model.rowCount() == 0
    assert page.table_note.isVisible() and "shows here" in page.table_note.text()
    assert "Finish" in page.table_note.text() or "finish" in page.table_note.text()
    assert "sets show here" in page.ui.detailLabel.text()
    assert "finish a session" in page.ui.legendLabel.text()  # the calendar
    # the starter plan was made today: one week of plan, not twelve weeks before the user existed
    assert len(page.weeks_minutes.values) == 1 and page.weeks_minutes.values == [0.0]
    assert not page.weeks_minutes.note.isVisible()
    page.ui.tabs.setCurrentWidget(page.ui.progressTab)
    assert page.progress_chart.note.isVisible() and "Finish a session" in page.progress_chart.note.text()
    assert page.sides_chart.note.isVisible() and "shows here" in page.sides_chart.note.text()


def test_the_charts_start_at_the_first_session(window) -> None:
    page = _page(window)
    page._since = TODAY - dt.timedelta(days=15)  # as if the history began a fortnight ago
    page._plan_start = None
    page.refresh_overview()
    assert len(page.weeks_minutes.values) in (3, 4)  # this week and the two or three before


def test_chart_axes_count_in_whole_numbers(window) -> None:
    from hipdesk.views.history.charts import whole_axis

    page = _page(window)
    assert _axis_labels(page.weeks_sessions) == [0, 2, 4, 6, 8]  # seven sessions a week
    assert all(t % 1 == 0 for t in _axis_labels(page.weeks_minutes))
    page.ui.tabs.setCurrentWidget(page.ui.progressTab)
    page.ui.exerciseCombo.setCurrentIndex(page.ui.exerciseCombo.findData("clamshell"))
    labels = _axis_labels(page.progress_chart)
    assert labels and len(labels) <= 6 and len(set(labels)) == len(labels)
    assert _axis_labels(page.sides_chart) == [0, 2, 4, 6, 8, 10]
    for value in (0, 1, 3, 7, 13, 45, 90, 150, 600, 5000):
        top, step = whole_axis(value)
        assert step >= 1 and top > value - 1 and top % step == 0 and top / step <= 6
