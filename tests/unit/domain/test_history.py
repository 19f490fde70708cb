"""Rules over the history: weeks against the plan, the streak, calendar days, progression hints."""

from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.domain.history import (
    DayState,
    DayTotal,
    ExerciseSession,
    ProgressPoint,
    SessionSummary,
    WeekTotal,
    day_state,
    duration_text,
    latest_by_routine,
    month_states,
    next_step,
    progress_unit,
    progression_hints,
    side_balance,
    streak,
    streak_loading,
    top_reached,
    week_progress_text,
    week_start,
    week_totals,
    weekly_best,
)
from hipdesk.domain.model import (
    Dosage,
    Exercise,
    Kind,
    PlannedDay,
    PlannedRoutine,
    Position,
    Range,
    Routine,
    RoutineItem,
    SessionStatus,
    Side,
    Sidedness,
    WeekPlan,
)

MONDAY = dt.date(2025, 3, 3)


def _exercise(ex_id: str, sidedness=Sidedness.EACH_SIDE, progressions=(), **dosage) -> Exercise:
    return Exercise(
        id=ex_id,
        name=ex_id.title(),
        kind=Kind.STRENGTH,
        position=Position.STANDING,
        sidedness=sidedness,
        dosage=Dosage(sets=Range(2, 3), **dosage),
        summary="",
        steps=(),
        primary_muscles=(),
        progressions=tuple(progressions),
    )


ROUTINE = Routine(name="R", id=1, items=(RoutineItem("a", reps=10),))


def _plan(*weekdays: int) -> WeekPlan:
    return WeekPlan(
        days=tuple(
            PlannedDay(d, routines=(PlannedRoutine("R", routine_id=1),) if d in weekdays else ())
            for d in range(7)
        )
    )


def _done(*days: dt.date, partial: tuple[dt.date, ...] = ()) -> dict[dt.date, DayTotal]:
    totals = {d: DayTotal(d, finished=1, seconds=600) for d in days}
    for d in partial:
        totals[d] = DayTotal(d, partial=1, seconds=300)
    return totals


def test_week_start_follows_the_first_weekday() -> None:
    sunday = dt.date(2025, 3, 9)
    assert week_start(sunday) == MONDAY
    assert week_start(sunday, first_weekday=6) == sunday
    assert week_start(dt.date(2025, 3, 8), first_weekday=6) == dt.date(2025, 3, 2)


def test_week_totals_against_the_plan() -> None:
    plan = _plan(0, 3)  # Monday and Thursday
    days = _done(MONDAY, MONDAY + dt.timedelta(days=3), MONDAY + dt.timedelta(days=7))
    weeks = week_totals(days, plan, [ROUTINE], today=MONDAY + dt.timedelta(days=8), weeks=3)
    assert [w.start for w in weeks] == [
        MONDAY - dt.timedelta(weeks=1),
        MONDAY,
        MONDAY + dt.timedelta(weeks=1),
    ]
    assert [w.sessions for w in weeks] == [0, 2, 1]
    assert [w.minutes for w in weeks] == [0, 20, 10]
    assert all(w.planned_sessions == 2 for w in weeks)
    assert weeks[0].planned_minutes > 0
    assert [w.met for w in weeks] == [False, True, False]


def test_a_deleted_routine_is_not_planned() -> None:
    plan = WeekPlan(days=tuple(PlannedDay(d, routines=(PlannedRoutine("Gone"),)) for d in range(7)))
    (week,) = week_totals({}, plan, [ROUTINE], MONDAY, weeks=1)
    assert week.planned_sessions == 0 and not week.met


def test_streak_counts_met_weeks_back_from_now() -> None:
    plan = _plan(0)
    days = _done(*(MONDAY + dt.timedelta(weeks=w) for w in (0, 2, 3, 4)))
    today = MONDAY + dt.timedelta(weeks=4, days=2)
    assert streak(days, plan, [ROUTINE], today) == 3
    # this week not met yet: it does not break the streak
    assert streak(days, plan, [ROUTINE], today + dt.timedelta(weeks=1)) == 3
    # a whole week without: the streak is over
    assert streak(days, plan, [ROUTINE], today + dt.timedelta(weeks=2)) == 0


def test_a_partial_session_does_not_meet_the_plan() -> None:
    plan = _plan(0)
    days = _done(MONDAY, partial=(MONDAY + dt.timedelta(weeks=1),))
    assert streak(days, plan, [ROUTINE], MONDAY + dt.timedelta(weeks=1, days=6)) == 1
    assert streak(days, plan, [ROUTINE], MONDAY + dt.timedelta(weeks=2)) == 0


