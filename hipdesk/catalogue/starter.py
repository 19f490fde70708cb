"""Starter routines and week plan, built from the article's advice, added to a new database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from hipdesk.domain.model import Exercise, PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.rules import default_item

WARM_UP = "Run warm-up"
STRENGTH = "Hip strength"
STRETCH = "Hip stretch"

# How a coach reads the article's "Use this as part of your warm-up 2-3 times a week" (nine moves):
# a warm-up wakes the hips up for the run that follows; it does not tire them. So the nine are
# shared out by what they are:
# - the warm-up: the light floor moves that switch the glutes on (bridge, clamshell, bird dog), then
#   High Knees on your feet, the article's drill for keeping form in a workout. About 11 minutes,
#   moves only, no long holds; planned before the runs that need it, the workout and the long run.
# - the strength set: the loaded single-leg moves (squats, deadlifts) and donkey kicks join the
#   other strength work, on a rest day and an easy day, never the day before the long run or the
#   workout.
# - the stretch set: the static stretches (pretzel, butterfly, head-to-knee) come after runs, in the
#   evening, never right before one.
# Each of the nine is then planned twice or three times a week, as the article asks, and every set
# and rep stays at the low end of the article's ranges (see default_item): a safe place to start.
_WARM_UP_IDS = (
    "glute-bridge",
    "clamshell",
    "bird-dog",
    "high-knees",
)
# Standing moves first, while the legs are fresh for balance work, then down to the mat once.
_STRENGTH_IDS = (
    "squat",
    "single-leg-squat",
    "single-leg-deadlift",
    "hip-hikes",
    "standing-hip-flexion",
    "single-leg-bridge",
    "side-plank-leg-abduction",
    "donkey-kicks",
)
# From kneeling and all fours down to the mat, ending seated.
_STRETCH_IDS = (
    "lunging-hip-flexor-stretch",
    "three-legged-dog",
    "pretzel-stretch",
    "figure-4-stretch",
    "reclining-angle-bound-pose",
    "butterfly-stretch",
    "head-to-knee-stretch",
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
            "A short warm-up before a workout, a long run or a race: it wakes the glutes and gets the "
            "knees up, with no long holds.",
            _WARM_UP_IDS,
            exercises,
        ),
        _routine(
            STRENGTH,
            "Strength for the hips and glutes on a rest day or an easy day; keep it away from the day "
            "before a long run or race.",
            _STRENGTH_IDS,
            exercises,
        ),
        _routine(
            STRETCH,
            "Stretches for the hips and hamstrings, after a run or in the evening.",
            _STRETCH_IDS,
            exercises,
        ),
    ]


def starter_week() -> WeekPlan:
    """A typical runner's week: a workout on Wednesday, the long run on Sunday, easy runs between,
    Monday and Friday to rest. The warm-up comes before the workout and the long run (runs in the
    morning); strength on Monday and Thursday evenings, two days or more before a hard run; the
    stretches on the evenings after the workout, the long run and the Saturday easy run."""
    evening = dt.time(18, 30)
    morning = dt.time(7, 0)

    def day(weekday: int, run: RunKind, *plans: tuple[str, dt.time]) -> PlannedDay:
        return PlannedDay(weekday, run, tuple(PlannedRoutine(name, time) for name, time in plans))

    return WeekPlan(
        days=(
            day(0, RunKind.REST, (STRENGTH, evening)),
            day(1, RunKind.EASY),
            day(2, RunKind.WORKOUT, (WARM_UP, morning), (STRETCH, evening)),
            day(3, RunKind.EASY, (STRENGTH, evening)),
            day(4, RunKind.REST),
            day(5, RunKind.EASY, (STRETCH, evening)),
            day(6, RunKind.LONG, (WARM_UP, morning), (STRETCH, evening)),
        )
    )
