"""The main window: the shell around the pages (see pages.py), their menus and the one path of a change."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from hipdesk.app.changes import EVERYTHING, Change
from hipdesk.views.forms.ui_main_window import Ui_MainWindow
from hipdesk.views.library.actions import ExerciseActions
from hipdesk.views.shell import appearance, window_state
from hipdesk.views.shell.file_actions import FileActions
from hipdesk.views.shell.keyboard import make_edit_menu, make_go_menu
from hipdesk.views.shell.pages import KEYS, PAGES, Page, fill_navigation
from hipdesk.views.shell.runs_import import RunImport
from hipdesk.views.shell.sessions import Sessions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from hipdesk.app.context import AppContext
    from hipdesk.db.repo import Repo
    from hipdesk.views.history.page import HistoryPage
    from hipdesk.views.library.page import LibraryPage
    from hipdesk.views.routines.page import RoutinesPage
    from hipdesk.views.session.output import CuePlayer
    from hipdesk.views.shell.reminders import WindowReminders
    from hipdesk.views.today.page import TodayPage
    from hipdesk.views.week.page import WeekPage


STATUS_MS = 8000


def make_cue_player() -> CuePlayer:
    """The sessions' cue player, for a context: its module is loaded with the first session."""
    from hipdesk.views.session import launch

    return launch.make_cue_player()


