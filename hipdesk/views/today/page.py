"""The Today page: what is planned today, a big Start button per routine, and what comes next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hipdesk.app.changes import Change
from hipdesk.app.settings import current_pace
from hipdesk.domain.guidance import (
    Severity,
    minutes_text,
    resolve,
    routine_minutes,
    routines_by_id,
    week_notes,
)
from hipdesk.domain.history import (
    DayState,
    DayTotal,
    SessionSummary,
    latest_by_routine,
    streak_loading,
    streak_text,
    week_progress_text,
    week_start,
    week_states,
    week_totals,
)
from hipdesk.domain.model import (
    WEEKDAY_NAMES,
    Exercise,
    PlannedDay,
    PlannedRoutine,
    Routine,
    RunKind,
    SessionStatus,
    WeekPlan,
)
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import plural
from hipdesk.runs.plan import with_dated_runs
from hipdesk.views.common.dates import long_date
from hipdesk.views.common.weekdays import first_weekday

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext


CONTENT_WIDTH = 760
MAX_NAMES = 6  # exercises named on a card before "and N more"


def _label(text: str, parent: QWidget, scale: float = 1.0, bold: bool = False, muted: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if muted:
        label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


def _by_time(day: PlannedDay) -> list[PlannedRoutine]:
    """Timed routines by their time, then the ones for any time, in the plan's order."""
    timed = sorted((p for p in day.routines if p.time is not None), key=lambda p: p.time or dt.time())
    return timed + [p for p in day.routines if p.time is None]


def days_after(today: int, first: int) -> tuple[str, list[int]]:
    """The heading and the weekdays still to come this week; on its last day, the whole next week."""
    rest = []
    for step in range(1, 7):
        weekday = (today + step) % 7
        if weekday == first:
            break
        rest.append(weekday)
    if rest:
        return "Later this week", rest
    return "Next week", [(first + i) % 7 for i in range(7)]


def done_text(session: SessionSummary) -> str:
    """ "✓ Done at 07:12" in local time, or "Partly done at 07:12" for a session ended early."""
    at = (session.ended_at or session.started_at).astimezone().strftime("%H:%M")
    if session.status is SessionStatus.FINISHED:
        return f"✓ Done at {at}"
    return f"Partly done at {at}"


STATE_MARKS = {
    DayState.DONE: "✓ Done",
    DayState.PARTLY: "◐ Partly done",
    DayState.MISSED: "✗ Missed",
    DayState.PLANNED: "○ Planned",
    DayState.NONE: "Rest",
}
TILE_STYLES = {  # (frame, text), palette roles only, so both appearances follow
    DayState.DONE: (
        "background: palette(highlight); border: 1px solid palette(highlight);",
        "highlighted-text",
    ),
    DayState.PARTLY: ("background: palette(base); border: 2px solid palette(highlight);", "text"),
    DayState.MISSED: ("background: palette(base); border: 1px solid palette(mid);", "text"),
    DayState.PLANNED: ("background: palette(base); border: 1px dashed palette(mid);", "text"),
    DayState.NONE: ("background: palette(window); border: 1px solid palette(mid);", "text"),
}


