"""Rules over the session history: weeks against the plan, the streak, calendar days, progression hints."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from hipdesk.domain.guidance import day_minutes, resolve, routines_by_id
from hipdesk.domain.model import Exercise, Routine, SessionStatus, Side, Sidedness, WeekPlan
from hipdesk.domain.rules import plural

TOP_RUN = 3  # sessions in a row at the top of the range before a progression hint
HOLD_TOLERANCE_S = 0.5  # a hold ended this close to its time counts as held
CHART_WEEKS = 12


# -- plain rows the storage hands out --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the history list: a session without its sets."""

    id: int
    routine_name: str
    started_at: dt.datetime  # aware
    ended_at: dt.datetime | None
    status: SessionStatus
    sets_done: int = 0
    sets_skipped: int = 0
    rpe: int | None = None
    discomfort_left: int | None = None
    discomfort_right: int | None = None
    notes: str = ""

    @property
    def duration_s(self) -> float | None:
        if self.ended_at is None:
            return None
        return max(0.0, (self.ended_at - self.started_at).total_seconds())


@dataclass(frozen=True, slots=True)
class SetLine:
    """One set of a session as the detail and the CSV export show it."""

    session_id: int
    exercise_id: str
    exercise_name: str
    side: Side
    set_number: int
    item_index: int
    target_reps: int | None
    target_s: int | None
    actual_reps: int | None
    actual_s: float | None
    skipped: bool
    started_at: dt.datetime | None
    ended_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One set record with its session, for a spreadsheet."""

    session: SessionSummary
    set: SetLine


# A long export reads the stored rows themselves: a session's columns in this order, with the rows of
# its sets, each in SET_COLUMNS' order (the times as the tables store them: naive UTC text).
SESSION_COLUMNS = (
    "id", "routine_name", "started_at", "ended_at", "status", "rpe", "discomfort_left",
    "discomfort_right", "notes",
)  # fmt: skip
SET_COLUMNS = (
    "session_id", "exercise_id", "exercise_name", "side", "set_number", "item_index", "target_reps",
    "target_s", "actual_reps", "actual_s", "skipped", "started_at", "ended_at",
)  # fmt: skip
StoredBlock = tuple[Sequence[Any], list[Sequence[Any]]]


# The command line's full history reads the stored rows too: a session's in this order, each with the
# rows of its sets in LISTED_SET_COLUMNS' order.
LISTED_COLUMNS = (
    "id", "routine_id", "routine_name", "started_at", "ended_at", "status", "rpe", "discomfort_left",
    "discomfort_right", "notes", "preview",
)  # fmt: skip
LISTED_SET_COLUMNS = (
    "session_id", "exercise_id", "side", "set_number", "target_reps", "target_s", "actual_reps",
    "actual_s", "skipped", "item_index", "started_at", "ended_at",
)  # fmt: skip
_AS_STORED = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?")  # str() of a naive datetime


def stored_iso(value: str | None) -> str | None:
    """``stored_utc(value).isoformat()``, made from the text itself when it is as HipDesk stores times."""
    if value is None:
        return None
    if _AS_STORED.fullmatch(value) and not value.endswith(".000000"):
        return value[:10] + "T" + value[11:] + "+00:00"
    parsed = stored_utc(value)
    assert parsed is not None
    return parsed.isoformat()


def stored_utc(value: str | None) -> dt.datetime | None:
    """A stored time (naive UTC text, already checked to be readable) as an aware UTC datetime."""
    if value is None:
        return None
    try:  # read as UTC at once: a quarter of the cost of replace()
        return dt.datetime.fromisoformat(value + "+00:00")
    except ValueError:  # text that carries an offset of its own
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


class ExportRows:
    """Every set record with its session, streamed: iterating gives ExportRow objects; ``blocks()``
    gives each session's stored row with its sets' (SESSION_COLUMNS, SET_COLUMNS), for a long export
    that should not make two objects per set. ``to_row`` turns one block into its ExportRows."""

    def __init__(
        self,
        blocks: Callable[[], Iterable[StoredBlock]],
        to_rows: Callable[[StoredBlock], Iterable[ExportRow]],
    ) -> None:
        self.blocks = blocks
        self._to_rows = to_rows

    def __iter__(self) -> Iterator[ExportRow]:
        for block in self.blocks():
            yield from self._to_rows(block)


@dataclass(frozen=True, slots=True)
class DayTotal:
    """What was done on one local calendar day (running, i.e. unfinished, sessions not counted)."""

    day: dt.date
    finished: int = 0
    partial: int = 0
    seconds: float = 0.0

    @property
    def sessions(self) -> int:
        return self.finished + self.partial


@dataclass(frozen=True, slots=True)
class ExerciseSession:
    """One exercise in one session: the least achieved over its sets that were done."""

    exercise_id: str
    session_id: int
    started_at: dt.datetime
    done: int
    skipped: int
    min_reps: int | None = None  # over done sets with a rep target
    min_s: float | None = None  # over done sets with a time target (a hold or timed work)


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """The best set of one exercise on one side on one day: reps, or seconds for a hold."""

    day: dt.date
    side: Side
    value: float


@dataclass(frozen=True, slots=True)
class DiscomfortPoint:
    day: dt.date
    left: float | None
    right: float | None


# -- weeks against the plan ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WeekTotal:
    start: dt.date  # the first day of the week (the locale's)
    sessions: int
    finished: int
    minutes: float
    planned_sessions: int
    planned_minutes: int

    @property
    def met(self) -> bool:
        """The plan was met: at least as many finished sessions as routines planned (a plan is needed)."""
        return self.planned_sessions > 0 and self.finished >= self.planned_sessions


def week_start(day: dt.date, first_weekday: int = 0) -> dt.date:
    """The first day of the week ``day`` falls in; ``first_weekday`` 0 is Monday."""
    return day - dt.timedelta(days=(day.weekday() - first_weekday) % 7)


def planned_per_weekday(
    plan: WeekPlan, routines: Iterable[Routine]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Routines and estimated minutes planned on each weekday, Monday first (deleted routines: none)."""
    by_id = routines_by_id(routines)
    counts = tuple(sum(1 for p in d.routines if resolve(p, by_id) is not None) for d in plan.days)
    return counts, day_minutes(plan, by_id)


