from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.cli import main
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.domain.serialize import exercise_to_dict
from hipdesk.export.routine_file import (
    FORMAT,
    MAX_BYTES,
    MAX_EXERCISES,
    VERSION,
    parse_routine_file,
    read_routine_file,
    write_routine_file,
)

MARKUP = '<b>x</b><img src="http://example.invalid/a.png" onerror="alert(1)">'


def snapshot(repo) -> tuple:
    """Everything an import could change."""
    return repo.routines(), repo.exercises(include_retired=True), repo.week_plan()


def good_data(**routine_patch) -> dict:
    routine = {
        "name": "Shared",
        "notes": "",
        "items": [{"exercise_id": "clamshell", "sets": 2, "reps": 12, "sides": "each"}],
    }
    routine.update(routine_patch)
    return {"format": FORMAT, "version": VERSION, "routine": routine, "exercises": []}


def test_round_trip_carries_own_exercises(repo, tmp_path: Path) -> None:
    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="Banded clam"))
    routine = repo.save_routine(
        Routine(
            MARKUP,
            items=(
                RoutineItem(mine.id, sets=3, reps=15, sides=ItemSides.EACH, note=MARKUP),
                RoutineItem("figure-4-stretch", hold_s=30, sides=ItemSides.LEFT),
            ),
        )
    )
    path = tmp_path / "r.hipdesk.json"
    write_routine_file(path, routine, {ex.id: ex for ex in repo.exercises()})
    loaded = read_routine_file(path)
    assert [ex.name for ex in loaded.exercises] == ["Banded clam"]
    assert loaded.routine.items == routine.items and loaded.routine.name == MARKUP


def test_import_into_another_database(repo, tmp_path: Path) -> None:
    from hipdesk.store import open_store

    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="Banded clam"))
    routine = repo.save_routine(Routine("Shared", items=(RoutineItem(mine.id, reps=10),)))
    path = tmp_path / "shared.hipdesk.json"
    write_routine_file(path, routine, {ex.id: ex for ex in repo.exercises()})
    other = open_store(tmp_path / "other.sqlite")
    try:
        loaded = read_routine_file(path)
        saved = other.import_routine(loaded.routine, loaded.exercises)
        assert saved.name == "Shared"
        assert other.exercise(saved.items[0].exercise_id).name == "Banded clam"
        # the same file again: a new name, the exercise reused, nothing overwritten
        again = other.import_routine(loaded.routine, loaded.exercises)
        assert again.name == "Shared (2)"
        assert [ex.name for ex in other.exercises() if not ex.builtin] == ["Banded clam"]
    finally:
        other.db.close()


def test_an_existing_name_gets_a_new_name(repo) -> None:
    loaded = parse_routine_file(json.dumps(good_data(name="Hip strength")).encode())
    saved = repo.import_routine(loaded.routine, loaded.exercises)
    assert saved.name == "Hip strength (2)"
    assert len(repo.routine("Hip strength").items) == 8  # the original is untouched


def test_a_clashing_exercise_id_gets_a_new_id(repo) -> None:
    mine = repo.create_exercise(replace(repo.exercise("bird-dog"), name="Mine"))
    data = good_data(items=[{"exercise_id": mine.id, "reps": 5}])
    theirs = exercise_to_dict(replace(mine, name="Theirs"))
    data["exercises"] = [theirs]
    loaded = parse_routine_file(json.dumps(data).encode())
    saved = repo.import_routine(loaded.routine, loaded.exercises)
    assert repo.exercise(mine.id).name == "Mine"
    assert repo.exercise(saved.items[0].exercise_id).name == "Theirs"


