"""The runner's own exercises: create, duplicate, edit, delete; each says what it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hipdesk.app.changes import Change
from hipdesk.domain.serialize import exercise_from_dict, exercise_to_dict

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise


def draft_copy(repo: Repo, slug: str, name: str | None = None) -> Exercise:
    """An editable copy of an exercise, not stored: it becomes the runner's own only when saved
    (``create``), so a dialog cancelled leaves nothing behind."""
    original = repo.exercise(slug)
    data = exercise_to_dict(original)
    data.update(name=name or f"{original.name} (my version)", based_on=original.id, builtin=False)
    return exercise_from_dict(data, "the copy")


def create(repo: Repo, exercise: Exercise) -> tuple[Exercise, Change]:
    """Store a new exercise of the runner's own (a new one, or a saved copy)."""
    return repo.create_exercise(exercise), Change.EXERCISES


def duplicate(repo: Repo, slug: str, name: str | None = None) -> tuple[Exercise, Change]:
    """Store a copy of any exercise as the runner's own, at once (a built-in stays as it is)."""
    return create(repo, draft_copy(repo, slug, name))


def edit(repo: Repo, exercise: Exercise) -> tuple[Exercise, Change]:
    """Save an edit of the runner's own exercise; routines using it show the new version."""
    return repo.update_exercise(exercise), Change.EXERCISES | Change.ROUTINES


def delete(repo: Repo, slug: str) -> Change:
    """Delete the runner's own exercise; one a routine still uses is refused, with the routines named."""
    repo.delete_exercise(slug)
    return Change.EXERCISES | Change.ROUTINES
