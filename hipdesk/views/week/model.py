"""The week plan as a tree: seven days, each with its planned routines; drops and undoable edits.

Top-level rows are the days, Monday = row 0, whatever the locale's first day (the views order them);
the children of a day are the routines planned on it. A day column in the view is a list whose root
index is that day, so drops land with the day as their parent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from hipdesk.domain.day_order import time_order
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.guidance import minutes_text, routine_minutes
from hipdesk.domain.model import WEEKDAY_NAMES, PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.pace import Pace
from hipdesk.domain.serialize import parse_time
from hipdesk.views.common import mime
from hipdesk.views.common.text import plain_tooltip
from hipdesk.views.week.commands import InsertPlanned, MovePlanned, RemovePlanned, SetRun, SetTime

_Index = QModelIndex | QPersistentModelIndex
Position = tuple[int, int]  # (weekday, row within the day)
_DAY = 0  # internal id of a day's index; an entry's is its weekday + 1


class Role(IntEnum):
    WEEKDAY = Qt.ItemDataRole.UserRole + 1  # both: 0 = Monday
    RUN = Qt.ItemDataRole.UserRole + 2  # day: RunKind
    MINUTES = Qt.ItemDataRole.UserRole + 3  # day: planned minutes; entry: the routine's estimate
    PLANNED = Qt.ItemDataRole.UserRole + 4  # entry: PlannedRoutine
    ROUTINE = Qt.ItemDataRole.UserRole + 5  # entry: Routine, or None once deleted
    MISSING = Qt.ItemDataRole.UserRole + 6  # entry: True when the routine was deleted
    TIME = Qt.ItemDataRole.UserRole + 7  # entry: datetime.time or None
    SUBTITLE = Qt.ItemDataRole.UserRole + 8  # both: a line beneath the name
    IS_DAY = Qt.ItemDataRole.UserRole + 9


def time_text(time: dt.time | None) -> str:
    return time.strftime("%H:%M") if time is not None else ""


def quoted(name: str) -> str:
    return f"“{name}”"


def command_name(name: str) -> str:
    """A name for an undo command's text, which Edit ▸ Undo shows: "&" there would underline."""
    return quoted(name.replace("&", "&&"))


