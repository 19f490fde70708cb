"""The planned steps: order, sides, timing and what each step says about the work it leads to."""

from __future__ import annotations

import pytest

from hipdesk.domain.model import Exercise, ItemSides, RepMode, Routine, RoutineItem, Side
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import estimate_seconds
from hipdesk.domain.timing import GET_READY_S, REP_TEMPO_S, SWITCH_SIDES_S
from hipdesk.engine import Step, StepKind, WorkMode, plan_steps

K = StepKind


def plan(*items: RoutineItem, exercises: dict[str, Exercise], **options: float) -> list[Step]:
    """The steps at the exercises' own pace; ``options`` are the Pace's factor, lead_in_s, switch_s."""
    return plan_steps(Routine("Test", items), exercises, Pace.of(exercises, **options))


def shape(steps: list[Step]) -> list[tuple[StepKind, Side, int]]:
    return [(s.kind, s.side, s.set_number) for s in steps]


def test_one_bilateral_hold(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("glute-bridge", hold_s=30), exercises=exercises)
    assert [s.kind for s in steps] == [K.GET_READY, K.WORK, K.FINISHED]
    ready, work, done = steps
    assert ready.duration_s == GET_READY_S and ready.exercise_name == "Glute Bridge"
    assert work.mode is WorkMode.HOLD and work.duration_s == 30 and work.target_s == 30
    assert work.side is Side.BOTH and work.set_number == 1 and work.sets_total == 1
    assert done.duration_s is None
    assert [s.index for s in steps] == [0, 1, 2]


def test_each_side_does_every_set_left_then_right(exercises: dict[str, Exercise]) -> None:
    steps = plan(
        RoutineItem("clamshell", sets=2, reps=10, sides=ItemSides.EACH, rest_s=20), exercises=exercises
    )
    assert shape(steps) == [
        (K.GET_READY, Side.LEFT, 1),
        (K.WORK, Side.LEFT, 1),
        (K.SWITCH_SIDES, Side.RIGHT, 1),
        (K.WORK, Side.RIGHT, 1),
        (K.REST_SET, Side.LEFT, 2),
        (K.WORK, Side.LEFT, 2),
        (K.SWITCH_SIDES, Side.RIGHT, 2),
        (K.WORK, Side.RIGHT, 2),
        (K.FINISHED, Side.BOTH, 0),
    ]
    assert steps[2].duration_s == SWITCH_SIDES_S
    assert steps[4].duration_s == 20 and steps[4].next_exercise_name == "Clamshell"


@pytest.mark.parametrize(("sides", "side"), [(ItemSides.LEFT, Side.LEFT), (ItemSides.RIGHT, Side.RIGHT)])
def test_one_side_only(exercises: dict[str, Exercise], sides: ItemSides, side: Side) -> None:
    steps = plan(RoutineItem("pigeon", sets=2, hold_s=45, sides=sides, rest_s=15), exercises=exercises)
    assert shape(steps) == [
        (K.GET_READY, side, 1),
        (K.WORK, side, 1),
        (K.REST_SET, side, 2),
        (K.WORK, side, 2),
        (K.FINISHED, Side.BOTH, 0),
    ]


def test_alternating_is_one_work_step_per_set_counting_both_sides(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("bird-dog", sets=2, reps=10, sides=ItemSides.ALTERNATING), exercises=exercises)
    work = [s for s in steps if s.is_work]
    assert [(s.side, s.set_number) for s in work] == [(Side.BOTH, 1), (Side.BOTH, 2)]
    assert not any(s.kind is K.SWITCH_SIDES for s in steps)
    assert work[0].target_reps == 20  # 10 each side
    assert work[0].duration_s == 20 * REP_TEMPO_S


def test_alternating_timed_work_is_not_doubled(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("high-knees", work_s=30, sides=ItemSides.ALTERNATING), exercises=exercises)
    work = steps[1]
    assert work.mode is WorkMode.TIMED and work.duration_s == 30 and work.side is Side.BOTH