def test_no_plan_no_streak() -> None:
    days = _done(MONDAY)
    assert streak(days, WeekPlan(), [ROUTINE], MONDAY) == 0
    assert streak({}, _plan(0), [ROUTINE], MONDAY) == 0


def test_streak_loads_only_as_far_back_as_it_goes() -> None:
    plan = _plan(0)
    first = MONDAY - dt.timedelta(weeks=300)
    days = _done(*(first + dt.timedelta(weeks=w) for w in range(301) if w != 250))
    asked: list[tuple[dt.date, dt.date]] = []

    def load(start: dt.date, end: dt.date) -> dict[dt.date, DayTotal]:
        asked.append((start, end))
        return {d: t for d, t in days.items() if start <= d <= end}

    assert streak_loading(load, first, plan, [ROUTINE], MONDAY, chunk_weeks=26) == 50
    assert len(asked) == 2  # 52 weeks back, not 300
    assert streak_loading(load, first, plan, [ROUTINE], MONDAY, chunk_weeks=7) == 50
    whole = _done(*(first + dt.timedelta(weeks=w) for w in range(301)))
    assert streak(whole, plan, [ROUTINE], MONDAY) == 301


@pytest.mark.parametrize(
    ("day", "planned", "total", "state"),
    [
        (MONDAY + dt.timedelta(days=1), 1, None, DayState.PLANNED),  # later
        (MONDAY + dt.timedelta(days=1), 0, None, DayState.NONE),
        (MONDAY, 1, None, DayState.PLANNED),  # today, still to do
        (MONDAY, 1, DayTotal(MONDAY, finished=1), DayState.DONE),
        (MONDAY - dt.timedelta(days=1), 2, DayTotal(MONDAY, finished=1), DayState.PARTLY),
        (MONDAY - dt.timedelta(days=1), 1, DayTotal(MONDAY, partial=1), DayState.PARTLY),
        (MONDAY - dt.timedelta(days=1), 1, None, DayState.MISSED),
        (MONDAY - dt.timedelta(days=1), 0, DayTotal(MONDAY, finished=1), DayState.DONE),  # unplanned, done
        (MONDAY - dt.timedelta(days=1), 0, None, DayState.NONE),
        (MONDAY - dt.timedelta(days=30), 1, None, DayState.NONE),  # before the first session
    ],
)
def test_day_states(day: dt.date, planned: int, total: DayTotal | None, state: DayState) -> None:
    since = MONDAY - dt.timedelta(days=10)
    assert day_state(day, MONDAY, planned, total, since) is state


def test_month_states_cover_the_month() -> None:
    plan = _plan(0)
    days = _done(dt.date(2025, 3, 3), partial=(dt.date(2025, 3, 10),))
    states = month_states(2025, 3, days, plan, [ROUTINE], dt.date(2025, 3, 20), dt.date(2025, 3, 1))
    assert len(states) == 31
    assert states[dt.date(2025, 3, 3)] is DayState.DONE
    assert states[dt.date(2025, 3, 10)] is DayState.PARTLY
    assert states[dt.date(2025, 3, 17)] is DayState.MISSED
    assert states[dt.date(2025, 3, 24)] is DayState.PLANNED
    assert states[dt.date(2025, 3, 4)] is DayState.NONE


def _session(n: int, ex_id: str = "a", reps=None, secs=None, skipped=0) -> ExerciseSession:
    return ExerciseSession(
        ex_id, n, dt.datetime(2025, 3, n, tzinfo=dt.UTC), done=4, skipped=skipped, min_reps=reps, min_s=secs
    )


def test_top_of_the_range_for_reps_holds_and_alternating_reps() -> None:
    reps = _exercise("a", reps=Range(10, 15))
    assert top_reached(reps, _session(1, reps=15))
    assert not top_reached(reps, _session(1, reps=14))
    assert not top_reached(reps, _session(1, reps=15, skipped=1))
    hold = _exercise("h", hold_s=Range(30, 60))
    assert top_reached(hold, _session(1, secs=59.6))
    assert not top_reached(hold, _session(1, secs=45))
    alternating = _exercise("b", Sidedness.ALTERNATING, reps=Range(10, 15))
    assert not top_reached(alternating, _session(1, reps=15))  # 15 counted = 7.5 each side
    assert top_reached(alternating, _session(1, reps=30))


