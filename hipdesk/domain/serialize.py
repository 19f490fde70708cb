"""Exercises, routines and week plans to and from plain dicts, validated field by field.

The same dict shapes serve the database's JSON column, the command line's ``--json`` output, the
built-in exercise files and the routine files users share, so each is checked by one set of rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import (
    REP_S_BOUNDS,
    Dosage,
    Equipment,
    Exercise,
    ItemSides,
    Kind,
    Muscle,
    Position,
    Range,
    RepMode,
    Routine,
    RoutineItem,
    Side,
    Sidedness,
    SideWords,
    SourceInfo,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TEXT = 2_000  # one step, cue or note
MAX_NAME = 120
MAX_LIST = 40
# Items in one routine: the same limit for the editor, routine files, the database and the plan a
# session keeps for resuming, so that whatever HipDesk stores it can export, import and resume.
MAX_ITEMS = 500
_E = TypeVar("_E")

# Bounds a routine item must respect, shared by the editor, imports and the database.
ITEM_BOUNDS = {
    "sets": (1, 20),
    "reps": (1, 200),
    "hold_s": (1, 600),
    "work_s": (1, 3600),
    "rest_s": (0, 900),
    "rest_after_s": (0, 1800),
}


_PATHS: dict[str, tuple[str, ...]] = {}


def _path(key: str) -> tuple[str, ...]:
    """``"dosage.sets"`` as its parts, split once (a list of thousands of exercises reads each)."""
    parts = _PATHS.get(key)
    if parts is None:
        parts = _PATHS[key] = tuple(key.split("."))
    return parts


def _member(enum: Callable[[str], _E], value: str) -> _E:
    """``enum(value)``, by the enum's own table of values where it has one (an Enum's call is
    slow, and a list of thousands of exercises makes tens of thousands); anything else, or a value
    not in the table, goes through the call itself, so its errors and look-ups stay its own."""
    table = getattr(enum, "_value2member_map_", None)
    if table is not None:
        found = table.get(value)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return enum(value)


class FieldReader:
    """Typed, bounded access to a dict read from outside, failing with the field's name."""

    def __init__(self, data: Any, context: str, error: Callable[[str, str], Exception] | None = None):
        if not isinstance(data, dict):
            raise ValidationError(f"{context}: expected an object")
        self.data = data
        self.context = context
        self._error = error

    def fail(self, field: str, problem: str) -> Exception:
        if self._error is not None:
            return self._error(field, problem)
        return ValidationError(f"{self.context}: field '{field}': {problem}")

    def _get(self, key: str, required: bool) -> Any:
        if "." not in key:  # most fields: one look-up (a list of thousands of exercises reads each)
            value = self.data.get(key)
            if value is None and required:
                raise self.fail(key, "missing")
            return value
        node: Any = self.data
        for part in _path(key):
            if not isinstance(node, dict) or node.get(part) is None:
                if required:
                    raise self.fail(key, "missing")
                return None
            node = node[part]
        return node

    def text(self, key: str, required: bool = True, limit: int = MAX_TEXT, empty: bool = False) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(key, "must be text")
        stripped = value.strip()
        if not stripped and not (empty or not required):
            raise self.fail(key, "must not be empty")
        if len(value) > limit:
            raise self.fail(key, f"is longer than {limit} characters")
        return stripped

    def texts(self, key: str, required: bool = False, minimum: int = 0) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of non-empty texts")
        stripped, too_long = [], len(value) > MAX_LIST
        for v in value:  # one pass: a list of thousands of exercises reads each
            if not isinstance(v, str) or not (text := v.strip()):
                raise self.fail(key, "must be a list of non-empty texts")
            stripped.append(text)
            if len(v) > MAX_TEXT:
                too_long = True
        if len(value) < minimum:
            raise self.fail(key, f"needs at least {minimum} entries")
        if too_long:
            raise self.fail(key, "is too long")
        return tuple(stripped)

    def integer(self, key: str, default: int | None, low: int, high: int) -> int | None:
        value = self._get(key, False)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be a whole number from {low} to {high}")
        return value

    def required_integer(self, key: str, low: int, high: int) -> int:
        value = self.integer(key, None, low, high)
        if value is None:
            raise self.fail(key, "missing")
        return value

    def number(self, key: str, low: float, high: float) -> float | None:
        """A number (whole or not) from ``low`` to ``high``, or None where it is absent."""
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self.fail(key, f"must be a number from {low:g} to {high:g}")
        return float(value)

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def range(self, key: str, high: int = 3600) -> Range | None:
        value = self._get(key, False)
        if value is None:
            return None
        ok = isinstance(value, list) and len(value) == 2
        if ok:
            low, top = value
            ok = (
                isinstance(low, int)
                and isinstance(top, int)
                and not isinstance(low, bool)
                and not isinstance(top, bool)
                and 0 < low <= top <= high
            )
        if not ok:
            raise self.fail(key, f"must be [min, max] with 0 < min <= max <= {high}")
        return Range(value[0], value[1])

    def choice(self, key: str, enum: Callable[[str], _E], default: _E | None = None) -> _E:
        if default is not None and self._get(key, False) is None:
            return default
        value = self.text(key)
        try:
            return _member(enum, value)
        except ValueError:
            raise self.fail(key, f"unknown value {value!r}") from None

    def choices(self, key: str, enum: Callable[[str], _E], required: bool = False) -> tuple[_E, ...]:
        values = self.texts(key, required=required, minimum=1 if required else 0)
        try:
            return tuple(_member(enum, v) for v in values)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None


