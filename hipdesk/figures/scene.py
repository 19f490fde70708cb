"""Turns a placed figure into flat 2D shapes seen from the exercise's camera, sorted back to front."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from hipdesk.figures import vec
from hipdesk.figures.animation import Animation, Frame, Props
from hipdesk.figures.kinematics import TORSO_CAP
from hipdesk.figures.muscles import REGIONS
from hipdesk.figures.poses import View
from hipdesk.figures.skeleton import POINT_RADIUS, SIDE_SIGN, SIDES, TORSO_SECTION
from hipdesk.figures.vec import Mat, Vec


class Tone(IntEnum):
    NEAR = 0  # limbs on the near side, torso, head
    FAR = 1  # limbs on the far side
    HAIR = 2
    ACCENT = 3  # tinted working muscle
    ACCENT_FAR = 4
    MAT = 5  # mat sides
    MAT_TOP = 6
    STEP = 7
    STEP_TOP = 8
    BAND = 9
    POST = 10


class Kind(IntEnum):
    CAPSULE = 0  # x1, y1, r1, x2, y2, r2: two circles joined by their outer tangents
    CIRCLE = 1  # x, y, r
    POLYGON = 2  # x1, y1, x2, y2, ...


@dataclass(slots=True)
class Shape:
    kind: Kind
    tone: Tone
    data: tuple[float, ...]


@dataclass(slots=True)
class Scene:
    """Shapes in back-to-front order, in cm on a y-up screen plane, with the floor line's height."""

    shapes: list[Shape]
    floor_y: float | None  # None when the camera looks down steeply and the mat shows the floor


FLOOR_LINE_MAX_ELEVATION = 20.0


class Camera:
    """An orthographic camera: azimuth/elevation as in :class:`View`."""

    def __init__(self, view: View) -> None:
        az, el = math.radians(view.azimuth), math.radians(view.elevation)
        self.toward: Vec = (math.sin(az) * math.cos(el), math.sin(el), math.cos(az) * math.cos(el))
        self.right: Vec = (math.cos(az), 0.0, -math.sin(az))
        c, r = self.toward, self.right
        self.up: Vec = (c[1] * r[2] - c[2] * r[1], c[2] * r[0] - c[0] * r[2], c[0] * r[1] - c[1] * r[0])

    def project(self, p: Vec) -> tuple[float, float, float]:
        """Screen x (right), screen y (up), depth (bigger is nearer)."""
        r, u, c = self.right, self.up, self.toward
        return (
            p[0] * r[0] + p[1] * r[1] + p[2] * r[2],
            p[0] * u[0] + p[1] * u[1] + p[2] * u[2],
            p[0] * c[0] + p[1] * c[1] + p[2] * c[2],
        )

    def screen_dir(self, d: Vec) -> tuple[float, float]:
        return (vec.dot(d, self.right), vec.dot(d, self.up))


# limb segments per side: (host name, start point, end point, start radius, end radius)
LIMBS = (
    ("upperarm", "shoulder", "elbow", POINT_RADIUS["shoulder"], POINT_RADIUS["elbow"]),
    ("forearm", "elbow", "wrist", POINT_RADIUS["elbow"], POINT_RADIUS["wrist"]),
    ("hand", "wrist", "hand", POINT_RADIUS["wrist"] + 0.2, POINT_RADIUS["hand"]),
    ("thigh", "hip", "knee", POINT_RADIUS["hip"], POINT_RADIUS["knee"]),
    ("shin", "knee", "ankle", POINT_RADIUS["knee"], POINT_RADIUS["ankle"]),
    ("foot", "heel", "toe", POINT_RADIUS["heel"], POINT_RADIUS["toe"]),
)
_FRAME_OF = {
    "upperarm": "upperarm",
    "forearm": "forearm",
    "hand": "hand",
    "thigh": "thigh",
    "shin": "shin",
    "foot": "foot",
}


def _col(m: Mat, i: int) -> Vec:
    return (m[i], m[3 + i], m[6 + i])


