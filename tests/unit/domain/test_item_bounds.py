"""One set of limits for a routine item: what the editor allows, a routine file may carry, and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.domain.serialize import item_from_dict
from hipdesk.export.routine_file import FORMAT, VERSION, read_routine_file, write_routine_file

# written out, not read from the code under test: these are the numbers the README and the editor promise
LIMITS = {
    "sets": (1, 20),
    "reps": (1, 200),
    "hold_s": (1, 600),
    "work_s": (1, 3600),
    "rest_s": (0, 900),
    "rest_after_s": (0, 1800),
}


def item(**fields: int) -> dict:
    data: dict = {"exercise_id": "clamshell", "reps": 10}
    data.update(fields)
    return data


@pytest.mark.parametrize("field", sorted(LIMITS))
def test_each_limit_itself_is_accepted(field: str) -> None:
    low, high = LIMITS[field]
    assert getattr(item_from_dict(item(**{field: high}), "item"), field) == high
    assert getattr(item_from_dict(item(**{field: low}), "item"), field) == low


@pytest.mark.parametrize("field", sorted(LIMITS))
def test_one_past_each_limit_is_refused_naming_the_field(field: str) -> None:
    low, high = LIMITS[field]
    for value in (low - 1, high + 1):
        with pytest.raises(ValidationError, match=field):
            item_from_dict(item(**{field: value}), "item")


def test_a_file_without_rests_gets_the_default_rests() -> None:
    loaded = item_from_dict({"exercise_id": "clamshell", "reps": 10}, "item")
    assert (loaded.rest_s, loaded.rest_after_s, loaded.sets) == (30, 30, 1)


def test_a_file_with_zero_rest_keeps_zero() -> None:
    loaded = item_from_dict(item(rest_s=0, rest_after_s=0), "item")
    assert (loaded.rest_s, loaded.rest_after_s) == (0, 0)


def test_a_routine_at_every_editor_maximum_survives_a_file(tmp_path: Path) -> None:
    at_max = RoutineItem(
        "glute-bridge", sets=20, reps=200, hold_s=600, work_s=None, rest_s=900, rest_after_s=1800
    )
    timed = RoutineItem("high-knees", sets=20, work_s=3600, rest_s=0, rest_after_s=0)
    path = tmp_path / "max.hipdesk.json"
    write_routine_file(path, Routine("Everything at the top", (at_max, timed)), {})
    assert read_routine_file(path).routine.items == (at_max, timed)


def test_a_hand_written_file_without_rests_gets_rests_between_exercises(tmp_path: Path) -> None:
    path = tmp_path / "hand.hipdesk.json"
    path.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "routine": {
                    "name": "By hand",
                    "items": [
                        {"exercise_id": "clamshell", "reps": 10},
                        {"exercise_id": "bird-dog", "reps": 10},
                    ],
                },
                "exercises": [],
            }
        ),
        encoding="utf-8",
    )
    first, second = read_routine_file(path).routine.items
    assert first.rest_after_s == 30 and second.rest_s == 30
