"""The guided-session state machine: deadlines on an injected monotonic clock, cues and set records."""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hipdesk.domain.model import SetRecord, Side
from hipdesk.engine import cues
from hipdesk.engine.cues import Cue
from hipdesk.engine.plan import Step, StepKind, WorkMode

BACK_GRACE_S = 3.0  # "back" within this many seconds of a work step goes to the previous work step
EXTEND_S = 15.0  # the "+15 s" button
COUNTDOWN_FROM = 3  # beeps at 3, 2 and 1 seconds left
_EPS = 1e-9

Clock = Callable[[], float]
WallClock = Callable[[], dt.datetime]
RecordKey = tuple[int, Side, int]  # (item_index, side, set_number): one set, for the storage to upsert


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record_key(record: SetRecord) -> RecordKey:
    """The key a set is stored under; a redone set has the same key as the first try."""
    return (record.item_index, record.side, record.set_number)


@dataclass(frozen=True, slots=True)
class SessionState:
    """Everything the session page shows, read at one instant."""

    step: Step
    index: int
    seconds_left: float | None  # None for manual reps and once finished
    elapsed_s: float  # time spent in this step, pauses left out
    fraction: float | None  # 0..1 of the step done; None for manual reps
    rep_count: int | None  # the paced rep in progress, from 1; None for other steps
    paused: bool
    finished: bool
    progress: float  # 0..1 of the whole session, by planned time
    next_work: Step | None  # the next work step after this one ("what comes next")


