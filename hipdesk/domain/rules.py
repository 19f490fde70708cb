"""Pure rules: dosage in plain words, routine defaults, duration estimates, equipment lists."""

from __future__ import annotations

from collections.abc import Mapping

from hipdesk.domain.model import (
    Dosage,
    Equipment,
    Exercise,
    ItemSides,
    Range,
    Routine,
    RoutineItem,
    Side,
    Sidedness,
)
from hipdesk.domain.pace import Pace, rep_seconds

_SIDE_WORDS = {
    Sidedness.BILATERAL: "",
    Sidedness.EACH_SIDE: "each side",
    Sidedness.ALTERNATING: "alternating sides",
}


def plural(count: float, word: str, words: str | None = None) -> str:
    """``1 set``, ``2 sets``, ``0 sets``, ``1.5 reps``; ``words`` where adding an s is not the plural."""
    many = words if words is not None else f"{word}s"
    return f"{count:g} {word if count == 1 else many}"


def about_seconds(seconds: float, step: int = 1) -> str:
    """A length to ``step`` seconds, never "about 0 s": a length under one step reads "under 5 s"."""
    rounded = round(seconds / step) * step
    if rounded <= 0:
        return f"under {seconds_text(max(step, 1))}" if seconds > 0 else "no time"
    return f"about {seconds_text(rounded)}"


def seconds_text(seconds: int) -> str:
    """``45`` -> ``45 s``; ``120`` -> ``2 min``; ``90`` -> ``1 min 30 s``."""
    minutes, rest = divmod(int(seconds), 60)
    if minutes == 0:
        return f"{rest} s"
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def _range_seconds(r: Range) -> str:
    if r.low == r.high:
        return seconds_text(r.low)
    if r.low % 60 == 0 and r.high % 60 == 0:
        return f"{r.low // 60}–{r.high // 60} min"
    if r.high >= 60:
        return f"{seconds_text(r.low)} to {seconds_text(r.high)}"
    return f"{r.low}–{r.high} s"


def dosage_text(dosage: Dosage, sidedness: Sidedness) -> str:
    """The dosage in plain words, e.g. ``2–3 sets × 10–15 reps, each side``."""
    parts: list[str] = []
    if dosage.sets is not None:
        parts.append(f"{dosage.sets.text()} {'set' if dosage.sets.high == 1 else 'sets'}")
    if dosage.reps is not None:
        work = f"{dosage.reps.text()} {'rep' if dosage.reps.high == 1 else 'reps'}"
        if dosage.hold_s is not None:
            work += f", holding {_range_seconds(dosage.hold_s)} each"
    elif dosage.hold_s is not None:
        work = f"hold {_range_seconds(dosage.hold_s)}"
    elif dosage.work_s is not None:
        work = f"{_range_seconds(dosage.work_s)} of work"
    else:
        work = ""
    if work:
        parts.append(work)
    text = " × ".join(parts)
    side = _SIDE_WORDS[sidedness]
    return f"{text}, {side}" if side else text


def side_words(exercise: Exercise | None, side: Side) -> str:
    """What the side being worked means, in words, for the line under "Set 2 of 3 · left side":
    "stand on your left leg, the right one lifted". Alternating work says which side starts. Empty
    where the exercise has no such words (a bilateral one, or one of the user's own)."""
    if exercise is None or exercise.side_words is None:
        return ""
    if side is Side.BOTH:
        if exercise.sidedness is not Sidedness.ALTERNATING:
            return ""
        first = exercise.side_words.first
        return f"{first.value.capitalize()} side first: {exercise.side_words.words(first)}"
    words = exercise.side_words.words(side)
    return words[:1].upper() + words[1:]


def default_item(exercise: Exercise, section: str = "") -> RoutineItem:
    """A routine item with the low end of the article's ranges: a safe place to start."""
    d = exercise.dosage
    reps = d.reps.low if d.reps else None
    hold = d.hold_s.low if d.hold_s else None
    work = d.work_s.low if d.work_s else None
    return RoutineItem(
        exercise_id=exercise.id,
        sets=d.sets.low if d.sets else 1,
        reps=reps,
        hold_s=hold,
        work_s=work,
        sides=ItemSides.default_for(exercise.sidedness),
        rest_s=d.rest_s,
        rest_after_s=30,
        section=section,
    )


def side_count(item: RoutineItem) -> int:
    """How many times a set's work is done: twice for each side, and for alternating reps (reps are
    counted per side); alternating timed work is one stretch of time, left and right taking turns."""
    if item.sides is ItemSides.EACH:
        return 2
    return 2 if item.sides is ItemSides.ALTERNATING and item.reps is not None else 1


def set_seconds(item: RoutineItem, pace: Pace) -> float:
    """The working time of one set on one side."""
    if item.reps is not None:
        return item.reps * rep_seconds(item, pace)
    if item.hold_s is not None:
        return float(item.hold_s)
    return float(item.work_s or 0)


def item_seconds(item: RoutineItem, pace: Pace) -> float:
    """Working time, rests between sets and side switches of one item, without rest after it."""
    work = set_seconds(item, pace) * side_count(item) * item.sets
    switches = pace.switch_s * item.sets if item.sides is ItemSides.EACH else 0
    rests = item.rest_s * max(item.sets - 1, 0)
    return pace.lead_in_s + work + switches + rests


def estimate_seconds(routine: Routine, pace: Pace) -> int:
    """The estimated length of a routine at ``pace``, rests between exercises included: the time its
    guided session takes at that pace when nothing is paused, skipped or extended."""
    total = 0.0
    for index, item in enumerate(routine.items):
        total += item_seconds(item, pace)
        if index < len(routine.items) - 1:
            total += item.rest_after_s
    return round(total)


def equipment_for(routine: Routine, exercises: Mapping[str, Exercise]) -> list[Equipment]:
    """The equipment a routine needs, in a stable order, each once."""
    needed: set[Equipment] = set()
    for item in routine.items:
        exercise = exercises.get(item.exercise_id)
        if exercise is not None:
            needed.update(exercise.equipment)
    return [e for e in Equipment if e in needed]


def item_text(item: RoutineItem) -> str:
    """A routine item in plain words: ``2 sets × 12 reps, holding 2 s · each side``."""
    if item.reps is not None:
        work = f"{item.reps} {'rep' if item.reps == 1 else 'reps'}"
        if item.hold_s:
            work += f", holding {seconds_text(item.hold_s)}"
    elif item.hold_s is not None:
        work = f"hold {seconds_text(item.hold_s)}"
    else:
        work = f"{seconds_text(item.work_s or 0)} of work"
    sets = f"{item.sets} {'set' if item.sets == 1 else 'sets'} × {work}"
    parts = [sets]
    if item.sides is not ItemSides.BOTH:
        parts.append(item.sides.label.lower())
    return " · ".join(parts)
