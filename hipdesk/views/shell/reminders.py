"""Reminders of the week plan: the timer over the scheduler, the ways a reminder reaches the runner
(desktop notifications, a tray message, a banner in the window), the tray icon, and the dialog."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hipdesk.app.notify import DBusNotifier, Notifier
from hipdesk.app.reminders import (
    autostart_enabled,
    load_reminder_settings,
    save_reminder_settings,
    set_autostart,
)
from hipdesk.app.settings import (
    REMINDERS_ASKED_ON_CLOSE,
    REMINDERS_KEEP_RUNNING,
    REMINDERS_SETTLED,
    current_pace,
)
from hipdesk.domain.guidance import routine_minutes, routines_by_id
from hipdesk.domain.model import SessionStatus
from hipdesk.engine.reminders import (
    MINUTES_BEFORE_RANGE,
    Reminder,
    ReminderScheduler,
    ReminderSettings,
    plan_entries,
)

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)

MAX_WAIT_MS = 60 * 60 * 1000  # look again at least hourly, whatever the scheduler says
WATCH_MS = 60 * 1000  # a coarse look for a jump of the wall clock (a suspend, a clock set by hand)
JUMP_S = 90.0  # the wall clock moved this much more than the monotonic one: check at once
REMIND_MINUTES_DEFAULT = 15


# -- the local zone, read again when it changes ---------------------------------------------------


class LocalZone:
    """The system's time zone as a ZoneInfo, looked up again only when TZ or /etc/localtime change."""

    def __init__(self, localtime: Path = Path("/etc/localtime")) -> None:
        self._localtime = localtime
        self._seen: tuple[object, ...] | None = None
        self._zone: dt.tzinfo = dt.UTC

    def _marks(self) -> tuple[object, ...]:
        try:
            st = os.stat(self._localtime)
            mark: tuple[object, ...] = (st.st_ino, st.st_mtime_ns, os.path.realpath(self._localtime))
        except OSError:
            mark = ()
        return (os.environ.get("TZ"), *mark)

    def __call__(self) -> dt.tzinfo:
        marks = self._marks()
        if marks != self._seen:
            from hipdesk.export.calendar import local_zone_name

            self._seen = marks
            time.tzset()
            try:
                self._zone = zoneinfo.ZoneInfo(local_zone_name())
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self._zone = dt.UTC
            logger.info("local time zone: %s", self._zone)
        return self._zone


# -- ways a reminder reaches the runner ------------------------------------------------------------


class TrayNotifier(Notifier):
    """A message from the tray icon; clicking it starts the routine (it has no buttons)."""

    name = "system tray messages"

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self._last = ""
        tray.messageClicked.connect(self._on_tray_message_clicked)

    def available(self) -> bool:
        return (
            QSystemTrayIcon.isSystemTrayAvailable() and self.tray.supportsMessages() and self.tray.isVisible()
        )

    def show(self, key: str, title: str, body: str) -> bool:
        if not self.available():
            return False
        self._last = key
        self.tray.showMessage(title, f"{body} Click to start.", QSystemTrayIcon.MessageIcon.Information, 0)
        return True

    def _on_tray_message_clicked(self) -> None:
        if self._last:
            key, self._last = self._last, ""
            self.action_chosen.emit(key, "start")


class ReminderBanner(QFrame):
    """A strip across the top of the window: the reminder, with Start, Snooze and Skip today."""

    chosen = Signal(str, str)  # key, action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#reminderBanner { background: palette(highlight); border-radius: 6px; }"
            "#reminderBanner QLabel { color: palette(highlighted-text); }"
        )
        self.key = ""
        self.container: QWidget = self  # what shows and hides with the reminder (a tool bar holds it)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for action, label in (("start", "Start"), ("snooze", "Snooze 15 min"), ("skip", "Skip Today")):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, action=action: self._choose(action))
            layout.addWidget(button)
            self.buttons[action] = button

    def show_reminder(self, key: str, title: str, body: str) -> None:
        self.key = key
        self.text.setText(f"{title}. {body}")
        self.container.show()

    def _choose(self, action: str) -> None:
        key, self.key = self.key, ""
        self.container.hide()
        if key:
            self.chosen.emit(key, action)


