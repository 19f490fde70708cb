from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from hipdesk.app.operations.exercises import duplicate
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.catalogue.starter import STRENGTH, WARM_UP
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import (
    ItemSides,
    PlannedDay,
    PlannedRoutine,
    Routine,
    RoutineItem,
    RunKind,
    SessionStatus,
    SetRecord,
    Side,
    WeekPlan,
)
from hipdesk.store import open_store

MARKUP = '<b>x</b><img src="http://example.invalid/a.png">'


def test_first_run_loads_the_library_and_starter_content(repo) -> None:
    assert len(repo.exercises()) == 19
    names = repo.routine_names()
    assert names[:3] == [WARM_UP, STRENGTH, "Hip stretch"]
    warm_up = repo.routine(WARM_UP)
    assert [i.exercise_id for i in warm_up.items] == ["glute-bridge", "clamshell", "bird-dog", "high-knees"]
    plan = repo.week_plan()
    assert plan.days[6].run is RunKind.LONG
    assert all(p.routine_id is not None for d in plan.days for p in d.routines)


def test_starter_content_is_added_once(repo, db_path) -> None:
    repo.delete_routine(repo.routine(WARM_UP).id)
    repo.db.close()
    again = open_store(db_path)
    try:
        assert WARM_UP not in again.routine_names()
    finally:
        again.db.close()


def test_catalogue_sync_updates_builtins_and_keeps_users_exercises(repo) -> None:
    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="My clam"))
    catalogue = load_catalogue()
    changed = [replace(ex, summary="Updated summary.") if ex.id == "bird-dog" else ex for ex in catalogue]
    changed = [ex for ex in changed if ex.id != "high-knees"]  # dropped from a future release
    assert repo.sync_catalogue(changed, "v-next") is True
    assert repo.sync_catalogue(changed, "v-next") is False  # nothing to do the second time
    assert repo.exercise("bird-dog").summary == "Updated summary."
    assert repo.exercise(mine.id).name == "My clam"
    assert "high-knees" not in [ex.id for ex in repo.exercises()]
    assert "high-knees" in [ex.id for ex in repo.exercises(include_retired=True)]


def test_a_users_exercise_is_never_overwritten_by_a_new_builtin_with_its_id(repo) -> None:
    catalogue = load_catalogue()
    mine = repo.create_exercise(replace(catalogue[0], name="Wall sit"))
    future = replace(catalogue[0], id=mine.id, name="Official wall sit")
    repo.sync_catalogue([*catalogue, future], "with-wall-sit")
    names = {ex.name for ex in repo.exercises() if not ex.builtin}
    assert names == {"Wall sit"}
    assert repo.exercise(mine.id).name == "Official wall sit"


def test_duplicate_and_edit_a_builtin(repo) -> None:
    copy = duplicate(repo, "bird-dog")[0]
    assert copy.id != "bird-dog" and copy.based_on == "bird-dog" and not copy.builtin
    edited = repo.update_exercise(replace(copy, name=MARKUP, steps=("One.", "Two.")))
    assert repo.exercise(copy.id).name == MARKUP  # kept exactly as typed
    assert edited.steps == ("One.", "Two.")
    assert repo.exercise("bird-dog").name == "Bird Dog"


def test_builtins_cannot_be_edited_or_deleted(repo) -> None:
    with pytest.raises(ValidationError, match="duplicate it"):
        repo.update_exercise(replace(repo.exercise("bird-dog"), name="Cat"))
    with pytest.raises(ValidationError, match="built in"):
        repo.delete_exercise("bird-dog")


def test_an_exercise_in_use_is_not_deleted(repo) -> None:
    mine = duplicate(repo, "clamshell")[0]
    repo.save_routine(Routine("Uses mine", items=(RoutineItem(mine.id, reps=10),)))
    with pytest.raises(ValidationError, match="Uses mine"):
        repo.delete_exercise(mine.id)
    assert repo.exercise(mine.id)


def test_routine_round_trip_and_replace(repo) -> None:
    routine = Routine(
        MARKUP,
        notes="notes",
        items=(
            RoutineItem("clamshell", sets=3, reps=15, sides=ItemSides.EACH, note="slow", section="Main"),
            RoutineItem("figure-4-stretch", hold_s=30, sides=ItemSides.LEFT, rest_after_s=0),
        ),
    )
    saved = repo.save_routine(routine)
    assert repo.routine(MARKUP) == saved
    shorter = repo.save_routine(replace(saved, items=saved.items[1:]))
    assert repo.routine(MARKUP).items == shorter.items


def test_routine_names_are_unique(repo) -> None:
    with pytest.raises(ValidationError, match="already a routine"):
        repo.save_routine(Routine(WARM_UP))
    assert repo.free_routine_name(WARM_UP) == f"{WARM_UP} (2)"
    with pytest.raises(ValidationError, match="needs a name"):
        repo.save_routine(Routine("   "))


def test_an_unknown_exercise_writes_nothing(repo) -> None:
    before = repo.routines()
    with pytest.raises(ValidationError, match="Unknown exercise id: no-such-move"):
        repo.save_routine(
            Routine("New", items=(RoutineItem("clamshell", reps=1), RoutineItem("no-such-move", reps=1)))
        )
    assert repo.routines() == before


def test_out_of_range_values_write_nothing(repo) -> None:
    saved = repo.routine(WARM_UP)
    bad = replace(saved, items=(replace(saved.items[0], sets=500),))
    with pytest.raises(ValidationError, match="out of range"):
        repo.save_routine(bad)
    assert repo.routine(WARM_UP) == saved


