"""The routines, as a list: rename in place, and drag a routine onto a day of the week."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from hipdesk.domain.model import Routine
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import about_seconds, estimate_seconds, plural
from hipdesk.views.common import mime

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ROUTINE = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    SUBTITLE = Qt.ItemDataRole.UserRole + 3


class RoutineListModel(QAbstractListModel):
    rename_requested = Signal(int, str)  # routine id, new name: the owner stores it and calls set_routines

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._routines: list[Routine] = []
        self._pace = Pace()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._routines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._routines):
            return None
        routine = self._routines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return routine.name
        if role in (Role.SUBTITLE, Qt.ItemDataRole.ToolTipRole):
            if not routine.items:
                return "No exercises yet"
            length = about_seconds(estimate_seconds(routine, self._pace))
            return f"{plural(len(routine.items), 'exercise')} · {length}"
        if role == Role.ROUTINE:
            return routine
        if role == Role.ID:
            return routine.id
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        routine = self._routines[index.row()]
        if value.strip() and value.strip() != routine.name and routine.id is not None:
            self.rename_requested.emit(routine.id, value.strip())
        return False  # the owner stores the name, then refreshes the list

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        chosen = [self._routines[r] for r in rows]
        return mime.encode(mime.ROUTINES, ids=[r.id for r in chosen], names=[r.name for r in chosen])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def routine_at(self, row: int) -> Routine:
        return self._routines[row]

    def row_of(self, routine_id: int | None) -> int:
        return next((r for r, routine in enumerate(self._routines) if routine.id == routine_id), -1)

    def set_routines(self, routines: Sequence[Routine]) -> None:
        self.beginResetModel()
        self._routines = list(routines)
        self.endResetModel()

    def set_pace(self, pace: Pace) -> None:
        """The pace the lengths are estimated at: the one sessions run at."""
        self._pace = pace
        if self._routines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._routines) - 1, 0))

    def update_routine(self, routine: Routine) -> None:
        """Refresh one row (its item count and length) after an edit."""
        row = self.row_of(routine.id)
        if row >= 0:
            self._routines[row] = routine
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