def test_a_hint_after_three_sessions_in_a_row_at_the_top() -> None:
    exercises = {
        "a": _exercise("a", reps=Range(10, 15), progressions=("Loop a band above your knees.",)),
        "h": _exercise("h", hold_s=Range(30, 60)),
    }
    recent = [_session(1, reps=15), _session(2, reps=15), _session(3, reps=15)]
    recent += [_session(1, "h", secs=60), _session(2, "h", secs=40), _session(3, "h", secs=60)]
    hints = progression_hints(exercises, recent)
    assert [h.exercise_id for h in hints] == ["a"]
    assert "Loop a band above your knees." in hints[0].text
    assert "15 reps" in hints[0].text
    # the hold: one more at the top is not enough (40 s in between); two more make three in a row
    assert len(progression_hints(exercises, [*recent, _session(4, "h", secs=60)])) == 1
    hints = progression_hints(exercises, [*recent, _session(4, "h", secs=60), _session(5, "h", secs=60)])
    assert [h.exercise_id for h in hints] == ["a", "h"]
    assert "try 75 s instead of 60 s" in hints[1].text
    # two at the top are not enough; an older miss does not matter
    assert progression_hints(exercises, recent[1:3]) == []


def test_next_steps_without_a_progression() -> None:
    assert "longer hold" in next_step(_exercise("h", hold_s=Range(10, 15)))
    assert "try 20 s instead of 15 s" in next_step(_exercise("h", hold_s=Range(10, 15)))
    assert "Add a set (up to 3)" in next_step(_exercise("a", reps=Range(10, 15)))


def test_weekly_best_and_balance() -> None:
    points = [
        ProgressPoint(MONDAY, Side.LEFT, 12),
        ProgressPoint(MONDAY + dt.timedelta(days=2), Side.LEFT, 14),
        ProgressPoint(MONDAY, Side.RIGHT, 10),
        ProgressPoint(MONDAY + dt.timedelta(days=7), Side.RIGHT, 11),
    ]
    best = weekly_best(points)
    assert (MONDAY, Side.LEFT, 14) in [(p.day, p.side, p.value) for p in best]
    assert len(best) == 3
    assert side_balance(best) == "Over the last four weeks your right side did 25% less than your left."
    level = [ProgressPoint(MONDAY, Side.LEFT, 10), ProgressPoint(MONDAY, Side.RIGHT, 10)]
    assert "level" in side_balance(level)
    assert side_balance([ProgressPoint(MONDAY, Side.BOTH, 10)]) == ""


def test_units_and_durations() -> None:
    assert progress_unit(_exercise("b", Sidedness.ALTERNATING, reps=Range(10, 15))) == ("Reps per side", 2.0)
    assert progress_unit(_exercise("h", hold_s=Range(10, 15))) == ("Seconds", 1.0)
    assert duration_text(754) == "12:34"
    assert duration_text(3723) == "1:02:03"
    assert duration_text(None) == ""


def test_the_streak_asks_for_half_a_year_at_a_time_up_to_today() -> None:
    plan = _plan(2)  # Wednesdays
    today = MONDAY + dt.timedelta(days=3)  # Thursday
    first = MONDAY - dt.timedelta(weeks=60)
    days = _done(*(MONDAY + dt.timedelta(weeks=-w, days=2) for w in range(61)))
    asked: list[tuple[dt.date, dt.date]] = []

    def load(start: dt.date, end: dt.date) -> dict[dt.date, DayTotal]:
        asked.append((start, end))
        return {d: t for d, t in days.items() if start <= d <= end}

    assert streak_loading(load, first, plan, [ROUTINE], today) == 61
    assert asked == [
        (MONDAY - dt.timedelta(weeks=25), today),
        (MONDAY - dt.timedelta(weeks=51), MONDAY - dt.timedelta(weeks=25, days=1)),
        (first, MONDAY - dt.timedelta(weeks=51, days=1)),
    ]


def test_a_session_done_on_the_last_day_of_a_week_counts_for_that_week() -> None:
    plan = _plan(0)
    sunday = MONDAY + dt.timedelta(days=6)
    assert streak(_done(sunday), plan, [ROUTINE], sunday) == 1
    assert streak(_done(sunday), plan, [ROUTINE], sunday + dt.timedelta(days=1)) == 1  # next week not yet met
    # with a Sunday-first week that session opens the next week instead
    assert streak(_done(sunday), plan, [ROUTINE], sunday, first_weekday=6) == 1


