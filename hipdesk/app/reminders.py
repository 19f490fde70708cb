"""The reminder choices saved in the settings, and the XDG autostart entry that starts HipDesk at login."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSettings

from hipdesk.app.settings import (
    REMINDERS_ANY_TIME,
    REMINDERS_ENABLED,
    REMINDERS_MINUTES_BEFORE,
    REMINDERS_SKIP_REST_DAYS,
)
from hipdesk.engine.reminders import DEFAULT_ANY_TIME, MINUTES_BEFORE_RANGE, ReminderSettings
from hipdesk.export.safe_write import write_bytes
from hipdesk.paths import APP_ID

logger = logging.getLogger(__name__)

BACKGROUND_OPTION = "--background"
AUTOSTART_NAME = f"{APP_ID}.desktop"


def load_reminder_settings(settings: QSettings | None = None) -> ReminderSettings:
    """What is saved; a hand-edited value out of range or unreadable falls back to its default."""
    low, high = MINUTES_BEFORE_RANGE
    before = max(low, min(high, REMINDERS_MINUTES_BEFORE.get(settings)))
    try:
        any_time = dt.time.fromisoformat(REMINDERS_ANY_TIME.get(settings))
    except ValueError:
        any_time = DEFAULT_ANY_TIME
    return ReminderSettings(
        enabled=REMINDERS_ENABLED.get(settings),
        minutes_before=before,
        any_time_at=any_time.replace(second=0, microsecond=0),
        skip_rest_days=REMINDERS_SKIP_REST_DAYS.get(settings),
    )


def save_reminder_settings(chosen: ReminderSettings, settings: QSettings | None = None) -> None:
    REMINDERS_ENABLED.set(chosen.enabled, settings)
    REMINDERS_MINUTES_BEFORE.set(chosen.minutes_before, settings)
    REMINDERS_ANY_TIME.set(chosen.any_time_at.strftime("%H:%M"), settings)
    REMINDERS_SKIP_REST_DAYS.set(chosen.skip_rest_days, settings)


def autostart_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/autostart/io.github.hipdesk.HipDesk.desktop`` (``~/.config`` by default)."""
    environ = os.environ if environ is None else environ
    config = environ.get("XDG_CONFIG_HOME", "").strip()
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / AUTOSTART_NAME


def background_command() -> list[str]:
    """The command that starts HipDesk in the background: the installed ``hipdesk`` where there is one."""
    installed = shutil.which("hipdesk")
    if installed and not getattr(sys, "frozen", False):
        return [installed, BACKGROUND_OPTION]
    if getattr(sys, "frozen", False):  # a bundle: the executable is HipDesk itself
        return [sys.executable, BACKGROUND_OPTION]
    return [sys.executable, "-m", "hipdesk", BACKGROUND_OPTION]


def _exec_quote(word: str) -> str:
    """One argument of an Exec key, quoted as the Desktop Entry specification asks."""
    if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`=%"):
        return word
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in word).replace("%", "%%")
    return f'"{escaped}"'


def autostart_entry(command: list[str] | None = None) -> str:
    words = command or background_command()
    exec_line = " ".join(_exec_quote(w) for w in words).replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=HipDesk\n"
        "Comment=Reminds you of the routines in your HipDesk week plan\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def autostart_enabled(environ: Mapping[str, str] | None = None) -> bool:
    return autostart_path(environ).is_file()


def set_autostart(
    on: bool, environ: Mapping[str, str] | None = None, command: list[str] | None = None
) -> Path:
    """Write or remove the autostart entry; an OSError names the file in one sentence."""
    path = autostart_path(environ)
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, autostart_entry(command).encode("utf-8"))
        logger.info("wrote %s", path)
    else:
        path.unlink(missing_ok=True)
        logger.info("removed %s", path)
    return path
