"""The app's own value types (text enums, named tuples, dict and list subclasses) are written as JSON
text exactly as json.dumps(indent=2) writes them."""

from __future__ import annotations

import io
import json
from collections import OrderedDict
from typing import NamedTuple

from hipdesk.domain.model import Kind
from hipdesk.engine.plan import StepKind, WorkMode
from hipdesk.export.json_text import indented, write_list


class Sides(NamedTuple):
    left: int
    right: int


class Laps(list):
    """A list subclass, as a caller might hand over."""


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_text_enum_members_are_written_as_their_text_as_values_and_keys() -> None:
    """An enum member of text is a JSON string: alone, in a list, as a dict value and as a dict key."""
    assert indented(Kind.DRILL) == '"drill"'
    value = {Kind.STRETCH: StepKind.REST_SET, "modes": [WorkMode.HOLD, WorkMode.PACED]}
    expected = '{\n  "stretch": "rest-set",\n  "modes": [\n    "hold",\n    "paced"\n  ]\n}'
    assert indented(value) == expected
    assert _dumps(value) == expected


def test_nested_dict_and_list_subclasses_keep_their_contents_and_their_depth() -> None:
    """A dict subclass and a named tuple deep in a value are written in full, indented to their depth."""
    value = {
        "steps": [OrderedDict([("kind", "work"), ("seconds", 30)])],
        "sides": Sides(left=1, right=2),
        "laps": Laps([Laps([5])]),
    }
    expected = (
        "{\n"
        '  "steps": [\n'
        "    {\n"
        '      "kind": "work",\n'
        '      "seconds": 30\n'
        "    }\n"
        "  ],\n"
        '  "sides": [\n'
        "    1,\n"
        "    2\n"
        "  ],\n"
        '  "laps": [\n'
        "    [\n"
        "      5\n"
        "    ]\n"
        "  ]\n"
        "}"
    )
    assert indented(value) == expected
    assert _dumps(value) == expected


def test_subclasses_at_the_top_and_streamed_are_written_in_full() -> None:
    """A dict subclass or a named tuple given alone, or as items of a streamed list, is written whole."""
    assert indented(OrderedDict(a=1)) == '{\n  "a": 1\n}'
    assert indented(Sides(3, 4)) == "[\n  3,\n  4\n]"
    assert indented(OrderedDict()) == "{}"
    out = io.StringIO()
    write_list(out, [OrderedDict(kind=Kind.DRILL), Sides(0, 1)])
    expected = '[\n  {\n    "kind": "drill"\n  },\n  [\n    0,\n    1\n  ]\n]\n'
    assert out.getvalue() == expected
    assert _dumps([OrderedDict(kind=Kind.DRILL), Sides(0, 1)]) + "\n" == expected
