"""Keyframe timelines: easing, interpolation, placing the figure on the floor, and the Figure object."""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from hipdesk.domain.model import Exercise
from hipdesk.figures.catalog import exercise_info
from hipdesk.figures.kinematics import Body, Pose, bottom, forward_kinematics
from hipdesk.figures.poses import Keyframe, PoseError, PoseFile, View, load_pose_file
from hipdesk.figures.vec import Vec
from hipdesk.resources import pose_file

logger = logging.getLogger(__name__)


def ease(t: float) -> float:
    """Ease in and out (a half cosine): slow at both keyframes, fastest half way."""
    return 0.5 - 0.5 * math.cos(math.pi * min(max(t, 0.0), 1.0))


@dataclass(frozen=True, slots=True)
class Props:
    """The props placed in the room, in world cm (x, z centres; heights from the floor)."""

    mat: tuple[float, float, float, float] | None = None  # cx, cz, length, width
    step: tuple[float, float, float, float, float] | None = None  # cx, cz, length, width, height
    band_anchor: Vec | None = None
    band_attach: str | None = None


@dataclass(slots=True)
class Frame:
    """One instant of the animation: the placed body and what it rests on."""

    body: Body
    pose: Pose
    contacts: tuple[tuple[str, str], ...]


class Animation:
    """A pose file's looping movement, for one side. Pure and cheap to sample at any time."""

    def __init__(self, poses: PoseFile) -> None:
        self.poses = poses
        self.view: View = poses.view
        self.keyframes: tuple[Keyframe, ...] = poses.keyframes
        self.period: float = poses.period  # one loop
        self.lead_in: float = poses.lead_in  # played once, before the first loop
        self._loop_start = poses.lead_in_count  # index of the loop's first keyframe
        self._starts: list[tuple[float, float, float]] = []  # (start, hold end, move end) per keyframe
        t = 0.0
        for k in self.keyframes:
            self._starts.append((t, t + k.hold, t + k.hold + k.move))
            t += k.hold + k.move
        step_h = poses.step.height if poses.step else 0.0
        self._surface = {"floor": 0.0, "step": step_h}
        self._key_frames = [self._place(k.pose, k.contacts, ((k.anchor, 1.0),)) for k in self.keyframes]
        self.props = self._props()

    # -- time --------------------------------------------------------------------------------
    def keyframe_times(self) -> list[float]:
        return [s for s, _, _ in self._starts]

    @property
    def duration(self) -> float:
        """The lead-in and one loop: every distinct moment of the animation."""
        return self.lead_in + self.period

    def phase(self, elapsed: float) -> float:
        """Where the animation is ``elapsed`` seconds after it started: the lead-in plays once, then
        the loop repeats (the result is always within ``duration``)."""
        if self.period <= 0 or elapsed < self.lead_in:
            return max(elapsed, 0.0)
        return self.lead_in + (elapsed - self.lead_in) % self.period

    def sample_times(self, per_second: float = 20.0) -> list[float]:
        """Times spread over the lead-in and the loop (and every keyframe), for checks and for
        fitting the frame."""
        if len(self.keyframes) == 1 or self.period <= 0:
            return [0.0]
        n = max(2, int(self.duration * per_second))
        return sorted({*self.keyframe_times(), *(self.duration * i / n for i in range(n))})

    def frame_at(self, t: float) -> Frame:
        """The frame ``t`` seconds after the start (see :meth:`phase`)."""
        if len(self.keyframes) == 1 or self.period <= 0:
            return self._key_frames[0]
        t = self.phase(t)
        last = len(self.keyframes) - 1
        for i, (_start, hold_end, move_end) in enumerate(self._starts):
            if t < move_end or i == last:
                if t <= hold_end or move_end <= hold_end:
                    return self._key_frames[i]
                u = ease((t - hold_end) / (move_end - hold_end))
                return self._between(i, i + 1 if i < last else self._loop_start, u)
        return self._key_frames[0]  # pragma: no cover

    def keyframe(self, index: int) -> Frame:
        return self._key_frames[index]

    # -- placement ---------------------------------------------------------------------------
    def _between(self, i: int, j: int, u: float) -> Frame:
        a, b = self.keyframes[i], self.keyframes[j]
        pose = a.pose.lerp(b.pose, u)
        # ground on what both keyframes rest on; when they share nothing (a step from foot to foot)
        # on whichever of their contacts is lowest, so nothing goes through the floor
        common = tuple(c for c in a.contacts if c in b.contacts)
        contacts = common or a.contacts + tuple(c for c in b.contacts if c not in a.contacts)
        anchors = ((a.anchor, 1.0),) if a.anchor == b.anchor else ((a.anchor, 1.0 - u), (b.anchor, u))
        return self._place(pose, contacts, anchors)

    def _place(
        self, pose: Pose, contacts: tuple[tuple[str, str], ...], anchors: Iterable[tuple[str, float]]
    ) -> Frame:
        body = forward_kinematics(pose)
        ax, az = self.poses.anchor_at
        dx = dz = 0.0
        for name, weight in anchors:
            p = body.points[name]
            dx += (ax - p[0]) * weight
            dz += (az - p[2]) * weight
        surface = self._surface
        dy = -min(bottom(body, point) - surface[s] for point, s in contacts)
        return Frame(body.translated((dx, dy, dz)), pose, contacts)

    def _props(self) -> Props:
        p = self.poses
        first = self._key_frames[0].body.points
        mat = step = anchor = None
        if p.mat is not None:
            if p.mat.center is not None:
                cx, cz = p.mat.center
            else:
                xs = [pt[0] for f in self._key_frames for pt in f.body.points.values()]
                cx, cz = (min(xs) + max(xs)) / 2, p.anchor_at[1]
            mat = (cx, cz, *p.mat.size)
        if p.step is not None:
            if p.step.center is not None:
                cx, cz = p.step.center
            else:
                assert p.step.under is not None
                under = first[p.step.under]
                cx, cz = under[0], under[2]
            step = (cx, cz, *p.step.size, p.step.height)
        if p.band is not None:
            at = first[p.band.attach]
            dx, height, dz = p.band.anchor
            anchor = (at[0] + dx, height, at[2] + dz)
        return Props(mat=mat, step=step, band_anchor=anchor, band_attach=p.band.attach if p.band else None)


