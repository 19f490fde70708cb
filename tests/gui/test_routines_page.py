from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QListView, QMessageBox

from hipdesk.domain.model import ItemSides
from hipdesk.views.shell.main_window import MainWindow

MARKUP = '<b>x</b><img src="file:///etc/passwd">'


@pytest.fixture
def window(qtbot, repo):
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    win.show_page("routines")
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def page(window):
    page = window.routines_page
    assert page.select_routine("Hip strength")
    return page


def stored(window, name="Hip strength"):
    return [i.exercise_id for i in window.repo.routine(name).items]


def test_the_page_has_the_named_views(window, page) -> None:
    assert window.findChild(QListView, "exercisePalette").model().rowCount() == 19
    assert window.findChild(QListView, "routineItemList").model().rowCount() == 8
    assert "about" in page.ui.routineSummaryLabel.text() and "Step" in page.ui.routineSummaryLabel.text()


def test_enter_on_the_palette_appends_and_saves(window, page, qtbot) -> None:
    palette = page.ui.exercisePalette
    qtbot.keyClicks(page.ui.paletteSearch, "bird dog")
    qtbot.keyClick(page.ui.paletteSearch, Qt.Key.Key_Return)
    assert palette.hasFocus()
    palette.setCurrentIndex(palette.model().index(0, 0))
    qtbot.keyClick(palette, Qt.Key.Key_Return)
    assert stored(window)[-1] == "bird-dog"
    before = page.ui.routineSummaryLabel.text()
    page.ui.exercisePalette.doubleClicked.emit(palette.model().index(0, 0))
    palette.activated.emit(palette.model().index(0, 0))
    assert stored(window)[-2:] == ["bird-dog", "bird-dog"]
    assert page.ui.routineSummaryLabel.text() != before  # the estimate follows the edit


def test_delete_undo_redo_with_the_keyboard_and_the_edit_menu(window, page, qtbot) -> None:
    items = page.ui.routineItemList
    items.setFocus()
    items.setCurrentIndex(page.items.index(0, 0))
    qtbot.keyClick(items, Qt.Key.Key_Delete)
    assert stored(window)[0] == "single-leg-squat"
    assert window.undo_action.text() == "&Undo Remove Bodyweight Squat"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.redo_action.shortcuts()]
    window.undo_action.trigger()
    assert stored(window)[0] == "squat"
    assert window.redo_action.text() == "&Redo Remove Bodyweight Squat"
    window.redo_action.trigger()
    assert stored(window)[0] == "single-leg-squat"


def test_inspector_edits_merge_and_save(window, page, qtbot) -> None:
    items = page.ui.routineItemList
    items.setCurrentIndex(page.items.index(5, 0))  # single-leg bridge: reps with a 2 s hold
    ui = page.ui
    assert ui.repsSpin.isVisible() and ui.holdSpin.isVisible() and not ui.workSpin.isVisible()
    assert ui.holdLabel.text() == "H&old each rep"
    for value in (11, 12, 13):
        ui.repsSpin.setValue(value)
    assert window.repo.routine("Hip strength").items[5].reps == 13
    assert page.undo_stack.count() == 1  # a spin box drag is one step
    ui.sidesCombo.setCurrentIndex(ui.sidesCombo.findData(ItemSides.LEFT.value))
    ui.sidesCombo.activated.emit(ui.sidesCombo.currentIndex())
    assert window.undo_action.text() == f"&Undo Change sides of {ui.inspector.title()} to left side only"
    ui.noteEdit.setText(MARKUP)
    ui.noteEdit.editingFinished.emit()
    item = window.repo.routine("Hip strength").items[5]
    assert item.sides is ItemSides.LEFT and item.note == MARKUP
    page.undo_stack.undo()
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert window.repo.routine("Hip strength").items[5].reps == 10


