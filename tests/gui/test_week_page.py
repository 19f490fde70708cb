from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox

from hipdesk.app.context import AppContext
from hipdesk.domain.model import WEEKDAY_NAMES, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.views.common.weekdays import week_order
from hipdesk.views.shell import reminders
from hipdesk.views.shell.main_window import MainWindow
from hipdesk.views.week.model import Role
from hipdesk.views.week.page import DayColumn, WeekPage

MARKUP = '<b>x</b><img src="file:///etc/passwd">'
WEDNESDAY = dt.date(2027, 3, 17)


@pytest.fixture
def window(qtbot, repo):
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def page(window) -> WeekPage:
    window.show_page("week")
    page = window.week_page
    page.today = lambda: WEDNESDAY
    return page


def planned(window, weekday: int) -> list[str]:
    return [p.routine_name for p in window.repo.week_plan().days[weekday].routines]


def routine_mime(page: WeekPage, name: str):
    model = page.routine_list
    row = next(r for r in range(model.rowCount()) if model.routine_at(r).name == name)
    return model.mimeData([model.index(row, 0)])


def test_seven_readable_columns_beside_the_routines(window, page) -> None:
    assert window.current_page() == "week" and window.ui.pages.currentWidget() is page
    columns = page.findChildren(DayColumn)
    assert len(columns) == 7
    days = page.ui.daysWidget
    for column in columns:
        assert column.isVisible() and column.width() >= 100
        assert column.geometry().right() <= days.width()  # nothing clipped at 1280 × 800
        assert column.list.viewport().width() >= 85
    monday = page.columns[0]
    assert monday.name_label.text() == "Monday" and monday.run_combo.currentText() == "Rest day"
    assert [monday.list.model().index(r, 0, monday.list.rootIndex()).data() for r in range(1)] == [
        "Hip strength"
    ]
    assert monday.minutes_label.text().startswith("about ")
    assert page.columns[6].run_combo.currentText() == "Long run"
    assert page.routine_list.rowCount() == 3
    assert page.ui.guidanceList.count() >= 2
    assert "routines planned" in page.ui.summaryLabel.text()


@pytest.mark.parametrize(
    ("locale", "first"),
    [
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "Sunday"),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "Monday"),
        (QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt), "Saturday"),
    ],
)
def test_the_week_starts_on_the_locales_first_day(qtbot, repo, locale: QLocale, first: str) -> None:
    before = QLocale()
    QLocale.setDefault(locale)
    try:
        page = WeekPage(AppContext.around(repo))
        qtbot.addWidget(page)
    finally:
        QLocale.setDefault(before)
    layout = page.ui.daysLayout
    names = [layout.itemAt(i).widget().name_label.text() for i in range(layout.count())]
    assert names[0] == first and sorted(names) == sorted(WEEKDAY_NAMES)
    assert [a.text() for a in page.add_menu.actions()][0] == first


def test_today_is_marked(window, page) -> None:
    page.reload()
    assert page.columns[2].is_today and not page.columns[1].is_today
    assert page.columns[2].name_label.accessibleName() == "Wednesday, today"


def test_drop_a_routine_on_a_day_saves_it_and_undo_takes_it_back(window, page) -> None:
    wednesday = page.model.day_index(2)
    assert page.model.dropMimeData(
        routine_mime(page, "Hip strength"), Qt.DropAction.CopyAction, -1, -1, wednesday
    )
    assert planned(window, 2) == ["Run warm-up", "Hip stretch", "Hip strength"]
    assert page.columns[2].list.selectionModel().isSelected(page.model.entry_index(2, 2))
    assert window.undo_action.text() == "&Undo Plan “Hip strength” on Wednesday"
    window.undo_action.trigger()
    assert planned(window, 2) == ["Run warm-up", "Hip stretch"]
    window.redo_action.trigger()
    assert planned(window, 2) == ["Run warm-up", "Hip stretch", "Hip strength"]


def test_move_between_days_by_drag(window, page) -> None:
    data = page.model.mimeData([page.model.entry_index(0, 0)])  # Monday's strength
    assert page.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, page.model.day_index(1))
    assert planned(window, 0) == [] and planned(window, 1) == ["Hip strength"]
    assert window.repo.week_plan().days[1].routines[0].time == dt.time(18, 30)
    assert page.columns[0].minutes_label.text() == "Nothing planned"


