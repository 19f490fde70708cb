"""Times as the tables store them (naive UTC text), checked on the way out.

A date edited by hand or by another program (year 1, year 9999, not a date at all) cannot be shown
in local time, so every query that reads a time leaves such rows out (:data:`GOOD_SESSION`,
:data:`GOOD_SET`) and :func:`bad_dates` names them, for the command line and the window to report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import SqliteDatabase

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.history import stored_utc

EARLIEST = dt.datetime(1900, 1, 1)
LATEST = dt.datetime(3000, 1, 1)  # not included


def good(column: str) -> str:
    """SQL that is true when ``column`` holds a time HipDesk can read (in range, a real date)."""
    return (
        f"({column} >= '{EARLIEST:%Y-%m-%d}' AND {column} < '{LATEST:%Y-%m-%d}'"
        f" AND julianday({column}) IS NOT NULL)"
    )


def good_or_none(column: str) -> str:
    return f"({column} IS NULL OR {good(column)})"


def good_session(prefix: str = "s.") -> str:
    """SQL true for a session whose times can be read (``prefix``: the table's alias and a dot)."""
    return f"({good(prefix + 'started_at')} AND {good_or_none(prefix + 'ended_at')})"


def good_set(prefix: str = "r.") -> str:
    """SQL true for a set record whose times can be read."""
    return f"({good_or_none(prefix + 'started_at')} AND {good_or_none(prefix + 'ended_at')})"


GOOD_SESSION = good_session()
GOOD_SET = good_set()


def aware(value: Any) -> dt.datetime | None:
    """A stored time as an aware UTC datetime; a time out of range is one sentence, not a traceback."""
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        raise ValidationError(f"A stored time is not a date: {value!r}.") from None
    if not isinstance(parsed, dt.datetime) or not EARLIEST <= parsed.replace(tzinfo=None) < LATEST:
        raise ValidationError(f"A stored time is out of range: {value!r}.")
    return parsed.replace(tzinfo=dt.UTC)


def checked(value: str | None) -> dt.datetime | None:
    """:func:`aware` for a time the query has already checked with :func:`good` (its rows are
    filtered by ``GOOD_SESSION``/``GOOD_SET``): parsed without checking again, for long reads."""
    return stored_utc(value)


def bad_dates(db: SqliteDatabase) -> list[str]:
    """The sessions and set records left out because a time in them cannot be right, one phrase each."""
    query = f"""
        SELECT s.id, 'session', s.started_at, s.ended_at FROM session s WHERE NOT {GOOD_SESSION}
        UNION ALL
        SELECT r.session_id, 'set', r.started_at, r.ended_at FROM set_record r WHERE NOT {GOOD_SET}
        ORDER BY 1, 2"""
    return [
        f"{'session' if what == 'session' else 'a set of session'} {sid} ({_shown(start)}, {_shown(end)})"
        for sid, what, start, end in db.execute_sql(query)
    ]


def _shown(value: Any) -> str:
    return "no time" if value is None else str(value)[:40]
