"""Starter routines and week plan, built from the article's advice, added to a new database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from hipdesk.domain.model import Exercise, PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.rules import default_item

WARM_UP = "Warm-up (article)"
STRENGTH = "Hip strength"
STRETCH = "Hip stretch"

# The article ends nine paragraphs with "Use this as part of your warm-up 2-3 times a week".
_WARM_UP_IDS = (
    "glute-bridge",
    "clamshell",
    "donkey-kicks",
    "bird-dog",
    "single-leg-squat",
    "single-leg-deadlift",
    "pretzel-stretch",
    "butterfly-stretch",
    "head-to-knee-stretch",
)
# The warm-up already holds the moves the article wants 2-3 times a week; the other two routines
# hold the rest, so that the starter week plans each of those moves three times, not five.
_STRENGTH_IDS = (
    "squat",
    "single-leg-bridge",
    "side-plank-leg-abduction",
    "hip-hikes",
    "standing-hip-flexion",
)
_STRETCH_IDS = (
    "lunging-hip-flexor-stretch",
    "figure-4-stretch",
    "reclining-angle-bound-pose",
    "three-legged-dog",
)


def _routine(name: str, notes: str, ids: tuple[str, ...], exercises: Mapping[str, Exercise]) -> Routine:
    return Routine(
        name=name,
        notes=notes,
        items=tuple(default_item(exercises[i]) for i in ids if i in exercises),
    )


def starter_routines(exercises: Mapping[str, Exercise]) -> list[Routine]:
    return [
        _routine(
            WARM_UP,
            "The nine moves the article says to use as part of your warm-up, 2-3 times a week.",
            _WARM_UP_IDS,
            exercises,
        ),
        _routine(
            STRENGTH,
            "Strength for the hips and glutes; keep it away from the day before a long run or race.",
            _STRENGTH_IDS,
            exercises,
        ),
        _routine(
            STRETCH,
            "Stretches for the hips and hamstrings, good after any run.",
            _STRETCH_IDS,
            exercises,
        ),
    ]


def starter_week() -> WeekPlan:
    """A typical runner's week: two easy runs, a workout, a long run on Sunday, two rest days."""
    evening = dt.time(18, 30)
    morning = dt.time(7, 0)

    def day(weekday: int, run: RunKind, *plans: tuple[str, dt.time]) -> PlannedDay:
        return PlannedDay(weekday, run, tuple(PlannedRoutine(name, time) for name, time in plans))

    return WeekPlan(
        days=(
            day(0, RunKind.REST, (STRENGTH, evening)),
            day(1, RunKind.EASY, (WARM_UP, morning)),
            day(2, RunKind.WORKOUT, (STRETCH, evening)),
            day(3, RunKind.EASY, (STRENGTH, evening)),
            day(4, RunKind.REST, (WARM_UP, evening)),
            day(5, RunKind.EASY, (STRETCH, evening)),
            day(6, RunKind.LONG, (WARM_UP, morning), (STRETCH, evening)),
        )
    )
