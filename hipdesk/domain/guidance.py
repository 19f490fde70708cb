"""Gentle notes on a week plan: the article's weekly advice, strength before long runs, rest, minutes."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hipdesk.domain.model import (
    WEEKDAY_NAMES,
    Exercise,
    Kind,
    PlannedRoutine,
    Range,
    Routine,
    RunKind,
    WeekPlan,
)
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import estimate_seconds

# Runs that want fresh hips the day before.
KEY_RUNS = (RunKind.LONG, RunKind.RACE)
# Days on which the runner does not run.
NO_RUN = (RunKind.NONE, RunKind.REST)


class Severity(StrEnum):
    """How much a note matters; notes are listed in this order."""

    CAUTION = "caution"  # the plan works against the runner
    ADVICE = "advice"  # more or less than the article advises
    INFO = "info"  # plain figures

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Rule(StrEnum):
    """Which check wrote a note (for views that act on some of them, and for tests)."""

    DELETED = "deleted"
    STRENGTH_BEFORE_KEY_RUN = "strength-before-key-run"
    NO_REST_DAY = "no-rest-day"
    TOO_OFTEN = "too-often"
    TOO_RARELY = "too-rarely"
    AS_ADVISED = "as-advised"
    MINUTES = "minutes"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Note:
    severity: Severity
    rule: Rule
    text: str  # one plain sentence or two; names in it are user text
    weekdays: tuple[int, ...] = ()  # the days it concerns, Monday = 0
    exercise_ids: tuple[str, ...] = ()


def routines_by_id(routines: Iterable[Routine]) -> dict[int, Routine]:
    return {r.id: r for r in routines if r.id is not None}


def resolve(planned: PlannedRoutine, routines: Mapping[int, Routine]) -> Routine | None:
    """The routine a plan entry stands for, or None once it has been deleted."""
    if planned.routine_id is None:
        return None
    return routines.get(planned.routine_id)


def routine_minutes(routine: Routine, pace: Pace | None = None) -> int:
    """The estimated length to the nearest minute, at least 1 (an empty routine is 0); without a
    pace, at the standard pace (3 s a rep, 5 s to get ready)."""
    seconds = estimate_seconds(routine, pace or Pace())
    return max(1, math.floor(seconds / 60 + 0.5)) if seconds > 0 else 0


def minutes_text(minutes: int) -> str:
    """``45`` -> ``45 min``; ``95`` -> ``1 h 35 min``; ``120`` -> ``2 h``."""
    hours, rest = divmod(int(minutes), 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h" if rest == 0 else f"{hours} h {rest} min"


def day_minutes(plan: WeekPlan, routines: Mapping[int, Routine], pace: Pace | None = None) -> tuple[int, ...]:
    """Estimated minutes of hip work on each day, Monday first; deleted routines count nothing."""
    return tuple(
        sum(routine_minutes(r, pace) for p in day.routines if (r := resolve(p, routines)) is not None)
        for day in plan.days
    )


def exercise_days(plan: WeekPlan, routines: Mapping[int, Routine]) -> dict[str, tuple[int, ...]]:
    """For each exercise in the plan, the days it is planned on (twice on one day counts once)."""
    days: dict[str, set[int]] = {}
    for day in plan.days:
        for planned in day.routines:
            routine = resolve(planned, routines)
            if routine is None:
                continue
            for item in routine.items:
                days.setdefault(item.exercise_id, set()).add(day.weekday)
    return {exercise_id: tuple(sorted(found)) for exercise_id, found in days.items()}


def times_text(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _names(names: Sequence[str]) -> str:
    """``a``; ``a and b``; ``a, b and c``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _days(weekdays: Sequence[int]) -> str:
    return _names([WEEKDAY_NAMES[d] for d in weekdays])


def _quoted(names: Iterable[str]) -> list[str]:
    return [f"“{n}”" for n in dict.fromkeys(names)]


def week_notes(
    plan: WeekPlan,
    routines: Iterable[Routine],
    exercises: Mapping[str, Exercise],
    pace: Pace | None = None,
) -> list[Note]:
    """Every note on ``plan``, the ones that matter most first; minutes at ``pace`` (by default each
    exercise's own)."""
    by_id = routines_by_id(routines)
    notes: list[Note] = []
    notes += _deleted_notes(plan, by_id)
    notes += _strength_before_key_runs(plan, by_id, exercises)
    notes += _rest_day(plan)
    notes += _frequency_notes(plan, by_id, exercises)
    notes += _minutes_notes(plan, by_id, pace or Pace.of(exercises))
    return sorted(notes, key=lambda n: n.severity.rank)  # stable: the order within a severity stays


def _deleted_notes(plan: WeekPlan, routines: Mapping[int, Routine]) -> list[Note]:
    gone: dict[str, list[int]] = {}
    for day in plan.days:
        for planned in day.routines:
            if resolve(planned, routines) is None:
                gone.setdefault(planned.routine_name, []).append(day.weekday)
    return [
        Note(
            Severity.CAUTION,
            Rule.DELETED,
            f"“{name}” on {_days(days)} no longer exists: remove it from your week.",
            tuple(days),
        )
        for name, days in gone.items()
    ]


