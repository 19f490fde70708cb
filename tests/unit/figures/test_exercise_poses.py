"""Every shipped pose file: valid, within range of motion, resting on what it says, inside its frame."""

from __future__ import annotations

import pytest

from hipdesk.figures.animation import Figure
from hipdesk.figures.catalog import all_exercises, exercise_info
from hipdesk.figures.checks import animation_problems, contact_problems, position_problems
from hipdesk.figures.poses import load_pose_file
from hipdesk.figures.scene import Tone, animation_bounds, build_scene, crop_line, shape_bounds
from hipdesk.resources import exercise_files, pose_file, resource_path

POSE_FILES = sorted(resource_path("exercises").glob("*.poses.toml"))
IDS = [p.name.removesuffix(".poses.toml") for p in POSE_FILES]
SIDES = ("left", "right")


def _figure(exercise_id: str) -> Figure:
    info = exercise_info(exercise_id)
    return Figure(
        exercise_id, load_pose_file(pose_file(exercise_id)), muscles=info.primary_muscles if info else ()
    )


def test_there_are_pose_files() -> None:
    assert len(POSE_FILES) >= 7


@pytest.mark.parametrize("exercise_id", IDS)
def test_pose_file_validates_and_matches_its_exercise(exercise_id: str) -> None:
    poses = load_pose_file(pose_file(exercise_id))
    info = exercise_info(exercise_id)
    assert info is not None, f"{exercise_id}.poses.toml has no exercise file"
    if info.sidedness == "each-side":
        assert poses.side in SIDES, "an each-side exercise says which side its keyframes show"
    else:
        assert poses.side == "both"
    if "mat" in info.equipment:
        assert poses.mat is not None
    if "step" in info.equipment:
        assert poses.step is not None and 10 <= poses.step.height <= 13
    if "resistance-band" in info.equipment and not any(w in info.id for w in ("side-plank",)):
        assert poses.band is not None


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("exercise_id", IDS)
def test_range_of_motion_contacts_and_floor(exercise_id: str, side: str) -> None:
    anim = _figure(exercise_id).animation(side)
    assert animation_problems(anim, per_second=30) == []


@pytest.mark.parametrize("exercise_id", IDS)
def test_position_reads_right(exercise_id: str) -> None:
    info = exercise_info(exercise_id)
    assert info is not None
    anim = _figure(exercise_id).animation()
    assert contact_problems(anim) == []
    assert position_problems(anim, info.position) == []


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("exercise_id", IDS)
def test_figure_stays_inside_its_frame(exercise_id: str, side: str) -> None:
    figure = _figure(exercise_id)
    anim = figure.animation(side)
    x0, y0, x1, y1 = animation_bounds(anim, figure.muscles)
    tol = 0.02 * max(x1 - x0, y1 - y0)  # the frame is fitted on a coarser sampling
    times = anim.sample_times(per_second=40) + [anim.period * (i + 0.5) / 97 for i in range(97)]
    cut = crop_line(anim)
    for t in times:
        scene = build_scene(anim.frame_at(t), anim.view, anim.props, figure.muscles, anim.poses.tint_side)
        shapes = scene.shapes
        if anim.view.fit == "body":  # the mat runs out of a picture fitted to the body on purpose
            shapes = [sh for sh in shapes if sh.tone not in (Tone.MAT, Tone.MAT_TOP)]
        b = shape_bounds(shapes)
        if cut is not None:  # a view with a top cuts the picture there on purpose
            b = (b[0], b[1], b[2], min(b[3], cut))
        assert b[0] >= x0 - tol and b[1] >= y0 - tol and b[2] <= x1 + tol and b[3] <= y1 + tol, f"t={t:.2f}"


def test_every_exercise_has_poses() -> None:
    ids = sorted(p.stem for p in exercise_files())
    missing = [i for i in ids if not pose_file(i).is_file()]
    assert len(ids) == 19, f"expected 19 exercises, found {len(ids)}"
    assert missing == [], f"{len(missing)} exercise(s) without poses: {', '.join(missing)}"


def test_catalog_reads_the_exercises() -> None:
    infos = all_exercises()
    assert infos and all(i.name and i.position for i in infos)


def test_mirrored_files_name_no_side_in_their_keyframes() -> None:
    """A one-sided file is mirrored for the other side, and its captions are not: they must fit both."""
    import re
    import tomllib

    for exercise_id in sorted(p.stem for p in exercise_files()):
        data = tomllib.loads(pose_file(exercise_id).read_text(encoding="utf-8"))
        if data.get("side") in ("left", "right"):
            for key in data.get("keyframe", []):
                assert not re.search(r"\b(left|right)\b", key.get("name", "")), (exercise_id, key["name"])