def _type(qtbot, spin, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_a_typed_value_is_saved_once_when_editing_ends_not_on_each_keystroke(window, page, qtbot) -> None:
    page.ui.routineItemList.setCurrentIndex(page.items.index(0, 0))
    name = page.ui.inspector.title()
    spin = page.ui.setsSpin
    _type(qtbot, spin, "12")
    assert window.repo.routine("Hip strength").items[0].sets == 2  # nothing saved while typing
    assert page.undo_stack.count() == 0
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.repo.routine("Hip strength").items[0].sets == 12  # never 1 on the way to 12
    assert page.undo_stack.count() == 1
    assert window.undo_action.text() == f"&Undo Change sets of {name} to 12"
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # the arrows commit at once
    assert window.repo.routine("Hip strength").items[0].sets == 13
    assert window.undo_action.text() == f"&Undo Change sets of {name} to 13"


def test_leaving_the_field_commits_the_value(window, page, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.ui.routineItemList.setCurrentIndex(page.items.index(0, 0))
    spin = page.ui.setsSpin
    spin.setFocus()
    _type(qtbot, spin, "4")
    page.ui.noteEdit.setFocus()
    qtbot.waitUntil(lambda: not spin.hasFocus())
    assert window.repo.routine("Hip strength").items[0].sets == 4


def test_out_of_range_is_refused_at_the_field_not_cut_to_the_limit(window, page, qtbot) -> None:
    assert page.select_routine("Run warm-up")
    row = next(
        r for r in range(page.items.rowCount()) if page.items.data(page.items.index(r, 0)) == "High Knees"
    )
    page.ui.routineItemList.setCurrentIndex(page.items.index(row, 0))
    spin, note = page.ui.workSpin, page.ui.workMessage
    before = window.repo.routine("Run warm-up").items[row].work_s
    _type(qtbot, spin, "9999")
    assert spin.lineEdit().text() == "9999 s"  # as typed, not stopped at 999
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.repo.routine("Run warm-up").items[row].work_s == before  # refused, not cut to 3600
    assert note.isVisible() and note.text() == "Timed work goes from 1 to 3600 s: 9999 s was not saved."
    assert spin.refused and "border" in spin.styleSheet()  # marked at the field
    assert page.undo_stack.count() == 0
    _type(qtbot, spin, "45")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.repo.routine("Run warm-up").items[row].work_s == 45
    assert not note.isVisible() and not spin.refused and spin.styleSheet() == ""
    assert window.undo_action.text() == "&Undo Change timed work of High Knees to 45 s"


def test_a_refusal_belongs_to_its_exercise(page, qtbot) -> None:
    page.ui.routineItemList.setCurrentIndex(page.items.index(0, 0))
    _type(qtbot, page.ui.setsSpin, "99")
    qtbot.keyClick(page.ui.setsSpin, Qt.Key.Key_Return)
    assert page.ui.setsMessage.text() == "Sets goes from 1 to 20: 99 was not saved."
    page.ui.routineItemList.setCurrentIndex(page.items.index(1, 0))
    assert not page.ui.setsMessage.isVisibleTo(page) and not page.ui.setsSpin.refused


def test_sections(window, page) -> None:
    page.ui.routineItemList.selectionModel().select(
        page.items.index(0, 0), page.ui.routineItemList.selectionModel().SelectionFlag.Select
    )
    page.ui.routineItemList.selectionModel().select(
        page.items.index(1, 0), page.ui.routineItemList.selectionModel().SelectionFlag.Select
    )
    combo = page.ui.sectionCombo
    combo.setCurrentIndex(combo.findData("Warm-up"))
    combo.activated.emit(combo.currentIndex())
    assert [i.section for i in window.repo.routine("Hip strength").items][:3] == ["Warm-up", "Warm-up", ""]


def test_new_duplicate_rename_delete(window, page, monkeypatch) -> None:
    page.new_routine()
    assert page.current_routine().name == "New routine"
    page.routine_list.setData(page.ui.routineList.currentIndex(), MARKUP)
    assert page.current_routine().name == MARKUP
    assert (
        page.ui.routineNameLabel.text() == MARKUP
        and page.ui.routineNameLabel.textFormat() == Qt.TextFormat.PlainText
    )
    page.select_routine("Hip strength")
    page.duplicate_routine()
    assert page.current_routine().name == "Hip strength (copy)"
    assert len(window.repo.routine("Hip strength (copy)").items) == 8
    monkeypatch.setattr(QMessageBox, "exec", lambda self: self.setProperty("answered", True) or 0)
    monkeypatch.setattr(
        QMessageBox,
        "clickedButton",
        lambda self: self.buttons()[-1] if self.buttons()[-1].text() == "Delete" else self.buttons()[0],
    )
    page.delete_routine()
    assert "Hip strength (copy)" not in window.repo.routine_names()


def test_delete_asks_first(window, page, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(
        QMessageBox, "clickedButton", lambda self: self.button(QMessageBox.StandardButton.Cancel)
    )
    page.delete_routine()
    assert "Hip strength" in window.repo.routine_names()


def test_dropping_a_routine_file_on_the_window_imports_it(window, tmp_path: Path, qtbot) -> None:
    from hipdesk.export.routine_file import write_routine_file

    path = tmp_path / "shared.hipdesk.json"
    routine = window.repo.routine("Hip stretch")
    write_routine_file(path, routine, {ex.id: ex for ex in window.repo.exercises()})
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert "Hip stretch (2)" in window.repo.routine_names()
    assert window.routines_page.current_routine().name == "Hip stretch (2)"


def test_a_broken_dropped_file_changes_nothing(window, tmp_path: Path, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr("hipdesk.views.common.widgets.message", lambda *args: warnings.append(args[2]))
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    before = window.repo.routines()
    window.files.import_routine_files([path])
    assert window.repo.routines() == before
    assert warnings and "not valid JSON" in warnings[0]


def test_model_drop_on_the_page(window, page) -> None:
    palette = page.ui.exercisePalette.model()
    row = next(r for r in range(palette.rowCount()) if palette.index(r, 0).data() == "Clamshell")
    data = palette.mimeData([palette.index(row, 0)])
    assert page.items.dropMimeData(data, Qt.DropAction.CopyAction, 2, 0, QModelIndex())
    assert stored(window)[2] == "clamshell"


def test_messages_show_names_as_typed(qtbot, monkeypatch) -> None:
    from hipdesk.views.common.widgets import message

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.textFormat(), self.text())) or 0)
    message(None, "Import Routine", f"There is already a routine named '{MARKUP}'.")
    assert shown == [(Qt.TextFormat.PlainText, f"There is already a routine named '{MARKUP}'.")]


def test_tooltips_show_markup_as_text(window) -> None:
    from dataclasses import replace as dc_replace

    mine = window.repo.create_exercise(dc_replace(window.repo.exercise("squat"), name="x", summary=MARKUP))
    window.reload()
    model = window.library.model
    tip = model.index(model.row_of(mine.id), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "&lt;b&gt;" in tip


def test_start_session_from_the_routine(window, page, qtbot, fake_sessions) -> None:
    opened = fake_sessions
    assert page.start_button.isEnabled()
    with qtbot.waitSignal(page.start_requested) as blocker:
        page.start_button.click()
    assert blocker.args == ["Hip strength"] and opened == ["Hip strength"]
    page.new_routine()
    assert not page.start_button.isEnabled()  # nothing to do yet


def _bound_keys(window) -> list[str]:
    """The window-wide key sequences (a list's own commands, such as its Ctrl+D, only act inside it)."""
    scoped = Qt.ShortcutContext.WidgetWithChildrenShortcut
    return [
        key.toString()
        for action in window.findChildren(QAction)
        if action.shortcutContext() != scoped
        for key in action.shortcuts()
    ]


def test_undo_and_redo_by_keyboard_through_the_window(window, page, qtbot, qtlog) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = _bound_keys(window)
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
    assert sorted(k for k in keys if keys.count(k) > 1) == []  # each sequence has one owner
    page.ui.routineItemList.setCurrentIndex(page.items.index(0, 0))
    page.ui.routineItemList.setFocus()
    page.ui.setsSpin.setValue(5)
    sets = lambda: window.repo.routine("Hip strength").items[0].sets  # noqa: E731
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    assert sets() == 2
    qtbot.keyClick(window, Qt.Key.Key_Z, control | shift)
    assert sets() == 5
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    assert sets() == 2
    qtbot.keyClick(window, Qt.Key.Key_Y, control)
    assert sets() == 5
    assert not [m for m in qtlog.records if "Ambiguous" in m.message]
