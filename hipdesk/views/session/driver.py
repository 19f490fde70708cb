"""Runs a session engine on a Qt timer and writes every finished set to the database at once."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hipdesk.domain.errors import StorageError
from hipdesk.domain.model import Exercise, Routine, SessionStatus, SetRecord, Side
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
    write_failed = Signal(str)  # a set (or the end of the session) could not be saved: why
    write_recovered = Signal()  # a retry saved everything that had failed
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
        preview: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.preview = preview  # stored marked as a preview: it counts toward nothing
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
        self._unsaved: list[SetRecord] = []  # taken from the engine, not yet on disk
        self._finish_pending = False  # the session is over but its end is not on disk yet
        self.write_error: str | None = None  # the last failed write, while it is not resolved

    # -- running -------------------------------------------------------------------------------
    def start(self) -> None:
        if self.session_id is None:
            self.session_id = self.repo.start_session(self.routine, preview=self.preview)
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
        self._unsaved.extend(self.engine.take_records())
        saved = self._save_pending()
        state = self.engine.state()
        self.state_changed.emit(state)
        if saved and state.finished and not self._done:
            self._finish_pending = True
            self._save_end()

    def _save_pending(self) -> bool:
        """Write the sets not on disk yet, oldest first; on a failure stop the clock and say why."""
        assert self.session_id is not None
        while self._unsaved:
            record = self._unsaved[0]
            name = self.exercises[record.exercise_id].name if record.exercise_id in self.exercises else ""
            try:
                self.repo.record_set(
                    self.session_id, record, name or record.exercise_id, resume_step=self.engine.resume_index
                )
            except StorageError as exc:
                self._fail(str(exc))
                return False
            self._unsaved.pop(0)
            logger.info(
                "recorded set item=%d side=%s set=%d skipped=%s",
                record.item_index,
                record.side.value,
                record.set_number,
                record.skipped,
            )
            self.set_recorded.emit(record)
        return True

    def _save_end(self) -> None:
        assert self.session_id is not None
        status = SessionStatus.PARTIAL if self.engine.ended_early else SessionStatus.FINISHED
        try:
            self.repo.finish_session(self.session_id, status)
        except StorageError as exc:
            self._fail(str(exc))
            return
        self._finish_pending = False
        self._done = True
        self.timer.stop()
        self.session_finished.emit(self.engine.ended_early)

    def _fail(self, message: str) -> None:
        self.timer.stop()
        self.engine.pause()  # the clock stops: nothing more happens until the runner retries or ends
        self.write_error = message
        logger.info("%s", message)  # the screen and the command line say it; -v logs it too
        self.write_failed.emit(message)

    @property
    def unsaved_count(self) -> int:
        """Sets done or skipped that are not on disk (a failed write not retried yet, or given up)."""
        return len(self._unsaved)

    @property
    def failed(self) -> bool:
        """True while a write has failed and the runner has not retried it successfully or ended."""
        return self.write_error is not None

    def retry(self) -> bool:
        """Try the failed writes again; on success the session goes on where it stopped."""
        if self.write_error is None:
            return False
        self.write_error = None
        if not self._save_pending():
            return False
        if self._finish_pending or (self.engine.finished and not self._done):
            self._finish_pending = True
            self._save_end()
            return self.write_error is None
        self.write_recovered.emit()
        self.engine.resume()
        self.timer.start()
        self._drain()
        return True

    def abandon(self) -> None:
        """End after a failed write that cannot be saved: what is on disk stays; the rest is dropped.

        The session stays "running" on disk when its end cannot be written, so the next start
        offers to resume it or keep it as partial.
        """
        if self._done:
            return
        self.timer.stop()
        if not self.engine.finished:
            self.engine.end_early()
            self._unsaved.extend(self.engine.take_records())
            self.engine.take_cues()
        self.write_error = None
        if self._save_pending():
            self._save_end()
        if self._done:
            return
        dropped = len(self._unsaved)
        logger.info("session ended with %d set(s) not saved", dropped)
        self._done = True
        self.state_changed.emit(self.engine.state())
        self.session_finished.emit(True)

    # -- the runner's buttons ------------------------------------------------------------------
    # While a write has failed, only retry() and ending do anything: the clock stays stopped.
    def toggle_pause(self) -> None:
        if not self.failed:
            self.engine.toggle_pause()
            self._drain()

    def skip(self) -> None:
        if not self.failed:
            self.engine.skip()
            self._drain()

    def back(self) -> None:
        if not self.failed:
            self.engine.back()
            self._drain()

    def extend(self) -> None:
        if not self.failed:
            self.engine.extend()
            self._drain()

    def done(self) -> bool:
        """Done with manual reps; False where the set ends by itself (a hold, timed work, paced reps)."""
        if self.failed:
            return False
        acted = self.engine.done()
        self._drain()
        return acted

    def end_early(self) -> None:
        if self.failed:
            self.abandon()
            return
        self.engine.end_early()
        self._drain()
        if not self._done and self.failed:
            self.abandon()

    @property
    def finished(self) -> bool:
        return self._done