def week_totals(
    days: Mapping[dt.date, DayTotal],
    plan: WeekPlan,
    routines: Iterable[Routine],
    today: dt.date,
    weeks: int = CHART_WEEKS,
    first_weekday: int = 0,
) -> list[WeekTotal]:
    """The last ``weeks`` weeks, oldest first, the current week last, each against today's plan.

    HipDesk keeps one week plan, not its past versions: every week is measured against the plan as
    it is now.
    """
    counts, minutes = planned_per_weekday(plan, routines)
    planned_sessions, planned_minutes = sum(counts), sum(minutes)
    current = week_start(today, first_weekday)
    result = []
    for back in range(weeks - 1, -1, -1):
        start = current - dt.timedelta(weeks=back)
        totals = [days[d] for i in range(7) if (d := start + dt.timedelta(days=i)) in days]
        result.append(
            WeekTotal(
                start=start,
                sessions=sum(t.sessions for t in totals),
                finished=sum(t.finished for t in totals),
                minutes=sum(t.seconds for t in totals) / 60,
                planned_sessions=planned_sessions,
                planned_minutes=planned_minutes,
            )
        )
    return result


def streak(
    days: Mapping[dt.date, DayTotal],
    plan: WeekPlan,
    routines: Iterable[Routine],
    today: dt.date,
    first_weekday: int = 0,
) -> int:
    """Consecutive weeks, back from now, in which the plan was met (all of ``days`` at hand)."""
    since = min(days) if days else None
    return streak_loading(lambda _start, _end: days, since, plan, routines, today, first_weekday)


def streak_loading(
    load: Callable[[dt.date, dt.date], Mapping[dt.date, DayTotal]],
    since: dt.date | None,
    plan: WeekPlan,
    routines: Iterable[Routine],
    today: dt.date,
    first_weekday: int = 0,
    chunk_weeks: int = 26,
) -> int:
    """Consecutive weeks, back from now, in which the plan was met.

    The current week counts once it is met; until then it does not break the streak either. Weeks
    before ``since`` (the first recorded session) never count. ``load(start, end)`` gives the day
    totals of local days ``start`` to ``end``; they are asked for half a year at a time, going back
    only as far as the streak goes.
    """
    if since is None:
        return 0
    counts, _minutes = planned_per_weekday(plan, routines)
    planned = sum(counts)
    if planned == 0:
        return 0
    first_week = week_start(since, first_weekday)
    week = week_start(today, first_weekday)
    loaded_from = today + dt.timedelta(days=1)
    days: dict[dt.date, DayTotal] = {}
    count = 0
    current = True
    while week >= first_week:
        if week < loaded_from:
            start = max(first_week, week - dt.timedelta(weeks=chunk_weeks - 1))
            days.update(load(start, loaded_from - dt.timedelta(days=1)))
            loaded_from = start
        finished = sum(days[d].finished for i in range(7) if (d := week + dt.timedelta(days=i)) in days)
        met = finished >= planned
        if not met and not current:
            break
        count += met
        current = False
        week -= dt.timedelta(weeks=1)
    return count


