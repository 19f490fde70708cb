"""The main window: navigation between Today, Library, Routines, Week and History."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from hipdesk import __version__
from hipdesk.app import settings
from hipdesk.app.changes import Change, stale_pages
from hipdesk.app.operations import exercises as exercise_ops
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import WEEKDAY_NAMES
from hipdesk.views.common.dates import long_date_time
from hipdesk.views.common.screens import fit_on_screen, screen_of
from hipdesk.views.common.widgets import ask, confirm, message
from hipdesk.views.forms.ui_main_window import Ui_MainWindow
from hipdesk.views.shell.file_actions import FileActions
from hipdesk.views.shell.keyboard import make_go_menu
from hipdesk.views.shell.runs_import import RunImport

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise, SessionRecord
    from hipdesk.views.history.page import HistoryPage
    from hipdesk.views.library.page import LibraryPage
    from hipdesk.views.routines.page import RoutinesPage
    from hipdesk.views.session.window import SessionWindow
    from hipdesk.views.shell.reminders import WindowReminders
    from hipdesk.views.today.page import TodayPage
    from hipdesk.views.week.page import WeekPage


# Pages that need the data to be made: until it is there, a blank page stands in for them.
NEEDS_DATA = ("today",)
STATUS_MS = 8000


class _DataPage(Protocol):
    """What the shell asks of a page that reads the data itself."""

    repo: Repo | None

    def attach(self, repo: Repo) -> None: ...

    def reload(self) -> None: ...


PAGES = (
    ("today", "Today"),
    ("library", "Library"),
    ("routines", "Routines"),
    ("week", "Week"),
    ("history", "History"),
)


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys with Ctrl+Shift+Z and Ctrl+Y wherever they are missing, each once:
    a sequence bound twice is an ambiguous shortcut, which Qt answers by doing nothing."""
    keys: list[QKeySequence] = []
    wanted = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for key in [*wanted, QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]:
        if key not in keys:
            keys.append(key)
    return keys


