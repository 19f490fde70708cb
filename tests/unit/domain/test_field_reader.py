"""The checks every file HipDesk reads goes through, at their limits and one past them."""

from __future__ import annotations

import pytest

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Kind, Range
from hipdesk.domain.serialize import FieldReader


def fails(data: dict, read, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read(FieldReader(data, "file"))
    assert str(caught.value) == f"file: {message}"


def test_texts_at_their_limits() -> None:
    reader = FieldReader({"steps": [" a ", "b" * 2000] + ["c"] * 38}, "file")
    assert reader.texts("steps") == ("a", "b" * 2000, *["c"] * 38)
    fails({"steps": ["c"] * 41}, lambda r: r.texts("steps"), "field 'steps': is too long")
    fails({"steps": ["b" * 2001]}, lambda r: r.texts("steps"), "field 'steps': is too long")
    fails(
        {"steps": ["a", " "]}, lambda r: r.texts("steps"), "field 'steps': must be a list of non-empty texts"
    )
    fails({"steps": "a"}, lambda r: r.texts("steps"), "field 'steps': must be a list of non-empty texts")
    fails({"steps": [1]}, lambda r: r.texts("steps"), "field 'steps': must be a list of non-empty texts")
    fails({}, lambda r: r.texts("steps", required=True), "field 'steps': missing")
    fails({"steps": ["a"]}, lambda r: r.texts("steps", minimum=2), "field 'steps': needs at least 2 entries")
    assert FieldReader({}, "file").texts("steps") == ()


def test_text_at_its_limits() -> None:
    assert FieldReader({"name": "x"}, "file").text("name", limit=1) == "x"
    assert FieldReader({"name": "  x  "}, "file").text("name", limit=5) == "x"
    fails({"name": "xy"}, lambda r: r.text("name", limit=1), "field 'name': is longer than 1 characters")
    fails({"name": " "}, lambda r: r.text("name"), "field 'name': must not be empty")
    assert FieldReader({"name": " "}, "file").text("name", empty=True) == ""
    assert FieldReader({"name": " "}, "file").text("name", required=False) == ""
    assert FieldReader({}, "file").text("name", required=False) == ""
    fails({"name": None}, lambda r: r.text("name"), "field 'name': missing")
    fails({"a": {"b": 3}}, lambda r: r.text("a.b"), "field 'a.b': must be text")
    fails({"a": "flat"}, lambda r: r.text("a.b"), "field 'a.b': missing")


def test_numbers_at_their_limits() -> None:
    reader = FieldReader({"n": 5, "lo": 1, "t": True, "f": 2.5}, "file")
    assert reader.integer("n", None, 1, 5) == 5 and reader.integer("lo", None, 1, 5) == 1
    assert reader.integer("missing", 7, 1, 5) == 7
    fails({"n": 6}, lambda r: r.integer("n", None, 1, 5), "field 'n': must be a whole number from 1 to 5")
    fails({"n": 0}, lambda r: r.integer("n", None, 1, 5), "field 'n': must be a whole number from 1 to 5")
    fails({"n": True}, lambda r: r.integer("n", None, 0, 5), "field 'n': must be a whole number from 0 to 5")
    fails({"n": 2.5}, lambda r: r.integer("n", None, 0, 5), "field 'n': must be a whole number from 0 to 5")
    fails({}, lambda r: r.required_integer("n", 0, 5), "field 'n': missing")
    assert FieldReader({"n": 0}, "file").required_integer("n", 0, 5) == 0
    assert reader.number("f", 0.5, 2.5) == 2.5 and reader.number("missing", 0, 1) is None
    fails({"f": 2.6}, lambda r: r.number("f", 0.5, 2.5), "field 'f': must be a number from 0.5 to 2.5")
    fails({"f": False}, lambda r: r.number("f", 0, 2), "field 'f': must be a number from 0 to 2")


def test_ranges_and_flags() -> None:
    reader = FieldReader({"r": [1, 3], "same": [3, 3], "top": [9, 10], "yes": True, "no": False}, "file")
    assert (reader.range("r"), reader.range("same"), reader.range("top", high=10)) == (
        Range(1, 3), Range(3, 3), Range(9, 10),
    )  # fmt: skip
    assert reader.range("missing") is None
    for bad in ([0, 3], [3, 1], [1, 11], [1], [1, 2, 3], [1, True], "1-3"):
        fails(
            {"r": bad},
            lambda r: r.range("r", high=10),
            "field 'r': must be [min, max] with 0 < min <= max <= 10",
        )
    assert reader.boolean("yes", False) is True and reader.boolean("no", True) is False
    assert reader.boolean("missing", True) is True
    fails({"b": 1}, lambda r: r.boolean("b", False), "field 'b': must be true or false")


def test_choices() -> None:
    reader = FieldReader({"k": "stretch", "ks": ["stretch", "drill"]}, "file")
    assert (
        reader.choice("k", Kind) is Kind.STRETCH and reader.choice("missing", Kind, Kind.DRILL) is Kind.DRILL
    )
    assert reader.choices("ks", Kind) == (Kind.STRETCH, Kind.DRILL) and reader.choices("missing", Kind) == ()
    fails({}, lambda r: r.choices("ks", Kind, required=True), "field 'ks': missing")
    fails({"ks": []}, lambda r: r.choices("ks", Kind, required=True), "field 'ks': needs at least 1 entries")
    fails({"ks": ["nap"]}, lambda r: r.choices("ks", Kind), "field 'ks': 'nap' is not a valid Kind")
    fails({}, lambda r: r.choice("k", Kind), "field 'k': missing")
    with pytest.raises(ValidationError, match="^file: expected an object$"):
        FieldReader(["not", "a", "dict"], "file")
