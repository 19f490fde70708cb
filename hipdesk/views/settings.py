"""Per-machine preferences in QSettings, each key declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from hipdesk.domain.timing import GET_READY_S

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T

    def get(self, settings: QSettings | None = None) -> T:
        settings = settings or QSettings()
        value: Any = settings.value(self.name, None)
        if value is None:
            return self.default
        kind = type(self.default)
        try:
            if kind is bool:
                return value in (True, "true", "1", 1)  # type: ignore[return-value]
            if kind is QByteArray:
                return value if isinstance(value, QByteArray) else self.default
            return kind(value)  # type: ignore[call-arg,no-any-return]
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T, settings: QSettings | None = None) -> None:
        (settings or QSettings()).setValue(self.name, value)


WINDOW_GEOMETRY = Key("persist/window_geometry", QByteArray())
WINDOW_STATE = Key("persist/window_state", QByteArray())
LIBRARY_SPLITTER = Key("persist/library_splitter", QByteArray())
LAST_EXERCISE = Key("persist/last_exercise", "")
COLOR_SCHEME = Key("view/color_scheme", "system")  # system | light | dark
ANIMATE_LISTS = Key("view/animate_lists", True)

# guided sessions (the session settings dialog edits these)
SESSION_VOLUME = Key("session/volume", 80)  # 0..100, sounds and speech
SESSION_VOICE = Key("session/voice", True)  # speak the cues, not only beep
SESSION_LEAD_IN = Key("session/lead_in_s", int(GET_READY_S))  # 0..30 s to get into position
SESSION_REP_PACE = Key("session/rep_pace_percent", 100)  # 50..200 % of each exercise's own rep pace
SESSION_OLD_REP_TEMPO = Key("session/rep_tempo_s", 0)  # before 0.2: 2..6 s for every rep; read once

# printing and PDF export
PRINT_PAPER = Key("print/paper", "")  # a4 | letter; empty: the locale's paper
