"""Aggregate queries over the session history: plain rows out, never 100,000 objects for one page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from peewee import SqliteDatabase

from hipdesk.db.stored_time import GOOD_SESSION, GOOD_SET, aware, checked
from hipdesk.domain.errors import HipDeskError, ValidationError
from hipdesk.domain.history import (
    DayTotal,
    DiscomfortPoint,
    ExerciseSession,
    ExportRow,
    ExportRows,
    ProgressPoint,
    SessionSummary,
    SetLine,
    StoredBlock,
)
from hipdesk.domain.model import SessionRecord, SessionStatus, SetRecord, Side

MAX_NOTES = 5000
_SIDES = {side.value: side for side in Side}
_SQLITE_VARS = 500  # ids per IN (...) list, well under SQLite's limit

# A session is history once it is over; running ones are offered for resuming instead. A preview
# (``hipdesk start --speed``, marked in its plan) is never history: it counts toward nothing.
PREVIEW_MARK = "preview"
_NOT_PREVIEW = f"json_extract(s.plan, '$.{PREVIEW_MARK}') IS NULL"
_OVER = f"s.status IN ('finished', 'partial') AND {GOOD_SESSION} AND {_NOT_PREVIEW}"

_SUMMARY_HEAD = """
SELECT s.id, s.routine_name, s.started_at, s.ended_at, s.status, s.rpe, s.discomfort_left,
       s.discomfort_right, s.notes"""
_SUMMARY = f"""{_SUMMARY_HEAD},
       (SELECT COUNT(*) FROM set_record r WHERE r.session_id = s.id AND r.skipped = 0),
       (SELECT COUNT(*) FROM set_record r WHERE r.session_id = s.id AND r.skipped = 1)
FROM session s
"""

_SET_COLUMNS = """r.session_id, r.exercise_slug, r.exercise_name, r.side, r.set_number, r.item_index,
       r.target_reps, r.target_s, r.actual_reps, r.actual_s, r.skipped, r.started_at, r.ended_at"""


def _utc_bound(day: dt.date) -> str:
    """Local midnight at the start of ``day``, as the naive UTC text the table stores."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return str(local.astimezone(dt.UTC).replace(tzinfo=None))


def _range(start: dt.date | None, end: dt.date | None, column: str = "s.started_at") -> tuple[str, list[str]]:
    """SQL conditions for local days ``start`` to ``end`` inclusive (either may be open)."""
    where, params = [], []
    if start is not None:
        where.append(f"{column} >= ?")
        params.append(_utc_bound(start))
    if end is not None:
        where.append(f"{column} < ?")
        params.append(_utc_bound(end + dt.timedelta(days=1)))
    return "".join(f" AND {w}" for w in where), params


def _summary(row: Sequence[Any]) -> SessionSummary:
    return SessionSummary(
        id=row[0],
        routine_name=row[1],
        started_at=aware(row[2]) or dt.datetime.now(dt.UTC),
        ended_at=aware(row[3]),
        status=SessionStatus(row[4]),
        rpe=row[5],
        discomfort_left=row[6],
        discomfort_right=row[7],
        notes=row[8],
        sets_done=row[9],
        sets_skipped=row[10],
    )


def _set_line(row: Sequence[Any]) -> SetLine:
    """A set row read with ``GOOD_SET`` in its query."""
    return SetLine(
        session_id=row[0],
        exercise_id=row[1],
        exercise_name=row[2],
        side=_SIDES[row[3]],
        set_number=row[4],
        item_index=row[5],
        target_reps=row[6],
        target_s=row[7],
        actual_reps=row[8],
        actual_s=row[9],
        skipped=bool(row[10]),
        started_at=checked(row[11]),
        ended_at=checked(row[12]),
    )


