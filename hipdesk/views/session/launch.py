"""Opening a guided session: from the window, from the command line, or resuming one."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RepMode, Routine
from hipdesk.engine import sides_started
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.window import SessionWindow

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise
    from hipdesk.views.session.output import CuePlayer


def preview_routine(routine: Routine) -> Routine:
    """A preview runs with no input at all, so reps ended with Done are counted at the set pace."""
    items = tuple(replace(i, rep_mode=RepMode.PACED) for i in routine.items)
    return replace(routine, items=items)


def open_session(
    repo: Repo,
    routine: Routine,
    *,
    speed: float = 1.0,
    resume_session: int | None = None,
    resume_step: int = 0,
    parent: QWidget | None = None,
    full_screen: bool = True,
    player: CuePlayer | None = None,
    exercises: dict[str, Exercise] | None = None,
) -> SessionWindow:
    """Build, show and start a session window; every finished set is written as it happens.

    ``player``: the application's cue player (the context's); without one, the session has a
    player of its own, closed with its window. ``exercises``: every exercise by id (the shared
    snapshot's), read here when not given."""
    if not routine.items:
        raise HipDeskError(f"The routine '{routine.name}' has no exercises yet.")
    if not 0.1 <= speed <= 1000:
        raise HipDeskError(f"--speed must be from 0.1 to 1000, not {speed:g}.")
    from hipdesk.app.settings import current_pace
    from hipdesk.views.session.output import ScreenSaverInhibitor

    if exercises is None:
        from hipdesk.app.snapshot import ExerciseSnapshot

        exercises = ExerciseSnapshot(repo).by_id()
    pace = current_pace(exercises)  # the pace the estimates on Routines, Week and Today show
    preview = speed > 1
    driver = SessionDriver(
        repo,
        preview_routine(routine) if preview else routine,
        exercises,
        speed=speed,
        lead_in_s=pace.lead_in_s,
        pace_factor=pace.factor,
        resume_session=resume_session,
        resume_step=resume_step,
        # a resumed session goes on with the sides in the order it started them
        first_sides=sides_started(repo.session(resume_session).sets) if resume_session is not None else None,
        preview=preview,
    )
    own = player is None
    player = ready_player(player or make_cue_player())
    window = SessionWindow(driver, exercises, cue_output=player, preview=preview, parent=parent)
    if own:
        window.closed.connect(lambda: close_cue_player(player))
    if player.unavailable_text():
        window.show_notice(player.unavailable_text())
    player.unavailable.connect(window.show_notice)  # speech found missing or dropped mid-session
    inhibitor = ScreenSaverInhibitor(application_name="HipDesk")
    inhibitor.inhibit(f"Guided session: {routine.name}")
    window.closed.connect(player.stop)
    window.closed.connect(inhibitor.release)

    def let_go() -> None:
        with contextlib.suppress(RuntimeError):  # the player went first, with the window's context
            player.unavailable.disconnect(window.show_notice)

    window.closed.connect(let_go)
    if full_screen:
        window.show_full_screen()
    else:
        window.resize(1280, 800)
        window.show()
    player.prepare_speech()  # the engine loads in its own thread while the get-ready countdown runs
    window.start()
    return window


def make_cue_player() -> CuePlayer:
    """A cue player for the whole application (the context owns it): sounds load once, a missing
    part is told once."""
    from hipdesk.views.session.output import CuePlayer

    return CuePlayer(QCoreApplication.instance())


def ready_player(player: CuePlayer) -> CuePlayer:
    """The player with the runner's cue settings and its sounds ready; the speech engine is left
    to ``prepare_speech()``, once the session has started."""
    player.apply_settings()
    player.prepare_sound()
    return player


def close_cue_player(player: CuePlayer) -> None:
    """Release the sounds and the speech engine before the application object goes away."""
    player.close()
    player.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def todays_routine(repo: Repo, today: dt.date | None = None) -> Routine:
    """The first routine planned for today (one that still exists)."""
    day = (today or dt.date.today()).weekday()
    for planned in repo.week_plan().days[day].routines:
        if planned.routine_id is not None:
            return repo.routine(planned.routine_name)
    raise HipDeskError("Nothing is planned for today: plan a routine on the Week page, or name one.")


def run_session_command(
    repo: Repo, routine_name: str | None, *, today: bool, resume: bool, speed: float
) -> int:
    """``hipdesk start ROUTINE``, ``start --today`` and ``hipdesk resume``: the session window alone."""
    from hipdesk.views.common.application import make_application

    app = make_application()
    if resume:
        interrupted = repo.interrupted_sessions()
        if not interrupted:
            raise HipDeskError("There is no interrupted session to resume.")
        session = interrupted[0]
        assert session.id is not None
        routine, step = repo.session_plan(session.id)
        print(f"resuming '{routine.name}' at step {step}", flush=True)
        window = open_session(repo, routine, speed=speed, resume_session=session.id, resume_step=step)
    else:
        routine = todays_routine(repo) if today else repo.routine(routine_name or "")
        window = open_session(repo, routine, speed=speed)
    told: list[str] = []

    def tell(message: str) -> None:  # one line on stderr, the first time a write fails
        if not told:
            told.append(message)
            print(f"hipdesk: {message}", file=sys.stderr, flush=True)

    window.driver.write_failed.connect(tell)
    window.closed.connect(app.quit)
    code = app.exec()  # the session's own cue player lets go as its window closes
    return 1 if told else int(code)