class SessionEngine:
    """Runs planned steps against a monotonic clock; a driver calls ``tick()`` every 50-100 ms.

    Session time is ``(clock() - start) * speed`` with paused spans left out. Each step has a deadline in
    session time, and the next step starts exactly at the previous deadline, so late ticks never add
    drift. The engine queues cues and set records; the driver takes them with ``take_cues()`` and
    ``take_records()`` after each tick or button press.

    A tick that comes late catches up: every step whose deadline has passed is ended and recorded, but
    only the step the engine lands in is announced, and of its timed cues (3-2-1 beeps, halfway, rep
    counts) crossed since the last tick only the latest sounds. Nothing is announced while paused; the
    cues of a step entered while paused come on resume.
    """

    def __init__(
        self,
        steps: Sequence[Step],
        *,
        clock: Clock = time.monotonic,
        wall_clock: WallClock = _utc_now,
        speed: float = 1.0,
        start_index: int = 0,
    ) -> None:
        self._steps = tuple(steps)
        if not self._steps or self._steps[-1].kind is not StepKind.FINISHED:
            raise ValueError("the steps must end with a FINISHED step (use plan_steps)")
        if any(step.index != position for position, step in enumerate(self._steps)):
            raise ValueError("each step's index must be its position in the list")
        if not (math.isfinite(speed) and speed > 0):
            raise ValueError(f"the speed factor must be more than 0, not {speed}")
        if not 0 <= start_index < len(self._steps):
            raise ValueError(f"no step {start_index}: the plan has {len(self._steps)} steps")
        self._clock = clock
        self._wall_clock = wall_clock
        self._speed = float(speed)
        self._index = start_index
        self._origin: float | None = None  # clock reading at start()
        self._paused_at: float | None = None  # session time when paused
        self._paused_total = 0.0  # session seconds spent paused
        self._step_start = 0.0  # session time
        self._extra = 0.0  # seconds added with "+15 s"
        self._step_started_at: dt.datetime | None = None
        self._marks_done: set[tuple[str, int]] = set()
        self._entry_pending = False
        self._ended_early = False
        self._stopped_index: int | None = None
        self._cues: list[Cue] = []
        self._new_records: list[SetRecord] = []
        self._results: dict[RecordKey, SetRecord] = {}
        self._order = {(s.item_index, s.side, s.set_number): s.index for s in self._steps if s.is_work}
        self._planned_before: list[float] = []
        total = 0.0
        for step in self._steps:
            self._planned_before.append(total)
            total += step.planned_s
        self._planned_total = total

    # -- clock --------------------------------------------------------------------------------
    def _raw_now(self) -> float:
        assert self._origin is not None
        return (self._clock() - self._origin) * self._speed

    def _now(self) -> float:
        """Session time: seconds since start, speed applied, paused spans left out."""
        if self._origin is None:
            return self._step_start
        if self._paused_at is not None:
            return self._paused_at
        return self._raw_now() - self._paused_total

    def _wall(self, session_t: float) -> dt.datetime:
        """The wall-clock time of an instant in session time (no pause lies between it and now)."""
        return self._wall_clock() - dt.timedelta(seconds=(self._now() - session_t) / self._speed)

    def _total_s(self) -> float | None:
        duration = self.current_step.duration_s
        return None if duration is None else duration + self._extra

    # -- read-only state ----------------------------------------------------------------------
    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def current_index(self) -> int:
        """The step in progress (the FINISHED step once the session has ended)."""
        return self._index

    @property
    def resume_index(self) -> int:
        """Where to resume later: the step in progress, or the one cut short by end_early()."""
        return self._stopped_index if self._stopped_index is not None else self._index

    @property
    def current_step(self) -> Step:
        return self._steps[self._index]

    @property
    def started(self) -> bool:
        return self._origin is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def finished(self) -> bool:
        return self.current_step.kind is StepKind.FINISHED

    @property
    def ended_early(self) -> bool:
        return self._ended_early

    @property
    def elapsed_s(self) -> float:
        return max(0.0, self._now() - self._step_start)

    @property
    def seconds_left(self) -> float | None:
        total = self._total_s()
        if total is None:
            return None
        return max(0.0, self._step_start + total - self._now())

    @property
    def fraction(self) -> float | None:
        if self.finished:
            return 1.0
        total = self._total_s()
        if total is None:
            return None
        return min(1.0, self.elapsed_s / total) if total > 0 else 1.0

    @property
    def rep_count(self) -> int | None:
        step = self.current_step
        if step.mode is not WorkMode.PACED or step.rep_s is None or step.target_reps is None:
            return None
        return min(int(self.elapsed_s / step.rep_s + _EPS) + 1, step.target_reps)

    @property
    def progress(self) -> float:
        if self.finished or self._planned_total <= 0:
            return 1.0 if self.finished else 0.0
        step = self.current_step
        done = self._planned_before[self._index] + min(self.elapsed_s, step.planned_s)
        return min(1.0, done / self._planned_total)

    @property
    def next_work(self) -> Step | None:
        return next((s for s in self._steps[self._index + 1 :] if s.is_work), None)

    def state(self) -> SessionState:
        return SessionState(
            step=self.current_step,
            index=self._index,
            seconds_left=self.seconds_left,
            elapsed_s=self.elapsed_s,
            fraction=self.fraction,
            rep_count=self.rep_count,
            paused=self.paused,
            finished=self.finished,
            progress=self.progress,
            next_work=self.next_work,
        )

    @property
    def results(self) -> list[SetRecord]:
        """One record per set done or skipped so far, in plan order; a redone set replaces the first."""
        return sorted(self._results.values(), key=lambda r: self._order.get(record_key(r), -1))

    def take_cues(self) -> list[Cue]:
        """The cues emitted since the last call, oldest first."""
        taken, self._cues = self._cues, []
        return taken

    def take_records(self) -> list[SetRecord]:
        """The set records written since the last call (a redone set comes again: upsert by its key)."""
        taken, self._new_records = self._new_records, []
        return taken

    # -- driving ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the clock at the start index and announce the first step. A second call does nothing."""
        if self._origin is not None:
            return
        self._origin = self._clock()
        self._enter(self._index, 0.0)
        self._flush()

    def tick(self) -> None:
        """Bring the session up to the clock: end and record steps whose deadline passed, queue cues."""
        self._sync()
        self._flush()

    def pause(self) -> bool:
        if not self._active() or self._paused_at is not None:
            return False
        self._sync()
        self._flush()
        self._paused_at = self._now()
        return True

    def resume(self) -> bool:
        if self._paused_at is None:
            return False
        self._paused_total = self._raw_now() - self._paused_at
        self._paused_at = None
        if self._now() <= self._step_start:  # entered while paused: the step really starts now
            self._step_started_at = self._wall_clock()
        self._flush()
        return True

    def toggle_pause(self) -> bool:
        """Pause or resume; returns the paused flag afterwards."""
        if not self.resume():
            self.pause()
        return self.paused

    def skip(self) -> bool:
        """End the current step now and go to the next one; a work step is recorded as skipped."""
        now = self._caught_up()
        if now is None:
            return False
        if self.current_step.is_work:
            self._record(self.current_step, now, skipped=True, completed=False)
        self._enter(self._index + 1, now)
        self._flush()
        return True

    def skip_exercise(self) -> bool:
        """Skip every remaining set of the current exercise and go to the next exercise's lead-in.

        Sets not started yet are recorded as skipped with no actual values.
        """
        now = self._caught_up()
        if now is None:
            return False
        step = self.current_step
        item = step.item_index
        if step.is_work:
            self._record(step, now, skipped=True, completed=False)
        ended_at = self._wall(now)
        for later in self._steps[self._index + 1 :]:
            if later.is_work and later.item_index == item:
                self._store(self._unstarted(later, ended_at))
        target = next(
            s.index
            for s in self._steps[self._index + 1 :]
            if (s.item_index > item and s.kind is not StepKind.REST_NEXT) or s.kind is StepKind.FINISHED
        )
        self._enter(target, now)
        self._flush()
        return True

    def done(self) -> bool:
        """The runner's "Done" for manual reps: the set is recorded as complete. Elsewhere does nothing."""
        if not self._active():
            return False
        self._sync()
        step = self.current_step
        if step.mode is not WorkMode.MANUAL:
            return False
        now = self._now()
        self._record(step, now, skipped=False, completed=True)
        self._enter(self._index + 1, now)
        self._flush()
        return True

    def back(self) -> bool:
        """Restart the current work step if more than BACK_GRACE_S into it, else the previous work step.

        From a get-ready, switch-sides or rest step, and once finished, back goes to the start of the
        work step before it. With no work step before, the current step starts again. Nothing is recorded
        for the step left; a set done again is recorded again under the same key.
        """
        if self._origin is None or self._ended_early:
            return False
        self._sync()
        now = self._now()
        step = self.current_step
        if step.is_work and now - self._step_start > BACK_GRACE_S:
            target = step.index
        else:
            earlier = [s.index for s in self._steps[: self._index] if s.is_work]
            target = earlier[-1] if earlier else step.index
        self._enter(target, now)
        self._flush()
        return True

    def extend(self, seconds: float = EXTEND_S) -> bool:
        """Move the current timed step's deadline later ("+15 s"). Not for paced or manual reps."""
        if not self._active() or seconds <= 0:
            return False
        self._sync()
        step = self.current_step
        if not step.has_countdown:
            return False
        self._extra += seconds
        total = self._total_s()
        assert total is not None
        elapsed = self._now() - self._step_start
        # The 3-2-1 beeps now lie ahead again; halfway stays where it was.
        self._marks_done = {
            key for key in self._marks_done if key[0] != "countdown" or total - key[1] <= elapsed + _EPS
        }
        self._flush()
        return True

    def end_early(self) -> bool:
        """Stop the session now; a work step in progress is recorded as partial (not skipped)."""
        now = self._caught_up()
        if now is None:
            return False
        if self.current_step.is_work:
            self._record(self.current_step, now, skipped=False, completed=False)
        if self._paused_at is not None:
            self._paused_total = self._raw_now() - self._paused_at
            self._paused_at = None
        self._ended_early = True
        self._stopped_index = self._index
        self._enter(len(self._steps) - 1, now)
        self._entry_pending = False  # the runner ended it: no "finished" cue
        return True

    # -- internals ----------------------------------------------------------------------------
    def _active(self) -> bool:
        return self._origin is not None and not self._ended_early and not self.finished

    def _caught_up(self) -> float | None:
        """Before a button acts: catch up with the clock; the session time now, or None if it is over."""
        if not self._active():
            return None
        self._sync()
        return None if self.finished else self._now()

    def _enter(self, index: int, at: float) -> None:
        self._index = index
        self._step_start = at
        self._extra = 0.0
        self._marks_done = set()
        self._step_started_at = self._wall(at) if self._origin is not None else None
        self._entry_pending = True

    def _sync(self) -> None:
        """End every timed step whose deadline has passed; each next step starts at that deadline."""
        if self._origin is None or self._paused_at is not None:
            return
        now = self._now()
        while True:
            total = self._total_s()
            if total is None:  # manual reps wait for "Done"; FINISHED waits for nothing
                return
            deadline = self._step_start + total
            if now < deadline:
                return
            step = self.current_step
            if step.is_work:
                self._record(step, deadline, skipped=False, completed=True)
            self._enter(self._index + 1, deadline)

    def _flush(self) -> None:
        """Queue the entry cues of a newly entered step, then the latest timed cue crossed."""
        if self._origin is None or self._paused_at is not None:
            return
        step = self.current_step
        if self._entry_pending:
            self._entry_pending = False
            self._cues.extend(self._entry_cues(step))
        elapsed = self._now() - self._step_start
        crossed = [m for m in self._marks(step, elapsed) if m[0] <= elapsed + _EPS]
        fresh = [m for m in crossed if m[1] not in self._marks_done]
        self._marks_done.update(m[1] for m in crossed)
        if fresh:
            self._cues.append(max(fresh, key=lambda m: m[0])[2])

    @staticmethod
    def _entry_cues(step: Step) -> list[Cue]:
        if step.kind is StepKind.GET_READY:
            return [cues.announce(step.exercise_name)]
        if step.kind is StepKind.WORK:
            return [cues.go()]
        if step.kind is StepKind.SWITCH_SIDES:
            return [cues.switch_sides()]
        if step.kind is StepKind.REST_SET:
            return [cues.rest()]
        if step.kind is StepKind.REST_NEXT:
            return [cues.rest(), cues.next_up(step.next_exercise_name or step.exercise_name)]
        return [cues.finished()]

    def _marks(self, step: Step, elapsed: float) -> list[tuple[float, tuple[str, int], Cue]]:
        """The timed cues of a step that are due by ``elapsed``: (when, key, cue)."""
        marks: list[tuple[float, tuple[str, int], Cue]] = []
        total = self._total_s()
        if total is None:
            return marks
        if step.has_countdown:
            for n in range(COUNTDOWN_FROM, 0, -1):
                if n < total:
                    marks.append((total - n, ("countdown", n), cues.countdown(n)))
        if step.has_halfway and step.duration_s is not None:
            marks.append((step.duration_s / 2, ("halfway", 0), cues.halfway()))
        if step.mode is WorkMode.PACED and step.rep_s and step.target_reps:
            # Only the rep in progress can sound: the earlier ones are behind it.
            n = min(int(max(elapsed, 0.0) / step.rep_s + _EPS) + 1, step.target_reps)
            marks.append(((n - 1) * step.rep_s, ("rep", n), cues.rep(n)))
        return marks

    def _record(self, step: Step, ended: float, *, skipped: bool, completed: bool) -> None:
        elapsed = max(0.0, ended - self._step_start)
        if skipped and elapsed <= 0.0:  # skipped before its time began to run (e.g. while paused)
            self._store(self._unstarted(step, self._wall(ended)))
            return
        reps: int | None = None
        if step.mode is WorkMode.PACED and step.target_reps is not None and step.rep_s:
            done = int(elapsed / step.rep_s + _EPS)
            reps = step.target_reps if completed else min(done, step.target_reps)
        elif step.mode is WorkMode.MANUAL and completed:
            reps = step.target_reps
        self._store(
            SetRecord(
                exercise_id=step.exercise_id,
                side=step.side,
                set_number=step.set_number,
                target_reps=step.target_reps,
                target_s=step.target_s,
                actual_reps=reps,
                actual_s=round(elapsed, 3),
                skipped=skipped,
                item_index=step.item_index,
                started_at=self._step_started_at,
                ended_at=self._wall(ended),
            )
        )

    @staticmethod
    def _unstarted(step: Step, ended_at: dt.datetime) -> SetRecord:
        """A set skipped before it started: no actual values, no start time."""
        return SetRecord(
            exercise_id=step.exercise_id,
            side=step.side,
            set_number=step.set_number,
            target_reps=step.target_reps,
            target_s=step.target_s,
            skipped=True,
            item_index=step.item_index,
            ended_at=ended_at,
        )

    def _store(self, record: SetRecord) -> None:
        self._results[record_key(record)] = record
        self._new_records.append(record)
