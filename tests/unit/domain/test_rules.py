from __future__ import annotations

import pytest

from hipdesk.domain.model import (
    Dosage,
    Equipment,
    ItemSides,
    Range,
    Routine,
    RoutineItem,
    Sidedness,
)
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import (
    dosage_text,
    equipment_for,
    estimate_seconds,
    item_seconds,
    seconds_text,
)

STANDARD = Pace()  # 3 s a rep for every exercise, 5 s to get ready


@pytest.mark.parametrize(
    ("dosage", "sidedness", "text"),
    [
        (
            Dosage(sets=Range(2, 3), reps=Range(10, 15)),
            Sidedness.EACH_SIDE,
            "2–3 sets × 10–15 reps, each side",
        ),
        (Dosage(sets=Range(3, 3), reps=Range(10, 10)), Sidedness.EACH_SIDE, "3 sets × 10 reps, each side"),
        (Dosage(hold_s=Range(30, 120)), Sidedness.EACH_SIDE, "hold 30 s to 2 min, each side"),
        (Dosage(hold_s=Range(30, 30)), Sidedness.BILATERAL, "hold 30 s"),
        (
            Dosage(sets=Range(2, 3), work_s=Range(30, 60)),
            Sidedness.ALTERNATING,
            "2–3 sets × 30 s to 1 min of work, alternating sides",
        ),
        (
            Dosage(sets=Range(2, 3), reps=Range(10, 15), hold_s=Range(2, 2)),
            Sidedness.BILATERAL,
            "2–3 sets × 10–15 reps, holding 2 s each",
        ),
        (Dosage(sets=Range(1, 1), hold_s=Range(10, 15)), Sidedness.BILATERAL, "1 set × hold 10–15 s"),
    ],
)
def test_dosage_reads_as_plain_words(dosage: Dosage, sidedness: Sidedness, text: str) -> None:
    assert dosage_text(dosage, sidedness) == text


def test_seconds_text() -> None:
    assert [seconds_text(s) for s in (5, 60, 90, 3600)] == ["5 s", "1 min", "1 min 30 s", "60 min"]


def test_estimate_counts_work_rests_and_side_switches() -> None:
    each = RoutineItem("clamshell", sets=2, reps=10, sides=ItemSides.EACH, rest_s=30, rest_after_s=40)
    hold = RoutineItem("figure-4-stretch", sets=1, hold_s=30, sides=ItemSides.BOTH, rest_after_s=0)
    # 5 s to get ready, 2 sets × 10 reps × 3 s on each of 2 sides, a 5 s switch in each set, one 30 s rest
    assert item_seconds(each, STANDARD) == pytest.approx(5 + 120 + 10 + 30)
    assert item_seconds(hold, STANDARD) == pytest.approx(5 + 30)
    routine = Routine("r", items=(each, hold))
    # 165 s, the 40 s rest after it, 35 s; the rest after the last exercise is not counted
    assert estimate_seconds(routine, STANDARD) == 240
    assert estimate_seconds(Routine("empty"), STANDARD) == 0


def test_more_sets_take_longer() -> None:
    short = Routine("a", items=(RoutineItem("x", sets=1, reps=10),))
    long = Routine("b", items=(RoutineItem("x", sets=3, reps=10),))
    assert estimate_seconds(long, STANDARD) > estimate_seconds(short, STANDARD)


def test_equipment_listed_once_in_stable_order(repo) -> None:
    exercises = {ex.id: ex for ex in repo.exercises()}
    routine = Routine(
        "r",
        items=(
            RoutineItem("hip-hikes", reps=10),
            RoutineItem("standing-hip-flexion", reps=10),
            RoutineItem("clamshell", reps=10),
            RoutineItem("hip-hikes", reps=10),
            RoutineItem("squat", reps=10),
        ),
    )
    assert equipment_for(routine, exercises) == [Equipment.MAT, Equipment.RESISTANCE_BAND, Equipment.STEP]


def test_alternating_reps_count_per_side_but_timed_work_is_one_stretch() -> None:
    reps = RoutineItem("bird-dog", sets=1, reps=10, sides=ItemSides.ALTERNATING, rest_after_s=0)
    timed = RoutineItem("high-knees", sets=1, work_s=30, sides=ItemSides.ALTERNATING, rest_after_s=0)
    assert item_seconds(reps, STANDARD) == pytest.approx(5 + 2 * 10 * 3)  # 3 s a rep on each side
    assert item_seconds(timed, STANDARD) == pytest.approx(5 + 30)