class BannerNotifier(Notifier):
    """The in-window banner: always there, the last resort."""

    name = "a banner in the HipDesk window"

    def __init__(self, banner: ReminderBanner, window: QWidget) -> None:
        super().__init__(banner)
        self.banner = banner
        self.window = window
        banner.chosen.connect(self.action_chosen)

    def available(self) -> bool:
        return True

    def show(self, key: str, title: str, body: str) -> bool:
        from hipdesk.views.shell.single_instance import bring_forward

        self.banner.show_reminder(key, title, body)
        bring_forward(self.window)  # a hidden window cannot remind
        return True

    def withdraw(self, key: str) -> None:
        if self.banner.key == key:
            self.banner.key = ""
            self.banner.container.hide()


# -- the timer over the scheduler ------------------------------------------------------------------


def finished_today(repo: Repo, today: dt.date, zone: dt.tzinfo) -> set[str]:
    """Names of the routines with a finished session today (previews do not count)."""
    names = set()
    for session in repo.sessions(limit=50, status=SessionStatus.FINISHED):
        started = session.started_at
        if started.tzinfo is None:
            started = started.replace(tzinfo=dt.UTC)
        if started.astimezone(zone).date() == today and not session.preview:
            names.add(session.routine_name)
    return names


class ReminderService(QObject):
    """Fires the scheduler's reminders at their time through the first way that works.

    One single-shot timer waits for the scheduler's next wake-up; a coarse watch once a minute notices
    a suspend or a clock change (the wall clock jumps against the monotonic one) and checks at once.
    """

    start_requested = Signal(str)  # the routine's name
    delivered = Signal(object, str)  # the Reminder, and the name of the way it went

    def __init__(
        self,
        notifiers: list[Notifier],
        fallback: Notifier,
        clock: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = LocalZone()
        self.scheduler = ReminderScheduler(clock or (lambda: dt.datetime.now(self.zone())))
        self.notifiers = notifiers
        self.fallback = fallback
        self.done_today: Callable[[], set[str]] = set
        self._shown: dict[str, Reminder] = {}
        for notifier in [*notifiers, fallback]:
            notifier.action_chosen.connect(self._on_notifier_action_chosen)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check)
        self.watch = QTimer(self)
        self.watch.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._on_watch_timeout)
        self._marks = (time.time(), time.monotonic())
        self._last_zone: dt.tzinfo | None = None
        self._restored = False

    def set_notifiers(self, notifiers: list[Notifier]) -> None:
        """The ways to try, in order, before the banner."""
        for notifier in notifiers:
            if notifier not in self.notifiers:
                notifier.action_chosen.connect(self._on_notifier_action_chosen)
        self.notifiers = list(notifiers)

    def way(self) -> Notifier | None:
        """The way reminders reach the runner here, None when only the window's banner is left."""
        return next((n for n in self.notifiers if n.available()), None)

    def reload(self, repo: Repo, chosen: ReminderSettings | None = None) -> None:
        """Read the plan and the settings again, and set the timer."""
        plan = repo.week_plan()
        routines = routines_by_id(repo.routines())
        pace = current_pace(repo.exercises_in_routines())  # all a routine's length needs

        def minutes_of(routine_id: int | None) -> int | None:
            routine = routines.get(routine_id) if routine_id is not None else None
            return routine_minutes(routine, pace) if routine is not None else None

        self.scheduler.update(plan_entries(plan, minutes_of), chosen or load_reminder_settings())
        if not self._restored:  # what fired before HipDesk was started again
            self._restored = True
            self.scheduler.restore(REMINDERS_SETTLED.get().splitlines())

        def done_today() -> set[str]:
            now = self.scheduler.clock()
            return finished_today(repo, now.date(), now.tzinfo or dt.UTC)

        self.done_today = done_today
        self.arm()

    def arm(self) -> None:
        """Set the timer to the next wake-up (none when reminders are off)."""
        self.timer.stop()
        wake = self.scheduler.next_wakeup()
        if wake is None:
            self.watch.stop()
            return
        wait = (wake - self.scheduler.clock()).total_seconds() * 1000
        self.timer.start(int(min(max(wait, 0) + 250, MAX_WAIT_MS)))
        if not self.watch.isActive():
            self._marks = (time.time(), time.monotonic())
            self.watch.start()
        logger.info("next reminder check at %s", wake)

    def check(self) -> list[Reminder]:
        """Deliver whatever is due now; returns it."""
        due = self.scheduler.due(self.done_today())
        for reminder in due:
            self.deliver(reminder)
        if due:
            self._keep_settled()
        self.arm()
        return due

    def _keep_settled(self) -> None:
        REMINDERS_SETTLED.set("\n".join(self.scheduler.settled()))

    def deliver(self, reminder: Reminder) -> None:
        self._shown[reminder.key] = reminder
        for notifier in self.notifiers:
            if notifier.show(reminder.key, reminder.title, reminder.body):
                self.delivered.emit(reminder, notifier.name)
                return
        self.fallback.show(reminder.key, reminder.title, reminder.body)
        self.delivered.emit(reminder, self.fallback.name)

    def _on_notifier_action_chosen(self, key: str, action: str) -> None:
        reminder = self._shown.pop(key, None)
        if reminder is None:
            return
        for notifier in [*self.notifiers, self.fallback]:
            notifier.withdraw(key)
        if action == "start":
            self.scheduler.skip_today(reminder)
            self.start_requested.emit(reminder.routine_name)
        elif action == "snooze":
            self.scheduler.snooze(reminder)
        elif action == "skip":
            self.scheduler.skip_today(reminder)
        self._keep_settled()
        self.arm()

    def _on_watch_timeout(self) -> None:
        wall, mono = time.time(), time.monotonic()
        jump = abs((wall - self._marks[0]) - (mono - self._marks[1]))
        self._marks = (wall, mono)
        zone = self.zone()
        if jump > JUMP_S or (self._last_zone is not None and zone is not self._last_zone):
            logger.info("the clock jumped %.0f s or the zone changed: checking reminders", jump)
            self.check()
        self._last_zone = zone


