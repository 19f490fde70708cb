"""The planned steps of a guided session: a pure function from a routine to a list of steps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from hipdesk.domain.model import Exercise, ItemSides, RepMode, Routine, RoutineItem, SetRecord, Side
from hipdesk.domain.pace import Pace, rep_seconds

HALFWAY_MIN_S = 20.0  # holds and timed work this long or longer get a "halfway" cue


class StepKind(StrEnum):
    GET_READY = "get-ready"  # lead-in before the first set of each exercise
    WORK = "work"
    SWITCH_SIDES = "switch-sides"  # between the left and the right side of one set
    REST_SET = "rest-set"  # rest between sets of one exercise
    REST_NEXT = "rest-next"  # rest before the next exercise
    FINISHED = "finished"  # always the last step; it has no duration

    @property
    def label(self) -> str:
        return {
            StepKind.GET_READY: "Get ready",
            StepKind.WORK: "Work",
            StepKind.SWITCH_SIDES: "Switch sides",
            StepKind.REST_SET: "Rest",
            StepKind.REST_NEXT: "Rest",
            StepKind.FINISHED: "Finished",
        }[self]


class WorkMode(StrEnum):
    """How a work step is timed."""

    HOLD = "hold"  # a static hold counting down
    TIMED = "timed"  # continuous work counting down (a drill)
    PACED = "paced"  # reps counted by the session at a set tempo
    MANUAL = "manual"  # reps the runner ends with "Done"; no deadline


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a session.

    Work steps describe the set being done. Every other step (get ready, switch sides, rests) describes
    the work step it leads to: its item, exercise, side and set number. ``duration_s`` is None only for
    manual reps and for the final FINISHED step; ``planned_s`` is the time the step is expected to take
    (an estimate at the set tempo for manual reps), used for overall progress.
    """

    index: int
    kind: StepKind
    item_index: int
    exercise_id: str
    exercise_name: str
    side: Side
    set_number: int
    sets_total: int
    duration_s: float | None
    target_reps: int | None = None
    hold_s: float | None = None  # the hold at the top of each rep, for reps with a hold
    next_exercise_name: str | None = None  # set on rests: the exercise that follows
    mode: WorkMode | None = None  # set on work steps
    rep_s: float | None = None  # seconds per rep for paced and manual reps (tempo plus hold)
    target_s: int | None = None  # the time target of a hold or timed work, as stored in a SetRecord
    planned_s: float = 0.0

    @property
    def is_work(self) -> bool:
        return self.kind is StepKind.WORK

    @property
    def timed(self) -> bool:
        """True where the step ends by itself at a deadline."""
        return self.duration_s is not None

    @property
    def has_countdown(self) -> bool:
        """3-2-1 beeps before the end: every timed step except paced reps, which count themselves."""
        return self.timed and self.mode is not WorkMode.PACED

    @property
    def has_halfway(self) -> bool:
        return (
            self.mode in (WorkMode.HOLD, WorkMode.TIMED)
            and self.duration_s is not None
            and self.duration_s >= HALFWAY_MIN_S
        )


def _sides(sides: ItemSides, first: Side) -> tuple[Side, ...]:
    if sides is ItemSides.EACH:
        return (first, first.other)
    if sides is ItemSides.LEFT:
        return (Side.LEFT,)
    if sides is ItemSides.RIGHT:
        return (Side.RIGHT,)
    return (Side.BOTH,)  # BOTH and ALTERNATING


def _first_side(exercises: Mapping[str, Exercise], exercise_id: str) -> Side:
    exercise = exercises.get(exercise_id)
    return exercise.first_side if exercise is not None else Side.LEFT


@dataclass(frozen=True, slots=True)
class _Work:
    """The timing of one work step of an item (the same for every set and side)."""

    mode: WorkMode
    duration_s: float | None
    planned_s: float
    target_reps: int | None = None
    hold_s: float | None = None
    rep_s: float | None = None
    target_s: int | None = None


