"""The command line's history reads: every session newest first, streamed, the same as a full read."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from hipdesk.db import history_queries
from hipdesk.domain.model import SessionStatus, SetRecord, Side

T0 = dt.datetime(2026, 3, 1, 6, 30, tzinfo=dt.UTC)


def _session(
    repo, minutes: int, status: SessionStatus | None, sets: int, *, preview: bool = False, skipped: int = 0
) -> int:
    """A session started ``minutes`` after T0 with ``sets`` sets (the first ``skipped`` skipped),
    finished with ``status`` (None: left running)."""
    start = T0 + dt.timedelta(minutes=minutes)
    routine = repo.routines()[0]
    session_id = repo.start_session(routine, start, preview=preview)
    for n in range(sets):
        at = start + dt.timedelta(seconds=30 * n)
        record = SetRecord("clamshell", Side.RIGHT if n % 2 == 0 else Side.LEFT, n // 2 + 1, target_reps=10,
                           actual_reps=None if n < skipped else 10, skipped=n < skipped, item_index=0,
                           started_at=at, ended_at=at + dt.timedelta(seconds=20))  # fmt: skip
        repo.record_set(session_id, record, "Clamshell")
    if status is not None:
        repo.finish_session(session_id, status)
    return session_id


def test_streamed_sessions_are_the_full_read_newest_first(repo) -> None:
    ids = [
        _session(repo, 0, SessionStatus.FINISHED, 4, skipped=1),
        _session(repo, 60 * 24, SessionStatus.PARTIAL, 1),
        _session(repo, 60 * 48, None, 0),  # running, no sets at all: listed still
        _session(repo, 60 * 72, SessionStatus.FINISHED, 3, preview=True),
    ]
    full = repo.sessions()
    streamed = list(repo.session_records())
    assert [s.id for s in streamed] == ids[::-1]
    assert streamed == full
    assert streamed[0].preview and not streamed[1].preview
    assert [len(s.sets) for s in streamed] == [3, 0, 1, 4]
    assert [(s.side, s.set_number) for s in streamed[3].sets] == [
        (Side.RIGHT, 1), (Side.LEFT, 1), (Side.RIGHT, 2), (Side.LEFT, 2)
    ]  # fmt: skip
    listed = [(s.id, done, skipped) for s, done, skipped in repo.listed_sessions()]
    assert listed == [(ids[3], 3, 0), (ids[2], 0, 0), (ids[1], 1, 0), (ids[0], 3, 1)]


def test_streams_read_in_batches_across_their_ends(repo, monkeypatch) -> None:
    monkeypatch.setattr(history_queries, "_BATCH", 2)  # a session's sets spread over several batches
    for day in range(3):
        _session(repo, 60 * 24 * day, SessionStatus.FINISHED, 3)
    assert list(repo.session_records()) == repo.sessions()
    assert [done for _, done, _ in repo.listed_sessions()] == [3, 3, 3]


def test_history_json_is_one_valid_list_however_many_sessions(repo, db_path: Path) -> None:
    def history_json() -> list[dict]:
        out = subprocess.run(
            [sys.executable, "-m", "hipdesk", "--db", str(db_path), "history", "--json"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(out.stdout)

    assert history_json() == []
    first = _session(repo, 0, SessionStatus.FINISHED, 2)
    assert [s["id"] for s in history_json()] == [first]
    second = _session(repo, 60, SessionStatus.PARTIAL, 1)
    shown = history_json()
    assert [s["id"] for s in shown] == [second, first]
    assert shown[1]["sets"][0] == {
        "exercise_id": "clamshell", "side": "right", "set": 1, "target": 10, "actual": 10, "unit": "reps",
        "skipped": False, "started_at": "2026-03-01T06:30:00+00:00", "ended_at": "2026-03-01T06:30:20+00:00",
    }  # fmt: skip


def test_a_session_written_while_the_history_is_read_is_in_both_reads_or_neither(
    repo, db_path: Path, monkeypatch
) -> None:
    """The sessions and their sets are read by two cursors: both see the file as it was when they began."""
    import sqlite3

    monkeypatch.setattr(history_queries, "_BATCH", 1)  # each cursor reads a row at a time
    first = _session(repo, 0, SessionStatus.FINISHED, 2)
    second = _session(repo, 60 * 24, SessionStatus.FINISHED, 3)
    rows = repo.session_rows()
    head, sets = next(rows)  # newest first: the second session, both cursors open
    other = sqlite3.connect(db_path)  # another process's connection, deleting while the read goes on
    with other:
        other.execute("DELETE FROM set_record WHERE session_id = ?", (first,))
        other.execute("DELETE FROM session WHERE id = ?", (first,))
    other.close()
    rest = list(rows)
    assert (head[0], len(sets)) == (second, 3)
    assert [(h[0], len(s)) for h, s in rest] == [(first, 2)]
    assert [s.id for s in repo.session_records()] == [second]  # a read begun now sees the delete
