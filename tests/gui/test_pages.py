"""One list of pages drives the navigation, the Go menu, the Edit menu's undo and the refresh."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from hipdesk.app.changes import Change
from hipdesk.app.context import AppContext
from hipdesk.views.shell.main_window import MainWindow
from hipdesk.views.shell.pages import PAGES


def test_before_the_data_every_page_is_the_placeholder_and_none_is_made(qtbot, repo) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.ui.navigation.item(row).text() for row in range(window.ui.navigation.count())]
    assert titles == [spec.title for spec in PAGES]
    go = {a.text(): a.shortcut() for a in window.go_menu.actions()}
    assert [go[f"&{n} {spec.title}"] for n, spec in enumerate(PAGES, 1)] == [
        QKeySequence(spec.shortcut) for spec in PAGES
    ]
    for spec in PAGES:
        window.go_menu.actions()[PAGES.index(spec)].trigger()
        assert window.current_page() == spec.key
        assert window.ui.pages.currentWidget().objectName() == "waitingPage"
    assert window._pages == {}
    assert not window.ui.menuExercise.isEnabled() and not window.undo_action.isEnabled()
    for action in (window.ui.actionNewExercise, window.ui.actionStartToday, window.ui.actionSessionSettings):
        assert not action.isEnabled()
        action.trigger()  # a key pressed before the data is open does nothing
    assert window.sessions.open == [] and QApplication.activeModalWidget() is None
    window.attach(AppContext.around(repo, parent=window))
    shown = window.ui.pages.currentWidget()
    assert shown.objectName() == "historyPage" and shown.isVisible()  # the page chosen before


def test_each_page_brings_its_own_undo_to_the_edit_menu(main_window, qtbot) -> None:
    window = main_window("week")
    week = window.week_page
    routine = window.repo.routine("Hip stretch")
    friday = window.repo.week_plan().days[4].routines
    week.model.add_routines([routine.id], 4)
    assert len(window.repo.week_plan().days[4].routines) == len(friday) + 1
    assert window.undo_action.isEnabled() and "Hip stretch" in window.undo_action.text()
    window.show_page("library")
    assert not window.undo_action.isEnabled()  # the Library has no undo: nothing of the Week's
    window.show_page("today")
    assert not window.undo_action.isEnabled()
    window.show_page("week")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.repo.week_plan().days[4].routines == friday


def test_a_change_told_to_the_context_refreshes_the_pages_that_show_it(main_window) -> None:
    window = main_window("week")
    week = window.week_page
    window.show_page("routines")
    routines = window.routines_page
    window.show_page("today")
    window.repo.save_routine(replace(window.repo.routine("Hip stretch"), name="Hip openers"))
    heard: list[Change] = []
    window.context.changed.connect(heard.append)

    def names(model) -> list[str]:
        return [model.routine_at(row).name for row in range(model.rowCount())]

    window.context.apply(Change.PLAN)  # the plan: not what the Routines page shows
    window.show_page("routines")
    assert "Hip openers" not in names(routines.routine_list)
    window.show_page("today")
    window.context.apply(Change.ROUTINES)  # as any operation does, from the window or not
    assert heard == [Change.PLAN, Change.ROUTINES]
    window.show_page("week")
    assert "Hip openers" in names(week.routine_list)
    window.show_page("routines")
    assert "Hip openers" in names(routines.routine_list)
