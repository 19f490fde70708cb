"""The session history as a table that holds only ids and fetches the rows it shows, a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hipdesk.domain.history import SessionSummary, duration_text
from hipdesk.domain.model import SessionStatus

_Index = QModelIndex | QPersistentModelIndex
PAGE = 100  # rows fetched in one query


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    SUMMARY = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    DATE = 0
    ROUTINE = 1
    STATUS = 2
    DURATION = 3
    DONE = 4
    SKIPPED = 5
    EFFORT = 6
    LEFT = 7
    RIGHT = 8


HEADERS = {
    Column.DATE: "Date",
    Column.ROUTINE: "Routine",
    Column.STATUS: "Status",
    Column.DURATION: "Length",
    Column.DONE: "Sets",
    Column.SKIPPED: "Skipped",
    Column.EFFORT: "Effort",
    Column.LEFT: "Left hip",
    Column.RIGHT: "Right hip",
}
HEADER_TIPS = {
    Column.STATUS: "Finished, or ended before the end of the routine (partial)",
    Column.DURATION: "How long the session took",
    Column.DONE: "Sets done",
    Column.SKIPPED: "Sets skipped",
    Column.EFFORT: "How hard it felt, 1 to 10",
    Column.LEFT: "Discomfort in the left hip after the session, 0 to 10",
    Column.RIGHT: "Discomfort in the right hip after the session, 0 to 10",
}
STATUS_TEXT = {SessionStatus.FINISHED: "Finished", SessionStatus.PARTIAL: "Partial"}
_NUMERIC = (Column.DURATION, Column.DONE, Column.SKIPPED, Column.EFFORT, Column.LEFT, Column.RIGHT)


class HistoryModel(QAbstractTableModel):
    """Sessions newest first. ``fetch(ids)`` returns their SessionSummary rows (from the Repo)."""

    def __init__(self, fetch: Callable[[Sequence[int]], list[SessionSummary]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._rows: dict[int, SessionSummary] = {}
        self.fetches = 0  # queries made (for tests and the benchmark)

    # -- contents ------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, session_id: int) -> int:
        try:
            return self._ids.index(session_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> SessionSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        session_id = self._ids[row]
        if session_id not in self._rows:
            self._load_page(row)
        return self._rows.get(session_id)

    def _load_page(self, row: int) -> None:
        start = row - row % PAGE
        wanted = [i for i in self._ids[start : start + PAGE] if i not in self._rows]
        self.fetches += 1
        for found in self._fetch(wanted):
            self._rows[found.id] = found

    def remove_session(self, session_id: int) -> int:
        """Take a session's row away (it was deleted); returns the row it had, or -1."""
        row = self.row_of(session_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self._rows.pop(session_id, None)
            self.endRemoveRows()
        return row

    def insert_session(self, row: int, session_id: int) -> None:
        """Put a session's row back at ``row`` (an undone delete)."""
        row = max(0, min(row, len(self._ids)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, session_id)
        self.endInsertRows()

    def refresh_session(self, session_id: int) -> None:
        """Read one session again (its notes changed)."""
        row = self.row_of(session_id)
        if row < 0:
            return
        self._rows.pop(session_id, None)
        for found in self._fetch([session_id]):
            self._rows[found.id] = found
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[Column(section)]
            if role == Qt.ItemDataRole.ToolTipRole:
                return HEADER_TIPS.get(Column(section))
            if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._ids)
            or not 0 <= index.column() < len(Column)
        ):
            return None
        if role == Role.ID:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Role.SUMMARY,
                        Qt.ItemDataRole.TextAlignmentRole):  # fmt: skip
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        s = self.summary(index.row())
        if s is None:
            return None
        if role == Role.SUMMARY:
            return s
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.ROUTINE, Column.STATUS) and s.status is SessionStatus.PARTIAL:
                return "Ended before the end of the routine"
            return None
        return self._text(s, column)

    @staticmethod
    def _text(s: SessionSummary, column: Column) -> str:
        if column == Column.DATE:
            return f"{s.started_at.astimezone():%Y-%m-%d %H:%M}"
        if column == Column.ROUTINE:
            return s.routine_name
        if column == Column.STATUS:
            return STATUS_TEXT.get(s.status, s.status.value.capitalize())
        if column == Column.DURATION:
            return duration_text(s.duration_s)
        if column == Column.DONE:
            return str(s.sets_done)
        if column == Column.SKIPPED:
            return str(s.sets_skipped)
        if column == Column.EFFORT:
            return "" if s.rpe is None else f"{s.rpe}/10"
        value = s.discomfort_left if column == Column.LEFT else s.discomfort_right
        return "" if value is None else str(value)
