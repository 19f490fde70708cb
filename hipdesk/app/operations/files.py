"""Files in and out: routine files, the week as a calendar, the history as CSV, the PDF sheets.

Every export goes through :mod:`hipdesk.export.safe_write`, guarded by :func:`protected`: no export
ever writes onto the data file, what SQLite keeps beside it, or the backups. Exports change no data
(``Change.NONE``); an import first takes a backup, then adds the routine whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hipdesk.app.changes import Change
from hipdesk.app.snapshot import ExerciseSnapshot

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise, Routine
    from hipdesk.export.pdf import Paper, PdfResult
    from hipdesk.export.routine_file import RoutineFile
    from hipdesk.export.safe_write import Protected


def protected(repo: Repo) -> Protected:
    """The data file, what is kept beside it and the backups: no export may write onto them."""
    from hipdesk.export.safe_write import Protected

    return Protected.around(repo.db.database)


def _by_id(repo: Repo, exercises: ExerciseSnapshot | None) -> Mapping[str, Exercise]:
    """Every exercise by id, retired ones too (what routines refer to), from the shared snapshot."""
    return (exercises or ExerciseSnapshot(repo)).by_id()


# -- routine files ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Imported:
    """A routine added from a file: as stored, and the name the file gave it."""

    routine: Routine
    file_name: str

    @property
    def renamed(self) -> bool:
        return self.routine.name != self.file_name


def backup_before(repo: Repo, reason: str) -> Path | None:
    """A checked backup through the open connection, before a change the runner may regret
    (none when the data is as in the newest backup)."""
    from hipdesk.db.backup import make_backup

    return make_backup(Path(repo.db.database), reason, source=repo.db.connection(), only_if_changed=True)


def import_routine(repo: Repo, loaded: RoutineFile) -> tuple[Imported, Change]:
    """Add a routine read from a file, with the exercises it carries: a backup first
    ("before-import"), then the routine under a free name, whole or not at all."""
    backup_before(repo, "before-import")
    saved = repo.import_routine(loaded.routine, loaded.exercises)
    return Imported(saved, loaded.routine.name), Change.ROUTINES | Change.EXERCISES


def import_routine_file(repo: Repo, path: Path) -> tuple[Imported, Change]:
    """Read ``path`` (a bad file is refused in one sentence, before anything is written) and add it."""
    from hipdesk.export.routine_file import read_routine_file

    return import_routine(repo, read_routine_file(path))


def export_routine(
    repo: Repo, name: str, path: Path, exercises: ExerciseSnapshot | None = None
) -> tuple[Routine, Change]:
    """Write the routine called ``name`` as it is stored, with the runner's own exercises it uses."""
    from hipdesk.export.routine_file import write_routine_file

    routine = repo.routine(name)
    write_routine_file(path, routine, _by_id(repo, exercises), protected(repo))
    return routine, Change.NONE


# -- the week as a calendar -----------------------------------------------------------------------
def export_calendar(
    repo: Repo,
    path: Path,
    default_time: dt.time | None = None,
    zone: str | None = None,
    remind_minutes: int | None = None,
    exercises: ExerciseSnapshot | None = None,
) -> tuple[str, Change]:
    """Write the week plan as an iCalendar file (in ``zone``, else the system's); returns one line
    saying what it holds. An unknown zone is refused before anything is written."""
    from hipdesk.export.calendar import (
        calendar_contents,
        export_summary,
        local_zone_name,
        week_calendar,
        write_ics,
        zone_info,
    )

    zone = zone or local_zone_name()
    zone_info(zone)
    plan, routines = repo.week_plan(), repo.routines()
    calendar = week_calendar(
        plan, routines, _by_id(repo, exercises), zone, default_time, remind_minutes=remind_minutes
    )
    write_ics(path, calendar, protected(repo))
    return export_summary(calendar_contents(plan, routines, default_time), zone, default_time), Change.NONE


# -- the history as CSV -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CsvWritten:
    """How many rows were written, and the records left out because a date in them cannot be right."""

    count: int
    left_out: Sequence[str] = ()


def export_csv(repo: Repo, path: Path) -> tuple[CsvWritten, Change]:
    """Every recorded set as one row, with its session."""
    from hipdesk.export.csv_export import write_csv

    count = write_csv(path, repo.export_rows(), protected(repo))
    return CsvWritten(count, tuple(repo.bad_dates())), Change.NONE


def export_runs_csv(repo: Repo, path: Path) -> tuple[CsvWritten, Change]:
    """Every imported run as one row."""
    from hipdesk.db.runs import RunStore
    from hipdesk.export.csv_export import write_runs_csv

    return CsvWritten(write_runs_csv(path, RunStore(repo.db).runs(), protected(repo))), Change.NONE


# -- PDF sheets (a Qt Gui application must exist: fonts) ------------------------------------------------
def routine_sheet(
    repo: Repo, name: str, paper: Paper | None = None, exercises: ExerciseSnapshot | None = None
) -> PdfResult:
    """The routine called ``name``, illustrated, as PDF bytes."""
    from hipdesk.export.pdf import routine_pdf

    return routine_pdf(repo.routine(name), _by_id(repo, exercises), paper)


def week_sheet(
    repo: Repo,
    paper: Paper | None = None,
    order: Sequence[int] | None = None,
    exercises: ExerciseSnapshot | None = None,
) -> PdfResult:
    """The week sheet as PDF bytes, the days in ``order`` (else the locale's)."""
    from hipdesk.export.pdf import locale_order, week_pdf

    days = locale_order() if order is None else order
    return week_pdf(repo.week_plan(), repo.routines(), _by_id(repo, exercises), paper, days)


def save_pdf(repo: Repo, path: Path, data: bytes) -> Change:
    """Write PDF bytes to ``path``, never onto the data or its backups."""
    from hipdesk.export.pdf import write_pdf

    write_pdf(path, data, protected(repo))
    return Change.NONE


def export_pdf(
    repo: Repo,
    path: Path,
    routine: str | None = None,
    paper: Paper | None = None,
    exercises: ExerciseSnapshot | None = None,
) -> tuple[PdfResult, Change]:
    """Write the routine called ``routine`` (None: the week sheet) as a PDF to ``path``."""
    if routine is None:
        result = week_sheet(repo, paper, exercises=exercises)
    else:
        result = routine_sheet(repo, routine, paper, exercises)
    return result, save_pdf(repo, path, result.data)
