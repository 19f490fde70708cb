"""The items of the routine being edited: drag and drop, and every change as an undoable command."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from hipdesk.domain.model import Exercise, RoutineItem
from hipdesk.domain.rules import default_item, item_text
from hipdesk.domain.serialize import too_many_items
from hipdesk.views.common import mime
from hipdesk.views.routines.commands import EditItem, InsertItems, PermuteItems, RemoveItems, edit_text

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 1
    EXERCISE = Qt.ItemDataRole.UserRole + 2
    SUBTITLE = Qt.ItemDataRole.UserRole + 3
    SECTION_HEADER = Qt.ItemDataRole.UserRole + 4  # the section title to draw above this row, or ""


class RoutineItemsModel(QAbstractListModel):
    """A list of RoutineItem. Public edits go through ``undo_stack``; primitives are for commands."""

    items_changed = Signal()
    refused = Signal(str)  # an edit that would break a rule, said in one sentence

    def __init__(self, undo_stack: QUndoStack | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._items: list[RoutineItem] = []
        self._exercises: Mapping[str, Exercise] = {}
        self._token = f"{id(self):x}"

    # -- reading -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = index.row()
        item = self._items[row]
        ex = self._exercises.get(item.exercise_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return ex.name if ex else f"{item.exercise_id} (missing)"
        if role == Role.SUBTITLE or role == Qt.ItemDataRole.ToolTipRole:
            text = item_text(item)
            return f"{text} · {item.note}" if item.note and role == Role.SUBTITLE else text
        if role == Role.ITEM:
            return item
        if role == Role.EXERCISE:
            return ex
        if role == Role.SECTION_HEADER:
            previous = self._items[row - 1].section if row > 0 else ""
            return item.section if item.section and item.section != previous else ""
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def items(self) -> tuple[RoutineItem, ...]:
        return tuple(self._items)

    def item(self, row: int) -> RoutineItem:
        return self._items[row]

    def exercise(self, exercise_id: str) -> Exercise | None:
        return self._exercises.get(exercise_id)

    # -- drag and drop -------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return mime.encode(mime.ROUTINE_ITEMS, source=self._token, rows=rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _payload(self, data: QMimeData | None) -> tuple[str, list[Any]] | None:
        exercises = mime.decode(data, mime.EXERCISES)
        if exercises is not None:
            ids = [i for i in exercises.get("ids", []) if i in self._exercises]
            return ("add", ids) if ids else None
        moved = mime.decode(data, mime.ROUTINE_ITEMS)
        if moved is not None and moved.get("source") == self._token:
            rows = [r for r in moved.get("rows", []) if isinstance(r, int) and 0 <= r < len(self._items)]
            return ("move", rows) if rows else None
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._payload(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        payload = self._payload(data)
        if payload is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        kind, values = payload
        if kind == "add":
            self.add_exercises(values, row)
        else:
            self.move_rows(values, row)
        return True

    # -- edits (undoable) ----------------------------------------------------------------------
    def add_exercises(self, exercise_ids: Iterable[str], row: int | None = None) -> None:
        row = len(self._items) if row is None else max(0, min(row, len(self._items)))
        section = self._items[row - 1].section if 0 < row <= len(self._items) else ""
        items = [default_item(self._exercises[i], section) for i in exercise_ids if i in self._exercises]
        if items and self._room_for(len(items)):
            names = (
                self._exercises[items[0].exercise_id].name if len(items) == 1 else f"{len(items)} exercises"
            )
            self.undo_stack.push(InsertItems(self, row, items, f"Add {names}"))

    def remove_rows(self, rows: Iterable[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < len(self._items)})
        if rows:
            self.undo_stack.push(RemoveItems(self, rows, self._describe("Remove", rows)))

    def duplicate_rows(self, rows: Iterable[int]) -> None:
        rows = sorted({r for r in rows if 0 <= r < len(self._items)})
        if rows:
            copies = [self._items[r] for r in rows]
            if not self._room_for(len(copies)):
                return
            self.undo_stack.push(InsertItems(self, rows[-1] + 1, copies, self._describe("Duplicate", rows)))

    def move_rows(self, rows: Iterable[int], destination: int) -> None:
        """Move ``rows`` to stand before the item now at ``destination`` (or at the end)."""
        rows = sorted({r for r in rows if 0 <= r < len(self._items)})
        destination = max(0, min(destination, len(self._items)))
        moving = set(rows)
        before = [r for r in range(destination) if r not in moving]
        after = [r for r in range(destination, len(self._items)) if r not in moving]
        order = before + rows + after
        if rows and order != list(range(len(self._items))):
            self.undo_stack.push(PermuteItems(self, order, self._describe("Move", rows)))

    def set_item(self, row: int, item: RoutineItem, field: str) -> None:
        """Change one field of an item; repeated changes of the same field merge into one step."""
        if 0 <= row < len(self._items) and item != self._items[row]:
            name = self.data(self.index(row, 0))
            self.undo_stack.push(
                EditItem(self, row, self._items[row], item, field, edit_text(field, name, item))
            )

    def set_section(self, rows: Iterable[int], section: str) -> None:
        rows = [
            r for r in sorted(set(rows)) if 0 <= r < len(self._items) and self._items[r].section != section
        ]
        if not rows:
            return
        self.undo_stack.beginMacro(f"Set section “{section}”" if section else "Clear section")
        for r in rows:
            self.undo_stack.push(
                EditItem(self, r, self._items[r], _with_section(self._items[r], section), "section", "")
            )
        self.undo_stack.endMacro()

    def _room_for(self, added: int) -> bool:
        """Whether ``added`` more items keep the routine within the limit; if not, says so."""
        problem = too_many_items(len(self._items) + added)
        if problem is not None:
            self.refused.emit(problem)
        return problem is None

    def _describe(self, verb: str, rows: Sequence[int]) -> str:
        if len(rows) == 1:
            return f"{verb} {self.data(self.index(rows[0], 0))}"
        return f"{verb} {len(rows)} exercises"

    # -- primitives (used by the undo commands and by loading) ---------------------------------
    def set_routine(self, items: Sequence[RoutineItem], exercises: Mapping[str, Exercise]) -> None:
        """Show another routine; its history starts afresh."""
        self.beginResetModel()
        self._items = list(items)
        self._exercises = exercises
        self.endResetModel()
        self.undo_stack.clear()

    def set_exercises(self, exercises: Mapping[str, Exercise]) -> None:
        self._exercises = exercises
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def insert_items(self, row: int, items: Sequence[RoutineItem]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self._items[row:row] = list(items)
        self.endInsertRows()
        self._changed(row)

    def remove_items(self, rows: Sequence[int]) -> list[RoutineItem]:
        """Remove the given rows (ascending); returns what was there."""
        removed = [self._items[r] for r in rows]
        for row in reversed(rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
        self._changed(rows[0] if rows else 0)
        return removed

    def restore_items(self, rows: Sequence[int], items: Sequence[RoutineItem]) -> None:
        for row, item in zip(rows, items, strict=True):
            self.beginInsertRows(QModelIndex(), row, row)
            self._items.insert(row, item)
            self.endInsertRows()
        self._changed(rows[0] if rows else 0)

    def permute(self, order: Sequence[int]) -> None:
        """Reorder so that new row i holds old row ``order[i]``, keeping selections on their items."""
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_row[i.row()], 0) if i.isValid() else i for i in old_indexes]
        self._items = [self._items[old] for old in order]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
        self._changed(0)

    def replace_item(self, row: int, item: RoutineItem) -> None:
        self._items[row] = item
        self._changed(row)

    def _changed(self, first_row: int) -> None:
        # a section title may move to or from the next row, so repaint from the changed row on
        if self._items:
            first = max(0, min(first_row, len(self._items) - 1))
            self.dataChanged.emit(self.index(first, 0), self.index(len(self._items) - 1, 0))
        self.items_changed.emit()


def _with_section(item: RoutineItem, section: str) -> RoutineItem:
    from dataclasses import replace

    return replace(item, section=section)
