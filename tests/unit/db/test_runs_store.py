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
from tests.zone import local_zone

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


def test_a_run_reads_back_whole_and_its_file_offset_is_kept(repo) -> None:
    """Every field comes back as given, the start as the same instant whatever the computer's zone,
    and the run table keeps the offset the file gave with the start."""
    store = RunStore(repo.db)
    run = Run(START, 21_100.0, 7200.0, 180.5, "long.fit", RunKind.LONG)
    with local_zone("Pacific/Auckland"):
        assert store.add_run(run)
        assert store.runs() == [run]
    [row] = repo.db.execute_sql("SELECT started_at, utc_offset_s FROM run").fetchall()
    assert row == ("2026-03-28 17:30:00", 13 * 3600)


def test_a_start_without_an_offset_is_stored_as_local_time_with_no_offset(repo) -> None:
    """A start with no zone is the computer's local time; the run table says the file gave no offset."""
    store = RunStore(repo.db)
    with local_zone("Pacific/Auckland"):
        assert store.add_run(Run(dt.datetime(2026, 3, 29, 6, 30), 5000.0, 1500.0))
    assert [r.started_at for r in store.runs()] == [dt.datetime(2026, 3, 28, 17, 30, tzinfo=dt.UTC)]
    [row] = repo.db.execute_sql("SELECT started_at, utc_offset_s FROM run").fetchall()
    assert row == ("2026-03-28 17:30:00", None)


def test_runs_two_seconds_or_eleven_metres_apart_are_different_runs(repo) -> None:
    """The same run is the same start within a second and the same distance within 10 m, no wider."""
    store = RunStore(repo.db)
    assert store.add_run(Run(START, 10_000.0, 3000.0, None, "first.fit"))
    assert not store.add_run(Run(START + dt.timedelta(seconds=1), 10_010.0, 3000.0, None, "copy.fit"))
    assert store.add_run(Run(START + dt.timedelta(seconds=2), 10_000.0, 3000.0, None, "later.fit"))
    assert store.add_run(Run(START - dt.timedelta(seconds=2), 10_000.0, 3000.0, None, "earlier.fit"))
    assert store.add_run(Run(START, 10_011.0, 3000.0, None, "longer.fit"))
    assert store.add_run(Run(START, 9_989.0, 3000.0, None, "shorter.fit"))
    assert sorted(r.source for r in store.runs()) == [
        "earlier.fit",
        "first.fit",
        "later.fit",
        "longer.fit",
        "shorter.fit",
    ]


def test_long_names_are_cut_to_255_characters(repo) -> None:
    """A run's file name, a plan run's title and a corrected keyword keep their first 255 characters."""
    store = RunStore(repo.db)
    name = "a" * 255 + "bcdef"
    assert store.add_run(Run(START, 8000.0, 2700.0, None, name))
    assert [r.source for r in store.runs()] == ["a" * 255]
    day = dt.date(2026, 4, 5)
    store.save_plan([PlanRun(day, RunKind.RACE, name)], {}, {name: RunKind.WORKOUT})
    assert store.plan_runs(day, day) == {day: PlanRun(day, RunKind.RACE, "a" * 255)}
    assert store.keywords() == {"a" * 255: RunKind.WORKOUT}
