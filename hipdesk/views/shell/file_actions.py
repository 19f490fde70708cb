"""The File menu's routine files, exports and printing, and files dropped on the window.

Each action asks what it needs (a file name, a reminder time), calls the operation that does the
work (:mod:`hipdesk.app.operations.files`, shared with the command line), says in one sentence
when it is refused, and hands what changed to ``window.apply_change``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hipdesk.app.changes import Change
from hipdesk.domain.errors import HipDeskError
from hipdesk.views.shell.runs_import import is_run_file

# The operations, the file dialogs and the message boxes are imported by the entries that use them:
# the window paints its first frame without them.

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Routine
    from hipdesk.views.shell.main_window import MainWindow

STATUS_MS = 8000


class FileActions(QObject):
    """File ▸ Import/Export Routine, Export Calendar, Export to PDF, Print…, the History's CSV export
    and files dropped on the window, for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def repo(self) -> Repo | None:
        return self.window.repo

    def _status(self, text: str, ms: int = STATUS_MS) -> None:
        self.window.statusBar().showMessage(text, ms)

    def connect_actions(self) -> None:
        """The File menu's actions (their object names are the form's)."""
        ui = self.window.ui
        ui.actionImportRoutine.triggered.connect(self.import_routine_dialog)
        ui.actionExportRoutine.triggered.connect(self.export_routine_dialog)
        ui.actionExportCalendar.triggered.connect(self.export_calendar_dialog)
        ui.actionExportRoutinePdf.triggered.connect(lambda: self.export_pdf("routine"))
        ui.actionExportWeekPdf.triggered.connect(lambda: self.export_pdf("week"))
        ui.actionPrint.triggered.connect(lambda: self.print_sheet(preview=False))
        ui.actionPrintPreview.triggered.connect(lambda: self.print_sheet(preview=True))

    def update_actions(self, page: str) -> None:
        """What the File menu offers with ``page`` on screen."""
        ui, ready = self.window.ui, self.repo is not None
        ui.actionImportRoutine.setEnabled(ready)
        ui.actionExportRoutine.setEnabled(ready and page == "routines")
        ui.actionExportCalendar.setEnabled(ready)
        ui.actionExportRoutinePdf.setEnabled(ready and page == "routines")
        ui.actionExportWeekPdf.setEnabled(ready)
        ui.actionPrint.setEnabled(ready and page in ("routines", "week"))
        ui.actionPrintPreview.setEnabled(ready and page in ("routines", "week"))

    def _current_routine(self) -> Routine | None:
        """The routine chosen on the Routines page, when that page is on screen."""
        window = self.window
        return window.routines_page.current_routine() if window.current_page() == "routines" else None

    # -- routine files ---------------------------------------------------------------------------
    def import_routine_dialog(self) -> None:
        from hipdesk.views.common.file_dialogs import open_file

        path = open_file(
            self.window,
            "routines",
            "Import Routine",
            "HipDesk routines (*.hipdesk.json *.json);;All files (*)",
        )
        if path:
            self.import_routine_files([Path(path)])

    def import_routine_files(self, paths: list[Path], show: bool = True) -> list[Routine]:
        """Import each file whole or not at all (a backup first); say in one sentence what happened.
        ``show``: open the last one on the Routines page. Returns the routines imported."""
        from hipdesk.app.operations import files
        from hipdesk.views.common.widgets import message

        if self.repo is None:
            return []
        imported: list[Routine] = []
        change = Change.NONE
        for path in paths:
            try:
                done, changed = files.import_routine_file(self.repo, path)
            except HipDeskError as exc:
                message(self.window, "Import Routine", str(exc))
                continue
            imported.append(done.routine)
            change |= changed
        if not imported:
            return []
        self.window.apply_change(change)
        if show:
            self.window.show_page("routines")
            self.window.routines_page.reload(imported[-1].id)
        self._status("Imported " + ", ".join(f"“{r.name}”" for r in imported) + ".")
        return imported

    def import_and_plan(self, weekday: int, paths: list[Path]) -> None:
        """Routine files dropped on a day: imported, then planned on that day."""
        from hipdesk.domain.model import WEEKDAY_NAMES

        imported = self.import_routine_files(paths, show=False)
        if imported:
            self.window.week_page.reload()
            self.window.week_page.model.add_routines([r.id for r in imported if r.id is not None], weekday)
            names = ", ".join(f"“{r.name}”" for r in imported)
            self._status(f"Imported {names} and planned on {WEEKDAY_NAMES[weekday]}.")

    def export_routine_dialog(self) -> None:
        from hipdesk.app.operations import files
        from hipdesk.export.routine_file import SUFFIX
        from hipdesk.views.common.file_dialogs import save_file
        from hipdesk.views.common.widgets import message

        routine = self._current_routine()
        if routine is None or self.repo is None:
            return
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in routine.name).strip() or "routine"
        path = save_file(
            self.window, "routines", "Export Routine", f"{safe}{SUFFIX}", "HipDesk routines (*.hipdesk.json)"
        )
        if not path:
            return
        try:
            stored, _change = files.export_routine(
                self.repo, routine.name, Path(path), self.window.context.snapshot
            )
        except HipDeskError as exc:
            message(self.window, "Export Routine", str(exc))
            return
        self._status(f"Exported “{stored.name}” to {path}.")

    # -- the history as CSV -------------------------------------------------------------------------
    def export_history_dialog(self) -> None:
        """Save every recorded set as a CSV file for a spreadsheet."""
        from hipdesk.app.operations import files
        from hipdesk.views.common.file_dialogs import save_file
        from hipdesk.views.common.widgets import message

        if self.repo is None:
            return
        path = save_file(
            self.window, "csv", "Export History", "HipDesk history.csv", "CSV files (*.csv);;All files (*)"
        )
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            written, _change = files.export_csv(self.repo, Path(path))
        except HipDeskError as exc:
            message(self.window, "Export History", str(exc))
            return
        self._status(f"Exported {written.count} set records to {path}.", 12000)

    # -- the week as a calendar ---------------------------------------------------------------------
    def export_calendar_dialog(self) -> None:
        if self.repo is None:
            return
        from hipdesk.views.common.file_dialogs import remember, start_path
        from hipdesk.views.shell.reminders import calendar_save_dialog

        # with the choice of a reminder in the calendar, in the folder last used for calendars
        answer = calendar_save_dialog(self.window, start_path("calendar", "HipDesk week.ics"))
        if answer is None:
            return
        path, remind_minutes = answer
        remember("calendar", path)
        if not path.lower().endswith(".ics"):
            path += ".ics"
        self.export_calendar(Path(path), remind_minutes=remind_minutes)

    def export_calendar(
        self,
        path: Path,
        default_time: dt.time | None = None,
        zone: str | None = None,
        remind_minutes: int | None = None,
    ) -> bool:
        """Write the week plan as an iCalendar file and say in one line what it holds."""
        from hipdesk.app.operations import files
        from hipdesk.views.common.widgets import message

        if self.repo is None:
            return False
        try:
            summary, _change = files.export_calendar(
                self.repo, path, default_time, zone, remind_minutes, self.window.context.snapshot
            )
        except HipDeskError as exc:
            message(self.window, "Export Calendar", str(exc))
            return False
        self._status(f"Exported your week to {path}: {summary}.", 12000)
        return True

    # -- PDF and printing (hipdesk.views.printing.jobs, imported when first used) --------------------
    def print_target(self) -> tuple[str, str | None] | None:
        """What Print… prints: the routine on the Routines page, the week sheet on the Week page."""
        if self.window.current_page() == "week":
            return "week", None
        routine = self._current_routine()
        return ("routine", routine.name) if routine is not None else None

    def export_pdf(self, kind: str) -> str | None:
        """Preview the routine being edited (or the week sheet) as a PDF, and save it; returns the path."""
        from hipdesk.views.printing.jobs import Printing

        target = self.print_target()
        if self.repo is None or (kind == "routine" and (target is None or target[0] != "routine")):
            return None
        name = target[1] if kind == "routine" and target else None
        path = Printing(self.window, self.repo, self.window.context.snapshot).export_pdf(kind, name)
        if path:
            self._status(f"Saved {path}.")
        return path

    def print_sheet(self, preview: bool) -> None:
        from hipdesk.views.printing.jobs import Printing

        target = self.print_target()
        if self.repo is None or target is None:
            return
        printing = Printing(self.window, self.repo, self.window.context.snapshot)
        (printing.preview if preview else printing.print)(*target)

    # -- files dropped on the window ------------------------------------------------------------------
    def accepts(self, event: QDragEnterEvent) -> bool:
        """Local files dragged over the window, once the data is open."""
        urls = event.mimeData().urls() if event.mimeData() else []
        return self.repo is not None and bool(urls) and all(u.isLocalFile() for u in urls)

    def drop(self, event: QDropEvent) -> bool:
        """Runs go to the run import, every other file is imported as a routine; False: no files."""
        urls = event.mimeData().urls() if event.mimeData() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if not paths:
            return False
        event.acceptProposedAction()
        runs = [p for p in paths if is_run_file(p)]
        if runs:
            self.window.run_import.import_runs(runs)
        if len(runs) < len(paths):
            self.import_routine_files([p for p in paths if not is_run_file(p)])
        return True
