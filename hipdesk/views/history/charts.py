"""The History page's charts (QtCharts, imported only when the page opens): weeks, progress, sides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from hipdesk.domain.history import DiscomfortPoint, ProgressPoint, WeekTotal
from hipdesk.domain.model import Side
from hipdesk.views.common.empty_note import EmptyNote

DONE_COLOUR = QColor("#3a87c8")
PLAN_COLOUR = QColor("#e08a2c")
SIDE_COLOURS = {Side.LEFT: QColor("#3a87c8"), Side.RIGHT: QColor("#d4493d"), Side.BOTH: QColor("#4c9a5a")}
SIDE_NAMES = {Side.LEFT: "Left", Side.RIGHT: "Right", Side.BOTH: "Both sides"}


def _msecs(day: dt.date) -> float:
    """Local noon of ``day`` in ms since the epoch (what QDateTimeAxis plots); QDateTime is slower."""
    return dt.datetime.combine(day, dt.time(12, 0)).timestamp() * 1000


STEPS = (1, 2, 5, 10, 15, 20, 25, 30, 50, 60, 100, 120, 150, 200, 250, 300, 500, 600, 1000)


def whole_axis(value: float, floor: float = 1.0, most_ticks: int = 6) -> tuple[int, int]:
    """(top, step) for an axis from 0 that holds ``value``: whole-number steps, at most
    ``most_ticks`` of them, the top a step above the highest value when it sits on a tick."""
    top = max(value, floor)
    for step in STEPS:
        if top / step <= most_ticks - 1:
            return step * (int(top // step) + 1), step
    step = STEPS[-1] * (int(top / STEPS[-1] / (most_ticks - 1)) + 1)
    return step * (int(top // step) + 1), step


def _whole_ticks(axis: QValueAxis, top: int, step: int) -> None:
    """Ticks at 0, step, 2 step, ... up to ``top``: reps, seconds, minutes and sessions are counted."""
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    axis.setLabelFormat("%d")


class Chart(QChartView):
    """A chart view that follows the palette (light or dark) and keeps its series easy to replace."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setTitle(title)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setMinimumHeight(170)
        self.empty_text = ""  # said over the chart while it has nothing to show
        self.note = EmptyNote(self.viewport())
        self._follow_palette()

    def _follow_palette(self) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        self.chart_.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        self.chart_.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        self.chart_.setTitleBrush(text)
        self.chart_.legend().setLabelColor(text)

    def clear(self) -> None:
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)

    def _axis_colours(self, *axes: object) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.8)
        for axis in axes:
            axis.setLabelsFont(font)  # type: ignore[attr-defined]
            axis.setLabelsColor(text)  # type: ignore[attr-defined]
            axis.setTitleBrush(text)  # type: ignore[attr-defined]


