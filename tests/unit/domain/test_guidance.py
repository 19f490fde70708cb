from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.catalogue.starter import starter_routines, starter_week
from hipdesk.domain.guidance import (
    Rule,
    Severity,
    day_minutes,
    exercise_days,
    minutes_text,
    routine_minutes,
    routines_by_id,
    week_notes,
)
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import estimate_seconds

EXERCISES = {ex.id: ex for ex in load_catalogue()}
# clamshell: strength, 2-3 a week; figure-4-stretch: stretch, no frequency given
STRENGTH = Routine("Hip strength", (RoutineItem("clamshell", sets=2, reps=10),), id=1)
STRETCH = Routine("Hip stretch", (RoutineItem("figure-4-stretch", hold_s=30),), id=2)
BRIDGES = Routine("Bridges", (RoutineItem("glute-bridge", reps=10), RoutineItem("clamshell", reps=10)), id=3)
ROUTINES = [STRENGTH, STRETCH, BRIDGES]
EASY_WEEK = [
    RunKind.EASY,
    RunKind.REST,
    RunKind.WORKOUT,
    RunKind.EASY,
    RunKind.REST,
    RunKind.EASY,
    RunKind.LONG,
]


def week(runs: list[RunKind] | None = None, **plans: list[Routine]) -> WeekPlan:
    """``week(mon=[STRENGTH], sat=[STRETCH])``: routines by day, runs Monday first."""
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    runs = runs or EASY_WEEK
    return WeekPlan(
        days=tuple(
            PlannedDay(
                d, runs[d], tuple(PlannedRoutine(r.name, dt.time(18, 0), r.id) for r in plans.get(n, []))
            )
            for d, n in enumerate(names)
        )
    )


def by_rule(notes, rule: Rule):
    return [n for n in notes if n.rule is rule]


def test_counts_days_per_exercise_once_a_day() -> None:
    plan = week(mon=[STRENGTH, BRIDGES], wed=[BRIDGES])
    assert exercise_days(plan, routines_by_id(ROUTINES)) == {"clamshell": (0, 2), "glute-bridge": (0, 2)}


@pytest.mark.parametrize(
    ("days", "rule", "text"),
    [
        (
            ["mon"],
            Rule.TOO_RARELY,
            "Clamshell is planned once this week (Monday); the article advises 2–3 times a week.",
        ),
        (["mon", "wed"], Rule.AS_ADVISED, "Clamshell is planned as often as the article advises."),
        (["mon", "wed", "fri"], Rule.AS_ADVISED, "Clamshell is planned as often as the article advises."),
        (
            ["mon", "tue", "wed", "fri"],
            Rule.TOO_OFTEN,
            "Clamshell is planned 4 times this week (Monday, Tuesday, Wednesday and Friday); the article "
            "advises 2–3 times a week.",
        ),
    ],
)
def test_each_exercise_against_the_articles_two_to_three_times(days, rule, text) -> None:
    notes = week_notes(week(**{d: [STRENGTH] for d in days}), ROUTINES, EXERCISES)
    frequency = [n for n in notes if n.rule in (Rule.TOO_RARELY, Rule.TOO_OFTEN, Rule.AS_ADVISED)]
    assert len(frequency) == 1
    assert frequency[0].rule is rule and frequency[0].text.startswith(text)
    assert frequency[0].exercise_ids == ("clamshell",)
    if rule is not Rule.AS_ADVISED:
        assert frequency[0].severity is Severity.ADVICE
        assert len(frequency[0].weekdays) == len(days)


def test_exercises_with_no_frequency_get_no_count_note() -> None:
    notes = week_notes(
        week(**{d: [STRETCH] for d in ["mon", "tue", "wed", "thu", "fri", "sat"]}), ROUTINES, EXERCISES
    )
    assert not [n for n in notes if n.rule in (Rule.TOO_RARELY, Rule.TOO_OFTEN, Rule.AS_ADVISED)]


def test_exercises_on_the_same_days_share_one_note() -> None:
    notes = week_notes(week(mon=[BRIDGES]), ROUTINES, EXERCISES)
    [rarely] = by_rule(notes, Rule.TOO_RARELY)
    assert rarely.text.startswith("Glute Bridge and Clamshell are each planned once this week (Monday)")
    assert set(rarely.exercise_ids) == {"glute-bridge", "clamshell"}


@pytest.mark.parametrize("run", [RunKind.LONG, RunKind.RACE])
def test_strength_the_day_before_a_long_run_or_race(run: RunKind) -> None:
    runs = [RunKind.EASY, RunKind.REST, RunKind.EASY, RunKind.REST, RunKind.EASY, RunKind.NONE, run]
    notes = week_notes(week(runs, sat=[STRENGTH, STRETCH]), ROUTINES, EXERCISES)
    [caution] = by_rule(notes, Rule.STRENGTH_BEFORE_KEY_RUN)
    assert caution.severity is Severity.CAUTION and caution.weekdays == (5, 6)
    word = "race" if run is RunKind.RACE else "long run"
    assert caution.text.startswith(
        f"Saturday has strength work (“Hip strength”) the day before your {word} on Sunday."
    )
    assert notes[0] is caution  # what matters most comes first


