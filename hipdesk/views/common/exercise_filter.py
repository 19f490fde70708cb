"""Search and filters over the exercise library, as a proxy model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from hipdesk.domain.model import Equipment, Exercise, Kind, Muscle, Position
from hipdesk.views.common.exercise_model import ExerciseListModel


class ExerciseFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose text holds every search word and that match each chosen filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._kind: Kind | None = None
        self._muscle: Muscle | None = None
        self._equipment: Equipment | None = None
        self._no_equipment = False
        self._position: Position | None = None
        # Which rows pass, worked out for all rows in one pass when Qt asks for the first one: Qt asks
        # row by row, and ten thousand calls each doing the matching cost more than a keystroke may.
        # Dropped with each change of the search, the filters or the rows (ExerciseListModel changes
        # its rows by a reset alone).
        self._accepted: list[bool] | None = None

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        super().setSourceModel(source)
        self._accepted = None
        for signal in (source.modelAboutToBeReset, source.rowsAboutToBeInserted,
                       source.rowsAboutToBeRemoved, source.layoutAboutToBeChanged):  # fmt: skip
            signal.connect(self._forget)

    def _forget(self, *_args: object) -> None:
        self._accepted = None

    def set_search_text(self, text: str) -> None:
        terms = text.casefold().split()
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
            self._accepted = None
            self.endFilterChange()

    def set_filters(
        self,
        kind: Kind | None = None,
        muscle: Muscle | None = None,
        equipment: Equipment | None = None,
        position: Position | None = None,
        no_equipment: bool = False,
    ) -> None:
        self.beginFilterChange()
        self._kind, self._muscle, self._equipment = kind, muscle, equipment
        self._position, self._no_equipment = position, no_equipment
        self._accepted = None
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        accepted = self._accepted
        if accepted is None or row >= len(accepted):
            source = self.sourceModel()
            assert isinstance(source, ExerciseListModel)
            accepted = self._accepted = self._accept_all(*source.searched())
        return accepted[row]

    def _accept_all(self, exercises: list[Exercise], blobs: list[str]) -> list[bool]:
        terms = self._terms
        filtered = (self._kind, self._muscle, self._equipment, self._position) != (None,) * 4
        if filtered or self._no_equipment:
            return [self._accepts(ex, blob) for ex, blob in zip(exercises, blobs, strict=True)]
        if len(terms) == 1:  # the usual search: one word
            term = terms[0]
            return [term in blob for blob in blobs]
        return [all(term in blob for term in terms) for blob in blobs]

    def _accepts(self, ex: Exercise, blob: str) -> bool:
        if self._kind is not None and ex.kind is not self._kind:
            return False
        if self._muscle is not None and self._muscle not in ex.muscles:
            return False
        if self._equipment is not None and self._equipment not in ex.equipment:
            return False
        if self._no_equipment and any(e is not Equipment.MAT for e in ex.equipment):
            return False
        if self._position is not None and ex.position is not self._position:
            return False
        return all(term in blob for term in self._terms)
