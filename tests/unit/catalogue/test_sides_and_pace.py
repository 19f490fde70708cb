"""What "left side" means and how fast a rep goes, as the exercise files give them and the loader checks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hipdesk.catalogue.loader import CatalogueError, load_catalogue, parse_exercise
from hipdesk.domain.model import Side, Sidedness
from hipdesk.domain.rules import side_words
from hipdesk.resources import exercise_files

# The six exercises whose steps start with the right side; every other one-sided move starts left.
STARTS_RIGHT = {
    "donkey-kicks",
    "single-leg-bridge",
    "single-leg-squat",
    "three-legged-dog",
    "single-leg-deadlift",
    "head-to-knee-stretch",
}


@pytest.fixture(scope="module")
def catalogue():
    return {ex.id: ex for ex in load_catalogue()}


def test_every_one_sided_exercise_says_what_its_left_side_is(catalogue) -> None:
    one_sided = [ex for ex in catalogue.values() if ex.sidedness is not Sidedness.BILATERAL]
    assert len(one_sided) == 15
    for ex in one_sided:
        assert ex.side_words is not None, ex.id
        left, right = side_words(ex, Side.LEFT), side_words(ex, Side.RIGHT)
        assert re.search(r"\bleft\b", left, re.IGNORECASE), ex.id
        # the right side is the same limbs swapped: every "left" of one is a "right" of the other
        assert left.lower().count("left") == right.lower().count("right"), ex.id
        assert left.lower().count("right") == right.lower().count("left"), ex.id
    for ex in catalogue.values():
        if ex.sidedness is Sidedness.BILATERAL:
            assert ex.side_words is None and side_words(ex, Side.BOTH) == "", ex.id


def test_the_first_side_is_the_side_the_steps_start_with(catalogue) -> None:
    sided = {ex.id: ex.first_side for ex in catalogue.values() if ex.side_words is not None}
    assert {ex_id for ex_id, side in sided.items() if side is Side.RIGHT} == STARTS_RIGHT | {
        "bird-dog",  # left arm and right leg first: the right hip works first
        "high-knees",  # the right knee first
    }
    assert catalogue["clamshell"].first_side is Side.LEFT
    assert catalogue["donkey-kicks"].first_side is Side.RIGHT
    # the steps of those six name the right limb before the left one
    for ex_id in STARTS_RIGHT:
        text = " ".join(catalogue[ex_id].steps).lower()
        assert "right" in text, ex_id


def test_the_words_name_the_limb_that_works(catalogue) -> None:
    assert side_words(catalogue["single-leg-squat"], Side.LEFT) == (
        "Squat on your left leg, the right leg held out in front"
    )
    assert (
        side_words(catalogue["single-leg-bridge"], Side.RIGHT)
        == "Push through your right heel, the left leg raised"
    )
    assert side_words(catalogue["donkey-kicks"], Side.RIGHT).startswith("Kick with the right leg")
    assert side_words(catalogue["high-knees"], Side.BOTH).startswith("Right side first: the right knee")


def test_reps_go_at_each_exercises_own_pace_with_a_note_saying_so(catalogue) -> None:
    with_reps = [ex for ex in catalogue.values() if ex.dosage.reps is not None]
    for ex in with_reps:
        assert ex.rep_s is not None, ex.id
        assert any(n.startswith("HipDesk's own pace") and f"{ex.rep_s:g} s" in n for n in ex.source.notes), (
            ex.id
        )
    # a two-part twisting stretch takes far longer than a kick
    assert catalogue["pretzel-stretch"].rep_seconds >= 3 * catalogue["donkey-kicks"].rep_seconds
    # holds and timed work give no pace; reps added to them in a routine go at their kind's default
    assert catalogue["figure-4-stretch"].rep_s is None and catalogue["figure-4-stretch"].rep_seconds == 5.0
    assert catalogue["high-knees"].rep_seconds == 1.0


def _copy(tmp_path: Path, name: str) -> Path:
    for path in exercise_files():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / name


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("donkey-kicks.toml", 'first = "right"', 'first = "both"', "sides.first"),
        ("donkey-kicks.toml", 'first = "right"', 'first = "up"', "sides.first"),
        ("donkey-kicks.toml", "the left leg, the left knee", "one leg, its knee", "sides.left"),
        ("donkey-kicks.toml", "[sides]\nleft = ", "[sides]\nleft_words = ", "sides.left"),
        ("glute-bridge.toml", "[pace]", '[sides]\nleft = "left"\n\n[pace]', "sides"),
        ("donkey-kicks.toml", "rep_s = 3", "rep_s = 0", "pace.rep_s"),
        ("donkey-kicks.toml", "rep_s = 3", 'rep_s = "slow"', "pace.rep_s"),
        ("donkey-kicks.toml", "note = \"HipDesk's own pace", "notes = \"HipDesk's own pace", "pace.note"),
        ("donkey-kicks.toml", "rep_s = 3\n", "", "pace.note"),
    ],
)
def test_bad_sides_and_pace_name_the_file_and_the_field(
    tmp_path: Path, file: str, old: str, new: str, field: str
) -> None:
    target = _copy(tmp_path, file)
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        parse_exercise(target)
    assert info.value.field == field and file in str(info.value)


def test_a_one_sided_file_without_its_sides_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path, "clamshell.toml")
    text = target.read_text(encoding="utf-8")
    target.write_text(re.sub(r"(?ms)^\[sides\].*?\n\n", "", text), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"clamshell\.toml: field 'sides\.left': missing"):
        parse_exercise(target)


# The side each one-sided figure is drawn for, as every recorded session has shown it. Old records
# keep their meaning only while this holds: a pose file redrawn for the other side changes what
# recorded "left" sets meant, and needs a data version step that swaps them.
FIGURE_SIDES = {
    "clamshell": "right",
    "donkey-kicks": "right",
    "figure-4-stretch": "left",
    "head-to-knee-stretch": "right",
    "hip-hikes": "right",
    "lunging-hip-flexor-stretch": "left",
    "pretzel-stretch": "left",
    "side-plank-leg-abduction": "right",
    "single-leg-bridge": "right",
    "single-leg-deadlift": "right",
    "single-leg-squat": "right",
    "standing-hip-flexion": "right",
    "three-legged-dog": "right",
}


def test_the_figures_are_drawn_for_the_sides_old_records_were_made_with(catalogue) -> None:
    import tomllib

    folder = exercise_files()[0].parent
    each_side = {ex.id for ex in catalogue.values() if ex.sidedness is Sidedness.EACH_SIDE}
    assert each_side == set(FIGURE_SIDES)
    for ex_id, side in FIGURE_SIDES.items():
        poses = tomllib.loads((folder / f"{ex_id}.poses.toml").read_text(encoding="utf-8"))
        assert poses["side"] == side, ex_id
        # and the words for that side name that limb: the figure and the words agree
        words = side_words(catalogue[ex_id], Side(side)).lower()
        assert side in words, ex_id
