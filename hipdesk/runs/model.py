"""A run as HipDesk keeps it, and the one error every reader raises for a file it cannot use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RunKind

SUFFIXES = (".gpx", ".tcx", ".fit")
# a run of at least this distance is a long run when nothing else says what it was
LONG_RUN_M = 18_000.0


class RunFileError(HipDeskError):
    """A run or plan file that cannot be read; the message is one line naming the file and why."""


@dataclass(frozen=True, slots=True)
class Run:
    started_at: dt.datetime  # aware
    distance_m: float
    moving_s: float
    elevation_gain_m: float | None = None
    source: str = ""
    kind: RunKind = RunKind.EASY

    @property
    def km(self) -> float:
        return self.distance_m / 1000.0


def kind_by_distance(distance_m: float) -> RunKind:
    return RunKind.LONG if distance_m >= LONG_RUN_M else RunKind.EASY