def test_the_streak_in_words() -> None:
    from hipdesk.domain.history import streak_text

    assert [streak_text(n) for n in (0, 1, 2, 12)] == [
        "Meet your week's plan to start a streak.",
        "1 week with your plan met.",
        "2 weeks in a row with your plan met.",
        "12 weeks in a row with your plan met.",
    ]


@pytest.mark.parametrize(
    ("dosage", "text"),
    [
        (
            {"hold_s": Range(20, 30)},
            "A longer hold: try 40 s instead of 30 s.",
        ),  # a quarter more, in 5 s steps
        ({"hold_s": Range(30, 120)}, "A longer hold: try 150 s instead of 120 s."),
        ({"work_s": Range(30, 60)}, "A longer work: try 75 s instead of 60 s."),
        (
            {"reps": Range(10, 15)},
            "Add a set (up to 3), or slow each rep down and pause a second at the top.",
        ),
        (
            {"reps": Range(10, 15), "hold_s": Range(2, 2)},
            "Add a set (up to 3), or slow each rep down and pause a second at the top.",
        ),
    ],
)
def test_the_next_step_once_the_top_comes_easily(dosage: dict, text: str) -> None:
    assert next_step(_exercise("x", **dosage)) == text


def test_the_next_step_without_sets_slows_the_reps() -> None:
    ex = _exercise("x", reps=Range(10, 15))
    from dataclasses import replace

    ex = replace(ex, dosage=Dosage(reps=Range(10, 15)))
    assert next_step(ex) == "Slow each rep down and pause a second at the top."
    assert next_step(replace(ex, progressions=("Use the band.", "Then a heavier band."))) == "Use the band."


def test_scaled_points_keep_their_day_and_side() -> None:
    from hipdesk.domain.history import scaled

    points = [ProgressPoint(MONDAY, Side.LEFT, 90.0), ProgressPoint(MONDAY, Side.RIGHT, 30.0)]
    assert scaled(points, 60) == [
        ProgressPoint(MONDAY, Side.LEFT, 1.5),
        ProgressPoint(MONDAY, Side.RIGHT, 0.5),
    ]


def test_the_week_so_far_in_words_with_plurals() -> None:
    start = MONDAY
    assert (
        week_progress_text(WeekTotal(start, 3, 3, 52.4, 8, 150))
        == "3 of 8 sessions · 52 of 150 min this week"
    )
    assert week_progress_text(WeekTotal(start, 0, 0, 0, 1, 12)) == "0 of 1 session · 0 of 12 min this week"
    assert week_progress_text(WeekTotal(start, 1, 1, 9.6, 0, 0)) == "1 session · 10 min this week"


def test_the_last_session_of_each_routine_a_finished_one_first() -> None:
    at = dt.datetime(2025, 3, 3, 7, tzinfo=dt.UTC)

    def summary(n: int, name: str, status: SessionStatus, minutes: int) -> SessionSummary:
        return SessionSummary(n, name, at, at + dt.timedelta(minutes=minutes), status)

    early, late = summary(1, "A", SessionStatus.FINISHED, 10), summary(2, "A", SessionStatus.FINISHED, 90)
    stopped = summary(3, "A", SessionStatus.PARTIAL, 120)
    other = summary(4, "B", SessionStatus.PARTIAL, 5)
    assert latest_by_routine([stopped, early, late, other]) == {"A": late, "B": other}


@pytest.mark.parametrize(
    "stored",
    [
        "2026-03-01 06:30:00",
        "2026-03-01 06:30:00.250000",
        "2026-03-01 06:30:00.000000",  # written by hand: isoformat leaves the zero fraction out
        "2026-03-01T06:30:00",
        "2026-03-01 06:30",
        "2026-03-01 06:30:00+02:00",
        "1900-01-01 00:00:00",
    ],
)
def test_a_stored_time_reads_as_aware_utc_and_writes_as_isoformat(stored: str) -> None:
    from hipdesk.domain.history import stored_iso, stored_utc

    parsed = stored_utc(stored)
    assert parsed is not None and parsed.utcoffset() == dt.timedelta(0)
    assert parsed.replace(tzinfo=None) == dt.datetime.fromisoformat(stored).replace(tzinfo=None)
    assert stored_iso(stored) == parsed.isoformat()
    assert stored_utc(None) is None and stored_iso(None) is None
