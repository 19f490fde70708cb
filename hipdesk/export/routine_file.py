"""Routine files: one routine and the user-made exercises it uses, as versioned JSON.

Format (``format`` and ``version`` are checked first)::

    {
      "format": "hipdesk-routine",
      "version": 1,
      "routine": {"name": "...", "notes": "...", "items": [{"exercise_id": "clamshell", "sets": 2,
                  "reps": 12, "hold_s": null, "work_s": null, "sides": "each", "rest_s": 30,
                  "rest_after_s": 30, "rep_mode": "paced", "note": "", "section": "Main"}, ...]},
      "exercises": [ ...the user's own exercises the items use, as ``hipdesk exercises --json``... ]
    }

Reading validates the whole file before anything is stored; any problem is one sentence.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise, Routine
from hipdesk.domain.serialize import (
    exercise_from_dict,
    exercise_to_dict,
    routine_from_dict,
    routine_to_dict,
    too_many_items,
)
from hipdesk.export.safe_write import Protected, regular_file_or_refuse, write_bytes

FORMAT = "hipdesk-routine"
VERSION = 1
SUFFIX = ".hipdesk.json"
MAX_BYTES = 5 * 1024 * 1024
MAX_EXERCISES = 500


@dataclass(frozen=True)
class RoutineFile:
    routine: Routine
    exercises: tuple[Exercise, ...]  # the user-made exercises it carries


def routine_file_data(routine: Routine, exercises: Mapping[str, Exercise]) -> dict[str, Any]:
    used = []
    for item in routine.items:
        ex = exercises.get(item.exercise_id)
        if ex is not None and not ex.builtin and ex not in used:
            used.append(ex)
    body = routine_to_dict(routine)
    return {
        "format": FORMAT,
        "version": VERSION,
        "routine": body,
        "exercises": [exercise_to_dict(ex) for ex in used],
    }


def write_routine_file(
    path: Path, routine: Routine, exercises: Mapping[str, Exercise], protected: Protected | None = None
) -> None:
    """Write atomically, as every export is (:mod:`hipdesk.export.safe_write`).

    A routine over the item limit (one stored before the limit was kept) is refused: HipDesk never
    writes a file it would not read back.
    """
    problem = too_many_items(len(routine.items))
    if problem is not None:
        raise ValidationError(f"Cannot export “{routine.name}”: {problem[0].lower()}{problem[1:]}")
    text = json.dumps(routine_file_data(routine, exercises), ensure_ascii=False, indent=2) + "\n"
    write_bytes(path, text.encode("utf-8"), protected)


def parse_routine_file(raw: bytes, name: str = "the file") -> RoutineFile:
    """Validate a routine file's bytes completely; raises ValidationError in one sentence."""
    if not raw.strip():
        raise ValidationError(f"{name} is empty.")
    if len(raw) > MAX_BYTES:
        raise ValidationError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB: not a routine file.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{name} is not a text file: not a routine file.") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValidationError(f"{name} is nested too deeply: not a routine file.") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise ValidationError(f"{name} holds a number far too long: not a routine file.") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as \ud800, which no text can store
        raise ValidationError(f"{name} holds text that is not valid Unicode: not a routine file.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{name} is not a HipDesk routine file.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError(f"{name} has no valid format version.")
    if version > VERSION:
        raise ValidationError(
            f"{name} was written by a newer HipDesk (routine format {version}; this one reads {VERSION})."
        )
    routine = routine_from_dict(data.get("routine"), f"{name}, routine")
    raw_exercises = data.get("exercises", [])
    if not isinstance(raw_exercises, list) or len(raw_exercises) > MAX_EXERCISES:
        raise ValidationError(f"{name}: 'exercises' must be a list of at most {MAX_EXERCISES}.")
    exercises = []
    for n, entry in enumerate(raw_exercises, 1):
        if isinstance(entry, dict):
            entry = {**entry, "builtin": False}
        exercises.append(exercise_from_dict(entry, f"{name}, exercise {n}"))
    ids = [ex.id for ex in exercises]
    if len(set(ids)) != len(ids):
        raise ValidationError(f"{name} lists the same exercise twice.")
    return RoutineFile(routine=routine, exercises=tuple(exercises))


def read_routine_file(path: Path) -> RoutineFile:
    """Read and validate a routine file; anything but a regular file is refused before it is opened."""
    regular_file_or_refuse(path)
    try:
        # O_NONBLOCK: should a pipe be put in its place after the check, opening it does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ValidationError(f"Cannot read {path}: it is not a regular file.")
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return parse_routine_file(raw, Path(path).name)
