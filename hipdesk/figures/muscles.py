"""Where each muscle sits on the figure, for tinting: a stretch of a body segment and a surface side."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    """A patch on a host segment: from ``t0`` to ``t1`` along it (0 = its start), pushed toward the
    surface direction ``normal`` (in the host's own axes: x front, y up the segment, z the figure's
    right; z is multiplied by the side sign) by ``k`` of the segment's radius."""

    host: str  # pelvis, chest, thigh, shin, upperarm (limb hosts get the side appended)
    t0: float
    t1: float
    normal: tuple[float, float, float]
    k: float = 0.35
    sided: bool = True  # False: one patch on the midline whatever the side


REGIONS: dict[str, tuple[Region, ...]] = {
    "glute-max": (Region("pelvis", 0.0, 0.25, (-1.0, -0.1, 0.55), k=0.4),),
    "glute-med": (Region("pelvis", 0.15, 0.45, (-0.25, 0.2, 1.0), k=0.45),),
    "glute-min": (Region("pelvis", 0.05, 0.3, (0.05, 0.0, 1.0), k=0.5),),
    "piriformis": (Region("pelvis", 0.0, 0.3, (-0.6, 0.1, 1.0), k=0.42),),
    "tfl": (Region("thigh", 0.0, 0.3, (0.35, 0.0, 1.0), k=0.4),),
    "hip-flexors": (
        Region("thigh", 0.0, 0.3, (1.0, 0.0, -0.2), k=0.35),
        Region("pelvis", 0.05, 0.35, (1.0, 0.0, 0.45), k=0.45),
    ),
    "quadriceps": (Region("thigh", 0.25, 0.85, (1.0, 0.0, 0.1), k=0.33),),
    "hamstrings": (Region("thigh", 0.25, 0.85, (-1.0, 0.0, 0.0), k=0.33),),
    "adductors": (Region("thigh", 0.05, 0.55, (0.1, 0.0, -1.0), k=0.4),),
    "calves": (Region("shin", 0.1, 0.5, (-1.0, 0.0, 0.0), k=0.35),),
    "core": (
        Region("pelvis", 0.55, 1.0, (1.0, 0.0, 0.0), k=0.45, sided=False),
        Region("chest", 0.0, 0.45, (1.0, 0.0, 0.0), k=0.45, sided=False),
    ),
    "obliques": (Region("chest", 0.0, 0.45, (0.2, 0.0, 1.0), k=0.45),),
    "lower-back": (Region("pelvis", 0.55, 1.0, (-1.0, 0.0, 0.0), k=0.45, sided=False),),
    "shoulders": (Region("upperarm", 0.0, 0.3, (0.0, 0.3, 1.0), k=0.2),),
}
