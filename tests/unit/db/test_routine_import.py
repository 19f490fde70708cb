"""A routine from a file into the database: its own exercises reused, renamed or added, whole or not at all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hipdesk.catalogue.starter import STRENGTH, WARM_UP
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import Exercise, ItemSides, RepMode, Routine, RoutineItem
from hipdesk.domain.serialize import MAX_NAME


def own(repo, ex_id: str, name: str, **changes) -> Exercise:
    """An exercise as a file carries it: the runner's own, based on the clamshell's rules."""
    return replace(repo.exercise("clamshell"), id=ex_id, name=name, builtin=False, based_on=None, **changes)


def own_ids(repo) -> list[str]:
    return sorted(ex.id for ex in repo.exercises(include_retired=True) if not ex.builtin)


def test_a_carried_exercise_already_here_unchanged_is_reused(repo) -> None:
    mine = repo.create_exercise(own(repo, "my-band-walk", "Band walk"))
    saved = repo.import_routine(Routine("Shared", (RoutineItem(mine.id, reps=8),)), [mine])
    assert [i.exercise_id for i in saved.items] == [mine.id]
    assert own_ids(repo) == [mine.id]  # nothing added


def test_a_carried_exercise_whose_id_is_taken_by_another_gets_the_next_free_id(repo) -> None:
    mine = repo.create_exercise(own(repo, "my-band-walk", "Band walk"))
    theirs = replace(mine, summary="Their own way")
    saved = repo.import_routine(Routine("Shared", (RoutineItem(mine.id, reps=8),)), [theirs])
    assert [i.exercise_id for i in saved.items] == ["my-band-walk-2"]
    assert repo.exercise(mine.id).summary == mine.summary  # the runner's own is untouched
    assert repo.exercise("my-band-walk-2").summary == "Their own way"


def test_a_free_own_id_is_kept_and_any_other_id_becomes_an_own_one(repo) -> None:
    """``my-...`` ids are the runner's own: a free one is kept as it is; an id without it, or one a
    built-in exercise has, gets an own id made from the name."""
    items = (
        RoutineItem("my-airplane", reps=5),
        RoutineItem("their-side-plank", hold_s=20, sides=ItemSides.EACH),
        RoutineItem("clamshell", reps=12),  # a changed copy of the built-in one
        RoutineItem("squat", reps=10),  # built-in, not carried: stays as it is
    )
    carried = [
        own(repo, "my-airplane", "Hip airplane"),  # its id, not one made from its name
        own(repo, "their-side-plank", "Side plank"),
        own(repo, "clamshell", "Clamshell, banded"),
    ]
    saved = repo.import_routine(Routine("Shared", items, notes="From a friend"), carried)
    assert [i.exercise_id for i in saved.items] == [
        "my-airplane",
        "my-side-plank",
        "my-clamshell-banded",
        "squat",
    ]
    assert own_ids(repo) == ["my-airplane", "my-clamshell-banded", "my-side-plank"]
    assert repo.exercise("clamshell").builtin and repo.exercise("clamshell").name == "Clamshell"
    assert not repo.exercise("my-clamshell-banded").builtin
    stored = repo.routine("Shared")
    assert stored == saved and stored.notes == "From a friend"
    assert stored.items[1] == replace(items[1], exercise_id="my-side-plank")


def test_an_import_keeps_every_setting_of_each_item(repo) -> None:
    item = RoutineItem("glute-bridge", sets=3, reps=12, hold_s=2, sides=ItemSides.BOTH, rest_s=45,
                       rest_after_s=90, note="Squeeze at the top", section="Main",
                       rep_mode=RepMode.MANUAL)  # fmt: skip
    saved = repo.import_routine(Routine("Bridges", (item, replace(item, section="Cool-down"))), [])
    assert repo.routine("Bridges").items == (item, replace(item, section="Cool-down")) == saved.items


def test_an_imported_routine_comes_last_and_takes_the_next_free_name(repo) -> None:
    before = repo.routine_names()
    routine = Routine(STRENGTH, (RoutineItem("clamshell", reps=10),))
    first = repo.import_routine(routine, [])
    second = repo.import_routine(routine, [])
    assert (first.name, second.name) == (f"{STRENGTH} (2)", f"{STRENGTH} (3)")
    assert repo.routine_names() == [*before, f"{STRENGTH} (2)", f"{STRENGTH} (3)"]
    assert len(repo.routine(STRENGTH).items) == 8  # the routine already here is untouched


def test_a_longest_name_that_is_taken_is_shortened_to_fit_its_number(repo) -> None:
    longest = "L" * MAX_NAME
    routine = Routine(longest, (RoutineItem("clamshell", reps=10),))
    assert repo.import_routine(routine, []).name == longest
    second = repo.import_routine(routine, []).name
    third = repo.import_routine(routine, []).name
    assert (second, third) == ("L" * (MAX_NAME - 4) + " (2)", "L" * (MAX_NAME - 4) + " (3)")
    assert len(second) == MAX_NAME


def test_a_failing_import_adds_none_of_its_exercises(repo) -> None:
    carried = [own(repo, "my-hip-airplane", "Hip airplane")]
    items = (RoutineItem("my-hip-airplane", reps=5), RoutineItem("moonwalk", reps=5))
    before = (repo.routine_names(), own_ids(repo))
    with pytest.raises(ValidationError) as refused:
        repo.import_routine(Routine("Shared", items), carried)
    assert str(refused.value) == "Unknown exercise id: moonwalk."
    assert (repo.routine_names(), own_ids(repo)) == before


def test_a_blank_name_is_refused_before_anything_is_added(repo) -> None:
    carried = [own(repo, "my-hip-airplane", "Hip airplane")]
    with pytest.raises(ValidationError):
        repo.import_routine(Routine("   ", (RoutineItem("my-hip-airplane", reps=5),)), carried)
    assert own_ids(repo) == []
    assert WARM_UP in repo.routine_names()


def test_every_routine_is_listed_with_its_notes_and_a_missing_one_is_named(repo) -> None:
    from hipdesk.db.base import NotFoundError

    repo.import_routine(Routine("Evening", (RoutineItem("clamshell", reps=10),), notes="After the run"), [])
    listed = {r.name: r for r in repo.routines()}
    assert listed["Evening"].notes == "After the run" and listed["Evening"] == repo.routine("Evening")
    with pytest.raises(NotFoundError) as missing:
        repo.routine("Morning")
    assert str(missing.value) == "There is no routine named 'Morning'."


def test_an_id_kept_from_the_file_is_not_given_again_in_the_same_import(repo) -> None:
    """``my-side-plank`` is kept for the first; the second, also named Side plank, numbers on."""
    mine = repo.create_exercise(own(repo, "my-band-walk", "Band walk"))
    carried = [mine, own(repo, "my-side-plank", "Side plank"), own(repo, "their-plank", "Side plank")]
    items = tuple(RoutineItem(ex.id, reps=5) for ex in carried)
    saved = repo.import_routine(Routine("Planks", items), carried)
    assert [i.exercise_id for i in saved.items] == ["my-band-walk", "my-side-plank", "my-side-plank-2"]
    assert own_ids(repo) == ["my-band-walk", "my-side-plank", "my-side-plank-2"]