def _range(r: Range | None) -> list[int] | None:
    return None if r is None else r.as_list()


def exercise_to_dict(ex: Exercise) -> dict[str, Any]:
    # the members' own ``_value_``: ``.value`` is a descriptor call, and a list of thousands of
    # exercises makes tens of thousands
    source = ex.source
    return {
        "id": ex.id,
        "name": ex.name,
        "aliases": list(ex.aliases),
        "kind": ex.kind._value_,
        "position": ex.position._value_,
        "muscles": {
            "primary": [m._value_ for m in ex.primary_muscles],
            "secondary": [m._value_ for m in ex.secondary_muscles],
        },
        "equipment": [e._value_ for e in ex.equipment],
        "sidedness": ex.sidedness._value_,
        "dosage": {
            "sets": _range(ex.dosage.sets),
            "reps": _range(ex.dosage.reps),
            "hold_s": _range(ex.dosage.hold_s),
            "work_s": _range(ex.dosage.work_s),
            "rest_s": ex.dosage.rest_s,
        },
        "frequency_per_week": _range(ex.frequency_per_week),
        "summary": ex.summary,
        "steps": list(ex.steps),
        "cues": list(ex.cues),
        "safety": list(ex.safety),
        "progressions": list(ex.progressions),
        "source": None
        if source is None
        else {
            "title": source.title,
            "heading": source.heading,
            "excerpt": source.excerpt,
            "notes": list(source.notes),
        },
        "builtin": ex.builtin,
        "based_on": ex.based_on,
        "sides": None
        if ex.side_words is None
        else {"left": ex.side_words.left, "first": ex.side_words.first.value},
        "pace": None if ex.rep_s is None else {"rep_s": ex.rep_s},
    }


def _side_words(r: FieldReader, sidedness: Sidedness) -> SideWords | None:
    """``[sides]``: what "left side" means for a one-sided exercise, and the side its steps start with
    (a bilateral exercise has none: words left from when it was one-sided are dropped)."""
    if r._get("sides", False) is None or sidedness is Sidedness.BILATERAL:
        return None
    left = r.text("sides.left", limit=MAX_NAME * 2)
    if not re.search(r"\bleft\b", left, re.IGNORECASE):
        raise r.fail("sides.left", "must say what the left side does, naming the left limb")
    first = r.choice("sides.first", Side, Side.LEFT)
    if first is Side.BOTH:
        raise r.fail("sides.first", "must be 'left' or 'right'")
    return SideWords(left=left, first=first)


