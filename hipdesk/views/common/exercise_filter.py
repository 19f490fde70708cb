"""Search and filters over the exercise library, as a proxy model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from hipdesk.domain.model import Equipment, Kind, Muscle, Position
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

    def set_search_text(self, text: str) -> None:
        terms = text.casefold().split()
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
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
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, ExerciseListModel)
        ex = source.exercise_at(row)
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
        blob = source.blob_at(row)
        return all(term in blob for term in self._terms)