BAD_FILES = {
    "empty": b"",
    "whitespace": b"   \n",
    "not json": b"routine: hips",
    "binary": bytes(range(256)) * 10,
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "a list": b"[1, 2, 3]",
    "another format": json.dumps({"format": "other", "version": 1}).encode(),
    "newer version": json.dumps({**good_data(), "version": VERSION + 1}).encode(),
    "version as text": json.dumps({**good_data(), "version": "1"}).encode(),
    "unknown exercise": json.dumps(good_data(items=[{"exercise_id": "moonwalk", "reps": 5}])).encode(),
    "negative sets": json.dumps(
        good_data(items=[{"exercise_id": "clamshell", "sets": -2, "reps": 5}])
    ).encode(),
    "absurd reps": json.dumps(good_data(items=[{"exercise_id": "clamshell", "reps": 10**12}])).encode(),
    "reps as text": json.dumps(good_data(items=[{"exercise_id": "clamshell", "reps": "12"}])).encode(),
    "items not a list": json.dumps(good_data(items={"a": 1})).encode(),
    "name of megabytes": json.dumps(good_data(name="x" * 3_000_000)).encode(),
    "name missing": json.dumps(good_data(name=None)).encode(),
    "name a number": json.dumps(good_data(name=12)).encode(),
    "exercise broken": json.dumps({**good_data(), "exercises": [{"id": "my-x", "name": "X"}]}).encode(),
    "a 5,000-digit integer": json.dumps(good_data()).replace('"reps": 12', '"reps": ' + "9" * 5000).encode(),
    "a 5,000-digit version": json.dumps(good_data())
    .replace('"version": 1', '"version": ' + "1" * 5000)
    .encode(),
    "a lone surrogate in the name": json.dumps(good_data(name="Hips \ud800")).encode(),
    "a lone surrogate in a note": json.dumps(
        good_data(items=[{"exercise_id": "clamshell", "reps": 5, "note": "\udfff"}])
    ).encode(),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_change_nothing_and_say_why_in_one_line(repo, tmp_path: Path, capsys, kind: str) -> None:
    path = tmp_path / "bad.hipdesk.json"
    path.write_bytes(BAD_FILES[kind])
    before = snapshot(repo)
    with pytest.raises(ValidationError) as info:
        loaded = read_routine_file(path)
        repo.import_routine(loaded.routine, loaded.exercises)
    message = str(info.value)
    assert "\n" not in message and len(message) < 300
    assert snapshot(repo) == before
    repo.db.close()
    code = main(["import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and err.startswith("hipdesk: ") and len(err.strip().splitlines()) == 1


def test_cli_export_and_import(repo, tmp_path: Path, capsys) -> None:
    repo.db.close()
    target = tmp_path / "warm.hipdesk.json"
    assert main(["export", "routine", "Run warm-up", "-o", str(target)]) == 0
    assert json.loads(target.read_text())["routine"]["name"] == "Run warm-up"
    assert main(["import", str(target)]) == 0
    assert "Run warm-up (2)" in capsys.readouterr().out
    assert main(["export", "routine", "No such", "-o", str(target)]) == 1


def test_markup_name_is_kept_exactly(repo) -> None:
    loaded = parse_routine_file(json.dumps(good_data(name=MARKUP)).encode())
    saved = repo.import_routine(loaded.routine, loaded.exercises)
    assert repo.routine(saved.name).name == MARKUP


def _json_values() -> st.SearchStrategy:
    return st.recursive(
        st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=20,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    item=st.dictionaries(
        st.sampled_from(
            ["exercise_id", "sets", "reps", "hold_s", "work_s", "sides", "rest_s", "note", "section"]
        ),
        _json_values(),
    ),
    name=_json_values(),
)
def test_any_import_either_adds_one_whole_routine_or_changes_nothing(repo, item, name) -> None:
    data = good_data(name=name, items=[item])
    before = snapshot(repo)
    try:
        loaded = parse_routine_file(json.dumps(data).encode())
        saved = repo.import_routine(loaded.routine, loaded.exercises)
    except ValidationError:
        assert snapshot(repo) == before
    else:
        assert len(repo.routines()) == len(before[0]) + 1
        assert repo.routine(saved.name).items == saved.items
        repo.delete_routine(saved.id)


def _unblock_readers_of(fifo: Path, done: threading.Event, unblocked: list[bool] | None = None) -> None:
    """Should a reader wait on ``fifo``, open and close its other end so that the test fails, not hangs
    (and note in ``unblocked`` that a reader was waiting)."""
    while not done.wait(5):
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody reading
        else:
            if unblocked is not None:
                unblocked.append(True)


def test_a_pipe_or_a_folder_is_refused_before_it_is_opened(repo, tmp_path: Path) -> None:
    """Reading a FIFO would wait for a writer for ever, with the data locked."""
    fifo = tmp_path / "routine.hipdesk.json"
    os.mkfifo(fifo)
    done = threading.Event()
    guard = threading.Thread(target=_unblock_readers_of, args=(fifo, done))
    guard.start()
    try:
        with pytest.raises(ValidationError, match="pipe .*not a regular file"):
            read_routine_file(fifo)
        with pytest.raises(ValidationError, match="folder.*not a regular file"):
            read_routine_file(tmp_path)
        repo.db.close()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
        done_cli = subprocess.run(
            [sys.executable, "-m", "hipdesk", "import", str(fifo)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    finally:
        done.set()
        guard.join()
    assert done_cli.returncode == 1 and done_cli.stderr.startswith("hipdesk: Cannot read")
    assert done_cli.stderr.count("\n") == 1


def test_a_bad_file_is_refused_without_waiting_for_the_lock(repo, tmp_path: Path, capsys) -> None:
    from hipdesk.views.shell.single_instance import DataLock

    repo.db.close()
    path = tmp_path / "bad.hipdesk.json"
    path.write_bytes(b"not json")
    held = DataLock(Path(repo.db.database))
    assert held.acquire(0)
    try:
        assert main(["import", str(path)]) == 1
    finally:
        held.release()
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "in use" not in err


def test_many_exercises_with_one_name_each_get_their_own_id(repo) -> None:
    own = exercise_to_dict(repo.exercise("clamshell"))
    carried = []
    for n in range(60):
        carried.append({**own, "id": f"plank-{n}", "name": "Side plank", "builtin": False, "based_on": None})
    items = [{"exercise_id": ex["id"], "sets": 2, "reps": 10, "sides": "each"} for ex in carried]
    raw = json.dumps({**good_data(items=items), "exercises": carried}).encode()
    first = repo.import_routine(*_loaded(raw))
    again = repo.import_routine(*_loaded(raw))
    ids = [i.exercise_id for i in (*first.items, *again.items)]
    assert ids[:2] == ["my-side-plank", "my-side-plank-2"] and ids[-1] == "my-side-plank-120"
    assert len(set(ids)) == 120
    assert {repo.exercise(i).name for i in ids} == {"Side plank"}


def _loaded(raw: bytes) -> tuple:
    loaded = parse_routine_file(raw)
    return loaded.routine, loaded.exercises


CLAMSHELL = exercise_to_dict(next(ex for ex in load_catalogue() if ex.id == "clamshell"))


def _own(ex_id: str, **patch) -> dict:
    return {**CLAMSHELL, "id": ex_id, "name": f"Own {ex_id}", "builtin": False, "based_on": None, **patch}


def _padded(data: dict, size: int) -> bytes:
    """``data`` as JSON, after spaces that make it ``size`` bytes (its last byte is its closing brace)."""
    raw = json.dumps(data).encode()
    return b" " * (size - len(raw)) + raw


# what the runner reads when a file is refused: the file's name first, then why, in one sentence
REFUSALS = {
    "blank": (b"  \n", "{} is empty."),
    "over 5 MB": (_padded(good_data(), MAX_BYTES + 1), "{} is larger than 5 MB: not a routine file."),
    "binary": (bytes(range(256)), "{} is not a text file: not a routine file."),
    "nested": (b"[" * 100_000 + b"]" * 100_000, "{} is nested too deeply: not a routine file."),
    "bad JSON": (b'{\n  "a": }', "{} is not valid JSON (line 2, column 8)."),
    "long number": (
        json.dumps(good_data()).replace('"reps": 12', '"reps": ' + "9" * 5000).encode(),
        "{} holds a number far too long: not a routine file.",
    ),
    "lone surrogate": (
        json.dumps(good_data(name="Hips \ud800")).encode(),
        "{} holds text that is not valid Unicode: not a routine file.",
    ),
    "other format": (
        json.dumps({"format": "other", "version": 1}).encode(),
        "{} is not a HipDesk routine file.",
    ),
    "version 0": (json.dumps({**good_data(), "version": 0}).encode(), "{} has no valid format version."),
    "version true": (
        json.dumps({**good_data(), "version": True}).encode(),
        "{} has no valid format version.",
    ),
    "newer": (
        json.dumps({**good_data(), "version": VERSION + 1}).encode(),
        f"{{}} was written by a newer HipDesk (routine format {VERSION + 1}; this one reads {VERSION}).",
    ),
    "routine name": (json.dumps(good_data(name=12)).encode(), "{}, routine: field 'name': must be text"),
    "exercises not a list": (
        json.dumps({**good_data(), "exercises": {}}).encode(),
        "{}: 'exercises' must be a list of at most 500.",
    ),
    "second exercise broken": (
        json.dumps({**good_data(), "exercises": [_own("my-a"), {"id": "my-b"}]}).encode(),
        "{}, exercise 2: field 'dosage': needs reps, hold_s or work_s",
    ),
    "one exercise twice": (
        json.dumps({**good_data(), "exercises": [_own("my-a"), _own("my-a")]}).encode(),
        "{} lists the same exercise twice.",
    ),
}


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_a_refused_file_is_named_and_the_reason_given(tmp_path: Path, kind: str) -> None:
    raw, expected = REFUSALS[kind]
    path = tmp_path / "hips.hipdesk.json"
    path.write_bytes(raw)
    with pytest.raises(ValidationError) as read:
        read_routine_file(path)
    assert str(read.value) == expected.format("hips.hipdesk.json")
    with pytest.raises(ValidationError) as parsed:
        parse_routine_file(raw)  # bytes without a file name
    assert str(parsed.value) == expected.format("the file")


def test_a_file_of_exactly_5_mb_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.hipdesk.json"
    path.write_bytes(_padded(good_data(name="Padded"), MAX_BYTES))
    assert read_routine_file(path).routine.name == "Padded"


def test_a_file_may_carry_500_exercises_but_not_501() -> None:
    carried = [_own(f"my-{n}") for n in range(MAX_EXERCISES)]
    loaded = parse_routine_file(json.dumps({**good_data(), "exercises": carried}).encode())
    assert [ex.id for ex in loaded.exercises] == [f"my-{n}" for n in range(500)]
    too_many = json.dumps({**good_data(), "exercises": [*carried, _own("my-last")]}).encode()
    with pytest.raises(ValidationError, match="at most 500"):
        parse_routine_file(too_many)


def test_a_file_without_exercises_is_read() -> None:
    data = good_data()
    del data["exercises"]
    loaded = parse_routine_file(json.dumps(data).encode())
    assert loaded.exercises == () and loaded.routine.items[0].exercise_id == "clamshell"


def test_a_carried_exercise_is_the_runners_own_whatever_the_file_says(repo) -> None:
    """A file cannot add a built-in exercise: one marked built-in becomes the runner's own."""
    data = {**good_data(items=[{"exercise_id": "my-band-walk", "reps": 8}]), "exercises": []}
    data["exercises"] = [_own("my-band-walk", name="Band walk", builtin=True)]
    loaded = parse_routine_file(json.dumps(data).encode())
    assert [ex.builtin for ex in loaded.exercises] == [False]
    saved = repo.import_routine(loaded.routine, loaded.exercises)
    stored = repo.exercise(saved.items[0].exercise_id)
    assert (stored.id, stored.name, stored.builtin) == ("my-band-walk", "Band walk", False)


def test_the_written_file_keeps_letters_as_they_are(repo, tmp_path: Path) -> None:
    """Names with accents stay readable in the file, not as \\u escapes."""
    routine = repo.save_routine(Routine("Hüfte & Knöchel", items=(RoutineItem("clamshell", reps=10),)))
    path = tmp_path / "hüfte.hipdesk.json"
    write_routine_file(path, routine, {ex.id: ex for ex in repo.exercises()})
    raw = path.read_bytes()
    assert "Hüfte & Knöchel".encode() in raw and b"\\u" not in raw
    assert raw.endswith(b"}\n") and b'\n  "routine": {' in raw  # indented, one newline at the end


def test_a_pipe_put_in_place_after_the_check_is_refused_without_waiting(tmp_path: Path, monkeypatch) -> None:
    """The file is checked, then opened: a pipe in its place by then must not make reading wait."""
    monkeypatch.setattr("hipdesk.export.routine_file.regular_file_or_refuse", lambda path: None)
    fifo = tmp_path / "swapped.hipdesk.json"
    os.mkfifo(fifo)
    done, unblocked = threading.Event(), []
    guard = threading.Thread(target=_unblock_readers_of, args=(fifo, done, unblocked))
    guard.start()
    try:
        with pytest.raises(ValidationError) as info:
            read_routine_file(fifo)
    finally:
        done.set()
        guard.join()
    assert str(info.value) == f"Cannot read {fifo}: it is not a regular file."
    assert unblocked == []  # the reading never waited for a writer


def test_a_file_gone_after_the_check_is_one_sentence(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("hipdesk.export.routine_file.regular_file_or_refuse", lambda path: None)
    gone = tmp_path / "gone.hipdesk.json"
    with pytest.raises(ValidationError) as info:
        read_routine_file(gone)
    assert str(info.value) == f"Cannot read {gone}: No such file or directory."
