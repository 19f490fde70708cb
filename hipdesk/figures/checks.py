"""Sanity checks for posed figures: contacts touch, nothing sinks, joints stay in range, the exercise's
position reads right. Used by the tests and by the preview script."""

from __future__ import annotations

from hipdesk.figures import vec
from hipdesk.figures.animation import Animation, Frame
from hipdesk.figures.kinematics import ANGLE_KEYS, Pose, bottom
from hipdesk.figures.skeleton import ROM

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