class MainWindow(QMainWindow):
    """Painted before the data is open (a placeholder stands for every page); ``attach(context)``
    then makes the pages, each the first time it is shown. ``MainWindow(repo)``: the window on a
    repository opened elsewhere, with a context of its own around it."""

    def __init__(self, repo: Repo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context: AppContext | None = None
        self._owns_context = False
        self._fresh: set[str] = set()
        self._source = ""
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle("HipDesk")
        self._pages: dict[str, QWidget] = {}
        self._waiting = QWidget(self)  # stands in for the pages until the data is open
        self._waiting.setObjectName("waitingPage")
        self.ui.pages.addWidget(self._waiting)
        self.undo_group = QUndoGroup(self)
        self.undo_action, self.redo_action = make_edit_menu(self.ui.menuEdit, self.undo_group)
        fill_navigation(self.ui.navigation)
        self.ui.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.go_menu = make_go_menu(self, self.ui.menuView, PAGES, self._go_to)
        shortcuts = self.ui.menuHelp.addAction("&Keyboard Shortcuts")
        shortcuts.setObjectName("actionKeyboardShortcuts")
        shortcuts.triggered.connect(self.show_shortcuts)
        self.sessions = Sessions(self)
        ui = self.ui
        exercise_menu = (ui.actionNewExercise, ui.actionDuplicateExercise, ui.actionEditExercise)
        self.exercise_actions = ExerciseActions(
            self, lambda: self.context, lambda: self.library, self.apply_change,
            (*exercise_menu, ui.actionDeleteExercise),
        )  # fmt: skip
        self._connect_actions()
        self.reminders: WindowReminders | None = None  # made once the data is on screen (start_reminders)
        self.ui.menuExercise.setEnabled(False)
        self.setAcceptDrops(True)
        self.show_page("today")
        if repo is not None:
            from hipdesk.app.context import AppContext

            self.attach(AppContext.around(repo, make_cue_player, parent=self))
            self.start_reminders()
            self._owns_context = True

    def attach(self, context: AppContext) -> None:
        """Show the data of ``context`` (the window paints first, then the data arrives)."""
        self._context = context
        context.changed.connect(self._on_changed)
        context.notice.connect(self.statusBar().showMessage)
        self._fresh = set()
        self._on_navigation_current_row_changed(self.ui.navigation.currentRow())  # made now
        QTimer.singleShot(0, self.sessions.offer_resume)

    def start_reminders(self) -> None:
        """The week plan's reminders (Session ▸ Reminders, the banner, the tray) on the data; start-up
        starts them right after the data is on screen."""
        if self.reminders is None:
            self._make_reminders()
        assert self.reminders is not None
        self.reminders.attach(self.context.repo)

    @property
    def context(self) -> AppContext:
        assert self._context is not None, "the window has no data yet"
        return self._context

    @property
    def repo(self) -> Repo | None:
        """The repository, once the data is open."""
        return self._context.repo if self._context is not None else None

    def _on_action_session_settings_triggered(self) -> None:
        from hipdesk.views.session.settings import SessionSettingsDialog

        if SessionSettingsDialog(self).exec() and self._context is not None:
            self.apply_change(Change.SETTINGS)  # the lengths follow the rep pace and the lead-in

    def _make_reminders(self) -> None:
        from hipdesk.views.shell.reminders import WindowReminders

        self.reminders = WindowReminders(self, self.sessions.start)
        self.ui.menuSession.addAction(self.reminders.action)
        self.ui.actionQuit.triggered.disconnect(self.close)
        self.ui.actionQuit.triggered.connect(self.reminders.quit)  # File > Quit quits, reminders or not

    # -- pages, made when first shown once the data is open --------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            widget = next(spec for spec in PAGES if spec.key == key).make(self)
            widget.setObjectName(f"{key}Page")
            self._pages[key] = widget
            self.ui.pages.addWidget(widget)
            stack = cast(Page, widget).undo_stack
            if stack is not None:
                self.undo_group.addStack(stack)
        return self._pages[key]

    @property
    def library(self) -> LibraryPage:
        """The Library page (made the first time it is needed, after the window's first paint)."""
        return self.page("library")  # type: ignore[return-value]

    @property
    def history_page(self) -> HistoryPage:
        return self.page("history")  # type: ignore[return-value]

    @property
    def routines_page(self) -> RoutinesPage:
        return self.page("routines")  # type: ignore[return-value]

    @property
    def week_page(self) -> WeekPage:
        return self.page("week")  # type: ignore[return-value]

    @property
    def today_page(self) -> TodayPage:
        return self.page("today")  # type: ignore[return-value]

    def tell(self, text: str) -> None:
        """A page's sentence for the runner, in the status bar."""
        self.statusBar().showMessage(text, STATUS_MS)

    def _update_menus(self) -> None:
        page = self.current_page()
        ready = self._context is not None
        self.ui.menuExercise.setEnabled(ready and page == "library")
        for action in (self.ui.actionNewExercise, self.ui.actionStartToday, self.ui.actionSessionSettings):
            action.setEnabled(ready)  # nothing to act on, and no key reaches them, before the data
        if not ready:
            self.exercise_actions.follow(None)
        self.files.update_actions(page)
        self.run_import.set_repo(self.repo)
        self.ui.menuTools.setEnabled(ready)
        widget = self._pages.get(page)
        stack = cast(Page, widget).undo_stack if widget is not None else None
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]  # None: a page without undo

    # -- actions -------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionQuit.triggered.connect(self.close)
        ui.actionStartToday.triggered.connect(self.sessions.start_today)
        ui.actionResumeSession.triggered.connect(self.sessions.resume_chosen)
        ui.actionResumeSession.setEnabled(False)
        ui.actionSessionSettings.triggered.connect(self._on_action_session_settings_triggered)
        self.files = FileActions(self)
        self.files.connect_actions()
        self.run_import = RunImport(self, self.repo, ui.actionImportRoutine, ui.menuFile)
        self.run_import.on_imported = self._on_runs_imported
        ui.actionAbout.triggered.connect(self._on_about_triggered)
        ui.actionCheckDatabase.triggered.connect(lambda: self._tool("check_database"))
        ui.actionBackUpNow.triggered.connect(lambda: self._tool("back_up_now"))
        ui.actionRestoreBackup.triggered.connect(lambda: self._tool("restore_dialog"))
        ui.actionFind.triggered.connect(self._on_find_triggered)
        schemes = {
            "system": ui.actionSchemeSystem,
            "light": ui.actionSchemeLight,
            "dark": ui.actionSchemeDark,
        }
        self._schemes = appearance.scheme_choice(self, schemes)

    def _tool(self, name: str) -> None:
        """A Tools menu entry: its module (the check, the backups) loads when first used."""
        from hipdesk.views.shell import data_tools

        if self.repo is not None:
            getattr(data_tools, name)(self)

    def _on_about_triggered(self) -> None:
        appearance.show_about(self, self._context.db_path if self._context is not None else None)

    def _on_find_triggered(self) -> None:
        if self._context is None:
            return
        self.show_page("library")
        self.library.ui.searchEdit.setFocus()
        self.library.ui.searchEdit.selectAll()

    def apply_change(
        self, change: Change, select: str | None = None, status: str | None = None, source: str = ""
    ) -> None:
        """The one path for a change to the data: the context tells the shared snapshot, then every
        page (``_on_changed``); the page on screen refreshes at once, the others when next shown.
        ``select``: the exercise the Library shows after it; ``source``: the page that made the
        change, which already shows it."""
        if self._context is None or change == Change.NONE:
            return
        self._source = source
        try:
            self._context.apply(change)
        finally:
            self._source = ""
        if select:
            self.library.select(select)
        if status:
            self.statusBar().showMessage(status, 5000)

    def _on_changed(self, change: Change) -> None:
        for key, widget in self._pages.items():
            if cast(Page, widget).on_changed(change) and key != self._source:
                self._fresh.discard(key)
        if change & (Change.PLAN | Change.ROUTINES | Change.SETTINGS) and self.reminders is not None:
            self.reminders.reload()
        self._refresh_page(self.current_page())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.accepts(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.files.drop(event):
            super().dropEvent(event)

    def _on_runs_imported(self, summary: str) -> None:
        self.reload()
        self.statusBar().showMessage(summary, 8000)

    # -- pages ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: every page is made first (once the data is open), so its keys
        are listed too."""
        from hipdesk.views.shell.shortcuts import ShortcutsDialog, shortcut_rows

        if self._context is not None:
            for key in KEYS:
                self.page(key)
        names = {self._pages[s.key]: f"{s.title} page" for s in PAGES if s.key in self._pages}
        ShortcutsDialog(shortcut_rows(self, names), self).exec()

    def _go_to(self, key: str) -> QWidget:
        self.show_page(key)
        return self._pages.get(key, self._waiting)

    def show_page(self, key: str) -> None:
        if key in KEYS:
            self.ui.navigation.setCurrentRow(KEYS.index(key))

    def current_page(self) -> str:
        row = self.ui.navigation.currentRow()
        return KEYS[row] if 0 <= row < len(KEYS) else "today"

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(KEYS):
            return
        if self._context is None:
            self.ui.pages.setCurrentWidget(self._waiting)
        else:
            key = KEYS[row]
            widget = self.page(key)
            self._refresh_page(key)
            self.ui.pages.setCurrentWidget(widget)
        self._update_menus()

    def reload(self) -> None:
        """Read everything again; pages other than the current one refresh when next shown."""
        self._fresh = set()
        self.context.apply(EVERYTHING)

    def _refresh_page(self, key: str) -> None:
        if key in self._fresh or key not in self._pages:
            return
        self._fresh.add(key)
        cast(Page, self._pages[key]).reload()

    # -- state ---------------------------------------------------------------------------------
    def restore_state(self) -> None:
        """Where the window was and its docks; the colour scheme is the application's
        (``make_application`` sets it before the window is made)."""
        window_state.restore(self)
        self.show_page("today")  # HipDesk opens on what is planned today

    def save_state(self) -> None:
        window_state.save(self)
        if "library" in self._pages:
            self.library.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.reminders is not None and self.reminders.keep_running_on_close():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(False)  # hidden, still reminding
            self.statusBar().clearMessage()
        elif self._owns_context and self._context is not None:
            self._context.close()  # its cue player lets go of the sound and speech threads
        super().closeEvent(event)
