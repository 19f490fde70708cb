"""Kilometres per week, run days, and the hard run the day after heavy strength work."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hipdesk.domain.model import RunKind
from hipdesk.runs.history import hard_after_strength, run_days, weekly_km
from hipdesk.runs.model import Run

AUCKLAND = ZoneInfo("Pacific/Auckland")


def run(day: dt.date, km: float, kind: RunKind = RunKind.EASY, hour: int = 7) -> Run:
    return Run(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=AUCKLAND), km * 1000, km * 300, None, "x", kind
    )


def test_kilometres_fall_in_the_week_of_the_runners_local_day() -> None:
    mondays = [dt.date(2026, 3, 23), dt.date(2026, 3, 30)]
    # Sunday 29 March 06:30 in Auckland is Saturday evening in UTC: still the first week
    runs = [
        run(dt.date(2026, 3, 29), 21.1, hour=6),
        run(dt.date(2026, 3, 30), 5),
        run(dt.date(2026, 3, 31), 8),
    ]
    assert weekly_km(runs, mondays, 0, AUCKLAND) == [21.1, 13.0]
    assert run_days(runs, AUCKLAND) == {dt.date(2026, 3, 29), dt.date(2026, 3, 30), dt.date(2026, 3, 31)}


def test_a_hard_run_after_heavy_strength_is_flagged_by_distance_or_by_the_plan() -> None:
    sunday, saturday = dt.date(2026, 3, 29), dt.date(2026, 4, 4)
    runs = [
        run(sunday, 21.0, RunKind.LONG),
        run(saturday, 10.0),
        run(dt.date(2026, 4, 1), 25.0, RunKind.LONG),
    ]
    sets = {sunday - dt.timedelta(days=1): 8, saturday - dt.timedelta(days=1): 6, dt.date(2026, 3, 31): 2}
    flags = hard_after_strength(runs, {saturday: RunKind.RACE}, sets, AUCKLAND)
    assert [(f.day, f.kind) for f in flags] == [(saturday, RunKind.RACE), (sunday, RunKind.LONG)]
    assert flags[1].text.startswith("Sun 29 Mar: a long run of 21.0 km the day after heavy strength work (8")
    assert hard_after_strength(runs, {}, {k: 5 for k in sets}, AUCKLAND) == []  # five sets are not heavy
