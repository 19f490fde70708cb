"""Recorded sessions: deleted (and put back whole), their notes, an interrupted one kept as partial."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hipdesk.app.changes import Change

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo


def delete(repo: Repo, session_id: int) -> tuple[dict[str, Any], Change]:
    """Delete a session with its sets; returns what ``restore`` needs to put it back."""
    return repo.delete_session(session_id), Change.HISTORY


def restore(repo: Repo, snapshot: dict[str, Any]) -> tuple[int, Change]:
    """Put back a session ``delete`` took away; returns its id (a new one)."""
    return repo.restore_session(snapshot), Change.HISTORY


def set_notes(repo: Repo, session_id: int, notes: str) -> Change:
    """The runner's notes on a session, in place of what was there."""
    repo.set_session_notes(session_id, notes)
    return Change.HISTORY


def keep_partial(repo: Repo, session_id: int) -> Change:
    """Close an interrupted session as it is: its finished sets stay, it counts as partial."""
    repo.keep_partial(session_id)
    return Change.HISTORY
