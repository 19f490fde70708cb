"""The week plan: saved whole (what the Week page does after each edit), or one day at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hipdesk.app.changes import Change
from hipdesk.domain.day_order import time_order
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import WEEKDAY_NAMES, PlannedRoutine, RunKind, WeekPlan

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from hipdesk.db.repo import Repo


def save(repo: Repo, plan: WeekPlan) -> tuple[WeekPlan, Change]:
    """Store the whole week plan in one transaction."""
    repo.save_week_plan(plan)
    return plan, Change.PLAN


def _day(weekday: int) -> int:
    if not 0 <= weekday <= 6:
        raise ValidationError(f"A weekday goes from 0 (Monday) to 6 (Sunday), not {weekday}.")
    return weekday


def _with_day(
    plan: WeekPlan, weekday: int, routines: Sequence[PlannedRoutine], run: RunKind | None = None
) -> WeekPlan:
    days = list(plan.days)
    day = days[weekday]
    days[weekday] = replace(
        day, routines=tuple(sorted(routines, key=time_order)), run=day.run if run is None else run
    )
    return WeekPlan(days=tuple(days))


def set_day(
    repo: Repo, weekday: int, planned: Sequence[tuple[str, dt.time | None]]
) -> tuple[WeekPlan, Change]:
    """Plan these routines (by name, each at a time or at none) on ``weekday``, in place of what was
    there, in time order. A name that is no routine is refused and nothing is written."""
    plan = repo.week_plan()
    entries = []
    for name, time in planned:
        routine = repo.routine(name)  # NotFoundError, naming it
        entries.append(PlannedRoutine(routine.name, time, routine.id))
    return save(repo, _with_day(plan, _day(weekday), entries))


def clear_day(repo: Repo, weekday: int) -> tuple[WeekPlan, Change]:
    """Take every routine off ``weekday`` (its run stays)."""
    return save(repo, _with_day(repo.week_plan(), _day(weekday), ()))


def move_day(repo: Repo, source: int, target: int) -> tuple[WeekPlan, Change]:
    """Move the routines of ``source`` to ``target``, after those already there, in time order."""
    plan = repo.week_plan()
    if _day(source) == _day(target):
        raise ValidationError(f"The routines are on {WEEKDAY_NAMES[source]} already.")
    moved = plan.days[source].routines
    plan = _with_day(plan, source, ())
    return save(repo, _with_day(plan, target, (*plan.days[target].routines, *moved)))


def set_run(repo: Repo, weekday: int, run: RunKind) -> tuple[WeekPlan, Change]:
    """The kind of run planned on ``weekday``."""
    plan = repo.week_plan()
    return save(repo, _with_day(plan, _day(weekday), plan.days[weekday].routines, run))