class MainWindow(QMainWindow):
    def __init__(self, repo: Repo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: Repo | None = None
        self._exercises: list[Exercise] = []
        self._fresh: set[str] = set()
        self._sessions: list[QWidget] = []  # guided session windows that are open
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle("HipDesk")
        self._pages: dict[str, QWidget] = {}
        self._waiting = QWidget(self)  # stands in for a page that needs the data, until it is there
        self._waiting.setObjectName("waitingPage")
        self.ui.pages.addWidget(self._waiting)
        self.undo_group = QUndoGroup(self)
        self._make_edit_menu()
        for key, label in PAGES:
            item = QListWidgetItem(label, self.ui.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(140, 40))
        self.ui.navigation.setStyleSheet(
            "QListWidget#navigation { background: palette(window); padding-top: 8px; outline: 0; }"
            "QListWidget#navigation::item { padding-left: 14px; border-radius: 6px; margin: 1px 6px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
            "QListWidget#navigation::item:hover:!selected { background: palette(midlight); }"
        )
        widest = max(self.ui.navigation.fontMetrics().horizontalAdvance(label) for _key, label in PAGES)
        self.ui.navigation.setFixedWidth(max(160, widest + 64))  # one width, whatever the page asks
        self.ui.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.go_menu = make_go_menu(self, self.ui.menuView, PAGES, self._go_to)
        shortcuts = self.ui.menuHelp.addAction("&Keyboard Shortcuts")
        shortcuts.setObjectName("actionKeyboardShortcuts")
        shortcuts.triggered.connect(self.show_shortcuts)
        self._connect_actions()
        self.reminders: WindowReminders | None = None  # made with the data, after the first paint
        self.ui.menuExercise.setEnabled(False)
        self.setAcceptDrops(True)
        self.show_page("today")
        if repo is not None:
            self.attach(repo)

    def attach(self, repo: Repo) -> None:
        """Show the data of ``repo`` (the window paints first, then the data arrives)."""
        self.repo = repo
        self.reload()
        if self.current_page() in NEEDS_DATA:  # made now, after the first paint
            self._on_navigation_current_row_changed(self.ui.navigation.currentRow())
        self._update_menus()
        if self.reminders is None:
            self._make_reminders()
        assert self.reminders is not None
        self.reminders.attach(repo)
        QTimer.singleShot(0, self.offer_resume)

    # -- sessions ------------------------------------------------------------------------------
    def offer_resume(self) -> None:
        """A session cut short by a crash or a power cut: go on where it stopped, or keep it as it is."""
        if self.repo is None:
            return
        interrupted = self._interrupted()
        self.ui.actionResumeSession.setEnabled(bool(interrupted))
        if not interrupted:
            return
        session = interrupted[0]
        assert session.id is not None
        done = sum(1 for s in session.sets if not s.skipped)
        when = long_date_time(session.started_at)
        choice = ask(
            self,
            "Interrupted Session",
            f"Your session of “{session.routine_name}” ({when}) stopped before the end, "
            f"after {done} {'set' if done == 1 else 'sets'}. Go on where it stopped, or keep it as it is?",
            ["Resume", "Keep as Partial", "Later"],
        )
        if choice == "Resume":
            self.resume_session(session.id)
        elif choice == "Keep as Partial":
            self.repo.keep_partial(session.id)
            self.ui.actionResumeSession.setEnabled(len(interrupted) > 1)
            self.apply_change(Change.HISTORY)
            self.statusBar().showMessage(f"Kept “{session.routine_name}” as a partial session.", 6000)

    def _interrupted(self) -> list[SessionRecord]:
        """Sessions cut short, never one running right now in a session window of this HipDesk
        (another process cannot run one: it would need the data lock this window holds)."""
        assert self.repo is not None
        running = {getattr(getattr(w, "driver", None), "session_id", None) for w in self._sessions}
        return [s for s in self.repo.interrupted_sessions() if s.id not in running]

    def resume_session(self, session_id: int) -> None:
        from hipdesk.views.session.launch import open_session

        assert self.repo is not None
        try:
            routine, step = self.repo.session_plan(session_id)
            window = open_session(self.repo, routine, resume_session=session_id, resume_step=step)
        except HipDeskError as exc:
            message(self, "Resume Session", str(exc))
            return
        self._keep_session_window(window)

    def _on_action_resume_session_triggered(self) -> None:
        if self.repo is not None and self._interrupted():
            self.offer_resume()

    def _on_action_start_today_triggered(self) -> None:
        from hipdesk.views.session.launch import todays_routine

        if self.repo is None:
            return
        try:
            routine = todays_routine(self.repo)
        except HipDeskError as exc:
            message(self, "Start", str(exc), QMessageBox.Icon.Information)
            return
        self.start_session(routine.name)

    def _on_action_session_settings_triggered(self) -> None:
        from hipdesk.views.session.settings import SessionSettingsDialog

        if SessionSettingsDialog(self).exec() and self.repo is not None:
            self.reload()  # the estimated lengths follow the rep pace and the lead-in
            if self.reminders is not None:
                self.reminders.reload()  # a reminder names the routine's length

    def _make_reminders(self) -> None:
        from hipdesk.views.shell.reminders import WindowReminders

        self.reminders = WindowReminders(self, self.start_session)
        self.ui.menuSession.addAction(self.reminders.action)
        self.ui.actionQuit.triggered.disconnect(self.close)
        self.ui.actionQuit.triggered.connect(self.reminders.quit)  # File > Quit quits, reminders or not

    # -- pages, made when first shown ----------------------------------------------------------
    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            widget = self._make_page(key)
            self._pages[key] = widget
            self.ui.pages.addWidget(widget)
        return self._pages[key]

    @property
    def library(self) -> LibraryPage:
        """The Library page (made the first time it is needed, after the window's first paint)."""
        return self.page("library")  # type: ignore[return-value]

    def _make_page(self, key: str) -> QWidget:
        if key == "library":
            from hipdesk.views.library.page import LibraryPage

            library = LibraryPage(self)
            library.setObjectName("libraryPage")
            library.current_exercise_changed.connect(self._on_library_current_exercise_changed)
            library.restore_state()
            if self.repo is not None:
                library.set_exercises(self._exercises)
                library.restore_selection()
                library.enable_figures()
            return library
        if key == "today":
            from hipdesk.views.today.page import TodayPage

            today = TodayPage(self)
            today.setObjectName("todayPage")
            today.start_requested.connect(self._on_today_page_start_requested)
            today.week_requested.connect(lambda: self.show_page("week"))
            return today
        if key == "week":
            from hipdesk.views.week.page import WeekPage

            week = WeekPage(self)
            week.setObjectName("weekPage")
            week.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
            week.plan_saved.connect(self._on_week_page_plan_saved)
            week.export_requested.connect(self.files.export_calendar_dialog)
            week.files_dropped.connect(self._on_week_page_files_dropped)
            self.undo_group.addStack(week.undo_stack)
            return week
        if key == "library":
            library = self.library
            library.set_exercises(self._exercises)
            library.enable_figures()
        elif key == "routines":
            from hipdesk.views.routines.page import RoutinesPage

            page = RoutinesPage(self.library.model, self)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            page.routines_changed.connect(self._on_routines_page_routines_changed)
            page.start_requested.connect(self.start_session)
            self.undo_group.addStack(page.undo_stack)
            if self.repo is not None:
                page.attach(self.repo, self._exercises)
            return page
        from hipdesk.views.history.page import HistoryPage  # QtCharts: only once History opens

        history = HistoryPage(self)
        history.setObjectName("historyPage")
        history.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        history.history_changed.connect(lambda: self.apply_change(Change.HISTORY, source="history"))
        history.export_requested.connect(self.files.export_history_dialog)
        self.undo_group.addStack(history.undo_stack)
        return history

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

    def _on_routines_page_routines_changed(self) -> None:
        self.apply_change(Change.ROUTINES, source="routines")

    def _on_week_page_plan_saved(self) -> None:
        self.apply_change(Change.PLAN, source="week")

    def _on_week_page_files_dropped(self, weekday: int, paths: list[Path]) -> None:
        """Routine files dropped on a day: imported, then planned on that day."""
        imported = self.files.import_routine_files(paths, show=False)
        if imported:
            self.week_page.reload()
            self.week_page.model.add_routines([r.id for r in imported if r.id is not None], weekday)
            names = ", ".join(f"“{r.name}”" for r in imported)
            self.statusBar().showMessage(f"Imported {names} and planned on {WEEKDAY_NAMES[weekday]}.", 8000)

    def _on_today_page_start_requested(self, routine_name: str) -> None:
        self.start_session(routine_name)

    def start_session(self, routine_name: str) -> None:
        """Start a guided session of a routine, in its own full-screen window."""
        from hipdesk.views.session.launch import open_session  # not needed at start-up

        if self.repo is None:
            return
        try:
            routine = self.repo.routine(routine_name)
            session = open_session(self.repo, routine)
        except HipDeskError as exc:
            message(self, "Start", str(exc))
            return
        self._keep_session_window(session)

    def _keep_session_window(self, session: SessionWindow) -> None:
        self._sessions.append(session)  # kept alive until it closes
        session.closed.connect(lambda: self._on_session_closed(session))

    def _on_session_closed(self, session: QWidget) -> None:
        if session in self._sessions:
            self._sessions.remove(session)
        self.apply_change(Change.HISTORY)

    def _make_edit_menu(self) -> None:
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        self.ui.menuEdit.addAction(undo)
        self.ui.menuEdit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

    def _update_menus(self) -> None:
        page = self.current_page()
        self.ui.menuExercise.setEnabled(self.repo is not None and page == "library")
        self.files.update_actions(page)
        self.run_import.set_repo(self.repo)
        self.ui.menuTools.setEnabled(self.repo is not None)
        widget = self._pages.get(page)
        stack = getattr(widget, "undo_stack", None)
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]  # None: a page without undo

    # -- actions -------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionQuit.triggered.connect(self.close)
        ui.actionStartToday.triggered.connect(self._on_action_start_today_triggered)
        ui.actionResumeSession.triggered.connect(self._on_action_resume_session_triggered)
        ui.actionResumeSession.setEnabled(False)
        ui.actionSessionSettings.triggered.connect(self._on_action_session_settings_triggered)
        self.files = FileActions(self)
        self.files.connect_actions()
        self.run_import = RunImport(self, self.repo, ui.actionImportRoutine, ui.menuFile)
        self.run_import.on_imported = self._on_runs_imported
        ui.actionAbout.triggered.connect(self._on_about_triggered)
        ui.actionCheckDatabase.triggered.connect(self._on_action_check_database_triggered)
        ui.actionBackUpNow.triggered.connect(self._on_action_back_up_now_triggered)
        ui.actionRestoreBackup.triggered.connect(self._on_action_restore_backup_triggered)
        ui.actionFind.triggered.connect(self._on_find_triggered)
        ui.actionNewExercise.triggered.connect(self.new_exercise)
        ui.actionDuplicateExercise.triggered.connect(self.duplicate_exercise)
        ui.actionEditExercise.triggered.connect(self.edit_exercise)
        ui.actionDeleteExercise.triggered.connect(self.delete_exercise)
        group = QActionGroup(self)
        schemes = {
            "system": ui.actionSchemeSystem,
            "light": ui.actionSchemeLight,
            "dark": ui.actionSchemeDark,
        }
        for name, action in schemes.items():
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, name=name: self.set_color_scheme(name))
        schemes.get(settings.COLOR_SCHEME.get(), ui.actionSchemeSystem).setChecked(True)

    def _on_action_check_database_triggered(self) -> None:
        from hipdesk.views.shell.data_tools import check_database

        if self.repo is not None:
            check_database(self)

    def _on_action_back_up_now_triggered(self) -> None:
        from hipdesk.views.shell.data_tools import back_up_now

        if self.repo is not None:
            back_up_now(self)

    def _on_action_restore_backup_triggered(self) -> None:
        from hipdesk.views.shell.data_tools import restore_dialog

        restore_dialog(self)

    def set_color_scheme(self, name: str) -> None:
        from hipdesk.views.common.appearance import apply_color_scheme, keep_readable

        if settings.COLOR_SCHEME.get() != name or name != "system":
            apply_color_scheme(name)
        else:
            keep_readable()
        settings.COLOR_SCHEME.set(name)

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            "About HipDesk",
            f"<h3>HipDesk {escape(__version__)}</h3><p>Hip strength and mobility for runners.</p>"
            "<p>The exercise library comes from the article “Hip Strengthening Exercises For "
            "Runners”; every place HipDesk departs from it is noted with the exercise.</p>"
            f"<p>Your data: {escape(str(self.repo.db.database) if self.repo else '')}</p>",
        )

    def _on_find_triggered(self) -> None:
        self.show_page("library")
        self.library.ui.searchEdit.setFocus()
        self.library.ui.searchEdit.selectAll()

    def _on_library_current_exercise_changed(self, ex: Exercise | None) -> None:
        own = ex is not None and not ex.builtin
        self.ui.actionDuplicateExercise.setEnabled(ex is not None)
        self.ui.actionEditExercise.setEnabled(own)
        self.ui.actionDeleteExercise.setEnabled(own)

    def _run_exercise_dialog(self, exercise: Exercise | None, title: str | None = None) -> Exercise | None:
        from hipdesk.views.library.exercise_dialog import ExerciseDialog  # not needed at start-up

        dialog = ExerciseDialog(exercise, self)
        if title:
            dialog.setWindowTitle(title)
        if dialog.exec() != ExerciseDialog.DialogCode.Accepted:
            return None
        return dialog.result_exercise()

    def _report(self, exc: HipDeskError) -> None:
        message(self, "HipDesk", str(exc))

    def new_exercise(self) -> None:
        edited = self._run_exercise_dialog(None)
        if edited is None or self.repo is None:
            return
        try:
            stored, change = exercise_ops.create(self.repo, edited)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(change, select=stored.id, status=f"Added “{stored.name}”.")

    def duplicate_exercise(self) -> None:
        """A copy to edit, stored only when its dialog is saved (Cancel leaves nothing behind)."""
        ex = self.library.current_exercise()
        if ex is None or self.repo is None:
            return
        try:
            draft = exercise_ops.draft_copy(self.repo, ex.id)
        except HipDeskError as exc:
            self._report(exc)
            return
        edited = self._run_exercise_dialog(draft, f"Duplicate “{ex.name}”")
        if edited is None:
            return
        try:
            stored, change = exercise_ops.create(self.repo, edited)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(
            change, select=stored.id, status=f"Added “{stored.name}”, your copy of “{ex.name}”."
        )

    def edit_exercise(self) -> None:
        ex = self.library.current_exercise()
        if ex is None or ex.builtin or self.repo is None:
            return
        edited = self._run_exercise_dialog(ex)
        if edited is None:
            return
        try:
            stored, change = exercise_ops.edit(self.repo, edited)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(change, select=stored.id, status=f"Saved “{stored.name}”.")

    def delete_exercise(self) -> None:
        ex = self.library.current_exercise()
        if ex is None or ex.builtin or self.repo is None:
            return
        if not confirm(
            self, "Delete Exercise", f"Delete your exercise “{ex.name}”? This cannot be undone.", "Delete"
        ):
            return
        try:
            change = exercise_ops.delete(self.repo, ex.id)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(change, status=f"Deleted “{ex.name}”.")

    def apply_change(
        self, change: Change, select: str | None = None, status: str | None = None, source: str = ""
    ) -> None:
        """The one path for a change to the data: the shared exercises are read again when they
        changed, every page that shows what changed is marked stale, and the page on screen (and
        the Library's model, which also feeds the routine editor's palette) refreshes at once.
        ``source``: the page that made the change, which already shows it."""
        if self.repo is None or change == Change.NONE:
            return
        if change & Change.EXERCISES:
            self._exercises = self.repo.exercises()
            if "library" in self._pages:
                self.library.set_exercises(self._exercises, keep=select)
            if "routines" in self._pages:
                self.routines_page.set_exercises(self._exercises)
        if change & (Change.PLAN | Change.ROUTINES | Change.SETTINGS) and self.reminders is not None:
            self.reminders.reload()
        self._fresh -= stale_pages(change) - {source}
        if change & Change.EXERCISES and "library" in self._pages:
            self._fresh.add("library")  # its exercises were just set, with the choice kept
        self._refresh_page(self.current_page())
        if status:
            self.statusBar().showMessage(status, 5000)

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
        """Help ▸ Keyboard Shortcuts: every page is made first, so its keys are listed too."""
        from hipdesk.views.shell.keyboard import ShortcutsDialog, shortcut_rows

        for key, _label in PAGES:
            if self.repo is not None or key not in NEEDS_DATA:
                self.page(key)
        names = {self._pages[key]: f"{label} page" for key, label in PAGES if key in self._pages}
        ShortcutsDialog(shortcut_rows(self, names), self).exec()

    def _go_to(self, key: str) -> QWidget:
        self.show_page(key)
        return self.page(key)

    def show_page(self, key: str) -> None:
        keys = [k for k, _ in PAGES]
        if key in keys:
            self.ui.navigation.setCurrentRow(keys.index(key))

    def current_page(self) -> str:
        row = self.ui.navigation.currentRow()
        return PAGES[row][0] if 0 <= row < len(PAGES) else "today"

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            key = PAGES[row][0]
            if key in NEEDS_DATA and self.repo is None and key not in self._pages:
                self.ui.pages.setCurrentWidget(self._waiting)
                self._update_menus()
                return
            widget = self.page(key)
            self._refresh_page(key)
            self.ui.pages.setCurrentWidget(widget)
            self._update_menus()

    def reload(self) -> None:
        """Read everything again; pages other than the current one refresh when next shown."""
        assert self.repo is not None
        self._exercises = self.repo.exercises()
        if "library" in self._pages:  # its model also feeds the routine editor's palette
            self.library.set_exercises(self._exercises)
        self._fresh = set()
        self._refresh_page(self.current_page())

    def _refresh_page(self, key: str) -> None:
        if key in self._fresh or self.repo is None or key not in self._pages:
            return
        self._fresh.add(key)
        page = self._pages[key]
        if key == "library":
            library = self.library
            library.set_exercises(self._exercises)
            library.enable_figures()
        elif key == "routines":
            from hipdesk.views.routines.page import RoutinesPage

            assert isinstance(page, RoutinesPage)
            page.set_exercises(self._exercises)
            if page.repo is None:
                page.attach(self.repo, self._exercises)
            else:
                page.reload()
        else:  # Today, Week and History: given the data once, read again after that
            shown = cast(_DataPage, page)
            if shown.repo is None:
                shown.attach(self.repo)
            else:
                shown.reload()

    # -- state ---------------------------------------------------------------------------------
    def _geometry_key(self) -> settings.Key[QByteArray]:
        screen = screen_of(self)
        size = screen.size()
        return settings.window_geometry_on(screen.name(), size.width(), size.height())

    def restore_state(self) -> None:
        geometry = self._geometry_key().get()
        if geometry.isEmpty():
            geometry = settings.WINDOW_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not self.isMaximized() and not self.isFullScreen():
            fit_on_screen(self)
        state = settings.WINDOW_STATE.get()
        if not state.isEmpty():
            self.restoreState(state)
        self.set_color_scheme(settings.COLOR_SCHEME.get())
        self.show_page("today")  # HipDesk opens on what is planned today

    def save_state(self) -> None:
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        self._geometry_key().set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        if "library" in self._pages:
            self.library.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.reminders is not None and self.reminders.keep_running_on_close():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(False)  # hidden, still reminding
            self.statusBar().clearMessage()
        super().closeEvent(event)
