"""Ticks as a real event loop delivers them: irregular, very late, sped up; no drift, nothing twice."""

from __future__ import annotations

import ast
import random
import sys
from pathlib import Path

import pytest

import hipdesk.engine
from hipdesk.domain.model import ItemSides, RepMode, Routine, RoutineItem, Side
from hipdesk.engine import CueKind, SessionEngine, StepKind, plan_steps

C = CueKind


def mixed() -> list[RoutineItem]:
    return [
        RoutineItem("pigeon", sets=2, hold_s=25, sides=ItemSides.EACH, rest_s=10, rest_after_s=20),
        RoutineItem("clamshell", sets=2, reps=6, sides=ItemSides.EACH, rest_s=15, rest_after_s=20),
        RoutineItem("bird-dog", reps=4, sides=ItemSides.ALTERNATING, rest_after_s=15),
        RoutineItem("high-knees", sets=2, work_s=30, sides=ItemSides.ALTERNATING, rest_s=20),
    ]


def heard(s) -> list[tuple[CueKind, int | None, str | None]]:
    return [(c.kind, c.count, c.text) for _, c in s.cues]


def test_irregular_ticks_give_the_same_cues_and_records(session) -> None:
    steady = session(mixed())
    steady.run_to_end(every=0.125)

    rng = random.Random(7)
    jumpy = session(mixed())
    while not jumpy.engine.finished:
        jumpy.tick(rng.uniform(0.01, 0.9))

    assert heard(jumpy) == heard(steady)
    countdowns = [c for c in heard(jumpy) if c[0] is C.COUNTDOWN]
    timed = [s for s in jumpy.engine.steps if s.has_countdown]
    assert len(countdowns) == 3 * len(timed)  # every beep of every timed step, once
    assert [(r.item_index, r.side, r.set_number, r.actual_reps) for r in jumpy.records] == [
        (r.item_index, r.side, r.set_number, r.actual_reps) for r in steady.records
    ]
    assert [r.actual_s for r in jumpy.records] == pytest.approx([r.actual_s for r in steady.records])
    # Each cue comes at its due time or at the first tick after it, never early.
    for (t_jumpy, cue), (t_steady, _) in zip(jumpy.cues, steady.cues, strict=True):
        assert t_steady - 0.125 - 1e-9 <= t_jumpy <= t_steady + 0.9, cue


def test_no_drift_however_the_ticks_fall(session) -> None:
    rng = random.Random(11)
    s = session(mixed() * 10)
    planned = sum(step.planned_s for step in s.engine.steps)
    gap = 0.0
    while not s.engine.finished:
        gap = rng.uniform(0.02, 0.3)
        s.tick(gap)
    assert planned - 1e-6 <= s.now <= planned + gap + 1e-6
    assert sum(r.actual_s for r in s.records) == pytest.approx(
        sum(step.duration_s or 0 for step in s.engine.steps if step.is_work)
    )


def test_a_30_s_stall_catches_up_and_records_each_set_once(session) -> None:
    # get ready 0-5, left 5-15, switch 15-20, right 20-30, rest 30-60, get ready 60-65, hold 65-85
    s = session(
        RoutineItem("pigeon", hold_s=10, sides=ItemSides.EACH, rest_after_s=30),
        RoutineItem("glute-bridge", hold_s=20),
    )
    s.run(3)
    before = len(s.cues)
    s.tick(30)  # no tick from 3 s to 33 s
    assert [(r.side, r.actual_s) for r in s.records] == [(Side.LEFT, 10.0), (Side.RIGHT, 10.0)]
    # Only the step the session is in now is announced; the beeps and cues of the steps slept through are dropped.
    assert [c.kind for _, c in s.cues[before:]] == [C.REST, C.NEXT]
    assert s.engine.current_step.kind is StepKind.REST_NEXT
    assert s.engine.seconds_left == pytest.approx(27)
    # The records carry the times the sets really started and ended.
    assert [(r.ended_at - r.started_at).total_seconds() for r in s.records] == [10, 10]
    assert (s.records[1].started_at - s.records[0].ended_at).total_seconds() == pytest.approx(5)
    s.run_to_end()
    assert [(r.exercise_id, r.side) for r in s.records] == [
        ("pigeon", Side.LEFT),
        ("pigeon", Side.RIGHT),
        ("glute-bridge", Side.BOTH),
    ]
    assert s.at(C.FINISHED) == [85.0]
    assert [t for t, c in s.cues if c.kind is C.COUNTDOWN and 33 <= t <= 60] == [57.0, 58.0, 59.0]


