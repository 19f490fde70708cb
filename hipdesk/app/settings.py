"""Per-machine preferences in QSettings, each key declared once with its type and default, and the
session settings and pace read from them (the window and the command line read the same values)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from hipdesk.domain.timing import GET_READY_S, PACE_PERCENT_RANGE, REP_TEMPO_S
from hipdesk.paths import APP_NAME

if TYPE_CHECKING:
    from hipdesk.domain.model import Exercise
    from hipdesk.domain.pace import Pace

T = TypeVar("T")


# Named tuples rather than dataclasses: the window reads its settings before its first paint, and
# the dataclass machinery would load (and build each class's methods) on the way to it.
class Key(NamedTuple, Generic[T]):
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
                return value if isinstance(value, QByteArray) else self.default  # type: ignore[return-value]
            return kind(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T, settings: QSettings | None = None) -> None:
        (settings or QSettings()).setValue(self.name, value)


WINDOW_GEOMETRY = Key("persist/window_geometry", QByteArray())  # the last one, on whichever screen


def window_geometry_on(screen_name: str, width: int, height: int) -> Key[QByteArray]:
    """The window's geometry as last left on a screen of that name and size (a laptop alone and the
    laptop with its monitor each get their own)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", screen_name).strip("_") or "screen"
    return Key(f"persist/window_geometry_by_screen/{name}_{width}x{height}", QByteArray())


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

# reminders of the week plan (Session > Reminders)
REMINDERS_ENABLED = Key("reminders/enabled", False)
REMINDERS_MINUTES_BEFORE = Key("reminders/minutes_before", 0)  # 0..120, for routines with a time
REMINDERS_ANY_TIME = Key("reminders/any_time_at", "07:00")  # HH:MM, for routines planned at any time
REMINDERS_SKIP_REST_DAYS = Key("reminders/skip_rest_days", True)  # none on a day whose run is rest
REMINDERS_ASKED_ON_CLOSE = Key("reminders/asked_on_close", False)  # closing asked once about background
REMINDERS_KEEP_RUNNING = Key("reminders/keep_running", True)  # the answer: keep reminding when closed
REMINDERS_SETTLED = Key("reminders/settled", "")  # keys of reminders fired or skipped lately, one a line

# printing and PDF export
PRINT_PAPER = Key("print/paper", "")  # a4 | letter; empty: the locale's paper

# the folder each kind of file was last opened from or saved to (empty: the Documents folder)
FOLDER_KINDS = ("routines", "pdf", "calendar", "csv")
LAST_FOLDERS = {kind: Key(f"folders/{kind}", "") for kind in FOLDER_KINDS}


VOLUME_RANGE = (0, 100)
LEAD_IN_RANGE = (0, 30)
REP_PACE_RANGE = PACE_PERCENT_RANGE


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], int(value)))


def _saved_rep_pace(settings: QSettings | None) -> int:
    """The rep-pace setting; a rep tempo saved before (seconds for every rep, against 3 s as standard)
    becomes the same share of each exercise's own pace."""
    store = settings or QSettings()
    if not store.contains(SESSION_REP_PACE.name) and store.contains(SESSION_OLD_REP_TEMPO.name):
        old = SESSION_OLD_REP_TEMPO.get(settings)
        if old > 0:
            return round(old / REP_TEMPO_S * 100)
    return SESSION_REP_PACE.get(settings)


class SessionSettings(NamedTuple):
    """The saved session preferences, each already within its range."""

    volume: int = SESSION_VOLUME.default
    voice: bool = SESSION_VOICE.default
    lead_in_s: int = SESSION_LEAD_IN.default
    rep_pace_percent: int = SESSION_REP_PACE.default  # of each exercise's own pace

    @property
    def pace_factor(self) -> float:
        from hipdesk.domain.pace import pace_factor  # the window's first paint reads settings, not paces

        return pace_factor(self.rep_pace_percent)

    @classmethod
    def load(cls, settings: QSettings | None = None) -> SessionSettings:
        """What is saved, with any out-of-range value (a hand-edited file) brought back into range."""
        return cls(
            volume=_clamp(SESSION_VOLUME.get(settings), VOLUME_RANGE),
            voice=SESSION_VOICE.get(settings),
            lead_in_s=_clamp(SESSION_LEAD_IN.get(settings), LEAD_IN_RANGE),
            rep_pace_percent=_clamp(_saved_rep_pace(settings), REP_PACE_RANGE),
        )

    def save(self, settings: QSettings | None = None) -> None:
        SESSION_VOLUME.set(self.volume, settings)
        SESSION_VOICE.set(self.voice, settings)
        SESSION_LEAD_IN.set(self.lead_in_s, settings)
        SESSION_REP_PACE.set(self.rep_pace_percent, settings)


def saved_settings() -> QSettings:
    """The settings the window saves, read where no application object names them (the command line)."""
    return QSettings(APP_NAME, APP_NAME)


def current_pace(
    exercises: Iterable[Exercise] | Mapping[str, Exercise], settings: QSettings | None = None
) -> Pace:
    """Each exercise's own pace scaled by the rep-pace setting, with the lead-in setting: the same
    pace a session started now takes its timing from."""
    from hipdesk.domain.pace import Pace

    chosen = SessionSettings.load(settings)
    return Pace.of(exercises, factor=chosen.pace_factor, lead_in_s=chosen.lead_in_s)
