"""Plain cue objects the engine emits, for a driver to turn into sounds, speech and visual flashes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CueKind(StrEnum):
    """What a cue means; the driver picks a sound or a voice line for each kind."""

    ANNOUNCE = "announce"  # the exercise name, at the start of the get-ready lead-in
    GO = "go"  # a work step starts (a start sound)
    COUNTDOWN = "countdown"  # a beep 3, 2 or 1 seconds before a timed step ends (count holds the number)
    HALFWAY = "halfway"  # halfway through a hold or timed work of 20 s or more
    REP = "rep"  # a paced rep starts (count holds the rep number, from 1)
    SWITCH_SIDES = "switch-sides"  # the switch-sides countdown starts
    REST = "rest"  # a rest starts, between sets or before the next exercise
    NEXT = "next"  # which exercise comes after a rest before the next exercise (text holds its name)
    FINISHED = "finished"  # the whole routine is done


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue. ``text`` is ready to be spoken; ``count`` is set for countdown beeps and rep counts."""

    kind: CueKind
    text: str | None = None
    count: int | None = None


def announce(name: str) -> Cue:
    return Cue(CueKind.ANNOUNCE, name)


def go() -> Cue:
    return Cue(CueKind.GO, "Go")


def countdown(n: int) -> Cue:
    return Cue(CueKind.COUNTDOWN, str(n), n)


def halfway() -> Cue:
    return Cue(CueKind.HALFWAY, "Halfway")


def rep(n: int) -> Cue:
    return Cue(CueKind.REP, str(n), n)


def switch_sides() -> Cue:
    return Cue(CueKind.SWITCH_SIDES, "Switch sides")


def rest() -> Cue:
    return Cue(CueKind.REST, "Rest")


def next_up(name: str) -> Cue:
    return Cue(CueKind.NEXT, f"Next: {name}")


def finished() -> Cue:
    return Cue(CueKind.FINISHED, "Finished")
