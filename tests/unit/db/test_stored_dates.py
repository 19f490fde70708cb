"""A session dated year 1 or 9999 (a file edited by hand) is left out and reported, never a crash."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hipdesk.cli import main
from hipdesk.domain.model import Routine, RoutineItem, SessionStatus, SetRecord, Side

ROUTINE = Routine("Dated", items=(RoutineItem("clamshell", sets=1, reps=5),))
BAD = {
    "year 1": "0001-01-01 00:00:00",
    "year 9999": "9999-12-31 23:59:59",
    "not a date": "garbage",
    "a month 13": "2025-13-01 00:00:00",
}


@pytest.fixture(params=["UTC", "Pacific/Auckland", "America/New_York"])
def zone(request, monkeypatch) -> Iterator[str]:
    """Year 1 at midnight UTC is before year 1 west of Greenwich, 9999-12-31 after 9999 east of it."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def record_session(repo, when: dt.datetime) -> int:
    saved = repo.save_routine(ROUTINE) if ROUTINE.name not in {r.name for r in repo.routines()} else None
    session = repo.start_session(saved or repo.routine(ROUTINE.name), started_at=when)
    start = when + dt.timedelta(seconds=5)
    record = SetRecord(
        "clamshell", Side.LEFT, 1, target_reps=5, actual_reps=5, started_at=start,
        ended_at=start + dt.timedelta(seconds=20),
    )  # fmt: skip
    repo.record_set(session, record, "Clamshell")
    repo.finish_session(session, SessionStatus.FINISHED, ended_at=when + dt.timedelta(minutes=1))
    return session


def edit_by_hand(db: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(db)
    try:
        with con:
            con.execute(sql, params)
    finally:
        con.close()


@pytest.mark.parametrize("bad", list(BAD))
def test_history_and_csv_leave_the_bad_session_out_and_say_so(
    bad: str, zone: str, repo, db_path: Path, tmp_path: Path, capsys
) -> None:
    good = record_session(repo, dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC))
    broken = record_session(repo, dt.datetime(2026, 3, 3, 7, 0, tzinfo=dt.UTC))
    repo.db.close()
    edit_by_hand(db_path, "UPDATE session SET started_at = ? WHERE id = ?", BAD[bad], broken)

    assert main(["history"]) == 0
    out, err = capsys.readouterr()
    assert "Dated" in out and len(out.strip().splitlines()) == 1
    assert (
        err.count("\n") == 1 and err.startswith("hipdesk: left out 1 record") and f"session {broken}" in err
    )

    assert main(["history", "--json"]) == 0
    out, err = capsys.readouterr()
    assert [s["id"] for s in json.loads(out)] == [good] and err.count("\n") == 1

    target = tmp_path / "history.csv"
    assert main(["export", "csv", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == [str(good)] and err.count("\n") == 1


def test_a_set_with_a_bad_time_is_left_out_and_the_session_kept(
    zone: str, repo, db_path: Path, capsys
) -> None:
    session = record_session(repo, dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC))
    repo.db.close()
    edit_by_hand(
        db_path, "UPDATE set_record SET ended_at = ? WHERE session_id = ?", BAD["year 9999"], session
    )
    assert main(["history", "--json"]) == 0
    out, err = capsys.readouterr()
    [shown] = json.loads(out)
    assert shown["id"] == session and shown["sets"] == [] and f"a set of session {session}" in err
    assert main(["history"]) == 0
    out, _ = capsys.readouterr()
    assert out.rstrip().endswith("0 sets done, 0 skipped")  # the set is not counted either


def test_the_history_page_opens_and_says_what_it_left_out(zone: str, qtbot, repo, db_path: Path) -> None:
    from hipdesk.views.shell.main_window import MainWindow

    record_session(repo, dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC))
    broken = record_session(repo, dt.datetime(2026, 3, 3, 7, 0, tzinfo=dt.UTC))
    other = record_session(repo, dt.datetime(2026, 3, 4, 7, 0, tzinfo=dt.UTC))
    edit_by_hand(db_path, "UPDATE session SET started_at = ?, ended_at = ? WHERE id = ?", BAD["year 1"],
                 BAD["year 1"], broken)  # fmt: skip
    edit_by_hand(db_path, "UPDATE session SET started_at = ? WHERE id = ?", BAD["year 9999"], other)
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show_page("history")
    page = window.history_page
    assert page.model.rowCount() == 1
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Left out session {broken}") and "1 more" in said
