"""The operations on exercises, routines, the week plan and sessions: what each stores, what it says
it changed, and that a refusal leaves the data as it was."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from hipdesk.app.changes import Change
from hipdesk.app.operations import exercises, plan, routines, sessions
from hipdesk.catalogue.starter import STRENGTH, STRETCH, WARM_UP
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RoutineItem, RunKind, SessionStatus


def _names_on(repo, weekday: int) -> list[str]:
    return [p.routine_name for p in repo.week_plan().days[weekday].routines]


# -- exercises ---------------------------------------------------------------------------------------
def test_a_draft_copy_is_not_stored_until_it_is_created(repo) -> None:
    before = [ex.id for ex in repo.exercises()]
    draft = exercises.draft_copy(repo, "clamshell")
    assert (draft.name, draft.based_on, draft.builtin) == ("Clamshell (my version)", "clamshell", False)
    assert [ex.id for ex in repo.exercises()] == before  # a cancelled dialog leaves nothing behind
    stored, change = exercises.create(repo, draft)
    assert change == Change.EXERCISES
    assert repo.exercise(stored.id).name == "Clamshell (my version)"


def test_duplicate_stores_a_named_copy_and_edit_and_delete_say_routines_may_show_it(repo) -> None:
    copy, change = exercises.duplicate(repo, "bird-dog", "My bird dog")
    assert change == Change.EXERCISES and repo.exercise(copy.id).based_on == "bird-dog"
    edited, change = exercises.edit(repo, replace(copy, name="Slow bird dog"))
    assert change == Change.EXERCISES | Change.ROUTINES
    assert repo.exercise(copy.id).name == edited.name == "Slow bird dog"
    assert exercises.delete(repo, copy.id) == Change.EXERCISES | Change.ROUTINES
    assert copy.id not in {ex.id for ex in repo.exercises(include_retired=True)}


def test_an_exercise_a_routine_uses_is_not_deleted(repo) -> None:
    copy, _change = exercises.duplicate(repo, "clamshell")
    routines.save(repo, replace(repo.routine(STRETCH), items=(RoutineItem(copy.id, reps=10),)))
    with pytest.raises(HipDeskError, match=STRETCH):
        exercises.delete(repo, copy.id)
    assert repo.exercise(copy.id).name == copy.name


# -- routines --------------------------------------------------------------------------------------
def test_create_rename_duplicate_and_delete_a_routine(repo) -> None:
    made, change = routines.create(repo)
    assert change == Change.ROUTINES and made.name == "New routine" and made.items == ()
    again, _change = routines.create(repo)
    assert again.name == "New routine (2)"
    assert made.id is not None
    assert routines.rename(repo, made.id, "Evening hips") == Change.ROUTINES | Change.PLAN
    assert "Evening hips" in repo.routine_names()
    copy, change = routines.duplicate(repo, repo.routine(STRENGTH))
    assert change == Change.ROUTINES and copy.name == f"{STRENGTH} (copy)"
    assert repo.routine(copy.name).items == repo.routine(STRENGTH).items
    assert copy.id is not None
    assert routines.delete(repo, copy.id) == Change.ROUTINES | Change.PLAN
    assert copy.name not in repo.routine_names()


def test_a_duplicate_takes_the_items_the_editor_shows(repo) -> None:
    shown = repo.routine(STRENGTH).items[:1]
    copy, _change = routines.duplicate(repo, repo.routine(STRENGTH), shown)
    assert repo.routine(copy.name).items == shown


def test_a_rename_onto_a_taken_name_is_refused_and_nothing_changes(repo) -> None:
    before = repo.routine_names()
    strength = repo.routine(STRENGTH)
    assert strength.id is not None
    with pytest.raises(HipDeskError, match="already a routine"):
        routines.rename(repo, strength.id, WARM_UP)
    assert repo.routine_names() == before


def test_a_renamed_routine_keeps_its_days_in_the_plan(repo) -> None:
    plan.set_day(repo, 2, [(STRENGTH, None)])
    strength = repo.routine(STRENGTH)
    assert strength.id is not None
    routines.rename(repo, strength.id, "Strong hips")
    assert _names_on(repo, 2) == ["Strong hips"]


# -- the week plan -----------------------------------------------------------------------------------
def test_set_clear_and_move_a_days_routines(repo) -> None:
    week, change = plan.set_day(repo, 0, [(STRENGTH, dt.time(18, 0)), (STRETCH, dt.time(7, 0))])
    assert change == Change.PLAN and week == repo.week_plan()
    assert _names_on(repo, 0) == [STRETCH, STRENGTH]  # in time order
    plan.set_day(repo, 4, [(WARM_UP, None)])
    plan.move_day(repo, 0, 4)
    assert _names_on(repo, 0) == []
    assert _names_on(repo, 4) == [STRETCH, STRENGTH, WARM_UP]  # the ones without a time last
    plan.clear_day(repo, 4)
    assert _names_on(repo, 4) == []


def test_the_run_of_a_day_is_kept_when_its_routines_change(repo) -> None:
    plan.set_run(repo, 5, RunKind.LONG)
    plan.set_day(repo, 5, [(STRETCH, None)])
    plan.clear_day(repo, 5)
    assert repo.week_plan().days[5].run is RunKind.LONG


def test_a_day_with_an_unknown_routine_or_weekday_is_refused_and_the_plan_stays(repo) -> None:
    before = repo.week_plan()
    with pytest.raises(HipDeskError, match="no routine named .No such routine"):
        plan.set_day(repo, 1, [(STRETCH, None), ("No such routine", None)])
    with pytest.raises(HipDeskError, match="not 7"):
        plan.clear_day(repo, 7)
    with pytest.raises(HipDeskError, match="already"):
        plan.move_day(repo, 3, 3)
    assert repo.week_plan() == before


# -- sessions ----------------------------------------------------------------------------------------
def _finished(repo) -> int:
    session_id = repo.start_session(repo.routine(STRETCH))
    repo.finish_session(session_id, SessionStatus.FINISHED)
    return int(session_id)


def test_a_deleted_session_comes_back_whole(repo) -> None:
    session_id = _finished(repo)
    sessions.set_notes(repo, session_id, "left hip tight")
    snapshot, change = sessions.delete(repo, session_id)
    assert change == Change.HISTORY
    assert [s.id for s in repo.sessions()] == []
    restored, change = sessions.restore(repo, snapshot)
    assert change == Change.HISTORY
    assert repo.session(restored).notes == "left hip tight"


def test_notes_too_long_are_refused_and_the_old_ones_kept(repo) -> None:
    session_id = _finished(repo)
    assert sessions.set_notes(repo, session_id, "easy") == Change.HISTORY
    with pytest.raises(HipDeskError):
        sessions.set_notes(repo, session_id, "x" * 5001)
    assert repo.session(session_id).notes == "easy"


def test_an_interrupted_session_kept_as_partial(repo) -> None:
    session_id = repo.start_session(repo.routine(STRETCH))
    assert sessions.keep_partial(repo, session_id) == Change.HISTORY
    assert repo.session(session_id).status is SessionStatus.PARTIAL
