"""The range of times HipDesk reads from its tables: from 1900 up to (not including) 3000, to the second."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hipdesk.db.stored_time import aware, bad_dates, checked
from hipdesk.domain.errors import ValidationError
from tests.unit.db.test_stored_dates import edit_by_hand, record_session


def test_the_first_and_the_last_readable_second() -> None:
    assert aware("1900-01-01 00:00:00") == dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
    assert aware("2999-12-31 23:59:59") == dt.datetime(2999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    assert aware(dt.datetime(2026, 3, 2, 7, 0)) == dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
    assert aware(None) is None and checked(None) is None
    assert checked("2026-03-02 07:00:00") == dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
    for outside in ("1899-12-31 23:59:59", "3000-01-01 00:00:00"):
        with pytest.raises(ValidationError) as refused:
            aware(outside)
        assert str(refused.value) == f"A stored time is out of range: '{outside}'."
    with pytest.raises(ValidationError) as refused:
        aware("garbage")
    assert str(refused.value) == "A stored time is not a date: 'garbage'."


def test_what_is_left_out_is_named_at_the_limits(repo, db_path: Path) -> None:
    first = record_session(repo, dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC))
    oldest = record_session(repo, dt.datetime(2026, 3, 3, 7, 0, tzinfo=dt.UTC))
    too_late = record_session(repo, dt.datetime(2026, 3, 4, 7, 0, tzinfo=dt.UTC))
    repo.db.close()
    edit_by_hand(db_path, "UPDATE session SET started_at = ? WHERE id = ?", "1900-01-01 00:00:00", oldest)
    edit_by_hand(db_path, "UPDATE session SET started_at = ?, ended_at = NULL WHERE id = ?",
                 "3000-01-01 00:00:00", too_late)  # fmt: skip
    edit_by_hand(db_path, "UPDATE set_record SET started_at = ?, ended_at = ? WHERE session_id = ?",
                 "2026-03-02 07:00:05", "0001-01-01 00:00:00" + "x" * 50, first)  # fmt: skip
    from hipdesk.store import open_store

    again = open_store(db_path)
    try:
        assert bad_dates(again.db) == [
            f"a set of session {first} (2026-03-02 07:00:05, 0001-01-01 00:00:00{'x' * 21})",
            f"session {too_late} (3000-01-01 00:00:00, no time)",
        ]
    finally:
        again.db.close()
