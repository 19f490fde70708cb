"""Queries in, domain objects out: the only door to storage for the rest of HipDesk."""

from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, ParamSpec, TypeVar

from peewee import SQL, DatabaseError, IntegrityError, SqliteDatabase, fn

from hipdesk.db.models import (
    ExerciseRow,
    MetaRow,
    PlannedRoutineRow,
    RoutineItemRow,
    RoutineRow,
    SessionRow,
    SetRecordRow,
    WeekDayRow,
)
from hipdesk.db.stored_time import aware, bad_dates, good_session, good_set
from hipdesk.domain.errors import HipDeskError, StorageError, ValidationError
from hipdesk.domain.model import (
    Exercise,
    ItemSides,
    PlannedDay,
    PlannedRoutine,
    RepMode,
    Routine,
    RoutineItem,
    RunKind,
    SessionRecord,
    SessionStatus,
    SetRecord,
    Side,
    WeekPlan,
)
from hipdesk.domain.serialize import (
    MAX_ITEMS,
    MAX_NAME,
    exercise_from_dict,
    exercise_to_dict,
    routine_from_dict,
    routine_to_dict,
    too_many_items,
)

logger = logging.getLogger(__name__)

META_CATALOGUE = "catalogue_fingerprint"
META_STARTER = "starter_content"


_ITEM_COLUMNS = (
    RoutineItemRow.routine, RoutineItemRow.position, RoutineItemRow.exercise, RoutineItemRow.section,
    RoutineItemRow.sets, RoutineItemRow.reps, RoutineItemRow.hold_s, RoutineItemRow.work_s,
    RoutineItemRow.sides, RoutineItemRow.rest_s, RoutineItemRow.rest_after_s, RoutineItemRow.rep_mode,
    RoutineItemRow.note,
)  # fmt: skip
_INSERT_ITEM = (
    f'INSERT INTO "{RoutineItemRow._meta.table_name}" '
    f"({', '.join(f'{chr(34)}{c.column_name}{chr(34)}' for c in _ITEM_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ITEM_COLUMNS)})"
)


class NotFoundError(HipDeskError):
    pass


class _FreeSlugs:
    """The exercise ids in use, and for each base the next number to try: n new ids in O(n)."""

    def __init__(self, used: Iterable[str]) -> None:
        self.used = set(used)
        self._next: dict[str, int] = {}

    def claim(self, base: str) -> str:
        slug, n = base, self._next.get(base, 2)
        while slug in self.used:
            slug, n = f"{base}-{n}", n + 1
        self._next[base] = n
        self.used.add(slug)
        return slug


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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _to_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _check_item_count(routine: Routine, stored: int = 0) -> None:
    """Refuse a routine over the item limit, unless it shrinks one ``stored`` that long already."""
    problem = too_many_items(len(routine.items))
    if problem is not None and not len(routine.items) <= stored:
        raise ValidationError(problem)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "exercise"


def _check_feedback(rpe: int | None, left: int | None, right: int | None) -> None:
    for label, value, low in (("Effort", rpe, 1), ("Discomfort", left, 0), ("Discomfort", right, 0)):
        if value is not None and not low <= value <= 10:
            raise ValidationError(f"{label} must be from {low} to 10.")


def check_name(name: str, what: str = "A routine") -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(f"{what} needs a name.")
    if len(name) > MAX_NAME:
        raise ValidationError(f"{what} name can be at most {MAX_NAME} characters long.")
    return name


