"""History counts the runner's own days: a morning session in Auckland is that morning, not yesterday in UTC."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from hipdesk.cli import main
from hipdesk.domain.model import SessionStatus, SetRecord, Side
from tests.zone import local_zone

# 09:30 on Monday 2 March 2026 in Auckland (NZDT, UTC+13) is 20:30 on Sunday 1 March in UTC
MORNING_UTC = dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC)
MONDAY, SUNDAY = dt.date(2026, 3, 2), dt.date(2026, 3, 1)


@pytest.fixture
def auckland():
    with local_zone("Pacific/Auckland"):
        yield


def one_morning_session(repo) -> int:
    routine = repo.routine(repo.routine_names()[0])
    sid = repo.start_session(routine, MORNING_UTC)
    record = SetRecord(
        "glute-bridge", Side.BOTH, 1, target_reps=10, actual_reps=10, item_index=0,
        started_at=MORNING_UTC + dt.timedelta(seconds=5), ended_at=MORNING_UTC + dt.timedelta(seconds=65),
    )  # fmt: skip
    repo.record_set(sid, record, "Glute Bridge")
    repo.finish_session(sid, SessionStatus.FINISHED, MORNING_UTC + dt.timedelta(minutes=12))
    return sid


def test_the_date_filter_uses_local_days(repo, auckland) -> None:
    sid = one_morning_session(repo)
    assert repo.history_ids(start=MONDAY, end=MONDAY) == [sid]
    assert repo.history_ids(start=SUNDAY, end=SUNDAY) == []
    assert repo.history_ids(end=SUNDAY) == [] and repo.history_ids(start=MONDAY) == [sid]


def test_the_calendar_counts_the_session_on_the_local_day(repo, auckland) -> None:
    one_morning_session(repo)
    totals = repo.day_totals(SUNDAY - dt.timedelta(days=3), MONDAY + dt.timedelta(days=3))
    assert list(totals) == [MONDAY]
    assert totals[MONDAY].finished == 1 and totals[MONDAY].seconds == pytest.approx(12 * 60)
    assert repo.first_history_day() == MONDAY


def test_csv_times_are_local_with_their_offset(repo, auckland, db_path: Path, tmp_path: Path) -> None:
    one_morning_session(repo)
    out = tmp_path / "history.csv"
    assert main(["--db", str(db_path), "export", "csv", "-o", str(out)]) == 0
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["session_started_at"] == "2026-03-02T09:30:00+13:00"
    assert row["set_ended_at"] == "2026-03-02T09:31:05+13:00"
    assert row["session_ended_at"] == "2026-03-02T09:42:00+13:00"


def test_in_winter_the_offset_is_twelve_hours(repo, auckland, db_path: Path, tmp_path: Path) -> None:
    routine = repo.routine(repo.routine_names()[0])
    june = dt.datetime(2026, 6, 15, 19, 0, tzinfo=dt.UTC)  # 07:00 on 16 June, NZST
    sid = repo.start_session(routine, june)
    repo.finish_session(sid, SessionStatus.PARTIAL, june + dt.timedelta(minutes=5))
    assert repo.history_ids(start=dt.date(2026, 6, 16), end=dt.date(2026, 6, 16)) == [sid]
    assert list(repo.day_totals(dt.date(2026, 6, 14), dt.date(2026, 6, 17))) == [dt.date(2026, 6, 16)]
