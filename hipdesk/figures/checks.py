"""Sanity checks for posed figures: contacts touch, nothing sinks, joints stay in range, the exercise's
position reads right. Used by the tests and by the preview script."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from hipdesk.figures import vec
from hipdesk.figures.animation import Animation, Figure, Frame
from hipdesk.figures.kinematics import ANGLE_KEYS, TORSO_CAP, Body, Pose, bottom
from hipdesk.figures.scene import LIMBS, Camera, animation_bounds
from hipdesk.figures.skeleton import POINT_RADIUS, ROM, SIDES, TORSO_SECTION

CONTACT_TOLERANCE = 2.0  # cm between a contact point's surface and what it rests on
SINK_TOLERANCE = 1.0  # cm a body may press into the floor or the step


def _surface_height(anim: Animation, surface: str) -> float:
    return anim.props.step[4] if surface == "step" and anim.props.step else 0.0


def _over_step(anim: Animation, p: vec.Vec, slack: float = 0.0) -> bool:
    if anim.props.step is None:
        return False
    cx, cz, length, width, _ = anim.props.step
    return abs(p[0] - cx) <= length / 2 + slack and abs(p[2] - cz) <= width / 2 + slack


def rom_problems(pose: Pose, where: str = "") -> list[str]:
    out = []
    for (joint, angle), value in zip(ANGLE_KEYS, pose.values, strict=True):
        low, high = ROM[joint][angle]
        if not low - 1e-6 <= value <= high + 1e-6:
            out.append(f"{where}{joint}.{angle} = {value:.0f} is outside {low}..{high}")
    return out


def contact_problems(anim: Animation) -> list[str]:
    """Each keyframe's declared contacts really rest on their surface."""
    out = []
    for k, key in enumerate(anim.keyframes):
        frame = anim.keyframe(k)
        for point, surface in key.contacts:
            gap = bottom(frame.body, point) - _surface_height(anim, surface)
            if abs(gap) > CONTACT_TOLERANCE:
                out.append(f"keyframe {k + 1} ({key.name}): {point} is {gap:+.1f} cm from the {surface}")
            if surface == "step" and not _over_step(anim, frame.body.points[point], slack=2.0):
                out.append(f"keyframe {k + 1} ({key.name}): {point} is not over the step")
    return out


def sink_problems(anim: Animation, frame: Frame, when: str) -> list[str]:
    """Nothing goes through the floor or into the step."""
    out = []
    step_h = anim.props.step[4] if anim.props.step else 0.0
    for name, p in frame.body.points.items():
        low = bottom(frame.body, name)
        if low < -SINK_TOLERANCE:
            out.append(f"{when}: {name} is {-low:.1f} cm below the floor")
        elif _over_step(anim, p, slack=-1.0) and low < step_h - SINK_TOLERANCE:
            out.append(f"{when}: {name} is {step_h - low:.1f} cm inside the step")
    return out


def animation_problems(anim: Animation, per_second: float = 30.0) -> list[str]:
    """Every problem of an animation: contacts, sinking and range of motion, sampled over the loop."""
    out = contact_problems(anim)
    for k, key in enumerate(anim.keyframes):
        out += rom_problems(key.pose, f"keyframe {k + 1} ({key.name}): ")
    for t in anim.sample_times(per_second):
        frame = anim.frame_at(t)
        out += sink_problems(anim, frame, f"t={t:.2f}s")
        out += rom_problems(frame.pose, f"t={t:.2f}s: ")
    return out


def _axis(frame: Frame, segment: str, column: int) -> vec.Vec:
    m = frame.body.frames[segment]
    return (m[column], m[3 + column], m[6 + column])