def streak_text(weeks: int) -> str:
    if weeks == 0:
        return "Meet your week's plan to start a streak."
    if weeks == 1:
        return "1 week with your plan met."
    return f"{weeks} weeks in a row with your plan met."


def week_progress_text(week: WeekTotal) -> str:
    """The week so far against the plan: "3 of 8 sessions · 52 of 150 min this week"."""
    minutes = round(week.minutes)
    if week.planned_sessions == 0:
        return f"{plural(week.finished, 'session')} · {minutes} min this week"
    return (
        f"{week.finished} of {plural(week.planned_sessions, 'session')} · "
        f"{minutes} of {week.planned_minutes} min this week"
    )


def latest_by_routine(sessions: Iterable[SessionSummary]) -> dict[str, SessionSummary]:
    """The last session of each routine (by name) among ``sessions``, a finished one before a partial one."""
    result: dict[str, SessionSummary] = {}
    for s in sessions:
        ended = s.ended_at or s.started_at
        held = result.get(s.routine_name)
        if held is None:
            result[s.routine_name] = s
            continue
        finished_first = (s.status is SessionStatus.FINISHED, ended)
        if finished_first > (held.status is SessionStatus.FINISHED, held.ended_at or held.started_at):
            result[s.routine_name] = s
    return result


# -- the calendar ----------------------------------------------------------------------------------
class DayState(StrEnum):
    NONE = "none"
    PLANNED = "planned"  # today or later, with routines planned
    DONE = "done"
    PARTLY = "partly"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {
            DayState.NONE: "",
            DayState.PLANNED: "Planned",
            DayState.DONE: "Done",
            DayState.PARTLY: "Partly done",
            DayState.MISSED: "Missed",
        }[self]


def day_state(
    day: dt.date, today: dt.date, planned: int, total: DayTotal | None, since: dt.date | None
) -> DayState:
    """How a calendar day stands: ``planned`` routines against what was done that day.

    ``since`` is the first day with a session: a plan is not missed before HipDesk was used.
    """
    finished = total.finished if total else 0
    partial = total.partial if total else 0
    if day > today:
        return DayState.PLANNED if planned else DayState.NONE
    if finished and finished >= planned:
        return DayState.DONE
    if finished or partial:
        return DayState.PARTLY
    if not planned:
        return DayState.NONE
    if day == today:
        return DayState.PLANNED
    if since is None or day < since:
        return DayState.NONE
    return DayState.MISSED


def month_states(
    year: int,
    month: int,
    days: Mapping[dt.date, DayTotal],
    plan: WeekPlan,
    routines: Iterable[Routine],
    today: dt.date,
    since: dt.date | None,
) -> dict[dt.date, DayState]:
    """The state of every day of a month; ``since`` is the first day with a session."""
    counts, _minutes = planned_per_weekday(plan, routines)
    result = {}
    day = dt.date(year, month, 1)
    while day.month == month:
        result[day] = day_state(day, today, counts[day.weekday()], days.get(day), since)
        day += dt.timedelta(days=1)
    return result


def week_states(
    days: Mapping[dt.date, DayTotal],
    plan: WeekPlan,
    routines: Iterable[Routine],
    today: dt.date,
    since: dt.date | None,
    first_weekday: int = 0,
) -> list[tuple[dt.date, DayState]]:
    """The seven days of the week ``today`` falls in, first day first, each with its state."""
    counts, _minutes = planned_per_weekday(plan, routines)
    start = week_start(today, first_weekday)
    week = [start + dt.timedelta(days=i) for i in range(7)]
    return [(d, day_state(d, today, counts[d.weekday()], days.get(d), since)) for d in week]


# -- progress charts -------------------------------------------------------------------------------
def weekly_best(points: Iterable[ProgressPoint], first_weekday: int = 0) -> list[ProgressPoint]:
    """The best value per side per week (dated by the week's first day), oldest first."""
    best: dict[tuple[dt.date, Side], float] = {}
    for p in points:
        key = (week_start(p.day, first_weekday), p.side)
        if key not in best or p.value > best[key]:
            best[key] = p.value
    return [ProgressPoint(day, side, value) for (day, side), value in sorted(best.items())]


def weekly_discomfort(points: Iterable[DiscomfortPoint], first_weekday: int = 0) -> list[DiscomfortPoint]:
    """The mean discomfort per side per week, oldest first."""
    sums: dict[dt.date, list[list[float]]] = defaultdict(lambda: [[], []])
    for p in points:
        pair = sums[week_start(p.day, first_weekday)]
        if p.left is not None:
            pair[0].append(p.left)
        if p.right is not None:
            pair[1].append(p.right)

    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    return [DiscomfortPoint(day, mean(left), mean(right)) for day, (left, right) in sorted(sums.items())]


