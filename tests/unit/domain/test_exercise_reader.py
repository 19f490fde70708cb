"""An exercise read from a routine file: what each bad field is told as, word for word, and what
the reader fills in. The message is what the runner reads about a broken file."""

from __future__ import annotations

import copy

import pytest

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Equipment, Kind, Muscle, Position, Range, Sidedness
from hipdesk.domain.serialize import exercise_from_dict, exercise_to_dict

BASE = exercise_to_dict(next(ex for ex in load_catalogue() if ex.id == "glute-bridge"))


def patched(path: str, value: object) -> dict:
    data = copy.deepcopy(BASE)
    node = data
    *parents, last = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    if value is _GONE:
        node.pop(last, None)
    else:
        node[last] = value
    return data


_GONE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("id", "Glute Bridge", "field 'id': use lowercase letters, digits and '-'"),
        ("id", "a" * 81, "field 'id': is longer than 80 characters"),
        ("id", _GONE, "field 'id': missing"),
        ("name", "x" * 121, "field 'name': is longer than 120 characters"),
        ("name", "   ", "field 'name': must not be empty"),
        ("name", 7, "field 'name': must be text"),
        ("kind", "yoga", "field 'kind': unknown value 'yoga'"),
        ("position", "upside-down", "field 'position': unknown value 'upside-down'"),
        ("sidedness", "both", "field 'sidedness': unknown value 'both'"),
        ("steps", [], "field 'steps': needs at least 1 entries"),
        ("steps", ["ok", ""], "field 'steps': must be a list of non-empty texts"),
        ("steps", ["s"] * 41, "field 'steps': is too long"),
        ("aliases", "one", "field 'aliases': must be a list of non-empty texts"),
        ("equipment", ["trampoline"], "field 'equipment': 'trampoline' is not a valid Equipment"),
        ("muscles.primary", _GONE, "field 'muscles.primary': missing"),
        ("muscles.primary", ["ears"], "field 'muscles.primary': 'ears' is not a valid Muscle"),
        ("dosage.sets", [3, 2], "field 'dosage.sets': must be [min, max] with 0 < min <= max <= 20"),
        ("dosage.sets", [1, 21], "field 'dosage.sets': must be [min, max] with 0 < min <= max <= 20"),
        ("dosage.reps", [0, 5], "field 'dosage.reps': must be [min, max] with 0 < min <= max <= 200"),
        ("dosage.hold_s", [1, 601], "field 'dosage.hold_s': must be [min, max] with 0 < min <= max <= 600"),
        ("dosage.rest_s", 901, "field 'dosage.rest_s': must be a whole number from 0 to 900"),
        ("dosage.rest_s", True, "field 'dosage.rest_s': must be a whole number from 0 to 900"),
        (
            "frequency_per_week",
            [2, 15],
            "field 'frequency_per_week': must be [min, max] with 0 < min <= max <= 14",
        ),
        ("builtin", "yes", "field 'builtin': must be true or false"),
        ("based_on", "b" * 81, "field 'based_on': is longer than 80 characters"),
    ],
)
def test_a_bad_field_is_named_with_what_is_wrong(path: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        exercise_from_dict(patched(path, value), "exercise 2")
    assert str(caught.value) == f"exercise 2: {message}"


def test_a_dosage_without_work_is_refused() -> None:
    data = patched("dosage", {"sets": [2, 3]})
    with pytest.raises(ValidationError) as caught:
        exercise_from_dict(data, "exercise 1")
    assert str(caught.value) == "exercise 1: field 'dosage': needs reps, hold_s or work_s"


def test_the_limits_themselves_are_accepted() -> None:
    data = patched("id", "a" * 80)
    data["name"] = "n" * 120
    data["dosage"] = {"sets": [20, 20], "reps": [200, 200], "hold_s": [600, 600], "rest_s": 900}
    data["frequency_per_week"] = [14, 14]
    data["steps"] = ["s"] * 40
    ex = exercise_from_dict(data, "exercise")
    assert (ex.id, ex.name, ex.frequency_per_week) == ("a" * 80, "n" * 120, Range(14, 14))
    assert (ex.dosage.sets, ex.dosage.reps, ex.dosage.hold_s, ex.dosage.rest_s) == (
        Range(20, 20), Range(200, 200), Range(600, 600), 900,
    )  # fmt: skip


def test_what_the_reader_fills_in_and_trims() -> None:
    data = patched("name", "  Bridge  ")
    for key in ("aliases", "cues", "safety", "progressions", "builtin", "based_on", "frequency_per_week"):
        data.pop(key, None)
    data["dosage"].pop("rest_s", None)
    ex = exercise_from_dict(data, "exercise")
    assert ex.name == "Bridge"
    assert (ex.aliases, ex.cues, ex.safety, ex.progressions) == ((), (), (), ())
    assert ex.builtin is False and ex.based_on is None and ex.frequency_per_week is None
    assert ex.dosage.rest_s == 30
    assert (ex.kind, ex.position, ex.sidedness) == (Kind.STRENGTH, Position.LYING_BACK, Sidedness.BILATERAL)
    assert ex.primary_muscles[0] is Muscle.GLUTE_MAX and Equipment.MAT in ex.equipment


def test_a_custom_error_gets_the_field_and_the_problem() -> None:
    told: list[tuple[str, str]] = []

    def error(field: str, problem: str) -> Exception:
        told.append((field, problem))
        return ValueError(field)

    with pytest.raises(ValueError, match="kind"):
        exercise_from_dict(patched("kind", "yoga"), "ignored", error)
    assert told == [("kind", "unknown value 'yoga'")]