# -- the tray icon ---------------------------------------------------------------------------------


def make_tray(
    window: QWidget, on_reminders: Callable[[], None], on_quit: Callable[[], None]
) -> QSystemTrayIcon | None:
    """A tray icon with Open, Reminders and Quit, where the desktop has a tray; None elsewhere."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    from hipdesk.views.shell.single_instance import bring_forward

    icon = window.windowIcon()
    if icon.isNull():
        from hipdesk.paths import APP_ID
        from hipdesk.resources import resource_path

        icon = QIcon(str(resource_path("icons", f"{APP_ID}.svg")))
    tray = QSystemTrayIcon(icon, window)
    tray.setToolTip("HipDesk: reminders of your week plan")
    menu = QMenu(window)
    menu.addAction("Open HipDesk", lambda: bring_forward(window))
    menu.addAction("Reminders…", on_reminders)
    menu.addSeparator()
    menu.addAction("Quit HipDesk", on_quit)
    tray.setContextMenu(menu)
    tray.activated.connect(
        lambda reason: bring_forward(window) if reason == QSystemTrayIcon.ActivationReason.Trigger else None
    )
    tray.show()
    return tray


# -- the dialog ------------------------------------------------------------------------------------


class RemindersDialog(QDialog):
    """Session ▸ Reminders…: on or off, how early, "any time" routines, rest days, background, login."""

    def __init__(self, way: Notifier | None, tray_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders")
        chosen = load_reminder_settings()
        layout = QVBoxLayout(self)
        self.enabled = QCheckBox("Remind me of each planned routine", self)
        self.enabled.setChecked(chosen.enabled)
        layout.addWidget(self.enabled)
        form = QFormLayout()
        self.minutes_before = QSpinBox(self)
        self.minutes_before.setRange(*MINUTES_BEFORE_RANGE)
        self.minutes_before.setSuffix(" min before")
        self.minutes_before.setSpecialValueText("At the planned time")
        self.minutes_before.setValue(chosen.minutes_before)
        form.addRow("Routines with a time:", self.minutes_before)
        self.any_time = QTimeEdit(QTime(chosen.any_time_at.hour, chosen.any_time_at.minute), self)
        self.any_time.setDisplayFormat("HH:mm")
        form.addRow("Routines for any time, at:", self.any_time)
        self.skip_rest = QCheckBox("Not on rest days", self)
        self.skip_rest.setChecked(chosen.skip_rest_days)
        form.addRow("", self.skip_rest)
        self.keep_running = QCheckBox("Keep reminding when the window is closed", self)
        self.keep_running.setChecked(REMINDERS_KEEP_RUNNING.get())
        form.addRow("", self.keep_running)
        self.autostart = QCheckBox("Start HipDesk at login, in the background", self)
        self.autostart.setChecked(autostart_enabled())
        form.addRow("", self.autostart)
        layout.addLayout(form)
        if way is not None:
            said = f"Reminders appear as {way.name}, with Start, Snooze and Skip today."
            if way.name == TrayNotifier.name:
                said = "Reminders appear as messages from the HipDesk icon in the tray; click one to start."
        else:
            said = (
                "This desktop offers no notifications and no system tray, so at the time HipDesk brings "
                "its window forward with the reminder across the top. Keep HipDesk running for them."
            )
        self.delivery = QLabel(said, self)
        self.delivery.setObjectName("reminderDelivery")
        self.delivery.setWordWrap(True)
        self.delivery.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.delivery)
        if not tray_available:
            self.keep_running.setToolTip("Without a tray, open HipDesk again to bring the window back.")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.enabled.toggled.connect(self._on_enabled_toggled)
        self._on_enabled_toggled(chosen.enabled)

    def _on_enabled_toggled(self, on: bool) -> None:
        for widget in (self.minutes_before, self.any_time, self.skip_rest, self.keep_running, self.autostart):
            widget.setEnabled(on)

    def chosen(self) -> ReminderSettings:
        at = self.any_time.time()
        return ReminderSettings(
            enabled=self.enabled.isChecked(),
            minutes_before=self.minutes_before.value(),
            any_time_at=dt.time(at.hour(), at.minute()),
            skip_rest_days=self.skip_rest.isChecked(),
        )

    def save(self) -> str | None:
        """Keep the choices; returns a sentence when the autostart entry could not be written."""
        chosen = self.chosen()
        save_reminder_settings(chosen)
        REMINDERS_KEEP_RUNNING.set(self.keep_running.isChecked())
        wanted = chosen.enabled and self.autostart.isChecked()
        if wanted != autostart_enabled():
            try:
                set_autostart(wanted)
            except OSError as exc:
                return f"Could not change the login start-up entry: {exc.strerror or exc}."
        return None


# -- the calendar export, with its reminder choice -------------------------------------------------


def calendar_save_dialog(parent: QWidget, suggested: str) -> tuple[str, int | None] | None:
    """Where to save the calendar, and how many minutes before each event it reminds (None: not)."""
    folder = Path(suggested).parent
    start = str(folder) if folder.is_dir() else str(Path.home())
    dialog = QFileDialog(parent, "Export Calendar", start, "Calendar files (*.ics);;All files (*)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # to hold the reminder choice
    dialog.selectFile(Path(suggested).name)
    row = QWidget(dialog)
    row.setObjectName("calendarReminder")
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    remind = QCheckBox("Remind in the calendar too", row)
    remind.setObjectName("calendarRemind")
    minutes = QSpinBox(row)
    minutes.setObjectName("calendarRemindMinutes")
    minutes.setRange(0, 1440)
    minutes.setSuffix(" min before")
    chosen = load_reminder_settings()
    remind.setChecked(chosen.enabled)
    minutes.setValue(chosen.minutes_before or REMIND_MINUTES_DEFAULT)
    minutes.setEnabled(remind.isChecked())
    remind.toggled.connect(minutes.setEnabled)
    line.addWidget(remind)
    line.addWidget(minutes)
    line.addStretch(1)
    grid = dialog.layout()
    if isinstance(grid, QGridLayout):
        grid.addWidget(row, grid.rowCount(), 0, 1, grid.columnCount())
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0], (minutes.value() if remind.isChecked() else None)


# -- what the main window holds ----------------------------------------------------------------


class WindowReminders(QObject):
    """The reminders of one main window: the banner, the Session ▸ Reminders… action, the tray icon,
    the service, and what closing the window does while reminders are on."""

    def __init__(self, window: QMainWindow, start: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.repo: Repo | None = None
        self.quitting = False
        self.banner = ReminderBanner(window)
        bar = QToolBar("Reminder", window)
        bar.setObjectName("reminderBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(self.banner)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.hide()
        self.bar = bar
        self.banner.container = bar
        self.tray: QSystemTrayIcon | None = None
        self.tray_notifier: TrayNotifier | None = None
        self.service = ReminderService(
            [DBusNotifier(parent=self)], BannerNotifier(self.banner, window), parent=self
        )
        self.service.start_requested.connect(start)
        self.service.delivered.connect(self._on_service_delivered)
        self.action = QAction("&Reminders…", window)
        self.action.setObjectName("actionReminders")
        self.action.triggered.connect(self.open_dialog)

    def _on_service_delivered(self, reminder: Reminder, way: str) -> None:
        logger.info("reminded of %s through %s", reminder.routine_name, way)

    def attach(self, repo: Repo) -> None:
        self.repo = repo
        self.reload()

    def reload(self) -> None:
        if self.repo is None:
            return
        chosen = load_reminder_settings()
        self._update_tray(chosen.enabled)
        self.service.reload(self.repo, chosen)

    def _update_tray(self, on: bool) -> None:
        if on and self.tray is None:
            self.tray = make_tray(self.window, self.open_dialog, self.quit)
            if self.tray is not None:
                self.tray_notifier = TrayNotifier(self.tray, self)
                self.service.set_notifiers([*self.service.notifiers, self.tray_notifier])
        elif not on and self.tray is not None:
            if self.tray_notifier is not None:
                self.service.set_notifiers([n for n in self.service.notifiers if n is not self.tray_notifier])
                self.tray_notifier = None
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None

    def open_dialog(self) -> None:
        from hipdesk.views.common.widgets import message
        from hipdesk.views.shell.single_instance import bring_forward

        bring_forward(self.window)
        dialog = RemindersDialog(self.service.way(), QSystemTrayIcon.isSystemTrayAvailable(), self.window)
        if dialog.exec():
            problem = dialog.save()
            if problem:
                message(self.window, "Reminders", problem)
            self.reload()

    @property
    def enabled(self) -> bool:
        return self.service.scheduler.settings.enabled

    def keep_running_on_close(self) -> bool:
        """Asked when the window closes: True to hide it and keep reminding, False to quit."""
        from hipdesk.views.common.widgets import ask

        if self.quitting or not self.enabled or self.repo is None:
            return False
        if not REMINDERS_ASKED_ON_CLOSE.get():
            REMINDERS_ASKED_ON_CLOSE.set(True)
            choice = ask(
                self.window,
                "Keep Reminders Running?",
                "Keep reminders running in the background? HipDesk will remind you of your planned "
                "routines with the window closed. You will not be asked again; change it in "
                "Session ▸ Reminders.",
                ["Keep Running", "Quit"],
            )
            REMINDERS_KEEP_RUNNING.set(choice != "Quit")
        return REMINDERS_KEEP_RUNNING.get()

    def quit(self) -> None:
        """File ▸ Quit and the tray's Quit: close the window without asking, and end HipDesk unless a
        guided session's window is still open (it ends when that closes, as before reminders)."""
        self.quitting = True
        self.window.close()
        app = QApplication.instance()
        if isinstance(app, QApplication) and not app.quitOnLastWindowClosed():
            app.setQuitOnLastWindowClosed(True)  # kept running for reminders until now
            if not any(w.isVisible() for w in app.topLevelWidgets()):
                app.quit()
