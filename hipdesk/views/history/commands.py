"""Undo command for the history: deleting a session keeps everything needed to put it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand


class SessionStore(Protocol):
    def delete_session(self, session_id: int) -> dict[str, Any]: ...

    def restore_session(self, snapshot: dict[str, Any]) -> int: ...


class DeleteSession(QUndoCommand):
    """Delete one session with its sets; undo restores it whole.

    ``deleted(id)`` and ``restored(id)`` tell the page, which updates its list and its figures.
    """

    def __init__(
        self,
        store: SessionStore,
        session_id: int,
        text: str,
        deleted: Callable[[int], None],
        restored: Callable[[int], None],
    ) -> None:
        super().__init__(text)
        self.store, self.session_id = store, session_id
        self.deleted, self.restored = deleted, restored
        self.snapshot: dict[str, Any] | None = None

    def redo(self) -> None:
        self.snapshot = self.store.delete_session(self.session_id)
        self.deleted(self.session_id)

    def undo(self) -> None:
        assert self.snapshot is not None
        self.session_id = self.store.restore_session(self.snapshot)
        self.snapshot = None
        self.restored(self.session_id)
