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


@pytest.mark.parametrize("name", list(HOT))
def test_a_hot_history_query_reads_through_an_index(history, name: str) -> None:
    sent: list[tuple[str, Any]] = []
    real = history.execute_sql

    def spy(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        sent.append((sql, params))
        return real(sql, params, *args, **kwargs)

    history.execute_sql = spy
    try:
        HOT[name](history)
    finally:
        history.execute_sql = real
    assert sent, f"{name}: no query was sent"
    for sql, params in sent:
        plan = [row[-1] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
        scans = [
            line for line in plan if line.startswith(("SCAN session", "SCAN s", "SCAN set_record", "SCAN r"))
        ]
        scans = [line for line in scans if not line.startswith("SCAN slugs")]  # the recursive list of slugs
        assert not scans, f"{name}: {' '.join(sql.split())[:120]} -> {plan}"
