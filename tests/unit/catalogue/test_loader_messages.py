"""What a broken built-in exercise file is told as, word for word, and what loading adds to a good one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from hipdesk.catalogue.loader import CatalogueError, load_catalogue, parse_exercise
from hipdesk.resources import exercise_files


def copy(tmp_path: Path, name: str) -> Path:
    source = next(p for p in exercise_files() if p.name == name)
    return Path(shutil.copy(source, tmp_path / name))


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1, flags=re.S | re.M)
    assert changed != text, old
    path.write_text(changed, encoding="utf-8")
    return path


def message(path: Path) -> str:
    with pytest.raises(CatalogueError) as caught:
        parse_exercise(path)
    return str(caught.value)


def test_an_empty_folder_says_to_reinstall() -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([])
    assert (
        str(caught.value)
        == "exercise file exercises: field '(folder)': holds no exercise files: reinstall HipDesk"
    )


def test_one_exercise_twice_is_named() -> None:
    bridge = next(p for p in exercise_files() if p.name == "glute-bridge.toml")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue([bridge, bridge])
    assert str(caught.value) == "exercise file glute-bridge.toml: field 'id': appears twice"


def test_a_file_that_is_not_toml_or_not_text(tmp_path: Path) -> None:
    broken = tmp_path / "glute-bridge.toml"
    broken.write_text("id = = 3\n", encoding="utf-8")
    assert message(broken).startswith("exercise file glute-bridge.toml: field '(file)': is not valid TOML: ")
    broken.write_bytes(b"\xff\xfe\x00bad")
    assert message(broken).startswith("exercise file glute-bridge.toml: field '(file)': cannot be read: ")


def test_a_built_in_needs_two_steps(tmp_path: Path) -> None:
    path = edit(copy(tmp_path, "glute-bridge.toml"), r"^steps = \[.*?\n\]\n", 'steps = ["Lie down."]\n')
    assert message(path) == "exercise file glute-bridge.toml: field 'steps': needs at least 2 entries"
    edit(path, r'^steps = \["Lie down."\]\n', 'steps = ["Lie down.", "Lift."]\n')
    assert parse_exercise(path).steps == ("Lie down.", "Lift.")


def test_a_bilateral_exercise_has_no_sides(tmp_path: Path) -> None:
    path = edit(
        copy(tmp_path, "glute-bridge.toml"), r"^\[source\]", '[sides]\nleft = "x"\nfirst = "left"\n\n[source]'
    )
    assert message(path) == (
        "exercise file glute-bridge.toml: field 'sides': a bilateral exercise works both sides at once and has no sides"
    )


def test_a_pace_note_needs_its_pace(tmp_path: Path) -> None:
    path = edit(copy(tmp_path, "pretzel-stretch.toml"), r"^rep_s = 12\n", "")
    assert (
        message(path)
        == "exercise file pretzel-stretch.toml: field 'pace.note': explains a pace.rep_s the file does not give"
    )


def test_loading_marks_built_ins_adds_the_pace_note_and_keeps_the_articles_order(tmp_path: Path) -> None:
    pretzel = parse_exercise(copy(tmp_path, "pretzel-stretch.toml"))
    assert pretzel.builtin is True and pretzel.rep_s == 12
    assert pretzel.source is not None and pretzel.source.notes[-1].startswith("HipDesk's own pace")
    files = sorted(exercise_files(), key=lambda p: p.name, reverse=True)
    assert [ex.id for ex in load_catalogue(files)] == [ex.id for ex in load_catalogue()]
    assert [ex.id for ex in load_catalogue()][:3] == [
        "lunging-hip-flexor-stretch",
        "figure-4-stretch",
        "donkey-kicks",
    ]
