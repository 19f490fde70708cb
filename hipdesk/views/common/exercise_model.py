"""The exercise library as a list model: one row per exercise, with roles for filtering."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from hipdesk.domain.model import Exercise
from hipdesk.domain.rules import dosage_text
from hipdesk.views.common import mime
from hipdesk.views.common.text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    EXERCISE = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    SUBTITLE = Qt.ItemDataRole.UserRole + 3
    BUILTIN = Qt.ItemDataRole.UserRole + 4


def search_blob(ex: Exercise) -> str:
    """Everything a runner might type to find an exercise, folded to lower case."""
    parts = [ex.name, *ex.aliases, ex.kind.label, ex.position.label, ex.sidedness.label, ex.summary]
    parts += [m.label for m in ex.muscles] + [m.value for m in ex.muscles]
    parts += [e.label for e in ex.equipment]
    return " ".join(parts).casefold()


class ExerciseListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._exercises: list[Exercise] = []
        self._blobs: list[str] = []
        self._subtitles: list[str] = []

    # -- reading -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exercises)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._exercises):
            return None
        ex = self._exercises[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ex.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(ex.summary or ex.name)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole or role == Role.SUBTITLE:
            return self._subtitles[index.row()]
        if role == Role.EXERCISE:
            return ex
        if role == Role.ID:
            return ex.id
        if role == Role.BUILTIN:
            return ex.builtin
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # -- dragging exercises out (into a routine) ------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return mime.encode(mime.EXERCISES, ids=[self._exercises[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def exercise_at(self, row: int) -> Exercise:
        return self._exercises[row]

    def blob_at(self, row: int) -> str:
        return self._blobs[row]

    def searched(self) -> tuple[list[Exercise], list[str]]:
        """The exercises and their search texts, row by row: the lists themselves (each reset makes
        new ones), for a filter that reads them all at once."""
        return self._exercises, self._blobs

    def row_of(self, exercise_id: str) -> int:
        for row, ex in enumerate(self._exercises):
            if ex.id == exercise_id:
                return row
        return -1

    # -- writing -------------------------------------------------------------------------------
    def set_exercises(self, exercises: list[Exercise]) -> None:
        self.beginResetModel()
        self._exercises = list(exercises)
        self._blobs = [search_blob(ex) for ex in self._exercises]
        self._subtitles = [
            f"{ex.kind.label} · {dosage_text(ex.dosage, ex.sidedness)}" + ("" if ex.builtin else " · yours")
            for ex in self._exercises
        ]
        self.endResetModel()
