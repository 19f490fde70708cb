"""The exercises: the built-ins kept in line with the shipped files, and the user's own."""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from peewee import SqliteDatabase, chunked, fn

from hipdesk.db.base import NotFoundError, check_name, utc_now
from hipdesk.db.models import ExerciseRow, RoutineItemRow, RoutineRow
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise
from hipdesk.domain.serialize import exercise_from_dict, exercise_to_dict

logger = logging.getLogger(__name__)

META_CATALOGUE = "catalogue_fingerprint"
INSERT_BATCH = 100  # rows in one INSERT: well inside SQLite's limit on bound values


class FreeSlugs:
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


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "exercise"


def exercise_from_data(slug: str, data: str) -> Exercise:
    return exercise_from_dict(json.loads(data), f"exercise {slug} in the database")


def _slugs_and_data(query: Any) -> Iterable[tuple[str, str]]:
    """The slug and stored JSON of each row ``query`` selects, as SQLite gives them (no row
    objects and no field conversion of text that is text already: lists are long)."""
    sql, params = query.sql()
    return cast("Iterable[tuple[str, str]]", query.model._meta.database.execute_sql(sql, params))


def exercise_from_row(row: ExerciseRow) -> Exercise:
    return exercise_from_data(row.slug, row.data)


def free_slug(base: str, taken: FreeSlugs | None = None) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free (``taken``: many at once, linearly)."""
    if taken is not None:
        return taken.claim(base)
    db, taken_sql = ExerciseRow._meta.database, f"SELECT 1 FROM {ExerciseRow._meta.table_name} WHERE slug = ?"
    slug, n = base, 2
    while db.execute_sql(taken_sql, (slug,)).fetchone() is not None:  # the query as text: made often
        slug, n = f"{base}-{n}", n + 1
    return slug


def user_exercise_row(slug: str, exercise: Exercise) -> tuple[dict[str, Any], Exercise]:
    """The row that stores ``exercise`` as the user's own under ``slug``, and the exercise as it
    will be read back (validated so)."""
    data = exercise_to_dict(exercise)
    data.update(id=slug, builtin=False)
    stored = exercise_from_dict(data, "the new exercise")
    now = utc_now()
    row = {
        "slug": slug,
        "name": stored.name,
        "builtin": False,
        "based_on": stored.based_on,
        "data": json.dumps(data, ensure_ascii=False),
        "created_at": now,
        "updated_at": now,
    }
    return row, stored


@functools.cache
def _insert_sql(columns: tuple[str, ...]) -> str:
    """The INSERT of an exercise row with ``columns``, made once: it runs for every new exercise."""
    fields = ExerciseRow._meta.fields
    names = ", ".join(f'"{fields[c].column_name}"' for c in columns)
    return f'INSERT INTO "{ExerciseRow._meta.table_name}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def insert_user_exercise(slug: str, exercise: Exercise) -> Exercise:
    """Store ``exercise`` as the user's own under ``slug`` (validated as it will be read back).

    The statement is written once and the values converted by each field, as a model's save
    would, without building the query again for every exercise."""
    row, stored = user_exercise_row(slug, exercise)
    fields = ExerciseRow._meta.fields
    values = {"sort_order": fields["sort_order"].default, "retired": fields["retired"].default, **row}
    columns = tuple(values)
    ExerciseRow._meta.database.execute_sql(
        _insert_sql(columns), [fields[c].db_value(values[c]) for c in columns]
    )
    return stored


class ExerciseStore:
    """The exercises' part of ``Repo``."""

    db: SqliteDatabase
    meta: Callable[[str], str | None]  # Repo's, in repo.py
    set_meta: Callable[[str, str], None]
    # The exercises last read, by their stored JSON: a row read again unchanged is not parsed and
    # validated again (Exercise is immutable). Keyed by the text itself, so an edit is never missed.
    _read: dict[str, Exercise]

    def exercises(self, include_retired: bool = False) -> list[Exercise]:
        """Built-ins in the article's order, then the user's own by name."""
        query = ExerciseRow.select(ExerciseRow.slug, ExerciseRow.data).order_by(
            ExerciseRow.builtin.desc(), ExerciseRow.sort_order, fn.lower(ExerciseRow.name)
        )
        if not include_retired:
            query = query.where(ExerciseRow.retired == False)  # noqa: E712
        known = getattr(self, "_read", {})
        read: dict[str, Exercise] = {}
        exercises = []
        for slug, data in _slugs_and_data(query):
            exercise = known.get(data)
            if exercise is None:
                exercise = exercise_from_data(slug, data)
            read[data] = exercise
            exercises.append(exercise)
        self._read = read  # only what the database holds now: deleted rows are let go
        return exercises

    def exercises_in_routines(self) -> dict[str, Exercise]:
        """The exercises some routine uses (retired ones too), by id: all a routine's figures need."""
        used = RoutineItemRow.select(RoutineItemRow.exercise)
        query = ExerciseRow.select(ExerciseRow.slug, ExerciseRow.data).where(ExerciseRow.id.in_(used))
        return {slug: exercise_from_data(slug, data) for slug, data in _slugs_and_data(query)}

    def exercise(self, slug: str) -> Exercise:
        row = ExerciseRow.get_or_none(ExerciseRow.slug == slug)
        if row is None:
            raise NotFoundError(f"There is no exercise '{slug}'.")
        return exercise_from_row(row)

    def sync_catalogue(self, exercises: Sequence[Exercise], fingerprint: str) -> bool:
        """Bring the built-ins in line with the shipped files. Users' own exercises are untouched.

        Returns False (and does nothing) when the files have not changed since the last sync.
        """
        if self.meta(META_CATALOGUE) == fingerprint:
            return False
        now = utc_now()
        shipped = {ex.id for ex in exercises}
        with self.db.atomic():
            for order, ex in enumerate(exercises, 1):
                row = ExerciseRow.get_or_none(ExerciseRow.slug == ex.id)
                data = json.dumps(exercise_to_dict(ex), ensure_ascii=False)
                if row is not None and not row.builtin:
                    # A user's exercise already holds this id: move it aside, never overwrite it.
                    new_slug = free_slug("my-" + ex.id)
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

    def create_exercise(self, exercise: Exercise) -> Exercise:
        """Store a user's own exercise under a fresh id derived from its name."""
        check_name(exercise.name, "An exercise")
        with self.db.atomic():
            slug = free_slug("my-" + slugify(exercise.name))
            return insert_user_exercise(slug, exercise)

    def create_exercises(self, exercises: Iterable[Exercise]) -> list[Exercise]:
        """Store many of the user's own exercises in one transaction, with the ids one
        ``create_exercise`` each would give them: all are stored, or (one refused) none."""
        with self.db.atomic():
            taken = FreeSlugs(row.slug for row in ExerciseRow.select(ExerciseRow.slug))
            rows, stored = [], []
            for exercise in exercises:
                check_name(exercise.name, "An exercise")
                row, saved = user_exercise_row(taken.claim("my-" + slugify(exercise.name)), exercise)
                rows.append(row)
                stored.append(saved)
            for batch in chunked(rows, INSERT_BATCH):
                ExerciseRow.insert_many(batch).execute()
        return stored

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
            utc_now(),
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
