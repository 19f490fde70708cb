"""The checks that catch a wrong figure: body parts passing through each other, and a movement too
small to see. Run on made-up poses and on every pose file in resources/exercises."""

from __future__ import annotations

from typing import Any

import pytest

from hipdesk.figures.animation import Animation, Figure
from hipdesk.figures.catalog import exercise_info
from hipdesk.figures.checks import overlap_problems, overlaps, travel_problems
from hipdesk.figures.kinematics import Pose, forward_kinematics
from hipdesk.figures.poses import load_pose_file, parse_pose_data
from hipdesk.resources import pose_file, resource_path

POSE_FILES = sorted(resource_path("exercises").glob("*.poses.toml"))  # any file added is checked too
IDS = [p.name.removesuffix(".poses.toml") for p in POSE_FILES]

# Figures known to fail a check until they are redrawn; strict, so a redrawn figure must drop its mark.
KNOWN_OVERLAPS: dict[str, str] = {}
KNOWN_SMALL_TRAVEL: dict[str, str] = {}


def _known(table: dict[str, str], exercise_id: str) -> Any:
    if exercise_id in table:
        return pytest.param(exercise_id, marks=pytest.mark.xfail(strict=True, reason=table[exercise_id]))
    return exercise_id


def _animation(keyframes: list[dict[str, Any]], **extra: Any) -> Animation:
    data: dict[str, Any] = {"format": 1, "exercise": "x", "side": "both", "keyframe": keyframes, **extra}
    return Animation(parse_pose_data(data))


ARMS = {"shoulder_l": {"abd": 6}, "shoulder_r": {"abd": 6}}  # hanging beside the thighs
STAND = {"name": "stand", "contacts": {"floor": ["heel_l", "heel_r"]}, "hold": 0.5, "move": 1.0, **ARMS}
SIT = {
    "name": "sit",
    "contacts": {"floor": ["pelvis"]},
    "hip_l": {"flex": 90},
    "hip_r": {"flex": 90},
    "shoulder_l": {"abd": 15},  # the left hand on the floor beside the thigh
}


def _arm_over_thigh(flex: float) -> dict[str, Any]:
    """Sitting, the right arm straight and brought in over the right thigh, ``flex`` from hanging."""
    return {**SIT, "shoulder_r": {"flex": flex, "abd": -8}}


def _hand_in_thigh(flex: float) -> float:
    body = (
        Animation(
            parse_pose_data(
                {"format": 1, "exercise": "x", "side": "both", "keyframe": [_arm_over_thigh(flex)]}
            )
        )
        .keyframe(0)
        .body
    )
    return overlaps(body).get(frozenset(("hand_r", "thigh_r")), 0.0)


def test_a_standing_figure_has_no_parts_inside_each_other() -> None:
    assert overlap_problems(_animation([STAND])) == []


def test_parts_that_share_a_joint_may_meet_there() -> None:
    # knee and elbow bent all the way: the shin folds onto the thigh, the forearm onto the upper arm
    body = forward_kinematics(Pose.from_angles({**ARMS, "knee_r": {"flex": 155}, "elbow_r": {"flex": 150}}))
    assert body.points["ankle_r"][1] > body.points["knee_r"][1] + 30  # folded indeed
    assert overlaps(body) == {}


def test_a_hand_resting_on_a_thigh_is_fine_and_one_pushed_into_it_is_caught() -> None:
    # lower the straight arm onto the thigh, half a degree at a time, until the hand first touches
    flex = 80.0
    while _hand_in_thigh(flex) == 0.0:
        flex -= 0.5
        assert flex > 0, "the hand never reached the thigh"
    assert overlap_problems(_animation([_arm_over_thigh(flex)])) == []
    problems = overlap_problems(_animation([_arm_over_thigh(flex - 8)]))
    assert problems and "hand_r and thigh_r" in problems[0], problems  # the deepest first


def test_legs_swinging_through_each_other_are_caught_between_keyframes() -> None:
    # the right leg swings across, from in front of the left leg to behind it: each keyframe is
    # clear, the frames between pass the right leg through the left one
    front = {**STAND, "name": "front", "contacts": {"floor": ["heel_l"]}, "hip_r": {"flex": 70, "abd": -25}}
    back = {**front, "name": "back", "hip_r": {"flex": -30, "abd": -25}}
    assert overlap_problems(_animation([front])) == [] and overlap_problems(_animation([back])) == []
    problems = overlap_problems(_animation([front, back]))
    assert any("_l" in p and "_r" in p for p in problems), problems


