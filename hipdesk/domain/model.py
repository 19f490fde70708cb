"""Plain value types for exercises, routines, the week plan and the session history."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    STRETCH = "stretch"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    DRILL = "drill"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Position(StrEnum):
    STANDING = "standing"
    KNEELING = "kneeling"
    LYING_BACK = "lying-back"
    LYING_SIDE = "lying-side"
    ALL_FOURS = "all-fours"
    SITTING = "sitting"
    SIDE_PLANK = "side-plank"

    @property
    def label(self) -> str:
        return _POSITION_LABELS[self]


_POSITION_LABELS = {
    Position.STANDING: "Standing",
    Position.KNEELING: "Kneeling",
    Position.LYING_BACK: "Lying on your back",
    Position.LYING_SIDE: "Lying on your side",
    Position.ALL_FOURS: "On all fours",
    Position.SITTING: "Sitting",
    Position.SIDE_PLANK: "Side plank",
}


class Sidedness(StrEnum):
    """How an exercise uses the two sides of the body."""

    BILATERAL = "bilateral"  # both sides at once
    EACH_SIDE = "each-side"  # all the reps or the hold on one side, then the other
    ALTERNATING = "alternating"  # left and right take turns rep by rep

    @property
    def label(self) -> str:
        return {
            Sidedness.BILATERAL: "Both sides at once",
            Sidedness.EACH_SIDE: "Each side in turn",
            Sidedness.ALTERNATING: "Alternating sides",
        }[self]


class Muscle(StrEnum):
    GLUTE_MAX = "glute-max"
    GLUTE_MED = "glute-med"
    GLUTE_MIN = "glute-min"
    HIP_FLEXORS = "hip-flexors"
    TFL = "tfl"
    ADDUCTORS = "adductors"
    PIRIFORMIS = "piriformis"
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    CORE = "core"
    OBLIQUES = "obliques"
    LOWER_BACK = "lower-back"
    CALVES = "calves"
    SHOULDERS = "shoulders"

    @property
    def label(self) -> str:
        return _MUSCLE_LABELS[self]


_MUSCLE_LABELS = {
    Muscle.GLUTE_MAX: "Gluteus maximus",
    Muscle.GLUTE_MED: "Gluteus medius",
    Muscle.GLUTE_MIN: "Gluteus minimus",
    Muscle.HIP_FLEXORS: "Hip flexors (iliopsoas)",
    Muscle.TFL: "Tensor fasciae latae",
    Muscle.ADDUCTORS: "Adductors",
    Muscle.PIRIFORMIS: "Piriformis",
    Muscle.HAMSTRINGS: "Hamstrings",
    Muscle.QUADRICEPS: "Quadriceps",
    Muscle.CORE: "Core",
    Muscle.OBLIQUES: "Obliques",
    Muscle.LOWER_BACK: "Lower back",
    Muscle.CALVES: "Calves",
    Muscle.SHOULDERS: "Shoulders",
}


class Equipment(StrEnum):
    MAT = "mat"
    RESISTANCE_BAND = "resistance-band"
    STEP = "step"

    @property
    def label(self) -> str:
        return {
            Equipment.MAT: "Mat",
            Equipment.RESISTANCE_BAND: "Resistance band",
            Equipment.STEP: "Step or low bench (10–13 cm)",
        }[self]


@dataclass(frozen=True, slots=True)
class Range:
    """An inclusive range of whole numbers, as the article gives them ("10-15 reps")."""

    low: int
    high: int

    def __post_init__(self) -> None:
        if self.low < 0 or self.high < self.low:
            raise ValueError(f"bad range {self.low}-{self.high}")

    def text(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"

    def as_list(self) -> list[int]:
        return [self.low, self.high]


@dataclass(frozen=True, slots=True)
class Dosage:
    """How much of an exercise to do. Every part may be absent where it does not apply."""

    sets: Range | None = None
    reps: Range | None = None
    hold_s: Range | None = None  # a static hold, or a pause at the top of each rep when reps are given
    work_s: Range | None = None  # continuous timed work (a drill)
    rest_s: int = 30  # rest between sets


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where an exercise comes from, and every place HipDesk departs from it."""

    title: str
    heading: str | None  # the heading in the article; None where the article lost it
    excerpt: str  # the article's own paragraph, verbatim
    notes: tuple[str, ...] = ()


class Side(StrEnum):
    """The side a recorded set was done on."""

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}.get(self, self)


# Seconds one rep's movement takes where an exercise gives no pace of its own (a hold is added to it).
DEFAULT_REP_S = {Kind.STRENGTH: 3.0, Kind.MOBILITY: 3.0, Kind.STRETCH: 5.0, Kind.DRILL: 1.0}
REP_S_BOUNDS = (0.5, 30.0)

_SWAP = re.compile(r"\b(left|right|Left|Right|LEFT|RIGHT)\b")
_SWAPPED = {
    "left": "right",
    "right": "left",
    "Left": "Right",
    "Right": "Left",
    "LEFT": "RIGHT",
    "RIGHT": "LEFT",
}