def _strength_before_key_runs(
    plan: WeekPlan, routines: Mapping[int, Routine], exercises: Mapping[str, Exercise]
) -> list[Note]:
    notes = []
    for day in plan.days:
        if day.run not in KEY_RUNS:
            continue
        before = plan.days[(day.weekday - 1) % 7]  # the plan repeats: Monday follows Sunday
        names = []
        strength_ids: list[str] = []
        for planned in before.routines:
            routine = resolve(planned, routines)
            if routine is None:
                continue
            found = [
                item.exercise_id
                for item in routine.items
                if (ex := exercises.get(item.exercise_id)) is not None and ex.kind is Kind.STRENGTH
            ]
            if found:
                names.append(routine.name)
                strength_ids += found
        if not names:
            continue
        run = "race" if day.run is RunKind.RACE else "long run"
        quoted = _names(_quoted(names))
        notes.append(
            Note(
                Severity.CAUTION,
                Rule.STRENGTH_BEFORE_KEY_RUN,
                f"{WEEKDAY_NAMES[before.weekday]} has strength work ({quoted}) the day before your "
                f"{run} on {WEEKDAY_NAMES[day.weekday]}. Hips run better fresh: move it earlier in "
                f"the week, or keep {WEEKDAY_NAMES[before.weekday]} for stretching.",
                (before.weekday, day.weekday),
                tuple(dict.fromkeys(strength_ids)),
            )
        )
    return notes


def _rest_day(plan: WeekPlan) -> list[Note]:
    if any(day.run in NO_RUN for day in plan.days):
        return []
    return [
        Note(
            Severity.CAUTION,
            Rule.NO_REST_DAY,
            "There is no rest day in your week: a day without running lets muscles and tendons "
            "catch up with the training. Mark one day as a rest day.",
        )
    ]


def _advice_text(advised: Range) -> str:
    return f"{advised.text()} times a week" if advised.high > 1 else "once a week"


def _frequency_notes(
    plan: WeekPlan, routines: Mapping[int, Routine], exercises: Mapping[str, Exercise]
) -> list[Note]:
    # Exercises with the same days and the same advice share one note.
    groups: dict[tuple[Rule, tuple[int, ...], Range], list[Exercise]] = {}
    as_advised: list[Exercise] = []
    for exercise_id, days in exercise_days(plan, routines).items():
        exercise = exercises.get(exercise_id)
        advised = exercise.frequency_per_week if exercise is not None else None
        if exercise is None or advised is None:
            continue  # the article gives no frequency: nothing to say
        count = len(days)
        if count > advised.high:
            groups.setdefault((Rule.TOO_OFTEN, days, advised), []).append(exercise)
        elif count < advised.low:
            groups.setdefault((Rule.TOO_RARELY, days, advised), []).append(exercise)
        else:
            as_advised.append(exercise)
    notes = []
    for (rule, days, advised), group in groups.items():
        names = _names([ex.name for ex in group])
        each = " each" if len(group) > 1 else ""
        verb = "are" if len(group) > 1 else "is"
        planned = f"{names} {verb}{each} planned {times_text(len(days))} this week ({_days(days)})"
        if rule is Rule.TOO_OFTEN:
            text = (
                f"{planned}; the article advises {_advice_text(advised)}. "
                "Fewer days leave your hips time to recover."
            )
        else:
            text = f"{planned}; the article advises {_advice_text(advised)}."
        notes.append(Note(Severity.ADVICE, rule, text, days, tuple(ex.id for ex in group)))
    if as_advised:
        count = len(as_advised)
        subject = as_advised[0].name if count == 1 else f"{count} exercises"
        verb = "is" if count == 1 else "are"
        notes.append(
            Note(
                Severity.INFO,
                Rule.AS_ADVISED,
                f"{subject} {verb} planned as often as the article advises.",
                (),
                tuple(ex.id for ex in as_advised),
            )
        )
    return notes


def _minutes_notes(plan: WeekPlan, routines: Mapping[int, Routine], pace: Pace) -> list[Note]:
    minutes = day_minutes(plan, routines, pace)
    busy = [d for d, m in enumerate(minutes) if m > 0]
    if not busy:
        if not any(day.routines for day in plan.days):
            return [Note(Severity.INFO, Rule.EMPTY, "Nothing is planned yet: drag a routine onto a day.")]
        return []
    total = sum(minutes)
    longest = max(busy, key=lambda d: minutes[d])
    days = "1 day" if len(busy) == 1 else f"{len(busy)} days"
    text = f"About {minutes_text(total)} of hip work this week, on {days}"
    if len(busy) > 1:
        text += f"; the most on {WEEKDAY_NAMES[longest]}, about {minutes_text(minutes[longest])}"
    return [Note(Severity.INFO, Rule.MINUTES, text + ".", tuple(busy))]