def test_a_movement_too_small_to_see_is_caught() -> None:
    small = _animation([STAND, {**STAND, "name": "lift", "hip_r": {"flex": 8}}])
    big = _animation([STAND, {**STAND, "name": "lift", "hip_r": {"flex": 60}}])
    assert travel_problems(small) != [] and travel_problems(big) == []


def test_the_movement_is_seen_through_the_exercises_camera() -> None:
    # a leg lifted out to the side moves a lot, but not when the camera looks along its path
    out = {**STAND, "name": "out", "hip_r": {"abd": 28}}
    front = _animation([STAND, out], view={"azimuth": 90, "elevation": 0})
    side_on = _animation([STAND, out], view={"azimuth": 0, "elevation": 0})
    assert travel_problems(front) == [] and travel_problems(side_on) != []


def test_a_still_picture_needs_no_movement_and_a_stretch_needs_less() -> None:
    assert travel_problems(_animation([STAND])) == []
    lean = _animation([STAND, {**STAND, "name": "lean", "spine": {"flex": 8}}])
    assert travel_problems(lean, "stretch") == [] and travel_problems(lean, "strength") != []


def _figure(exercise_id: str) -> Figure:
    info = exercise_info(exercise_id)
    return Figure(
        exercise_id, load_pose_file(pose_file(exercise_id)), muscles=info.primary_muscles if info else ()
    )


@pytest.mark.parametrize("exercise_id", [_known(KNOWN_OVERLAPS, i) for i in IDS])
def test_no_body_parts_pass_through_each_other(exercise_id: str) -> None:
    anim = _figure(exercise_id).animation()  # the other side is its mirror image
    assert overlap_problems(anim, per_second=30) == []


@pytest.mark.parametrize("exercise_id", [_known(KNOWN_SMALL_TRAVEL, i) for i in IDS])
def test_the_movement_is_a_visible_share_of_the_figure(exercise_id: str) -> None:
    info = exercise_info(exercise_id)
    assert info is not None
    assert travel_problems(_figure(exercise_id).animation(), info.kind) == []


# -- what the redrawn figures show, as the exercise steps say ---------------------------------------


def _surface_gap(body: Any, point: str, segment: tuple[str, str], point_radius: float) -> float:
    """How far (cm) the surface around ``point`` is from the surface of a limb segment."""
    from hipdesk.figures import vec
    from hipdesk.figures.skeleton import POINT_RADIUS

    a, b = body.points[segment[0]], body.points[segment[1]]
    p = body.points[point]
    ab = vec.sub(b, a)
    t = min(max(vec.dot(vec.sub(p, a), ab) / vec.dot(ab, ab), 0.0), 1.0)
    ra = POINT_RADIUS[segment[0].split("_")[0]]
    rb = POINT_RADIUS[segment[1].split("_")[0]]
    return vec.norm(vec.sub(p, vec.lerp(a, b, t))) - (ra + (rb - ra) * t) - point_radius


def _angle_between(u: Any, v: Any) -> float:
    import math

    from hipdesk.figures import vec

    return math.degrees(math.acos(max(-1.0, min(1.0, vec.dot(vec.unit(u), vec.unit(v))))))


def test_figure_4_the_crossed_ankle_rests_on_the_thigh_above_the_knee_and_that_knee_falls_open() -> None:
    from hipdesk.figures import vec

    anim = _figure("figure-4-stretch").animation()  # side = left: the left ankle crosses the right thigh
    for k in range(len(anim.keyframes)):
        body = anim.keyframe(k).body
        assert abs(_surface_gap(body, "ankle_l", ("hip_r", "knee_r"), 4.0)) < 2.0, k
        hip, knee, ankle = body.points["hip_r"], body.points["knee_r"], body.points["ankle_l"]
        along = vec.dot(vec.sub(ankle, hip), vec.unit(vec.sub(knee, hip))) / vec.norm(vec.sub(knee, hip))
        assert 0.7 < along < 1.0, f"keyframe {k}: the ankle rests {along:.2f} of the way down the thigh"
        # the crossed knee falls open: well out to the side of its hip
        assert body.points["hip_l"][2] - body.points["knee_l"][2] > 15, k
    pull = anim.keyframe(len(anim.keyframes) - 1).body
    for hand in ("hand_l", "hand_r"):  # both hands hold the back of the right thigh
        assert _surface_gap(pull, hand, ("hip_r", "knee_r"), 3.0) < 2.5, hand