def test_delete_key_removes_the_selected_routine(window, page, qtbot) -> None:
    view = page.columns[6].list
    view.setFocus()
    view.setCurrentIndex(page.model.entry_index(6, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert planned(window, 6) == ["Hip stretch"]
    window.undo_action.trigger()
    assert planned(window, 6) == ["Run warm-up", "Hip stretch"]


def test_several_routines_a_day_and_the_add_menu(window, page) -> None:
    page.ui.routineList.selectAll()
    next(a for a in page.add_menu.actions() if a.text() == "Thursday").trigger()
    assert planned(window, 3) == ["Hip strength", "Run warm-up", "Hip stretch"]
    assert "already planned on Thursday" in window.statusBar().currentMessage()


def test_run_kind_combo_and_the_caution_it_brings(window, page) -> None:
    combo = page.columns[4].run_combo
    combo.setCurrentIndex(combo.findData(RunKind.RACE.value))
    combo.activated.emit(combo.currentIndex())
    assert window.repo.week_plan().days[4].run is RunKind.RACE
    texts = [page.ui.guidanceList.item(i).text() for i in range(page.ui.guidanceList.count())]
    assert texts[0].startswith(
        "Thursday has strength work (“Hip strength”) the day before your race on Friday."
    )
    assert page.columns[3].warning_label.isVisibleTo(page) and not page.columns[2].warning_label.isVisibleTo(
        page
    )
    page.ui.guidanceList.setCurrentRow(0)  # a note lights up the days it is about
    assert "2px" in page.columns[4].styleSheet() and "2px" not in page.columns[2].styleSheet()
    window.undo_action.trigger()
    assert window.repo.week_plan().days[4].run is RunKind.REST and combo.currentText() == "Rest day"


def type_time(view, index, text: str, qtbot) -> str:
    """Edit the time in place as a user does: open the editor, type, press Enter; returns what it showed."""
    view.setCurrentIndex(index)
    assert view.edit(index, view.EditTrigger.EditKeyPressed, None)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    shown = editor.text()
    editor.selectAll()
    qtbot.keyClicks(editor, text) if text else editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # the delegate commits queued
    return shown


def test_time_of_day_is_edited_in_place_and_bad_times_are_refused(window, page, qtbot) -> None:
    view = page.columns[2].list
    index = page.model.entry_index(2, 0)
    view.setCurrentIndex(index)
    assert view.edit(index, view.EditTrigger.EditKeyPressed, None)
    editor = view.indexWidget(index)
    assert editor.text() == "07:00"
    editor.selectAll()
    qtbot.keyClicks(editor, "25:99")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    # refused, not dropped: the field stays open with what was typed, and says why
    assert view.state() == view.State.EditingState and view.indexWidget(index) is editor
    assert editor.text() == "25:99"
    assert "'25:99' is not a time of day" in editor.toolTip()
    assert "'25:99' is not a time of day" in window.statusBar().currentMessage()
    assert window.repo.week_plan().days[2].routines[0].time == dt.time(7, 0)
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "not a time" in editor.toolTip()  # "25" is not one yet
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "07:15")
    assert "not a time" not in editor.toolTip()  # the message goes once the time is right
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert window.repo.week_plan().days[2].routines[0].time == dt.time(7, 15)
    type_time(view, index, "6:15", qtbot)
    assert window.repo.week_plan().days[2].routines[0].time == dt.time(6, 15)
    assert index.data(Role.SUBTITLE).startswith("06:15 · ")
    type_time(view, index, "", qtbot)
    # any time: after the routines with a time
    assert [p.time for p in window.repo.week_plan().days[2].routines] == [dt.time(18, 30), None]


def test_a_day_is_in_time_order(window, page, qtbot) -> None:
    """06:45 before 07:00, whatever order they were typed or dropped in; any time comes last."""
    model = page.model
    view = page.columns[2].list  # Wednesday: Run warm-up 07:00, Hip stretch 18:30
    assert [p.time for p in model.entries(2)] == [dt.time(7, 0), dt.time(18, 30)]
    type_time(view, model.entry_index(2, 1), "06:45", qtbot)
    assert [(p.routine_name, p.time) for p in window.repo.week_plan().days[2].routines] == [
        ("Hip stretch", dt.time(6, 45)),
        ("Run warm-up", dt.time(7, 0)),
    ]
    assert [view.model().index(r, 0, view.rootIndex()).data() for r in range(2)] == [
        "Hip stretch",
        "Run warm-up",
    ]
    window.undo_action.trigger()  # back to 18:30 and back below
    assert [p.time for p in model.entries(2)] == [dt.time(7, 0), dt.time(18, 30)]
    # a routine dropped at the top of the day goes after the timed ones: it is for any time
    strength = next(r.id for r in model.routines() if r.name == "Hip strength")
    model.add_routines([strength], 2, 0)
    assert [p.time for p in window.repo.week_plan().days[2].routines] == [
        dt.time(7, 0),
        dt.time(18, 30),
        None,
    ]
    # dragging a timed routine below it does not break the order, and says why
    data = model.mimeData([model.entry_index(2, 0)])
    with qtbot.waitSignal(model.notice) as notice:
        model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.day_index(2))
    assert "time order" in notice.args[0]
    assert [p.time for p in model.entries(2)] == [dt.time(7, 0), dt.time(18, 30), None]