def session_ids(
    db: SqliteDatabase,
    routine_name: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[int]:
    """The ids of the sessions that are over, newest first, filtered by routine and local days."""
    sql, params = _range(start, end)
    if routine_name is not None:
        sql += " AND s.routine_name = ?"
        params.append(routine_name)
    query = f"SELECT s.id FROM session s WHERE {_OVER}{sql} ORDER BY s.started_at DESC, s.id DESC"
    return [row[0] for row in db.execute_sql(query, params)]


def summaries(db: SqliteDatabase, ids: Sequence[int]) -> list[SessionSummary]:
    """The sessions with these ids, in the order given (ids no longer there are left out)."""
    found: dict[int, SessionSummary] = {}
    for chunk in range(0, len(ids), _SQLITE_VARS):
        part = list(ids[chunk : chunk + _SQLITE_VARS])
        marks = ",".join("?" * len(part))
        for row in db.execute_sql(f"{_SUMMARY} WHERE s.id IN ({marks})", part):
            found[row[0]] = _summary(row)
    return [found[i] for i in ids if i in found]


def routine_names(db: SqliteDatabase) -> list[str]:
    query = f"SELECT DISTINCT s.routine_name FROM session s WHERE {_OVER} ORDER BY lower(s.routine_name)"
    return [row[0] for row in db.execute_sql(query)]


def day_totals(
    db: SqliteDatabase, start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, DayTotal]:
    """Finished and partial sessions and their seconds, per local day."""
    sql, params = _range(start, end)
    query = f"""
        SELECT date(s.started_at, 'localtime') AS day,
               SUM(s.status = 'finished'), SUM(s.status = 'partial'),
               TOTAL(MAX(0, (julianday(s.ended_at) - julianday(s.started_at)) * 86400))
        FROM session s WHERE {_OVER}{sql} GROUP BY day"""
    return {
        (day := dt.date.fromisoformat(row[0])): DayTotal(day, row[1], row[2], row[3])
        for row in db.execute_sql(query, params)
    }


def session_count(db: SqliteDatabase) -> int:
    return int(db.execute_sql(f"SELECT COUNT(*) FROM session s WHERE {_OVER}").fetchone()[0])


def first_day(db: SqliteDatabase) -> dt.date | None:
    row = db.execute_sql(
        f"SELECT date(MIN(s.started_at), 'localtime') FROM session s WHERE {_OVER}"
    ).fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def session_sets(db: SqliteDatabase, session_id: int) -> list[SetLine]:
    """Every set of one session, in the order of the routine."""
    query = (
        f"SELECT {_SET_COLUMNS} FROM set_record r WHERE r.session_id = ? AND {GOOD_SET} "
        "ORDER BY r.item_index, r.set_number, r.side = 'right', r.id"
    )
    return [_set_line(row) for row in db.execute_sql(query, [session_id])]


def set_notes(db: SqliteDatabase, session_id: int, notes: str) -> None:
    if len(notes) > MAX_NOTES:
        raise ValidationError(f"Notes can be at most {MAX_NOTES} characters long.")
    cursor = db.execute_sql("UPDATE session SET notes = ? WHERE id = ?", [notes, session_id])
    if cursor.rowcount == 0:
        raise HipDeskError("That session no longer exists.")


def _rows(db: SqliteDatabase, query: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = db.execute_sql(query, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def delete_session(db: SqliteDatabase, session_id: int) -> dict[str, Any]:
    """Delete a session and its sets; returns everything needed to put it back exactly."""
    with db.atomic():
        session = _rows(db, "SELECT * FROM session WHERE id = ?", [session_id])
        if not session:
            raise HipDeskError("That session no longer exists.")
        sets = _rows(db, "SELECT * FROM set_record WHERE session_id = ? ORDER BY id", [session_id])
        db.execute_sql("DELETE FROM set_record WHERE session_id = ?", [session_id])
        db.execute_sql("DELETE FROM session WHERE id = ?", [session_id])
    return {"session": session[0], "sets": sets}


def _insert(db: SqliteDatabase, table: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    sql = (
        f'INSERT INTO "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    db.cursor().executemany(sql, [[row[c] for c in columns] for row in rows])


def restore_session(db: SqliteDatabase, snapshot: dict[str, Any]) -> int:
    """Put back a session deleted by :func:`delete_session`; returns its id.

    It gets its old id back unless a newer session took it meanwhile (SQLite reuses the highest id).
    """
    session = dict(snapshot["session"])
    sets = [dict(row) for row in snapshot["sets"]]
    with db.atomic():
        exists = db.execute_sql("SELECT 1 FROM routine WHERE id = ?", [session.get("routine_id")]).fetchone()
        if not exists:
            session["routine_id"] = None  # the routine went meanwhile; the session keeps its name
        if db.execute_sql("SELECT 1 FROM session WHERE id = ?", [session["id"]]).fetchone():
            del session["id"]
            for row in sets:
                del row["id"]
        _insert(db, "session", [session])
        session_id = int(session.get("id") or db.execute_sql("SELECT last_insert_rowid()").fetchone()[0])
        for row in sets:
            row["session_id"] = session_id
        _insert(db, "set_record", sets)
    return session_id


def history_exercises(db: SqliteDatabase) -> list[tuple[str, str]]:
    """(id, name) of every exercise with a recorded set, by name.

    A skip-scan over the (exercise_slug, started_at) index: one probe per exercise, not per set.
    """
    query = """
        WITH RECURSIVE slugs(slug) AS (
            SELECT MIN(exercise_slug) FROM set_record
            UNION ALL
            SELECT (SELECT MIN(exercise_slug) FROM set_record WHERE exercise_slug > slugs.slug)
            FROM slugs WHERE slugs.slug IS NOT NULL
        )
        SELECT slug, (SELECT exercise_name FROM set_record WHERE exercise_slug = slug
                      ORDER BY started_at DESC LIMIT 1)
        FROM slugs WHERE slug IS NOT NULL"""
    found = [(row[0], row[1]) for row in db.execute_sql(query)]
    return sorted(found, key=lambda pair: pair[1].lower())


def exercise_progress(
    db: SqliteDatabase, exercise_id: str, start: dt.date | None = None, end: dt.date | None = None
) -> list[ProgressPoint]:
    """The best done set per local day and side: reps for sets with a rep target, else seconds."""
    sql, params = _range(start, end, "r.started_at")
    query = f"""
        SELECT date(r.started_at, 'localtime') AS day, r.side,
               MAX(CASE WHEN r.target_reps IS NOT NULL THEN r.actual_reps ELSE r.actual_s END)
        FROM set_record r
        WHERE r.exercise_slug = ? AND r.skipped = 0 AND r.started_at IS NOT NULL AND {GOOD_SET}{sql}
        GROUP BY day, r.side ORDER BY day"""
    return [
        ProgressPoint(dt.date.fromisoformat(row[0]), Side(row[1]), float(row[2]))
        for row in db.execute_sql(query, [exercise_id, *params])
        if row[2] is not None
    ]


def discomfort(
    db: SqliteDatabase, start: dt.date | None = None, end: dt.date | None = None
) -> list[DiscomfortPoint]:
    """The runner's hip discomfort after sessions, mean per local day and side."""
    sql, params = _range(start, end)
    query = f"""
        SELECT date(s.started_at, 'localtime') AS day, AVG(s.discomfort_left), AVG(s.discomfort_right)
        FROM session s
        WHERE {_OVER} AND (s.discomfort_left IS NOT NULL OR s.discomfort_right IS NOT NULL){sql}
        GROUP BY day ORDER BY day"""
    return [DiscomfortPoint(dt.date.fromisoformat(r[0]), r[1], r[2]) for r in db.execute_sql(query, params)]


def recent_exercise_sessions(db: SqliteDatabase, sessions: int = 200) -> list[ExerciseSession]:
    """Per exercise and session, over the latest ``sessions`` sessions: sets done and the least achieved."""
    query = f"""
        SELECT r.exercise_slug, r.session_id, s.started_at,
               SUM(r.skipped = 0), SUM(r.skipped = 1),
               MIN(CASE WHEN r.skipped = 0 AND r.target_reps IS NOT NULL THEN r.actual_reps END),
               MIN(CASE WHEN r.skipped = 0 AND r.target_reps IS NULL THEN r.actual_s END)
        FROM set_record r JOIN session s ON s.id = r.session_id
        WHERE {GOOD_SET} AND r.session_id IN (SELECT s.id FROM session s WHERE {_OVER}
                               ORDER BY s.started_at DESC LIMIT ?)
        GROUP BY r.exercise_slug, r.session_id"""
    return [
        ExerciseSession(
            exercise_id=row[0],
            session_id=row[1],
            started_at=aware(row[2]) or dt.datetime.now(dt.UTC),
            done=row[3],
            skipped=row[4],
            min_reps=row[5],
            min_s=row[6],
        )
        for row in db.execute_sql(query, [sessions])
    ]


def export_rows(db: SqliteDatabase) -> ExportRows:
    """Every set record with its session (previews left out), oldest session first, read as they
    are written out: each session is read once, its sets beside it from a second cursor."""
    where = f"WHERE {GOOD_SESSION} AND {_NOT_PREVIEW}"
    order = "ORDER BY s.started_at, s.id"
    heads = f"{_SUMMARY_HEAD} FROM session s {where} {order}"
    sets = f"""
        SELECT {_SET_COLUMNS} FROM session s JOIN set_record r ON r.session_id = s.id
        {where} AND {GOOD_SET} {order}, r.item_index, r.set_number, r.side = 'right', r.id"""

    def blocks() -> Iterator[StoredBlock]:
        return ((head, lines) for head, lines in _beside(db, heads, sets) if lines)

    return ExportRows(blocks, _export_block)


def _export_block(block: StoredBlock) -> Iterator[ExportRow]:
    head, lines = block
    session = _summary((*head, 0, 0))
    for line in lines:
        yield ExportRow(session, _set_line(line))


# -- every session, as the command line lists them (running ones and previews too), streamed ----------

_LISTED = f"""s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.status, s.rpe,
       s.discomfort_left, s.discomfort_right, s.notes, json_extract(s.plan, '$.{PREVIEW_MARK}')"""
_BATCH = 2000


def _record(row: Sequence[Any], sets: tuple[SetRecord, ...] = ()) -> SessionRecord:
    return SessionRecord(
        id=row[0],
        routine_id=row[1],
        routine_name=row[2],
        started_at=aware(row[3]) or dt.datetime.now(dt.UTC),
        ended_at=aware(row[4]),
        status=SessionStatus(row[5]),
        rpe=row[6],
        discomfort_left=row[7],
        discomfort_right=row[8],
        notes=row[9],
        sets=sets,
        preview=bool(row[10]),
    )


def _batches(db: SqliteDatabase, query: str) -> Iterator[Sequence[Any]]:
    cursor = db.execute_sql(query)
    while batch := cursor.fetchmany(_BATCH):
        yield from batch


def _beside(
    db: SqliteDatabase, heads: str, children: str
) -> Iterator[tuple[Sequence[Any], list[Sequence[Any]]]]:
    """Each row of ``heads`` with the rows of ``children`` that belong to it: both queries list the
    same sessions in the same order, a session's id first in each row. Two cursors side by side, so
    a session's own columns are read once, not once for each of its sets; both read inside one
    transaction, so that a session another HipDesk writes meanwhile is in both or in neither."""
    with db.atomic():
        rows = _batches(db, children)
        pending = next(rows, None)
        for head in _batches(db, heads):
            own = []
            while pending is not None and pending[0] == head[0]:
                own.append(pending)
                pending = next(rows, None)
            yield head, own


# Sets done and skipped as counted through the (session_id, skipped) index, less the few whose times
# cannot be read (found through the partial index on those): no set row is read for a sound one.
_COUNTED = f"""
       (SELECT COUNT(*) FROM set_record r WHERE r.session_id = s.id AND r.skipped = {{0}})
       - (SELECT COUNT(*) FROM set_record r INDEXED BY set_record_bad_time
          WHERE r.session_id = s.id AND r.skipped = {{0}} AND NOT {GOOD_SET})"""


def listed_sessions(db: SqliteDatabase) -> Iterator[tuple[SessionRecord, int, int]]:
    """Every session whose times can be read, newest first, without its sets: the session, its sets
    done and its sets skipped. Read in batches: memory stays flat however long the history."""
    query = f"""
        SELECT {_LISTED}, {_COUNTED.format(0)}, {_COUNTED.format(1)}
        FROM session s WHERE {GOOD_SESSION}
        ORDER BY s.started_at DESC, s.id DESC"""
    for row in _batches(db, query):
        yield _record(row), row[11], row[12]


def session_blocks(db: SqliteDatabase) -> Iterator[StoredBlock]:
    """Every session whose times can be read, newest first, as its stored row (LISTED_COLUMNS of
    domain.history) with its sets' rows (LISTED_SET_COLUMNS) in the order they were done; one session
    at a time is held, so memory stays flat however long the history."""
    order = "ORDER BY s.started_at DESC, s.id DESC"
    heads = f"SELECT {_LISTED} FROM session s WHERE {GOOD_SESSION} {order}"
    sets = f"""
        SELECT r.session_id, r.exercise_slug, r.side, r.set_number, r.target_reps, r.target_s,
               r.actual_reps, r.actual_s, r.skipped, r.item_index, r.started_at, r.ended_at
        FROM session s JOIN set_record r ON r.session_id = s.id
        WHERE {GOOD_SESSION} AND {GOOD_SET} {order}, r.id"""
    return _beside(db, heads, sets)


def session_records(db: SqliteDatabase) -> Iterator[SessionRecord]:
    """Every session whose times can be read, newest first, each with its sets in the order they were
    done (:func:`session_blocks` as objects)."""
    for head, rows in session_blocks(db):
        yield _record(head, tuple(_set_record(row) for row in rows))


def _set_record(row: Sequence[Any]) -> SetRecord:
    return SetRecord(
        exercise_id=row[1],
        side=_SIDES[row[2]],
        set_number=row[3],
        target_reps=row[4],
        target_s=row[5],
        actual_reps=row[6],
        actual_s=row[7],
        skipped=bool(row[8]),
        item_index=row[9],
        started_at=checked(row[10]),
        ended_at=checked(row[11]),
    )
