"""The week: each weekday's run and the routines planned on it, at their times."""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase

from hipdesk.db.models import PlannedRoutineRow, WeekDayRow
from hipdesk.domain.day_order import time_order
from hipdesk.domain.model import PlannedDay, PlannedRoutine, RunKind, WeekPlan


class WeekStore:
    """The week plan's part of ``Repo``."""

    db: SqliteDatabase

    def week_plan(self) -> WeekPlan:
        runs = {row.weekday: RunKind(row.run) for row in WeekDayRow.select()}
        planned: dict[int, list[PlannedRoutine]] = {d: [] for d in range(7)}
        query = PlannedRoutineRow.select().order_by(
            PlannedRoutineRow.weekday, PlannedRoutineRow.position, PlannedRoutineRow.id
        )
        for row in query:
            time = dt.time.fromisoformat(row.time) if row.time else None
            planned[row.weekday_id].append(
                PlannedRoutine(routine_name=row.routine_name, time=time, routine_id=row.routine_id)
            )
        return WeekPlan(
            days=tuple(
                PlannedDay(
                    weekday=d,
                    run=runs.get(d, RunKind.NONE),
                    routines=tuple(sorted(planned[d], key=time_order)),  # in time order, older files too
                )
                for d in range(7)
            )
        )

    def save_week_plan(self, plan: WeekPlan) -> None:
        with self.db.atomic():
            PlannedRoutineRow.delete().execute()
            for day in plan.days:
                WeekDayRow.replace(weekday=day.weekday, run=day.run.value).execute()
                for pos, planned in enumerate(day.routines):
                    PlannedRoutineRow.create(
                        weekday=day.weekday,
                        routine=planned.routine_id,
                        routine_name=planned.routine_name,
                        time=planned.time.strftime("%H:%M") if planned.time else None,
                        position=pos,
                    )