class Repo:
    """All reads and writes. Each public method is one transaction."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    # -- meta and settings -------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = MetaRow.get_or_none(MetaRow.key == key)
        return None if row is None else row.value

    def set_meta(self, key: str, value: str) -> None:
        MetaRow.replace(key=key, value=value).execute()

    # -- exercises ---------------------------------------------------------------------------
    @staticmethod
    def _exercise(row: ExerciseRow) -> Exercise:
        return exercise_from_dict(json.loads(row.data), f"exercise {row.slug} in the database")

    def exercises(self, include_retired: bool = False) -> list[Exercise]:
        """Built-ins in the article's order, then the user's own by name."""
        query = ExerciseRow.select().order_by(
            ExerciseRow.builtin.desc(), ExerciseRow.sort_order, fn.lower(ExerciseRow.name)
        )
        if not include_retired:
            query = query.where(ExerciseRow.retired == False)  # noqa: E712
        return [self._exercise(row) for row in query]

    def exercise(self, slug: str) -> Exercise:
        row = ExerciseRow.get_or_none(ExerciseRow.slug == slug)
        if row is None:
            raise NotFoundError(f"There is no exercise '{slug}'.")
        return self._exercise(row)

    def sync_catalogue(self, exercises: Sequence[Exercise], fingerprint: str) -> bool:
        """Bring the built-ins in line with the shipped files. Users' own exercises are untouched.

        Returns False (and does nothing) when the files have not changed since the last sync.
        """
        if self.meta(META_CATALOGUE) == fingerprint:
            return False
        now = _now()
        shipped = {ex.id for ex in exercises}
        with self.db.atomic():
            for order, ex in enumerate(exercises, 1):
                row = ExerciseRow.get_or_none(ExerciseRow.slug == ex.id)
                data = json.dumps(exercise_to_dict(ex), ensure_ascii=False)
                if row is not None and not row.builtin:
                    # A user's exercise already holds this id: move it aside, never overwrite it.
                    new_slug = self._free_slug("my-" + ex.id)
                    logger.warning("renaming the user's exercise %s to %s", ex.id, new_slug)
                    self._rename_user_exercise(row, new_slug)
                    row = None
                if row is None:
                    ExerciseRow.create(
                        slug=ex.id,
                        name=ex.name,
                        builtin=True,
                        sort_order=order,
                        data=data,
                        created_at=now,
                        updated_at=now,
                    )
                elif row.data != data or row.sort_order != order or row.retired:
                    row.name, row.data, row.sort_order, row.retired = ex.name, data, order, False
                    row.updated_at = now
                    row.save()
            ExerciseRow.update(retired=True, updated_at=now).where(
                ExerciseRow.builtin == True,  # noqa: E712
                ExerciseRow.slug.not_in(shipped),
            ).execute()
            self.set_meta(META_CATALOGUE, fingerprint)
        return True

    def _rename_user_exercise(self, row: ExerciseRow, new_slug: str) -> None:
        data = json.loads(row.data)
        data["id"] = new_slug
        row.slug, row.data = new_slug, json.dumps(data, ensure_ascii=False)
        row.save()

    def _free_slug(self, base: str, taken: _FreeSlugs | None = None) -> str:
        """``base``, or ``base-2``, ``base-3``... whichever is free (``taken``: many at once, linearly)."""
        if taken is not None:
            return taken.claim(base)
        slug, n = base, 2
        while ExerciseRow.select().where(ExerciseRow.slug == slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def create_exercise(self, exercise: Exercise) -> Exercise:
        """Store a user's own exercise under a fresh id derived from its name."""
        check_name(exercise.name, "An exercise")
        with self.db.atomic():
            slug = self._free_slug("my-" + slugify(exercise.name))
            return self._insert_user_exercise(slug, exercise)

    def _insert_user_exercise(self, slug: str, exercise: Exercise) -> Exercise:
        """Store ``exercise`` as the user's own under ``slug`` (validated as it will be read back)."""
        data = exercise_to_dict(exercise)
        data.update(id=slug, builtin=False)
        stored = exercise_from_dict(data, "the new exercise")
        now = _now()
        ExerciseRow.create(
            slug=slug,
            name=stored.name,
            builtin=False,
            based_on=stored.based_on,
            data=json.dumps(data, ensure_ascii=False),
            created_at=now,
            updated_at=now,
        )
        return stored

    def duplicate_exercise(self, slug: str, name: str | None = None) -> Exercise:
        """A user's editable copy of any exercise (a built-in stays as the article has it)."""
        original = self.exercise(slug)
        data = exercise_to_dict(original)
        data.update(name=name or f"{original.name} (my version)", based_on=original.id)
        return self.create_exercise(exercise_from_dict(data, "the copy"))

    def update_exercise(self, exercise: Exercise) -> Exercise:
        row = ExerciseRow.get_or_none(ExerciseRow.slug == exercise.id)
        if row is None:
            raise NotFoundError(f"There is no exercise '{exercise.id}'.")
        if row.builtin:
            raise ValidationError(
                f"'{row.name}' is built in and stays as the article has it: duplicate it to edit it."
            )
        check_name(exercise.name, "An exercise")
        data = exercise_to_dict(exercise)
        data["builtin"] = False
        stored = exercise_from_dict(data, "the exercise")
        row.name, row.data, row.updated_at = (
            stored.name,
            json.dumps(data, ensure_ascii=False),
            _now(),
        )
        row.save()
        return stored

    def delete_exercise(self, slug: str) -> None:
        row = ExerciseRow.get_or_none(ExerciseRow.slug == slug)
        if row is None:
            raise NotFoundError(f"There is no exercise '{slug}'.")
        if row.builtin:
            raise ValidationError(f"'{row.name}' is built in and cannot be deleted.")
        used = (
            RoutineRow.select(RoutineRow.name)
            .join(RoutineItemRow)
            .where(RoutineItemRow.exercise == row)
            .distinct()
        )
        names = [r.name for r in used]
        if names:
            raise ValidationError(f"'{row.name}' is used in {', '.join(names)}: remove it there first.")
        row.delete_instance()

    # -- routines ----------------------------------------------------------------------------
    def routine_names(self) -> list[str]:
        query = RoutineRow.select(RoutineRow.name).order_by(RoutineRow.position, RoutineRow.id)
        return [r.name for r in query]

    def routines(self) -> list[Routine]:
        rows = list(RoutineRow.select().order_by(RoutineRow.position, RoutineRow.id))
        items: dict[int, list[RoutineItem]] = {row.id: [] for row in rows}
        query = (
            RoutineItemRow.select(RoutineItemRow, ExerciseRow.slug)
            .join(ExerciseRow)
            .order_by(RoutineItemRow.routine, RoutineItemRow.position)
        )
        for item in query:
            items[item.routine_id].append(self._item(item))
        return [
            Routine(id=row.id, name=row.name, notes=row.notes, items=tuple(items[row.id])) for row in rows
        ]

    def routine(self, name: str) -> Routine:
        row = RoutineRow.get_or_none(RoutineRow.name == name)
        if row is None:
            raise NotFoundError(f"There is no routine named '{name}'.")
        query = (
            RoutineItemRow.select(RoutineItemRow, ExerciseRow.slug)
            .join(ExerciseRow)
            .where(RoutineItemRow.routine == row)
            .order_by(RoutineItemRow.position)
        )
        return Routine(id=row.id, name=row.name, notes=row.notes, items=tuple(self._item(i) for i in query))

    @staticmethod
    def _item(row: RoutineItemRow) -> RoutineItem:
        return RoutineItem(
            exercise_id=row.exercise.slug,
            sets=row.sets,
            reps=row.reps,
            hold_s=row.hold_s,
            work_s=row.work_s,
            sides=ItemSides(row.sides),
            rest_s=row.rest_s,
            rest_after_s=row.rest_after_s,
            note=row.note,
            section=row.section,
            rep_mode=RepMode(row.rep_mode),
        )

    def free_routine_name(self, wanted: str) -> str:
        """``wanted``, or ``wanted (2)``, ``(3)``... whichever is not taken yet."""
        name, n = wanted, 2
        while RoutineRow.select().where(RoutineRow.name == name).exists():
            suffix = f" ({n})"
            name, n = wanted[: MAX_NAME - len(suffix)] + suffix, n + 1
        return name

    def save_routine(self, routine: Routine) -> Routine:
        """Create a routine, or replace the items of the one with this id, in one transaction."""
        name = check_name(routine.name)
        with self.db.atomic():
            stored = 0
            if routine.id is not None and len(routine.items) > MAX_ITEMS:  # kept before the limit was
                stored = RoutineItemRow.select().where(RoutineItemRow.routine == routine.id).count()
            _check_item_count(routine, stored)
            slugs = {i.exercise_id for i in routine.items}
            ids = {
                r.slug: r.id
                for r in ExerciseRow.select(ExerciseRow.id, ExerciseRow.slug).where(
                    ExerciseRow.slug.in_(slugs)
                )
            }
            missing = sorted(slugs - ids.keys())
            if missing:
                raise ValidationError(f"Unknown exercise id: {', '.join(missing)}.")
            now = _now()
            try:
                if routine.id is None:
                    position = RoutineRow.select(fn.COALESCE(fn.MAX(RoutineRow.position), 0)).scalar()
                    row = RoutineRow.create(
                        name=name,
                        notes=routine.notes,
                        position=position + 1,
                        created_at=now,
                        updated_at=now,
                    )
                else:
                    found = RoutineRow.get_or_none(RoutineRow.id == routine.id)
                    if found is None:
                        raise NotFoundError(f"The routine '{name}' no longer exists.")
                    row = found
                    row.name, row.notes, row.updated_at = name, routine.notes, now
                    row.save()
                    PlannedRoutineRow.update(routine_name=name).where(
                        PlannedRoutineRow.routine == row
                    ).execute()
            except IntegrityError:
                raise ValidationError(f"There is already a routine named '{name}'.") from None
            RoutineItemRow.delete().where(RoutineItemRow.routine == row).execute()
            params = [
                (
                    row.id,
                    pos,
                    ids[item.exercise_id],
                    item.section,
                    item.sets,
                    item.reps,
                    item.hold_s,
                    item.work_s,
                    item.sides.value,
                    item.rest_s,
                    item.rest_after_s,
                    item.rep_mode.value,
                    item.note,
                )  # fmt: skip
                for pos, item in enumerate(routine.items)
            ]
            try:
                # one prepared statement for all rows: the editor saves after every change
                self.db.cursor().executemany(_INSERT_ITEM, params)
            except (IntegrityError, sqlite3.IntegrityError) as exc:
                raise ValidationError(f"A value in '{name}' is out of range ({exc}).") from None
        return Routine(id=row.id, name=name, notes=routine.notes, items=routine.items)

    def rename_routine(self, routine_id: int, name: str) -> None:
        name = check_name(name)
        with self.db.atomic():
            try:
                changed = (
                    RoutineRow.update(name=name, updated_at=_now())
                    .where(RoutineRow.id == routine_id)
                    .execute()
                )
            except IntegrityError:
                raise ValidationError(f"There is already a routine named '{name}'.") from None
            if not changed:
                raise NotFoundError("That routine no longer exists.")
            PlannedRoutineRow.update(routine_name=name).where(
                PlannedRoutineRow.routine == routine_id
            ).execute()

    def import_routine(self, routine: Routine, carried: Sequence[Exercise]) -> Routine:
        """Add a routine from a file, with the user-made exercises it carries: whole, or not at all.

        A carried exercise that is already here unchanged is reused; one whose id is taken by
        something else gets a new id. The routine gets a free name; nothing is overwritten.
        """
        with self.db.atomic():
            remap: dict[str, str] = {}
            taken = _FreeSlugs(row.slug for row in ExerciseRow.select(ExerciseRow.slug))
            for ex in carried:
                row = ExerciseRow.get_or_none(ExerciseRow.slug == ex.id)
                if row is not None and not row.builtin:
                    existing = self._exercise(row)
                    if exercise_to_dict(existing) == exercise_to_dict(replace(ex, builtin=False)):
                        continue
                slug = (
                    ex.id
                    if row is None and ex.id.startswith("my-")
                    else self._free_slug("my-" + slugify(ex.name), taken)
                )
                taken.used.add(slug)
                self._insert_user_exercise(slug, ex)
                remap[ex.id] = slug
            items = tuple(
                replace(i, exercise_id=remap.get(i.exercise_id, i.exercise_id)) for i in routine.items
            )
            name = self.free_routine_name(check_name(routine.name))
            return self.save_routine(Routine(name=name, notes=routine.notes, items=items))

    def delete_routine(self, routine_id: int) -> None:
        """Delete a routine; the week plan keeps a marked entry, the history keeps its sessions."""
        RoutineRow.delete().where(RoutineRow.id == routine_id).execute()

    # -- the week ----------------------------------------------------------------------------
    def week_plan(self) -> WeekPlan:
        from hipdesk.domain.day_order import time_order

        runs = {row.weekday: RunKind(row.run) for row in WeekDayRow.select()}
        planned: dict[int, list[PlannedRoutine]] = {d: [] for d in range(7)}
        query = PlannedRoutineRow.select().order_by(
            PlannedRoutineRow.weekday, PlannedRoutineRow.position, PlannedRoutineRow.id
        )
        for row in query:
            time = dt.time.fromisoformat(row.time) if row.time else None
            planned[row.weekday_id].append(
                PlannedRoutine(routine_name=row.routine_name, time=time, routine_id=row.routine_id)
            )
        return WeekPlan(
            days=tuple(
                PlannedDay(
                    weekday=d,
                    run=runs.get(d, RunKind.NONE),
                    routines=tuple(sorted(planned[d], key=time_order)),  # in time order, older files too
                )
                for d in range(7)
            )
        )

    def save_week_plan(self, plan: WeekPlan) -> None:
        with self.db.atomic():
            PlannedRoutineRow.delete().execute()
            for day in plan.days:
                WeekDayRow.replace(weekday=day.weekday, run=day.run.value).execute()
                for pos, planned in enumerate(day.routines):
                    PlannedRoutineRow.create(
                        weekday=day.weekday,
                        routine=planned.routine_id,
                        routine_name=planned.routine_name,
                        time=planned.time.strftime("%H:%M") if planned.time else None,
                        position=pos,
                    )

    # -- sessions ----------------------------------------------------------------------------
    @_session_write("The session could not be started")
    def start_session(
        self, routine: Routine, started_at: dt.datetime | None = None, *, preview: bool = False
    ) -> int:
        """A new running session; a preview is marked so that it counts toward nothing."""
        from hipdesk.db.history_queries import PREVIEW_MARK

        _check_item_count(routine)  # a session HipDesk could not resume never starts
        plan = routine_to_dict(routine)
        if preview:
            plan[PREVIEW_MARK] = True
        row = SessionRow.create(
            routine=routine.id,
            routine_name=routine.name,
            plan=json.dumps(plan, ensure_ascii=False),
            started_at=_to_utc(started_at) or _now(),
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
            SetRecordRow.started_at: _to_utc(record.started_at),
            SetRecordRow.ended_at: _to_utc(record.ended_at),
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
            ended_at=_to_utc(ended_at) or _now(),
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
        from hipdesk.db.history_queries import PREVIEW_MARK

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
        from hipdesk.db import history_queries

        return history_queries.listed_sessions(self.db)

    def session_records(self) -> Iterator[SessionRecord]:
        """Every readable session, newest first, with its sets, streamed one session at a time."""
        from hipdesk.db import history_queries

        return history_queries.session_records(self.db)

    # -- first run ---------------------------------------------------------------------------
    def seed_starter_content(self, routines: Iterable[Routine], plan: WeekPlan) -> bool:
        """Add the starter routines and week once, on a new database; never again after that."""
        if self.meta(META_STARTER) is not None:
            return False
        with self.db.atomic():
            ids = {}
            for routine in routines:
                saved = self.save_routine(routine)
                ids[saved.name] = saved.id
            days = tuple(
                PlannedDay(
                    weekday=day.weekday,
                    run=day.run,
                    routines=tuple(
                        PlannedRoutine(p.routine_name, p.time, ids.get(p.routine_name)) for p in day.routines
                    ),
                )
                for day in plan.days
            )
            self.save_week_plan(WeekPlan(days=days))
            self.set_meta(META_STARTER, _now().isoformat())
        return True

    # -- history (queries in db/history_queries.py: plain rows, never every set as an object) ----
    def history_ids(
        self, routine_name: str | None = None, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[int]:
        """Ids of the sessions that are over, newest first; ``start``/``end`` are local days."""
        from hipdesk.db import history_queries

        return history_queries.session_ids(self.db, routine_name, start, end)

    def history_summaries(self, ids: Sequence[int]) -> list[Any]:
        """SessionSummary rows (domain.history) for these ids, in that order."""
        from hipdesk.db import history_queries

        return history_queries.summaries(self.db, ids)

    def history_routine_names(self) -> list[str]:
        from hipdesk.db import history_queries

        return history_queries.routine_names(self.db)

    def day_totals(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, Any]:
        """DayTotal (domain.history) per local day with finished or partial sessions."""
        from hipdesk.db import history_queries

        return history_queries.day_totals(self.db, start, end)

    def session_sets(self, session_id: int) -> list[Any]:
        """SetLine rows (domain.history) of one session, with the exercises' names."""
        from hipdesk.db import history_queries

        return history_queries.session_sets(self.db, session_id)

    def set_session_notes(self, session_id: int, notes: str) -> None:
        from hipdesk.db import history_queries

        history_queries.set_notes(self.db, session_id, notes)

    def delete_session(self, session_id: int) -> dict[str, Any]:
        """Delete a session with its sets; returns what restore_session needs to put it back."""
        from hipdesk.db import history_queries

        return history_queries.delete_session(self.db, session_id)

    def restore_session(self, snapshot: dict[str, Any]) -> int:
        """Put back a deleted session (see delete_session); returns its id."""
        from hipdesk.db import history_queries

        return history_queries.restore_session(self.db, snapshot)

    def history_exercises(self) -> list[tuple[str, str]]:
        """(id, name) of the exercises with recorded sets."""
        from hipdesk.db import history_queries

        return history_queries.history_exercises(self.db)

    def exercise_progress(
        self, exercise_id: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[Any]:
        """ProgressPoint (domain.history) per day and side: best reps, or seconds for holds."""
        from hipdesk.db import history_queries

        return history_queries.exercise_progress(self.db, exercise_id, start, end)

    def discomfort_by_day(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Any]:
        from hipdesk.db import history_queries

        return history_queries.discomfort(self.db, start, end)

    def recent_exercise_sessions(self, sessions: int = 200) -> list[Any]:
        """ExerciseSession (domain.history) rows over the latest sessions, for progression hints."""
        from hipdesk.db import history_queries

        return history_queries.recent_exercise_sessions(self.db, sessions)

    def export_rows(self) -> Iterable[Any]:
        """Every set record with its session (ExportRow), streamed from the database."""
        from hipdesk.db import history_queries

        return history_queries.export_rows(self.db)

    def bad_dates(self) -> list[str]:
        """Sessions and sets left out of the history because a time in them cannot be right."""
        return bad_dates(self.db)

    def history_count(self) -> int:
        """How many sessions are over (finished or partial)."""
        from hipdesk.db import history_queries

        return history_queries.session_count(self.db)

    def plan_start_day(self) -> dt.date | None:
        """The local day the plan began: the starter week was laid out, or the first routine made."""
        stamps = []
        seeded = self.meta(META_STARTER)
        if seeded:
            stamps.append(dt.datetime.fromisoformat(seeded))
        made = RoutineRow.select(fn.MIN(RoutineRow.created_at)).scalar()
        if made:
            stamps.append(made if isinstance(made, dt.datetime) else dt.datetime.fromisoformat(str(made)))
        if not stamps:
            return None
        return min(s.replace(tzinfo=dt.UTC).astimezone().date() for s in stamps)

    def first_history_day(self) -> dt.date | None:
        """The local day of the first session that is over, None before any."""
        from hipdesk.db import history_queries

        return history_queries.first_day(self.db)
