"""The file operations: routine files in and out (a backup before an import, whole or nothing), the
calendar, CSV and PDF exports (never onto the data), backups and restores."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from hipdesk.app.changes import Change
from hipdesk.app.operations import ALL_DATA, backups, exercises, files, routines
from hipdesk.catalogue.starter import STRENGTH, STRETCH
from hipdesk.db import backup
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RoutineItem, SessionStatus
from hipdesk.export.routine_file import FORMAT, VERSION


def everything(repo) -> tuple:
    """What an import or a refused restore could change."""
    return repo.routines(), repo.exercises(include_retired=True), repo.week_plan()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reasons(db_path: Path) -> list[str]:
    return [info.reason for info in backup.list_backups(db_path)]


def routine_file(tmp_path: Path, routine: dict, carried: list[dict] | None = None) -> Path:
    path = tmp_path / "shared.hipdesk.json"
    data = {"format": FORMAT, "version": VERSION, "routine": routine, "exercises": carried or []}
    path.write_text(json.dumps(data))
    return path


# -- routine files -----------------------------------------------------------------------------------
def test_an_exported_routine_comes_back_under_a_free_name_after_a_backup(repo, db_path, tmp_path) -> None:
    mine, _change = exercises.duplicate(repo, "clamshell", "Banded clam")
    routine = repo.routine(STRETCH)
    routines.save(repo, replace(routine, items=(*routine.items, RoutineItem(mine.id, reps=10))))
    target = tmp_path / "stretch.hipdesk.json"
    stored, change = files.export_routine(repo, STRETCH, target)
    assert change == Change.NONE and stored.name == STRETCH
    assert json.loads(target.read_text())["routine"]["name"] == STRETCH
    assert "before-import" not in reasons(db_path)
    done, change = files.import_routine_file(repo, target)
    assert change == Change.ROUTINES | Change.EXERCISES
    assert done.routine.name == f"{STRETCH} (2)" and done.renamed and done.file_name == STRETCH
    assert repo.routine(done.routine.name).items == repo.routine(STRETCH).items
    assert "before-import" in reasons(db_path)
    assert [ex.id for ex in repo.exercises() if not ex.builtin] == [mine.id]  # the same one, reused


def test_a_file_that_is_not_a_routine_file_changes_nothing_and_makes_no_backup(
    repo, db_path, tmp_path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    before = everything(repo)
    with pytest.raises(HipDeskError, match="not valid JSON"):
        files.import_routine_file(repo, path)
    assert everything(repo) == before
    assert "before-import" not in reasons(db_path)


def test_a_file_is_imported_whole_or_not_at_all(repo, tmp_path) -> None:
    carried = exercises.draft_copy(repo, "clamshell", "Carried clam")
    from hipdesk.domain.serialize import exercise_to_dict

    exercise = {**exercise_to_dict(carried), "id": "my-carried-clam"}
    # the routine refers to the carried exercise and to one that is nowhere: refused at the end
    items = [
        {"exercise_id": "my-carried-clam", "sets": 1, "reps": 10, "sides": "each"},
        {"exercise_id": "no-such-exercise", "sets": 1, "reps": 10, "sides": "each"},
    ]
    path = routine_file(tmp_path, {"name": "Half", "notes": "", "items": items}, [exercise])
    before = everything(repo)
    with pytest.raises(HipDeskError):
        files.import_routine_file(repo, path)
    assert everything(repo) == before  # not even the carried exercise


# -- exports ---------------------------------------------------------------------------------------
def test_no_export_writes_onto_the_data_file(repo, db_path: Path, qapp) -> None:
    before = digest(db_path)
    exports = [
        lambda: files.export_routine(repo, STRENGTH, db_path),
        lambda: files.export_calendar(repo, db_path),
        lambda: files.export_csv(repo, db_path),
        lambda: files.export_runs_csv(repo, db_path),
        lambda: files.export_pdf(repo, db_path),
        lambda: files.export_pdf(repo, db_path, STRENGTH),
    ]
    for export in exports:
        with pytest.raises(HipDeskError, match="Cannot write"):
            export()
    assert digest(db_path) == before and backup.quick_check(db_path) == "ok"


def test_the_calendar_says_what_it_holds_and_an_unknown_zone_writes_nothing(repo, tmp_path) -> None:
    target = tmp_path / "week.ics"
    summary, change = files.export_calendar(repo, target, zone="Europe/Berlin", remind_minutes=15)
    assert change == Change.NONE and "Europe/Berlin" in summary
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR") and b"VALARM" in target.read_bytes()
    with pytest.raises(HipDeskError, match="Mars/Olympus"):
        files.export_calendar(repo, tmp_path / "mars.ics", zone="Mars/Olympus")
    assert not (tmp_path / "mars.ics").exists()


def test_the_csv_has_a_row_per_set_recorded(repo, tmp_path) -> None:
    from hipdesk.domain.model import SetRecord, Side

    session_id = repo.start_session(repo.routine(STRETCH))
    for n in (1, 2):
        repo.record_set(
            session_id, SetRecord("clamshell", Side.LEFT, n, target_reps=10, actual_reps=9), "Clamshell"
        )
    repo.finish_session(session_id, SessionStatus.FINISHED)
    written, change = files.export_csv(repo, tmp_path / "history.csv")
    assert change == Change.NONE and written.count == 2 and written.left_out == ()
    assert len((tmp_path / "history.csv").read_text().splitlines()) == 3  # with its header


def test_the_pdf_sheets_are_written_with_their_pages(repo, tmp_path, qapp) -> None:
    week, change = files.export_pdf(repo, tmp_path / "week.pdf")
    assert change == Change.NONE and week.pages == 1
    assert (tmp_path / "week.pdf").read_bytes() == week.data and week.data.startswith(b"%PDF")
    sheet, _change = files.export_pdf(repo, tmp_path / "strength.pdf", STRENGTH)
    assert sheet.pages >= 1 and (tmp_path / "strength.pdf").read_bytes() == sheet.data
    with pytest.raises(HipDeskError, match="no routine named"):
        files.export_pdf(repo, tmp_path / "gone.pdf", "Gone")
    assert not (tmp_path / "gone.pdf").exists()


# -- backups and restores --------------------------------------------------------------------------------
def test_a_restore_brings_back_what_was_deleted_and_keeps_the_data_as_it_was(repo, db_path) -> None:
    made, change = backups.back_up_now(repo)
    assert change == Change.NONE and made.is_file() and "manual" in reasons(db_path)
    strength = repo.routine(STRENGTH)
    assert strength.id is not None
    routines.delete(repo, strength.id)
    kept, change = backups.restore(repo, made)
    assert change == ALL_DATA
    assert STRENGTH in repo.routine_names()
    assert kept.is_file() and "before-restore" in reasons(db_path)


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(repo, tmp_path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    before = everything(repo)
    with pytest.raises(HipDeskError, match="not a usable backup"):
        backups.restore(repo, bogus)
    assert everything(repo) == before


def test_the_closed_data_file_backed_up_and_restored(repo, db_path, tmp_path) -> None:
    from hipdesk.store import open_store

    repo.db.close()
    copy = backups.backup_file(db_path, tmp_path / "copy.sqlite")
    assert copy == tmp_path / "copy.sqlite" and backup.quick_check(copy) == "ok"
    with pytest.raises(HipDeskError, match="exists already"):
        backups.backup_file(db_path, copy)
    with pytest.raises(HipDeskError, match="no data file"):
        backups.backup_file(tmp_path / "none.sqlite")
    later = open_store(db_path)
    strength = later.routine(STRENGTH)
    assert strength.id is not None
    routines.delete(later, strength.id)
    later.db.close()
    assert "before-restore" not in reasons(db_path)
    assert backups.restore_file(db_path, copy)
    assert "before-restore" in reasons(db_path)
    restored = open_store(db_path)
    try:
        assert STRENGTH in restored.routine_names()
    finally:
        restored.db.close()