def test_a_deleted_routine_shows_as_gone_and_can_be_removed(window, page, monkeypatch) -> None:
    window.show_page("routines")
    routines = window.routines_page
    assert routines.select_routine("Hip strength")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: self.buttons()[-1])  # "Delete"
    routines.delete_routine()
    assert "Hip strength" not in window.repo.routine_names()
    window.show_page("week")  # refreshed on the way back
    gone = page.model.entry_index(0, 0)
    assert gone.data() == "Hip strength" and gone.data(Role.MISSING)
    assert gone.data(Role.SUBTITLE) == "Deleted"
    notes = [page.ui.guidanceList.item(i).text() for i in range(page.ui.guidanceList.count())]
    assert notes[0] == "“Hip strength” on Monday and Thursday no longer exists: remove it from your week."
    button = page.ui.removeMissingButton
    assert button.isVisibleTo(page) and button.text() == "Remove the Deleted Routines"
    button.click()
    assert planned(window, 0) == [] and planned(window, 3) == []
    assert not button.isVisibleTo(page)
    assert "Removed 2 deleted routines" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert planned(window, 0) == ["Hip strength"]


def test_a_renamed_routine_shows_its_new_name(window, page) -> None:
    routine_id = window.repo.routine("Hip stretch").id
    window.show_page("routines")
    window.routines_page._on_routine_list_rename_requested(routine_id, "Stretch after runs")
    window.show_page("week")
    assert page.model.entry_index(2, 1).data() == "Stretch after runs"
    assert "Stretch after runs" in [page.routine_list.routine_at(r).name for r in range(3)]


def test_names_with_markup_are_shown_as_typed(window, page) -> None:
    saved = window.repo.save_routine(Routine(MARKUP, (RoutineItem("squat", reps=5),)))
    page.reload()
    page.model.add_routines([saved.id], 4)
    entry = page.model.entry_index(4, 0)
    assert entry.data() == MARKUP
    assert "&lt;b&gt;" in entry.data(Qt.ItemDataRole.ToolTipRole)  # escaped, so shown as typed
    window.repo.delete_routine(saved.id)
    page.reload()
    notes = [page.ui.guidanceList.item(i).text() for i in range(page.ui.guidanceList.count())]
    assert f"“{MARKUP}” on Friday no longer exists: remove it from your week." in notes