def position_problems(anim: Animation, position: str) -> list[str]:
    """The first keyframe shows the exercise's position (a lying pose lies, a plank rests on a forearm
    and the feet, ...), and a standing exercise keeps a foot down in every keyframe."""
    first = anim.keyframe(0)
    touching = {p for p, _ in anim.keyframes[0].contacts}
    out: list[str] = []

    def need(names: set[str], what: str) -> None:
        if not touching & names:
            out.append(f"{position}: the first keyframe should rest on {what}")

    feet = {f"{p}_{s}" for p in ("heel", "toe", "ankle") for s in "lr"}
    if position == "standing":
        for k, key in enumerate(anim.keyframes):
            if not {p for p, _ in key.contacts} & feet:
                out.append(f"standing: keyframe {k + 1} has no foot down")
        if _axis(first, "pelvis", 1)[1] < 0.8:
            out.append("standing: the pelvis should be upright")
    elif position == "kneeling":
        need({"knee_l", "knee_r"}, "a knee")
        need(feet, "a foot")
    elif position == "lying-back":
        need({"chest"}, "the upper back (chest)")
        need({"pelvis"}, "the pelvis")
        if _axis(first, "pelvis", 0)[1] < 0.7:
            out.append("lying-back: the front of the pelvis should face up")
    elif position == "lying-side":
        need({"pelvis"}, "the pelvis")
        need(
            {"chest", "shoulder_l", "shoulder_r", "elbow_l", "elbow_r", "head"}, "the chest, shoulder or arm"
        )
        if abs(_axis(first, "pelvis", 2)[1]) < 0.7:
            out.append("lying-side: the pelvis should be on its side")
    elif position == "all-fours":
        need({"hand_l", "hand_r", "wrist_l", "wrist_r"}, "the hands")
        need({"knee_l", "knee_r"}, "the knees")
    elif position == "side-plank":
        need({"elbow_l", "elbow_r", "hand_l", "hand_r", "wrist_l", "wrist_r"}, "a forearm or hand")
        need(feet | {"knee_l", "knee_r"}, "the feet (or knees)")
        if bottom(first.body, "pelvis") < 3.0:
            out.append("side-plank: the pelvis should be off the floor")
        if abs(_axis(first, "pelvis", 2)[1]) < 0.5:
            out.append("side-plank: the body should be turned on its side")
    elif position == "sitting":
        need({"pelvis"}, "the pelvis")
        if first.body.points["chest"][1] - first.body.points["pelvis"][1] < 30:
            out.append("sitting: the trunk should be upright")
    return out


# -------------------------------------------------------------------------------------------------
# body parts passing through each other

# cm two body parts that share no joint may press into each other: the drawn limbs are thicker than
# real ones (a hand 6 cm), so a hand resting on a thigh reaches about this far in; one passing
# inside goes deeper
OVERLAP_TOLERANCE = 2.5

# The body's solid parts: (name, start point, end point, start radius, end radius). Limbs are
# capsules of the widths they are drawn with (the scene's LIMBS); the head is a ball; the trunk is
# handled apart.
_PARTS: tuple[tuple[str, str, str, float, float], ...] = (
    *((f"{n}_{s}", f"{a}_{s}", f"{b}_{s}", ra, rb) for s in SIDES for n, a, b, ra, rb in LIMBS),
    ("neck", "chest", "neck_top", 5.2, 4.6),
    ("head", "head", "head", POINT_RADIUS["head"], POINT_RADIUS["head"]),
)
# The trunk: two pieces with oval cross-sections (pelvis to waist, waist to the base of the neck).
_TRUNK_PARTS = (("lower trunk", "pelvis", "waist"), ("upper trunk", "waist", "chest"))

# Parts that share a joint may meet there.
_ADJACENT = {
    frozenset(pair)
    for s in SIDES
    for pair in (
        (f"upperarm_{s}", f"forearm_{s}"),
        (f"forearm_{s}", f"hand_{s}"),
        (f"upperarm_{s}", "upper trunk"),
        (f"thigh_{s}", f"shin_{s}"),
        (f"shin_{s}", f"foot_{s}"),
        (f"thigh_{s}", "lower trunk"),
    )
} | {
    frozenset(("lower trunk", "upper trunk")),
    frozenset(("upper trunk", "neck")),
    frozenset(("neck", "head")),
}


def _closest_params(p1: vec.Vec, q1: vec.Vec, p2: vec.Vec, q2: vec.Vec) -> tuple[float, float]:
    """Parameters (0..1) of the closest points of segments p1-q1 and p2-q2."""
    d1, d2, r = vec.sub(q1, p1), vec.sub(q2, p2), vec.sub(p1, p2)
    a, e, f = vec.dot(d1, d1), vec.dot(d2, d2), vec.dot(d2, r)
    if a <= 1e-9 and e <= 1e-9:
        return 0.0, 0.0
    if a <= 1e-9:
        return 0.0, min(max(f / e, 0.0), 1.0)
    c = vec.dot(d1, r)
    if e <= 1e-9:
        return min(max(-c / a, 0.0), 1.0), 0.0
    b = vec.dot(d1, d2)
    denom = a * e - b * b
    s = min(max((b * f - c * e) / denom, 0.0), 1.0) if denom > 1e-9 else 0.0
    t = (b * s + f) / e
    if t < 0.0:
        t, s = 0.0, min(max(-c / a, 0.0), 1.0)
    elif t > 1.0:
        t, s = 1.0, min(max((b - c) / a, 0.0), 1.0)
    return s, t


