"""Hip discomfort per week, and the sentence on left against right, as History shows them."""

from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.domain.history import DiscomfortPoint, ProgressPoint, side_balance, weekly_discomfort
from hipdesk.domain.model import Side

MON = dt.date(2026, 3, 2)  # a Monday


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def test_discomfort_is_the_mean_of_each_side_per_week_oldest_first() -> None:
    points = [
        DiscomfortPoint(day(8), 4, 1),  # week 2
        DiscomfortPoint(day(0), 2, 0),  # week 1
        DiscomfortPoint(day(3), 5, 3),  # week 1
        DiscomfortPoint(day(6), None, 6),  # week 1, left not given
    ]
    assert weekly_discomfort(points) == [
        DiscomfortPoint(MON, 3.5, 3.0),
        DiscomfortPoint(day(7), 4.0, 1.0),
    ]


def test_a_side_never_given_in_a_week_stays_not_given() -> None:
    assert weekly_discomfort([DiscomfortPoint(day(1), None, 2), DiscomfortPoint(day(2), None, None)]) == [
        DiscomfortPoint(MON, None, 2.0)
    ]


def test_weeks_start_on_the_locales_first_day() -> None:
    # Sunday-first: Sunday 8 March opens a new week, Saturday 7 March closes the old one
    points = [DiscomfortPoint(day(5), 2, 2), DiscomfortPoint(day(6), 6, 4)]
    assert weekly_discomfort(points, first_weekday=6) == [
        DiscomfortPoint(day(-1), 2.0, 2.0),
        DiscomfortPoint(day(6), 6.0, 4.0),
    ]
    assert weekly_discomfort(points) == [DiscomfortPoint(MON, 4.0, 3.0)]  # Monday-first: one week


def test_no_points_no_weeks() -> None:
    assert weekly_discomfort([]) == []


def progress(*values: tuple[int, Side, float]) -> list[ProgressPoint]:
    return [ProgressPoint(day(n), side, value) for n, side, value in values]


L, R, B = Side.LEFT, Side.RIGHT, Side.BOTH


def test_a_weaker_left_is_named_with_its_gap() -> None:
    points = progress((0, L, 8), (0, R, 10), (7, L, 8), (7, R, 10))
    assert side_balance(points) == "Over the last four weeks your left side did 20% less than your right."


def test_a_weaker_right_is_named_with_its_gap() -> None:
    points = progress((0, L, 12), (2, R, 6), (3, R, 9))
    assert side_balance(points) == "Over the last four weeks your right side did 38% less than your left."


def test_within_five_percent_the_sides_are_level() -> None:
    assert side_balance(progress((0, L, 20), (0, R, 19.5))) == (
        "Over the last four weeks your left and right side are level."
    )


def test_only_the_last_four_weeks_count() -> None:
    # long ago the left was weak; in the 28 days up to the newest point both are equal
    points = progress((-40, L, 1), (-40, R, 10), (0, L, 10), (27, R, 10))
    assert side_balance(points) == "Over the last four weeks your left and right side are level."
    assert side_balance(progress((0, L, 5), (28, R, 10), (28, L, 10))) == (
        "Over the last four weeks your left and right side are level."
    )


@pytest.mark.parametrize(
    "points",
    [[], progress((0, B, 10)), progress((0, L, 10), (3, L, 12)), progress((0, R, 10), (1, B, 5))],
)
def test_nothing_is_said_without_both_sides(points) -> None:
    assert side_balance(points) == ""