def _section_half_width(
    cam: Camera, frame: Mat, section: tuple[float, float], axis2d: tuple[float, float]
) -> float:
    """Half width on screen of a torso cross-section, across the projected spine direction."""
    ax, ay = axis2d
    px, py = -ay, ax  # perpendicular on screen
    probe = (
        cam.right[0] * px + cam.up[0] * py,
        cam.right[1] * px + cam.up[1] * py,
        cam.right[2] * px + cam.up[2] * py,
    )
    half_w, half_d = section
    return math.hypot(half_w * vec.dot(_col(frame, 2), probe), half_d * vec.dot(_col(frame, 0), probe))


def _unit2(dx: float, dy: float) -> tuple[float, float]:
    n = math.hypot(dx, dy)
    return (0.0, 1.0) if n < 1e-9 else (dx / n, dy / n)


@dataclass(slots=True)
class _Host:
    a: tuple[float, float]
    b: tuple[float, float]
    ra: float
    rb: float
    depth: float
    frame: Mat
    far: bool


def build_scene(
    frame: Frame,
    view: View,
    props: Props,
    muscles: tuple[str, ...] = (),
    tint_side: str = "both",
    tint_sides: Mapping[str, str] | None = None,
) -> Scene:
    """The shapes of one frame, back to front. The muscles are tinted on ``tint_side``, or on the
    side ``tint_sides`` names for a muscle."""
    cam = Camera(view)
    body = frame.body
    proj = {name: cam.project(p) for name, p in body.points.items()}
    items: list[tuple[float, int, Shape]] = []  # (depth, sequence, shape)
    seq = 0

    def put(depth: float, shape: Shape) -> None:
        nonlocal seq
        items.append((depth, seq, shape))
        seq += 1

    # which side is nearer the camera
    near_score = {s: proj[f"hip_{s}"][2] + proj[f"shoulder_{s}"][2] for s in SIDES}
    far_side = "l" if near_score["l"] < near_score["r"] else "r"
    hosts: dict[str, _Host] = {}

    # limbs
    for side in SIDES:
        far = side == far_side
        tone = Tone.FAR if far else Tone.NEAR
        for limb, p0, p1, r0, r1 in LIMBS:
            start, end = proj[f"{p0}_{side}"], proj[f"{p1}_{side}"]
            depth = (start[2] + end[2]) / 2
            put(depth, Shape(Kind.CAPSULE, tone, (start[0], start[1], r0, end[0], end[1], r1)))
            hosts[f"{limb}_{side}"] = _Host(
                (start[0], start[1]),
                (end[0], end[1]),
                r0,
                r1,
                depth,
                body.frames[f"{_FRAME_OF[limb]}_{side}"],
                far,
            )

    # torso: two tapered capsules whose widths follow the view
    pel, wai, che = proj["pelvis"], proj["waist"], proj["chest"]
    f_pel, f_wai, f_che = body.frames["pelvis"], body.frames["waist"], body.frames["chest"]
    low_axis = _unit2(wai[0] - pel[0], wai[1] - pel[1])
    up_axis = _unit2(che[0] - wai[0], che[1] - wai[1])
    r_pel = _section_half_width(cam, f_pel, TORSO_SECTION["pelvis"], low_axis)
    r_wai = _section_half_width(
        cam, f_wai, TORSO_SECTION["waist"], _unit2(low_axis[0] + up_axis[0], low_axis[1] + up_axis[1])
    )
    r_che = _section_half_width(cam, f_che, TORSO_SECTION["chest"], up_axis)
    lift = max(0.0, r_pel - TORSO_CAP["pelvis"])
    pu = cam.screen_dir(_col(f_pel, 1))
    a = (pel[0] + pu[0] * lift, pel[1] + pu[1] * lift)
    drop = max(0.0, r_che - TORSO_CAP["chest"])
    cu = cam.screen_dir(_col(f_che, 1))
    top = (che[0] - cu[0] * drop, che[1] - cu[1] * drop)
    torso_depth = (pel[2] + wai[2] + che[2]) / 3 - 1.0
    put(torso_depth, Shape(Kind.CAPSULE, Tone.NEAR, (a[0], a[1], r_pel, wai[0], wai[1], r_wai)))
    put(torso_depth, Shape(Kind.CAPSULE, Tone.NEAR, (wai[0], wai[1], r_wai, top[0], top[1], r_che)))
    hosts["pelvis"] = _Host(a, (wai[0], wai[1]), r_pel, r_wai, torso_depth, f_pel, False)
    hosts["chest"] = _Host((wai[0], wai[1]), top, r_wai, r_che, torso_depth, f_che, False)

    # neck and head, with hair at the back so the way the head faces reads at a glance
    nt, hd = proj["neck_top"], proj["head"]
    put((che[2] + nt[2]) / 2 - 0.5, Shape(Kind.CAPSULE, Tone.NEAR, (che[0], che[1], 5.2, nt[0], nt[1], 4.6)))
    f_neck = body.frames["neck"]
    r = POINT_RADIUS["head"]
    fwd, upw = _col(f_neck, 0), _col(f_neck, 1)
    back_up = cam.screen_dir(vec.add(vec.scale(fwd, -0.16), vec.scale(upw, 0.12)))
    face = cam.screen_dir(vec.add(vec.scale(fwd, 0.12), vec.scale(upw, -0.07)))
    hair = Shape(Kind.CIRCLE, Tone.HAIR, (hd[0] + back_up[0] * r, hd[1] + back_up[1] * r, r * 0.97))
    skin = Shape(Kind.CIRCLE, Tone.NEAR, (hd[0] + face[0] * r, hd[1] + face[1] * r, r * 0.9))
    facing_away = vec.dot(fwd, cam.toward) < -0.55
    put(hd[2], skin if facing_away else hair)
    put(hd[2], hair if facing_away else skin)

    # tinted muscles
    for muscle in muscles:
        muscle_side = (tint_sides or {}).get(muscle, tint_side)
        sides = SIDES if muscle_side == "both" else (muscle_side[0],)
        for region in REGIONS.get(muscle, ()):
            for side in sides if region.sided else ("r",):
                host_name = region.host if region.host in ("pelvis", "chest") else f"{region.host}_{side}"
                host = hosts[host_name]
                s = SIDE_SIGN[side] if region.sided else 0.0
                n_local = vec.unit((region.normal[0], region.normal[1], region.normal[2] * s))
                n_world = vec.apply(host.frame, n_local)
                if vec.dot(n_world, cam.toward) < -0.3:
                    continue  # on the hidden face
                nx, ny = cam.screen_dir(n_world)
                pts = []
                for t in (region.t0, region.t1):
                    rad = host.ra + (host.rb - host.ra) * t
                    cx = host.a[0] + (host.b[0] - host.a[0]) * t + nx * region.k * rad
                    cy = host.a[1] + (host.b[1] - host.a[1]) * t + ny * region.k * rad
                    pts.append((cx, cy, rad * (1.0 - region.k) * 0.96))
                tone = Tone.ACCENT_FAR if host.far else Tone.ACCENT
                put(host.depth + 0.01, Shape(Kind.CAPSULE, tone, (*pts[0], *pts[1])))

    # props: the band (over the figure where it wraps the leg), its anchor post
    if props.band_anchor is not None and props.band_attach is not None:
        an = cam.project(props.band_anchor)
        base = cam.project((props.band_anchor[0], 0.0, props.band_anchor[2]))
        post_top = cam.project((props.band_anchor[0], props.band_anchor[1] + 8.0, props.band_anchor[2]))
        put(
            an[2] - 0.5,
            Shape(Kind.CAPSULE, Tone.POST, (base[0], base[1], 2.6, post_top[0], post_top[1], 2.6)),
        )
        at = proj[props.band_attach]
        dx, dy = _unit2(at[0] - an[0], at[1] - an[1])
        nx, ny = -dy, dx
        w0, w1 = 0.9, 3.2
        band = (
            an[0] + nx * w0,
            an[1] + ny * w0,
            at[0] + nx * w1,
            at[1] + ny * w1,
            at[0] - nx * w1,
            at[1] - ny * w1,
            an[0] - nx * w0,
            an[1] - ny * w0,
        )
        put(max(at[2], an[2]) + 6.0, Shape(Kind.POLYGON, Tone.BAND, band))

    items.sort(key=lambda item: (item[0], item[1]))
    shapes = [shape for _, _, shape in items]

    # props on the floor go behind the figure
    ground: list[Shape] = []
    floor_candidates = [cam.project((p[0], 0.0, p[2]))[1] for p in (body.points["pelvis"],)]
    if props.mat is not None:
        cx, cz, length, width = props.mat
        hull, top_face = _box(cam, cx, cz, length, width, -1.5, 0.0)
        ground += [Shape(Kind.POLYGON, Tone.MAT, hull), Shape(Kind.POLYGON, Tone.MAT_TOP, top_face)]
        floor_candidates.append(min(hull[1::2]))
    if props.step is not None:
        cx, cz, length, width, height = props.step
        hull, top_face = _box(cam, cx, cz, length, width, 0.0, height)
        ground += [Shape(Kind.POLYGON, Tone.STEP, hull), Shape(Kind.POLYGON, Tone.STEP_TOP, top_face)]
        floor_candidates.append(min(hull[1::2]))
    for point, surface in frame.contacts:
        if surface == "floor":
            p = body.points[point]
            floor_candidates.append(cam.project((p[0], 0.0, p[2]))[1])
    floor_y = (
        min(floor_candidates) if view.elevation < FLOOR_LINE_MAX_ELEVATION or props.mat is None else None
    )
    return Scene(ground + shapes, floor_y)


