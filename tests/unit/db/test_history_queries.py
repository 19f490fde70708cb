"""History queries over a generated history of 10 years of daily sessions, checked against plain Python."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from hipdesk.domain.history import DayTotal, SessionSummary
from hipdesk.domain.model import Routine, SessionStatus, SetRecord, Side


def _history_data():
    import importlib.util
    import sys

    name = "hipdesk_tests_history_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[2] / "history_data.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    from hipdesk.store import open_store

    path = tmp_path_factory.mktemp("history") / "ten-years.sqlite"
    repo = open_store(path)
    counts = _history_data().generate(repo, end=dt.date(2025, 6, 30))
    repo.db.execute_sql("VACUUM")
    repo.db.close()
    return path, counts


@pytest.fixture
def big(ten_years, db_path: Path):
    from hipdesk.store import open_store

    shutil.copy(ten_years[0], db_path)
    repo = open_store(db_path)
    yield repo
    repo.db.close()


def test_the_generated_history_is_ten_years_of_daily_sessions(ten_years) -> None:
    path, counts = ten_years
    assert counts["sessions"] == 3650
    assert 95_000 <= counts["sets"] <= 115_000
    assert path.stat().st_size < 30 * 1024 * 1024


def test_ids_newest_first_and_filtered(big) -> None:
    ids = big.history_ids()
    assert len(ids) == 3650
    rows = big.history_summaries(ids[:3])
    assert [r.started_at for r in rows] == sorted((r.started_at for r in rows), reverse=True)
    stretch = big.history_ids("Hip stretch")
    assert 1200 <= len(stretch) <= 1230
    assert {r.routine_name for r in big.history_summaries(stretch[:50])} == {"Hip stretch"}
    march = big.history_ids(None, dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert len(march) == 31
    days = {r.started_at.astimezone().date() for r in big.history_summaries(march)}
    assert min(days) == dt.date(2025, 3, 1) and max(days) == dt.date(2025, 3, 31)
    assert big.history_ids("Hip stretch", dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == [
        i for i in march if i in set(stretch)
    ]
    assert big.history_routine_names() == ["Hip strength", "Hip stretch", "Run warm-up"]


def test_summaries_count_sets_as_the_records_say(big) -> None:
    ids = big.history_ids()[:40]
    summaries = big.history_summaries(list(reversed(ids)))
    assert [s.id for s in summaries] == list(reversed(ids))  # the order asked for
    full = {s.id: s for s in big.sessions(session_ids=ids)}
    for s in summaries:
        sets = full[s.id].sets
        assert s.sets_done == sum(1 for r in sets if not r.skipped)
        assert s.sets_skipped == sum(1 for r in sets if r.skipped)
        assert s.status is full[s.id].status
        assert s.duration_s == pytest.approx((full[s.id].ended_at - full[s.id].started_at).total_seconds())


def test_day_totals_match_the_sessions(big) -> None:
    start, end = dt.date(2024, 12, 1), dt.date(2025, 2, 28)
    totals = big.day_totals(start, end)
    assert len(totals) == 90
    sessions = big.history_summaries(big.history_ids(None, start, end))
    finished = Counter(
        s.started_at.astimezone().date() for s in sessions if s.status is SessionStatus.FINISHED
    )
    for day, total in totals.items():
        assert total.finished == finished[day]
        assert total.sessions == 1
    assert sum(t.seconds for t in totals.values()) == pytest.approx(sum(s.duration_s for s in sessions))
    assert big.first_history_day() == dt.date(2025, 6, 30) - dt.timedelta(days=3649)
    assert big.history_count() == 3650


def test_exercise_progress_and_discomfort(big) -> None:
    names = dict(big.history_exercises())
    assert names["clamshell"] == "Clamshell"
    assert len(names) == 19  # the starter routines hold every exercise
    points = big.exercise_progress("clamshell", dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert {p.side for p in points} == {Side.LEFT, Side.RIGHT}
    assert all(p.value == 15 for p in points)  # the top of 10-15 reps, years in
    early = big.exercise_progress("clamshell", None, dt.date(2015, 12, 31))
    assert early and max(p.value for p in early) < 15
    hold = big.exercise_progress("figure-4-stretch", dt.date(2025, 6, 1))
    assert hold and all(p.value == pytest.approx(30) for p in hold)  # seconds
    discomfort = big.discomfort_by_day(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert len(discomfort) == 30
    assert all(0 <= p.left <= 10 and 0 <= p.right <= 10 for p in discomfort)


def test_recent_exercise_sessions(big) -> None:
    recent = big.recent_exercise_sessions(30)
    assert len({r.session_id for r in recent}) == 30
    clams = [r for r in recent if r.exercise_id == "clamshell"]
    assert clams and all(r.min_reps == 15 or r.done == 0 for r in clams)


def test_set_lines_with_names_in_routine_order(big) -> None:
    session_id = big.history_ids()[0]
    lines = big.session_sets(session_id)
    assert lines and all(line.session_id == session_id for line in lines)
    assert [line.item_index for line in lines] == sorted(line.item_index for line in lines)
    assert all(line.exercise_name for line in lines)


def test_delete_and_restore_a_session_whole(big) -> None:
    session_id = big.history_ids()[5]
    before = big.session(session_id)
    snapshot = big.delete_session(session_id)
    assert session_id not in big.history_ids()
    assert (
        big.db.execute_sql("SELECT COUNT(*) FROM set_record WHERE session_id = ?", [session_id]).fetchone()[0]
        == 0
    )
    assert big.restore_session(snapshot) == session_id
    assert big.session(session_id) == before


def test_a_restored_session_whose_id_was_taken_gets_a_new_one(repo) -> None:
    routine = repo.routines()[0]
    first = repo.start_session(routine)
    repo.record_set(
        first, SetRecord(exercise_id=routine.items[0].exercise_id, side=Side.BOTH, set_number=1), "X"
    )
    repo.finish_session(first, SessionStatus.FINISHED)
    snapshot = repo.delete_session(first)
    second = repo.start_session(routine)  # SQLite gives the freed id again
    assert second == first
    restored = repo.restore_session(snapshot)
    assert restored != first
    assert len(repo.session(restored).sets) == 1
    assert len(repo.session(second).sets) == 0


def test_a_restored_session_of_a_deleted_routine_keeps_its_name(repo) -> None:
    routine = repo.save_routine(Routine(name="Gone soon", items=repo.routines()[0].items))
    session_id = repo.start_session(routine)
    repo.finish_session(session_id, SessionStatus.FINISHED)
    snapshot = repo.delete_session(session_id)
    repo.delete_routine(routine.id)
    repo.restore_session(snapshot)
    restored = repo.session(session_id)
    assert restored.routine_id is None and restored.routine_name == "Gone soon"


def test_notes_are_saved_as_typed_and_bounded(repo) -> None:
    routine = repo.routines()[0]
    session_id = repo.start_session(routine)
    repo.finish_session(session_id, SessionStatus.FINISHED)
    repo.set_session_notes(session_id, "<b>left hip</b> tight\nnext line")
    assert repo.session(session_id).notes == "<b>left hip</b> tight\nnext line"
    from hipdesk.domain.errors import HipDeskError

    with pytest.raises(HipDeskError):
        repo.set_session_notes(session_id, "x" * 5001)
    with pytest.raises(HipDeskError):
        repo.set_session_notes(session_id + 100, "nobody")


def test_running_sessions_are_not_history(repo) -> None:
    routine = repo.routines()[0]
    running = repo.start_session(routine)
    done = repo.start_session(routine)
    repo.finish_session(done, SessionStatus.PARTIAL)
    assert repo.history_ids() == [done]
    (total,) = repo.day_totals().values()
    assert total == DayTotal(total.day, finished=0, partial=1, seconds=total.seconds)
    assert isinstance(repo.history_summaries([done, running])[0], SessionSummary)
    assert len(repo.history_summaries([done, running])) == 2  # asked by id, both are there
