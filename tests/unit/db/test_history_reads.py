"""The history as the storage hands it out: every field of a session and its sets as recorded, the
export's rows, the sessions progression hints look at, and deleting a session that is gone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from hipdesk.db import history_queries
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.history import ExportRow, SessionSummary, SetLine
from hipdesk.domain.model import SessionRecord, SessionStatus, SetRecord, Side

T0 = dt.datetime(2026, 3, 1, 6, 30, tzinfo=dt.UTC)
NOTES = "Tight on the right."


def _at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


HOLD = SetRecord("side_plank", Side.LEFT, 2, target_s=30, actual_s=27.5, item_index=1,
                 started_at=_at(60), ended_at=_at(87.5))  # fmt: skip
REPS = SetRecord("clamshell", Side.RIGHT, 1, target_reps=12, actual_reps=11, item_index=0,
                 started_at=_at(0), ended_at=_at(40))  # fmt: skip


def _recorded(repo) -> tuple[int, int]:
    """A finished session with feedback on both sides and notes, a rep set then a hold; (id, routine id)."""
    routine = repo.routines()[0]
    session_id = repo.start_session(routine, T0)
    repo.record_set(session_id, REPS, "Clamshell")
    repo.record_set(session_id, HOLD, "Side plank")
    repo.finish_session(session_id, SessionStatus.FINISHED, _at(120), rpe=7, discomfort_left=2,
                        discomfort_right=5, notes=NOTES)  # fmt: skip
    assert routine.id is not None
    return session_id, routine.id


def test_streamed_sessions_carry_the_feedback_and_every_set_field_as_recorded(repo) -> None:
    """Effort, each side's discomfort and the notes come back as saved, each in its own field; a set's
    seconds, target seconds and routine position too."""
    session_id, routine_id = _recorded(repo)
    expected = SessionRecord(
        id=session_id, routine_id=routine_id, routine_name=repo.routines()[0].name, started_at=T0,
        ended_at=_at(120), status=SessionStatus.FINISHED, rpe=7, discomfort_left=2, discomfort_right=5,
        notes=NOTES, sets=(REPS, HOLD), preview=False,
    )  # fmt: skip
    assert list(repo.session_records()) == [expected]
    [(listed, done, skipped)] = list(repo.listed_sessions())
    assert listed == replace(expected, sets=())  # listed without its sets
    assert (done, skipped) == (2, 0)


def test_export_rows_give_each_set_beside_its_session(repo) -> None:
    """Iterated, the export gives one row per set, the session's own columns beside each (the export
    carries no set counts: they stay at none), the sets in the routine's order."""
    session_id, _ = _recorded(repo)
    session = SessionSummary(
        id=session_id, routine_name=repo.routines()[0].name, started_at=T0, ended_at=_at(120),
        status=SessionStatus.FINISHED, sets_done=0, sets_skipped=0, rpe=7, discomfort_left=2,
        discomfort_right=5, notes=NOTES,
    )  # fmt: skip
    rows = list(repo.export_rows())
    assert rows == [
        ExportRow(session, SetLine(session_id, "clamshell", "Clamshell", Side.RIGHT, 1, 0, 12, None, 11,
                                   None, False, _at(0), _at(40))),
        ExportRow(session, SetLine(session_id, "side_plank", "Side plank", Side.LEFT, 2, 1, None, 30, None,
                                   27.5, False, _at(60), _at(87.5))),
    ]  # fmt: skip
    assert all(row.session.sets_done == 0 and row.session.sets_skipped == 0 for row in rows)


def test_progression_hints_look_at_the_latest_200_sessions_unless_told(repo) -> None:
    """With 201 sessions over, the oldest one is left out of the default read, by the repository and
    by the query alike; asked for 201, it is in."""
    routine = repo.routines()[0]
    ids = []
    with repo.db.atomic():
        for day in range(201):
            start = T0 + dt.timedelta(days=day)
            session_id = repo.start_session(routine, start)
            repo.record_set(session_id, SetRecord("clamshell", Side.RIGHT, 1, target_reps=10, actual_reps=10,
                                                  started_at=start, ended_at=start + dt.timedelta(seconds=30)),
                            "Clamshell")  # fmt: skip
            repo.finish_session(session_id, SessionStatus.FINISHED, start + dt.timedelta(minutes=5))
            ids.append(session_id)
    latest = set(ids[1:])
    assert {row.session_id for row in repo.recent_exercise_sessions()} == latest
    assert {row.session_id for row in history_queries.recent_exercise_sessions(repo.db)} == latest
    assert {row.session_id for row in repo.recent_exercise_sessions(201)} == set(ids)


def test_deleting_a_session_that_is_gone_says_so(repo) -> None:
    """A session deleted already (in another window, say) cannot be deleted again: the runner is told
    in a sentence, and nothing else goes."""
    session_id, _ = _recorded(repo)
    other, _ = _recorded(repo)
    repo.delete_session(session_id)
    with pytest.raises(HipDeskError) as raised:
        repo.delete_session(session_id)
    assert str(raised.value) == "That session no longer exists."
    assert repo.history_ids() == [other]
