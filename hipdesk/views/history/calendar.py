"""A month calendar that marks each day planned, done, partly done or missed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import cast

from PySide6.QtCore import QDate, QLocale, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCalendarWidget, QWidget

from hipdesk.domain.history import DayState
from hipdesk.views.common.dates import ui_locale

STATE_COLOURS = {
    DayState.DONE: QColor("#3f9a4f"),
    DayState.PARTLY: QColor("#d8a21c"),
    DayState.MISSED: QColor("#cf4436"),
    DayState.PLANNED: QColor("#3a87c8"),
}
LEGEND = "● Done   ◐ Partly done   ✕ Missed   ○ Planned   ▬ Run"
RUN_COLOUR = QColor("#8a8f98")


class HistoryCalendar(QCalendarWidget):
    """Shows one month; the page gives it the states of the days of the month on show."""

    month_shown = Signal(int, int)  # year, month: the page answers with set_states

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states: dict[dt.date, DayState] = {}
        self.run_days: set[dt.date] = set()
        self.setObjectName("historyCalendar")
        self.setGridVisible(False)
        self.setLocale(ui_locale())  # English names; the week still starts where the system's does
        self.setFirstDayOfWeek(QLocale().firstDayOfWeek())
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.currentPageChanged.connect(self._on_current_page_changed)

    def _on_current_page_changed(self, year: int, month: int) -> None:
        self.month_shown.emit(year, month)

    def set_states(self, states: Mapping[dt.date, DayState]) -> None:
        self.states = dict(states)
        self.updateCells()

    def set_run_days(self, days: set[dt.date]) -> None:
        self.run_days = set(days)
        self.updateCells()

    def state(self, day: dt.date) -> DayState:
        return self.states.get(day, DayState.NONE)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        super().paintCell(painter, rect, date)
        day = cast(dt.date, date.toPython())
        if day in self.run_days:  # a bar along the top of a day with a run
            painter.fillRect(
                QRectF(rect.left() + rect.width() * 0.3, rect.top() + 2, rect.width() * 0.4, 3), RUN_COLOUR
            )
        state = self.states.get(day)
        if state is None or state is DayState.NONE:
            return
        colour = STATE_COLOURS[state]
        size = max(6.0, min(rect.width(), rect.height()) * 0.22)
        centre = QPointF(rect.center().x(), rect.bottom() - size * 0.8)
        box = QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.6))
        if state is DayState.DONE:
            painter.setBrush(colour)
            painter.drawEllipse(box)
        elif state is DayState.PARTLY:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)
            painter.setBrush(colour)
            painter.drawPie(box, 90 * 16, 180 * 16)
        elif state is DayState.MISSED:
            painter.drawLine(box.topLeft(), box.bottomRight())
            painter.drawLine(box.topRight(), box.bottomLeft())
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)
        painter.restore()
