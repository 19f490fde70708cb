"""The hot history queries read through indexes: no full scan of the sessions or the sets.

Each query the History page, Today and the progress hints run is captured as it is sent and asked
for its plan (EXPLAIN QUERY PLAN). A plan line "SCAN session" or "SCAN set_record" means the query
reads every row, which grows with every year of history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from hipdesk.db import history_queries as hq
from hipdesk.db.stored_time import bad_dates
from tests.history_data import generate

HOT: dict[str, Callable[[Any], object]] = {
    "ids in a date range": lambda db: hq.session_ids(db, None, dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
    "ids of one routine": lambda db: hq.session_ids(db, "Hip stretch"),
    "summaries of a page": lambda db: hq.summaries(db, hq.session_ids(db)[:50]),
    "day totals of a range": lambda db: hq.day_totals(db, dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
    "one session's sets": lambda db: hq.session_sets(db, hq.session_ids(db)[0]),
    "exercises done": lambda db: hq.history_exercises(db),
    "one exercise's progress": lambda db: hq.exercise_progress(db, "clamshell"),
    "recent sessions per exercise": lambda db: hq.recent_exercise_sessions(db),
    "first day": lambda db: hq.first_day(db),
    "session count": lambda db: hq.session_count(db),
}


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    from hipdesk.store import open_store

    repo = open_store(tmp_path_factory.mktemp("plans") / "plans.sqlite")
    generate(repo, 90, end=dt.date(2026, 3, 31))
    yield repo.db
    repo.db.close()


def _plans(db: Any, read: Callable[[Any], object]) -> list[tuple[str, list[str]]]:
    """Each query ``read`` sends, with its plan (EXPLAIN QUERY PLAN), one line a step."""
    sent: list[tuple[str, Any]] = []
    real = db.execute_sql

    def spy(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        sent.append((sql, params))
        return real(sql, params, *args, **kwargs)

    db.execute_sql = spy
    try:
        read(db)
    finally:
        db.execute_sql = real
    return [
        (sql, [row[-1] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall()])
        for sql, params in sent
    ]


@pytest.mark.parametrize("name", list(HOT))
def test_a_hot_history_query_reads_through_an_index(history, name: str) -> None:
    plans = _plans(history, HOT[name])
    assert plans, f"{name}: no query was sent"
    for sql, plan in plans:
        scans = [
            line for line in plan if line.startswith(("SCAN session", "SCAN s", "SCAN set_record", "SCAN r"))
        ]
        scans = [line for line in scans if not line.startswith("SCAN slugs")]  # the recursive list of slugs
        assert not scans, f"{name}: {' '.join(sql.split())[:120]} -> {plan}"


# The long reads go through every session by design (the command line's history, its JSON, the CSV
# export); what must not happen is a read of every set row to count them or to find bad times.
LONG: dict[str, tuple[Callable[[Any], object], tuple[str, ...]]] = {
    "history listing": (
        lambda db: list(hq.listed_sessions(db)),
        ("COVERING INDEX set_record_session_id_skipped", "INDEX set_record_bad_time"),
    ),
    "sessions with their sets": (lambda db: list(hq.session_records(db)), ("INDEX set_record_session_id",)),
    "CSV export rows": (
        lambda db: list(hq.export_rows(db)),
        ("set_record_session_id_item_index_side_set_number",),
    ),
    "times that cannot be read": (
        bad_dates,
        ("SCAN s USING INDEX session_bad_time", "SCAN r USING INDEX set_record_bad_time"),
    ),
}


@pytest.mark.parametrize("name", list(LONG))
def test_a_long_history_read_counts_and_checks_through_indexes(history, name: str) -> None:
    read, wanted = LONG[name]
    plan = [line for _sql, lines in _plans(history, read) for line in lines]
    for index in wanted:
        assert any(index in line for line in plan), f"{name}: {index} not in {plan}"
    bare = [line for line in plan if line in ("SCAN s", "SCAN r", "SCAN session", "SCAN set_record")]
    assert not bare, f"{name}: a whole table read: {plan}"