def _trunk_radius(body: Body, a: str, b: str, s: float, d: vec.Vec) -> float:
    """How far the trunk's surface reaches from its axis (at ``s`` of the way from ``a`` to ``b``) in
    the direction ``d``: an oval cross-section, rounded off at the buttocks and the shoulders."""
    frame = body.frames[a if s < 0.5 else b]
    side, fwd, up = (_axis_of(frame, i) for i in (2, 0, 1))
    wa, da = TORSO_SECTION[a]
    wb, db = TORSO_SECTION[b]
    half_w, half_d = wa + (wb - wa) * s, da + (db - da) * s
    along = vec.dot(up, d)
    end = a if s < 0.5 else b
    cap = TORSO_CAP[end] if end in ("pelvis", "chest") else half_d
    n = vec.norm(d)
    if n < 1e-9:
        return min(half_w, half_d)
    q = (vec.dot(side, d) / half_w) ** 2 + (vec.dot(fwd, d) / half_d) ** 2 + (along / max(cap, 1.0)) ** 2
    return n / math.sqrt(q) if q > 1e-12 else min(half_w, half_d)


def _axis_of(m: vec.Mat, column: int) -> vec.Vec:
    return (m[column], m[3 + column], m[6 + column])


def overlaps(body: Body) -> dict[frozenset[str], float]:
    """How deep (cm) each pair of body parts that share no joint reaches into each other, for every
    pair that touches at all."""
    pts = body.points
    limbs = [(name, pts[a], pts[b], ra, rb) for name, a, b, ra, rb in _PARTS]
    out: dict[frozenset[str], float] = {}
    for i, (n1, p1, q1, r1a, r1b) in enumerate(limbs):
        reach1 = vec.norm(vec.sub(q1, p1)) / 2 + max(r1a, r1b)
        mid1 = vec.lerp(p1, q1, 0.5)
        for n2, p2, q2, r2a, r2b in limbs[i + 1 :]:
            pair = frozenset((n1, n2))
            if pair in _ADJACENT:
                continue
            reach2 = vec.norm(vec.sub(q2, p2)) / 2 + max(r2a, r2b)
            if vec.norm(vec.sub(vec.lerp(p2, q2, 0.5), mid1)) > reach1 + reach2:
                continue
            s, t = _closest_params(p1, q1, p2, q2)
            gap = vec.norm(vec.sub(vec.lerp(p1, q1, s), vec.lerp(p2, q2, t)))
            depth = r1a + (r1b - r1a) * s + r2a + (r2b - r2a) * t - gap
            if depth > 0:
                out[pair] = depth
        for trunk, a, b in _TRUNK_PARTS:
            pair = frozenset((n1, trunk))
            if pair in _ADJACENT:
                continue
            s, t = _closest_params(pts[a], pts[b], p1, q1)
            d = vec.sub(vec.lerp(p1, q1, t), vec.lerp(pts[a], pts[b], s))
            depth = _trunk_radius(body, a, b, s, d) + r1a + (r1b - r1a) * t - vec.norm(d)
            if depth > 0:
                out[pair] = depth
    return out


def overlap_problems(anim: Animation, per_second: float = 20.0) -> list[str]:
    """Body parts that share no joint never pass into each other by more than OVERLAP_TOLERANCE at
    any sampled time of the loop (touching, like hands resting on a thigh, is fine). One line per
    pair, at its worst moment."""
    worst: dict[frozenset[str], tuple[float, float]] = {}
    for t in anim.sample_times(per_second):
        for pair, depth in overlaps(anim.frame_at(t).body).items():
            if depth > OVERLAP_TOLERANCE and depth > worst.get(pair, (0.0, 0.0))[0]:
                worst[pair] = (depth, t)
    return [
        f"t={t:.2f}s: {' and '.join(sorted(pair))} pass {depth:.1f} cm into each other"
        for pair, (depth, t) in sorted(worst.items(), key=lambda item: -item[1][0])
    ]


# -------------------------------------------------------------------------------------------------
# a movement you can see

