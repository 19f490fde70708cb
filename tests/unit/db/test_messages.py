"""What a runner reads when a write fails or a request names something gone, word for word."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from hipdesk.app.operations.exercises import duplicate
from hipdesk.catalogue.starter import STRENGTH, WARM_UP
from hipdesk.db import files
from hipdesk.db.backup import integrity_check
from hipdesk.db.history_queries import MAX_NOTES
from hipdesk.db.repo import NotFoundError, write_failure_reason
from hipdesk.domain.errors import HipDeskError, ValidationError
from hipdesk.domain.model import Routine, RoutineItem, SessionStatus, SetRecord, Side


def chained(first: BaseException, then: BaseException, *, cause: bool = False) -> BaseException:
    """``then`` raised while handling ``first`` (or ``from first`` with ``cause``), as Python chains them."""
    try:
        try:
            raise first
        except BaseException as exc:
            if cause:
                raise then from exc
            raise then  # noqa: B904  (an implicit chain is the point)
    except BaseException as raised:
        return raised
    raise AssertionError("unreachable")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
        (OSError("write failed: No space left"), "the disk is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk quota is used up"),
        (OSError("user quota reached"), "the disk quota is used up"),
        (OSError(errno.EROFS, "Read-only file system"), "the data file can no longer be written (read-only)"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "the data file can no longer be written (read-only)",
        ),
        (OSError(errno.EACCES, "Permission denied"), "[Errno 13] Permission denied"),
        (sqlite3.OperationalError(), "OperationalError"),
    ],
)
def test_a_failed_write_is_named_in_plain_words(error: BaseException, reason: str) -> None:
    assert write_failure_reason(error) == reason


def test_the_full_disk_behind_a_failed_rollback_is_what_the_runner_reads() -> None:
    hidden = sqlite3.OperationalError("database or disk is full")
    rollback = sqlite3.OperationalError("cannot rollback - no transaction is active")
    assert write_failure_reason(chained(hidden, rollback)) == "the disk is full"
    assert write_failure_reason(chained(hidden, rollback, cause=True)) == "the disk is full"
    # nothing of the chain names a known cause: the first error's own words
    first = chained(sqlite3.OperationalError("locked"), sqlite3.OperationalError("rollback failed"))
    assert write_failure_reason(first) == "locked"


def test_an_error_raised_from_none_hides_what_it_was_raised_in() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise sqlite3.OperationalError("the session could not be saved") from None
    except sqlite3.OperationalError as exc:
        assert write_failure_reason(exc) == "the session could not be saved"


def test_an_error_chained_to_itself_still_gets_an_answer() -> None:
    error = sqlite3.OperationalError("stuck")
    error.__context__ = error
    assert write_failure_reason(error) == "stuck"


def test_an_input_output_error_is_a_full_disk_only_when_the_disk_has_no_room(tmp_path: Path) -> None:
    error = sqlite3.OperationalError("disk I/O error")
    assert not files.is_disk_full(error, tmp_path / "hipdesk.sqlite")
    stats = os.statvfs(tmp_path)
    # a path not made yet is measured on the nearest folder that exists
    assert files.free_bytes(tmp_path / "not" / "made" / "yet.sqlite") == pytest.approx(
        stats.f_bavail * stats.f_frsize, rel=0.01
    )
    assert files.disk_full_text(tmp_path) == (
        f"The disk holding {tmp_path} is full: HipDesk could not write to it, and nothing was changed. "
        "Free some space, then try again."
    )


def test_renaming_a_routine_renames_it_in_the_week_and_says_why_it_cannot(repo) -> None:
    warm_up, strength = repo.routine(WARM_UP), repo.routine(STRENGTH)
    repo.rename_routine(warm_up.id, "Morning hips")
    assert repo.routine("Morning hips").items == warm_up.items
    assert WARM_UP not in repo.routine_names()
    planned = {
        p.routine_name for d in repo.week_plan().days for p in d.routines if p.routine_id == warm_up.id
    }
    assert planned == {"Morning hips"}
    others = {
        p.routine_name for d in repo.week_plan().days for p in d.routines if p.routine_id == strength.id
    }
    assert others <= {STRENGTH}
    with pytest.raises(ValidationError) as taken:
        repo.rename_routine(warm_up.id, STRENGTH)
    assert str(taken.value) == f"There is already a routine named '{STRENGTH}'."
    with pytest.raises(NotFoundError) as gone:
        repo.rename_routine(10_000, "Evening hips")
    assert str(gone.value) == "That routine no longer exists."


def test_session_notes_up_to_the_limit_are_kept_and_longer_ones_refused(repo) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    repo.set_session_notes(sid, "n" * MAX_NOTES)
    assert repo.session(sid).notes == "n" * MAX_NOTES
    with pytest.raises(ValidationError) as long:
        repo.set_session_notes(sid, "n" * (MAX_NOTES + 1))
    assert str(long.value) == "Notes can be at most 5000 characters long."
    assert repo.session(sid).notes == "n" * MAX_NOTES
    with pytest.raises(HipDeskError) as gone:
        repo.set_session_notes(sid + 100, "late")
    assert str(gone.value) == "That session no longer exists."


def test_an_exercise_in_use_names_the_routines_that_use_it(repo) -> None:
    mine = repo.create_exercise(replace(repo.exercise("clamshell"), name="Band clam", builtin=False))
    unused = repo.create_exercise(replace(repo.exercise("clamshell"), name="Spare clam", builtin=False))
    for name in ("Tuesday", "Friday"):
        repo.save_routine(Routine(name, (RoutineItem(mine.id, reps=10), RoutineItem("squat", reps=5))))
    with pytest.raises(ValidationError) as used:
        repo.delete_exercise(mine.id)
    assert str(used.value) in (
        "'Band clam' is used in Tuesday, Friday: remove it there first.",
        "'Band clam' is used in Friday, Tuesday: remove it there first.",
    )
    repo.delete_exercise(unused.id)  # in no routine: gone
    with pytest.raises(NotFoundError) as gone:
        repo.delete_exercise(unused.id)
    assert str(gone.value) == f"There is no exercise '{unused.id}'."


def test_an_import_gives_each_carried_exercise_a_free_id_of_its_own(repo) -> None:
    base = replace(repo.exercise("clamshell"), builtin=False)
    carried = [replace(base, id=f"their-{n}", name="Band walk", summary=f"version {n}") for n in (1, 2, 3)]
    routine = Routine("Shared", tuple(RoutineItem(ex.id, reps=10) for ex in carried))
    first = repo.import_routine(routine, carried)
    again = repo.import_routine(routine, carried)
    ids = [item.exercise_id for item in first.items]
    assert ids == ["my-band-walk", "my-band-walk-2", "my-band-walk-3"]
    assert [repo.exercise(i).summary for i in ids] == ["version 1", "version 2", "version 3"]
    # the second import finds each id taken by the first import's exercise and numbers on
    assert [item.exercise_id for item in again.items] == [
        "my-band-walk-4",
        "my-band-walk-5",
        "my-band-walk-6",
    ]


def test_a_check_names_each_broken_link_and_never_says_ok_beside_it(repo, db_path: Path) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    repo.db.close()
    with sqlite3.connect(db_path) as con:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("DELETE FROM session WHERE id = ?", [sid])
        con.execute(
            "INSERT INTO set_record (session_id, exercise_slug, exercise_name, side, set_number, item_index,"
            " skipped) VALUES (?, 'squat', 'Squat', 'both', 1, 0, 0)",
            [sid],
        )
        row = con.execute("SELECT max(rowid) FROM set_record").fetchone()[0]
    con.close()
    broken = [f"row {row} of set_record points to a missing row of session"]
    before = [p for p in files.sidecars(db_path) if p.exists()]
    assert integrity_check(db_path, alone=True) == broken
    assert [p for p in files.sidecars(db_path) if p.exists()] == before  # a check alone leaves nothing
    assert integrity_check(db_path) == broken


def test_a_check_of_a_file_that_is_no_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"shopping list: bands, mat\n" * 100)
    assert integrity_check(path) == ["file is not a database"]


def test_a_check_of_a_database_with_a_table_missing_names_it(repo, db_path: Path) -> None:
    repo.db.execute_sql("DROP TABLE run_keyword")
    repo.db.close()
    problems = integrity_check(db_path)
    assert problems and "ok" not in problems
    assert any("run_keyword" in p for p in problems), problems


@pytest.mark.parametrize(
    ("rpe", "left", "right", "message"),
    [
        (0, 0, 0, "Effort must be from 1 to 10."),
        (11, 0, 0, "Effort must be from 1 to 10."),
        (5, -1, 0, "Discomfort must be from 0 to 10."),
        (5, 0, 11, "Discomfort must be from 0 to 10."),
        (5, 11, 0, "Discomfort must be from 0 to 10."),
        (5, 0, -1, "Discomfort must be from 0 to 10."),
    ],
)
def test_feedback_out_of_its_scale_is_refused_in_words(repo, rpe, left, right, message) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    with pytest.raises(ValidationError) as refused:
        repo.save_feedback(sid, rpe, left, right, "")
    assert str(refused.value) == message


def test_feedback_at_both_ends_of_each_scale_is_kept(repo) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    for rpe, left, right in ((1, 0, 0), (10, 10, 10)):
        repo.save_feedback(sid, rpe, left, right, "")
        kept = repo.session(sid)
        assert (kept.rpe, kept.discomfort_left, kept.discomfort_right) == (rpe, left, right)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Band Walk — Left & Right!", "my-band-walk-left-right"),
        ("  Über Clam  ", "my-ber-clam"),
        ("!!!", "my-exercise"),
        ("Side-lying " + "leg " * 20, "my-side-lying" + "-leg" * 12 + "-l"),
        ("a" * 59 + " b", "my-" + "a" * 59),
    ],
)
def test_a_new_exercise_gets_an_id_from_its_name(repo, name: str, slug: str) -> None:
    made = repo.create_exercise(replace(repo.exercise("clamshell"), name=name, builtin=False))
    assert made.id == slug and not made.builtin
    assert repo.exercise(slug).name == name.strip() and not repo.exercise(slug).builtin
    again = repo.create_exercise(replace(repo.exercise("clamshell"), name=name, builtin=False))
    assert again.id == slug + "-2"


def test_a_copy_of_a_built_in_is_the_users_and_remembers_where_it_came_from(repo) -> None:
    copy = duplicate(repo, "clamshell")[0]
    assert (copy.id, copy.name, copy.builtin, copy.based_on) == (
        "my-clamshell-my-version", "Clamshell (my version)", False, "clamshell",
    )  # fmt: skip
    named = duplicate(repo, "clamshell", "Banded clam")[0]
    assert (named.name, named.based_on) == ("Banded clam", "clamshell")
    assert repo.exercise(named.id).based_on == "clamshell"
    with pytest.raises(NotFoundError) as gone:
        repo.update_exercise(replace(named, id="my-no-such"))
    assert str(gone.value) == "There is no exercise 'my-no-such'."
    with pytest.raises(ValidationError) as unnamed:
        repo.create_exercise(replace(named, name="  "))
    assert str(unnamed.value) == "An exercise needs a name."
    with pytest.raises(ValidationError) as unnamed:
        repo.update_exercise(replace(named, name=""))
    assert str(unnamed.value) == "An exercise needs a name."


def test_a_session_kept_as_partial_ends_with_its_own_last_set(repo) -> None:
    t0 = dt.datetime(2026, 5, 1, 7, 0, tzinfo=dt.UTC)
    first = repo.start_session(repo.routine(WARM_UP), t0)
    other = repo.start_session(repo.routine(WARM_UP), t0 + dt.timedelta(hours=1))
    empty = repo.start_session(repo.routine(WARM_UP), t0 + dt.timedelta(hours=3))
    repo.record_set(
        first, SetRecord("glute-bridge", Side.BOTH, 1, ended_at=t0 + dt.timedelta(minutes=4)), "B"
    )
    repo.record_set(other, SetRecord("glute-bridge", Side.BOTH, 1, ended_at=t0 + dt.timedelta(hours=2)), "B")
    repo.keep_partial(first)
    repo.keep_partial(empty)
    assert repo.session(first).ended_at.isoformat() == "2026-05-01T07:04:00+00:00"
    assert repo.session(empty).ended_at.isoformat() == "2026-05-01T10:00:00+00:00"  # no set: its start
    assert repo.session(first).status is SessionStatus.PARTIAL
    with pytest.raises(NotFoundError) as gone:
        repo.keep_partial(empty + 100)
    assert str(gone.value) == "That session no longer exists."


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EDQUOT, "Disk quota exceeded"),
        sqlite3.OperationalError("database or disk is full"),
        RuntimeError("write: No space left on device"),
    ],
)
def test_a_full_disk_is_recognised_also_behind_the_error_it_caused(tmp_path: Path, error) -> None:
    assert files.is_disk_full(error, tmp_path)
    later = chained(error, sqlite3.OperationalError("cannot rollback - no transaction is active"))
    assert files.is_disk_full(later, tmp_path)
    assert files.is_disk_full(chained(error, RuntimeError("closing"), cause=True), tmp_path)


def test_other_errors_are_no_full_disk(tmp_path: Path) -> None:
    assert not files.is_disk_full(OSError(errno.EACCES, "Permission denied"), tmp_path)
    assert not files.is_disk_full(sqlite3.OperationalError("database is locked"), tmp_path)
    assert not files.is_disk_full(None, tmp_path)


def test_a_restore_names_why_a_file_cannot_take_the_datas_place(repo, db_path: Path, tmp_path: Path) -> None:
    from hipdesk.db.backup import BackupError
    from hipdesk.db.recovery import check_replacement

    repo.db.close()
    missing = tmp_path / "gone.sqlite"
    with pytest.raises(BackupError) as refused:
        check_replacement(missing, db_path)
    assert str(refused.value) == f"There is no file {missing}."
    with pytest.raises(BackupError) as refused:
        check_replacement(db_path, db_path)
    assert str(refused.value) == f"{db_path} is the data file itself."
    good = tmp_path / "copy.sqlite"
    good.write_bytes(db_path.read_bytes())
    check_replacement(good, tmp_path / "not-made-yet.sqlite")  # no data file yet: any good backup will do
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # inner pages broken, the header intact
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError) as refused:
        check_replacement(damaged, db_path)
    assert str(refused.value).startswith(f"{damaged} is not a usable backup (")
    assert "ok)" not in str(refused.value)


def test_deleting_a_routine_deletes_that_one_only(repo) -> None:
    names = repo.routine_names()
    repo.delete_routine(repo.routine(WARM_UP).id)
    assert repo.routine_names() == [n for n in names if n != WARM_UP]


def test_a_third_exercise_of_one_name_gets_the_next_number(repo) -> None:
    ids = [
        repo.create_exercise(replace(repo.exercise("squat"), name="Wall sit", builtin=False)).id
        for _ in range(3)
    ]
    assert ids == ["my-wall-sit", "my-wall-sit-2", "my-wall-sit-3"]


def test_a_restore_says_where_the_data_that_was_there_is_kept(db_path: Path, tmp_path: Path) -> None:
    import re
    import shutil

    from hipdesk.db.recovery import restore_file
    from hipdesk.store import open_store

    def volume() -> int:
        repo = open_store(db_path)
        try:
            return int(repo.meta("volume") or 0)
        finally:
            repo.db.close()

    repo = open_store(db_path)
    repo.set_meta("volume", "11")
    repo.db.close()
    saved = tmp_path / "saved.sqlite"
    shutil.copy(db_path, saved)
    repo = open_store(db_path)
    repo.set_meta("volume", "99")
    repo.db.close()
    now = dt.datetime(2026, 5, 1, 7, 0, tzinfo=dt.UTC)
    told = restore_file(db_path, saved, now)
    kept = db_path.parent / "backups" / "hipdesk.before-restore-20260501-070000Z.sqlite"
    assert told == f"restored {db_path} from {saved}; the data as it was is in {kept}"
    assert volume() == 11
    shutil.copy(kept, db_path)  # the data as it was, back in place
    assert volume() == 99

    for content, label in ((b"not a database " * 500, "damaged"), (b"", "replaced")):
        db_path.write_bytes(content)
        told = restore_file(db_path, saved, now)
        found = re.fullmatch(rf"restored {re.escape(str(db_path))} from {re.escape(str(saved))}; "
                             rf"the file that was there is now (.+)", told)  # fmt: skip
        assert found, told
        moved = Path(found[1])
        assert re.fullmatch(rf"hipdesk\.{label}-\d{{8}}-\d{{6}}\.sqlite", moved.name), moved
        assert moved.read_bytes() == content  # kept, never deleted
        assert volume() == 11
    db_path.unlink()
    assert restore_file(db_path, saved, now) == f"restored {db_path} from {saved}"
    assert volume() == 11
    assert saved.is_file() and kept.is_file()  # the thinning after a restore keeps the file restored from


def local(day: int, hour: int = 9) -> dt.datetime:
    """``hour`` o'clock on a March 2026 day in the runner's own zone."""
    return dt.datetime(2026, 3, day, hour, 0).astimezone()


def finished(repo, day: int, sets: list[SetRecord], feedback: tuple[int, int, int] | None = None) -> int:
    sid = repo.start_session(repo.routine(WARM_UP), local(day))
    for record in sets:
        repo.record_set(
            sid, replace(record, started_at=local(day), ended_at=local(day, 10)), record.exercise_id
        )
    repo.finish_session(sid, SessionStatus.FINISHED, local(day, 11))
    if feedback:
        repo.save_feedback(sid, *feedback, "")
    return sid


def test_progression_hints_read_each_exercise_of_the_latest_sessions(repo) -> None:
    from hipdesk.domain.history import ExerciseSession

    sid = finished(repo, 2, [
        SetRecord("clamshell", Side.LEFT, 1, target_reps=12, actual_reps=12, item_index=0),
        SetRecord("clamshell", Side.LEFT, 2, target_reps=12, actual_reps=10, item_index=0),
        SetRecord("clamshell", Side.LEFT, 3, target_reps=12, skipped=True, item_index=0),
        SetRecord("side-plank", Side.BOTH, 1, target_s=30, actual_s=25.5, item_index=1),
    ])  # fmt: skip
    rows = sorted(repo.recent_exercise_sessions(5), key=lambda r: r.exercise_id)
    assert rows == [
        ExerciseSession("clamshell", sid, local(2), done=2, skipped=1, min_reps=10, min_s=None),
        ExerciseSession("side-plank", sid, local(2), done=1, skipped=0, min_reps=None, min_s=25.5),
    ]
    assert rows[0].started_at.isoformat() == local(2).astimezone(dt.UTC).isoformat()


def test_discomfort_and_progress_are_read_per_local_day_between_the_days_chosen(repo) -> None:
    from hipdesk.domain.history import DiscomfortPoint, ProgressPoint

    for day, reps, feedback in ((2, 8, (5, 2, 4)), (3, 10, (5, 1, 0)), (4, 12, (5, 3, 3))):
        finished(
            repo, day, [SetRecord("clamshell", Side.RIGHT, 1, target_reps=12, actual_reps=reps)], feedback
        )
    march = dt.date(2026, 3, 1)
    assert repo.discomfort_by_day(march.replace(day=3), march.replace(day=3)) == [
        DiscomfortPoint(march.replace(day=3), 1.0, 0.0)
    ]
    assert repo.discomfort_by_day(march.replace(day=3)) == [
        DiscomfortPoint(march.replace(day=3), 1.0, 0.0), DiscomfortPoint(march.replace(day=4), 3.0, 3.0),
    ]  # fmt: skip
    assert repo.exercise_progress("clamshell", end=march.replace(day=3)) == [
        ProgressPoint(march.replace(day=2), Side.RIGHT, 8.0), ProgressPoint(march.replace(day=3), Side.RIGHT, 10.0),
    ]  # fmt: skip


def test_a_session_not_resumed_yet_resumes_at_its_first_step(repo) -> None:
    sid = repo.start_session(repo.routine(WARM_UP))
    plan, step = repo.session_plan(sid)
    assert step == 0 and plan.items == repo.routine(WARM_UP).items
