"""Pose files (``resources/exercises/<id>.poses.toml``): loading, validation and mirroring."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn, TypeGuard

from hipdesk.figures.kinematics import Pose
from hipdesk.figures.muscles import REGIONS
from hipdesk.figures.skeleton import BODY_POINTS, JOINT_ANGLES, ROM, swap_side

FORMAT_VERSION = 1
SURFACES = ("floor", "step")
PROPS = ("mat", "step", "band")
SIDE_VALUES = ("left", "right", "both")


class PoseError(ValueError):
    """A pose file breaks the rules; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class View:
    """Where the camera looks from: azimuth 0 = the figure's right side (it faces screen-right),
    90 = in front of it, -90 = behind it, 180 = its left side; elevation + looks down from above."""

    azimuth: float = 0.0
    elevation: float = 0.0
    top: float | None = None  # cm above the floor: the picture shows only what lies below
    fit: str = "all"  # "body": the picture is fitted to the figure, the mat cut at its edges

    def mirrored(self) -> View:
        return View(_wrap(180.0 - self.azimuth), self.elevation, self.top, self.fit)


@dataclass(frozen=True, slots=True)
class Keyframe:
    name: str
    pose: Pose
    hold: float  # seconds held still at this keyframe
    move: float  # seconds to ease to the next keyframe (the last one eases back to the first)
    contacts: tuple[tuple[str, str], ...]  # (body point, surface)
    anchor: str  # the body point that stays put horizontally
    lead_in: bool = False  # played once before the loop starts (getting into position)

    def mirrored(self) -> Keyframe:
        return replace(
            self,
            pose=self.pose.mirrored(),
            contacts=tuple((swap_side(p), s) for p, s in self.contacts),
            anchor=swap_side(self.anchor),
        )


@dataclass(frozen=True, slots=True)
class Mat:
    size: tuple[float, float] = (185.0, 62.0)  # length along x, width along z
    center: tuple[float, float] | None = None  # x, z; None = under the figure


@dataclass(frozen=True, slots=True)
class Step:
    size: tuple[float, float] = (36.0, 32.0)
    height: float = 12.0  # the article: about 4-5 inches
    under: str | None = None  # body point to centre the step under (first keyframe)
    center: tuple[float, float] | None = None  # or an explicit x, z


@dataclass(frozen=True, slots=True)
class Band:
    attach: str  # body point the loop goes round, e.g. ankle_r
    anchor: tuple[float, float, float]  # dx, height, dz: dx/dz from the attach point in keyframe 1


@dataclass(frozen=True, slots=True)
class PoseFile:
    exercise: str
    side: str  # the side these keyframes work: left, right, or both
    tint_side: str  # the side whose muscles are tinted: left, right, or both
    view: View
    keyframes: tuple[Keyframe, ...]
    mat: Mat | None = None
    step: Step | None = None
    band: Band | None = None
    anchor_at: tuple[float, float] = (0.0, 0.0)
    path: Path | None = None
    tint_muscle_sides: tuple[tuple[str, str], ...] = ()  # (muscle, side) tinted on another side

    def tint_sides(self) -> dict[str, str]:
        """The side each named muscle is tinted on, where it differs from ``tint_side``."""
        return dict(self.tint_muscle_sides)

    @property
    def lead_in_count(self) -> int:
        """How many keyframes at the start play once, before the loop."""
        return sum(1 for k in self.keyframes if k.lead_in)

    @property
    def lead_in(self) -> float:
        """Seconds the lead-in takes: its keyframes' holds and moves, up to the loop's first keyframe."""
        return sum(k.hold + k.move for k in self.keyframes[: self.lead_in_count])

    @property
    def period(self) -> float:
        """Seconds one loop takes (the lead-in not included)."""
        loop = self.keyframes[self.lead_in_count :]
        return sum(k.hold + k.move for k in loop) if len(self.keyframes) > 1 else self.keyframes[0].hold

    def mirrored(self) -> PoseFile:
        """The other side of an each-side exercise, seen from the other side of the room, so the
        picture is the exact mirror image."""
        other = {"left": "right", "right": "left", "both": "both"}
        return replace(
            self,
            side=other[self.side],
            tint_side=other[self.tint_side],
            tint_muscle_sides=tuple((m, other[s]) for m, s in self.tint_muscle_sides),
            view=self.view.mirrored(),
            keyframes=tuple(k.mirrored() for k in self.keyframes),
            mat=None if self.mat is None else replace(self.mat, center=_flip(self.mat.center)),
            step=None
            if self.step is None
            else replace(
                self.step,
                center=_flip(self.step.center),
                under=None if self.step.under is None else swap_side(self.step.under),
            ),
            band=None
            if self.band is None
            else Band(
                swap_side(self.band.attach),
                (self.band.anchor[0], self.band.anchor[1], -self.band.anchor[2]),
            ),
            anchor_at=(self.anchor_at[0], -self.anchor_at[1]),
        )


