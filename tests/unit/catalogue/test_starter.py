"""The starter routines and week, read as a running coach reads the article's advice, and how they reach
a new database while an existing one keeps its own."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.catalogue.starter import STRENGTH, STRETCH, WARM_UP, starter_routines, starter_week
from hipdesk.domain.model import Kind, Range, RunKind
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import estimate_seconds
from hipdesk.store import open_store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXERCISES = {ex.id: ex for ex in load_catalogue()}
ROUTINES = {r.name: r for r in starter_routines(EXERCISES)}
WEEK = starter_week()
MORNING, EVENING = dt.time(7, 0), dt.time(18, 30)

# The week a new database gets: (run, [(routine, time), ...]), Monday first.
NEW_WEEK = [
    (RunKind.REST, [(STRENGTH, EVENING)]),
    (RunKind.EASY, []),
    (RunKind.WORKOUT, [(WARM_UP, MORNING), (STRETCH, EVENING)]),
    (RunKind.EASY, [(STRENGTH, EVENING)]),
    (RunKind.REST, []),
    (RunKind.EASY, [(STRETCH, EVENING)]),
    (RunKind.LONG, [(WARM_UP, MORNING), (STRETCH, EVENING)]),
]
# The nine moves the article wants "2-3 times a week", and how often the starter week plans each.
TWO_TO_THREE_TIMES = {
    "donkey-kicks": 2,
    "clamshell": 2,
    "single-leg-squat": 2,
    "bird-dog": 2,
    "glute-bridge": 2,
    "pretzel-stretch": 3,
    "single-leg-deadlift": 2,
    "butterfly-stretch": 3,
    "head-to-knee-stretch": 3,
}


def kinds(routine_name: str) -> set[Kind]:
    return {EXERCISES[i.exercise_id].kind for i in ROUTINES[routine_name].items}


def test_the_starter_week() -> None:
    assert [(d.run, [(p.routine_name, p.time) for p in d.routines]) for d in WEEK.days] == NEW_WEEK


def test_the_warm_up_is_about_ten_minutes_of_moves() -> None:
    warm_up = ROUTINES[WARM_UP]
    assert [i.exercise_id for i in warm_up.items] == ["glute-bridge", "clamshell", "bird-dog", "high-knees"]
    # at each exercise's own pace, as the session runs it
    assert 8 * 60 <= estimate_seconds(warm_up, Pace.of(load_catalogue())) <= 12 * 60
    assert Kind.STRETCH not in kinds(WARM_UP)
    for item in warm_up.items:
        assert item.reps is not None or item.work_s is not None, item.exercise_id  # moving, not holding
        assert (item.hold_s or 0) <= 5, item.exercise_id  # a pause at the top of a rep, no long hold
    # the loaded single-leg moves wait for a strength day
    assert not {"single-leg-squat", "single-leg-deadlift"} & {i.exercise_id for i in warm_up.items}


def test_the_warm_up_comes_first_on_the_workout_and_long_run_days_only() -> None:
    with_warm_up = [d.weekday for d in WEEK.days if WARM_UP in [p.routine_name for p in d.routines]]
    assert with_warm_up == [2, 6]  # Wednesday's workout, Sunday's long run
    for day in WEEK.days:
        if day.run in (RunKind.WORKOUT, RunKind.LONG, RunKind.RACE):
            assert day.routines[0].routine_name == WARM_UP and day.routines[0].time == MORNING
            assert all(p.time is not None and p.time > MORNING for p in day.routines[1:])


def test_no_strength_work_the_day_before_the_long_run() -> None:
    assert WEEK.days[6].run is RunKind.LONG
    assert all(Kind.STRENGTH not in kinds(p.routine_name) for p in WEEK.days[5].routines)  # Saturday
    strength_days = [d.weekday for d in WEEK.days if STRENGTH in [p.routine_name for p in d.routines]]
    assert strength_days == [0, 3]  # Monday's rest day, Thursday's easy run
    assert {WEEK.days[d].run for d in strength_days} == {RunKind.REST, RunKind.EASY}
    # nor the day before the workout
    assert all(Kind.STRENGTH not in kinds(p.routine_name) for p in WEEK.days[1].routines)


def test_static_stretching_is_planned_in_the_evening() -> None:
    for day in WEEK.days:
        for planned in day.routines:
            if Kind.STRETCH in kinds(planned.routine_name):
                assert planned.routine_name == STRETCH and planned.time == EVENING, day.weekday


def test_each_two_to_three_times_move_is_planned_two_or_three_times() -> None:
    assert {ex.id for ex in EXERCISES.values() if ex.frequency_per_week == Range(2, 3)} == set(
        TWO_TO_THREE_TIMES
    )
    days: dict[str, int] = {}
    for day in WEEK.days:
        for exercise_id in {i.exercise_id for p in day.routines for i in ROUTINES[p.routine_name].items}:
            days[exercise_id] = days.get(exercise_id, 0) + 1
    assert {i: days.get(i, 0) for i in TWO_TO_THREE_TIMES} == TWO_TO_THREE_TIMES


def test_every_exercise_of_the_article_is_in_one_starter_routine() -> None:
    planned = sorted(i.exercise_id for r in ROUTINES.values() for i in r.items)
    assert planned == sorted(EXERCISES)


def test_a_new_database_gets_the_new_plan(tmp_path: Path) -> None:
    repo = open_store(tmp_path / "new.sqlite")
    try:
        assert repo.routine_names() == [WARM_UP, STRENGTH, STRETCH]
        plan = repo.week_plan()
        assert [(d.run, [(p.routine_name, p.time) for p in d.routines]) for d in plan.days] == NEW_WEEK
        assert all(p.routine_id is not None for d in plan.days for p in d.routines)
        bridge = repo.routine(WARM_UP).items[0]
        assert (bridge.exercise_id, bridge.sets, bridge.reps, bridge.hold_s) == ("glute-bridge", 2, 10, 3)
    finally:
        repo.db.close()


# tests/fixtures/v1.sqlite: a database from an earlier HipDesk, with that release's starter routines as
# the runner left them (a single-leg deadlift added to the strength set, two stretches to the stretch
# set; the test raises the warm-up's clamshell reps as well) and a routine of their own.
OLD_ROUTINES = {
    "Warm-up (article)": [
        ("glute-bridge", 2, 10, 2, None, "both"),
        ("clamshell", 2, 15, None, None, "each"),
        ("donkey-kicks", 2, 10, None, None, "each"),
        ("bird-dog", 2, 10, None, None, "alternating"),
        ("single-leg-squat", 2, 10, None, None, "each"),
        ("single-leg-deadlift", 2, 10, None, None, "each"),
        ("pretzel-stretch", 2, 10, None, None, "each"),
        ("butterfly-stretch", 2, 10, 10, None, "both"),
        ("head-to-knee-stretch", 2, None, 10, None, "each"),
    ],
    "Hip strength": [
        ("squat", 2, 10, None, None, "both"),
        ("single-leg-bridge", 2, 10, 2, None, "each"),
        ("side-plank-leg-abduction", 2, 10, 1, None, "each"),
        ("hip-hikes", 2, 10, None, None, "each"),
        ("standing-hip-flexion", 3, 10, None, None, "each"),
        ("single-leg-deadlift", 2, 10, None, None, "each"),
    ],
    "Hip stretch": [
        ("lunging-hip-flexor-stretch", 1, None, 30, None, "each"),
        ("figure-4-stretch", 2, None, 30, None, "each"),
        ("reclining-angle-bound-pose", 1, None, 30, None, "both"),
        ("three-legged-dog", 2, 10, 2, None, "each"),
        ("butterfly-stretch", 2, 10, 10, None, "both"),
        ("head-to-knee-stretch", 2, None, 10, None, "each"),
    ],
    "Fixture routine": [("clamshell", 2, 12, None, None, "each")],
}
OLD_WEEK = [
    (RunKind.REST, [("Hip strength", EVENING)]),
    (RunKind.EASY, [("Warm-up (article)", MORNING)]),
    (RunKind.WORKOUT, [("Hip stretch", EVENING)]),
    (RunKind.EASY, [("Hip strength", EVENING)]),
    (RunKind.REST, [("Warm-up (article)", EVENING)]),
    (RunKind.EASY, [("Hip stretch", EVENING)]),
    (RunKind.LONG, [("Warm-up (article)", MORNING), ("Hip stretch", EVENING)]),
]


def test_an_existing_database_keeps_its_routines_and_week_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "v1.sqlite", path)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "UPDATE routine_item SET reps = 15 WHERE routine_id = (SELECT id FROM routine WHERE name = ?) "
            "AND exercise_id = (SELECT id FROM exercise WHERE slug = 'clamshell')",
            ("Warm-up (article)",),
        )
    repo = open_store(path)
    try:
        routines = {
            r.name: [(i.exercise_id, i.sets, i.reps, i.hold_s, i.work_s, i.sides.value) for i in r.items]
            for r in repo.routines()
        }
        assert routines == OLD_ROUTINES  # nothing added, nothing changed, the new routines not seeded
        plan = repo.week_plan()
        assert [(d.run, [(p.routine_name, p.time) for p in d.routines]) for d in plan.days] == OLD_WEEK
        # the built-ins are refreshed as on every upgrade, while the runner's routine keeps its own numbers
        assert repo.exercise("glute-bridge").dosage.hold_s == Range(3, 5)
        assert repo.routine("Warm-up (article)").items[0].hold_s == 2
    finally:
        repo.db.close()
    again = open_store(path)  # and on the next start as well
    try:
        assert [r.name for r in again.routines()] == list(OLD_ROUTINES)
    finally:
        again.db.close()


def test_the_article_warm_up_moves_planned_elsewhere_say_so_beside_the_exercise() -> None:
    in_warm_up = {i.exercise_id for i in ROUTINES[WARM_UP].items}
    elsewhere = sorted(set(TWO_TO_THREE_TIMES) - in_warm_up)
    assert elsewhere == [
        "butterfly-stretch",
        "donkey-kicks",
        "head-to-knee-stretch",
        "pretzel-stretch",
        "single-leg-deadlift",
        "single-leg-squat",
    ]
    for exercise_id in elsewhere:
        source = EXERCISES[exercise_id].source
        assert source is not None
        assert any("HipDesk's starter week plans it with the" in n for n in source.notes), exercise_id
