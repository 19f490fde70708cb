"""A day's order and the days a routine is planned on, in words."""

from __future__ import annotations

import datetime as dt

from hipdesk.domain.day_order import planned_days_text, time_order
from hipdesk.domain.model import PlannedDay, PlannedRoutine, WeekPlan


def _plan(on: set[int]) -> WeekPlan:
    return WeekPlan(
        days=tuple(
            PlannedDay(d, routines=(PlannedRoutine("R", None, 7),) if d in on else ()) for d in range(7)
        )
    )


def test_earlier_first_and_any_time_last() -> None:
    entries = [PlannedRoutine("a"), PlannedRoutine("b", dt.time(7, 0)), PlannedRoutine("c", dt.time(6, 45))]
    assert [e.routine_name for e in sorted(entries, key=time_order)] == ["c", "b", "a"]


def test_the_days_a_routine_is_planned_on() -> None:
    assert planned_days_text(_plan({0, 3, 5}), 7) == "Monday, Thursday and Saturday"
    assert planned_days_text(_plan({0, 6}), 7, [6, 0, 1, 2, 3, 4, 5]) == "Sunday and Monday"
    assert planned_days_text(_plan({2}), 7) == "Wednesday"
    assert planned_days_text(_plan(set()), 7) == ""
    assert planned_days_text(_plan({1}), 8) == ""