class WeeksChart(Chart):
    """Done against planned per week: bars for what was done, a line for the plan."""

    def __init__(self, title: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.unit = unit  # "minutes" or "sessions"
        self.values: list[float] = []

    def set_weeks(self, weeks: Sequence[WeekTotal]) -> None:
        """Bars from the first week there is something in (a session or the plan), the current last."""
        self.clear()
        self.note.show_text(None if weeks else self.empty_text)
        if not weeks:
            self.values = []
            return
        minutes = self.unit == "minutes"
        self.values = [w.minutes if minutes else float(w.sessions) for w in weeks]
        plan = [float(w.planned_minutes if minutes else w.planned_sessions) for w in weeks]
        bars = QBarSet("Done")
        bars.setColor(DONE_COLOUR)
        bars.append([round(v, 1) for v in self.values])
        series = QBarSeries()
        series.append(bars)
        line = QLineSeries()
        line.setName("Planned")
        line.setPen(QPen(PLAN_COLOUR, 2, Qt.PenStyle.DashLine))
        for i, value in enumerate(plan):  # across each week's bar: one week alone still shows its plan
            line.append(i - 0.5, value)
            line.append(i + 0.5, value)
        self.chart_.addSeries(series)
        self.chart_.addSeries(line)
        x = QBarCategoryAxis()
        x.append([f"{w.start.day}/{w.start.month}" for w in weeks])  # short: twelve fit side by side
        y = QValueAxis()
        _whole_ticks(y, *whole_axis(max([*self.values, *plan], default=0)))
        small = x.labelsFont()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        x.setLabelsFont(small)
        x.setLabelsAngle(-90)  # upright labels need no more width than a bar
        x.setTruncateLabels(False)  # QtCharts would cut upright labels to a bar's width
        x.setTitleText("Week starting")
        y.setTitleText(self.unit.capitalize())
        self._axis_colours(x, y)
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in (series, line):
            s.attachAxis(x)
            s.attachAxis(y)


RUN_COLOUR = QColor("#8a8f98")


class RunWeeksChart(Chart):
    """Kilometres run per week as bars (left axis) against lines of hip work (right axis)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.km: list[float] = []

    def set_runs(
        self,
        starts: Sequence[dt.date],
        km: Sequence[float],
        lines: Sequence[tuple[str, QColor, Sequence[float | None]]],
        right_title: str,
        right_top: int | None = None,
    ) -> None:
        """``lines``: (name, colour, one value per week, None where the week has none)."""
        self.clear()
        self.km = list(km)
        shown = bool(starts) and any(v > 0 for v in km)
        self.note.show_text(None if shown else self.empty_text)
        if not shown:
            return
        bars = QBarSet("Km run")
        bars.setColor(RUN_COLOUR)
        bars.append([round(v, 1) for v in km])
        series = QBarSeries()
        series.append(bars)
        self.chart_.addSeries(series)
        x = QBarCategoryAxis()
        x.append([f"{d.day}/{d.month}" for d in starts])
        x.setLabelsAngle(-90)
        x.setTruncateLabels(False)
        x.setTitleText("Week starting")
        left = QValueAxis()
        _whole_ticks(left, *whole_axis(max(km)))
        left.setTitleText("Km")
        right = QValueAxis()
        values = [v for _n, _c, vs in lines for v in vs if v is not None]
        if right_top is not None:
            _whole_ticks(right, right_top, 2)
        else:
            _whole_ticks(right, *whole_axis(max(values, default=0)))
        right.setTitleText(right_title)
        self._axis_colours(x, left, right)
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        self.chart_.addAxis(right, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(x)
        series.attachAxis(left)
        for name, colour, weekly in lines:
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(colour, 2))
            line.setPointsVisible(True)
            for i, value in enumerate(weekly):
                if value is not None:
                    line.append(i, value)
            self.chart_.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(right)


class LinesChart(Chart):
    """Lines over dates, one per side: an exercise's reps or seconds, or discomfort."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.series: dict[Side, QLineSeries] = {}

    def _show(
        self, lines: dict[Side, list[tuple[dt.date, float]]], y_title: str, y_max: float | None
    ) -> None:
        self.clear()
        self.series = {}
        days = [day for points in lines.values() for day, _v in points]
        values = [v for points in lines.values() for _d, v in points]
        self.note.show_text(None if days else self.empty_text)
        if not days:
            self.chart_.legend().hide()
            return
        self.chart_.legend().setVisible(True)
        x = QDateTimeAxis()
        span = (max(days) - min(days)).days
        x.setFormat("MMM ''yy" if span > 120 else "d MMM")  # "May '26": five fit a narrow chart
        x.setTickCount(5)
        x.setTruncateLabels(False)
        low, high = min(days), max(days)
        if low == high:
            low, high = low - dt.timedelta(days=3), high + dt.timedelta(days=3)
        x.setRange(
            QDateTime(dt.datetime.combine(low, dt.time())),
            QDateTime(dt.datetime.combine(high, dt.time(23, 59))),
        )
        y = QValueAxis()
        if y_max is not None:
            _whole_ticks(y, int(y_max), 2)
        else:
            _whole_ticks(y, *whole_axis(max(values)))
        y.setTitleText(y_title)
        self._axis_colours(x, y)
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for side, points in lines.items():
            if not points:
                continue
            series = QLineSeries()
            series.setName(SIDE_NAMES[side])
            series.setPen(QPen(SIDE_COLOURS[side], 2))
            series.setPointsVisible(len(points) < 40)
            series.append([_point(day, value) for day, value in points])
            self.chart_.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
            self.series[side] = series

    def set_progress(self, points: Sequence[ProgressPoint], unit: str) -> None:
        lines: dict[Side, list[tuple[dt.date, float]]] = {}
        for p in points:
            lines.setdefault(p.side, []).append((p.day, p.value))
        self._show(lines, unit, None)

    def set_discomfort(self, points: Sequence[DiscomfortPoint]) -> None:
        lines: dict[Side, list[tuple[dt.date, float]]] = {Side.LEFT: [], Side.RIGHT: []}
        for p in points:
            if p.left is not None:
                lines[Side.LEFT].append((p.day, p.left))
            if p.right is not None:
                lines[Side.RIGHT].append((p.day, p.right))
        self._show(lines, "Discomfort (0–10)", 10.0)


def _point(day: dt.date, value: float) -> QPointF:
    return QPointF(_msecs(day), value)
