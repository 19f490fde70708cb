"""A --speed preview is stored marked as a preview and counts toward nothing; feedback not given is
stored as not given and shown as such in History, CSV and JSON."""

from __future__ import annotations

import datetime as dt
import json

from hipdesk.domain.model import ItemSides, Routine, RoutineItem, SessionStatus, SetRecord, Side

ROUTINE = Routine("Preview me", items=(RoutineItem("clamshell", sets=1, reps=2, sides=ItemSides.EACH),))


def _real_session(repo, routine, rpe=None) -> int:
    sid = repo.start_session(routine)
    now = dt.datetime.now(dt.UTC)
    record = SetRecord("clamshell", Side.LEFT, 1, target_reps=2, actual_reps=2, started_at=now, ended_at=now)
    repo.record_set(sid, record, "Clamshell")
    repo.finish_session(sid, SessionStatus.FINISHED)
    if rpe is not None:
        repo.save_feedback(sid, rpe, None, None, "")
    return sid


def test_a_speed_preview_is_stored_marked_and_counts_toward_nothing(qtbot, repo, monkeypatch) -> None:
    from hipdesk.views.session.launch import open_session

    routine = repo.save_routine(ROUTINE)
    real = _real_session(repo, routine)
    window = open_session(repo, routine, speed=200, full_screen=False)
    with qtbot.waitSignal(window.closed, timeout=20_000):
        pass  # a preview runs to the end and closes by itself (and lets its cue player go)
    preview, kept = repo.sessions()
    assert preview.preview and preview.status is SessionStatus.FINISHED and len(preview.sets) == 2
    assert not kept.preview
    # the History page, its charts, the streak, the hints and the CSV see only the real session
    assert repo.history_ids() == [real]
    assert repo.history_count() == 1
    (day,) = repo.day_totals().values()
    assert day.finished == 1
    assert len([r for r in repo.export_rows()]) == 1
    assert {s.session_id for s in repo.recent_exercise_sessions()} == {real}


def test_a_preview_can_still_be_resumed_after_a_crash(repo) -> None:
    routine = repo.save_routine(ROUTINE)
    sid = repo.start_session(routine, preview=True)
    (interrupted,) = repo.interrupted_sessions()
    assert interrupted.id == sid and interrupted.preview
    plan, step = repo.session_plan(sid)
    assert plan.name == ROUTINE.name and step == 0


def test_feedback_not_given_shows_as_not_given_in_history_csv_and_json(repo, capsys) -> None:
    from hipdesk.cli import main
    from hipdesk.export.csv_export import HEADER, row_cells
    from hipdesk.views.history.model import Column, HistoryModel

    routine = repo.save_routine(ROUTINE)
    _real_session(repo, routine, rpe=6)
    (summary,) = repo.history_summaries(repo.history_ids())
    assert (summary.rpe, summary.discomfort_left, summary.discomfort_right) == (6, None, None)
    table = HistoryModel(repo.history_summaries)
    table.set_ids(repo.history_ids())
    shown = [table.index(0, column).data() for column in (Column.EFFORT, Column.LEFT, Column.RIGHT)]
    assert shown == ["6/10", "", ""]
    (exported,) = list(repo.export_rows())
    row = dict(zip(HEADER, row_cells(exported), strict=True))
    assert row["effort"] == "6" and row["discomfort_left"] == "" and row["discomfort_right"] == ""
    repo.db.close()
    assert main(["history", "--json"]) == 0
    (session,) = json.loads(capsys.readouterr().out)
    assert session["rpe"] == 6 and session["discomfort"] == {"left": None, "right": None}
    assert session["preview"] is False
