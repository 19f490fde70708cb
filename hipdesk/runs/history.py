"""Runs beside the hip work: kilometres per week, run days, and hard runs the day after strength."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hipdesk.domain.history import week_start
from hipdesk.domain.model import RunKind
from hipdesk.runs.model import Run

HARD = (RunKind.LONG, RunKind.RACE)
HEAVY_STRENGTH_SETS = 6  # strength sets done in a day that make it heavy hip work


def local_day(run: Run, zone: dt.tzinfo | None = None) -> dt.date:
    """The runner's calendar day of the run's start (the system's zone unless one is given)."""
    return run.started_at.astimezone(zone).date()


def run_days(runs: Iterable[Run], zone: dt.tzinfo | None = None) -> set[dt.date]:
    return {local_day(run, zone) for run in runs}


def weekly_km(
    runs: Iterable[Run], starts: Sequence[dt.date], first_weekday: int = 0, zone: dt.tzinfo | None = None
) -> list[float]:
    """Kilometres run in each week starting on one of ``starts`` (0 for a week without runs)."""
    totals = dict.fromkeys(starts, 0.0)
    for run in runs:
        start = week_start(local_day(run, zone), first_weekday)
        if start in totals:
            totals[start] += run.km
    return [totals[s] for s in starts]


@dataclass(frozen=True, slots=True)
class HardAfterStrength:
    day: dt.date  # the day of the hard run
    kind: RunKind
    km: float
    strength_sets: int  # done the day before

    @property
    def text(self) -> str:
        what = "race" if self.kind is RunKind.RACE else "long run"
        return (
            f"{self.day:%a %d %b}: a {what} of {self.km:.1f} km the day after heavy strength work "
            f"({self.strength_sets} strength sets). Hips run better fresh: keep the day before a "
            "long run or race for stretching."
        )


def hard_after_strength(
    runs: Iterable[Run],
    planned: Mapping[dt.date, RunKind],
    strength_sets: Mapping[dt.date, int],
    zone: dt.tzinfo | None = None,
    heavy: int = HEAVY_STRENGTH_SETS,
) -> list[HardAfterStrength]:
    """Hard runs (long run or race, by the distance or by the plan) the day after heavy strength work."""
    found = []
    for run in runs:
        day = local_day(run, zone)
        kind = planned.get(day) if planned.get(day) in HARD else run.kind
        sets = strength_sets.get(day - dt.timedelta(days=1), 0)
        if kind in HARD and sets >= heavy:
            found.append(HardAfterStrength(day, kind, run.km, sets))
    return sorted(found, key=lambda flag: flag.day, reverse=True)
