"""The history's part of ``Repo``: the queries are in db/history_queries.py (plain rows, never every
set as an object); these are the doors to them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from peewee import SqliteDatabase

from hipdesk.db import history_queries
from hipdesk.db.stored_time import bad_dates
from hipdesk.domain import history as rows


class HistoryReads:
    """The session history, read (and a session's notes, deletion and undo)."""

    db: SqliteDatabase

    def history_ids(
        self, routine_name: str | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[int]:
        """Ids of the sessions that are over, newest first; ``start``/``end`` are local days."""
        return history_queries.session_ids(self.db, routine_name, start, end)

    def history_summaries(self, ids: Sequence[int]) -> list[rows.SessionSummary]:
        """SessionSummary rows (domain.history) for these ids, in that order."""
        return history_queries.summaries(self.db, ids)

    def history_routine_names(self) -> list[str]:
        return history_queries.routine_names(self.db)

    def day_totals(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> dict[dt.date, rows.DayTotal]:
        """DayTotal (domain.history) per local day with finished or partial sessions."""
        return history_queries.day_totals(self.db, start, end)

    def session_sets(self, session_id: int) -> list[rows.SetLine]:
        """SetLine rows (domain.history) of one session, with the exercises' names."""
        return history_queries.session_sets(self.db, session_id)

    def set_session_notes(self, session_id: int, notes: str) -> None:
        history_queries.set_notes(self.db, session_id, notes)

    def delete_session(self, session_id: int) -> dict[str, Any]:
        """Delete a session with its sets; returns what restore_session needs to put it back."""
        return history_queries.delete_session(self.db, session_id)

    def restore_session(self, snapshot: dict[str, Any]) -> int:
        """Put back a deleted session (see delete_session); returns its id."""
        return history_queries.restore_session(self.db, snapshot)

    def history_exercises(self) -> list[tuple[str, str]]:
        """(id, name) of the exercises with recorded sets."""
        return history_queries.history_exercises(self.db)

    def exercise_progress(
        self, exercise_id: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[rows.ProgressPoint]:
        """ProgressPoint (domain.history) per day and side: best reps, or seconds for holds."""
        return history_queries.exercise_progress(self.db, exercise_id, start, end)

    def discomfort_by_day(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[rows.DiscomfortPoint]:
        return history_queries.discomfort(self.db, start, end)

    def recent_exercise_sessions(self, sessions: int = 200) -> list[rows.ExerciseSession]:
        """ExerciseSession (domain.history) rows over the latest sessions, for progression hints."""
        return history_queries.recent_exercise_sessions(self.db, sessions)

    def export_rows(self) -> rows.ExportRows:
        """Every set record with its session (ExportRow, or the stored rows), streamed from the database."""
        return history_queries.export_rows(self.db)

    def bad_dates(self) -> list[str]:
        """Sessions and sets left out of the history because a time in them cannot be right."""
        return bad_dates(self.db)

    def history_count(self) -> int:
        """How many sessions are over (finished or partial)."""
        return history_queries.session_count(self.db)

    def first_history_day(self) -> dt.date | None:
        """The local day of the first session that is over, None before any."""
        return history_queries.first_day(self.db)