def exercise_from_dict(
    data: Any, context: str, error: Callable[[str, str], Exception] | None = None
) -> Exercise:
    """Validate and build an exercise; raises ValidationError (or ``error``) naming the field."""
    r = FieldReader(data, context, error)
    ex_id = r.text("id", limit=80)
    if not SLUG.match(ex_id):
        raise r.fail("id", "use lowercase letters, digits and '-'")
    dosage = Dosage(
        sets=r.range("dosage.sets", high=ITEM_BOUNDS["sets"][1]),
        reps=r.range("dosage.reps", high=ITEM_BOUNDS["reps"][1]),
        hold_s=r.range("dosage.hold_s", high=ITEM_BOUNDS["hold_s"][1]),
        work_s=r.range("dosage.work_s", high=ITEM_BOUNDS["work_s"][1]),
        rest_s=r.integer("dosage.rest_s", 30, 0, ITEM_BOUNDS["rest_s"][1]) or 0,
    )
    if dosage.reps is None and dosage.hold_s is None and dosage.work_s is None:
        raise r.fail("dosage", "needs reps, hold_s or work_s")
    source = None
    if r._get("source", False) is not None:
        source = SourceInfo(
            title=r.text("source.title", limit=MAX_NAME * 2),
            heading=r.text("source.heading", required=False, limit=MAX_NAME) or None,
            excerpt=r.text("source.excerpt", required=False, limit=20_000),
            notes=r.texts("source.notes"),
        )
    based_on = r.text("based_on", required=False, limit=80) or None
    sidedness = r.choice("sidedness", Sidedness)
    return Exercise(
        id=ex_id,
        name=r.text("name", limit=MAX_NAME),
        aliases=r.texts("aliases"),
        kind=r.choice("kind", Kind),
        position=r.choice("position", Position),
        sidedness=sidedness,
        equipment=r.choices("equipment", Equipment),
        summary=r.text("summary", required=False),
        steps=r.texts("steps", required=True, minimum=1),
        cues=r.texts("cues"),
        safety=r.texts("safety"),
        progressions=r.texts("progressions"),
        frequency_per_week=r.range("frequency_per_week", high=14),
        primary_muscles=r.choices("muscles.primary", Muscle, required=True),
        secondary_muscles=r.choices("muscles.secondary", Muscle),
        dosage=dosage,
        source=source,
        builtin=r.boolean("builtin", False),
        based_on=based_on,
        side_words=_side_words(r, sidedness),
        rep_s=r.number("pace.rep_s", *REP_S_BOUNDS),
    )


def item_to_dict(item: RoutineItem) -> dict[str, Any]:
    return {
        "exercise_id": item.exercise_id,
        "sets": item.sets,
        "reps": item.reps,
        "hold_s": item.hold_s,
        "work_s": item.work_s,
        "sides": item.sides.value,
        "rest_s": item.rest_s,
        "rest_after_s": item.rest_after_s,
        "rep_mode": item.rep_mode.value,
        "note": item.note,
        "section": item.section,
    }


def item_from_dict(data: Any, context: str) -> RoutineItem:
    r = FieldReader(data, context)
    ex_id = r.text("exercise_id", limit=80)
    if not SLUG.match(ex_id):
        raise r.fail("exercise_id", "is not an exercise id")

    def bounded(key: str, default: int | None) -> int | None:
        low, high = ITEM_BOUNDS[key]
        return r.integer(key, default, low, high)

    item = RoutineItem(
        exercise_id=ex_id,
        sets=bounded("sets", 1) or 1,
        reps=bounded("reps", None),
        hold_s=bounded("hold_s", None),
        work_s=bounded("work_s", None),
        sides=r.choice("sides", ItemSides, ItemSides.BOTH),
        rest_s=bounded("rest_s", 30) or 0,
        rest_after_s=bounded("rest_after_s", 30) or 0,
        rep_mode=r.choice("rep_mode", RepMode, RepMode.PACED),
        note=r.text("note", required=False, empty=True),
        section=r.text("section", required=False, limit=MAX_NAME, empty=True),
    )
    if item.reps is None and item.hold_s is None and item.work_s is None:
        raise r.fail("reps", "an item needs reps, hold_s or work_s")
    return item


def routine_to_dict(routine: Routine) -> dict[str, Any]:
    return {
        "name": routine.name,
        "notes": routine.notes,
        "items": [item_to_dict(i) for i in routine.items],
    }


def too_many_items(count: int) -> str | None:
    """Why a routine of ``count`` items cannot be kept, in one sentence; None when it can."""
    if count <= MAX_ITEMS:
        return None
    return f"A routine can have at most {MAX_ITEMS} exercises (this one would have {count})."


def routine_from_dict(data: Any, context: str, max_items: int = MAX_ITEMS) -> Routine:
    r = FieldReader(data, context)
    items_data = r._get("items", False) or []
    if not isinstance(items_data, list):
        raise r.fail("items", "must be a list")
    if len(items_data) > max_items:
        raise r.fail("items", f"has more than {max_items} entries")
    items = tuple(item_from_dict(d, f"{context}, item {n}") for n, d in enumerate(items_data, 1))
    return Routine(
        name=r.text("name", limit=MAX_NAME),
        notes=r.text("notes", required=False, empty=True),
        items=items,
    )


def parse_time(text: str) -> dt.time:
    """``"07:30"`` -> time(7, 30); anything else (``"25:99"``) raises ValidationError."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(f"'{text}' is not a time of day: use HH:MM, from 00:00 to 23:59")
    return dt.time(int(match[1]), int(match[2]))