def _work(item: RoutineItem, pace: Pace) -> _Work:
    if item.reps is not None:
        # Alternating reps count both sides: 10 reps means 10 on each side, so 20 counted reps a set.
        reps = item.reps * (2 if item.sides is ItemSides.ALTERNATING else 1)
        hold = float(item.hold_s) if item.hold_s else None
        rep_s = rep_seconds(item, pace)
        planned = reps * rep_s
        manual = item.rep_mode is RepMode.MANUAL
        return _Work(
            mode=WorkMode.MANUAL if manual else WorkMode.PACED,
            duration_s=None if manual else planned,
            planned_s=planned,
            target_reps=reps,
            hold_s=hold,
            rep_s=rep_s,
        )
    if item.hold_s is not None:
        return _Work(WorkMode.HOLD, float(item.hold_s), float(item.hold_s), target_s=item.hold_s)
    if item.work_s is not None:
        return _Work(WorkMode.TIMED, float(item.work_s), float(item.work_s), target_s=item.work_s)
    # Nothing to time (the import rules forbid such an item): the runner says when it is done.
    return _Work(WorkMode.MANUAL, None, 0.0)


def _name(exercises: Mapping[str, Exercise], exercise_id: str) -> str:
    exercise = exercises.get(exercise_id)
    return exercise.name if exercise is not None else exercise_id


def sides_started(records: Iterable[SetRecord]) -> dict[int, Side]:
    """The side each item of a session was started on, by item index, from its records in the order
    they were first written: a resumed session keeps that order, whatever its exercise says now."""
    started: dict[int, Side] = {}
    for record in records:
        if record.side is not Side.BOTH:
            started.setdefault(record.item_index, record.side)
    return started


def plan_steps(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    pace: Pace | None = None,
    *,
    first_sides: Mapping[int, Side] | None = None,
) -> list[Step]:
    """Every step of a session over ``routine``, in order, ending with one FINISHED step.

    Sides: "each side" does every set on the exercise's first side (the side its steps start with),
    then the other, with a switch-sides countdown between the two and the rest between sets after
    the second side. Alternating and bilateral items have one work step per set (side BOTH);
    left-only and right-only items one on that side. Reps, the lead-in and the switch take the time
    ``pace`` gives them (by default each exercise's own pace). Steps of zero length (a rest of 0 s, a
    lead-in of 0 s) are left out. An exercise missing from ``exercises`` is named by its id.
    ``first_sides`` (by item index) keeps the side order of a session being resumed.
    """
    if pace is None:
        pace = Pace.of(exercises)
    lead_in_s, switch_s = pace.lead_in_s, pace.switch_s
    steps: list[Step] = []
    items = routine.items

    def add(
        kind: StepKind,
        item_index: int,
        side: Side,
        set_number: int,
        duration_s: float | None,
        *,
        work: _Work | None = None,
        next_name: str | None = None,
    ) -> None:
        item = items[item_index] if item_index < len(items) else None
        steps.append(
            Step(
                index=len(steps),
                kind=kind,
                item_index=item_index,
                exercise_id=item.exercise_id if item else "",
                exercise_name=_name(exercises, item.exercise_id) if item else "",
                side=side,
                set_number=set_number,
                sets_total=max(item.sets, 1) if item else 0,
                duration_s=work.duration_s if work else duration_s,
                target_reps=work.target_reps if work else None,
                hold_s=work.hold_s if work else None,
                next_exercise_name=next_name,
                mode=work.mode if work else None,
                rep_s=work.rep_s if work else None,
                target_s=work.target_s if work else None,
                planned_s=work.planned_s if work else (duration_s or 0.0),
            )
        )

    for item_index, item in enumerate(items):
        name = _name(exercises, item.exercise_id)
        first = (first_sides or {}).get(item_index) or _first_side(exercises, item.exercise_id)
        sides = _sides(item.sides, first)
        work = _work(item, pace)
        if lead_in_s > 0:
            add(StepKind.GET_READY, item_index, sides[0], 1, float(lead_in_s))
        for set_number in range(1, max(item.sets, 1) + 1):
            if set_number > 1 and item.rest_s > 0:
                add(StepKind.REST_SET, item_index, sides[0], set_number, float(item.rest_s), next_name=name)
            for side_number, side in enumerate(sides):
                if side_number > 0 and switch_s > 0:
                    add(StepKind.SWITCH_SIDES, item_index, side, set_number, float(switch_s))
                add(StepKind.WORK, item_index, side, set_number, None, work=work)
        if item_index < len(items) - 1 and item.rest_after_s > 0:
            following = items[item_index + 1]
            add(
                StepKind.REST_NEXT,
                item_index + 1,
                _sides(following.sides, _first_side(exercises, following.exercise_id))[0],
                1,
                float(item.rest_after_s),
                next_name=_name(exercises, following.exercise_id),
            )
    add(StepKind.FINISHED, len(items), Side.BOTH, 0, None)
    return steps
