"""Undo commands for routine edits: each applies a change and knows how to take it back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from hipdesk.domain.model import ItemSides, RepMode, RoutineItem

if TYPE_CHECKING:
    from hipdesk.views.routines.items_model import RoutineItemsModel

_FIELDS = (
    "sets",
    "reps",
    "hold_s",
    "work_s",
    "sides",
    "rest_s",
    "rest_after_s",
    "rep_mode",
    "note",
    "section",
)


# how an undo step names a field: its words and the unit after its value
_FIELD_WORDS = {
    "sets": ("sets", ""),
    "reps": ("reps", ""),
    "hold_s": ("the hold", " s"),
    "work_s": ("timed work", " s"),
    "rest_s": ("rest between sets", " s"),
    "rest_after_s": ("rest after", " s"),
    "sides": ("sides", ""),
    "rep_mode": ("rep counting", ""),
}


def edit_text(field: str, name: str, item: RoutineItem) -> str:
    """The undo step's name in words: "Change timed work of High Knees to 45 s"."""
    if field == "note":
        return f"Change the note of {name}" if item.note else f"Clear the note of {name}"
    words, unit = _FIELD_WORDS.get(field, (field.replace("_", " "), ""))
    value = getattr(item, field)
    if isinstance(value, ItemSides):
        shown = value.label.lower()
    elif isinstance(value, RepMode):
        shown = "a paced count" if value is RepMode.PACED else "pressing Done"
    else:
        shown = f"{value}{unit}"
    return f"Change {words} of {name} to {shown}"


class InsertItems(QUndoCommand):
    def __init__(self, model: RoutineItemsModel, row: int, items: Sequence[RoutineItem], text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.items = model, row, list(items)

    def redo(self) -> None:
        self.model.insert_items(self.row, self.items)

    def undo(self) -> None:
        self.model.remove_items(range(self.row, self.row + len(self.items)))


class RemoveItems(QUndoCommand):
    def __init__(self, model: RoutineItemsModel, rows: Sequence[int], text: str) -> None:
        super().__init__(text)
        self.model, self.rows = model, list(rows)
        self.removed: list[RoutineItem] = []

    def redo(self) -> None:
        self.removed = self.model.remove_items(self.rows)

    def undo(self) -> None:
        self.model.restore_items(self.rows, self.removed)


class PermuteItems(QUndoCommand):
    """A move of any rows to anywhere, as a permutation: new row i holds old row order[i]."""

    def __init__(self, model: RoutineItemsModel, order: Sequence[int], text: str) -> None:
        super().__init__(text)
        self.model, self.order = model, list(order)
        self.inverse = [0] * len(self.order)
        for new, old in enumerate(self.order):
            self.inverse[old] = new

    def redo(self) -> None:
        self.model.permute(self.order)

    def undo(self) -> None:
        self.model.permute(self.inverse)


class EditItem(QUndoCommand):
    """One field of one item; consecutive edits of the same field (a spin box drag) merge."""

    def __init__(
        self,
        model: RoutineItemsModel,
        row: int,
        before: RoutineItem,
        after: RoutineItem,
        field: str,
        text: str,
    ) -> None:
        super().__init__(text)
        self.model, self.row, self.before, self.after, self.field = model, row, before, after, field

    def id(self) -> int:
        return 1000 + _FIELDS.index(self.field) if self.field in _FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItem) or other.row != self.row or other.field != self.field:
            return False
        self.after = other.after
        self.setText(other.text())  # the name says the value it ends at
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self.model.replace_item(self.row, self.after)

    def undo(self) -> None:
        self.model.replace_item(self.row, self.before)
