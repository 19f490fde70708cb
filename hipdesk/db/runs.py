"""Runs and the dated training plan in the data file: every write in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from peewee import SqliteDatabase

from hipdesk.db.models import PlanRunRow, RunKeywordRow, RunRow, SetRecordRow, WeekDayRow
from hipdesk.db.stored_time import aware, good
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RunKind
from hipdesk.runs.model import Run
from hipdesk.runs.plan import PlanRun, week_dates


def _kind(text: str) -> RunKind:
    try:
        return RunKind(text)
    except ValueError:
        return RunKind.EASY


class RunStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    # runs from the watch
    @contextlib.contextmanager
    def importing(self) -> Iterator[None]:
        """Many files, one transaction each, without a disk sync per file.

        Each file's run is written whole or not at all as always; a power cut may lose the last
        runs imported, which importing the same files again adds (the ones kept are matched).
        """
        self.db.execute_sql("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self.db.execute_sql("PRAGMA synchronous = FULL")
            self.db.execute_sql("PRAGMA wal_checkpoint(FULL)")

    def add_run(self, run: Run) -> bool:
        """Store ``run`` unless the same run (start to the second, distance to 10 m) is there."""
        start = run.started_at.astimezone(dt.UTC).replace(tzinfo=None)
        offset = run.started_at.utcoffset()
        with self.db.atomic():
            near = RunRow.select().where(
                RunRow.started_at.between(start - dt.timedelta(seconds=1), start + dt.timedelta(seconds=1)),
                RunRow.distance_m.between(run.distance_m - 10, run.distance_m + 10),
            )
            if near.exists():
                return False
            RunRow.create(
                started_at=start,
                utc_offset_s=None if offset is None else int(offset.total_seconds()),
                distance_m=run.distance_m,
                moving_s=run.moving_s,
                elevation_gain_m=run.elevation_gain_m,
                source=run.source[:255],
                kind=run.kind.value,
            )
        return True

    def runs(self) -> list[Run]:
        """Every stored run whose start can be read, newest first."""
        query = RunRow.select().where(RunRow.started_at.is_null(False)).order_by(RunRow.started_at.desc())
        good_rows = {row[0] for row in self.db.execute_sql(f"SELECT id FROM run WHERE {good('started_at')}")}
        found = []
        for row in query:
            if row.id not in good_rows:
                continue
            started = aware(row.started_at)
            assert started is not None
            found.append(
                Run(
                    started_at=started,
                    distance_m=row.distance_m,
                    moving_s=row.moving_s,
                    elevation_gain_m=row.elevation_gain_m,
                    source=row.source,
                    kind=_kind(row.kind),
                )
            )
        return found

    # the training plan
    def keywords(self) -> dict[str, RunKind]:
        return {row.keyword: _kind(row.kind) for row in RunKeywordRow.select()}

    def save_plan(
        self,
        runs: Iterable[PlanRun],
        pattern: Mapping[int, RunKind],
        corrected: Mapping[str, RunKind] | None = None,
    ) -> int:
        """Keep the plan's dated runs, set the weekdays' runs and remember the corrected keywords."""
        runs = list(runs)
        with self.db.atomic():
            for run in runs:
                PlanRunRow.replace(
                    day=run.day.isoformat(), kind=run.kind.value, title=run.title[:255]
                ).execute()
            for weekday, kind in pattern.items():
                WeekDayRow.replace(weekday=weekday, run=kind.value).execute()
            for keyword, kind in (corrected or {}).items():
                RunKeywordRow.replace(keyword=keyword[:255], kind=kind.value).execute()
        return len(runs)

    def plan_runs(self, first: dt.date, last: dt.date) -> dict[dt.date, PlanRun]:
        """The dated runs from ``first`` to ``last`` (both included)."""
        query = PlanRunRow.select().where(PlanRunRow.day.between(first.isoformat(), last.isoformat()))
        found = {}
        for row in query:
            try:
                day = dt.date.fromisoformat(row.day)
            except ValueError:
                continue
            found[day] = PlanRun(day, _kind(row.kind), row.title)
        return found

    def week_runs(self, today: dt.date, first_weekday: int = 0) -> dict[int, PlanRun]:
        """The dated runs of the week ``today`` falls in (``first_weekday``: the locale's first day),
        by weekday (0 = Monday)."""
        dates = week_dates(today, first_weekday)
        found = self.plan_runs(min(dates.values()), max(dates.values()))
        return {day.weekday(): run for day, run in found.items()}

    # the hip work beside the runs
    def set_times(self, slugs: Iterable[str], since: dt.datetime) -> list[dt.datetime]:
        """When each set of these exercises done (not skipped) since ``since`` started, aware UTC."""
        start = since.astimezone(dt.UTC).replace(tzinfo=None)
        query = SetRecordRow.select(SetRecordRow.started_at).where(
            SetRecordRow.exercise_slug.in_(list(slugs)),
            ~SetRecordRow.skipped,
            SetRecordRow.started_at >= start,
        )
        times = []
        for row in query.namedtuples():
            try:
                value = aware(row.started_at)
            except HipDeskError:
                continue
            if value is not None:
                times.append(value)
        return times