class WeekModel(QAbstractItemModel):
    """Public edits go through ``undo_stack``; the primitives below them are for the commands."""

    plan_changed = Signal()  # after every change: save
    notice = Signal(str)  # a sentence for the user: a refused drop or time
    placed = Signal(int, int, int)  # weekday, first row, count: entries dropped or moved there

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._runs: list[RunKind] = [RunKind.NONE] * 7
        self._entries: list[list[PlannedRoutine]] = [[] for _ in range(7)]
        self._routines: dict[int, Routine] = {}
        self.pace = Pace()  # what the minutes are estimated at: the pace sessions run at
        self._token = f"{id(self):x}"
        self._batch_depth = 0  # inside one_change(): plan_changed waits for the end
        self._batch_changed = False

    # -- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _DAY) if row < 7 else QModelIndex()
        if parent.internalId() == _DAY and parent.column() == 0:
            weekday = parent.row()
            if row < len(self._entries[weekday]):
                return self.createIndex(row, 0, weekday + 1)
        return QModelIndex()

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: _Index) -> QModelIndex: ...
    def parent(self, child: _Index | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == _DAY:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _DAY)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 7
        if parent.internalId() == _DAY and parent.column() == 0:
            return len(self._entries[parent.row()])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def day_index(self, weekday: int) -> QModelIndex:
        return self.index(weekday, 0)

    def entry_index(self, weekday: int, row: int) -> QModelIndex:
        return self.index(row, 0, self.day_index(weekday))

    @staticmethod
    def position(index: _Index) -> Position | None:
        """(weekday, row) of an entry's index; None for a day or nothing."""
        if not index.isValid() or index.internalId() == _DAY:
            return None
        return int(index.internalId()) - 1, index.row()

    # -- reading -------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self.position(index)
        if position is None:
            return self._day_data(index.row(), role)
        weekday, row = position
        if not 0 <= row < len(self._entries[weekday]):
            return None
        return self._entry_data(weekday, self._entries[weekday][row], role)

    def _day_data(self, weekday: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return WEEKDAY_NAMES[weekday]
        if role == Role.WEEKDAY:
            return weekday
        if role == Role.RUN:
            return self._runs[weekday]
        if role == Role.MINUTES:
            return self.day_minutes(weekday)
        if role == Role.SUBTITLE:
            return self._runs[weekday].label
        if role == Role.IS_DAY:
            return True
        return None

    def _entry_data(self, weekday: int, entry: PlannedRoutine, role: int) -> Any:
        routine = self.routine_of(entry)
        if role == Qt.ItemDataRole.DisplayRole:
            return routine.name if routine is not None else entry.routine_name
        if role == Qt.ItemDataRole.EditRole:
            return time_text(entry.time)
        if role == Role.SUBTITLE:
            if routine is None:
                return "Deleted"
            when = time_text(entry.time) or "Any time"
            return f"{when} · {minutes_text(routine_minutes(routine, self.pace))}"
        if role == Qt.ItemDataRole.ToolTipRole:
            name = routine.name if routine is not None else entry.routine_name
            if routine is None:
                return plain_tooltip(
                    f"{name} was deleted. Press Delete to take it off {WEEKDAY_NAMES[weekday]}."
                )
            when = f"at {time_text(entry.time)}" if entry.time else "at any time"
            return plain_tooltip(
                f"{name} on {WEEKDAY_NAMES[weekday]} {when}, about "
                f"{minutes_text(routine_minutes(routine, self.pace))}. Double-click to set the time."
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = routine.name if routine is not None else entry.routine_name
            return f"{name}, {self._entry_data(weekday, entry, Role.SUBTITLE)}"
        if role == Role.WEEKDAY:
            return weekday
        if role == Role.PLANNED:
            return entry
        if role == Role.ROUTINE:
            return routine
        if role == Role.MISSING:
            return routine is None
        if role == Role.TIME:
            return entry.time
        if role == Role.MINUTES:
            return routine_minutes(routine, self.pace) if routine is not None else 0
        if role == Role.IS_DAY:
            return False
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _DAY:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if not index.data(Role.MISSING):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def routine_of(self, entry: PlannedRoutine) -> Routine | None:
        return self._routines.get(entry.routine_id) if entry.routine_id is not None else None

    def run(self, weekday: int) -> RunKind:
        return self._runs[weekday]

    def entries(self, weekday: int) -> tuple[PlannedRoutine, ...]:
        return tuple(self._entries[weekday])

    def day_minutes(self, weekday: int) -> int:
        return sum(
            routine_minutes(r, self.pace)
            for e in self._entries[weekday]
            if (r := self.routine_of(e)) is not None
        )

    def missing_positions(self) -> list[Position]:
        return [
            (weekday, row)
            for weekday, entries in enumerate(self._entries)
            for row, entry in enumerate(entries)
            if self.routine_of(entry) is None
        ]

    def routines(self) -> list[Routine]:
        return list(self._routines.values())

    def plan(self) -> WeekPlan:
        """The plan as it stands, with the routines' current names."""
        days = []
        for weekday in range(7):
            entries = []
            for entry in self._entries[weekday]:
                routine = self.routine_of(entry)
                name = routine.name if routine is not None else entry.routine_name
                entries.append(PlannedRoutine(name, entry.time, entry.routine_id if routine else None))
            days.append(PlannedDay(weekday, self._runs[weekday], tuple(entries)))
        return WeekPlan(days=tuple(days))

    # -- editing the time in place ---------------------------------------------------------------
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        position = self.position(index)
        if position is None:
            if index.isValid() and role == Role.RUN:
                try:
                    self.set_run(index.row(), RunKind(value))
                except ValueError:
                    return False
                return True
            return False
        if role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        text = value.strip()
        try:
            time = parse_time(text) if text else None
        except ValidationError as exc:
            self.notice.emit(str(exc))
            return False
        self.set_time(position, time)
        return True

    # -- drag and drop -------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [mime.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        positions = sorted({p for i in indexes if (p := self.position(i)) is not None})
        return mime.encode(mime.PLANNED, source=self._token, entries=[list(p) for p in positions])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _target(self, row: int, parent: _Index) -> Position | None:
        """Where a drop lands: (weekday, row before which it goes)."""
        if not parent.isValid():
            return None
        position = self.position(parent)
        if position is not None:  # on an entry: before it
            return position
        weekday = parent.row()
        count = len(self._entries[weekday])
        return weekday, row if 0 <= row <= count else count

    def _payload(self, data: QMimeData | None) -> tuple[str, list[Any]] | None:
        routines = mime.decode(data, mime.ROUTINES)
        if routines is not None:
            ids = [i for i in routines.get("ids", []) if type(i) is int and i in self._routines]
            return ("add", ids) if ids else None
        planned = mime.decode(data, mime.PLANNED)
        if planned is not None and planned.get("source") == self._token:
            positions = []
            for pair in planned.get("entries", []):
                if (
                    isinstance(pair, list)
                    and len(pair) == 2
                    and all(isinstance(v, int) for v in pair)
                    and 0 <= pair[0] < 7
                    and 0 <= pair[1] < len(self._entries[pair[0]])
                ):
                    positions.append((pair[0], pair[1]))
            return ("move", sorted(set(positions))) if positions else None
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._target(row, parent) is not None and self._payload(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        target = self._target(row, parent)
        payload = self._payload(data)
        if target is None or payload is None:
            return False
        weekday, at = target
        kind, values = payload
        if kind == "add":
            return self.add_routines(values, weekday, at) > 0
        return self.move_entries(values, weekday, at)

    # -- edits (undoable) ----------------------------------------------------------------------
    def slot(self, weekday: int, time: dt.time | None, wanted: int, without: int | None = None) -> int:
        """The row nearest ``wanted`` where a routine at ``time`` keeps the day in time order
        (counted without the entry at row ``without``, the one that moves)."""
        others = [e for r, e in enumerate(self._entries[weekday]) if r != without]
        key = time_order(PlannedRoutine("", time))
        low = sum(1 for e in others if time_order(e) < key)
        high = sum(1 for e in others if time_order(e) <= key)
        return max(low, min(wanted, high))

    def time_problem(self, text: str) -> str | None:
        """Why ``text`` is not a time of day for a planned routine, or None when it is (or empty)."""
        try:
            if text.strip():
                parse_time(text.strip())
        except ValidationError as exc:
            return f"{exc}. The time stays as it was."
        return None

    def _already(self, weekday: int, routine_id: int | None, leaving: Iterable[Position] = ()) -> bool:
        staying = [e for r, e in enumerate(self._entries[weekday]) if (weekday, r) not in set(leaving)]
        return routine_id is not None and any(e.routine_id == routine_id for e in staying)

    def add_routines(self, routine_ids: Iterable[int], weekday: int, row: int | None = None) -> int:
        """Plan routines on a day (each at most once a day); returns how many were added."""
        count = len(self._entries[weekday])
        row = self.slot(weekday, None, count if row is None else max(0, min(row, count)))
        entries: list[PlannedRoutine] = []
        refused = []
        for routine_id in dict.fromkeys(routine_ids):
            routine = self._routines.get(routine_id)
            if routine is None:
                continue
            if self._already(weekday, routine_id):
                refused.append(routine.name)
                continue
            entries.append(PlannedRoutine(routine.name, None, routine_id))
        self._refused(refused, weekday)
        if entries:
            what = command_name(entries[0].routine_name) if len(entries) == 1 else f"{len(entries)} routines"
            self.undo_stack.push(
                InsertPlanned(self, weekday, row, entries, f"Plan {what} on {WEEKDAY_NAMES[weekday]}")
            )
        return len(entries)

    def move_entries(self, positions: Iterable[Position], weekday: int, row: int | None = None) -> bool:
        """Move entries (from any days) to a day, before ``row``; returns False when nothing moved."""
        chosen = sorted({p for p in positions if 0 <= p[0] < 7 and 0 <= p[1] < len(self._entries[p[0]])})
        moving: list[Position] = []
        refused: list[str] = []
        arriving: set[int] = set()
        for p in chosen:
            routine_id = self._entries[p[0]][p[1]].routine_id
            if p[0] != weekday and (self._already(weekday, routine_id, chosen) or routine_id in arriving):
                refused.append(self.data(self.entry_index(*p)))
                continue
            moving.append(p)
            if routine_id is not None:
                arriving.add(routine_id)
        self._refused(refused, weekday)
        if not moving:
            return False
        count = len(self._entries[weekday])
        row = count if row is None else max(0, min(row, count))
        objects = [self._entries[d][r] for d, r in moving]
        names = [self.data(self.entry_index(*p)) for p in moving]
        what = command_name(names[0]) if len(names) == 1 else f"{len(names)} routines"
        text = f"Move {what} to {WEEKDAY_NAMES[weekday]}"
        macro = len(objects) > 1  # each lands at its own time: one step to undo them all
        if macro:
            self.undo_stack.beginMacro(text)
        moved = False
        try:
            wanted = row - sum(1 for d, r in moving if d == weekday and r < row)  # once they have left
            for entry in objects:
                day, at = next((d, r) for d in range(7) for r, e in enumerate(self._entries[d]) if e is entry)
                same = day == weekday
                final = self.slot(weekday, entry.time, wanted, at if same else None)
                if same and final == at:
                    wanted = at + 1
                    continue
                # MovePlanned counts the target row before the entry leaves its place
                before = final + 1 if same and at <= final else final
                self.undo_stack.push(MovePlanned(self, [(day, at)], weekday, before, text))
                moved = True
                wanted = final + 1
        finally:
            if macro:
                self.undo_stack.endMacro()
        if macro and not moved:  # an empty step would only confuse Edit ▸ Undo
            empty = self.undo_stack.command(self.undo_stack.count() - 1)
            if empty is not None and empty.childCount() == 0:
                empty.setObsolete(True)
                self.undo_stack.undo()
        if not moved:
            if len(moving) != len(chosen) or any(e.time is not None for e in objects):
                self.notice.emit(
                    "A day keeps its routines in time order: set a time (double-click) to move one."
                )
        return True

    def remove_entries(self, positions: Iterable[Position]) -> None:
        chosen = sorted({p for p in positions if 0 <= p[0] < 7 and 0 <= p[1] < len(self._entries[p[0]])})
        if not chosen:
            return
        if len(chosen) == 1:
            weekday, row = chosen[0]
            name = command_name(self.data(self.entry_index(weekday, row)))
            text = f"Remove {name} from {WEEKDAY_NAMES[weekday]}"
        else:
            text = f"Remove {len(chosen)} routines"
        self.undo_stack.push(RemovePlanned(self, chosen, text))

    def remove_missing(self) -> int:
        """Take every deleted routine off the plan in one step; returns how many there were."""
        missing = self.missing_positions()
        if missing:
            text = "Remove the deleted routine" if len(missing) == 1 else "Remove the deleted routines"
            self.undo_stack.push(RemovePlanned(self, missing, text))
        return len(missing)

    def set_time(self, position: Position, time: dt.time | None) -> None:
        weekday, row = position
        if not (0 <= weekday < 7 and 0 <= row < len(self._entries[weekday])):
            return
        before = self._entries[weekday][row].time
        if before == time:
            return
        name = command_name(self.data(self.entry_index(weekday, row)))
        text = (
            f"Set {name} on {WEEKDAY_NAMES[weekday]} to {time_text(time)}"
            if time is not None
            else f"Set {name} on {WEEKDAY_NAMES[weekday]} to any time"
        )
        self.undo_stack.push(SetTime(self, position, before, time, text))

    def set_run(self, weekday: int, run: RunKind) -> None:
        before = self._runs[weekday]
        if before != run:
            self.undo_stack.push(
                SetRun(self, weekday, before, run, f"Make {WEEKDAY_NAMES[weekday]} {run.label.lower()}")
            )

    def _refused(self, names: Sequence[str], weekday: int) -> None:
        if not names:
            return
        what = quoted(names[0]) if len(names) == 1 else f"{len(names)} of them"
        verb = "is" if len(names) == 1 else "are"
        self.notice.emit(f"{what} {verb} already planned on {WEEKDAY_NAMES[weekday]}.")

    # -- primitives (used by the undo commands and by loading) ---------------------------------
    def set_plan(self, plan: WeekPlan, routines: Iterable[Routine]) -> None:
        """Show another plan; its history starts afresh."""
        self.beginResetModel()
        self._routines = {r.id: r for r in routines if r.id is not None}
        self._runs = [day.run for day in plan.days]
        self._entries = [sorted(day.routines, key=time_order) for day in plan.days]
        self.endResetModel()
        self.undo_stack.clear()

    def set_routines(self, routines: Iterable[Routine]) -> None:
        """New names and lengths for the routines (deleted ones show as gone)."""
        self._routines = {r.id: r for r in routines if r.id is not None}
        for weekday in range(7):
            self._repaint(weekday)

    def insert_entries(self, weekday: int, row: int, entries: Sequence[PlannedRoutine]) -> None:
        if not entries:
            return
        self.beginInsertRows(self.day_index(weekday), row, row + len(entries) - 1)
        self._entries[weekday][row:row] = list(entries)
        self.endInsertRows()
        self._changed({weekday})
        self.placed.emit(weekday, row, len(entries))

    def take_entries(self, positions: Sequence[Position]) -> list[PlannedRoutine]:
        """Remove the entries at ``positions`` (ascending); returns them in that order."""
        taken = [self._entries[d][r] for d, r in positions]
        for weekday, row in sorted(positions, reverse=True):
            self.beginRemoveRows(self.day_index(weekday), row, row)
            del self._entries[weekday][row]
            self.endRemoveRows()
        self._changed({d for d, _ in positions})
        return taken

    def restore_entries(self, positions: Sequence[Position], entries: Sequence[PlannedRoutine]) -> None:
        """Put back what ``take_entries`` removed (positions ascending)."""
        for (weekday, row), entry in zip(positions, entries, strict=True):
            self.beginInsertRows(self.day_index(weekday), row, row)
            self._entries[weekday].insert(row, entry)
            self.endInsertRows()
        self._changed({d for d, _ in positions})

    def replace_time(self, position: Position, time: dt.time | None, row: int | None = None) -> Position:
        """Set an entry's time; it moves to keep the day in time order, as near ``row`` (else its own
        row) as that allows. Returns where it is now."""
        weekday, at = position
        entry = self._entries[weekday][at]
        to = self.slot(weekday, time, at if row is None else row, at)
        if to != at:
            day = self.day_index(weekday)
            self.beginMoveRows(day, at, at, day, to if to < at else to + 1)
            del self._entries[weekday][at]
            self._entries[weekday].insert(to, entry)
            self.endMoveRows()
        self._entries[weekday][to] = PlannedRoutine(entry.routine_name, time, entry.routine_id)
        index = self.entry_index(weekday, to)
        self.dataChanged.emit(index, index)
        self._changed({weekday})
        return weekday, to

    def replace_run(self, weekday: int, run: RunKind) -> None:
        self._runs[weekday] = run
        self._changed({weekday})

    def _repaint(self, weekday: int) -> None:
        day = self.day_index(weekday)
        self.dataChanged.emit(day, day)
        count = len(self._entries[weekday])
        if count:
            self.dataChanged.emit(self.index(0, 0, day), self.index(count - 1, 0, day))

    @contextmanager
    def one_change(self) -> Iterator[None]:
        """Primitives inside the block make one change: ``plan_changed`` (a save) once, at the end, so
        a move is never saved, or seen, half done."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._batch_changed:
                self._batch_changed = False
                self.plan_changed.emit()

    def _changed(self, weekdays: Iterable[int]) -> None:
        for weekday in sorted(set(weekdays)):
            day = self.day_index(weekday)
            self.dataChanged.emit(day, day)  # its minutes and its run
        if self._batch_depth:
            self._batch_changed = True
        else:
            self.plan_changed.emit()
