"""The notes beneath the week, word for word, with the days and exercises they point at."""

from __future__ import annotations

from hipdesk.domain.guidance import Note, Rule, Severity, week_notes
from hipdesk.domain.model import RunKind
from tests.unit.domain.test_guidance import BRIDGES, EXERCISES, ROUTINES, STRENGTH, STRETCH, week

ADVICE, CAUTION, INFO = Severity.ADVICE, Severity.CAUTION, Severity.INFO


def notes(plan) -> list[Note]:
    return week_notes(plan, ROUTINES, EXERCISES)


def test_too_often_names_both_exercises_all_the_days_and_why() -> None:
    plan = week(mon=[BRIDGES], tue=[BRIDGES], wed=[BRIDGES], thu=[BRIDGES], fri=[BRIDGES])
    assert notes(plan)[0] == Note(
        ADVICE, Rule.TOO_OFTEN,
        "Glute Bridge and Clamshell are each planned 5 times this week (Monday, Tuesday, Wednesday, "
        "Thursday and Friday); the article advises 2–3 times a week. Fewer days leave your hips time to recover.",
        (0, 1, 2, 3, 4), ("glute-bridge", "clamshell"),
    )  # fmt: skip
    assert (
        notes(plan)[1].text
        == "About 10 min of hip work this week, on 5 days; the most on Monday, about 2 min."
    )


def test_too_rarely_says_once_and_the_day() -> None:
    assert notes(week(wed=[STRENGTH, STRETCH])) == [
        Note(ADVICE, Rule.TOO_RARELY, "Clamshell is planned once this week (Wednesday); the article advises "
             "2–3 times a week.", (2,), ("clamshell",)),
        Note(INFO, Rule.MINUTES, "About 3 min of hip work this week, on 1 day.", (2,), ()),
    ]  # fmt: skip


def test_as_advised_counts_one_or_many() -> None:
    assert notes(week(mon=[BRIDGES], thu=[BRIDGES]))[0] == Note(
        INFO, Rule.AS_ADVISED, "2 exercises are planned as often as the article advises.", (),
        ("glute-bridge", "clamshell"),
    )  # fmt: skip
    one = notes(week(mon=[STRENGTH], thu=[STRENGTH], sat=[STRENGTH]))
    assert (
        Note(
            INFO, Rule.AS_ADVISED, "Clamshell is planned as often as the article advises.", (), ("clamshell",)
        )
        in one
    )


def test_strength_the_day_before_the_long_run_names_the_routine_and_the_days() -> None:
    [caution] = [
        n for n in notes(week(mon=[STRENGTH], thu=[STRENGTH], sat=[STRENGTH])) if n.severity is CAUTION
    ]
    assert caution == Note(
        CAUTION, Rule.STRENGTH_BEFORE_KEY_RUN,
        "Saturday has strength work (“Hip strength”) the day before your long run on Sunday. Hips run better "
        "fresh: move it earlier in the week, or keep Saturday for stretching.",
        (5, 6), ("clamshell",),
    )  # fmt: skip


def test_a_week_of_running_without_a_rest_day() -> None:
    plan = week([RunKind.EASY] * 6 + [RunKind.LONG], mon=[STRETCH])
    assert notes(plan) == [
        Note(CAUTION, Rule.NO_REST_DAY, "There is no rest day in your week: a day without running lets muscles "
             "and tendons catch up with the training. Mark one day as a rest day."),
        Note(INFO, Rule.MINUTES, "About 1 min of hip work this week, on 1 day.", (0,), ()),
    ]  # fmt: skip


def test_an_empty_week_says_how_to_start() -> None:
    assert notes(week()) == [Note(INFO, Rule.EMPTY, "Nothing is planned yet: drag a routine onto a day.")]
