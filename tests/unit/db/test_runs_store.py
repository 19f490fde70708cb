"""Runs and the dated plan in the data file, and the v1 fixture brought up to the tables for them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hipdesk.db import migrations
from hipdesk.db.runs import RunStore
from hipdesk.domain.model import RunKind
from hipdesk.runs.model import Run
from hipdesk.runs.plan import PlanRun
from hipdesk.store import open_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
START = dt.datetime(2026, 3, 29, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=13)))


def test_the_v1_fixture_gains_the_run_tables_loses_the_unused_one_and_keeps_its_sessions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "v1.sqlite", path)
    repo = open_store(path)
    try:
        assert migrations.LATEST == 6 and migrations.user_version(repo.db) == 6
        tables = {
            row[0] for row in repo.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert {"run", "plan_run", "run_keyword"} <= tables and "setting" not in tables
        indexes = {
            row[0] for row in repo.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert {"set_record_session_id_skipped", "set_record_bad_time", "session_bad_time"} <= indexes
        assert len(repo.sessions()) == 1
        store = RunStore(repo.db)
        assert store.runs() == []
        assert store.add_run(Run(START, 8000.0, 2700.0, 35.0, "a.fit"))
        assert [r.distance_m for r in store.runs()] == [8000.0]
    finally:
        repo.db.close()


def test_the_same_run_twice_is_kept_once(repo) -> None:
    store = RunStore(repo.db)
    run = Run(START, 10_000.0, 3000.0, None, "first.gpx")
    assert store.add_run(run)
    assert not store.add_run(Run(START + dt.timedelta(milliseconds=400), 10_004.0, 2990.0, None, "copy.fit"))
    assert store.add_run(Run(START + dt.timedelta(hours=6), 10_000.0, 3000.0, None, "evening.gpx"))
    assert store.add_run(Run(START, 5_000.0, 1500.0, None, "other.gpx"))  # same start, another distance
    runs = store.runs()
    assert runs[0].source == "evening.gpx"  # newest first
    assert sorted(r.source for r in runs[1:]) == ["first.gpx", "other.gpx"]
    assert runs[1].started_at == START  # the same instant, read back in UTC
    assert runs[1].started_at.tzinfo == dt.UTC


def test_a_plan_sets_the_weekdays_and_keeps_the_dated_runs(repo) -> None:
    store = RunStore(repo.db)
    runs = [
        PlanRun(dt.date(2026, 3, 29), RunKind.LONG, "Long run"),
        PlanRun(dt.date(2026, 4, 5), RunKind.RACE, "Half marathon"),
    ]
    store.save_plan(runs, {6: RunKind.LONG}, {"tempo": RunKind.WORKOUT})
    assert repo.week_plan().days[6].run is RunKind.LONG
    assert store.plan_runs(dt.date(2026, 3, 30), dt.date(2026, 4, 5)) == {dt.date(2026, 4, 5): runs[1]}
    assert store.keywords() == {"tempo": RunKind.WORKOUT}
