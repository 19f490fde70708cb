"""The window without a mouse: real key events on the shown, active window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from hipdesk.views.common.weekdays import week_order
from hipdesk.views.shell.main_window import MainWindow
from hipdesk.views.shell.shortcuts import ShortcutsDialog, shortcut_rows

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect


@pytest.fixture
def window(qtbot, main_window) -> MainWindow:
    win = main_window()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    return win


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user types it: to the widget that has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifiers)


def item_names(window: MainWindow) -> list[str]:
    items = window.routines_page.items
    return [items.data(items.index(row, 0)) for row in range(items.rowCount())]


def test_ctrl_numbers_go_to_the_pages_and_the_go_menu_shows_them(qtbot, window: MainWindow) -> None:
    keys = {action.text().split(" ", 1)[1]: action.shortcut() for action in window.go_menu.actions()}
    assert keys == {
        "Today": QKeySequence("Ctrl+1"),
        "Library": QKeySequence("Ctrl+2"),
        "Routines": QKeySequence("Ctrl+3"),
        "Week": QKeySequence("Ctrl+4"),
        "History": QKeySequence("Ctrl+5"),
    }
    window.ui.navigation.setFocus()
    for key, page in [(Qt.Key.Key_4, "week"), (Qt.Key.Key_2, "library"), (Qt.Key.Key_5, "history")]:
        press(qtbot, key, CTRL)
        assert window.current_page() == page
        focused = QApplication.focusWidget()
        assert focused is not None and window.ui.pages.currentWidget().isAncestorOf(focused)


def test_every_menu_has_its_own_mnemonic(window: MainWindow) -> None:
    letters = []
    for action in window.menuBar().actions():
        title = action.text()
        letters.append(title[title.index("&") + 1].lower())
    assert len(letters) == len(set(letters)), letters


def test_alt_s_opens_the_session_menu_from_the_routine_inspector(qtbot, window: MainWindow) -> None:
    window.ui.navigation.setFocus()
    press(qtbot, Qt.Key.Key_3, CTRL)
    page = window.routines_page
    page.ui.routineItemList.setCurrentIndex(page.items.index(0, 0))
    page.ui.routineItemList.setFocus()
    assert page.ui.setsSpin.isVisible()
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.objectName() == "menuSession"
    assert not page.ui.setsSpin.hasFocus()
    popup.close()


def test_a_routine_item_moves_with_ctrl_arrows_and_each_move_undoes_alone(qtbot, window: MainWindow) -> None:
    window.ui.navigation.setFocus()
    press(qtbot, Qt.Key.Key_3, CTRL)  # the routine list has the focus
    before = item_names(window)
    assert len(before) >= 3
    press(qtbot, Qt.Key.Key_Tab)  # to the routine's items
    press(qtbot, Qt.Key.Key_Down)  # the second item, selected
    press(qtbot, Qt.Key.Key_Up, CTRL)  # the routine edit: four keys in all
    assert item_names(window) == [before[1], before[0], *before[2:]]
    press(qtbot, Qt.Key.Key_Down, CTRL)
    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert item_names(window) == [before[0], before[2], before[1], *before[3:]]
    page = window.routines_page
    assert page.selected_rows() == [2]  # the moved item stays selected
    assert page.undo_stack.undoText() == f"Move {before[1]}"
    page.undo_stack.undo()
    assert item_names(window) == before
    press(qtbot, Qt.Key.Key_Up, CTRL)  # the first item goes nowhere
    press(qtbot, Qt.Key.Key_Up, CTRL)
    assert item_names(window)[0] == before[1]


def test_reps_are_typed_with_alt_r(qtbot, window: MainWindow) -> None:
    window.ui.navigation.setFocus()
    press(qtbot, Qt.Key.Key_3, CTRL)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # select the first item
    row = window.routines_page.selected_rows()[0]
    assert window.routines_page.items.item(row).reps is not None
    press(qtbot, Qt.Key.Key_R, ALT)
    assert window.routines_page.ui.repsSpin.hasFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    press(qtbot, Qt.Key.Key_Return)
    assert window.routines_page.items.item(row).reps == 12


def untimed_day(window: MainWindow) -> int:
    """A day with two routines for any time on it, and an empty day after it."""
    model = window.week_page.model
    weekday = week_order()[2]
    for day in (weekday, week_order()[3]):
        model.remove_entries([(day, r) for r in range(len(model.entries(day)))])
    ids = [window.repo.routine(name).id for name in ("Hip stretch", "Hip strength")]
    assert model.add_routines(ids, weekday) == 2
    window.week_page.undo_stack.clear()
    return weekday


def planned(window: MainWindow, weekday: int) -> list[int]:
    return [entry.routine_id for entry in window.week_page.model.entries(weekday)]


def test_week_entries_move_with_ctrl_arrows_within_a_day_and_between_days(qtbot, window: MainWindow) -> None:
    window.ui.navigation.setFocus()
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = window.week_page
    weekday = untimed_day(window)
    order = week_order()
    after = order[3]
    first, second = planned(window, weekday)
    day_list = page.columns[weekday].list
    day_list.setFocus()
    day_list.selectionModel().setCurrentIndex(page.model.entry_index(weekday, 1), SELECT)
    press(qtbot, Qt.Key.Key_Up, CTRL)
    assert planned(window, weekday) == [second, first]
    press(qtbot, Qt.Key.Key_Right, CTRL)  # the moved routine, still selected, to the next day
    assert planned(window, weekday) == [first]
    assert second in planned(window, after)
    assert page.columns[after].list.hasFocus()  # the keys go on with it
    press(qtbot, Qt.Key.Key_Left, CTRL)
    assert sorted(planned(window, weekday)) == sorted([first, second]) and second not in planned(
        window, after
    )
    for _ in range(3):
        page.undo_stack.undo()
    assert planned(window, weekday) == [first, second]


def test_a_routine_planned_today_starts_with_two_keys(qtbot, window: MainWindow, fake_sessions) -> None:
    started = fake_sessions
    weekday = dt.date.today().weekday()
    if not window.repo.week_plan().days[weekday].routines:
        window.show_page("week")
        window.week_page.model.add_routines([window.repo.routine("Hip stretch").id], weekday)
    window.ui.navigation.setFocus()
    press(qtbot, Qt.Key.Key_1, CTRL)  # Today, the first routine's Start button focused
    name = window.today_page.cards[0].name_label.text()
    press(qtbot, Qt.Key.Key_Space)
    assert started == [name]


def test_help_lists_every_shortcut_from_the_actions(qtbot, window: MainWindow, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.findChild(type(window.ui.actionAbout), "actionKeyboardShortcuts").trigger()
    (dialog,) = shown
    qtbot.addWidget(dialog)
    tree = dialog.tree
    listed = {
        (
            tree.topLevelItem(g).text(0),
            tree.topLevelItem(g).child(i).text(0),
            tree.topLevelItem(g).child(i).text(1),
        )
        for g in range(tree.topLevelItemCount())
        for i in range(tree.topLevelItem(g).childCount())
    }
    native = QKeySequence.SequenceFormat.NativeText
    assert ("Go", "3 Routines", QKeySequence("Ctrl+3").toString(native)) in listed
    assert ("Routines page", "Move Item Up", QKeySequence("Ctrl+Up").toString(native)) in listed
    assert (
        "Week page",
        "Move Routine to the Day After",
        QKeySequence("Ctrl+Right").toString(native),
    ) in listed
    assert ("File", "Quit", QKeySequence("Ctrl+Q").toString(native)) in listed
    assert ("History page", "Delete Session", QKeySequence("Del").toString(native)) in listed
    assert ("Library page", "Clear the Search", QKeySequence("Esc").toString(native)) in listed
    # only keys a keyboard has: not the "Undo" key or F14 that Qt also binds to undo on some systems
    assert not [keys for _where, _what, keys in listed if {"Undo", "F14"} & set(keys.split(", "))]
    # a shortcut given to an action later is listed too: the list is read from the actions
    window.ui.actionCheckDatabase.setShortcut(QKeySequence("Ctrl+Shift+K"))
    rows = shortcut_rows(window, {})
    assert ("Tools", "Check Database", QKeySequence("Ctrl+Shift+K").toString(native)) in rows
