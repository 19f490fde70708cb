"""Undo commands for week plan edits: each applies a change and knows how to take it back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from hipdesk.domain.model import PlannedRoutine, RunKind

if TYPE_CHECKING:
    from hipdesk.views.week.model import WeekModel

Position = tuple[int, int]  # (weekday, row within the day)


class InsertPlanned(QUndoCommand):
    """Plan routines on a day, before the entry at ``row``."""

    def __init__(
        self, model: WeekModel, weekday: int, row: int, entries: Sequence[PlannedRoutine], text: str
    ) -> None:
        super().__init__(text)
        self.model, self.weekday, self.row, self.entries = model, weekday, row, list(entries)

    def redo(self) -> None:
        self.model.insert_entries(self.weekday, self.row, self.entries)

    def undo(self) -> None:
        self.model.take_entries([(self.weekday, self.row + i) for i in range(len(self.entries))])


class RemovePlanned(QUndoCommand):
    """Take entries off the plan, from any days."""

    def __init__(self, model: WeekModel, positions: Sequence[Position], text: str) -> None:
        super().__init__(text)
        self.model, self.positions = model, sorted(positions)
        self.removed: list[PlannedRoutine] = []

    def redo(self) -> None:
        self.removed = self.model.take_entries(self.positions)

    def undo(self) -> None:
        self.model.restore_entries(self.positions, self.removed)


class MovePlanned(QUndoCommand):
    """Move entries from any days to stand, in their order, before ``row`` of ``weekday``.

    ``row`` counts the entries of the target day as they are before the move.
    """

    def __init__(
        self, model: WeekModel, positions: Sequence[Position], weekday: int, row: int, text: str
    ) -> None:
        super().__init__(text)
        self.model, self.positions, self.weekday = model, sorted(positions), weekday
        # where the moved entries land once they have left their places
        self.row = row - sum(1 for d, r in self.positions if d == weekday and r < row)
        self.moved: list[PlannedRoutine] = []

    def redo(self) -> None:
        with self.model.one_change():
            self.moved = self.model.take_entries(self.positions)
            self.model.insert_entries(self.weekday, self.row, self.moved)

    def undo(self) -> None:
        with self.model.one_change():
            self.model.take_entries([(self.weekday, self.row + i) for i in range(len(self.moved))])
            self.model.restore_entries(self.positions, self.moved)


class SetTime(QUndoCommand):
    """Set an entry's time: it takes its place in the day's time order, and goes back on undo."""

    def __init__(
        self, model: WeekModel, position: Position, before: dt.time | None, after: dt.time | None, text: str
    ) -> None:
        super().__init__(text)
        self.model, self.position, self.before, self.after = model, position, before, after
        self.moved_to = position

    def redo(self) -> None:
        self.moved_to = self.model.replace_time(self.position, self.after)

    def undo(self) -> None:
        self.model.replace_time(self.moved_to, self.before, self.position[1])


class SetRun(QUndoCommand):
    def __init__(self, model: WeekModel, weekday: int, before: RunKind, after: RunKind, text: str) -> None:
        super().__init__(text)
        self.model, self.weekday, self.before, self.after = model, weekday, before, after

    def redo(self) -> None:
        self.model.replace_run(self.weekday, self.after)

    def undo(self) -> None:
        self.model.replace_run(self.weekday, self.before)
