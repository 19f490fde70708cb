"""Sessions over the built-in exercises: the side they start with, the side they record, and the pace of
their reps, which is the pace every estimate of a routine's length uses."""

from __future__ import annotations

import pytest

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.catalogue.starter import starter_routines
from hipdesk.domain.model import Exercise, ItemSides, Routine, RoutineItem, SetRecord, Side
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import estimate_seconds
from hipdesk.engine import SessionEngine, StepKind, plan_steps, sides_started

K = StepKind


@pytest.fixture(scope="module")
def builtins() -> dict[str, Exercise]:
    return {ex.id: ex for ex in load_catalogue()}


def each_side(exercise_id: str, sets: int = 2) -> RoutineItem:
    return RoutineItem(exercise_id, sets=sets, reps=10, sides=ItemSides.EACH, rest_s=20, rest_after_s=30)


def shape(steps) -> list[tuple[StepKind, Side, int]]:
    return [(s.kind, s.side, s.set_number) for s in steps]


def test_donkey_kicks_start_with_the_right_leg_as_their_steps_do(builtins) -> None:
    steps = plan_steps(Routine("r", (each_side("donkey-kicks"),)), builtins)
    assert shape(steps) == [
        (K.GET_READY, Side.RIGHT, 1),
        (K.WORK, Side.RIGHT, 1),
        (K.SWITCH_SIDES, Side.LEFT, 1),
        (K.WORK, Side.LEFT, 1),
        (K.REST_SET, Side.RIGHT, 2),
        (K.WORK, Side.RIGHT, 2),
        (K.SWITCH_SIDES, Side.LEFT, 2),
        (K.WORK, Side.LEFT, 2),
        (K.FINISHED, Side.BOTH, 0),
    ]


def test_clamshell_starts_left_and_the_rest_before_the_next_exercise_names_its_first_side(builtins) -> None:
    routine = Routine("r", (each_side("clamshell", sets=1), each_side("single-leg-squat", sets=1)))
    steps = plan_steps(routine, builtins)
    work = [(s.exercise_id, s.side) for s in steps if s.is_work]
    assert work == [
        ("clamshell", Side.LEFT),
        ("clamshell", Side.RIGHT),
        ("single-leg-squat", Side.RIGHT),
        ("single-leg-squat", Side.LEFT),
    ]
    rest = next(s for s in steps if s.kind is K.REST_NEXT)
    assert rest.side is Side.RIGHT and rest.exercise_id == "single-leg-squat"


@pytest.mark.parametrize(("sides", "side"), [(ItemSides.LEFT, Side.LEFT), (ItemSides.RIGHT, Side.RIGHT)])
def test_one_side_only_stays_on_that_side(builtins, sides: ItemSides, side: Side) -> None:
    item = RoutineItem("donkey-kicks", sets=2, reps=10, sides=sides)
    steps = plan_steps(Routine("r", (item,)), builtins)
    assert {s.side for s in steps if s.kind is not K.FINISHED} == {side}


def test_the_sets_are_recorded_on_the_side_the_session_showed(builtins) -> None:
    now = [0.0]
    steps = plan_steps(Routine("r", (each_side("single-leg-bridge", sets=1),)), builtins)
    engine = SessionEngine(steps, clock=lambda: now[0])
    engine.start()
    shown = []
    while not engine.finished:
        state = engine.state()
        if state.step.is_work and (not shown or shown[-1] is not state.step.side):
            shown.append(state.step.side)
        now[0] += 0.25
        engine.tick()
    records = engine.take_records()
    assert shown == [Side.RIGHT, Side.LEFT]
    assert [r.side for r in records] == [Side.RIGHT, Side.LEFT]


def test_reps_take_their_exercises_own_time(builtins) -> None:
    routine = Routine(
        "r",
        (
            RoutineItem("pretzel-stretch", reps=10, sides=ItemSides.EACH),
            RoutineItem("donkey-kicks", reps=10, sides=ItemSides.EACH),
            RoutineItem("single-leg-bridge", reps=10, hold_s=2, sides=ItemSides.EACH),
        ),
    )
    work = {s.exercise_id: s for s in plan_steps(routine, builtins) if s.is_work}
    assert work["pretzel-stretch"].rep_s == 12 and work["pretzel-stretch"].duration_s == 120
    assert work["donkey-kicks"].rep_s == 3 and work["donkey-kicks"].duration_s == 30
    assert work["single-leg-bridge"].rep_s == 3 + 2  # its own 3 s and the two-second hold


def test_the_rep_pace_setting_scales_each_pace_but_not_the_hold(builtins) -> None:
    routine = Routine(
        "r",
        (
            RoutineItem("pretzel-stretch", reps=10, sides=ItemSides.EACH),
            RoutineItem("single-leg-bridge", reps=10, hold_s=2, sides=ItemSides.EACH),
            RoutineItem("figure-4-stretch", hold_s=30, sides=ItemSides.EACH),
        ),
    )
    slow = Pace.of(builtins, factor=1.5)
    work = {s.exercise_id: s for s in plan_steps(routine, builtins, slow) if s.is_work}
    assert work["pretzel-stretch"].duration_s == pytest.approx(10 * 18)
    assert work["single-leg-bridge"].duration_s == pytest.approx(10 * (4.5 + 2))
    assert work["figure-4-stretch"].duration_s == 30  # a hold is the time asked for


@pytest.mark.parametrize("factor", [0.5, 1.0, 1.3, 2.0])
@pytest.mark.parametrize("lead_in_s", [0, 5, 12])
def test_the_estimate_is_the_time_the_session_plans(builtins, factor: float, lead_in_s: int) -> None:
    pace = Pace.of(builtins, factor=factor, lead_in_s=lead_in_s)
    for routine in starter_routines(builtins):
        planned = sum(s.planned_s for s in plan_steps(routine, builtins, pace))
        assert estimate_seconds(routine, pace) == round(planned), routine.name


def test_a_slower_pace_makes_a_longer_estimate(builtins) -> None:
    warm_up = starter_routines(builtins)[0]
    own = estimate_seconds(warm_up, Pace.of(builtins))
    assert estimate_seconds(warm_up, Pace.of(builtins, factor=1.5)) > own
    # the old estimate counted every rep at 3 s; the Pretzel alone makes the warm-up longer than that
    assert own > estimate_seconds(warm_up, Pace())


def test_a_resumed_session_keeps_the_side_order_it_started_with(builtins) -> None:
    # Begun left first (as sessions did before the steps' first side was followed), stopped after
    # the left set: it goes on with the right side, never the left again.
    done = [SetRecord("donkey-kicks", Side.LEFT, 1, item_index=0)]
    routine = Routine("r", (each_side("donkey-kicks", sets=1), each_side("single-leg-squat", sets=1)))
    steps = plan_steps(routine, builtins, first_sides=sides_started(done))
    work = [(s.exercise_id, s.side) for s in steps if s.is_work]
    assert work == [
        ("donkey-kicks", Side.LEFT),
        ("donkey-kicks", Side.RIGHT),
        ("single-leg-squat", Side.RIGHT),  # not begun yet: its own first side
        ("single-leg-squat", Side.LEFT),
    ]
    assert sides_started([SetRecord("bird-dog", Side.BOTH, 1)]) == {}