class DayTile(QFrame):
    """One day of the week strip: its name, its date and how it stands."""

    def __init__(self, day: dt.date, state: DayState, today: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayTile")
        self.day, self.state = day, state
        frame, text = TILE_STYLES[state]
        if today:
            frame = frame.replace("1px", "2px")
        self.setStyleSheet(
            f"QFrame#dayTile {{ {frame} border-radius: 8px; }}"
            f" QLabel {{ background: transparent; border: 0; color: palette({text}); }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 8)
        layout.setSpacing(2)
        name = WEEKDAY_NAMES[day.weekday()]
        self.name_label = _label("Today" if today else name[:3], self, bold=True)
        self.date_label = _label(str(day.day), self, 1.3, bold=today)
        self.state_label = _label(STATE_MARKS[state], self)
        for label in (self.name_label, self.date_label, self.state_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(False)
            layout.addWidget(label)
        self.setAccessibleName(f"{name} {day.day}: {STATE_MARKS[state].lstrip('✓◐✗○ ')}")
        self.setMinimumWidth(86)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class RoutineCard(QFrame):
    """One routine planned today: its name, time and length, its exercises, and Start."""

    start_clicked = Signal(str)

    def __init__(
        self,
        planned: PlannedRoutine,
        routine: Routine | None,
        exercises: Mapping[str, Exercise],
        pace: Pace,
        parent: QWidget | None = None,
        done: SessionSummary | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineCard")
        self.setStyleSheet(
            "QFrame#routineCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 10px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(16)
        text = QVBoxLayout()
        text.setSpacing(4)
        name = routine.name if routine is not None else planned.routine_name
        self.name_label = _label(name, self, 1.35, bold=True)
        text.addWidget(self.name_label)
        when = planned.time.strftime("%H:%M") if planned.time else "Any time"
        if routine is None:
            detail = f"{when} · this routine was deleted: take it off your week on the Week page"
            exercise_line = ""
        else:
            count = len(routine.items)
            length = f"about {minutes_text(routine_minutes(routine, pace))}" if count else "no exercises yet"
            detail = f"{when} · {length} · {plural(count, 'exercise')}" if count else f"{when} · {length}"
            names = list(
                dict.fromkeys(
                    exercises[i.exercise_id].name if i.exercise_id in exercises else i.exercise_id
                    for i in routine.items
                )
            )
            exercise_line = " · ".join(names[:MAX_NAMES])
            if len(names) > MAX_NAMES:
                exercise_line += f" and {len(names) - MAX_NAMES} more"
        self.detail_label = _label(detail, self, muted=True)
        text.addWidget(self.detail_label)
        self.exercises_label = _label(exercise_line, self)
        self.exercises_label.setVisible(bool(exercise_line))
        text.addWidget(self.exercises_label)
        self.done_label = _label(done_text(done) if done is not None else "", self, bold=True)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setVisible(done is not None)
        text.addWidget(self.done_label)
        layout.addLayout(text, 1)
        self.start_button = QPushButton("Start" if done is None else "Start Again", self)
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName(f"Start {name}" if done is None else f"Start {name} again")
        self.start_button.setToolTip("Start this routine as a guided session")
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.setMinimumSize(132, 56)
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start_button.setEnabled(routine is not None)
        self.start_button.setVisible(routine is not None)
        self.start_button.clicked.connect(lambda: self.start_clicked.emit(name))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)


class TodayPage(QWidget):
    start_requested = Signal(str)  # the routine's name: start it as a guided session
    week_requested = Signal()  # show the Week page

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.repo = context.repo
        self.today: Callable[[], dt.date] = dt.date.today
        self._shown_for: dt.date | None = None
        self.cards: list[RoutineCard] = []
        self.streak = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        holder = QWidget(scroll)
        holder.setObjectName("todayContent")
        scroll.setWidget(holder)
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(24, 24, 24, 24)
        content = QWidget(holder)
        content.setMaximumWidth(CONTENT_WIDTH)
        centre.addStretch(1)
        centre.addWidget(content, 100)
        centre.addStretch(1)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.day_label = _label("Today", content, 1.9, bold=True)
        self.day_label.setObjectName("dayLabel")
        self.date_label = _label("", content, 1.1, muted=True)
        self.date_label.setObjectName("dateLabel")
        layout.addWidget(self.day_label)
        layout.addWidget(self.date_label)
        self.notes_label = _label("", content)
        self.notes_label.setObjectName("notesLabel")
        self.notes_label.setStyleSheet("color: palette(link);")
        layout.addWidget(self.notes_label)
        layout.addSpacing(6)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(10)
        layout.addLayout(self.cards_layout)
        self.empty_label = _label("", content, 1.15)
        self.empty_label.setObjectName("emptyLabel")
        layout.addWidget(self.empty_label)
        self.week_button = QPushButton("Plan Your Week", content)
        self.week_button.clicked.connect(self.week_requested)
        self.week_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.week_button)
        layout.addSpacing(18)
        self.week_title = _label("This week", content, 1.2, bold=True)
        self.week_title.setObjectName("weekTitle")
        layout.addWidget(self.week_title)
        self.progress_label = _label("", content, 1.05)
        self.progress_label.setObjectName("progressLabel")
        layout.addWidget(self.progress_label)
        self.streak_label = _label("", content, 1.05, bold=True)
        self.streak_label.setObjectName("streakLabel")
        self.streak_label.hide()
        layout.addWidget(self.streak_label)
        self.strip = QHBoxLayout()
        self.strip.setSpacing(8)
        layout.addLayout(self.strip)
        self.tiles: list[DayTile] = []
        layout.addSpacing(18)
        self.next_title = _label("Later this week", content, 1.2, bold=True)
        self.next_title.setObjectName("nextTitle")
        layout.addWidget(self.next_title)
        self.next_grid = QGridLayout()
        self.next_grid.setHorizontalSpacing(18)
        self.next_grid.setVerticalSpacing(8)
        self.next_grid.setColumnStretch(2, 1)
        layout.addLayout(self.next_grid)
        layout.addStretch(1)

    # -- data ----------------------------------------------------------------------------------
    undo_stack = None  # nothing on Today is undone

    def on_changed(self, change: Change) -> bool:
        """Today shows the plan, its routines and exercises, the day's sessions and the lengths."""
        return change != Change.NONE

    def reload(self) -> None:
        repo, today = self.repo, self.today()
        exercises = repo.exercises_in_routines()  # all the cards, notes and lengths name
        plan, routines = repo.week_plan(), repo.routines()
        done = latest_by_routine(repo.history_summaries(repo.history_ids(start=today, end=today)))
        shown = with_dated_runs(plan, self._dated_runs(today))  # the training plan's run, where it has one
        self.show_day(shown, routines, exercises, today, current_pace(exercises), done)
        first = week_start(today, first_weekday(QLocale()))
        since = repo.first_history_day()
        self.show_week(plan, routines, repo.day_totals(first, first + dt.timedelta(days=6)), today, since)
        self.show_streak(plan, routines, since)

    def _dated_runs(self, today: dt.date) -> dict[int, RunKind]:
        """This week's runs from the imported training plan, by weekday."""
        from hipdesk.db.runs import RunStore

        found = RunStore(self.repo.db).week_runs(today, first_weekday(QLocale()))
        return {weekday: run.kind for weekday, run in found.items()}

    def show_streak(self, plan: WeekPlan, routines: list[Routine], since: dt.date | None) -> None:
        """Weeks in a row with the plan met (none shown before the first session)."""
        weeks = streak_loading(
            self.repo.day_totals, since, plan, routines, self.today(), first_weekday(QLocale())
        )
        self.streak = weeks
        self.streak_label.setText(streak_text(weeks))
        self.streak_label.setVisible(since is not None)

    def show_week(
        self,
        plan: WeekPlan,
        routines: list[Routine],
        days: Mapping[dt.date, DayTotal],
        today: dt.date,
        since: dt.date | None,
    ) -> None:
        """The week so far against the plan, and a strip of its seven days."""
        first = first_weekday(QLocale())
        (week,) = week_totals(days, plan, routines, today, weeks=1, first_weekday=first)
        self.progress_label.setText(week_progress_text(week))
        _clear(self.strip)
        self.tiles = []
        for day, state in week_states(days, plan, routines, today, since, first):
            tile = DayTile(day, state, day == today, self)
            self.strip.addWidget(tile)
            self.tiles.append(tile)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_for != self.today():
            self.reload()  # the app stayed open past midnight

    def show_day(
        self,
        plan: WeekPlan,
        routines: list[Routine],
        exercises: Mapping[str, Exercise],
        today: dt.date,
        pace: Pace | None = None,
        done: Mapping[str, SessionSummary] | None = None,
    ) -> None:
        """Today's routines with their lengths at ``pace`` (by default each exercise's own), each
        marked with its last session today from ``done`` (by routine name)."""
        done = done or {}
        pace = pace or Pace.of(exercises)
        self._shown_for = today
        by_id = routines_by_id(routines)
        weekday = today.weekday()
        day = plan.days[weekday]
        self.day_label.setText("Today")
        self.date_label.setText(f"{long_date(today)} · {day.run.label}")
        cautions = [
            n.text
            for n in week_notes(plan, routines, exercises, pace)
            if n.severity is Severity.CAUTION and weekday in n.weekdays
        ]
        self.notes_label.setText("\n".join(cautions))
        self.notes_label.setVisible(bool(cautions))

        _clear(self.cards_layout)
        self.cards = []
        for planned in _by_time(day):
            routine = resolve(planned, by_id)
            name = routine.name if routine is not None else planned.routine_name
            card = RoutineCard(planned, routine, exercises, pace, self, done.get(name))
            card.start_clicked.connect(self.start_requested)
            self.cards_layout.addWidget(card)
            self.cards.append(card)
        nothing = not day.routines
        self.empty_label.setText(self._empty_text(day.run, plan) if nothing else "")
        self.empty_label.setVisible(nothing)
        self.week_button.setVisible(nothing)

        heading, upcoming = days_after(weekday, first_weekday(QLocale()))
        self.next_title.setText(heading)
        _clear(self.next_grid)
        for row, other in enumerate(upcoming):
            other_day = plan.days[other]
            parts = []
            for planned in _by_time(other_day):
                routine = resolve(planned, by_id)
                name = routine.name if routine is not None else f"{planned.routine_name} (deleted)"
                parts.append(f"{planned.time:%H:%M} {name}" if planned.time else name)
            self.next_grid.addWidget(
                _label(WEEKDAY_NAMES[other], self, bold=True), row, 0, Qt.AlignmentFlag.AlignTop
            )
            self.next_grid.addWidget(
                _label(other_day.run.label, self, muted=True), row, 1, Qt.AlignmentFlag.AlignTop
            )
            routines_text = " · ".join(parts) if parts else "—"
            self.next_grid.addWidget(_label(routines_text, self), row, 2, Qt.AlignmentFlag.AlignTop)

    @staticmethod
    def _empty_text(run: RunKind, plan: WeekPlan) -> str:
        if not any(d.routines for d in plan.days):
            return (
                "Nothing is planned yet. Lay your routines into your running week "
                "and they will be here on their day."
            )
        if run is RunKind.REST:
            return "Nothing planned today: a rest day. Enjoy it, your hips will thank you."
        if run is RunKind.NONE:
            return "Nothing planned for your hips today. Enjoy the day."
        return f"Nothing planned for your hips today. Enjoy your {run.label.lower()}."

    def start_buttons(self) -> list[QPushButton]:
        return [card.start_button for card in self.cards if card.start_button.isEnabled()]
