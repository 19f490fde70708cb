"""What the figures need from an exercise file (name, kind, sides, position, primary muscles), read
lightly."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from hipdesk.resources import exercise_files, resource_path

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExerciseInfo:
    id: str
    name: str
    position: str
    sidedness: str
    primary_muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    order: int = 0
    kind: str = ""


def exercise_info(exercise_id: str) -> ExerciseInfo | None:
    """The exercise file's few fields the figures use, or None if it is missing or unreadable."""
    path = resource_path("exercises", f"{exercise_id}.toml")
    return _read(path)


def all_exercises() -> list[ExerciseInfo]:
    """Every built-in exercise, in the article's order."""
    infos = [info for path in exercise_files() if (info := _read(path)) is not None]
    return sorted(infos, key=lambda i: (i.order, i.id))


def _read(path: Path) -> ExerciseInfo | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return ExerciseInfo(
            id=str(data.get("id", path.stem)),
            name=str(data.get("name", path.stem)),
            position=str(data.get("position", "")),
            sidedness=str(data.get("sidedness", "bilateral")),
            primary_muscles=tuple(str(m) for m in data.get("muscles", {}).get("primary", ())),
            equipment=tuple(str(e) for e in data.get("equipment", ())),
            order=int(data.get("order", 0)),
            kind=str(data.get("kind", "")),
        )
    except (OSError, tomllib.TOMLDecodeError, AttributeError, TypeError, ValueError) as exc:
        logger.warning("cannot read %s for its figure: %s", path.name, exc)
        return None
