"""The History page: sessions newest first with their sets and notes, the calendar, and the charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent, QUndoStack
from PySide6.QtWidgets import QHeaderView, QStyle, QTreeWidgetItem, QWidget

from hipdesk.app.changes import Change
from hipdesk.app.operations import sessions as session_ops
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.history import (
    CHART_WEEKS,
    DayState,
    SetLine,
    duration_text,
    month_states,
    progress_unit,
    progression_hints,
    scaled,
    side_balance,
    streak_loading,
    streak_text,
    week_start,
    week_totals,
    weekly_best,
    weekly_discomfort,
)
from hipdesk.domain.model import Exercise, SessionStatus
from hipdesk.domain.rules import plural
from hipdesk.views.common.dates import long_date_time, ui_locale
from hipdesk.views.common.empty_note import EmptyNote
from hipdesk.views.common.weekdays import first_weekday
from hipdesk.views.common.widgets import key_action, message
from hipdesk.views.forms.ui_history_page import Ui_HistoryPage
from hipdesk.views.history.calendar import LEGEND, HistoryCalendar
from hipdesk.views.history.charts import LinesChart, WeeksChart
from hipdesk.views.history.commands import DeleteSession
from hipdesk.views.history.model import HEADERS, Column, HistoryModel
from hipdesk.views.history.runs_overview import RunsOverview

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext
    from hipdesk.domain.history import Hint, SessionSummary


ALL_ROUTINES = "All routines"
MESSAGE_MS = 6000


# the widest text each column shows, beside its header
_SAMPLES = {
    Column.DATE: "0000-00-00 00:00",
    Column.STATUS: "Finished",
    Column.DURATION: "00:00:00",
    Column.DONE: "000",
    Column.SKIPPED: "00",
    Column.EFFORT: "10/10",
    Column.LEFT: "10",
    Column.RIGHT: "10",
}
ROUTINE_MIN_CHARS = 14  # the routine column keeps room for about this many letters
EMPTY_TABLE = "No sessions yet. Start a routine on Today, finish it, and it shows here."
EMPTY_CALENDAR = "The days you plan on the Week page show here; finish a session and its day is marked done."
EMPTY_FILTERED = "No sessions match these filters. All Time shows every session."


def _day(date: QDate) -> dt.date:
    return cast(dt.date, date.toPython())  # a date edit's QDate is a date


def column_widths(cells: QFontMetrics, headers: QFontMetrics) -> dict[Column, int]:
    """Each fixed column as wide as its header or its widest value, whichever is wider."""
    pad = 14
    return {
        column: max(cells.horizontalAdvance(sample), headers.horizontalAdvance(HEADERS[column])) + pad
        for column, sample in _SAMPLES.items()
    }


def _set_texts(line: SetLine, per_side: float) -> list[str]:
    side = "" if line.side.value == "both" else line.side.value.capitalize()
    if line.target_reps is not None:
        target = plural(line.target_reps / per_side, "rep")
        done = "" if line.actual_reps is None else plural(line.actual_reps / per_side, "rep")
    else:
        target = "" if line.target_s is None else f"{line.target_s} s"
        done = "" if line.actual_s is None else f"{line.actual_s:.0f} s"
    return [line.exercise_name, side, str(line.set_number), target, done, "skipped" if line.skipped else ""]


class HistoryPage(QWidget):
    status_message = Signal(str)
    changed = Signal(object)  # the Change a delete or its undo made: the streak may differ
    export_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.repo = context.repo
        self.today: Callable[[], dt.date] = dt.date.today
        self.exercises: dict[str, Exercise] = {}
        self._bad_reported: list[str] = []
        self._current_id: int | None = None
        self._since: dt.date | None = None
        self._plan_start: dt.date | None = None
        self._filling = False
        self._stale_tabs: set[QWidget] = set()
        self.hints: list[Hint] = []
        self.ui = Ui_HistoryPage()
        self.ui.setupUi(self)
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.undo_stack = QUndoStack(self)

        self.model = HistoryModel(self._fetch, self)
        table = self.ui.sessionTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.ROUTINE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        widths = column_widths(table.fontMetrics(), header.fontMetrics())
        for column, width in widths.items():
            header.resizeSection(column, width)
        scrollbar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        routine = table.fontMetrics().averageCharWidth() * ROUTINE_MIN_CHARS
        # every column in sight without a horizontal scroll, at the window's default size and up
        table.setMinimumWidth(sum(widths.values()) + routine + scrollbar + 2 * table.frameWidth() + 2)
        self.table_note = EmptyNote(table.viewport())
        table.selectionModel().currentRowChanged.connect(self._on_session_table_current_row_changed)
        key_action(table, "Delete Session", "Del", self.delete_current)
        self.ui.setsTree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ui.setsTree.header().setStretchLastSection(False)

        self.weeks_minutes = WeeksChart("Minutes per week", "minutes", self)
        self.weeks_sessions = WeeksChart("Sessions per week", "sessions", self)
        self.ui.weeksChartHolderLayout.addWidget(self.weeks_minutes)
        self.ui.weeksChartHolderLayout.addWidget(self.weeks_sessions)
        self.progress_chart = LinesChart("Best set per week", self)
        self.sides_chart = LinesChart("Discomfort after sessions, left against right", self)
        self.weeks_minutes.empty_text = (
            "Minutes per week show here, against your plan, once you plan a week or finish a session."
        )
        self.weeks_sessions.empty_text = (
            "Sessions per week show here, against your plan, once you plan a week or finish a session."
        )
        self.progress_chart.empty_text = (
            "Finish a session and the best set of each exercise, week by week, shows here."
        )
        self.sides_chart.empty_text = (
            "Rate your hip discomfort, left and right, at the end of a session and it shows here."
        )
        self.ui.progressChartHolderLayout.addWidget(self.progress_chart)
        self.ui.sidesChartHolderLayout.addWidget(self.sides_chart)
        self.runs_overview = RunsOverview(self.ui.tabs)
        self.calendar = HistoryCalendar(self)
        self.ui.calendarHolderLayout.addWidget(self.calendar)
        self.calendar.month_shown.connect(self._on_calendar_month_shown)
        self.ui.legendLabel.setText(LEGEND)

        ui = self.ui
        for label in (ui.detailLabel, ui.hintsLabel, ui.balanceLabel, ui.summaryLabel, ui.legendLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        ui.routineCombo.currentIndexChanged.connect(self._on_filter_changed)
        for edit in (ui.fromDate, ui.toDate):
            edit.setLocale(ui_locale())  # their pop-up calendars name the months in English
        ui.fromDate.dateChanged.connect(self._on_filter_changed)
        ui.toDate.dateChanged.connect(self._on_filter_changed)
        ui.allTimeButton.clicked.connect(self.show_all_time)
        ui.exerciseCombo.currentIndexChanged.connect(self._on_exercise_combo_changed)
        ui.saveNotesButton.clicked.connect(self.save_notes)
        ui.deleteButton.clicked.connect(self.delete_current)
        ui.exportButton.clicked.connect(self.export_requested)
        ui.tabs.currentChanged.connect(self._on_tabs_current_changed)
        ui.notesEdit.modificationChanged.connect(ui.saveNotesButton.setEnabled)
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([table.minimumWidth(), 420])
        ui.listSplitter.setStretchFactor(0, 3)
        ui.listSplitter.setStretchFactor(1, 2)
        self._show_detail(None)

    # -- data ----------------------------------------------------------------------------------
    def on_changed(self, change: Change) -> bool:
        """True when the sessions, or the routines they are grouped by, changed."""
        return bool(change & (Change.ROUTINES | Change.HISTORY))

    def _fetch(self, ids: Sequence[int]) -> list[SessionSummary]:
        return self.repo.history_summaries(ids)

    def reload(self) -> None:
        """Read the history again: the filters keep their choice, the dates follow the data."""
        self.exercises = self.context.snapshot.by_id()
        self._since = self.repo.first_history_day()
        self._plan_start = self.repo.plan_start_day()
        self._load_days()
        self._plan = self.repo.week_plan()
        self._routines = self.repo.routines()
        self._fill_filters()
        self.apply_filter()
        self.refresh_overview()
        self._report_bad_dates()

    def _report_bad_dates(self) -> None:
        """Say once which records are left out because a date in them cannot be right."""
        bad = self.repo.bad_dates()
        if bad and bad != self._bad_reported:
            more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
            self.status_message.emit(f"Left out {bad[0]}{more}: a date in it cannot be right.")
        self._bad_reported = bad

    def _load_days(self) -> None:
        """Day totals for the weeks chart (the last 12 weeks; other months load when shown)."""
        today = self.today()
        start = week_start(today, first_weekday(QLocale())) - dt.timedelta(weeks=CHART_WEEKS - 1)
        self._days = self.repo.day_totals(min(start, today.replace(day=1)), today)

    def _fill_filters(self) -> None:
        ui = self.ui
        self._filling = True
        try:
            chosen = ui.routineCombo.currentText()
            ui.routineCombo.clear()
            ui.routineCombo.addItem(ALL_ROUTINES)
            names = self.repo.history_routine_names()
            ui.routineCombo.addItems(names)
            ui.routineCombo.setCurrentIndex(
                max(0, ui.routineCombo.findText(chosen, Qt.MatchFlag.MatchExactly))
            )
            today = self.today()
            first = self._since or today
            for edit in (ui.fromDate, ui.toDate):
                edit.setDateRange(
                    QDate(first.year, first.month, first.day), QDate(today.year, today.month, today.day)
                )
            if not getattr(self, "_dates_chosen", False):
                ui.fromDate.setDate(QDate(first.year, first.month, first.day))
                ui.toDate.setDate(QDate(today.year, today.month, today.day))
            exercise = ui.exerciseCombo.currentData()
            ui.exerciseCombo.clear()
            for exercise_id, name in self.repo.history_exercises():
                shown = self.exercises[exercise_id].name if exercise_id in self.exercises else name
                ui.exerciseCombo.addItem(shown, exercise_id)
            index = ui.exerciseCombo.findData(exercise)
            ui.exerciseCombo.setCurrentIndex(index if index >= 0 else 0)
            ui.exerciseCombo.setEnabled(ui.exerciseCombo.count() > 0)
        finally:
            self._filling = False

    def filters(self) -> tuple[str | None, dt.date | None, dt.date | None]:
        ui = self.ui
        routine = ui.routineCombo.currentText() if ui.routineCombo.currentIndex() > 0 else None
        return routine, _day(ui.fromDate.date()), _day(ui.toDate.date())

    def _on_filter_changed(self) -> None:
        if self._filling:
            return
        if self.sender() in (self.ui.fromDate, self.ui.toDate):
            self._dates_chosen = True
        self.apply_filter()
        self._show_progress()

    def show_all_time(self) -> None:
        self._dates_chosen = False
        self._filling = True
        self.ui.routineCombo.setCurrentIndex(0)
        self.ui.fromDate.setDate(self.ui.fromDate.minimumDate())
        self.ui.toDate.setDate(self.ui.toDate.maximumDate())
        self._filling = False
        self.apply_filter()
        self._show_progress()

    def apply_filter(self, select: int | None = None) -> None:
        self._save_pending_notes()
        routine, start, end = self.filters()
        self.model.set_ids(self.repo.history_ids(routine, start, end))
        count = self.model.rowCount()
        self.ui.sessionTable.setAccessibleDescription(plural(count, "session"))
        row = self.model.row_of(select) if select is not None else 0
        if count:
            self.table_note.show_text(None)
            self.select_row(max(row, 0))
        else:
            everything = self.repo.history_count() == 0
            self.table_note.show_text(EMPTY_TABLE if everything else EMPTY_FILTERED)
            self._show_detail(None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.ui.sessionTable.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.ui.sessionTable.scrollTo(index)

    # -- figures: streak, weeks, hints, calendar, progress -------------------------------------
    def refresh_overview(self) -> None:
        today = self.today()
        first = first_weekday(QLocale())
        weeks = week_totals(
            self._days, self._plan, self._routines, today, self.chart_weeks(), first_weekday=first
        )
        self.weeks_minutes.set_weeks(weeks)
        self.weeks_sessions.set_weeks(weeks)
        charted = self.repo.discomfort_by_day(weeks[0].start) if weeks else []  # the weeks shown only
        discomfort = {p.day: (p.left, p.right) for p in weekly_discomfort(charted, first)}
        self.runs_overview.refresh(self.repo, weeks, discomfort, self.exercises, first)
        run = streak_loading(self.repo.day_totals, self._since, self._plan, self._routines, today, first)
        total = self.repo.history_count()
        self.ui.summaryLabel.setText(
            f"{total} {'session' if total == 1 else 'sessions'} · {streak_text(run)}" if total else ""
        )
        self._on_calendar_month_shown(self.calendar.yearShown(), self.calendar.monthShown())
        self._stale_tabs = {self.ui.progressTab, self.ui.hintsTab}
        self._on_tabs_current_changed()

    def chart_weeks(self) -> int:
        """Weeks the charts show: from the first session or the plan's start, at most CHART_WEEKS."""
        starts = [d for d in (self._since, self._plan_start) if d is not None]
        if not starts:
            return 0
        first = first_weekday(QLocale())
        current = week_start(self.today(), first)
        weeks = (current - week_start(min(starts), first)).days // 7 + 1
        return max(1, min(CHART_WEEKS, weeks))

    def _on_tabs_current_changed(self) -> None:
        """The Progress and Next Steps tabs are filled when shown: they cost queries over every set."""
        tab = self.ui.tabs.currentWidget()
        if tab not in self._stale_tabs:
            return
        self._stale_tabs.discard(tab)
        if tab is self.ui.progressTab:
            self._show_progress()
        else:
            self._show_hints()

    def _show_hints(self) -> None:
        hints = progression_hints(self.exercises, self.repo.recent_exercise_sessions())
        self.hints = hints
        self.ui.hintsLabel.setText(
            "\n\n".join(h.text for h in hints)
            or "When you reach the top of an exercise's range three sessions in a row, "
            "its next step shows here."
        )

    def _on_calendar_month_shown(self, year: int, month: int) -> None:
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        days = self.repo.day_totals(first, last)
        states = month_states(year, month, days, self._plan, self._routines, self.today(), self._since)
        self.calendar.set_states(states)
        self.calendar.set_run_days(self.runs_overview.run_days())
        if self._since is None:
            self.ui.legendLabel.setText(f"{LEGEND}\n{EMPTY_CALENDAR}")
        else:
            self.ui.legendLabel.setText(LEGEND)

    def calendar_state(self, day: dt.date) -> DayState:
        return self.calendar.state(day)

    def _on_exercise_combo_changed(self) -> None:
        if not self._filling:
            self._show_progress()

    def _show_progress(self) -> None:
        if self.ui.tabs.currentWidget() is not self.ui.progressTab:
            self._stale_tabs.add(self.ui.progressTab)
            return
        _routine, start, end = self.filters()
        first = first_weekday(QLocale())
        exercise_id = self.ui.exerciseCombo.currentData()
        if exercise_id:
            label, divisor = progress_unit(self.exercises.get(exercise_id))
            points = weekly_best(scaled(self.repo.exercise_progress(exercise_id, start, end), divisor), first)
            self.progress_chart.set_progress(points, label)
            self.ui.balanceLabel.setText(side_balance(points))
        else:
            self.progress_chart.set_progress([], "")
            self.ui.balanceLabel.setText("")
        self.sides_chart.set_discomfort(weekly_discomfort(self.repo.discomfort_by_day(start, end), first))

    # -- one session ---------------------------------------------------------------------------
    def _on_session_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._save_pending_notes()
        self._show_detail(self.model.summary(current.row()) if current.isValid() else None)

    def current_session_id(self) -> int | None:
        return self._current_id

    def _show_detail(self, summary: object) -> None:
        from hipdesk.domain.history import SessionSummary

        ui = self.ui
        ui.setsTree.clear()
        if not isinstance(summary, SessionSummary):
            self._current_id = None
            ui.detailLabel.setText(
                "Choose a session to see its sets."
                if self.model.rowCount()
                else "A session's sets show here, each done or skipped against its target, with its notes."
            )
            ui.notesEdit.setPlainText("")
            for w in (ui.notesEdit, ui.saveNotesButton, ui.deleteButton):
                w.setEnabled(False)
            return
        self._current_id = summary.id
        state = "ended early" if summary.status is SessionStatus.PARTIAL else "finished"
        when = long_date_time(summary.started_at)
        parts = [summary.routine_name, when, duration_text(summary.duration_s), state]
        if summary.rpe is not None:
            parts.append(f"effort {summary.rpe}/10")
        ui.detailLabel.setText(" · ".join(p for p in parts if p))
        items = []
        for line in self.repo.session_sets(summary.id):
            _label, per_side = progress_unit(self.exercises.get(line.exercise_id))
            item = QTreeWidgetItem(_set_texts(line, per_side))
            for column in (2, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        ui.setsTree.addTopLevelItems(items)
        for column in range(1, 6):
            ui.setsTree.resizeColumnToContents(column)
        ui.notesEdit.setPlainText(summary.notes)
        ui.notesEdit.document().setModified(False)
        ui.notesEdit.setEnabled(True)
        ui.saveNotesButton.setEnabled(False)
        ui.deleteButton.setEnabled(True)

    def _save_pending_notes(self) -> None:
        if self._current_id is not None and self.ui.notesEdit.document().isModified():
            self.save_notes()

    def save_notes(self) -> None:
        if self._current_id is None:
            return
        try:
            session_ops.set_notes(self.repo, self._current_id, self.ui.notesEdit.toPlainText())
        except HipDeskError as exc:
            message(self, "Notes", str(exc))
            return
        self.ui.notesEdit.document().setModified(False)
        self.model.refresh_session(self._current_id)
        self.status_message.emit("Notes saved.")

    def delete_current(self) -> None:
        if self._current_id is None:
            return
        self._save_pending_notes()
        row = self.model.row_of(self._current_id)
        summary = self.model.summary(row)
        name = summary.routine_name if summary else "session"
        self.undo_stack.push(
            DeleteSession(
                self.repo, self._current_id, f"Delete “{name}”", self._on_deleted, self._on_restored
            )
        )

    def _on_deleted(self, session_id: int) -> None:
        row = self.model.remove_session(session_id)
        self._after_change()
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self._show_detail(None)
        self.status_message.emit("Session deleted. Edit ▸ Undo brings it back.")

    def _on_restored(self, session_id: int) -> None:
        self._after_change()
        self.apply_filter(select=session_id)
        self.status_message.emit("Session restored.")

    def _after_change(self) -> None:
        self._since = self.repo.first_history_day()
        self._load_days()
        self.refresh_overview()
        self.changed.emit(Change.HISTORY)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if _day(self.ui.toDate.maximumDate()) < self.today():
            self.reload()  # the app stayed open past midnight