@dataclass(frozen=True, slots=True)
class SideWords:
    """What "left side" means for a one-sided exercise, in words, and the side its steps start with.

    ``left`` says which limb does what on the left side ("stand on your left leg and lift the right");
    the right side's words are the same with left and right swapped.
    """

    left: str
    first: Side = Side.LEFT

    def words(self, side: Side) -> str:
        if side is Side.LEFT:
            return self.left
        if side is Side.RIGHT:
            return _SWAP.sub(lambda m: _SWAPPED[m.group(0)], self.left)
        return ""


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    kind: Kind
    position: Position
    sidedness: Sidedness
    dosage: Dosage
    summary: str
    steps: tuple[str, ...]
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()
    frequency_per_week: Range | None = None
    source: SourceInfo | None = None
    builtin: bool = True
    based_on: str | None = None  # the built-in exercise a user's copy was made from
    side_words: SideWords | None = None  # one-sided exercises: what "left side" means, which side first
    rep_s: float | None = None  # seconds one rep's movement takes; None: the default for its kind

    @property
    def first_side(self) -> Side:
        """The side a session starts with: the side the steps start with (left where they do not say)."""
        return self.side_words.first if self.side_words is not None else Side.LEFT

    @property
    def rep_seconds(self) -> float:
        """Seconds one rep's movement takes, before a hold and before the rep-pace setting."""
        return self.rep_s if self.rep_s is not None else DEFAULT_REP_S[self.kind]

    @property
    def muscles(self) -> tuple[Muscle, ...]:
        return self.primary_muscles + self.secondary_muscles

    @property
    def one_sided(self) -> bool:
        return self.sidedness is not Sidedness.BILATERAL


class ItemSides(StrEnum):
    """Which sides a routine item works, within what its exercise allows."""

    BOTH = "both"  # a bilateral exercise
    EACH = "each"  # left, then right
    LEFT = "left"
    RIGHT = "right"
    ALTERNATING = "alternating"

    @property
    def label(self) -> str:
        return {
            ItemSides.BOTH: "Both sides",
            ItemSides.EACH: "Each side",
            ItemSides.LEFT: "Left side only",
            ItemSides.RIGHT: "Right side only",
            ItemSides.ALTERNATING: "Alternating",
        }[self]

    @classmethod
    def allowed_for(cls, sidedness: Sidedness) -> tuple[ItemSides, ...]:
        if sidedness is Sidedness.BILATERAL:
            return (cls.BOTH,)
        if sidedness is Sidedness.ALTERNATING:
            return (cls.ALTERNATING,)
        return (cls.EACH, cls.LEFT, cls.RIGHT)

    @classmethod
    def default_for(cls, sidedness: Sidedness) -> ItemSides:
        return cls.allowed_for(sidedness)[0]


class RepMode(StrEnum):
    PACED = "paced"  # the session counts reps at a set tempo
    MANUAL = "manual"  # the runner presses Done


@dataclass(frozen=True, slots=True)
class RoutineItem:
    exercise_id: str
    sets: int = 1
    reps: int | None = None
    hold_s: int | None = None
    work_s: int | None = None
    sides: ItemSides = ItemSides.BOTH
    rest_s: int = 30  # between sets
    rest_after_s: int = 30  # before the next exercise
    note: str = ""
    section: str = ""
    rep_mode: RepMode = RepMode.PACED


@dataclass(frozen=True, slots=True)
class Routine:
    name: str
    items: tuple[RoutineItem, ...] = ()
    notes: str = ""
    id: int | None = None


class RunKind(StrEnum):
    NONE = "none"
    REST = "rest"
    EASY = "easy"
    WORKOUT = "workout"
    LONG = "long"
    RACE = "race"

    @property
    def label(self) -> str:
        return {
            RunKind.NONE: "No run",
            RunKind.REST: "Rest day",
            RunKind.EASY: "Easy run",
            RunKind.WORKOUT: "Workout",
            RunKind.LONG: "Long run",
            RunKind.RACE: "Race",
        }[self]


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class PlannedRoutine:
    routine_name: str
    time: dt.time | None = None
    routine_id: int | None = None  # None once the routine has been deleted


@dataclass(frozen=True, slots=True)
class PlannedDay:
    weekday: int  # 0 = Monday
    run: RunKind = RunKind.NONE
    routines: tuple[PlannedRoutine, ...] = ()


@dataclass(frozen=True, slots=True)
class WeekPlan:
    days: tuple[PlannedDay, ...] = field(
        default_factory=lambda: tuple(PlannedDay(weekday=d) for d in range(7))
    )

    def __post_init__(self) -> None:
        if [d.weekday for d in self.days] != list(range(7)):
            raise ValueError("a week plan has exactly one entry for each weekday, Monday first")


class SessionStatus(StrEnum):
    RUNNING = "running"  # open, or interrupted if no process holds it
    FINISHED = "finished"
    PARTIAL = "partial"  # ended early, or an interrupted session kept as it was


@dataclass(frozen=True, slots=True)
class SetRecord:
    exercise_id: str
    side: Side
    set_number: int
    target_reps: int | None = None
    target_s: int | None = None
    actual_reps: int | None = None
    actual_s: float | None = None
    skipped: bool = False
    item_index: int = 0
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    routine_name: str
    started_at: dt.datetime
    status: SessionStatus = SessionStatus.RUNNING
    ended_at: dt.datetime | None = None
    routine_id: int | None = None
    rpe: int | None = None
    discomfort_left: int | None = None
    discomfort_right: int | None = None
    notes: str = ""
    sets: tuple[SetRecord, ...] = ()
    id: int | None = None
    preview: bool = False  # a --speed preview: kept for resuming, counted toward nothing
