"""Queries in, domain objects out: the only door to storage for the rest of HipDesk.

``Repo`` is made of one part per aggregate, each in its module beside this one, all on one database:
exercises.py, routines.py, week_plan.py, sessions.py and history.py (its queries in
history_queries.py); base.py holds what they share. Here: the meta table, the first run, and the
composition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peewee import SqliteDatabase, fn

from hipdesk.db.base import NotFoundError, check_name, utc_now
from hipdesk.db.exercises import META_CATALOGUE, ExerciseStore, slugify
from hipdesk.db.history import HistoryReads
from hipdesk.db.models import MetaRow, RoutineRow
from hipdesk.db.routines import RoutineStore
from hipdesk.db.sessions import SessionStore, write_failure_reason
from hipdesk.db.week_plan import WeekStore
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, WeekPlan

__all__ = [
    "META_CATALOGUE",
    "META_STARTER",
    "NotFoundError",
    "Repo",
    "check_name",
    "slugify",
    "write_failure_reason",
]

META_STARTER = "starter_content"


class Repo(ExerciseStore, RoutineStore, WeekStore, SessionStore, HistoryReads):
    """All reads and writes. Each public method is one transaction."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    # -- meta and settings -------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = MetaRow.get_or_none(MetaRow.key == key)
        return None if row is None else row.value

    def set_meta(self, key: str, value: str) -> None:
        MetaRow.replace(key=key, value=value).execute()

    # -- first run ---------------------------------------------------------------------------
    def seed_starter_content(self, routines: Iterable[Routine], plan: WeekPlan) -> bool:
        """Add the starter routines and week once, on a new database; never again after that."""
        if self.meta(META_STARTER) is not None:
            return False
        with self.db.atomic():
            ids = {}
            for routine in routines:
                saved = self.save_routine(routine)
                ids[saved.name] = saved.id
            days = tuple(
                PlannedDay(
                    weekday=day.weekday,
                    run=day.run,
                    routines=tuple(
                        PlannedRoutine(p.routine_name, p.time, ids.get(p.routine_name)) for p in day.routines
                    ),
                )
                for day in plan.days
            )
            self.save_week_plan(WeekPlan(days=days))
            self.set_meta(META_STARTER, utc_now().isoformat())
        return True

    def plan_start_day(self) -> dt.date | None:
        """The local day the plan began: the starter week was laid out, or the first routine made."""
        stamps = []
        seeded = self.meta(META_STARTER)
        if seeded:
            stamps.append(dt.datetime.fromisoformat(seeded))
        made = RoutineRow.select(fn.MIN(RoutineRow.created_at)).scalar()
        if made:
            stamps.append(made if isinstance(made, dt.datetime) else dt.datetime.fromisoformat(str(made)))
        if not stamps:
            return None
        return min(s.replace(tzinfo=dt.UTC).astimezone().date() for s in stamps)
