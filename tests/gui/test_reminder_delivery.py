"""Reminders delivered through a fake org.freedesktop.Notifications on a private session bus."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings

from hipdesk.app.changes import Change
from hipdesk.app.notify import DBusNotifier
from hipdesk.app.reminders import load_reminder_settings
from hipdesk.app.settings import (
    REMINDERS_ASKED_ON_CLOSE,
    REMINDERS_ENABLED,
    REMINDERS_KEEP_RUNNING,
    current_pace,
)
from hipdesk.domain.guidance import routine_minutes
from hipdesk.domain.model import SessionStatus
from hipdesk.views.session.window import SessionWindow
from hipdesk.views.shell.main_window import MainWindow
from hipdesk.views.shell.reminders import RemindersDialog, finished_today

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICE = "org.freedesktop.Notifications"


class FakeService:
    def __init__(self, bus: Any, log: Path) -> None:
        self.bus, self.log = bus, log

    def calls(self, name: str = "Notify") -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [c for c in map(json.loads, lines) if c["call"] == name]

    def press(self, action: str) -> None:
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(SERVICE, "/org/freedesktop/Notifications", SERVICE, "Press")
        call.setArguments([action])
        reply = self.bus.call(call)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()


@pytest.fixture
def fake_notifications(private_bus, tmp_path: Path, qtbot) -> Iterator[FakeService]:
    address, bus = private_bus
    log = tmp_path / "notifications.log"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), QT_QPA_PLATFORM="offscreen")
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("fake_notifications.py")), address],
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    try:
        qtbot.waitUntil(lambda: bool(bus.interface().isServiceRegistered(SERVICE).value()), timeout=15_000)
        yield FakeService(bus, log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_without_the_service_nothing_is_available(private_bus) -> None:
    _, bus = private_bus
    notifier = DBusNotifier(bus)
    assert not notifier.available()
    assert notifier.show("k", "Time for Hip strength", "body") is False


def test_notify_carries_title_body_and_actions_and_reports_the_choice(fake_notifications, qtbot) -> None:
    notifier = DBusNotifier(fake_notifications.bus)
    assert notifier.available()
    assert notifier.show("2026-12-02/2/0/Hip strength", "Time for Hip strength", "Hip strength: about 12 min")
    (call,) = fake_notifications.calls()
    assert call["app_name"] == "HipDesk" and call["replaces_id"] == 0
    assert call["summary"] == "Time for Hip strength" and call["body"] == "Hip strength: about 12 min"
    assert call["actions"] == [
        "default",
        "Start",
        "start",
        "Start",
        "snooze",
        "Snooze 15 min",
        "skip",
        "Skip today",
    ]
    assert call["hints"]["desktop-entry"] == "io.github.hipdesk.HipDesk"
    with qtbot.waitSignal(notifier.action_chosen, timeout=5000) as chosen:
        fake_notifications.press("snooze")
    assert chosen.args == ["2026-12-02/2/0/Hip strength", "snooze"]
    # a press on a notification HipDesk no longer shows (or another program's) is not reported
    with qtbot.assertNotEmitted(notifier.action_chosen, wait=300):
        fake_notifications.press("start")


# -- in the window -----------------------------------------------------------------------------

THURSDAY_EVENING = dt.datetime(2026, 12, 3, 18, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # Strength at 18:30


@pytest.fixture
def reminders_on() -> Iterator[None]:
    REMINDERS_ENABLED.set(True)
    REMINDERS_ASKED_ON_CLOSE.set(True)  # closing a test's window quits, asking nothing
    REMINDERS_KEEP_RUNNING.set(False)
    yield
    QSettings().remove("reminders")


@pytest.fixture
def window(qtbot, repo, reminders_on, monkeypatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(SessionWindow, "show_full_screen", lambda self: self.show())
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    clock = Clock(THURSDAY_EVENING)
    win.reminders.service.scheduler.clock = clock
    win.reminders.clock = clock  # type: ignore[attr-defined]
    yield win
    for session in list(win.sessions.open):
        session.driver.end_early()
        session.close()


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def test_start_in_the_notification_opens_the_guided_session(
    window: MainWindow, fake_notifications, qtbot
) -> None:
    service = window.reminders.service
    service.set_notifiers([DBusNotifier(fake_notifications.bus)])
    window.reminders.reload()
    assert [r.routine_name for r in service.check()] == ["Hip strength"]
    assert service.check() == []  # once
    (call,) = fake_notifications.calls()
    minutes = routine_minutes(window.repo.routine("Hip strength"), current_pace(window.repo.exercises()))
    assert call["summary"] == "Time for Hip strength"
    assert call["body"] == f"Hip strength: about {minutes} min, planned at 18:30."
    assert [call["actions"][i] for i in range(2, 8, 2)] == ["start", "snooze", "skip"]
    assert not window.reminders.bar.isVisible()  # the desktop showed it, not the window
    fake_notifications.press("start")
    qtbot.waitUntil(lambda: bool(window.sessions.open), timeout=5000)
    (session,) = window.sessions.open
    assert isinstance(session, SessionWindow) and session.isVisible()
    assert session.driver.routine.name == "Hip strength"


def test_without_notifications_the_window_shows_a_banner_and_the_dialog_says_so(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    service = window.reminders.service
    service.set_notifiers([])
    window.reminders.reload()
    dialog = RemindersDialog(service.way(), tray_available=False, parent=window)
    assert "no notifications and no system tray" in dialog.delivery.text()
    dialog.deleteLater()
    assert len(service.check()) == 1
    banner = window.reminders.banner
    assert window.reminders.bar.isVisible() and banner.isVisible()
    assert banner.text.text().startswith("Time for Hip strength. Hip strength: about ")
    banner.buttons["snooze"].click()
    assert not banner.isVisible() and not window.sessions.open
    window.reminders.clock.moment += dt.timedelta(minutes=14)
    assert service.check() == []
    window.reminders.clock.moment += dt.timedelta(minutes=1)
    assert len(service.check()) == 1 and banner.isVisible()  # snoozed for 15 minutes
    banner.buttons["skip"].click()
    window.reminders.clock.moment += dt.timedelta(minutes=15)
    assert service.check() == [] and not banner.isVisible()


def test_no_reminder_for_a_routine_finished_today(window: MainWindow) -> None:
    repo = window.repo
    service = window.reminders.service
    service.set_notifiers([])
    routine = repo.routine("Hip strength")
    zone = THURSDAY_EVENING.tzinfo
    for preview, hours in ((True, 3), (False, 1)):  # a preview counts toward nothing
        sid = repo.start_session(routine, THURSDAY_EVENING - dt.timedelta(hours=hours), preview=preview)
        repo.finish_session(sid, SessionStatus.FINISHED, THURSDAY_EVENING - dt.timedelta(hours=hours - 0.5))
        done = finished_today(repo, THURSDAY_EVENING.date(), zone)
        assert done == (set() if preview else {"Hip strength"})
    window.apply_change(Change.HISTORY)
    assert service.check() == [] and not window.reminders.bar.isVisible()


def test_a_plan_change_is_followed(window: MainWindow) -> None:
    service = window.reminders.service
    service.set_notifiers([])
    window.show_page("week")
    model = window.week_page.model
    model.remove_entries([(3, r) for r in range(len(model.entries(3)))])  # Thursday emptied
    assert service.scheduler.entries and all(e.weekday != 3 for e in service.scheduler.entries)
    assert service.check() == []


def test_closing_the_window_asks_once_to_keep_reminders_running(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from hipdesk.views.common import widgets

    asked: list[str] = []
    monkeypatch.setattr(widgets, "ask", lambda _p, _t, text, _c: asked.append(text) or "Keep Running")
    app = QApplication.instance()
    REMINDERS_ASKED_ON_CLOSE.set(False)
    try:
        window.close()
        assert len(asked) == 1 and asked[0].startswith("Keep reminders running in the background?")
        assert not app.quitOnLastWindowClosed() and window.reminders.service.timer.isActive()
        window.show()
        window.close()
        assert len(asked) == 1  # asked once
        assert not app.quitOnLastWindowClosed()
        window.reminders.quit()  # File > Quit, or the tray's Quit: no question, and no longer kept
        assert len(asked) == 1 and app.quitOnLastWindowClosed() and not window.isVisible()
        REMINDERS_KEEP_RUNNING.set(False)
    finally:
        app.setQuitOnLastWindowClosed(True)


def test_the_dialog_saves_the_choices_and_writes_the_login_entry(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    entry = tmp_path / "conf" / "autostart" / "io.github.hipdesk.HipDesk.desktop"
    dialog = RemindersDialog(None, tray_available=False, parent=window)
    dialog.minutes_before.setValue(10)
    dialog.skip_rest.setChecked(False)
    dialog.autostart.setChecked(True)
    assert dialog.save() is None
    assert load_reminder_settings().minutes_before == 10 and not load_reminder_settings().skip_rest_days
    assert entry.is_file() and "--background" in entry.read_text(encoding="utf-8")
    dialog.enabled.setChecked(False)
    assert dialog.save() is None and not entry.exists()  # reminders off: no start at login


def test_the_export_dialog_can_add_a_reminder_to_the_calendar(
    window: MainWindow, tmp_path: Path, qtbot, monkeypatch
) -> None:
    from icalendar import Calendar
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QLineEdit, QSpinBox

    target = tmp_path / "week.ics"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.findChild(QCheckBox, "calendarRemind").setChecked(True)
        dialog.findChild(QSpinBox, "calendarRemindMinutes").setValue(20)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))
        dialog.accept()

    said: list[str] = []
    monkeypatch.setattr("hipdesk.views.common.widgets.message", lambda _p, _t, text, *_a: said.append(text))
    QTimer.singleShot(200, answer)
    window.files.export_calendar_dialog()
    assert said == []
    events = Calendar.from_ical(target.read_bytes()).events
    assert events and all(e.walk("VALARM")[0]["TRIGGER"].dt == dt.timedelta(minutes=-20) for e in events)


def test_a_wall_clock_jump_after_a_suspend_checks_at_once(window: MainWindow) -> None:
    import time

    service = window.reminders.service
    service.set_notifiers([])
    window.reminders.clock.moment -= dt.timedelta(minutes=20)  # before the time: nothing yet
    window.reminders.reload()
    assert service.check() == [] and service.watch.isActive()
    window.reminders.clock.moment += dt.timedelta(minutes=35)  # woke up 15 minutes late
    service._on_watch_timeout()  # no jump seen: the single-shot timer is the one to wait for
    assert not window.reminders.bar.isVisible()
    service._marks = (time.time() - 35 * 60, time.monotonic())  # the wall clock ran on while asleep
    service._on_watch_timeout()
    assert window.reminders.bar.isVisible()


def test_a_reminder_that_fired_does_not_fire_again_after_a_restart(window: MainWindow, qtbot) -> None:
    window.reminders.service.set_notifiers([])
    assert len(window.reminders.service.check()) == 1
    again = MainWindow(window.repo)  # HipDesk started again, five minutes later
    qtbot.addWidget(again)
    service = again.reminders.service
    service.set_notifiers([])
    service.scheduler.clock = lambda: THURSDAY_EVENING + dt.timedelta(minutes=5)
    again.reminders.reload()
    assert service.check() == []