def test_a_stall_over_several_beeps_sounds_only_the_latest(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(5 + 26)  # 4 s left
    new = s.tick(2.5)  # 1.5 s left: the beeps for 3 and 2 were both due
    assert [(c.kind, c.count) for c in new] == [(C.COUNTDOWN, 2)]
    s.run(0.5)
    assert [(c.kind, c.count) for t, c in s.cues if t > 31] == [(C.COUNTDOWN, 2), (C.COUNTDOWN, 1)]


def test_a_stall_into_paced_reps_says_go_and_the_rep_in_progress(session) -> None:
    s = session(RoutineItem("clamshell", reps=10))
    s.run(1)
    s.tick(5 + 7 - 1)  # 7 s into the reps: rep 3 under way
    assert [(c.kind, c.count) for t, c in s.cues if t > 1] == [(C.GO, None), (C.REP, 3)]
    s.run(2)
    assert [(c.kind, c.count) for t, c in s.cues if t > 12] == [(C.REP, 4)]


def test_a_stall_past_the_end_finishes_once(session) -> None:
    s = session(mixed())
    s.run(4)
    s.tick(3600)
    assert s.engine.finished and s.kinds(since=4) == [C.FINISHED]
    work = [step for step in s.engine.steps if step.is_work]
    assert len(s.records) == len(work)
    s.run(10)
    assert len(s.records) == len(work) and s.kinds(since=4).count(C.FINISHED) == 1


def test_catching_up_stops_at_manual_reps(session) -> None:
    s = session(
        RoutineItem("glute-bridge", hold_s=20, rest_after_s=10),
        RoutineItem("clamshell", reps=8, rep_mode=RepMode.MANUAL),
        RoutineItem("glute-bridge", hold_s=20),
    )
    s.tick(1000)
    assert s.engine.current_step.is_work and s.engine.current_step.exercise_id == "clamshell"
    assert s.engine.elapsed_s == pytest.approx(1000 - 5 - 20 - 10 - 5)
    assert len(s.records) == 1


@pytest.mark.parametrize("speed", [10.0, 2.5])
def test_speed_factor_runs_the_session_faster(session, clock, speed: float) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30), speed=speed)
    s.run(1 / speed)
    assert s.engine.seconds_left == pytest.approx(4)  # seconds of session time
    s.run_to_end(every=0.0625 / speed)
    assert s.now == pytest.approx(35 / speed, abs=0.07 / speed)
    assert [round(t * speed, 3) for t, c in s.cues if c.kind is C.COUNTDOWN] == [2, 3, 4, 32, 33, 34]
    [record] = s.records
    assert record.actual_s == 30  # a preview still records the planned work
    assert (record.ended_at - record.started_at).total_seconds() == pytest.approx(30 / speed)


def test_speed_factor_with_pause_and_extend(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30), speed=10)
    s.run(1.0)  # 10 s of session time: 5 into the hold
    s.act(s.engine.pause)
    s.run(5)
    assert s.engine.seconds_left == pytest.approx(25)
    s.act(s.engine.resume)
    s.act(s.engine.extend)
    assert s.engine.seconds_left == pytest.approx(40)
    s.run(4.0)
    assert s.engine.finished


@pytest.mark.parametrize("speed", [0.0, -1.0, float("nan"), float("inf")])
def test_speed_factor_must_be_positive(speed: float) -> None:
    steps = plan_steps(Routine("r", (RoutineItem("x", hold_s=5),)), {})
    with pytest.raises(ValueError):
        SessionEngine(steps, speed=speed)


def test_the_engine_uses_only_the_standard_library_and_the_domain() -> None:
    allowed = set(sys.stdlib_module_names) | {"hipdesk"}
    folder = Path(hipdesk.engine.__file__).parent
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), path
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"
                if name.startswith("hipdesk"):
                    assert name.startswith(("hipdesk.domain", "hipdesk.engine")), (
                        f"{path.name} imports {name}"
                    )
