"""The user's own exercises in numbers: made many at once, read again after edits, the routines' few."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hipdesk.db.models import ExerciseRow
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.store import open_store


def test_many_at_once_get_the_ids_one_at_a_time_would(repo, db_path) -> None:
    clam = repo.exercise("clamshell")
    names = ["Side clam", "Side clam", "Wall sit", "Side clam", "Clamshell"]
    repo.create_exercise(replace(clam, name="Side clam"))
    made = repo.create_exercises(replace(clam, name=n) for n in names)
    assert [ex.id for ex in made] == [
        "my-side-clam-2",
        "my-side-clam-3",
        "my-wall-sit",
        "my-side-clam-4",
        "my-clamshell",
    ]
    one_by_one = open_store(db_path.with_name("other.sqlite"))
    one_by_one.create_exercise(replace(clam, name="Side clam"))
    singles = [one_by_one.create_exercise(replace(clam, name=n)) for n in names]
    assert made == singles
    listed = {ex.id: ex for ex in repo.exercises() if not ex.builtin}
    assert listed == {ex.id: ex for ex in [*made, repo.exercise("my-side-clam")]}
    one_by_one.db.close()


def test_many_at_once_store_none_when_one_is_refused(repo) -> None:
    clam = repo.exercise("clamshell")
    with pytest.raises(ValidationError, match="name"):
        repo.create_exercises([replace(clam, name="Fine"), replace(clam, name="  ")])
    assert ExerciseRow.select().where(ExerciseRow.builtin == False).count() == 0  # noqa: E712


def test_an_edit_is_seen_when_the_list_is_read_again(repo) -> None:
    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="Side clam"))
    assert mine in repo.exercises()
    edited = repo.update_exercise(replace(mine, name="Side clam, slow", steps=("Lift slowly.",)))
    listed = {ex.id: ex for ex in repo.exercises()}
    assert listed[mine.id] == edited
    assert listed[mine.id].steps == ("Lift slowly.",)
    ExerciseRow.update(retired=True).where(ExerciseRow.slug == "bird-dog").execute()
    assert "bird-dog" not in {ex.id for ex in repo.exercises()}
    assert "bird-dog" in {ex.id for ex in repo.exercises(include_retired=True)}
    repo.delete_exercise(mine.id)
    assert mine.id not in {ex.id for ex in repo.exercises()}


def test_exercises_in_routines_are_those_the_routines_use(repo) -> None:
    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="Side clam"))
    repo.create_exercise(replace(repo.exercise("clamshell"), name="Unused clam"))
    repo.save_routine(Routine("Mine", items=(RoutineItem(mine.id, reps=10),)))
    used = repo.exercises_in_routines()
    in_routines = {i.exercise_id for name in repo.routine_names() for i in repo.routine(name).items}
    assert set(used) == in_routines
    assert used[mine.id] == mine
    assert "my-unused-clam" not in used
