"""Exercise illustrations: a small posable 3D figure, its pose files, and (in Qt modules) its drawing.

The pure modules (``vec``, ``skeleton``, ``kinematics``, ``poses``, ``animation``, ``scene``,
``muscles``, ``catalog``) import neither Qt nor peewee. Only ``render``, ``widget``, ``batch`` and
``preview`` import PySide6; import them directly (``from hipdesk.figures.widget import FigureWidget``).
"""

from __future__ import annotations

from hipdesk.figures.animation import (
    Animation,
    Figure,
    figure_for_exercise,
    load_figure,
    placeholder_figure,
)
from hipdesk.figures.poses import PoseError, PoseFile, load_pose_file

__all__ = [
    "Animation",
    "Figure",
    "PoseError",
    "PoseFile",
    "figure_for_exercise",
    "load_figure",
    "load_pose_file",
    "placeholder_figure",
]