def test_deleting_a_planned_routine_leaves_a_marked_entry(repo) -> None:
    strength = repo.routine(STRENGTH)
    repo.delete_routine(strength.id)
    monday = repo.week_plan().days[0]
    assert monday.routines[0].routine_name == STRENGTH
    assert monday.routines[0].routine_id is None


def test_renaming_a_routine_renames_it_in_the_plan(repo) -> None:
    repo.rename_routine(repo.routine(STRENGTH).id, "Strong hips")
    assert repo.week_plan().days[0].routines[0].routine_name == "Strong hips"


def test_week_plan_round_trip(repo) -> None:
    r = repo.routine(WARM_UP)
    days = [PlannedDay(d) for d in range(7)]
    days[2] = PlannedDay(
        2, RunKind.RACE, (PlannedRoutine(r.name, dt.time(6, 45), r.id), PlannedRoutine(r.name, None, r.id))
    )
    plan = WeekPlan(days=tuple(days))
    repo.save_week_plan(plan)
    assert repo.week_plan() == plan


def test_a_day_reads_in_time_order_however_it_was_saved(repo) -> None:
    r, s = repo.routine(WARM_UP), repo.routine(STRENGTH)
    days = [PlannedDay(d) for d in range(7)]
    days[0] = PlannedDay(
        0,
        routines=(
            PlannedRoutine(r.name, None, r.id),
            PlannedRoutine(s.name, dt.time(7, 0), s.id),
            PlannedRoutine(r.name, dt.time(6, 45), r.id),
        ),
    )
    repo.save_week_plan(WeekPlan(days=tuple(days)))
    assert [p.time for p in repo.week_plan().days[0].routines] == [dt.time(6, 45), dt.time(7, 0), None]


def test_sessions_and_sets_round_trip(repo) -> None:
    routine = repo.routine(WARM_UP)
    # 13:30 in Auckland (summer time, +13:00) is 00:30 UTC: the stored time is the same moment
    start = dt.datetime(2026, 3, 29, 13, 30, tzinfo=dt.timezone(dt.timedelta(hours=13)))
    sid = repo.start_session(routine, start)
    record = SetRecord(
        "clamshell",
        Side.LEFT,
        1,
        target_reps=10,
        actual_reps=9,
        item_index=1,
        started_at=start,
        ended_at=start + dt.timedelta(seconds=40),
    )
    repo.record_set(sid, record, "Clamshell")
    repo.record_set(sid, replace(record, side=Side.RIGHT, skipped=True, actual_reps=None), "Clamshell")
    repo.finish_session(
        sid,
        SessionStatus.FINISHED,
        start + dt.timedelta(minutes=20),
        rpe=6,
        discomfort_left=2,
        discomfort_right=0,
        notes=MARKUP,
    )
    (session,) = repo.sessions()
    assert session.status is SessionStatus.FINISHED and session.rpe == 6 and session.notes == MARKUP
    assert session.started_at.isoformat() == "2026-03-29T00:30:00+00:00"
    assert session.sets[0] == record
    assert session.sets[0].ended_at.isoformat() == "2026-03-29T00:30:40+00:00"
    assert session.sets[1].skipped and session.sets[1].side is Side.RIGHT
    with pytest.raises(ValidationError, match="Effort"):
        repo.finish_session(sid, SessionStatus.FINISHED, rpe=11)


def test_a_set_done_again_replaces_its_record_and_the_resume_step_moves(repo) -> None:
    routine = repo.routine(WARM_UP)
    sid = repo.start_session(routine)
    first = SetRecord("glute-bridge", Side.BOTH, 1, target_reps=10, actual_reps=4, item_index=0)
    repo.record_set(sid, first, "Glute Bridge", resume_step=3)
    repo.record_set(sid, replace(first, actual_reps=10), "Glute Bridge", resume_step=5)
    (session,) = repo.interrupted_sessions()
    assert [s.actual_reps for s in session.sets] == [10]
    plan, step = repo.session_plan(sid)
    assert step == 5 and plan.items == routine.items and plan.id == routine.id


def test_an_interrupted_session_can_be_kept_as_partial(repo) -> None:
    sid = repo.start_session(repo.routine(WARM_UP), dt.datetime(2026, 5, 1, 7, 0, tzinfo=dt.UTC))
    end = dt.datetime(2026, 5, 1, 7, 4, tzinfo=dt.UTC)
    repo.record_set(sid, SetRecord("glute-bridge", Side.BOTH, 1, ended_at=end), "Glute Bridge")
    repo.keep_partial(sid)
    assert repo.interrupted_sessions() == []
    kept = repo.session(sid)
    assert kept.status is SessionStatus.PARTIAL and kept.ended_at == end and len(kept.sets) == 1


def test_feedback_is_checked_and_saved(repo) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    repo.save_feedback(sid, 7, 2, 5, MARKUP)
    saved = repo.session(sid)
    assert (saved.rpe, saved.discomfort_left, saved.discomfort_right, saved.notes) == (7, 2, 5, MARKUP)
    for bad in ((0, None, None), (None, 11, None), (None, None, -1)):
        with pytest.raises(ValidationError):
            repo.save_feedback(sid, *bad, "")
    assert repo.session(sid).rpe == 7


def test_the_starter_week_follows_the_articles_advice(repo) -> None:
    from hipdesk.domain.guidance import Rule, Severity, week_notes

    exercises = {ex.id: ex for ex in repo.exercises()}
    notes = week_notes(repo.week_plan(), repo.routines(), exercises)
    assert not [n.text for n in notes if n.severity is not Severity.INFO], "the starter week draws warnings"
    assert any(n.rule is Rule.AS_ADVISED for n in notes)
