"""The guided sessions: started, each set written as it ends, resumed after a crash, closed."""

from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import ParamSpec, TypeVar

from peewee import SQL, DatabaseError, IntegrityError, SqliteDatabase, fn

from hipdesk.db import history_queries
from hipdesk.db.base import NotFoundError, check_item_count, to_utc, utc_now
from hipdesk.db.history_queries import PREVIEW_MARK
from hipdesk.db.models import SessionRow, SetRecordRow
from hipdesk.db.stored_time import aware, good_session, good_set
from hipdesk.domain.errors import StorageError, ValidationError
from hipdesk.domain.history import StoredBlock
from hipdesk.domain.model import Routine, SessionRecord, SessionStatus, SetRecord, Side
from hipdesk.domain.serialize import routine_from_dict, routine_to_dict

logger = logging.getLogger(__name__)

_P = ParamSpec("_P")
_T = TypeVar("_T")


def write_failure_reason(exc: BaseException) -> str:
    """Why a write failed, in words a runner understands ("the disk is full").

    The error raised may hide the first one: after SQLite gives up a transaction on a full disk,
    the rollback that follows fails with "no transaction is active". The whole chain is read.
    """
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or (None if seen.__suppress_context__ else seen.__context__)
    for error in chain:
        text = str(error).lower()
        code = getattr(error, "errno", None)
        if code == errno.ENOSPC or "disk is full" in text or "no space left" in text:
            return "the disk is full"
        if code == errno.EDQUOT or "quota" in text:
            return "the disk quota is used up"
        if code == errno.EROFS or "readonly" in text or "read-only" in text:
            return "the data file can no longer be written (read-only)"
    return str(chain[-1]) or type(chain[-1]).__name__


def _session_write(what: str) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]:
    """A failed write of a session's data becomes a StorageError: "``what``: the disk is full."."""

    def decorate(method: Callable[_P, _T]) -> Callable[_P, _T]:
        @functools.wraps(method)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            try:
                return method(*args, **kwargs)
            except IntegrityError:
                raise
            except (DatabaseError, sqlite3.DatabaseError, OSError) as exc:
                logger.info("%s: %s", what, exc)
                raise StorageError(f"{what}: {write_failure_reason(exc)}.") from exc

        return wrapper

    return decorate


def _check_feedback(rpe: int | None, left: int | None, right: int | None) -> None:
    for label, value, low in (("Effort", rpe, 1), ("Discomfort", left, 0), ("Discomfort", right, 0)):
        if value is not None and not low <= value <= 10:
            raise ValidationError(f"{label} must be from {low} to 10.")


