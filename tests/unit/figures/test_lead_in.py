"""A pose file's lead-in plays once before the loop; muscles can be tinted on different sides."""

from __future__ import annotations

from typing import Any

import pytest

from hipdesk.figures.animation import Animation, Figure
from hipdesk.figures.checks import thumbnail_problems, travel_problems
from hipdesk.figures.poses import PoseError, parse_pose_data

FEET = {"floor": ["heel_l", "heel_r"]}


def _three_keyframes(**first: Any) -> dict[str, Any]:
    """Stand (hip 0), lift the right knee (hip 60), lift it higher (hip 100); each 1 s still, 1 s move."""
    return {
        "format": 1,
        "exercise": "x",
        "side": "right",
        "keyframe": [
            {"name": "stand", "hold": 1.0, "move": 1.0, "contacts": FEET, **first},
            {
                "name": "knee up",
                "hold": 1.0,
                "move": 1.0,
                "contacts": {"floor": ["heel_l"]},
                "hip_r": {"flex": 60},
            },
            {"name": "knee higher", "hold": 1.0, "move": 1.0, "hip_r": {"flex": 100}},
        ],
    }


def _hip(anim: Animation, t: float) -> float:
    return anim.frame_at(t).pose.get("hip_r", "flex")


def test_without_a_lead_in_every_keyframe_loops() -> None:
    anim = Animation(parse_pose_data(_three_keyframes()))
    assert anim.lead_in == 0 and anim.period == 6.0
    assert [_hip(anim, t) for t in (0.5, 2.5, 4.5, 6.5)] == [0, 60, 100, 0]


def test_a_lead_in_plays_once_then_the_loop_repeats_without_it() -> None:
    anim = Animation(parse_pose_data(_three_keyframes(lead_in=True)))
    assert anim.lead_in == 2.0 and anim.period == 4.0 and anim.duration == 6.0
    # first the lead-in: standing, then easing into the loop's first keyframe
    assert _hip(anim, 0.5) == 0
    assert 0 < _hip(anim, 1.5) < 60
    # the loop goes between its two keyframes and never back to standing
    seen = [_hip(anim, 2.0 + k * 0.1) for k in range(400)]
    assert min(seen) == pytest.approx(60) and max(seen) == pytest.approx(100)
    assert _hip(anim, 2.5) == _hip(anim, 2.5 + 4.0 * 7) == 60
    assert _hip(anim, 4.5) == _hip(anim, 4.5 + 4.0 * 3) == 100
    # the last loop keyframe eases back to the loop's first, not to the lead-in
    assert 60 < _hip(anim, 5.5) < 100
    assert anim.phase(2.5 + 4.0 * 7) == pytest.approx(2.5)
    assert anim.phase(1.5) == 1.5


def test_the_lead_in_is_mirrored_with_the_rest() -> None:
    poses = parse_pose_data(_three_keyframes(lead_in=True))
    left = Animation(poses.mirrored())
    assert left.lead_in == 2.0 and left.frame_at(4.5).pose.get("hip_l", "flex") == 100


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (1, "only the first keyframe"),
        ("all", "at least one keyframe must be outside the lead-in"),
        ("bad", "must be true or false"),
    ],
)
def test_a_lead_in_out_of_place_names_the_problem(where: Any, message: str) -> None:
    data = _three_keyframes()
    frames = data["keyframe"]
    if where == "all":
        for k in frames:
            k["lead_in"] = True
    elif where == "bad":
        frames[0]["lead_in"] = "yes"
    else:
        frames[where]["lead_in"] = True
    with pytest.raises(PoseError, match=message):
        parse_pose_data(data)


def test_muscles_can_be_tinted_on_different_sides() -> None:
    data = _three_keyframes()
    data["tint_side"] = {"hamstrings": "left", "glute-max": "right"}
    poses = parse_pose_data(data)
    assert poses.tint_side == "right"
    assert poses.tint_sides() == {"hamstrings": "left", "glute-max": "right"}
    assert poses.mirrored().tint_sides() == {"hamstrings": "right", "glute-max": "left"}
    data["tint_side"] = {"elbows": "left"}
    with pytest.raises(PoseError, match="tint_side.elbows"):
        parse_pose_data(data)
    data["tint_side"] = {"hamstrings": "up"}
    with pytest.raises(PoseError, match="tint_side.hamstrings"):
        parse_pose_data(data)


def _moving_only_in_the_lead_in() -> dict[str, Any]:
    """Stand, lift the knee (the lead-in), then hold the knee up: the loop does not move."""
    data = _three_keyframes()
    data["keyframe"][0]["lead_in"] = True
    data["keyframe"][2]["hip_r"] = {"flex": 60}
    return data


def test_a_movement_only_in_the_lead_in_is_too_small_to_see() -> None:
    moving = Animation(parse_pose_data(_three_keyframes(lead_in=True)))
    assert travel_problems(moving) == []
    still = Animation(parse_pose_data(_moving_only_in_the_lead_in()))
    assert len(travel_problems(still)) == 1


def test_the_thumbnail_check_compares_the_loop_s_keyframes_only() -> None:
    def draw(figure: Figure, keyframe: int, side: str | None, size: int) -> list[tuple[int, int, int]]:
        hip = figure.animation(side).keyframes[keyframe].pose.get("hip_r", "flex")
        return [(int(hip * 2),) * 3] * (size * size)  # a picture that changes with the knee

    moving = Figure("x", parse_pose_data(_three_keyframes(lead_in=True)))
    assert thumbnail_problems(moving, draw) == []
    still = Figure("x", parse_pose_data(_moving_only_in_the_lead_in()))
    assert len(thumbnail_problems(still, draw)) == 1
