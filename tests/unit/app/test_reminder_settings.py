"""Reminder choices in the settings, and the autostart entry written, validated and removed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from hipdesk.app.reminders import (
    autostart_enabled,
    autostart_entry,
    autostart_path,
    load_reminder_settings,
    save_reminder_settings,
    set_autostart,
)
from hipdesk.engine.reminders import ReminderSettings


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "hipdesk.ini"), QSettings.Format.IniFormat)


def test_choices_are_saved_and_read_back(settings: QSettings) -> None:
    assert load_reminder_settings(settings) == ReminderSettings()  # off until chosen
    chosen = ReminderSettings(
        enabled=True, minutes_before=10, any_time_at=dt.time(12, 30), skip_rest_days=False
    )
    save_reminder_settings(chosen, settings)
    assert load_reminder_settings(settings) == chosen


def test_hand_edited_values_fall_back_into_range(settings: QSettings) -> None:
    settings.setValue("reminders/minutes_before", 9999)
    settings.setValue("reminders/any_time_at", "lunch")
    loaded = load_reminder_settings(settings)
    assert loaded.minutes_before == 120 and loaded.any_time_at == dt.time(7, 0)


def test_autostart_follows_xdg_config_home(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "conf")}
    assert autostart_path(environ) == tmp_path / "conf" / "autostart" / "io.github.hipdesk.HipDesk.desktop"
    assert autostart_path({}) == Path.home() / ".config" / "autostart" / "io.github.hipdesk.HipDesk.desktop"
    assert autostart_path({"XDG_CONFIG_HOME": "relative"}).is_relative_to(Path.home())


def test_autostart_written_valid_and_removed(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "conf")}
    command = [str(tmp_path / "my venv" / "bin" / "python"), "-m", "hipdesk", "--background"]
    assert not autostart_enabled(environ)
    path = set_autostart(True, environ, command)
    assert autostart_enabled(environ) and path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "Type=Application\n" in text and "NoDisplay=true\n" in text
    assert f'Exec="{tmp_path}/my venv/bin/python" -m hipdesk --background\n' in text
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
    checked = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout.strip() == "", checked.stdout
    set_autostart(False, environ)
    assert not path.exists() and not autostart_enabled(environ)
    set_autostart(False, environ)  # removing twice is fine


def test_exec_quoting_survives_odd_characters() -> None:
    entry = autostart_entry(['/opt/a "b"/$x\\y', "--background"])
    assert 'Exec="/opt/a \\\\"b\\\\"/\\\\$x\\\\\\\\y" --background\n' in entry
