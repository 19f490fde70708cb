"""The pace sessions run at now, for the estimated lengths shown on Routines, Week and Today."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSettings

from hipdesk.domain.model import Exercise
from hipdesk.domain.pace import Pace
from hipdesk.paths import APP_NAME


def saved_settings() -> QSettings:
    """The settings the window saves, read where no application object names them (the command line)."""
    return QSettings(APP_NAME, APP_NAME)


def current_pace(
    exercises: Iterable[Exercise] | Mapping[str, Exercise], settings: QSettings | None = None
) -> Pace:
    """Each exercise's own pace scaled by the rep-pace setting, with the lead-in setting: the same
    pace a session started now takes its timing from."""
    from hipdesk.views.session_settings import SessionSettings

    chosen = SessionSettings.load(settings)
    return Pace.of(exercises, factor=chosen.pace_factor, lead_in_s=chosen.lead_in_s)
