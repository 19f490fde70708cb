"""Runs a session engine on a Qt timer and writes every finished set to the database at once."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hipdesk.domain.model import Exercise, Routine, SessionStatus, Side
from hipdesk.domain.pace import Pace
from hipdesk.domain.timing import GET_READY_S, SWITCH_SIDES_S
from hipdesk.engine import SessionEngine, SessionState, plan_steps

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)

TICK_MS = 50


class SessionDriver(QObject):
    """The thin Qt side of a session: ticks, button presses, cues out, records in."""

    state_changed = Signal(object)  # SessionState
    cue_emitted = Signal(object)  # Cue
    set_recorded = Signal(object)  # SetRecord, after it is safely on disk
    session_finished = Signal(bool)  # True when ended early

    def __init__(
        self,
        repo: Repo,
        routine: Routine,
        exercises: Mapping[str, Exercise],
        *,
        speed: float = 1.0,
        lead_in_s: float = GET_READY_S,
        pace_factor: float = 1.0,
        resume_session: int | None = None,
        resume_step: int = 0,
        first_sides: Mapping[int, Side] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.routine = routine
        self.exercises = exercises
        pace = Pace.of(exercises, factor=pace_factor, lead_in_s=lead_in_s, switch_s=SWITCH_SIDES_S)
        self.steps = plan_steps(routine, exercises, pace, first_sides=first_sides)
        start = min(max(resume_step, 0), len(self.steps) - 1)
        self.engine = SessionEngine(self.steps, speed=speed, start_index=start)
        self.session_id = resume_session
        self.resumed = resume_session is not None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._done = False

    # -- running -------------------------------------------------------------------------------
    def start(self) -> None:
        if self.session_id is None:
            self.session_id = self.repo.start_session(self.routine)
        self.repo.set_resume_step(self.session_id, self.engine.current_index)
        self.engine.start()
        self.timer.start()
        self._drain()

    def state(self) -> SessionState:
        return self.engine.state()

    def _on_timer_timeout(self) -> None:
        self.engine.tick()
        self._drain()

    def _drain(self) -> None:
        for cue in self.engine.take_cues():
            self.cue_emitted.emit(cue)
        for record in self.engine.take_records():
            assert self.session_id is not None
            name = self.exercises[record.exercise_id].name if record.exercise_id in self.exercises else ""
            self.repo.record_set(
                self.session_id, record, name or record.exercise_id, resume_step=self.engine.resume_index
            )
            logger.info(
                "recorded set item=%d side=%s set=%d skipped=%s",
                record.item_index,
                record.side.value,
                record.set_number,
                record.skipped,
            )
            self.set_recorded.emit(record)
        state = self.engine.state()
        self.state_changed.emit(state)
        if state.finished and not self._done:
            self._done = True
            self.timer.stop()
            assert self.session_id is not None
            status = SessionStatus.PARTIAL if self.engine.ended_early else SessionStatus.FINISHED
            self.repo.finish_session(self.session_id, status)
            self.session_finished.emit(self.engine.ended_early)

    # -- the runner's buttons ------------------------------------------------------------------
    def toggle_pause(self) -> None:
        self.engine.toggle_pause()
        self._drain()

    def skip(self) -> None:
        self.engine.skip()
        self._drain()

    def back(self) -> None:
        self.engine.back()
        self._drain()

    def extend(self) -> None:
        self.engine.extend()
        self._drain()

    def done(self) -> None:
        self.engine.done()
        self._drain()

    def end_early(self) -> None:
        self.engine.end_early()
        self._drain()

    @property
    def finished(self) -> bool:
        return self._done