def test_export_calendar_from_the_week_page(window, page, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "my week"
    monkeypatch.setattr(reminders, "calendar_save_dialog", lambda *args, **kwargs: (str(target), None))
    page.ui.exportButton.click()
    written = tmp_path / "my week.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    assert len(calendar.events) == 7
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported your week to {written}: 7 weekly events, times in ")


def test_an_empty_week_exports_an_empty_calendar_and_says_so(
    window, page, tmp_path: Path, monkeypatch
) -> None:
    window.repo.save_week_plan(WeekPlan())
    page.reload()
    assert page.ui.summaryLabel.text() == "Nothing planned yet"
    assert [page.ui.guidanceList.item(i).text() for i in range(page.ui.guidanceList.count())] == [
        "Nothing is planned yet: drag a routine onto a day."
    ]
    target = tmp_path / "empty.ics"
    monkeypatch.setattr(reminders, "calendar_save_dialog", lambda *a, **k: (str(target), None))
    window.ui.actionExportCalendar.trigger()
    assert Calendar.from_ical(target.read_bytes()).events == []
    assert window.statusBar().currentMessage().endswith("nothing is planned yet, so the calendar is empty.")


def test_the_week_page_grabs_without_errors(window, page) -> None:
    image = page.grab().toImage()
    assert image.width() > 800 and image.height() > 500
    QApplication.processEvents()


def test_deleting_a_planned_routine_says_where_it_is_planned(window, page, monkeypatch) -> None:
    from hipdesk.views.common import widgets

    asked: list[str] = []
    monkeypatch.setattr(widgets.QMessageBox, "exec", lambda self: asked.append(self.text()) or 0)
    window.show_page("routines")
    routines = window.routines_page
    assert routines.select_routine("Hip stretch")
    routines.delete_routine()  # Cancel: nothing is deleted
    assert "Hip stretch" in window.repo.routine_names()
    planned = [
        d.weekday
        for d in window.repo.week_plan().days
        if any(p.routine_name == "Hip stretch" for p in d.routines)
    ]
    names = [WEEKDAY_NAMES[d] for d in week_order() if d in planned]
    assert len(names) >= 2
    assert f"planned on {', '.join(names[:-1])} and {names[-1]}" in asked[-1]


def test_the_day_under_a_dragged_routine_is_marked(window, page, qtbot) -> None:
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent

    column = page.columns[4]  # Friday
    view = column.list
    data = routine_mime(page, "Hip strength")
    at = QPointF(view.viewport().rect().center())
    move = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    before = column.styleSheet()
    QApplication.sendEvent(
        view.viewport(),
        QDragEnterEvent(at, move, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
    )
    QApplication.sendEvent(
        view.viewport(),
        QDragMoveEvent(at, move, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
    )
    assert column.drop_target and "dashed" in column.styleSheet()
    assert not any(c.drop_target for d, c in page.columns.items() if d != 4)  # only the day under the pointer
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert not column.drop_target and column.styleSheet() == before


def test_a_routine_file_dragged_over_a_day_marks_it_and_dropped_plans_it_there(
    window, page, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from hipdesk.export.routine_file import write_routine_file

    path = tmp_path / "shared.hipdesk.json"
    write_routine_file(
        path, window.repo.routine("Hip stretch"), {ex.id: ex for ex in window.repo.exercises()}
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    column = page.columns[4]  # Friday
    view = column.list
    at = QPointF(view.viewport().rect().center())
    copy = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(at, copy, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted() and column.drop_target
    drop = QDropEvent(at, copy, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    assert not column.drop_target
    assert "Hip stretch (2)" in window.repo.routine_names()
    assert planned(window, 4)[-1] == "Hip stretch (2)"
    assert window.current_page() == "week"  # the user stays where they dropped it
    assert "planned on Friday" in window.statusBar().currentMessage()


def right_click(page: WeekPage, weekday: int, pos, choose: Callable[[QMenu], None]) -> None:
    """Right-click a day at `pos`; `choose` gets the menu on screen and closes it or picks an action."""
    seen: list[QMenu] = []

    def on_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append(menu)
        choose(menu)
        menu.close()

    QTimer.singleShot(0, on_menu)
    page.columns[weekday].list.customContextMenuRequested.emit(pos)
    assert seen, "no menu opened"


def visible_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def test_right_clicks_on_the_week_reuse_one_menu(window, page) -> None:
    monday = page.columns[0].list
    entry = monday.visualRect(page.model.entry_index(0, 0)).center()
    menus_before = len(page.findChildren(QMenu))
    texts: list[list[str]] = []
    right_click(page, 0, entry, lambda menu: texts.append(visible_texts(menu)))
    right_click(page, 1, QPoint(5, monday.viewport().height() - 5), lambda m: texts.append(visible_texts(m)))
    assert len(page.findChildren(QMenu)) == menus_before
    assert texts[0][:3] == ["Set Time…", "Any Time", "Move to"]
    assert "Remove from the Week" in texts[0] and "Plan on Monday" in texts[0]
    assert texts[1] == ["Plan on Tuesday"]

    def move_to_friday(menu: QMenu) -> None:
        move = next(a.menu() for a in menu.actions() if a.text() == "Move to")
        next(a for a in move.actions() if a.text() == "Friday").trigger()

    right_click(page, 0, entry, move_to_friday)
    assert planned(window, 0) == [] and "Hip strength" in planned(window, 4)
    assert len(page.findChildren(QMenu)) == menus_before
