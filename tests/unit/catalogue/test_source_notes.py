"""The source notes say what the article says: readings named as HipDesk's, no slip blamed on the article
that it did not make."""

from __future__ import annotations

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import Range

EXERCISES = {ex.id: ex for ex in load_catalogue()}


def notes(exercise_id: str) -> str:
    source = EXERCISES[exercise_id].source
    assert source is not None
    return "\n".join(source.notes)


def test_the_glute_bridge_holds_several_seconds_and_rests_as_the_article_says() -> None:
    bridge = EXERCISES["glute-bridge"]
    assert bridge.dosage.hold_s == Range(3, 5)  # "several seconds" is more than two or three
    assert "Hold the pose for several seconds" in notes("glute-bridge")
    assert "3–5 s hold is HipDesk's reading" in notes("glute-bridge")
    assert "rest, and do it again" in notes("glute-bridge")


def test_no_note_says_the_article_never_gives_rest() -> None:
    for exercise_id in EXERCISES:
        assert "never gives rest" not in notes(exercise_id), exercise_id


def test_the_bird_dog_counts_reps_per_side_as_hipdesks_reading() -> None:
    assert "HipDesk's reading is 10–15 reps per side" in notes("bird-dog")


def test_standing_hip_flexion_does_not_blame_the_article_for_the_hamstrings() -> None:
    text = notes("standing-hip-flexion")
    assert "the hamstrings bend the knee" in text
    assert "not the hamstrings" not in text


def test_the_butterfly_stretch_adds_up() -> None:
    # 2 sets × 10 presses × 10 s at the low end of the article's numbers
    assert "200 s, 3 min 20 s, of stretching" in notes("butterfly-stretch")
