"""The hip work beside the runs: when the sets of the chosen exercises were done since a time."""

from __future__ import annotations

import datetime as dt

from hipdesk.db.runs import RunStore
from hipdesk.domain.model import SetRecord, Side
from tests.zone import local_zone

# 09:00 on Monday 30 March 2026 in Auckland (NZDT, UTC+13) is 20:00 on Sunday 29 March in UTC
SINCE = dt.datetime(2026, 3, 30, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=13)))
SINCE_UTC = dt.datetime(2026, 3, 29, 20, 0, tzinfo=dt.UTC)


def _sets(repo, *records: tuple[str, dt.datetime, bool]) -> None:
    """One session with a set of ``slug`` started at each time, skipped or done."""
    routine = repo.routine(repo.routine_names()[0])
    sid = repo.start_session(routine, SINCE_UTC - dt.timedelta(days=2))
    for number, (slug, started, skipped) in enumerate(records, start=1):
        record = SetRecord(
            slug, Side.BOTH, number, actual_reps=None if skipped else 10, skipped=skipped,
            started_at=started, ended_at=started + dt.timedelta(seconds=40),
        )  # fmt: skip
        repo.record_set(sid, record, slug)


def test_the_done_sets_of_the_chosen_exercises_since_the_time_in_utc(repo) -> None:
    """Sets from the time itself on count; earlier, skipped and other exercises' sets do not."""
    _sets(
        repo,
        ("glute-bridge", SINCE_UTC - dt.timedelta(seconds=1), False),  # just before
        ("glute-bridge", SINCE_UTC, False),  # at the time itself
        ("clamshell", SINCE_UTC + dt.timedelta(hours=1), False),
        ("glute-bridge", SINCE_UTC + dt.timedelta(hours=2), True),  # skipped
        ("side-plank", SINCE_UTC + dt.timedelta(hours=3), False),  # not asked for
        ("glute-bridge", SINCE_UTC + dt.timedelta(days=1), False),
    )
    with local_zone("Pacific/Auckland"):
        times = RunStore(repo.db).set_times(iter(["glute-bridge", "clamshell"]), SINCE)
    assert sorted(times) == [
        dt.datetime(2026, 3, 29, 20, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 29, 21, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 30, 20, 0, tzinfo=dt.UTC),
    ]
    assert all(t.tzinfo == dt.UTC for t in times)


def test_a_set_time_that_is_not_a_date_is_left_out_and_the_others_still_count(repo) -> None:
    """A start edited by hand into no real time drops that set only, not the sets after it."""
    _sets(
        repo,
        ("glute-bridge", SINCE_UTC + dt.timedelta(hours=1), False),
        ("glute-bridge", SINCE_UTC + dt.timedelta(hours=2), False),
        ("glute-bridge", SINCE_UTC + dt.timedelta(days=1), False),
    )
    repo.db.execute_sql("UPDATE set_record SET started_at = '2026-03-29 22:61:00' WHERE set_number = 2")
    times = RunStore(repo.db).set_times(["glute-bridge"], SINCE)
    assert sorted(times) == [
        dt.datetime(2026, 3, 29, 21, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 30, 20, 0, tzinfo=dt.UTC),
    ]


def test_no_sets_since_the_time_is_an_empty_list(repo) -> None:
    """Nothing done since the time, or no exercises asked for, gives no times."""
    _sets(repo, ("glute-bridge", SINCE_UTC - dt.timedelta(hours=1), False))
    store = RunStore(repo.db)
    assert store.set_times(["glute-bridge"], SINCE) == []
    assert store.set_times([], SINCE - dt.timedelta(days=1)) == []
