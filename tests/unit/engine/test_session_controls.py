"""The buttons: pause, skip, skip exercise, back, +15 s, end early, and resuming a session."""

from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.domain.model import ItemSides, RepMode, RoutineItem, Side
from hipdesk.engine import BACK_GRACE_S, CueKind, StepKind, WorkMode, record_key

C = CueKind


def bridge_and_pigeon() -> list[RoutineItem]:
    return [
        RoutineItem("glute-bridge", sets=2, hold_s=30, rest_s=20, rest_after_s=30),
        RoutineItem("pigeon", sets=1, hold_s=40, sides=ItemSides.EACH),
    ]


# -- pause ---------------------------------------------------------------------------------------
def test_time_does_not_pass_while_paused(session, clock) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(15)  # 10 s into the hold
    assert s.act(s.engine.pause) and s.engine.paused
    left = s.engine.seconds_left
    s.run(120)
    assert s.engine.seconds_left == left and s.engine.elapsed_s == pytest.approx(10)
    assert s.kinds(since=15) == [] and s.engine.current_step.is_work
    assert s.engine.state().paused
    assert s.act(s.engine.resume) and not s.engine.paused
    s.run(19.5)
    assert s.engine.current_step.is_work and s.engine.seconds_left == pytest.approx(0.5)
    s.run_to_end()
    assert s.at(C.HALFWAY) == [20.0 + 120]
    [record] = s.records
    assert record.actual_s == 30  # the pause is not work
    assert record.ended_at - record.started_at == dt.timedelta(seconds=150)  # but the wall clock ran on


