"""A session run straight through: what the runner hears and sees, and what gets recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hipdesk.domain.model import ItemSides, RepMode, Routine, RoutineItem, Side
from hipdesk.engine import Cue, CueKind, SessionEngine, StepKind, plan_steps

C = CueKind


def test_a_hold_counts_in_then_down(session, clock) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    assert s.cues == [(0.0, Cue(C.ANNOUNCE, "Glute Bridge"))]
    s.run_to_end()
    assert [(t, c.kind, c.count) for t, c in s.cues] == [
        (0.0, C.ANNOUNCE, None),
        (2.0, C.COUNTDOWN, 3),
        (3.0, C.COUNTDOWN, 2),
        (4.0, C.COUNTDOWN, 1),
        (5.0, C.GO, None),
        (20.0, C.HALFWAY, None),
        (32.0, C.COUNTDOWN, 3),
        (33.0, C.COUNTDOWN, 2),
        (34.0, C.COUNTDOWN, 1),
        (35.0, C.FINISHED, None),
    ]
    [record] = s.records
    assert record.exercise_id == "glute-bridge" and record.side is Side.BOTH and record.set_number == 1
    assert record.target_s == 30 and record.actual_s == 30 and record.actual_reps is None
    assert not record.skipped and record.item_index == 0
    assert record.started_at == clock.wall() - dt.timedelta(seconds=30)
    assert record.ended_at == clock.wall()


def test_the_state_the_page_shows_during_a_hold(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    assert s.engine.current_step.kind is StepKind.GET_READY
    assert s.engine.seconds_left == 5 and s.engine.fraction == 0 and s.engine.progress == 0
    s.run(5 + 10)
    state = s.engine.state()
    assert state.step.kind is StepKind.WORK
    assert state.seconds_left == pytest.approx(20)
    assert state.elapsed_s == pytest.approx(10)
    assert state.fraction == pytest.approx(1 / 3)
    assert state.progress == pytest.approx(15 / 35)
    assert state.rep_count is None and not state.paused and not state.finished
    assert state.next_work is None
    s.run_to_end()
    assert s.engine.finished and s.engine.progress == 1 and s.engine.fraction == 1
    assert s.engine.seconds_left is None


def test_short_holds_have_no_halfway(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=19))
    s.run_to_end()
    assert C.HALFWAY not in s.kinds()


def test_paced_reps_count_each_rep_and_need_no_keyboard(session) -> None:
    s = session(RoutineItem("glute-bridge", reps=10))
    s.run(5)
    assert s.kinds(since=4.5) == [C.GO, C.REP]
    s.run(7.5)  # 2.5 reps into the set
    assert s.engine.rep_count == 3
    s.run_to_end()
    work_cues = [(t, c) for t, c in s.cues if 5 <= t < 35]
    reps = [(t, c.count, c.text) for t, c in work_cues if c.kind is C.REP]
    assert reps == [(5 + 3.0 * i, i + 1, str(i + 1)) for i in range(10)]
    assert C.COUNTDOWN not in [c.kind for _, c in work_cues]  # the count is the countdown
    assert C.HALFWAY not in s.kinds()
    assert s.at(C.FINISHED) == [35.0]
    [record] = s.records
    assert record.target_reps == 10 and record.actual_reps == 10 and record.actual_s == 30
    assert record.target_s is None


def test_reps_with_a_hold_are_paced_by_the_scaled_pace_plus_hold(session) -> None:
    # Glute Bridge's own pace here is 3 s (a strength move); at two thirds of it, 2 s, plus the hold.
    s = session(RoutineItem("glute-bridge", reps=4, hold_s=2), factor=2 / 3)
    s.run_to_end()
    assert [t for t, c in s.cues if c.kind is C.REP] == [5.0, 9.0, 13.0, 17.0]
    assert s.at(C.FINISHED) == [21.0]


def test_manual_reps_wait_for_done(session) -> None:
    s = session(
        RoutineItem("clamshell", reps=12, rep_mode=RepMode.MANUAL), RoutineItem("glute-bridge", hold_s=20)
    )
    s.run(5)
    assert s.kinds(since=4.5) == [C.GO]
    s.run(600)
    assert s.engine.current_step.is_work
    assert s.engine.seconds_left is None and s.engine.fraction is None and s.engine.rep_count is None
    assert s.engine.elapsed_s == pytest.approx(600)
    assert s.records == [] and s.kinds(since=5.5) == []
    assert s.act(s.engine.done)
    [record] = s.records
    assert record.actual_reps == 12 and record.target_reps == 12 and record.actual_s == pytest.approx(600)
    assert s.engine.current_step.kind is StepKind.REST_NEXT
    assert s.kinds(since=604) == [C.REST, C.NEXT]


def test_done_does_nothing_outside_manual_reps(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(6)
    assert not s.engine.done()
    assert s.records == [] and s.engine.current_step.is_work


def test_each_side_switches_and_records_left_and_right(session) -> None:
    s = session(RoutineItem("pigeon", sets=2, hold_s=30, sides=ItemSides.EACH, rest_s=15))
    s.run_to_end()
    assert [(r.side, r.set_number) for r in s.records] == [
        (Side.LEFT, 1),
        (Side.RIGHT, 1),
        (Side.LEFT, 2),
        (Side.RIGHT, 2),
    ]
    assert s.at(C.SWITCH_SIDES) == [35.0, 35.0 + 35 + 15 + 30]
    assert s.at(C.REST) == [70.0]
    assert s.at(C.GO) == [5.0, 40.0, 85.0, 120.0]
    assert all(r.actual_s == 30 for r in s.records)
    assert s.engine.results == s.records


@pytest.mark.parametrize("sides", [ItemSides.LEFT, ItemSides.RIGHT])
def test_one_side_only_records_that_side(session, sides: ItemSides) -> None:
    s = session(RoutineItem("pigeon", sets=2, hold_s=20, sides=sides, rest_s=10))
    s.run_to_end()
    assert [r.side.value for r in s.records] == [sides.value, sides.value]
    assert C.SWITCH_SIDES not in s.kinds()


def test_alternating_reps_are_one_set_on_both_sides(session) -> None:
    s = session(RoutineItem("bird-dog", sets=2, reps=5, sides=ItemSides.ALTERNATING, rest_s=10))
    s.run_to_end()
    assert [(r.side, r.set_number, r.actual_reps, r.target_reps) for r in s.records] == [
        (Side.BOTH, 1, 10, 10),
        (Side.BOTH, 2, 10, 10),
    ]
    assert [c.count for _, c in s.cues if c.kind is C.REP] == list(range(1, 11)) * 2
    assert C.SWITCH_SIDES not in s.kinds()


def test_rests_between_sets_and_before_the_next_exercise(session) -> None:
    s = session(
        RoutineItem("glute-bridge", sets=2, hold_s=20, rest_s=25, rest_after_s=40),
        RoutineItem("bird-dog", reps=3, sides=ItemSides.ALTERNATING),
    )
    s.run(5 + 20)
    assert s.kinds(since=24.9) == [C.REST]
    assert s.engine.current_step.kind is StepKind.REST_SET
    assert s.engine.seconds_left == pytest.approx(25)
    assert s.engine.next_work is not None and s.engine.next_work.set_number == 2
    s.run(25 + 20)
    assert s.engine.current_step.kind is StepKind.REST_NEXT
    assert [c for t, c in s.cues if t == s.now] == [Cue(C.REST, "Rest"), Cue(C.NEXT, "Next: Bird Dog")]
    assert s.engine.next_work is not None and s.engine.next_work.exercise_name == "Bird Dog"
    s.run(40)
    assert s.cues[-1] == (s.now, Cue(C.ANNOUNCE, "Bird Dog"))
    # Rests count down with 3-2-1 beeps too.
    assert [t for t, c in s.cues if c.kind is C.COUNTDOWN and 25 <= t < 50] == [47.0, 48.0, 49.0]


def test_one_item_routine(session) -> None:
    s = session(RoutineItem("clamshell", reps=6, sides=ItemSides.EACH))
    s.run_to_end()
    assert [r.side for r in s.records] == [Side.LEFT, Side.RIGHT]
    assert s.at(C.FINISHED) == [5 + 18 + 5 + 18.0]
    assert s.kinds().count(C.FINISHED) == 1


def test_forty_item_routine_runs_to_the_end(session) -> None:
    items = [
        RoutineItem("pigeon", sets=2, hold_s=20, sides=ItemSides.EACH, rest_s=10),
        RoutineItem("clamshell", sets=2, reps=8, sides=ItemSides.EACH, rest_s=15),
        RoutineItem("bird-dog", sets=2, reps=5, sides=ItemSides.ALTERNATING, rest_s=20),
        RoutineItem("glute-bridge", reps=10, hold_s=1),
    ] * 10
    s = session(items)
    planned = sum(step.planned_s for step in s.engine.steps)
    s.run_to_end(every=0.0625)
    assert s.now == pytest.approx(planned, abs=0.07)
    work = [step for step in s.engine.steps if step.is_work]
    assert len(s.records) == len(work) == 10 * (4 + 4 + 2 + 1)
    assert [(r.item_index, r.side, r.set_number) for r in s.records] == [
        (w.item_index, w.side, w.set_number) for w in work
    ]
    assert s.kinds().count(C.ANNOUNCE) == 40 and s.kinds().count(C.NEXT) == 39
    assert not any(r.skipped for r in s.records)


def test_records_carry_timezone_aware_times_by_default() -> None:
    t = [0.0]
    engine = SessionEngine(plan_steps(Routine("r", (RoutineItem("x", hold_s=1),)), {}), clock=lambda: t[0])
    engine.start()
    t[0] = 10.0
    engine.tick()
    [record] = engine.take_records()
    assert record.started_at is not None and record.started_at.tzinfo is not None
    assert record.ended_at is not None and record.ended_at.utcoffset() == dt.timedelta(0)


def test_empty_routine_finishes_at_once(session) -> None:
    s = session()
    assert s.engine.finished and s.kinds() == [C.FINISHED] and s.engine.progress == 1


def test_nothing_happens_before_start(session, clock) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30), start=False)
    clock.advance(100)
    s.engine.tick()
    assert s.collect() == [] and not s.engine.started
    assert s.engine.seconds_left == 5 and s.engine.current_index == 0
    assert not s.engine.skip() and not s.engine.pause()
    s.start()
    s.engine.start()  # a second start does nothing
    assert s.kinds() == [C.ANNOUNCE]


def test_cues_are_frozen_values_with_an_enum_kind() -> None:
    cue = Cue(C.NEXT, "Next: Bird Dog")
    assert isinstance(cue.kind, CueKind)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.text = "other"  # type: ignore[misc]