def side_balance(points: Sequence[ProgressPoint]) -> str:
    """One sentence on left against right over the latest four weeks of ``points``."""
    sided = [p for p in points if p.side is not Side.BOTH]
    if not sided:
        return ""
    last = max(p.day for p in sided)
    recent = [p for p in sided if (last - p.day).days < 28]
    left = [p.value for p in recent if p.side is Side.LEFT]
    right = [p.value for p in recent if p.side is Side.RIGHT]
    if not left or not right:
        return ""
    mean_l, mean_r = sum(left) / len(left), sum(right) / len(right)
    if math.isclose(mean_l, mean_r, rel_tol=0.05):
        return "Over the last four weeks your left and right side are level."
    weaker, stronger = ("left", "right") if mean_l < mean_r else ("right", "left")
    gap = abs(mean_l - mean_r) / max(mean_l, mean_r) * 100
    return f"Over the last four weeks your {weaker} side did {gap:.0f}% less than your {stronger}."


# -- progression hints -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Hint:
    exercise_id: str
    exercise_name: str
    text: str


def top_reached(exercise: Exercise, done: ExerciseSession) -> bool:
    """Every set of the exercise in that session was done, at the top of the article's range."""
    if done.done == 0 or done.skipped:
        return False
    dosage = exercise.dosage
    if dosage.reps is not None:
        if done.min_reps is None:
            return False
        per_side = done.min_reps / 2 if exercise.sidedness is Sidedness.ALTERNATING else done.min_reps
        return per_side >= dosage.reps.high
    top = dosage.hold_s or dosage.work_s
    if top is not None:
        return done.min_s is not None and done.min_s >= top.high - HOLD_TOLERANCE_S
    return False


def next_step(exercise: Exercise) -> str:
    """What to do next once the top of the range comes easily."""
    if exercise.progressions:
        return exercise.progressions[0]
    dosage = exercise.dosage
    hold = dosage.hold_s if dosage.reps is None else None
    if hold is not None or (dosage.reps is None and dosage.work_s is not None):
        top = (hold or dosage.work_s).high  # type: ignore[union-attr]
        longer = top + max(5, int(round(top * 0.25 / 5)) * 5)
        what = "hold" if hold is not None else "work"
        return f"A longer {what}: try {longer} s instead of {top} s."
    if dosage.sets is not None:
        return f"Add a set (up to {dosage.sets.high}), or slow each rep down and pause a second at the top."
    return "Slow each rep down and pause a second at the top."


def progression_hints(
    exercises: Mapping[str, Exercise], recent: Iterable[ExerciseSession], run: int = TOP_RUN
) -> list[Hint]:
    """A hint for each exercise whose last ``run`` sessions were all at the top of its range."""
    by_exercise: dict[str, list[ExerciseSession]] = defaultdict(list)
    for done in recent:
        by_exercise[done.exercise_id].append(done)
    hints = []
    for exercise_id, sessions in by_exercise.items():
        exercise = exercises.get(exercise_id)
        if exercise is None:
            continue
        latest = sorted(sessions, key=lambda s: (s.started_at, s.session_id), reverse=True)[:run]
        if len(latest) < run or not all(top_reached(exercise, s) for s in latest):
            continue
        dosage = exercise.dosage
        if dosage.reps is not None:
            top = plural(dosage.reps.high, "rep")
        else:
            top = f"{(dosage.hold_s or dosage.work_s).high} s"  # type: ignore[union-attr]
        hints.append(
            Hint(
                exercise_id,
                exercise.name,
                f"{exercise.name}: the top of the range ({top}) {run} sessions in a row. "
                f"Next step: {next_step(exercise)}",
            )
        )
    order = {ex_id: n for n, ex_id in enumerate(exercises)}
    return sorted(hints, key=lambda h: order.get(h.exercise_id, len(order)))


def duration_text(seconds: float | None) -> str:
    """``754`` -> ``12:34``; an hour or more -> ``1:02:03``; unknown -> an empty string."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_unit(exercise: Exercise | None) -> tuple[str, float]:
    """What an exercise's progress chart counts, and what to divide the stored value by.

    Alternating reps are stored counting both sides (10 each side = 20): the chart shows them per side.
    """
    if exercise is None or exercise.dosage.reps is None:
        return "Seconds", 1.0
    if exercise.sidedness is Sidedness.ALTERNATING:
        return "Reps per side", 2.0
    return "Reps", 1.0


def scaled(points: Iterable[ProgressPoint], divisor: float) -> list[ProgressPoint]:
    return [ProgressPoint(p.day, p.side, p.value / divisor) for p in points]