def _wrap(deg: float) -> float:
    return (deg + 180.0) % 360.0 - 180.0


def _flip(xz: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if xz is None else (xz[0], -xz[1])


# ---------------------------------------------------------------------------------------------
# loading


def load_pose_file(path: Path) -> PoseFile:
    """Read and validate a pose file; raise PoseError naming the file and the key on any problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PoseError(f"{path.name}: cannot read the file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PoseError(f"{path.name}: not valid TOML: {exc}") from exc
    expected = path.name.removesuffix(".poses.toml")
    return parse_pose_data(data, source=path.name, expected_id=expected, path=path)


def parse_pose_data(
    data: dict[str, Any],
    *,
    source: str = "<poses>",
    expected_id: str | None = None,
    path: Path | None = None,
) -> PoseFile:
    ctx = _Ctx(source)
    ctx.keys(
        data,
        "",
        {
            "format",
            "exercise",
            "side",
            "tint_side",
            "view",
            "props",
            "anchor",
            "anchor_at",
            "mat",
            "step",
            "band",
            "keyframe",
        },
    )
    if data.get("format") != FORMAT_VERSION:
        ctx.fail("format", f"must be {FORMAT_VERSION}")
    exercise = ctx.string(data, "exercise")
    if expected_id is not None and exercise != expected_id:
        ctx.fail("exercise", f"is {exercise!r} but the file is named for {expected_id!r}")
    side = ctx.choice(data, "side", SIDE_VALUES)
    tint_muscle_sides: tuple[tuple[str, str], ...] = ()
    if isinstance(data.get("tint_side"), dict):
        # per muscle: { hamstrings = "left", glute-max = "right" }; muscles not named: `side`
        per_muscle = data["tint_side"]
        for muscle in per_muscle:
            if muscle not in REGIONS:
                ctx.fail(f"tint_side.{muscle}", "is not a muscle HipDesk can tint")
            ctx.choice(per_muscle, muscle, SIDE_VALUES, where="tint_side")
        tint_side = side
        tint_muscle_sides = tuple((str(m), str(s)) for m, s in per_muscle.items())
    else:
        tint_side = ctx.choice(data, "tint_side", SIDE_VALUES, default=side)

    view_data = data.get("view", {})
    ctx.keys(view_data, "view", {"azimuth", "elevation", "top", "fit"})
    view = View(
        ctx.number(view_data, "azimuth", default=0.0, low=-180, high=180, where="view"),
        ctx.number(view_data, "elevation", default=0.0, low=-10, high=90, where="view"),
        ctx.number(view_data, "top", default=None, low=40, high=250, where="view")
        if "top" in view_data
        else None,
        ctx.choice(view_data, "fit", ("all", "body"), default="all", where="view"),
    )
    props = data.get("props", [])
    if not isinstance(props, list) or any(p not in PROPS for p in props):
        ctx.fail("props", f"must be a list drawn from {', '.join(PROPS)}")
    for name in ("mat", "step", "band"):
        if name in data and name not in props:
            ctx.fail(name, f"is given but {name!r} is not in props")

    mat = None
    if "mat" in props:
        md = data.get("mat", {})
        ctx.keys(md, "mat", {"size", "center"})
        mat = Mat(size=ctx.pair(md, "size", Mat().size, "mat"), center=ctx.pair(md, "center", None, "mat"))
    step = None
    if "step" in props:
        sd = data.get("step", {})
        ctx.keys(sd, "step", {"size", "height", "under", "center"})
        step = Step(
            size=ctx.pair(sd, "size", Step().size, "step"),
            height=ctx.number(sd, "height", default=Step().height, low=10, high=13, where="step"),
            under=ctx.point(sd, "under", "step") if "under" in sd else None,
            center=ctx.pair(sd, "center", None, "step"),
        )
        if (step.under is None) == (step.center is None):
            ctx.fail("step", "give exactly one of under or center")
    band = None
    if "band" in props:
        bd = data.get("band", {})
        ctx.keys(bd, "band", {"attach", "anchor"})
        anchor = bd.get("anchor")
        if not (isinstance(anchor, list) and len(anchor) == 3 and all(_is_num(v) for v in anchor)):
            ctx.fail("band.anchor", "must be [dx, height, dz] in cm")
        if not 0 <= anchor[1] <= 120:
            ctx.fail("band.anchor", "height must be 0-120 cm")
        band = Band(
            attach=ctx.point(bd, "attach", "band"),
            anchor=(float(anchor[0]), float(anchor[1]), float(anchor[2])),
        )

    default_anchor = ctx.point(data, "anchor", "", default="pelvis")
    anchor_at = ctx.pair(data, "anchor_at", (0.0, 0.0), "")
    assert anchor_at is not None

    raw_frames = data.get("keyframe")
    if not isinstance(raw_frames, list) or not raw_frames:
        ctx.fail("keyframe", "at least one [[keyframe]] is required")
    keyframes: list[Keyframe] = []
    previous: Keyframe | None = None
    for i, kd in enumerate(raw_frames, start=1):
        keyframes.append(_keyframe(ctx, kd, i, previous, default_anchor, step is not None))
        previous = keyframes[-1]
    leads = [k.lead_in for k in keyframes]
    if any(leads):
        if all(leads):
            ctx.fail("keyframe", "lead_in: at least one keyframe must be outside the lead-in, to loop")
        if leads != sorted(leads, reverse=True):
            ctx.fail("keyframe", "lead_in: only the first keyframe(s) can be the lead-in")
    if len(keyframes) > 1 and sum(k.hold + k.move for k in keyframes if not k.lead_in) <= 0:
        ctx.fail("keyframe", "the loop must last longer than 0 s")
    if band is not None and band.attach not in BODY_POINTS:
        ctx.fail("band.attach", "unknown body point")
    return PoseFile(
        exercise=exercise,
        side=side,
        tint_side=tint_side,
        view=view,
        keyframes=tuple(keyframes),
        mat=mat,
        step=step,
        band=band,
        anchor_at=anchor_at,
        path=path,
        tint_muscle_sides=tint_muscle_sides,
    )


_KEYFRAME_KEYS = {"name", "hold", "move", "contacts", "anchor", "lead_in", *JOINT_ANGLES}


def _keyframe(
    ctx: _Ctx, kd: Any, i: int, prev: Keyframe | None, default_anchor: str, has_step: bool
) -> Keyframe:
    where = f"keyframe {i}"
    if not isinstance(kd, dict):
        ctx.fail(where, "must be a table")
    ctx.keys(kd, where, _KEYFRAME_KEYS)
    name = ctx.string(kd, "name", where=where, default=f"pose {i}")
    where = f"keyframe {i} ({name})"
    hold = ctx.number(kd, "hold", default=0.0, low=0, high=600, where=where)
    move = ctx.number(kd, "move", default=1.0, low=0, high=30, where=where)
    lead_in = kd.get("lead_in", False)
    if not isinstance(lead_in, bool):
        ctx.fail(f"{where}: lead_in", "must be true or false")
    angles: dict[str, dict[str, float]] = {}
    for joint in JOINT_ANGLES:
        if joint not in kd:
            continue
        table = kd[joint]
        if not isinstance(table, dict):
            ctx.fail(f"{where}: {joint}", f"must be a table of angles ({', '.join(JOINT_ANGLES[joint])})")
        ctx.keys(table, f"{where}: {joint}", set(JOINT_ANGLES[joint]))
        for angle in table:
            low, high = ROM[joint][angle]
            value = ctx.number(table, angle, low=low, high=high, where=f"{where}: {joint}")
            angles.setdefault(joint, {})[angle] = value
    pose = Pose.from_angles(angles, base=prev.pose if prev else None)

    if "contacts" in kd:
        cd = kd["contacts"]
        if not isinstance(cd, dict):
            ctx.fail(f"{where}: contacts", "must be a table like {floor = [...], step = [...]}")
        ctx.keys(cd, f"{where}: contacts", set(SURFACES))
        contacts: list[tuple[str, str]] = []
        for surface, points in cd.items():
            if surface == "step" and not has_step:
                ctx.fail(f"{where}: contacts.step", "there is no step in props")
            if not isinstance(points, list) or any(p not in BODY_POINTS for p in points):
                ctx.fail(f"{where}: contacts.{surface}", "must list body points (see POSES.md)")
            contacts.extend((p, surface) for p in points)
        contact_tuple = tuple(contacts)
    elif prev is not None:
        contact_tuple = prev.contacts
    else:
        contact_tuple = ()
    if not contact_tuple:
        ctx.fail(f"{where}: contacts", "at least one body point must touch the floor or the step")
    anchor = ctx.point(kd, "anchor", where, default=prev.anchor if prev else default_anchor)
    return Keyframe(
        name=name, pose=pose, hold=hold, move=move, contacts=contact_tuple, anchor=anchor, lead_in=lead_in
    )


def _is_num(v: Any) -> TypeGuard[float]:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


class _Ctx:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, message: str) -> NoReturn:
        raise PoseError(f"{self.source}: {key}: {message}" if key else f"{self.source}: {message}")

    def keys(self, table: Any, where: str, allowed: set[str]) -> None:
        if not isinstance(table, dict):
            self.fail(where, "must be a table")
        unknown = sorted(set(table) - allowed)
        if unknown:
            self.fail(where or "top level", f"unknown key(s) {', '.join(unknown)}")

    def string(self, table: dict[str, Any], key: str, where: str = "", default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            self.fail(f"{where}: {key}" if where else key, "must be a non-empty string")
        return value

    def choice(
        self,
        table: dict[str, Any],
        key: str,
        choices: tuple[str, ...],
        default: str | None = None,
        where: str = "",
    ) -> str:
        value = table.get(key, default)
        if value not in choices:
            self.fail(f"{where}.{key}" if where else key, f"must be one of {', '.join(choices)}")
        return str(value)

    def number(
        self,
        table: dict[str, Any],
        key: str,
        *,
        default: float | None = None,
        low: float,
        high: float,
        where: str = "",
    ) -> float:
        value = table.get(key, default)
        label = f"{where}: {key}" if where else key
        if not _is_num(value):
            self.fail(label, "must be a number")
        if not low <= value <= high:
            self.fail(label, f"{value} is outside {low:g}..{high:g}")
        return float(value)

    def pair(self, table: dict[str, Any], key: str, default: Any, where: str) -> Any:
        if key not in table:
            return default
        value = table[key]
        if not (isinstance(value, list) and len(value) == 2 and all(_is_num(v) for v in value)):
            self.fail(f"{where}.{key}" if where else key, "must be a pair of numbers [x, z] in cm")
        return (float(value[0]), float(value[1]))

    def point(self, table: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if value not in BODY_POINTS:
            self.fail(f"{where}: {key}" if where else key, f"{value!r} is not a body point (see POSES.md)")
        return str(value)
