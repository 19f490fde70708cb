"""Saving and renaming routines: the week plan follows the name, and what cannot be saved says why."""

from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.catalogue.starter import STRENGTH, WARM_UP
from hipdesk.db import backup
from hipdesk.db.base import NotFoundError
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan


def planned_names(repo) -> list[list[str]]:
    return [[p.routine_name for p in day.routines] for day in repo.week_plan().days]


def test_saving_a_routine_under_a_new_name_renames_it_in_the_week_plan(repo) -> None:
    warm_up, strength = repo.routine(WARM_UP), repo.routine(STRENGTH)
    days = [PlannedDay(d, RunKind.NONE, ()) for d in range(7)]
    days[1] = PlannedDay(1, RunKind.NONE, (PlannedRoutine(WARM_UP, dt.time(7, 0), warm_up.id),
                                          PlannedRoutine(STRENGTH, None, strength.id)))  # fmt: skip
    repo.save_week_plan(WeekPlan(days=tuple(days)))
    repo.save_routine(Routine("Morning hips", warm_up.items, id=warm_up.id))
    assert planned_names(repo)[1] == ["Morning hips", STRENGTH]


def test_saving_a_routine_deleted_meanwhile_is_refused_by_name(repo) -> None:
    warm_up = repo.routine(WARM_UP)
    repo.delete_routine(warm_up.id)
    with pytest.raises(NotFoundError) as gone:
        repo.save_routine(Routine("Morning hips", warm_up.items, id=warm_up.id))
    assert str(gone.value) == "The routine 'Morning hips' no longer exists."
    assert "Morning hips" not in repo.routine_names()


def test_every_unknown_exercise_is_named_in_order(repo) -> None:
    items = (
        RoutineItem("zig-zag", reps=5),
        RoutineItem("clamshell", reps=5),
        RoutineItem("moonwalk", reps=5),
    )
    with pytest.raises(ValidationError) as unknown:
        repo.save_routine(Routine("Odd", items))
    assert str(unknown.value) == "Unknown exercise id: moonwalk, zig-zag."


def test_a_rename_counts_as_a_change_of_the_data(repo, db_path) -> None:
    """The newest moment a file records picks the backup to restore: a rename moves it on."""
    repo.save_routine(Routine("Evening", (RoutineItem("clamshell", reps=5),)))
    before = backup.usable(db_path)[1]
    repo.rename_routine(repo.routine("Evening").id, "Late evening")
    after = backup.usable(db_path)[1]
    assert before and after > before
