"""Joint-angle poses and forward kinematics: from angles to 3D body points, feet on the floor.

World axes, in centimetres: +x is where the figure faces when standing, +y is up, +z is the
figure's right side. The floor is y = 0. Rotations follow the right-hand rule about these axes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from hipdesk.figures import vec
from hipdesk.figures.skeleton import (
    DIM,
    JOINT_ANGLES,
    JOINTS,
    MIRROR_NEGATED,
    POINT_RADIUS,
    SIDE_SIGN,
    SIDES,
    TORSO_SECTION,
    point_kind,
    swap_side,
)
from hipdesk.figures.vec import Mat, Vec

ANGLE_KEYS: tuple[tuple[str, str], ...] = tuple((j, a) for j in JOINTS for a in JOINT_ANGLES[j])
ANGLE_INDEX = {key: i for i, key in enumerate(ANGLE_KEYS)}
_MIRROR_PERM = tuple(ANGLE_INDEX[(swap_side(j), a)] for j, a in ANGLE_KEYS)
_MIRROR_SIGN = tuple(-1.0 if key in MIRROR_NEGATED else 1.0 for key in ANGLE_KEYS)


@dataclass(frozen=True, slots=True)
class Pose:
    """Every joint angle of the figure, in degrees, in the fixed order of ``ANGLE_KEYS``."""

    values: tuple[float, ...]

    @classmethod
    def neutral(cls) -> Pose:
        return cls((0.0,) * len(ANGLE_KEYS))

    @classmethod
    def from_angles(cls, angles: Mapping[str, Mapping[str, float]], base: Pose | None = None) -> Pose:
        values = list((base or cls.neutral()).values)
        for joint, table in angles.items():
            for angle, value in table.items():
                values[ANGLE_INDEX[(joint, angle)]] = float(value)
        return cls(tuple(values))

    def get(self, joint: str, angle: str) -> float:
        return self.values[ANGLE_INDEX[(joint, angle)]]

    def angles(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for (joint, angle), value in zip(ANGLE_KEYS, self.values, strict=True):
            out.setdefault(joint, {})[angle] = value
        return out

    def mirrored(self) -> Pose:
        """The same pose done with the other side of the body (a reflection through z = 0)."""
        v = self.values
        return Pose(tuple(v[src] * sign for src, sign in zip(_MIRROR_PERM, _MIRROR_SIGN, strict=True)))

    def lerp(self, other: Pose, t: float) -> Pose:
        return Pose(tuple(a + (b - a) * t for a, b in zip(self.values, other.values, strict=True)))


@dataclass(slots=True)
class Body:
    """A posed figure: named 3D points (cm) and the rotation of each body segment."""

    points: dict[str, Vec]
    frames: dict[str, Mat]

    def translated(self, d: Vec) -> Body:
        return Body({k: vec.add(p, d) for k, p in self.points.items()}, self.frames)


def _ball(flex: float, abd: float, rot: float, sign: float) -> Mat:
    # flex about the side-to-side axis (forward +), abduction about the forward axis (outward +),
    # rotation about the limb (outward +).
    return vec.mul(vec.mul(vec.rot_z(flex), vec.rot_x(-sign * abd)), vec.rot_y(-sign * rot))


def _trunk(flex: float, bend: float, twist: float) -> Mat:
    # flex forward +, bend toward the right side +, twist the front toward the right +.
    return vec.mul(vec.mul(vec.rot_z(-flex), vec.rot_x(bend)), vec.rot_y(-twist))


def root_rotation(pitch: float, roll: float, yaw: float) -> Mat:
    """Body orientation: first roll (onto the left side +), then pitch (bow forward +), then yaw
    (turn to the right +), each about the fixed world axes."""
    return vec.mul(vec.mul(vec.rot_y(-yaw), vec.rot_z(-pitch)), vec.rot_x(-roll))


def forward_kinematics(pose: Pose, origin: Vec = (0.0, 0.0, 0.0)) -> Body:
    """The body points of ``pose`` with the pelvis centre at ``origin``."""
    v = pose.values
    g = ANGLE_INDEX
    pts: dict[str, Vec] = {}
    frames: dict[str, Mat] = {}
    apply, add = vec.apply, vec.add

    root = root_rotation(v[g["body", "pitch"]], v[g["body", "roll"]], v[g["body", "yaw"]])
    frames["pelvis"] = root
    pts["pelvis"] = origin
    spine = vec.mul(root, _trunk(v[g["spine", "flex"]], v[g["spine", "bend"]], v[g["spine", "twist"]]))
    frames["waist"] = spine
    pts["waist"] = add(origin, apply(spine, (0.0, DIM.lumbar, 0.0)))
    chest = vec.mul(spine, _trunk(v[g["chest", "flex"]], v[g["chest", "bend"]], v[g["chest", "twist"]]))
    frames["chest"] = chest
    pts["chest"] = add(pts["waist"], apply(chest, (0.0, DIM.thoracic, 0.0)))
    neck = vec.mul(chest, _trunk(v[g["neck", "flex"]], v[g["neck", "bend"]], v[g["neck", "twist"]]))
    frames["neck"] = neck
    pts["neck_top"] = add(pts["chest"], apply(neck, (1.0, DIM.neck, 0.0)))
    pts["head"] = add(pts["neck_top"], apply(neck, (2.0, DIM.head_offset, 0.0)))

    for side in SIDES:
        s = SIDE_SIGN[side]
        # arm
        sh = add(pts["chest"], apply(chest, (0.0, -DIM.shoulder_drop, s * DIM.shoulder_half)))
        r_upper = vec.mul(
            chest,
            _ball(
                v[g[f"shoulder_{side}", "flex"]],
                v[g[f"shoulder_{side}", "abd"]],
                v[g[f"shoulder_{side}", "rot"]],
                s,
            ),
        )
        el = add(sh, apply(r_upper, (0.0, -DIM.upper_arm, 0.0)))
        r_fore = vec.mul(r_upper, vec.rot_z(v[g[f"elbow_{side}", "flex"]]))
        wr = add(el, apply(r_fore, (0.0, -DIM.forearm, 0.0)))
        r_hand = vec.mul(r_fore, vec.rot_z(v[g[f"wrist_{side}", "flex"]]))
        hand = add(wr, apply(r_hand, (0.0, -DIM.hand, 0.0)))
        pts[f"shoulder_{side}"], pts[f"elbow_{side}"], pts[f"wrist_{side}"], pts[f"hand_{side}"] = (
            sh,
            el,
            wr,
            hand,
        )
        frames[f"upperarm_{side}"], frames[f"forearm_{side}"], frames[f"hand_{side}"] = (
            r_upper,
            r_fore,
            r_hand,
        )
        # leg
        hip = add(origin, apply(root, (0.0, 0.0, s * DIM.hip_half)))
        r_thigh = vec.mul(
            root,
            _ball(v[g[f"hip_{side}", "flex"]], v[g[f"hip_{side}", "abd"]], v[g[f"hip_{side}", "rot"]], s),
        )
        knee = add(hip, apply(r_thigh, (0.0, -DIM.thigh, 0.0)))
        r_shin = vec.mul(r_thigh, vec.rot_z(-v[g[f"knee_{side}", "flex"]]))
        ankle = add(knee, apply(r_shin, (0.0, -DIM.shin, 0.0)))
        r_foot = vec.mul(r_shin, vec.rot_z(v[g[f"ankle_{side}", "flex"]]))
        foot_down = DIM.ankle_height - POINT_RADIUS["heel"]
        heel = add(ankle, apply(r_foot, (-DIM.heel_back, -foot_down, 0.0)))
        toe = add(ankle, apply(r_foot, (DIM.toe_forward, -(DIM.ankle_height - POINT_RADIUS["toe"]), 0.0)))
        pts[f"hip_{side}"], pts[f"knee_{side}"], pts[f"ankle_{side}"] = hip, knee, ankle
        pts[f"heel_{side}"], pts[f"toe_{side}"] = heel, toe
        frames[f"thigh_{side}"], frames[f"shin_{side}"], frames[f"foot_{side}"] = (
            r_thigh,
            r_shin,
            r_foot,
        )
    return Body(pts, frames)


# Half extent of the torso ends along the spine: the buttocks sit this far below the pelvis centre,
# the top of the shoulders this far above the base of the neck.
TORSO_CAP = {"pelvis": 11.0, "waist": 0.0, "chest": 6.0}


def support_radius(body: Body, point: str, direction: Vec = (0.0, -1.0, 0.0)) -> float:
    """How far the body's surface reaches beyond ``point`` in ``direction`` (a unit vector)."""
    kind = point_kind(point)
    if kind in TORSO_SECTION:
        half_w, half_d = TORSO_SECTION[kind]
        frame = body.frames[kind]
        side_axis = (frame[2], frame[5], frame[8])
        fwd_axis = (frame[0], frame[3], frame[6])
        up_axis = (frame[1], frame[4], frame[7])
        along = vec.dot(up_axis, direction)
        cap = TORSO_CAP[kind] if (kind == "pelvis" and along < 0) or (kind == "chest" and along > 0) else 0.0
        return math.sqrt(
            (half_w * vec.dot(side_axis, direction)) ** 2
            + (half_d * vec.dot(fwd_axis, direction)) ** 2
            + (cap * along) ** 2
        )
    return POINT_RADIUS[kind]


def bottom(body: Body, point: str) -> float:
    """The height of the lowest surface of the body around ``point``."""
    return body.points[point][1] - support_radius(body, point)