def test_figure_4_is_seen_from_the_side_of_the_lying_body_so_the_4_shows() -> None:
    import math

    from hipdesk.figures import vec
    from hipdesk.figures.scene import Camera

    anim = _figure("figure-4-stretch").animation()
    cam = Camera(anim.view)
    pull = anim.keyframe(len(anim.keyframes) - 1).body

    def screen(a: str, b: str) -> tuple[float, float]:
        return cam.screen_dir(vec.sub(pull.points[b], pull.points[a]))

    # the trunk lies along the picture, not end-on behind the legs (seen from the feet it hid)
    trunk = vec.norm(vec.sub(pull.points["chest"], pull.points["pelvis"]))
    assert math.hypot(*screen("pelvis", "chest")) > 0.6 * trunk
    # the crossed shin crosses the supporting thigh on screen, and both show most of their length
    shin, thigh = screen("knee_l", "ankle_l"), screen("hip_r", "knee_r")
    cos = abs(shin[0] * thigh[0] + shin[1] * thigh[1]) / math.hypot(*shin) / math.hypot(*thigh)
    assert math.degrees(math.acos(cos)) > 40
    assert math.hypot(*shin) > 25 and math.hypot(*thigh) > 25
    # the camera is on the crossed leg's side, where its buttock is
    assert cam.toward[2] < -0.3


def test_clamshell_opens_to_35_40_degrees_with_the_feet_together() -> None:
    from hipdesk.figures import vec

    anim = _figure("clamshell").animation()
    angles = []
    feet = []
    for k in range(len(anim.keyframes)):
        body = anim.keyframe(k).body
        top = vec.sub(body.points["knee_r"], body.points["hip_r"])
        bottom = vec.sub(body.points["knee_l"], body.points["hip_l"])
        angles.append(_angle_between(top, bottom))
        feet.append(vec.sub(body.points["ankle_r"], body.points["ankle_l"]))
    assert min(angles) < 8 and 35 <= max(angles) <= 40, angles
    assert all(vec.norm(vec.sub(f, feet[0])) < 3 for f in feet), "the feet stay together"


def test_hip_hikes_the_free_foot_drops_below_and_rises_above_the_steps_top() -> None:
    from hipdesk.figures.kinematics import bottom

    anim = _figure("hip-hikes").animation()  # stands on the right foot
    step_top = anim.props.step[4] if anim.props.step else 0.0
    lows = [bottom(anim.keyframe(k).body, "heel_l") for k in range(len(anim.keyframes))]
    assert min(lows) < step_top - 4 and max(lows) > step_top + 4, lows
    assert 70 <= anim.view.azimuth <= 110 and anim.view.elevation <= 15, "a view from the front"


def test_hip_hikes_the_free_foot_passes_the_steps_top_by_2_px_in_the_list_thumbnail() -> None:
    from hipdesk.figures.checks import THUMBNAIL_SIZE, picture_size
    from hipdesk.figures.kinematics import bottom
    from hipdesk.figures.scene import Camera

    for side in ("right", "left"):
        anim = _figure("hip-hikes").animation(side)
        free = "heel_l" if side == "right" else "heel_r"
        step_top = anim.props.step[4] if anim.props.step else 0.0
        cam = Camera(anim.view)
        # the free foot's sole against the step's top edge, on screen, in pixels of the 48 px
        # thumbnail (the picture is fitted inside a 6 % margin on each side)
        px_per_cm = THUMBNAIL_SIZE * (1 - 2 * 0.06) / picture_size(anim)
        offsets = []
        for k in range(len(anim.keyframes)):
            body = anim.keyframe(k).body
            x, _, z = body.points[free]
            sole = cam.project((x, bottom(body, free), z))[1]
            offsets.append((sole - cam.project((x, step_top, z))[1]) * px_per_cm)
        assert min(offsets) <= -2.0 and max(offsets) >= 2.0, (side, offsets)


def test_pretzel_is_seen_from_behind_the_back_and_each_part_has_its_keyframe() -> None:
    from hipdesk.figures import vec
    from hipdesk.figures.scene import Camera

    anim = _figure("pretzel-stretch").animation()
    first = anim.keyframe(0).body
    back = vec.scale(vec.apply(first.frames["pelvis"], (1.0, 0.0, 0.0)), -1.0)
    toward_camera = Camera(anim.view).toward
    assert vec.dot(back, toward_camera) > 0.3, "the camera is behind the back"
    assert anim.view.elevation <= 45, "not from overhead"
    bodies = [anim.keyframe(k).body for k in range(len(anim.keyframes))]
    # one keyframe draws the top knee up toward the chest, another holds the bottom foot back
    assert any(b.points["knee_r"][2] - b.points["hip_r"][2] > 30 for b in bodies)
    assert any(_surface_gap(b, "hand_r", ("ankle_l", "toe_l"), 3.0) < 2.5 for b in bodies)