MIN_TRAVEL_SHARE = 0.10  # of the figure's size on screen, for the part that moves most
# A stretch eases into its position and holds it (the hips forward in a lunge): a smaller movement
MIN_STRETCH_TRAVEL_SHARE = 0.03


def picture_size(anim: Animation) -> float:
    """The figure's size on screen (cm): the longer side of the box the loop is fitted into, which
    is what a square picture scales to (a standing figure's height)."""
    x0, y0, x1, y1 = animation_bounds(anim)
    return max(x1 - x0, y1 - y0)


def travel(anim: Animation, per_second: float = 12.0) -> tuple[str, float]:
    """The body point that moves furthest on screen through the exercise's camera, and how far (cm):
    the widest distance between two of its positions over the loop (a lead-in, played once, does
    not count)."""
    cam = Camera(anim.view)
    paths: dict[str, list[tuple[float, float]]] = {}
    for t in (t for t in anim.sample_times(per_second) if t >= anim.lead_in):
        for name, p in anim.frame_at(t).body.points.items():
            x, y, _ = cam.project(p)
            paths.setdefault(name, []).append((x, y))
    best = ("pelvis", 0.0)
    for name, path in paths.items():
        far = (
            max(math.dist(a, b) for i, a in enumerate(path) for b in path[i + 1 :]) if len(path) > 1 else 0.0
        )
        if far > best[1]:
            best = (name, far)
    return best


def travel_problems(anim: Animation, kind: str = "") -> list[str]:
    """The moving part travels a visible share of the figure's size, seen through the exercise's
    camera; less for a ``kind == "stretch"``. A still picture (one keyframe) is exempt."""
    if len(anim.keyframes) < 2:
        return []
    point, far = travel(anim)
    share = far / picture_size(anim)
    least = MIN_STRETCH_TRAVEL_SHARE if kind == "stretch" else MIN_TRAVEL_SHARE
    if share < least:
        return [
            f"the part that moves most ({point}) travels {far:.0f} cm on screen, "
            f"{share:.1%} of the figure's size; it should be at least {least:.0%}"
        ]
    return []


# -------------------------------------------------------------------------------------------------
# the list thumbnail: does anything move at 48 px?

THUMBNAIL_SIZE = 48  # px, the library list's figures
MIN_THUMBNAIL_CHANGE = 0.03  # share of the thumbnail's pixels that must change between the extremes
_PIXEL_CHANGE = 60  # sum of the red, green and blue differences (0..765) that counts as a change


Pixels = Sequence[tuple[int, int, int]]  # a picture's red, green, blue values, row by row
DrawKeyframe = Callable[[Figure, int, "str | None", int], Pixels]  # figure, keyframe, side, size


def thumbnail_change(
    figure: Figure, draw: DrawKeyframe, side: str | None = None, size: int = THUMBNAIL_SIZE
) -> tuple[float, int, int]:
    """How much a ``size`` px thumbnail changes between the two extreme keyframes (the two that
    differ most): the share of its pixels that differ visibly, and the two keyframes' indexes.
    Only the loop's keyframes count: a thumbnail repeats the loop without the lead-in.
    ``draw`` is the real renderer's (``render.keyframe_pixels``), so this module stays free of Qt."""
    n = len(figure.animation(side).keyframes)
    first = figure.poses.lead_in_count
    shots = {k: draw(figure, k, side, size) for k in range(first, n)}
    best = (0.0, first, first)
    for i in range(first, n):
        for j in range(i + 1, n):
            changed = sum(
                abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]) > _PIXEL_CHANGE
                for p, q in zip(shots[i], shots[j], strict=True)
            )
            if changed / (size * size) > best[0]:
                best = (changed / (size * size), i, j)
    return best


def thumbnail_problems(figure: Figure, draw: DrawKeyframe, side: str | None = None) -> list[str]:
    """At the list's 48 px the two extreme keyframes differ visibly (a still picture is exempt)."""
    anim = figure.animation(side)
    if len(anim.keyframes) < 2:
        return []
    share, i, j = thumbnail_change(figure, draw, side)
    if share < MIN_THUMBNAIL_CHANGE:
        names = f"{anim.keyframes[i].name!r} and {anim.keyframes[j].name!r}"
        return [
            f"at {THUMBNAIL_SIZE} px, {names} differ in {share:.1%} of the pixels; "
            f"they should differ in at least {MIN_THUMBNAIL_CHANGE:.0%}"
        ]
    return []