def test_stretching_the_day_before_and_strength_two_days_before_are_fine() -> None:
    notes = week_notes(week(sat=[STRETCH], fri=[STRENGTH]), ROUTINES, EXERCISES)
    assert not by_rule(notes, Rule.STRENGTH_BEFORE_KEY_RUN)


def test_the_week_wraps_round_sunday_to_monday() -> None:
    runs = [RunKind.LONG, *[RunKind.REST] * 6]
    notes = week_notes(week(runs, sun=[STRENGTH]), ROUTINES, EXERCISES)
    [caution] = by_rule(notes, Rule.STRENGTH_BEFORE_KEY_RUN)
    assert caution.weekdays == (6, 0)


def test_no_rest_day() -> None:
    every_day = [
        RunKind.EASY,
        RunKind.WORKOUT,
        RunKind.EASY,
        RunKind.EASY,
        RunKind.WORKOUT,
        RunKind.EASY,
        RunKind.LONG,
    ]
    [note] = by_rule(week_notes(week(every_day), ROUTINES, EXERCISES), Rule.NO_REST_DAY)
    assert note.severity is Severity.CAUTION and "no rest day" in note.text
    for rest in (RunKind.REST, RunKind.NONE):  # a day without a run is a rest from running
        runs = [*every_day[:3], rest, *every_day[4:]]
        assert not by_rule(week_notes(week(runs), ROUTINES, EXERCISES), Rule.NO_REST_DAY)


def test_minutes_per_day_and_per_week() -> None:
    plan = week(mon=[STRENGTH, STRETCH], thu=[BRIDGES])
    minutes = day_minutes(plan, routines_by_id(ROUTINES))
    assert minutes == (
        routine_minutes(STRENGTH) + routine_minutes(STRETCH),
        0,
        0,
        routine_minutes(BRIDGES),
        0,
        0,
        0,
    )
    [note] = by_rule(week_notes(plan, ROUTINES, EXERCISES), Rule.MINUTES)
    assert note.severity is Severity.INFO and note.weekdays == (0, 3)
    assert note.text.startswith(f"About {minutes_text(sum(minutes))} of hip work this week, on 2 days")


def held(seconds: int) -> Routine:
    """One 1-set hold: 5 s to get ready, then the hold, so ``held(90)`` lasts 95 s."""
    return Routine("One hold", (RoutineItem("figure-4-stretch", hold_s=seconds),))


@pytest.mark.parametrize(
    ("hold_s", "total_s", "minutes"),
    [(25, 30, 1), (84, 89, 1), (85, 90, 2), (90, 95, 2), (145, 150, 3), (205, 210, 4), (595, 600, 10)],
)
def test_routine_minutes_round_to_the_nearest_minute(hold_s: int, total_s: int, minutes: int) -> None:
    assert estimate_seconds(held(hold_s), Pace()) == total_s
    assert routine_minutes(held(hold_s)) == minutes


def test_a_short_routine_is_at_least_a_minute_and_an_empty_one_none() -> None:
    assert routine_minutes(held(1)) == 1
    assert routine_minutes(Routine("Empty")) == 0


def test_minutes_in_words() -> None:
    assert [minutes_text(m) for m in (0, 1, 45, 59, 60, 61, 95, 120)] == [
        "0 min", "1 min", "45 min", "59 min", "1 h", "1 h 1 min", "1 h 35 min", "2 h",
    ]  # fmt: skip


def test_an_empty_plan_says_so_and_nothing_else() -> None:
    notes = week_notes(week(), ROUTINES, EXERCISES)
    assert [n.rule for n in notes] == [Rule.EMPTY]


def test_a_deleted_routine_is_named_with_its_days_and_counts_nothing() -> None:
    plan = WeekPlan(
        days=tuple(
            PlannedDay(
                d, RunKind.REST, (PlannedRoutine("Old <b>core</b>", None, None),) if d in (1, 4) else ()
            )
            for d in range(7)
        )
    )
    notes = week_notes(plan, ROUTINES, EXERCISES)
    [gone] = by_rule(notes, Rule.DELETED)
    assert gone.severity is Severity.CAUTION and gone.weekdays == (1, 4)
    assert gone.text == "“Old <b>core</b>” on Tuesday and Friday no longer exists: remove it from your week."
    assert day_minutes(plan, routines_by_id(ROUTINES)) == (0,) * 7
    # a routine id the list no longer has is gone as well
    stale = week(mon=[Routine("Vanished", id=99)])
    assert by_rule(week_notes(stale, ROUTINES, EXERCISES), Rule.DELETED)


def test_the_starter_week_gets_gentle_notes() -> None:
    routines = [Routine(r.name, r.items, r.notes, id=n) for n, r in enumerate(starter_routines(EXERCISES), 1)]
    ids = {r.name: r.id for r in routines}
    plan = WeekPlan(
        days=tuple(
            PlannedDay(
                d.weekday,
                d.run,
                tuple(PlannedRoutine(p.routine_name, p.time, ids[p.routine_name]) for p in d.routines),
            )
            for d in starter_week().days
        )
    )
    notes = week_notes(plan, routines, EXERCISES)
    assert not [n for n in notes if n.severity is Severity.CAUTION]  # the starter week follows its own advice
    assert by_rule(notes, Rule.AS_ADVISED) and by_rule(notes, Rule.MINUTES)
    assert [n.severity.rank for n in notes] == sorted(n.severity.rank for n in notes)
