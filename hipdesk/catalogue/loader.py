"""Loads and validates the built-in exercise files shipped in ``resources/exercises``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise
from hipdesk.domain.serialize import FieldReader, exercise_from_dict
from hipdesk.resources import exercise_files


class CatalogueError(ValidationError):
    """A built-in exercise file that breaks the format; the message names the file and the field."""

    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        super().__init__(f"exercise file {self.path.name}: field '{field}': {problem}")


def _parse(path: Path) -> tuple[int, Exercise]:
    import tomllib  # only when the files changed: a start-up compares their fingerprint alone

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(path, "(file)", f"cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(path, "(file)", f"is not valid TOML: {exc}") from None

    def error(field: str, problem: str) -> CatalogueError:
        return CatalogueError(path, field, problem)

    reader = FieldReader(data, path.name, error)
    order = reader.required_integer("order", 1, 999)
    reader.text("summary")  # required here, optional for a user's own exercise
    reader.text("source.excerpt", limit=20_000)
    if len(reader.texts("steps", required=True)) < 2:
        raise error("steps", "needs at least 2 entries")
    data = {**data, "builtin": True}
    exercise = exercise_from_dict(data, path.name, error)
    if exercise.id != path.name.removesuffix(".toml"):
        raise error("id", f"'{exercise.id}' does not match the file name")
    if not exercise.one_sided and data.get("sides") is not None:
        raise error("sides", "a bilateral exercise works both sides at once and has no sides")
    if exercise.one_sided and exercise.side_words is None:
        raise error("sides.left", "missing: a one-sided exercise says what its left side means")
    # The article gives no pace: a file's own seconds per rep come with the note saying why.
    pace_note = reader.text("pace.note", required=exercise.rep_s is not None)
    if pace_note and exercise.rep_s is None:
        raise error("pace.note", "explains a pace.rep_s the file does not give")
    if pace_note and exercise.source is not None:
        source = replace(exercise.source, notes=(*exercise.source.notes, pace_note))
        exercise = replace(exercise, source=source)
    return order, exercise


def parse_exercise(path: Path) -> Exercise:
    """Read and validate one exercise file."""
    return _parse(path)[1]


def load_catalogue(paths: Iterable[Path] | None = None) -> list[Exercise]:
    """All built-in exercises in the article's order. Raises CatalogueError on the first bad file."""
    files = list(exercise_files() if paths is None else paths)
    if not files:
        raise CatalogueError("exercises", "(folder)", "holds no exercise files: reinstall HipDesk")
    parsed = [_parse(p) for p in files]
    seen: set[str] = set()
    for _, ex in parsed:
        if ex.id in seen:
            raise CatalogueError(ex.id + ".toml", "id", "appears twice")
        seen.add(ex.id)
    return [ex for _, ex in sorted(parsed, key=lambda pair: pair[0])]


def catalogue_fingerprint(paths: Iterable[Path] | None = None) -> str:
    """A hash of the shipped files: when it changes, the database's built-ins are refreshed."""
    digest = hashlib.sha256()
    for path in sorted(exercise_files() if paths is None else paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