# -------------------------------------------------------------------------------------------------
# figures: an exercise's animation, its tinted muscles, or a placeholder


@dataclass(frozen=True)
class Figure:
    """What to draw for one exercise: its animation (both sides) and the muscles to tint."""

    exercise_id: str
    poses: PoseFile
    muscles: tuple[str, ...] = ()
    placeholder: bool = False
    _anims: dict[str, Animation] = field(default_factory=dict, compare=False, repr=False)

    @property
    def one_sided(self) -> bool:
        return self.poses.side in ("left", "right")

    def animation(self, side: str | None = None) -> Animation:
        """The animation showing ``side`` ("left"/"right"; None = as authored). Cached."""
        mirror = side in ("left", "right") and self.one_sided and side != self.poses.side
        key = "mirror" if mirror else "plain"
        anim = self._anims.get(key)
        if anim is None:
            anim = Animation(self.poses.mirrored() if mirror else self.poses)
            self._anims[key] = anim
        return anim


def _placeholder_poses(exercise_id: str) -> PoseFile:
    relaxed = Pose.from_angles(
        {
            "shoulder_l": {"abd": 6},
            "shoulder_r": {"abd": 6},
            "elbow_l": {"flex": 8},
            "elbow_r": {"flex": 8},
            "hip_l": {"abd": 3},
            "hip_r": {"abd": 3},
        }
    )
    contacts = tuple((p, "floor") for p in ("heel_l", "toe_l", "heel_r", "toe_r"))
    key = Keyframe(name="standing", pose=relaxed, hold=1.0, move=0.0, contacts=contacts, anchor="pelvis")
    return PoseFile(
        exercise=exercise_id,
        side="both",
        tint_side="both",
        view=View(azimuth=60, elevation=4),
        keyframes=(key,),
    )


def placeholder_figure(exercise_id: str = "") -> Figure:
    """A neutral standing figure with no tint, for an exercise that has no poses."""
    return Figure(exercise_id=exercise_id, poses=_placeholder_poses(exercise_id), placeholder=True)


@functools.lru_cache(maxsize=64)
def _load_cached(exercise_id: str, muscles: tuple[str, ...] | None) -> Figure:
    path = pose_file(exercise_id)
    if muscles is None:
        info = exercise_info(exercise_id)
        muscles = info.primary_muscles if info else ()
    if not path.is_file():
        return placeholder_figure(exercise_id)
    try:
        poses = load_pose_file(path)
    except PoseError as exc:
        logger.warning("showing a placeholder figure: %s", exc)
        return placeholder_figure(exercise_id)
    return Figure(exercise_id=exercise_id, poses=poses, muscles=tuple(muscles))


def load_figure(exercise_id: str | None, muscles: Iterable[str] | None = None) -> Figure:
    """The figure for a built-in exercise id: its poses and primary muscles (from its files unless
    ``muscles`` is given). No id, no pose file, or a broken one gives the placeholder. Cached."""
    if not exercise_id:
        return placeholder_figure("")
    return _load_cached(exercise_id, None if muscles is None else tuple(str(m) for m in muscles))


# the built-in exercise whose first keyframe (after any lead-in) is the neutral pose of a position;
# standing has the placeholder's own relaxed stance
NEUTRAL_POSE_OF = {
    "kneeling": "lunging-hip-flexor-stretch",
    "sitting": "butterfly-stretch",
    "lying-back": "glute-bridge",
    "lying-side": "clamshell",
    "all-fours": "bird-dog",
    "side-plank": "side-plank-leg-abduction",
}


def position_figure(exercise_id: str, position: str) -> Figure:
    """A still figure in the neutral pose of ``position`` (standing, kneeling, lying on the back, ...),
    drawn as a stand-in like the placeholder: for an exercise of the user's that has no poses."""
    source = NEUTRAL_POSE_OF.get(position)
    base = load_figure(source) if source else None
    if base is None or base.placeholder:
        return placeholder_figure(exercise_id)
    first = base.poses.keyframes[base.poses.lead_in_count]
    still = replace(first, hold=1.0, move=0.0, lead_in=False)
    poses = replace(
        base.poses,
        exercise=exercise_id,
        side="both",
        tint_side="both",
        keyframes=(still,),
        band=None,
        tint_muscle_sides=(),
        path=None,
    )
    return Figure(exercise_id=exercise_id, poses=poses, placeholder=True)


def figure_for_exercise(exercise: Exercise) -> Figure:
    """The figure for a domain Exercise. A user's copy borrows the poses of the exercise it was based
    on while it keeps that exercise's position; a user's own exercise (or a copy moved to another
    position) gets a still figure in the neutral pose of its position. The muscles are the exercise's."""
    muscles = [m.value for m in exercise.primary_muscles]
    if exercise.builtin:
        figure = load_figure(exercise.id, muscles)
        return (
            placeholder_figure(exercise.id)
            if figure.placeholder and figure.exercise_id != exercise.id
            else figure
        )
    base = exercise_info(exercise.based_on) if exercise.based_on else None
    if base is not None and exercise.based_on and base.position == exercise.position.value:
        figure = load_figure(exercise.based_on, muscles)
        if not figure.placeholder:
            return figure
    return position_figure(exercise.id, exercise.position.value)
