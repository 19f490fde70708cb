"""What a runner meets after a session: which one is offered for resume, what a set write keeps, the detail."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from hipdesk.db.base import NotFoundError
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import SetRecord, Side

T0 = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)


def routine(repo):
    return repo.routine(repo.routine_names()[0])


def test_with_two_interrupted_sessions_the_newest_is_offered_first(repo) -> None:
    older = repo.start_session(routine(repo), T0)
    newer = repo.start_session(routine(repo), T0 + dt.timedelta(days=1))
    oldest = repo.start_session(routine(repo), T0 - dt.timedelta(days=3))  # written last, started first
    assert [s.id for s in repo.interrupted_sessions()] == [newer, older, oldest]


def test_history_lists_sessions_newest_first(repo) -> None:
    ids = [repo.start_session(routine(repo), T0 + dt.timedelta(hours=h)) for h in (5, 1, 30, 2)]
    listed = [s.id for s in repo.sessions()]
    assert listed == [ids[2], ids[0], ids[3], ids[1]]


def test_a_set_and_its_resume_step_are_written_together_or_not_at_all(repo) -> None:
    sid = repo.start_session(routine(repo), T0)
    first = SetRecord("glute-bridge", Side.BOTH, 1, target_reps=10, actual_reps=10, item_index=0)
    repo.record_set(sid, first, "Glute Bridge", resume_step=2)
    # another program (or a full disk) makes the resume-step update fail half way
    repo.db.execute_sql(
        "CREATE TRIGGER refuse_resume BEFORE UPDATE OF resume_step ON session "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    second = SetRecord("glute-bridge", Side.BOTH, 2, target_reps=10, actual_reps=9, item_index=0)
    with pytest.raises(Exception, match="refused"):
        repo.record_set(sid, second, "Glute Bridge", resume_step=4)
    (session,) = repo.interrupted_sessions()
    assert [s.set_number for s in session.sets] == [1]  # the second set went with its step
    assert repo.session_plan(sid)[1] == 2


def test_the_session_detail_lists_left_before_right_in_each_set(repo) -> None:
    sid = repo.start_session(routine(repo), T0)
    for set_number in (1, 2):
        for side in (Side.RIGHT, Side.LEFT):  # written right first
            record = SetRecord("clamshell", side, set_number, target_reps=12, actual_reps=12, item_index=0)
            repo.record_set(sid, record, "Clamshell")
    repo.record_set(
        sid, SetRecord("glute-bridge", Side.BOTH, 1, target_reps=10, item_index=1), "Glute Bridge"
    )
    lines = [(line.item_index, line.set_number, line.side) for line in repo.session_sets(sid)]
    assert lines == [
        (0, 1, Side.LEFT), (0, 1, Side.RIGHT), (0, 2, Side.LEFT), (0, 2, Side.RIGHT), (1, 1, Side.BOTH),
    ]  # fmt: skip


def test_each_session_resumes_with_its_own_routine_and_step(repo) -> None:
    """Two sessions cut short: each comes back with the routine it started with and its own place."""
    first_name, second_name = repo.routine_names()[:2]
    first = repo.start_session(repo.routine(first_name), T0)
    second = repo.start_session(repo.routine(second_name), T0 + dt.timedelta(hours=1))
    repo.set_resume_step(first, 3)
    repo.set_resume_step(second, 1)
    first_plan, first_step = repo.session_plan(first)
    second_plan, second_step = repo.session_plan(second)
    assert (first_plan.name, first_step) == (first_name, 3)
    assert (second_plan.name, second_step) == (second_name, 1)
    assert second_plan.items == repo.routine(second_name).items


def test_a_session_that_is_gone_says_so_in_plain_words(repo) -> None:
    """Opening or resuming a session deleted meanwhile tells the runner, word for word."""
    sid = repo.start_session(routine(repo), T0)
    with pytest.raises(NotFoundError) as detail:
        repo.session(sid + 100)
    assert str(detail.value) == "That session no longer exists."
    with pytest.raises(NotFoundError) as resume:
        repo.session_plan(sid + 100)
    assert str(resume.value) == "That session no longer exists."


def test_a_damaged_stored_routine_is_named_as_the_sessions_routine(repo) -> None:
    """Resuming a session whose stored routine lost its name says which routine is damaged."""
    sid = repo.start_session(routine(repo), T0)
    (plan_text,) = repo.db.execute_sql("SELECT plan FROM session WHERE id = ?", (sid,)).fetchone()
    plan = json.loads(plan_text)
    plan["name"] = ""
    repo.db.execute_sql("UPDATE session SET plan = ? WHERE id = ?", (json.dumps(plan), sid))
    with pytest.raises(ValidationError) as damaged:
        repo.session_plan(sid)
    assert str(damaged.value) == "the session's routine: field 'name': must not be empty"
