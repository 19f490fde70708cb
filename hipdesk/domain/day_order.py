"""How a day of the week plan is ordered, and which days a routine is planned on, in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hipdesk.domain.model import WEEKDAY_NAMES, PlannedRoutine, WeekPlan


def time_order(entry: PlannedRoutine) -> tuple[bool, dt.time]:
    """A day's order: by time of day (06:45 before 07:00), the routines for any time after them."""
    return entry.time is None, entry.time or dt.time.min


def planned_days_text(plan: WeekPlan, routine_id: int, order: Sequence[int] = range(7)) -> str:
    """ "Monday, Thursday and Saturday": the days a routine is planned on, in ``order``; "" if none."""
    days = [WEEKDAY_NAMES[d] for d in order if any(p.routine_id == routine_id for p in plan.days[d].routines)]
    return days[0] if len(days) == 1 else f"{', '.join(days[:-1])} and {days[-1]}" if days else ""
