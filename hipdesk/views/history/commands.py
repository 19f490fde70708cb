"""Undo command for the history: deleting a session keeps everything needed to put it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from hipdesk.app.operations import sessions

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo


class DeleteSession(QUndoCommand):
    """Delete one session with its sets; undo restores it whole (both through the session
    operations the command line uses too).

    ``deleted(id)`` and ``restored(id)`` tell the page, which updates its list and its figures.
    """

    def __init__(
        self,
        repo: Repo,
        session_id: int,
        text: str,
        deleted: Callable[[int], None],
        restored: Callable[[int], None],
    ) -> None:
        super().__init__(text)
        self.repo, self.session_id = repo, session_id
        self.deleted, self.restored = deleted, restored
        self.snapshot: dict[str, Any] | None = None

    def redo(self) -> None:
        self.snapshot, _change = sessions.delete(self.repo, self.session_id)
        self.deleted(self.session_id)

    def undo(self) -> None:
        assert self.snapshot is not None
        self.session_id, _change = sessions.restore(self.repo, self.snapshot)
        self.snapshot = None
        self.restored(self.session_id)