def test_pause_toggles_and_repeated_calls_are_harmless(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    assert s.engine.toggle_pause() is True
    assert not s.engine.pause()
    assert s.engine.toggle_pause() is False
    assert not s.engine.resume()


def test_a_step_entered_while_paused_is_announced_on_resume(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(2.5)
    s.act(s.engine.pause)
    s.act(s.engine.skip)  # skip the lead-in while paused
    assert s.engine.current_step.is_work and s.kinds(since=2.5) == []
    s.run(10)
    s.act(s.engine.resume)
    assert s.kinds(since=2.5) == [C.GO]
    s.run(30)
    [record] = s.records
    assert record.actual_s == 30
    assert record.started_at == record.ended_at - dt.timedelta(seconds=30)  # the hold began on resume


# -- skip ----------------------------------------------------------------------------------------
def test_skip_during_the_lead_in_starts_the_work_now(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(1)
    assert s.act(s.engine.skip)
    assert s.engine.current_step.is_work and s.engine.seconds_left == 30
    assert s.kinds(since=0.5) == [C.GO] and s.records == []
    s.run(30)
    assert s.engine.finished


def test_skip_during_work_records_a_skipped_partial_set(session) -> None:
    s = session(RoutineItem("clamshell", sets=2, reps=10, rest_s=20))
    s.run(5 + 7.5)  # two reps done, the third under way
    s.act(s.engine.skip)
    [record] = s.records
    assert record.skipped and record.actual_reps == 2 and record.actual_s == pytest.approx(7.5)
    assert record.target_reps == 10
    assert s.engine.current_step.kind is StepKind.REST_SET
    assert s.cues[-1][1].kind is C.REST


def test_skip_exercise_records_the_sets_not_started_as_skipped(session, clock) -> None:
    s = session(
        RoutineItem("pigeon", sets=2, hold_s=30, sides=ItemSides.EACH, rest_s=10, rest_after_s=30),
        RoutineItem("glute-bridge", hold_s=20),
    )
    s.run(5 + 12)
    s.act(s.engine.skip_exercise)
    assert [(r.side, r.set_number, r.skipped, r.actual_s) for r in s.records] == [
        (Side.LEFT, 1, True, 12.0),
        (Side.RIGHT, 1, True, None),
        (Side.LEFT, 2, True, None),
        (Side.RIGHT, 2, True, None),
    ]
    unstarted = s.records[1]
    assert (
        unstarted.actual_reps is None and unstarted.started_at is None and unstarted.ended_at == clock.wall()
    )
    assert unstarted.target_s == 30
    # Straight to the next exercise's lead-in; no rest after an exercise that was skipped.
    assert s.engine.current_step.kind is StepKind.GET_READY
    assert s.engine.current_step.exercise_name == "Glute Bridge"
    assert s.cues[-1][1].text == "Glute Bridge"
    s.run_to_end()
    assert len(s.records) == 5 and not s.records[-1].skipped


def test_skip_exercise_during_the_rest_before_it(session) -> None:
    s = session(
        RoutineItem("glute-bridge", hold_s=20, rest_after_s=30),
        RoutineItem("bird-dog", sets=2, reps=5, sides=ItemSides.ALTERNATING),
    )
    s.run(5 + 20 + 3)
    assert s.engine.current_step.kind is StepKind.REST_NEXT
    s.act(s.engine.skip_exercise)
    assert s.engine.finished
    assert [(r.exercise_id, r.skipped, r.actual_reps) for r in s.records] == [
        ("glute-bridge", False, None),
        ("bird-dog", True, None),
        ("bird-dog", True, None),
    ]


def test_sets_skipped_while_paused_were_never_started(session) -> None:
    s = session(RoutineItem("glute-bridge", sets=2, reps=10, rest_s=0))
    s.run(2)
    s.act(s.engine.pause)
    s.act(s.engine.skip)  # the lead-in
    s.act(s.engine.skip)  # set 1, before its time began to run
    [record] = s.records
    assert record.skipped and record.set_number == 1
    assert record.actual_reps is None and record.actual_s is None and record.started_at is None
    assert record.target_reps == 10
    s.run(5)
    s.act(s.engine.resume)
    assert s.kinds(since=2) == [C.GO, C.REP]  # only set 2, the step the session is in, is announced
    assert s.engine.current_step.set_number == 2


# -- back ----------------------------------------------------------------------------------------
def test_back_well_into_a_set_restarts_it(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 10)
    assert s.act(s.engine.back)
    assert s.engine.current_step.is_work and s.engine.current_step.set_number == 1
    assert s.engine.seconds_left == 30 and s.records == []
    assert s.kinds(since=14.9) == [C.GO]
    s.run(30)
    [record] = s.records
    assert record.actual_s == 30


def test_back_early_in_a_set_goes_to_the_previous_set(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 20 + BACK_GRACE_S - 0.5)  # set 2 just begun
    assert s.engine.current_step.set_number == 2 and s.engine.current_step.is_work
    s.act(s.engine.back)
    assert s.engine.current_step.is_work and s.engine.current_step.set_number == 1
    assert s.engine.seconds_left == 30


def test_back_from_a_rest_redoes_the_set_and_replaces_its_record(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 10)  # in the rest after set 1
    first = s.records[0]
    s.act(s.engine.back)
    assert s.engine.current_step.is_work and s.engine.current_step.set_number == 1
    s.run(25)
    s.act(s.engine.skip)  # cut the second try short
    assert len(s.records) == 2  # both attempts were handed out, for the storage to upsert
    assert record_key(s.records[0]) == record_key(s.records[1]) == (0, Side.BOTH, 1)
    assert s.engine.results == [s.records[1]]
    assert s.engine.results[0].actual_s == 25 and s.engine.results[0].skipped
    assert s.records[1].started_at > first.ended_at
    s.run_to_end()
    assert [(r.item_index, r.side, r.set_number) for r in s.engine.results] == [
        (0, Side.BOTH, 1),
        (0, Side.BOTH, 2),
        (1, Side.LEFT, 1),
        (1, Side.RIGHT, 1),
    ]


def test_back_from_the_lead_in_of_the_next_exercise(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 20 + 30 + 30 + 2)  # in the pigeon's get-ready
    assert s.engine.current_step.kind is StepKind.GET_READY
    s.act(s.engine.back)
    step = s.engine.current_step
    assert step.is_work and step.exercise_id == "glute-bridge" and step.set_number == 2


def test_back_at_the_very_start_restarts_the_lead_in(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(2.5)
    s.act(s.engine.back)
    assert s.engine.current_index == 0 and s.engine.seconds_left == 5
    assert s.kinds() == [C.ANNOUNCE, C.COUNTDOWN, C.ANNOUNCE]


def test_back_after_the_end_redoes_the_last_set(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=20))
    s.run_to_end()
    assert s.act(s.engine.back)
    assert not s.engine.finished and s.engine.current_step.is_work
    s.run(20)
    assert s.engine.finished and len(s.engine.results) == 1 and len(s.records) == 2


# -- +15 s ---------------------------------------------------------------------------------------
def test_plus_15_extends_a_hold_and_the_beeps_come_again(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(5 + 28.5)  # beeps 3 and 2 have sounded
    assert s.act(s.engine.extend)
    assert s.engine.seconds_left == pytest.approx(16.5)
    s.run_to_end()
    beeps = [(t, c.count) for t, c in s.cues if c.kind is C.COUNTDOWN and t > 5]
    assert beeps == [(32.0, 3), (33.0, 2), (47.0, 3), (48.0, 2), (49.0, 1)]
    assert s.at(C.HALFWAY) == [20.0]  # halfway was said once, not again
    [record] = s.records
    assert record.target_s == 30 and record.actual_s == 45


def test_plus_15_works_on_rests_not_on_reps(session) -> None:
    s = session(
        RoutineItem("clamshell", sets=2, reps=5, rest_s=20),
        RoutineItem("glute-bridge", reps=5, rep_mode=RepMode.MANUAL),
    )
    s.run(6)
    assert not s.engine.extend() and s.engine.seconds_left == pytest.approx(14)
    s.run(14 + 1)  # into the rest
    assert s.engine.extend(15)
    assert s.engine.seconds_left == pytest.approx(34)
    s.run(34 + 15 + 30 + 5 + 1)  # set 2, the rest and lead-in, then into the manual set
    assert s.engine.current_step.mode is WorkMode.MANUAL
    assert s.engine.current_step.exercise_id == "glute-bridge"
    assert not s.engine.extend()


# -- end early -----------------------------------------------------------------------------------
def test_end_early_records_the_set_in_progress_as_partial(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 20 + 12)
    assert s.act(s.engine.end_early)
    assert s.engine.finished and s.engine.ended_early
    assert [(r.set_number, r.actual_s, r.skipped) for r in s.records] == [(1, 30.0, False), (2, 12.0, False)]
    assert C.FINISHED not in s.kinds()
    s.run(600)
    assert len(s.records) == 2 and s.kinds(since=67) == []
    assert not s.engine.skip() and not s.engine.back() and not s.engine.extend() and not s.engine.pause()


def test_end_early_remembers_where_to_resume(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 20 + 12)
    cut = s.engine.current_index
    s.act(s.engine.end_early)
    assert s.engine.current_step.kind is StepKind.FINISHED
    assert s.engine.resume_index == cut
    again = session(bridge_and_pigeon(), start_index=s.engine.resume_index)
    assert again.engine.current_step.is_work and again.engine.current_step.set_number == 2


def test_end_early_in_a_rest_records_nothing_more(session) -> None:
    s = session(bridge_and_pigeon())
    s.run(5 + 30 + 5)
    s.act(s.engine.end_early)
    assert len(s.records) == 1 and s.engine.finished


def test_end_early_while_paused(session) -> None:
    s = session(RoutineItem("clamshell", reps=10))
    s.run(5 + 10)
    s.act(s.engine.pause)
    s.run(60)
    s.act(s.engine.end_early)
    [record] = s.records
    assert record.actual_reps == 3 and record.actual_s == pytest.approx(10) and not record.skipped
    assert not s.engine.paused


def test_end_early_in_manual_reps_keeps_no_rep_count(session) -> None:
    s = session(RoutineItem("clamshell", reps=10, rep_mode=RepMode.MANUAL))
    s.run(5 + 40)
    s.act(s.engine.end_early)
    [record] = s.records
    assert record.actual_reps is None and record.actual_s == pytest.approx(40)


# -- resume from a stored step index -------------------------------------------------------------
def test_resume_continues_from_the_stored_step(session) -> None:
    first = session(bridge_and_pigeon())
    first.run(5 + 30 + 20 + 30 + 3)  # two sets stored; the runner closes the laptop in the rest
    stored_index = first.engine.resume_index
    assert stored_index == first.engine.current_index
    stored = list(first.records)
    assert first.engine.current_step.kind is StepKind.REST_NEXT

    again = session(bridge_and_pigeon(), start_index=stored_index)
    assert again.engine.current_index == stored_index
    assert again.kinds() == [C.REST, C.NEXT]  # the rest starts again from the top
    assert again.engine.seconds_left == 30
    assert 0 < again.engine.progress < 1
    again.run_to_end()
    assert [(r.side, r.set_number) for r in again.records] == [(Side.LEFT, 1), (Side.RIGHT, 1)]
    assert {record_key(r) for r in stored}.isdisjoint(record_key(r) for r in again.records)


def test_resume_at_a_work_step_starts_that_set_again(session) -> None:
    s = session(bridge_and_pigeon(), start_index=3)
    step = s.engine.current_step
    assert step.is_work and step.set_number == 2
    assert s.kinds() == [C.GO] and s.engine.seconds_left == 30


def test_resume_index_must_exist(session) -> None:
    with pytest.raises(ValueError):
        session(bridge_and_pigeon(), start_index=99)