def _box(
    cam: Camera, cx: float, cz: float, length: float, width: float, y0: float, y1: float
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The outline of a box and its top face, projected."""
    xs, zs = (cx - length / 2, cx + length / 2), (cz - width / 2, cz + width / 2)
    corners = [cam.project((x, y, z))[:2] for y in (y0, y1) for x in xs for z in zs]
    top = [corners[4], corners[5], corners[7], corners[6]]
    hull = _convex_hull(corners)
    return tuple(c for p in hull for c in p), tuple(c for p in top for c in p)


def _convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set((round(x, 4), round(y, 4)) for x, y in points))
    if len(pts) <= 2:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def shape_bounds(shapes: list[Shape]) -> tuple[float, float, float, float]:
    """min x, min y, max x, max y of the shapes (radii included)."""
    xs0: list[float] = []
    ys0: list[float] = []
    xs1: list[float] = []
    ys1: list[float] = []
    for sh in shapes:
        d = sh.data
        if sh.kind is Kind.CAPSULE:
            xs0 += [d[0] - d[2], d[3] - d[5]]
            xs1 += [d[0] + d[2], d[3] + d[5]]
            ys0 += [d[1] - d[2], d[4] - d[5]]
            ys1 += [d[1] + d[2], d[4] + d[5]]
        elif sh.kind is Kind.CIRCLE:
            xs0.append(d[0] - d[2])
            xs1.append(d[0] + d[2])
            ys0.append(d[1] - d[2])
            ys1.append(d[1] + d[2])
        else:
            xs0 += d[0::2]
            xs1 += d[0::2]
            ys0 += d[1::2]
            ys1 += d[1::2]
    return (min(xs0), min(ys0), max(xs1), max(ys1))


def crop_line(anim: Animation) -> float | None:
    """The screen height (cm) above which the picture is cut off, for a view with a ``top``: that
    height above the floor, over the pelvis of the first keyframe. None shows the whole figure."""
    if anim.view.top is None:
        return None
    pelvis = anim.keyframe(0).body.points["pelvis"]
    return Camera(anim.view).project((pelvis[0], anim.view.top, pelvis[2]))[1]


def animation_bounds(anim: Animation, muscles: tuple[str, ...] = ()) -> tuple[float, float, float, float]:
    """The box (screen cm) the whole loop stays inside, floor line included, cut at the view's
    ``top``; the mat left out for a view that fits the body. Cached on the animation."""
    cached: tuple[float, float, float, float] | None = getattr(anim, "_bounds", None)
    if cached is not None:
        return cached
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for t in anim.sample_times(per_second=12.0):
        scene = build_scene(anim.frame_at(t), anim.view, anim.props, muscles)
        shapes = scene.shapes
        if anim.view.fit == "body":  # the mat may run out of the picture
            shapes = [sh for sh in shapes if sh.tone not in (Tone.MAT, Tone.MAT_TOP)] or shapes
        b = shape_bounds(shapes)
        floor = b[1] if scene.floor_y is None else scene.floor_y
        x0, y0, x1, y1 = min(x0, b[0]), min(y0, b[1], floor), max(x1, b[2]), max(y1, b[3])
    cut = crop_line(anim)
    if cut is not None:
        y1 = min(y1, cut)
    bounds = (x0, y0, x1, y1)
    anim._bounds = bounds  # type: ignore[attr-defined]
    return bounds
