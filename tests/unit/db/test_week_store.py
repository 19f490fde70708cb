"""The week plan as stored: each day's run, its routines in time order at whole minutes, saved whole."""

from __future__ import annotations

import datetime as dt

from hipdesk.catalogue.starter import STRENGTH, WARM_UP
from hipdesk.domain.model import PlannedDay, PlannedRoutine, RunKind, WeekPlan


def test_a_week_is_read_back_as_saved_in_time_order_at_whole_minutes(repo) -> None:
    warm_up, strength = repo.routine(WARM_UP), repo.routine(STRENGTH)
    days = [PlannedDay(d, RunKind.NONE, ()) for d in range(7)]
    days[0] = PlannedDay(0, RunKind.EASY, (
        PlannedRoutine(STRENGTH, None, strength.id),
        PlannedRoutine(WARM_UP, dt.time(18, 30, 45), warm_up.id),  # seconds are not kept
        PlannedRoutine(STRENGTH, dt.time(6, 45), strength.id),
    ))  # fmt: skip
    days[5] = PlannedDay(5, RunKind.LONG, (PlannedRoutine(WARM_UP, None, warm_up.id),
                                           PlannedRoutine(STRENGTH, None, strength.id)))  # fmt: skip
    repo.save_week_plan(WeekPlan(days=tuple(days)))
    plan = repo.week_plan()
    assert [day.run for day in plan.days] == [RunKind.EASY, *[RunKind.NONE] * 4, RunKind.LONG, RunKind.NONE]
    assert [(p.routine_name, p.time, p.routine_id) for p in plan.days[0].routines] == [
        (STRENGTH, dt.time(6, 45), strength.id),
        (WARM_UP, dt.time(18, 30), warm_up.id),
        (STRENGTH, None, strength.id),
    ]
    assert [p.routine_name for p in plan.days[5].routines] == [WARM_UP, STRENGTH]  # untimed: as placed
    assert [len(day.routines) for day in plan.days] == [3, 0, 0, 0, 0, 2, 0]


def test_saving_a_week_replaces_the_whole_week(repo) -> None:
    warm_up = repo.routine(WARM_UP)
    full = [
        PlannedDay(d, RunKind.EASY, (PlannedRoutine(WARM_UP, dt.time(7, 0), warm_up.id),)) for d in range(7)
    ]
    repo.save_week_plan(WeekPlan(days=tuple(full)))
    rest = [PlannedDay(d, RunKind.REST if d == 3 else RunKind.NONE, ()) for d in range(7)]
    repo.save_week_plan(WeekPlan(days=tuple(rest)))
    plan = repo.week_plan()
    assert [len(day.routines) for day in plan.days] == [0] * 7
    assert [day.run for day in plan.days] == [RunKind.NONE] * 3 + [RunKind.REST] + [RunKind.NONE] * 3
