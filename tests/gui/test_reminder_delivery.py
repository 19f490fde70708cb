"""Reminders delivered through a fake org.freedesktop.Notifications on a private session bus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hipdesk.app.notify import DBusNotifier

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
