"""What a runner meets after a session: which one is offered for resume, what a set write keeps, the detail."""

from __future__ import annotations

import datetime as dt

import pytest

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
