"""Pure tests of the figure model: angle conventions, mirroring, interpolation, pose files, layering."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.domain.model import Dosage, Exercise, Kind, Muscle, Position, Range, Sidedness
from hipdesk.figures.animation import Animation, ease, figure_for_exercise, load_figure, placeholder_figure
from hipdesk.figures.checks import animation_problems, position_problems
from hipdesk.figures.kinematics import Pose, forward_kinematics
from hipdesk.figures.poses import PoseError, parse_pose_data
from hipdesk.figures.skeleton import BODY_POINTS, swap_side

FIGURES = Path(__file__).resolve().parents[3] / "hipdesk" / "figures"
PURE = ("vec", "skeleton", "kinematics", "poses", "animation", "scene", "muscles", "catalog", "checks")


def _close(a, b, tol=1e-6):  # type: ignore[no-untyped-def]
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_neutral_pose_stands_tall_facing_plus_x() -> None:
    body = forward_kinematics(Pose.neutral())
    p = body.points
    assert p["head"][1] > p["chest"][1] > p["pelvis"][1] > p["knee_r"][1] > p["ankle_r"][1]
    assert p["toe_r"][0] > p["heel_r"][0]  # feet point forward (+x)
    assert p["hip_r"][2] > 0 > p["hip_l"][2]  # +z is the right side


@pytest.mark.parametrize("side", ["l", "r"])
def test_angle_signs_are_anatomical(side: str) -> None:
    sign = 1 if side == "r" else -1
    flexed = forward_kinematics(Pose.from_angles({f"hip_{side}": {"flex": 90}}))
    knee, hip = flexed.points[f"knee_{side}"], flexed.points[f"hip_{side}"]
    assert knee[0] - hip[0] == pytest.approx(43, abs=0.1) and knee[1] == pytest.approx(hip[1], abs=0.1)
    abducted = forward_kinematics(Pose.from_angles({f"hip_{side}": {"abd": 30}}))
    assert abducted.points[f"knee_{side}"][2] * sign > 9 + 20  # outward
    bent = forward_kinematics(Pose.from_angles({f"knee_{side}": {"flex": 90}}))
    assert bent.points[f"ankle_{side}"][0] < bent.points[f"knee_{side}"][0] - 40  # heel goes back
    arm = forward_kinematics(Pose.from_angles({f"shoulder_{side}": {"flex": 90}}))
    assert arm.points[f"hand_{side}"][0] > 55  # arm raised forward


def test_body_orientation() -> None:
    on_back = forward_kinematics(Pose.from_angles({"body": {"pitch": -90}}))
    assert on_back.points["head"][0] < -60  # head behind, lying face up
    on_left_side = forward_kinematics(Pose.from_angles({"body": {"roll": 90}}))
    assert on_left_side.points["hip_l"][1] < on_left_side.points["hip_r"][1] - 15


def test_mirrored_pose_is_a_reflection() -> None:
    pose = Pose.from_angles(
        {
            "body": {"pitch": 20, "roll": 15, "yaw": 30},
            "spine": {"bend": 10, "twist": 12},
            "hip_r": {"flex": 80, "abd": 20, "rot": 30},
            "knee_r": {"flex": 60},
            "shoulder_l": {"flex": 40, "abd": 30},
            "elbow_l": {"flex": 70},
        }
    )
    a, b = forward_kinematics(pose), forward_kinematics(pose.mirrored())
    for name in BODY_POINTS:
        x, y, z = a.points[name]
        assert _close(b.points[swap_side(name)], (x, y, -z), 1e-6), name
    assert pose.mirrored().mirrored() == pose


def test_ease_and_loop_timing() -> None:
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    anim = load_figure("donkey-kicks").animation()
    times = anim.keyframe_times()
    for i, t in enumerate(times):
        assert _close(anim.frame_at(t).pose.values, anim.keyframes[i].pose.values)
        assert _close(anim.frame_at(t + anim.period).pose.values, anim.keyframes[i].pose.values)
    mid = anim.frame_at(times[0] + anim.keyframes[0].hold + anim.keyframes[0].move / 2).pose
    hip = mid.get("hip_r", "flex")
    assert min(anim.keyframes[0].pose.get("hip_r", "flex"), anim.keyframes[1].pose.get("hip_r", "flex")) < hip
    assert hip < max(anim.keyframes[0].pose.get("hip_r", "flex"), anim.keyframes[1].pose.get("hip_r", "flex"))


def test_mirrored_animation_swaps_the_working_side() -> None:
    figure = load_figure("donkey-kicks")
    right, left = figure.animation("right"), figure.animation("left")
    assert figure.animation(None) is right
    assert left.poses.side == "left"
    kick_r, kick_l = right.keyframe(1).body.points, left.keyframe(1).body.points
    assert kick_l["knee_l"][1] == pytest.approx(kick_r["knee_r"][1])
    assert kick_l["knee_l"][2] == pytest.approx(-kick_r["knee_r"][2])
    assert (left.view.azimuth - (180 - right.view.azimuth)) % 360 == pytest.approx(0)


def _minimal(**extra):  # type: ignore[no-untyped-def]
    data = {
        "format": 1,
        "exercise": "x",
        "side": "both",
        "keyframe": [{"name": "stand", "contacts": {"floor": ["heel_l", "heel_r"]}}],
    }
    data.update(extra)
    return data


def test_pose_file_errors_name_the_key() -> None:
    parse_pose_data(_minimal())
    with pytest.raises(PoseError, match=r"hip_r: flex.*outside"):
        parse_pose_data(_minimal(keyframe=[{"contacts": {"floor": ["heel_l"]}, "hip_r": {"flex": 170}}]))
    with pytest.raises(PoseError, match="unknown key"):
        parse_pose_data(_minimal(keyframe=[{"contacts": {"floor": ["heel_l"]}, "hip_r": {"bend": 10}}]))
    with pytest.raises(PoseError, match="not a body point"):
        parse_pose_data(_minimal(anchor="elbow"))
    with pytest.raises(PoseError, match="contacts"):
        parse_pose_data(_minimal(keyframe=[{"name": "floating"}]))
    with pytest.raises(PoseError, match="no step"):
        parse_pose_data(_minimal(keyframe=[{"contacts": {"step": ["heel_l"]}}]))
    with pytest.raises(PoseError, match="named for"):
        parse_pose_data(_minimal(), expected_id="other")


def test_keyframes_inherit_from_the_previous_one() -> None:
    pf = parse_pose_data(
        _minimal(
            keyframe=[
                {"contacts": {"floor": ["heel_l"]}, "hip_r": {"flex": 30}, "knee_r": {"flex": 20}},
                {"hip_r": {"flex": 60}},
            ]
        )
    )
    second = pf.keyframes[1]
    assert second.pose.get("hip_r", "flex") == 60 and second.pose.get("knee_r", "flex") == 20
    assert second.contacts == pf.keyframes[0].contacts


def test_placeholder_for_missing_or_user_exercises() -> None:
    assert load_figure("no-such-exercise").placeholder
    assert load_figure(None).placeholder
    fig = placeholder_figure("mine")
    assert fig.muscles == () and len(fig.animation().keyframes) == 1
    own = own_exercise(Position.STANDING)
    assert figure_for_exercise(own).placeholder and figure_for_exercise(own).exercise_id == "my-move"
    copy = Exercise(
        id="my-kicks",
        name="Kicks",
        kind=Kind.STRENGTH,
        position=Position.ALL_FOURS,
        sidedness=Sidedness.EACH_SIDE,
        dosage=Dosage(reps=Range(5, 5)),
        summary="s",
        steps=("a", "b"),
        primary_muscles=(Muscle.HAMSTRINGS,),
        builtin=False,
        based_on="donkey-kicks",
    )
    borrowed = figure_for_exercise(copy)
    assert not borrowed.placeholder and borrowed.muscles == ("hamstrings",)


def test_animation_of_single_keyframe_is_still() -> None:
    anim = Animation(placeholder_figure().poses)
    assert anim.sample_times() == [0.0]
    assert anim.frame_at(12.3).body.points == anim.keyframe(0).body.points


def test_pure_modules_import_no_qt_or_peewee() -> None:
    code = (
        "import sys\n"
        + "".join(f"import hipdesk.figures.{m}\n" for m in PURE)
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'peewee')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=FIGURES.parents[1])


def test_module_rules() -> None:
    for path in sorted(FIGURES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree)
        assert doc and doc.strip(), f"{path.name}: needs a docstring"
        body = tree.body[1:]
        assert isinstance(body[0], ast.ImportFrom) and body[0].module == "__future__", (
            f"{path.name}: future import"
        )
        imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        for name in imported:
            assert not name.startswith(("hipdesk.views", "hipdesk.db")), f"{path.name}: {name}"
            if path.stem in PURE:
                assert not name.startswith(("PySide6", "peewee")), f"{path.name} is pure but imports {name}"


def own_exercise(position: Position, based_on: str | None = None) -> Exercise:
    return Exercise(
        id="my-move",
        name="My move",
        kind=Kind.STRENGTH,
        position=position,
        sidedness=Sidedness.BILATERAL,
        dosage=Dosage(reps=Range(5, 5)),
        summary="s",
        steps=("a", "b"),
        primary_muscles=(Muscle.CORE,),
        builtin=False,
        based_on=based_on,
    )


@pytest.mark.parametrize("position", list(Position))
def test_an_own_exercise_stands_still_in_the_neutral_pose_of_its_position(position: Position) -> None:
    figure = figure_for_exercise(own_exercise(position))
    anim = figure.animation()
    assert figure.exercise_id == "my-move" and len(anim.keyframes) == 1
    assert position_problems(anim, position.value) == []
    assert animation_problems(anim) == []


def test_each_position_has_its_own_pose_and_a_copy_moved_elsewhere_follows_its_position() -> None:
    firsts = {p: figure_for_exercise(own_exercise(p)).poses.keyframes[0].pose for p in Position}
    assert len({tuple(pose.values) for pose in firsts.values()}) == len(Position)
    kept = figure_for_exercise(own_exercise(Position.ALL_FOURS, based_on="donkey-kicks"))
    assert not kept.placeholder and len(kept.poses.keyframes) > 1  # the donkey kick moves
    moved = figure_for_exercise(own_exercise(Position.LYING_SIDE, based_on="donkey-kicks"))
    assert len(moved.poses.keyframes) == 1
    assert position_problems(moved.animation(), "lying-side") == []
