"""Routines: create, rename, duplicate, save and delete; each says what it changed."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from hipdesk.app.changes import Change
from hipdesk.domain.model import Routine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import RoutineItem

# the week plan names its routines: renaming or deleting one changes the plan too
_NAMED = Change.ROUTINES | Change.PLAN


def create(repo: Repo, name: str = "New routine") -> tuple[Routine, Change]:
    """A new empty routine, under ``name`` or, when that is taken, the first free "name (2)"."""
    return repo.save_routine(Routine(repo.free_routine_name(name))), Change.ROUTINES


def save(repo: Repo, routine: Routine) -> tuple[Routine, Change]:
    """Store a routine whole (its items and notes) in one transaction; a refusal writes nothing."""
    return repo.save_routine(routine), Change.ROUTINES


def rename(repo: Repo, routine_id: int, name: str) -> Change:
    """Rename a routine; the week plan follows the new name."""
    repo.rename_routine(routine_id, name)
    return _NAMED


def duplicate(
    repo: Repo, routine: Routine, items: Sequence[RoutineItem] | None = None
) -> tuple[Routine, Change]:
    """A copy of ``routine`` (with ``items`` when given: what the editor shows) as "name (copy)"."""
    name = repo.free_routine_name(f"{routine.name} (copy)")
    copy = replace(routine, id=None, name=name, items=tuple(routine.items if items is None else items))
    return repo.save_routine(copy), Change.ROUTINES


def delete(repo: Repo, routine_id: int) -> Change:
    """Delete a routine; sessions done with it stay in the history, the week shows it struck through."""
    repo.delete_routine(routine_id)
    return _NAMED