class SessionStore:
    """The sessions' part of ``Repo``."""

    db: SqliteDatabase

    @_session_write("The session could not be started")
    def start_session(
        self, routine: Routine, started_at: dt.datetime | None = None, *, preview: bool = False
    ) -> int:
        """A new running session; a preview is marked so that it counts toward nothing."""
        check_item_count(routine)  # a session HipDesk could not resume never starts
        plan = routine_to_dict(routine)
        if preview:
            plan[PREVIEW_MARK] = True
        row = SessionRow.create(
            routine=routine.id,
            routine_name=routine.name,
            plan=json.dumps(plan, ensure_ascii=False),
            started_at=to_utc(started_at) or utc_now(),
            status=SessionStatus.RUNNING.value,
        )
        return int(row.id)

    @_session_write("The set could not be saved")
    def record_set(
        self, session_id: int, record: SetRecord, exercise_name: str, resume_step: int | None = None
    ) -> None:
        """Write one finished or skipped set at once, with where a resumed session goes on.

        One transaction, synced to disk (synchronous=FULL). A set done again replaces its record.
        """
        values = {
            SetRecordRow.session: session_id,
            SetRecordRow.item_index: record.item_index,
            SetRecordRow.exercise_slug: record.exercise_id,
            SetRecordRow.exercise_name: exercise_name,
            SetRecordRow.side: record.side.value,
            SetRecordRow.set_number: record.set_number,
            SetRecordRow.target_reps: record.target_reps,
            SetRecordRow.target_s: record.target_s,
            SetRecordRow.actual_reps: record.actual_reps,
            SetRecordRow.actual_s: record.actual_s,
            SetRecordRow.skipped: record.skipped,
            SetRecordRow.started_at: to_utc(record.started_at),
            SetRecordRow.ended_at: to_utc(record.ended_at),
        }
        with self.db.atomic():
            SetRecordRow.insert(values).on_conflict(
                conflict_target=[
                    SetRecordRow.session, SetRecordRow.item_index, SetRecordRow.side, SetRecordRow.set_number
                ],
                preserve=[
                    SetRecordRow.exercise_slug, SetRecordRow.exercise_name, SetRecordRow.target_reps,
                    SetRecordRow.target_s, SetRecordRow.actual_reps, SetRecordRow.actual_s,
                    SetRecordRow.skipped, SetRecordRow.started_at, SetRecordRow.ended_at,
                ],
            ).execute()  # fmt: skip
            if resume_step is not None:
                SessionRow.update(resume_step=resume_step).where(SessionRow.id == session_id).execute()

    @_session_write("The session's place could not be saved")
    def set_resume_step(self, session_id: int, step: int) -> None:
        SessionRow.update(resume_step=step).where(SessionRow.id == session_id).execute()

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions left running by a crash, a kill or a power cut, newest first."""
        return self.sessions(status=SessionStatus.RUNNING)

    def session(self, session_id: int) -> SessionRecord:
        found = self.sessions(session_ids=[session_id])
        if not found:
            raise NotFoundError("That session no longer exists.")
        return found[0]

    def session_plan(self, session_id: int) -> tuple[Routine, int]:
        """The routine as it was when the session started, and the step to resume at."""
        row = SessionRow.get_or_none(SessionRow.id == session_id)
        if row is None:
            raise NotFoundError("That session no longer exists.")
        routine = routine_from_dict(json.loads(row.plan), "the session's routine")
        return replace(routine, id=row.routine_id), int(row.resume_step or 0)

    def keep_partial(self, session_id: int) -> None:
        """Close an interrupted session as it is: its finished sets stay, it counts as partial."""
        last = (
            SetRecordRow.select(fn.MAX(SetRecordRow.ended_at))
            .where(SetRecordRow.session == session_id)
            .scalar()
        )
        row = SessionRow.get_or_none(SessionRow.id == session_id)
        if row is None:
            raise NotFoundError("That session no longer exists.")
        row.status = SessionStatus.PARTIAL.value
        row.ended_at = last or row.started_at
        row.save()

    @_session_write("Your feedback could not be saved")
    def save_feedback(
        self,
        session_id: int,
        rpe: int | None,
        discomfort_left: int | None,
        discomfort_right: int | None,
        notes: str,
    ) -> None:
        """The runner's effort, hip discomfort on each side and notes, after a session."""
        _check_feedback(rpe, discomfort_left, discomfort_right)
        if len(notes) > 5000:
            raise ValidationError("Notes can be at most 5000 characters long.")
        SessionRow.update(
            rpe=rpe, discomfort_left=discomfort_left, discomfort_right=discomfort_right, notes=notes
        ).where(SessionRow.id == session_id).execute()

    @_session_write("The end of the session could not be saved")
    def finish_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: dt.datetime | None = None,
        rpe: int | None = None,
        discomfort_left: int | None = None,
        discomfort_right: int | None = None,
        notes: str = "",
    ) -> None:
        for label, value, low in (
            ("Effort", rpe, 1),
            ("Discomfort", discomfort_left, 0),
            ("Discomfort", discomfort_right, 0),
        ):
            if value is not None and not low <= value <= 10:
                raise ValidationError(f"{label} must be from {low} to 10.")
        SessionRow.update(
            status=status.value,
            ended_at=to_utc(ended_at) or utc_now(),
            rpe=rpe,
            discomfort_left=discomfort_left,
            discomfort_right=discomfort_right,
            notes=notes,
        ).where(SessionRow.id == session_id).execute()

    def sessions(
        self,
        limit: int | None = None,
        status: SessionStatus | None = None,
        session_ids: Sequence[int] | None = None,
    ) -> list[SessionRecord]:
        """Sessions newest first, each with its sets in the order they were done."""
        preview = fn.json_extract(SessionRow.plan, f"$.{PREVIEW_MARK}")
        query = (
            SessionRow.select(SessionRow, preview.alias("preview_mark"))
            .where(SQL(good_session("")))
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        )
        if status is not None:
            query = query.where(SessionRow.status == status.value)
        if session_ids is not None:
            query = query.where(SessionRow.id.in_(list(session_ids)))
        if limit is not None:
            query = query.limit(limit)
        rows = list(query)
        sets: dict[int, list[SetRecord]] = {row.id: [] for row in rows}
        if rows:
            set_query = (
                SetRecordRow.select()
                .where(SetRecordRow.session.in_(list(sets)), SQL(good_set("")))
                .order_by(SetRecordRow.session, SetRecordRow.id)
            )
            for s in set_query:
                sets[s.session_id].append(
                    SetRecord(
                        exercise_id=s.exercise_slug,
                        side=Side(s.side),
                        set_number=s.set_number,
                        target_reps=s.target_reps,
                        target_s=s.target_s,
                        actual_reps=s.actual_reps,
                        actual_s=s.actual_s,
                        skipped=s.skipped,
                        item_index=s.item_index,
                        started_at=aware(s.started_at),
                        ended_at=aware(s.ended_at),
                    )
                )
        return [
            SessionRecord(
                id=row.id,
                routine_id=row.routine_id,
                routine_name=row.routine_name,
                started_at=aware(row.started_at) or dt.datetime.now(dt.UTC),
                ended_at=aware(row.ended_at),
                status=SessionStatus(row.status),
                rpe=row.rpe,
                discomfort_left=row.discomfort_left,
                discomfort_right=row.discomfort_right,
                notes=row.notes,
                sets=tuple(sets[row.id]),
                preview=bool(row.preview_mark),
            )
            for row in rows
        ]

    def listed_sessions(self) -> Iterator[tuple[SessionRecord, int, int]]:
        """Every readable session, newest first, without its sets: (session, sets done, sets skipped),
        streamed (``history_queries.listed_sessions``)."""
        return history_queries.listed_sessions(self.db)

    def session_records(self) -> Iterator[SessionRecord]:
        """Every readable session, newest first, with its sets, streamed one session at a time."""
        return history_queries.session_records(self.db)

    def session_rows(self) -> Iterator[StoredBlock]:
        """:meth:`session_records` as the stored rows (domain.history's LISTED_COLUMNS with the
        LISTED_SET_COLUMNS of each set), for a long listing that need not make an object per set."""
        return history_queries.session_blocks(self.db)
