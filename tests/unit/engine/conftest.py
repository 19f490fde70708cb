"""Fixtures for the engine tests: a fake monotonic clock, a fake wall clock and a session harness."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pytest

from hipdesk.domain.model import (
    Dosage,
    Exercise,
    Kind,
    Muscle,
    Position,
    Range,
    Routine,
    RoutineItem,
    SetRecord,
    Sidedness,
)
from hipdesk.domain.pace import Pace
from hipdesk.engine import Cue, CueKind, SessionEngine, plan_steps

WALL_START = dt.datetime(2025, 5, 1, 7, 0, tzinfo=dt.UTC)


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.t = 5000.0  # an arbitrary origin, as time.monotonic() has

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def wall(self) -> dt.datetime:
        return WALL_START + dt.timedelta(seconds=self.t - 5000.0)


def _exercise(id: str, name: str, sidedness: Sidedness) -> Exercise:
    return Exercise(
        id=id,
        name=name,
        kind=Kind.STRENGTH,
        position=Position.ALL_FOURS,
        sidedness=sidedness,
        dosage=Dosage(sets=Range(2, 3), reps=Range(10, 15)),
        summary="",
        steps=(),
        primary_muscles=(Muscle.GLUTE_MAX,),
    )


EXERCISES = {
    e.id: e
    for e in (
        _exercise("clamshell", "Clamshell", Sidedness.EACH_SIDE),
        _exercise("bird-dog", "Bird Dog", Sidedness.ALTERNATING),
        _exercise("glute-bridge", "Glute Bridge", Sidedness.BILATERAL),
        _exercise("pigeon", "Pigeon Stretch", Sidedness.EACH_SIDE),
        _exercise("high-knees", "High Knees", Sidedness.ALTERNATING),
    )
}


class Session:
    """An engine on a fake clock, with everything it emitted, stamped with the session time."""

    def __init__(self, clock: FakeClock, engine: SessionEngine) -> None:
        self.clock = clock
        self.engine = engine
        self.t0 = clock.t
        self.cues: list[tuple[float, Cue]] = []
        self.records: list[SetRecord] = []

    @property
    def now(self) -> float:
        return self.clock.t - self.t0

    def collect(self) -> list[Cue]:
        new = self.engine.take_cues()
        self.cues.extend((self.now, c) for c in new)
        self.records.extend(self.engine.take_records())
        return new

    def start(self) -> Session:
        self.engine.start()
        self.collect()
        return self

    def tick(self, seconds: float = 0.0) -> list[Cue]:
        self.clock.advance(seconds)
        self.engine.tick()
        return self.collect()

    def run(self, seconds: float, every: float = 0.125) -> None:
        """Tick every ``every`` seconds for ``seconds`` of clock time."""
        end = self.clock.t + seconds
        while self.clock.t + every <= end + 1e-9:
            self.tick(every)
        if self.clock.t < end:
            self.tick(end - self.clock.t)

    def run_to_end(self, every: float = 0.125, limit: float = 100_000.0) -> None:
        spent = 0.0
        while not self.engine.finished:
            self.tick(every)
            spent += every
            assert spent < limit, "the session never finished"

    def act(self, action: Callable[[], object]) -> object:
        result = action()
        self.collect()
        return result

    def kinds(self, since: float = -1.0) -> list[CueKind]:
        return [c.kind for t, c in self.cues if t > since]

    def at(self, kind: CueKind) -> list[float]:
        return [t for t, c in self.cues if c.kind is kind]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


SessionFactory = Callable[..., Session]


@pytest.fixture
def session(clock: FakeClock) -> SessionFactory:
    """``session(item, item, ..., speed=1, start_index=0, **pace_options)``: a started session (pace
    options: factor, lead_in_s, switch_s, on the exercises' own paces)."""

    def make(*items: RoutineItem | Iterable[RoutineItem], start: bool = True, **options: object) -> Session:
        flat: list[RoutineItem] = []
        for item in items:
            flat.extend([item] if isinstance(item, RoutineItem) else item)
        engine_options = {k: options.pop(k) for k in ("speed", "start_index") if k in options}
        pace = Pace.of(EXERCISES, **options)  # type: ignore[arg-type]
        steps = plan_steps(Routine("Test", tuple(flat)), EXERCISES, pace)
        engine = SessionEngine(steps, clock=clock, wall_clock=clock.wall, **engine_options)  # type: ignore[arg-type]
        s = Session(clock, engine)
        return s.start() if start else s

    return make


@pytest.fixture
def exercises() -> dict[str, Exercise]:
    return dict(EXERCISES)
