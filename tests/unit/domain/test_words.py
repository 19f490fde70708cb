"""Routine items and dosages in the words the runner reads, and the item a new drop starts from."""

from __future__ import annotations

import pytest

from hipdesk.domain.model import (
    Dosage,
    Exercise,
    ItemSides,
    Kind,
    Muscle,
    Position,
    Range,
    RoutineItem,
    Sidedness,
)
from hipdesk.domain.rules import about_seconds, default_item, dosage_text, item_text, plural


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (RoutineItem("x", sets=1, reps=1), "1 set × 1 rep"),
        (RoutineItem("x", sets=2, reps=2), "2 sets × 2 reps"),
        (
            RoutineItem("x", sets=3, reps=12, hold_s=2, sides=ItemSides.EACH),
            "3 sets × 12 reps, holding 2 s · each side",
        ),
        (
            RoutineItem("x", sets=1, hold_s=90, sides=ItemSides.LEFT),
            "1 set × hold 1 min 30 s · left side only",
        ),
        (
            RoutineItem("x", sets=2, work_s=45, sides=ItemSides.ALTERNATING),
            "2 sets × 45 s of work · alternating",
        ),
        (
            RoutineItem("x", sets=1, work_s=120, sides=ItemSides.RIGHT),
            "1 set × 2 min of work · right side only",
        ),
        (RoutineItem("x", sets=1, reps=10, hold_s=0), "1 set × 10 reps"),
    ],
)
def test_an_item_in_words(item: RoutineItem, text: str) -> None:
    assert item_text(item) == text


@pytest.mark.parametrize(
    ("dosage", "text"),
    [
        (Dosage(sets=Range(1, 1), work_s=Range(60, 120)), "1 set × 1–2 min of work"),
        (Dosage(sets=Range(2, 3), hold_s=Range(30, 120)), "2–3 sets × hold 30 s to 2 min"),
        (Dosage(sets=Range(2, 2), hold_s=Range(60, 90)), "2 sets × hold 1 min to 1 min 30 s"),
        (Dosage(sets=Range(1, 1), hold_s=Range(20, 45)), "1 set × hold 20–45 s"),
        (Dosage(sets=Range(1, 1), hold_s=Range(120, 180)), "1 set × hold 2–3 min"),
        (Dosage(sets=Range(1, 1), hold_s=Range(60, 150)), "1 set × hold 1 min to 2 min 30 s"),
    ],
)
def test_a_dosage_range_in_words(dosage: Dosage, text: str) -> None:
    assert dosage_text(dosage, Sidedness.BILATERAL) == text


def exercise(dosage: Dosage, sidedness: Sidedness = Sidedness.EACH_SIDE) -> Exercise:
    return Exercise(
        id="ex", name="Ex", kind=Kind.STRENGTH, position=Position.STANDING, sidedness=sidedness,
        dosage=dosage, summary="", steps=("one",), primary_muscles=(Muscle.GLUTE_MED,),
    )  # fmt: skip


def test_a_new_item_starts_at_the_low_end_with_the_articles_rest() -> None:
    item = default_item(
        exercise(Dosage(sets=Range(2, 3), reps=Range(10, 15), hold_s=Range(2, 5), rest_s=45)), "Main"
    )
    assert item == RoutineItem(
        "ex", sets=2, reps=10, hold_s=2, work_s=None, sides=ItemSides.EACH, rest_s=45, rest_after_s=30,
        section="Main",
    )  # fmt: skip


def test_a_new_item_without_sets_in_the_dosage_does_one_set() -> None:
    item = default_item(exercise(Dosage(work_s=Range(30, 60)), Sidedness.ALTERNATING))
    assert (item.sets, item.work_s, item.reps, item.hold_s, item.sides) == (
        1,
        30,
        None,
        None,
        ItemSides.ALTERNATING,
    )


@pytest.mark.parametrize(
    ("count", "word", "text"),
    [
        (0, "set", "0 sets"),
        (1, "set", "1 set"),
        (2, "set", "2 sets"),
        (1.5, "rep", "1.5 reps"),
        (1.0, "rep", "1 rep"),
    ],
)
def test_counts_read_in_the_singular_only_for_one(count: float, word: str, text: str) -> None:
    assert plural(count, word) == text


@pytest.mark.parametrize(
    ("seconds", "step", "text"),
    [
        (0, 1, "no time"),
        (2, 5, "under 5 s"),
        (0.4, 1, "under 1 s"),
        (47, 5, "about 45 s"),
        (90, 1, "about 1 min 30 s"),
    ],
)
def test_a_length_is_never_about_0_s(seconds: float, step: int, text: str) -> None:
    assert about_seconds(seconds, step) == text
