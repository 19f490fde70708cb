from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.domain.serialize import (
    exercise_from_dict,
    exercise_to_dict,
    item_from_dict,
    parse_time,
    routine_from_dict,
    routine_to_dict,
)


def test_every_builtin_round_trips(repo) -> None:
    for ex in repo.exercises():
        assert exercise_from_dict(exercise_to_dict(ex), "test") == ex


def test_routine_round_trips() -> None:
    routine = Routine(
        "Morning <b>hips</b>",
        notes="n",
        items=(
            RoutineItem("clamshell", sets=2, reps=12, sides=ItemSides.EACH, note="slow", section="Main"),
            RoutineItem("figure-4-stretch", hold_s=30, sides=ItemSides.LEFT),
        ),
    )
    assert routine_from_dict(routine_to_dict(routine), "test") == routine


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"sets": -1}, "sets"),
        ({"sets": 10**9}, "sets"),
        ({"reps": "ten"}, "reps"),
        ({"reps": True}, "reps"),
        ({"hold_s": 601}, "hold_s"),
        ({"sides": "up"}, "sides"),
        ({"exercise_id": "<script>"}, "exercise_id"),
        ({"exercise_id": None}, "exercise_id"),
        ({"note": 5}, "note"),
        ({"reps": None}, "reps"),
    ],
)
def test_bad_item_names_the_field(patch: dict, field: str) -> None:
    data = {"exercise_id": "clamshell", "sets": 2, "reps": 10}
    data.update(patch)
    with pytest.raises(ValidationError, match=f"'{field}'"):
        item_from_dict(data, "item 1")


def test_routine_name_of_megabytes_is_refused() -> None:
    with pytest.raises(ValidationError, match="longer than"):
        routine_from_dict({"name": "x" * 2_000_000, "items": []}, "file")


def test_not_an_object_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected an object"):
        routine_from_dict([1, 2], "file")


@pytest.mark.parametrize("text", ["25:99", "24:00", "7", "07:60", "", "ab:cd"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="not a time of day"):
        parse_time(text)


def test_good_times_parse() -> None:
    assert parse_time("7:05") == dt.time(7, 5)
    assert parse_time("23:59") == dt.time(23, 59)