def test_paced_reps_with_a_hold_at_the_top(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("glute-bridge", reps=8, hold_s=2), exercises=exercises, factor=2.5 / 3)
    work = steps[1]
    assert work.mode is WorkMode.PACED
    assert work.rep_s == pytest.approx(4.5) and work.hold_s == 2 and work.target_reps == 8
    assert work.duration_s == pytest.approx(8 * 4.5) and work.target_s is None


def test_manual_reps_have_no_deadline_but_a_planned_time(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("clamshell", reps=12, rep_mode=RepMode.MANUAL), exercises=exercises)
    work = steps[1]
    assert work.mode is WorkMode.MANUAL and work.duration_s is None and not work.timed
    assert work.target_reps == 12 and work.planned_s == 12 * REP_TEMPO_S


def test_rest_before_the_next_exercise_names_it(exercises: dict[str, Exercise]) -> None:
    steps = plan(
        RoutineItem("glute-bridge", hold_s=30, rest_after_s=40),
        RoutineItem("bird-dog", reps=5, sides=ItemSides.ALTERNATING, rest_after_s=60),
        exercises=exercises,
    )
    assert [s.kind for s in steps] == [K.GET_READY, K.WORK, K.REST_NEXT, K.GET_READY, K.WORK, K.FINISHED]
    rest = steps[2]
    assert rest.duration_s == 40 and rest.next_exercise_name == "Bird Dog" and rest.item_index == 1
    # No rest after the last exercise.
    assert steps[-2].is_work


def test_zero_length_rests_and_lead_in_are_left_out(exercises: dict[str, Exercise]) -> None:
    steps = plan(
        RoutineItem("pigeon", sets=2, hold_s=30, sides=ItemSides.EACH, rest_s=0, rest_after_s=0),
        RoutineItem("glute-bridge", hold_s=30),
        exercises=exercises,
        lead_in_s=0,
        switch_s=0,
    )
    assert [s.kind for s in steps] == [K.WORK] * 5 + [K.FINISHED]


def test_custom_lead_in_and_switch(exercises: dict[str, Exercise]) -> None:
    steps = plan(
        RoutineItem("pigeon", hold_s=30, sides=ItemSides.EACH), exercises=exercises, lead_in_s=10, switch_s=8
    )
    assert steps[0].duration_s == 10 and steps[2].duration_s == 8


def test_planned_time_matches_the_routine_estimate(exercises: dict[str, Exercise]) -> None:
    routine = Routine(
        "Mixed",
        (
            RoutineItem("clamshell", sets=3, reps=12, sides=ItemSides.EACH, rest_s=30, rest_after_s=45),
            RoutineItem("pigeon", sets=2, hold_s=45, sides=ItemSides.LEFT, rest_s=15),
            RoutineItem("glute-bridge", sets=2, reps=10, hold_s=2, rest_s=20, rest_after_s=0),
            RoutineItem("pigeon", hold_s=60, sides=ItemSides.EACH),
        ),
    )
    steps = plan_steps(routine, exercises)
    assert sum(s.planned_s for s in steps) == pytest.approx(estimate_seconds(routine, Pace.of(exercises)))


def test_an_unknown_exercise_is_named_by_its_id(exercises: dict[str, Exercise]) -> None:
    steps = plan(RoutineItem("my-own-move", hold_s=20), exercises=exercises)
    assert steps[1].exercise_name == "my-own-move"


def test_empty_routine_is_just_finished(exercises: dict[str, Exercise]) -> None:
    assert [s.kind for s in plan(exercises=exercises)] == [K.FINISHED]


def test_forty_items(exercises: dict[str, Exercise]) -> None:
    items = [RoutineItem("pigeon", sets=2, hold_s=20, sides=ItemSides.EACH, rest_s=10) for _ in range(40)]
    steps = plan(*items, exercises=exercises)
    work = [s for s in steps if s.is_work]
    assert len(work) == 40 * 2 * 2
    assert len([s for s in steps if s.kind is K.REST_NEXT]) == 39
    assert [s.index for s in steps] == list(range(len(steps)))
