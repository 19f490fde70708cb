"""One limit on the items of a routine, kept the same way by the editor, routine files, storage and resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.domain.serialize import MAX_ITEMS
from hipdesk.export.routine_file import read_routine_file, write_routine_file

ITEM = RoutineItem("clamshell", sets=1, reps=5)


def routine(count: int, name: str = "Long") -> Routine:
    return Routine(name, items=(ITEM,) * count)


def test_the_limit_is_500() -> None:
    assert MAX_ITEMS == 500


def test_the_longest_routine_is_stored_exported_imported_and_resumed(repo, tmp_path: Path) -> None:
    saved = repo.save_routine(routine(MAX_ITEMS))
    path = tmp_path / "long.hipdesk.json"
    write_routine_file(path, repo.routine(saved.name), {})
    loaded = read_routine_file(path)
    assert len(repo.import_routine(loaded.routine, loaded.exercises).items) == MAX_ITEMS
    session = repo.start_session(saved)
    repo.set_resume_step(session, 2 * MAX_ITEMS - 1)
    plan, step = repo.session_plan(session)
    assert len(plan.items) == MAX_ITEMS and step == 2 * MAX_ITEMS - 1


def test_one_more_is_refused_everywhere_in_one_sentence(repo, tmp_path: Path) -> None:
    before = repo.routines()
    with pytest.raises(ValidationError, match="at most 500 exercises") as caught:
        repo.save_routine(routine(MAX_ITEMS + 1))
    assert "\n" not in str(caught.value)
    saved = repo.save_routine(routine(MAX_ITEMS, "Full"))
    with pytest.raises(ValidationError, match="at most 500"):
        repo.save_routine(Routine("Full", items=(ITEM,) * (MAX_ITEMS + 1), id=saved.id))
    assert len(repo.routine("Full").items) == MAX_ITEMS
    with pytest.raises(ValidationError, match="at most 500"):
        repo.start_session(routine(MAX_ITEMS + 1))
    target = tmp_path / "too-long.hipdesk.json"
    with pytest.raises(ValidationError, match="at most 500"):
        write_routine_file(target, routine(MAX_ITEMS + 1), {})
    assert not target.exists()
    assert [r.name for r in repo.routines()] == [*(r.name for r in before), "Full"]
    assert repo.interrupted_sessions() == []


def test_the_editor_stops_at_the_limit_and_says_why(qtbot) -> None:
    from hipdesk.catalogue.loader import load_catalogue
    from hipdesk.views.routines.items_model import RoutineItemsModel

    model = RoutineItemsModel()
    model.set_routine([ITEM] * (MAX_ITEMS - 1), {ex.id: ex for ex in load_catalogue()})
    said: list[str] = []
    model.refused.connect(said.append)
    model.add_exercises(["clamshell"])
    assert model.rowCount() == MAX_ITEMS and said == []
    model.add_exercises(["bird-dog"])
    model.duplicate_rows([0])
    model.add_exercises(["bird-dog", "squat"], 0)
    assert model.rowCount() == MAX_ITEMS
    assert len(said) == 3 and all("at most 500 exercises" in s for s in said)
    model.undo_stack.undo()
    assert model.rowCount() == MAX_ITEMS - 1


def test_a_routine_stored_longer_before_the_limit_can_be_shortened_but_not_grown(repo, db_path: Path) -> None:
    import sqlite3

    saved = repo.save_routine(routine(MAX_ITEMS, "Old and long"))
    con = sqlite3.connect(db_path)
    with con:  # as an older HipDesk, which had no limit, could have stored it
        con.execute(
            "INSERT INTO routine_item (routine_id, position, exercise_id, section, sets, reps, sides, rest_s,"
            " rest_after_s, rep_mode, note) SELECT routine_id, position + 500, exercise_id, section, sets, reps,"
            " sides, rest_s, rest_after_s, rep_mode, note FROM routine_item WHERE routine_id = ? LIMIT 20",
            (saved.id,),
        )
    con.close()
    long = repo.routine("Old and long")
    assert len(long.items) == MAX_ITEMS + 20
    with pytest.raises(ValidationError, match="at most 500"):
        repo.save_routine(Routine(long.name, items=(*long.items, ITEM), id=long.id))
    shorter = repo.save_routine(Routine(long.name, items=long.items[1:], id=long.id))
    assert len(shorter.items) == MAX_ITEMS + 19
    with pytest.raises(ValidationError, match="at most 500"):
        repo.start_session(shorter)
