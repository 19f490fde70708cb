"""The pace of a guided session: how long a rep, the lead-in and a side switch take.

Sessions and every estimate of a routine's length (Routines, Week, Today, the command line) take their
timing from one ``Pace`` and one function, ``rep_seconds``, so what a routine is said to last is what
its session lasts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hipdesk.domain.timing import GET_READY_S, PACE_PERCENT_RANGE, REP_TEMPO_S, SWITCH_SIDES_S

if TYPE_CHECKING:  # for the types only: the pace loads without the model
    from hipdesk.domain.model import Exercise, RoutineItem


@dataclass(frozen=True, slots=True)
class Pace:
    """Each exercise's own seconds per rep, the factor the rep-pace setting puts on them (1.5 = half as
    slow again), the lead-in before each exercise and the switch-sides countdown."""

    rep_s: Mapping[str, float] = field(default_factory=dict)
    factor: float = 1.0
    lead_in_s: float = GET_READY_S
    switch_s: float = SWITCH_SIDES_S

    def __post_init__(self) -> None:
        if self.factor <= 0:
            raise ValueError("the rep pace must be more than 0")

    @classmethod
    def of(
        cls,
        exercises: Iterable[Exercise] | Mapping[str, Exercise],
        *,
        factor: float = 1.0,
        lead_in_s: float = GET_READY_S,
        switch_s: float = SWITCH_SIDES_S,
    ) -> Pace:
        values = exercises.values() if isinstance(exercises, Mapping) else exercises
        return cls(
            rep_s={ex.id: ex.rep_seconds for ex in values},
            factor=factor,
            lead_in_s=lead_in_s,
            switch_s=switch_s,
        )


def pace_factor(percent: int) -> float:
    """The rep-pace setting (percent of the exercises' own pace, within its range) as a factor."""
    low, high = PACE_PERCENT_RANGE
    return max(low, min(high, int(percent))) / 100


def rep_seconds(item: RoutineItem, pace: Pace) -> float:
    """Seconds one counted rep of ``item`` takes: its exercise's own pace times the setting's factor,
    plus the hold at the top of the rep (a hold is the time asked for and is not scaled). An exercise
    the pace does not know (deleted since) goes at the standard 3 s."""
    own = pace.rep_s.get(item.exercise_id, REP_TEMPO_S)
    return own * pace.factor + (item.hold_s or 0)
