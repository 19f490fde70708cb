"""The routines: their items in order, saved whole in one transaction, and routines from files."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from peewee import IntegrityError, SqliteDatabase, fn

from hipdesk.db.base import NotFoundError, check_item_count, check_name, utc_now
from hipdesk.db.exercises import FreeSlugs, exercise_from_row, free_slug, insert_user_exercise, slugify
from hipdesk.db.models import ExerciseRow, PlannedRoutineRow, RoutineItemRow, RoutineRow
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise, ItemSides, RepMode, Routine, RoutineItem
from hipdesk.domain.serialize import MAX_ITEMS, MAX_NAME, exercise_to_dict

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


class RoutineStore:
    """The routines' part of ``Repo``."""

    db: SqliteDatabase

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
            check_item_count(routine, stored)
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
            now = utc_now()
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
                    RoutineRow.update(name=name, updated_at=utc_now())
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
            taken = FreeSlugs(row.slug for row in ExerciseRow.select(ExerciseRow.slug))
            for ex in carried:
                row = ExerciseRow.get_or_none(ExerciseRow.slug == ex.id)
                if row is not None and not row.builtin:
                    existing = exercise_from_row(row)
                    if exercise_to_dict(existing) == exercise_to_dict(replace(ex, builtin=False)):
                        continue
                slug = (
                    ex.id
                    if row is None and ex.id.startswith("my-")
                    else free_slug("my-" + slugify(ex.name), taken)
                )
                taken.used.add(slug)
                insert_user_exercise(slug, ex)
                remap[ex.id] = slug
            items = tuple(
                replace(i, exercise_id=remap.get(i.exercise_id, i.exercise_id)) for i in routine.items
            )
            name = self.free_routine_name(check_name(routine.name))
            return self.save_routine(Routine(name=name, notes=routine.notes, items=items))

    def delete_routine(self, routine_id: int) -> None:
        """Delete a routine; the week plan keeps a marked entry, the history keeps its sessions."""
        RoutineRow.delete().where(RoutineRow.id == routine_id).execute()
