"""The shapes the domain refuses to hold, and the sides an exercise allows."""

from __future__ import annotations

import pytest

from hipdesk.domain.model import ItemSides, PlannedDay, Range, Sidedness, WeekPlan


def test_a_range_from_zero_and_of_one_value_is_fine() -> None:
    assert (Range(0, 0).text(), Range(0, 5).text(), Range(3, 3).text(), Range(2, 3).text()) == (
        "0",
        "0–5",
        "3",
        "2–3",
    )
    assert Range(2, 3).as_list() == [2, 3]


@pytest.mark.parametrize(("low", "high"), [(-1, 5), (-1, -1), (4, 3), (1, 0)])
def test_a_backwards_or_negative_range_is_refused(low: int, high: int) -> None:
    with pytest.raises(ValueError, match=f"^bad range {low}-{high}$"):
        Range(low, high)


def test_a_week_plan_is_seven_days_monday_first() -> None:
    assert [d.weekday for d in WeekPlan().days] == list(range(7))
    for days in ([PlannedDay(d) for d in range(6)], [PlannedDay(d) for d in (1, 0, 2, 3, 4, 5, 6)]):
        with pytest.raises(
            ValueError, match="^a week plan has exactly one entry for each weekday, Monday first$"
        ):
            WeekPlan(days=tuple(days))


@pytest.mark.parametrize(
    ("sidedness", "allowed"),
    [
        (Sidedness.BILATERAL, (ItemSides.BOTH,)),
        (Sidedness.ALTERNATING, (ItemSides.ALTERNATING,)),
        (Sidedness.EACH_SIDE, (ItemSides.EACH, ItemSides.LEFT, ItemSides.RIGHT)),
    ],
)
def test_the_sides_an_exercise_allows_and_the_first_one_is_the_default(sidedness, allowed) -> None:
    assert ItemSides.allowed_for(sidedness) == allowed
    assert ItemSides.default_for(sidedness) is allowed[0]
