"""JSON written by hipdesk.export.json_text is byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import io
import json

import pytest

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.serialize import exercise_to_dict
from hipdesk.export.json_text import indented, write_list

ODD = [
    {},
    [],
    {"a": [1, -2.5, 1e300, float("nan"), float("inf"), -float("inf"), True, False, None, [], {}, (1, "x")]},
    {3: "int key", None: 1, 2.5: [], True: {'é\n"\\\t\u2028\x00': "\U0001f3c3"}},
    "just text",
    7,
    [[[[]]], [{"deep": [{"deeper": {}}]}]],
]


@pytest.mark.parametrize("value", ODD, ids=range(len(ODD)))
def test_any_json_value_is_written_as_the_standard_library_writes_it(value) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_library_as_a_list_streamed_is_json_dumps_of_it() -> None:
    exercises = [exercise_to_dict(ex) for ex in load_catalogue()]
    out = io.StringIO()
    write_list(out, exercises)
    assert out.getvalue() == json.dumps(exercises, ensure_ascii=False, indent=2) + "\n"
    empty = io.StringIO()
    write_list(empty, iter([]))
    assert empty.getvalue() == "[]\n"


def test_what_json_cannot_hold_is_refused() -> None:
    with pytest.raises(TypeError):
        indented({"when": object()})
    with pytest.raises(TypeError):
        indented({(1, 2): "tuple key"})


def test_what_json_cannot_hold_is_refused_with_the_standard_library_s_words() -> None:
    """The error names the offending type in the same words json.dumps uses."""
    with pytest.raises(TypeError, match=r"^Object of type set is not JSON serializable$"):
        indented({"tags": {"hips"}})
    with pytest.raises(TypeError, match=r"^keys must be str, int, float, bool or None, not tuple$"):
        indented({(1, 2): "tuple key"})
