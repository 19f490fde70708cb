"""What a page is, and the one list of pages that the navigation, the Go menu, the Edit menu's undo
and the refresh after a change all read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from hipdesk.app.changes import Change
    from hipdesk.views.shell.main_window import MainWindow


class Page(Protocol):
    """A page (a QWidget in ``views/<feature>/page.py``), made with the context once the data is
    open, so its repository is never missing.

    ``on_changed(change)`` takes in a change made anywhere and answers whether the page must read
    its data again (it may take in part of it at once, as the Library does); the shell then reloads
    it now when it is on screen, else the next time it is shown. ``undo_stack``: its own (the Edit
    menu's while the page is on screen), or None."""

    @property
    def undo_stack(self) -> QUndoStack | None: ...

    def reload(self) -> None: ...

    def on_changed(self, change: Change) -> bool: ...


class PageSpec(NamedTuple):
    key: str
    title: str
    shortcut: str
    make: Callable[[MainWindow], QWidget]  # imports the page's module: none is loaded before it is shown


def _today(window: MainWindow) -> QWidget:
    from hipdesk.views.today.page import TodayPage

    today = TodayPage(window.context, window)
    today.start_requested.connect(window.sessions.start)
    today.week_requested.connect(lambda: window.show_page("week"))
    return today


def _library(window: MainWindow) -> QWidget:
    from hipdesk.views.library.page import LibraryPage

    library = LibraryPage(window.context, window)
    library.current_exercise_changed.connect(window.exercise_actions.follow)
    library.restore_state()
    library.set_exercises(window.context.snapshot.current())
    library.restore_selection()
    return library


def _routines(window: MainWindow) -> QWidget:
    from hipdesk.views.routines.page import RoutinesPage

    page = RoutinesPage(window.context, window.library.model, window)
    page.status_message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    page.changed.connect(lambda change: window.apply_change(change, source="routines"))
    page.start_requested.connect(window.sessions.start)
    return page


def _week(window: MainWindow) -> QWidget:
    from hipdesk.views.week.page import WeekPage

    week = WeekPage(window.context, window)
    week.status_message.connect(window.tell)
    week.changed.connect(lambda change: window.apply_change(change, source="week"))
    week.export_requested.connect(window.files.export_calendar_dialog)
    week.files_dropped.connect(window.files.import_and_plan)
    return week


def _history(window: MainWindow) -> QWidget:
    from hipdesk.views.history.page import HistoryPage  # QtCharts: only once History opens

    history = HistoryPage(window.context, window)
    history.status_message.connect(window.tell)
    history.changed.connect(lambda change: window.apply_change(change, source="history"))
    history.export_requested.connect(window.files.export_history_dialog)
    return history


PAGES = (
    PageSpec("today", "Today", "Ctrl+1", _today),
    PageSpec("library", "Library", "Ctrl+2", _library),
    PageSpec("routines", "Routines", "Ctrl+3", _routines),
    PageSpec("week", "Week", "Ctrl+4", _week),
    PageSpec("history", "History", "Ctrl+5", _history),
)
KEYS = tuple(spec.key for spec in PAGES)


def fill_navigation(nav: QListWidget) -> None:
    """The sidebar: one row per page, in the list's order, as wide as the longest title needs."""
    for spec in PAGES:
        item = QListWidgetItem(spec.title, nav)
        item.setData(Qt.ItemDataRole.UserRole, spec.key)
        item.setSizeHint(QSize(140, 40))
    nav.setStyleSheet(
        "QListWidget#navigation { background: palette(window); padding-top: 8px; outline: 0; }"
        "QListWidget#navigation::item { padding-left: 14px; border-radius: 6px; margin: 1px 6px; }"
        "QListWidget#navigation::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"
        "QListWidget#navigation::item:hover:!selected { background: palette(midlight); }"
    )
    widest = max(nav.fontMetrics().horizontalAdvance(spec.title) for spec in PAGES)
    nav.setFixedWidth(max(160, widest + 64))  # one width, whatever the page asks
