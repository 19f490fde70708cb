"""A routine read from a file or a session's saved plan: every bad field named word for word."""

from __future__ import annotations

import pytest

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import ItemSides, RepMode, RoutineItem
from hipdesk.domain.serialize import routine_from_dict

ITEM = {"exercise_id": "clamshell", "reps": 10}


def routine(**fields: object) -> dict:
    data: dict = {"name": "Mine", "items": [dict(ITEM)]}
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (routine(name=""), "r: field 'name': must not be empty"),
        (routine(name="n" * 121), "r: field 'name': is longer than 120 characters"),
        (routine(items={"0": ITEM}), "r: field 'items': must be a list"),
        (routine(items=[dict(ITEM)] * 501), "r: field 'items': has more than 500 entries"),
        (
            routine(items=[ITEM, {"exercise_id": "Clam Shell", "reps": 3}]),
            "r, item 2: field 'exercise_id': is not an exercise id",
        ),
        (
            routine(items=[{"exercise_id": "clamshell"}]),
            "r, item 1: field 'reps': an item needs reps, hold_s or work_s",
        ),
        (routine(items=[{**ITEM, "sides": "up"}]), "r, item 1: field 'sides': unknown value 'up'"),
        (routine(items=[{**ITEM, "rep_mode": "fast"}]), "r, item 1: field 'rep_mode': unknown value 'fast'"),
        (
            routine(items=[{**ITEM, "section": "s" * 121}]),
            "r, item 1: field 'section': is longer than 120 characters",
        ),
        (
            routine(items=[{**ITEM, "exercise_id": "e" * 81}]),
            "r, item 1: field 'exercise_id': is longer than 80 characters",
        ),
        (routine(items=[{**ITEM, "note": 5}]), "r, item 1: field 'note': must be text"),
        ("not an object", "r: expected an object"),
    ],
)
def test_a_bad_routine_is_named_with_what_is_wrong(data: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        routine_from_dict(data, "r")
    assert str(caught.value) == message


def test_a_routine_at_its_limits_reads_whole() -> None:
    data = routine(name="n" * 120, notes="", items=[dict(ITEM)] * 500)
    read = routine_from_dict(data, "r")
    assert read.name == "n" * 120 and len(read.items) == 500 and read.notes == ""


def test_what_an_item_gets_when_the_file_leaves_it_out() -> None:
    read = routine_from_dict({"name": "  Mine  ", "items": [dict(ITEM)], "notes": "  keep  "}, "r")
    assert read.name == "Mine" and read.notes == "keep"
    assert read.items == (
        RoutineItem("clamshell", sets=1, reps=10, sides=ItemSides.BOTH, rest_s=30, rest_after_s=30,
                    rep_mode=RepMode.PACED, note="", section=""),
    )  # fmt: skip


def test_a_routine_without_items_is_empty() -> None:
    assert routine_from_dict({"name": "Empty"}, "r").items == ()
