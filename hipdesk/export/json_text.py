"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, made faster.

With an indent the standard library always uses its pure-Python encoder, which hands out one token at
a time; a list of ten thousand exercises took seconds. Here each value is joined in one piece (the
strings still escaped by the library's own C function), and a long list is written an item at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

_STEP = "  "


def _number(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if key is True or key is False or key is None or isinstance(key, int | float):
        return encode_basestring(_scalar(key))  # as json.dumps turns such keys into text
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return _number(value)


def indented(value: Any, indent: str = "") -> str:
    """``value`` as JSON with two spaces an indent level, its first line not indented and the rest at
    ``indent`` plus their own depth."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    inner = indent + _STEP
    if kind is dict:
        if not value:
            return "{}"
        parts = []
        for key, item in value.items():
            kind = type(item)
            if kind is str:
                shown = encode_basestring(item)
            elif item is None:
                shown = "null"
            elif kind is int:
                shown = int.__repr__(item)
            else:
                shown = indented(item, inner)
            parts.append((encode_basestring(key) if type(key) is str else _key(key)) + ": " + shown)
        return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        parts = [encode_basestring(v) if type(v) is str else indented(v, inner) for v in value]
        return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool | int | float):
        return _scalar(value)
    if isinstance(value, dict):
        return indented(dict(value), indent)
    if isinstance(value, list | tuple):
        return indented(list(value), indent)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def write_list(out: TextIO, items: Iterable[Any]) -> None:
    """A list as :func:`indented` writes it, and a line end, written an item at a time."""
    first = True
    for item in items:
        out.write(("[\n" + _STEP if first else ",\n" + _STEP) + indented(item, _STEP))
        first = False
    out.write("[]\n" if first else "\n]\n")
