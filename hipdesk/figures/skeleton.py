"""The figure's skeleton: joint names, their angles, ranges of motion, body sizes and body points."""

from __future__ import annotations

from dataclasses import dataclass

SIDES = ("l", "r")
SIDE_SIGN = {"l": -1.0, "r": 1.0}  # +z is the figure's right side

# Every posable joint and the angles it takes, in degrees. All angles default to 0 (standing tall,
# arms hanging, feet flat). Signs are anatomical, so the same sign means the same thing on both sides.
JOINT_ANGLES: dict[str, tuple[str, ...]] = {
    "body": ("pitch", "roll", "yaw"),  # the whole body's orientation in the room
    "spine": ("flex", "bend", "twist"),  # lower back (pelvis to waist)
    "chest": ("flex", "bend", "twist"),  # upper back (waist to the base of the neck)
    "neck": ("flex", "bend", "twist"),
    "shoulder_l": ("flex", "abd", "rot"),
    "shoulder_r": ("flex", "abd", "rot"),
    "elbow_l": ("flex",),
    "elbow_r": ("flex",),
    "wrist_l": ("flex",),
    "wrist_r": ("flex",),
    "hip_l": ("flex", "abd", "rot"),
    "hip_r": ("flex", "abd", "rot"),
    "knee_l": ("flex",),
    "knee_r": ("flex",),
    "ankle_l": ("flex",),
    "ankle_r": ("flex",),
}

JOINTS = tuple(JOINT_ANGLES)

# Range of motion of a healthy, reasonably flexible adult (a little generous), degrees.
_LIMB_ROM: dict[str, dict[str, tuple[float, float]]] = {
    "shoulder": {"flex": (-60, 180), "abd": (-30, 180), "rot": (-90, 90)},
    "elbow": {"flex": (0, 150)},
    "wrist": {"flex": (-80, 90)},
    "hip": {"flex": (-30, 135), "abd": (-30, 60), "rot": (-45, 65)},
    "knee": {"flex": (0, 155)},
    "ankle": {"flex": (-65, 35)},
}
ROM: dict[str, dict[str, tuple[float, float]]] = {
    "body": {"pitch": (-180, 180), "roll": (-180, 180), "yaw": (-180, 180)},
    "spine": {"flex": (-25, 45), "bend": (-25, 25), "twist": (-30, 30)},
    "chest": {"flex": (-20, 40), "bend": (-20, 20), "twist": (-35, 35)},
    "neck": {"flex": (-50, 60), "bend": (-40, 40), "twist": (-70, 70)},
}
for _side in SIDES:
    for _limb, _angles in _LIMB_ROM.items():
        ROM[f"{_limb}_{_side}"] = dict(_angles)

# Angles whose sign flips when the figure is mirrored left-right (the rest are swapped by side).
MIRROR_NEGATED = {
    ("body", "roll"),
    ("body", "yaw"),
    ("spine", "bend"),
    ("spine", "twist"),
    ("chest", "bend"),
    ("chest", "twist"),
    ("neck", "bend"),
    ("neck", "twist"),
}


@dataclass(frozen=True, slots=True)
class Dimensions:
    """Body sizes in centimetres for a figure about 172 cm tall."""

    hip_half: float = 9.0  # pelvis centre to a hip joint
    lumbar: float = 20.0  # pelvis centre to waist
    thoracic: float = 28.0  # waist to the base of the neck
    shoulder_half: float = 17.0
    shoulder_drop: float = 4.0
    neck: float = 9.0
    head_offset: float = 10.5  # top of the neck to the head's centre
    head_r: float = 11.0
    upper_arm: float = 29.0
    forearm: float = 25.0
    hand: float = 8.0
    thigh: float = 43.0
    shin: float = 43.0
    ankle_height: float = 7.0
    heel_back: float = 4.0
    toe_forward: float = 15.0


DIM = Dimensions()

# Radius (half thickness, cm) of each body point when it touches something; limbs are drawn with
# these radii too.
POINT_RADIUS: dict[str, float] = {
    "head": DIM.head_r,
    "neck_top": 5.0,
    "shoulder": 5.2,
    "elbow": 3.8,
    "wrist": 3.0,
    "hand": 3.0,
    "hip": 7.5,
    "knee": 5.4,
    "ankle": 4.0,
    "heel": 3.5,
    "toe": 3.0,
}

# Torso cross-sections: half width (side to side) and half depth (front to back), cm.
TORSO_SECTION = {"pelvis": (16.5, 11.0), "waist": (13.5, 9.5), "chest": (15.5, 10.5)}

TORSO_POINTS = ("pelvis", "waist", "chest")
LIMB_POINTS = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe")
BODY_POINTS: tuple[str, ...] = (
    *TORSO_POINTS,
    "neck_top",
    "head",
    *(f"{p}_{s}" for p in LIMB_POINTS for s in SIDES),
)


def point_kind(name: str) -> str:
    """The body point's kind without its side: ``knee_l`` -> ``knee``."""
    return name[:-2] if name[-2:] in ("_l", "_r") else name


def swap_side(name: str) -> str:
    """The same body point or joint on the other side: ``knee_l`` <-> ``knee_r``."""
    if name.endswith("_l"):
        return name[:-2] + "_r"
    if name.endswith("_r"):
        return name[:-2] + "_l"
    return name
