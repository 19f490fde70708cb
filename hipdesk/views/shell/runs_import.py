"""File ▸ Import Runs… and File ▸ Import Training Plan…, and runs dropped on the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from hipdesk.domain.errors import HipDeskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from hipdesk.db.repo import Repo
    from hipdesk.db.runs import RunStore
    from hipdesk.views.shell.plan_dialog import PlanDialog

# the readers, the run tables and the plan's dialog are imported when first used: the window opens
# without them

PLAN_WEEKS = 8


def is_run_file(path: Path) -> bool:
    from hipdesk.runs.model import SUFFIXES

    return path.suffix.lower() in SUFFIXES


def import_run_files(repo: Repo, paths: list[Path]) -> tuple[str, list[str]]:
    """Read and store each file (one transaction each). Returns the summary and one line per broken file."""
    from hipdesk.runs.files import read_run_file
    from hipdesk.runs.model import RunFileError

    store = _store(repo)
    added = kept = 0
    broken: list[str] = []
    with store.importing():
        for path in paths:
            try:
                run = read_run_file(path)
            except RunFileError as exc:
                broken.append(str(exc))
                continue
            if store.add_run(run):
                added += 1
            else:
                kept += 1
    summary = f"Imported {added} {'run' if added == 1 else 'runs'}" + (
        f", {kept} already there" if kept else ""
    )
    return summary + ".", broken


def _store(repo: Repo) -> RunStore:
    from hipdesk.db.runs import RunStore

    return RunStore(repo.db)


class RunImport:
    """The two File menu actions, added after Import Routine."""

    def __init__(self, window: QWidget, repo: Repo | None, after: QAction, menu: QMenu) -> None:
        self.window = window
        self.repo = repo
        self.runs_action = QAction("Import &Runs…", window)
        self.plan_action = QAction("Import Training &Plan…", window)
        self.runs_action.triggered.connect(self.import_runs_dialog)
        self.plan_action.triggered.connect(self.import_plan_dialog)
        actions = menu.actions()
        following = actions[actions.index(after) + 1] if after in actions[:-1] else None
        menu.insertActions(following, [self.runs_action, self.plan_action])  # type: ignore[arg-type]
        self.on_imported: Callable[[str], None] = lambda _text: None

    def set_repo(self, repo: Repo | None) -> None:
        self.repo = repo
        self.runs_action.setEnabled(repo is not None)
        self.plan_action.setEnabled(repo is not None)

    def import_runs_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Runs", "", "Runs (*.gpx *.tcx *.fit *.GPX *.TCX *.FIT);;All files (*)"
        )
        if names:
            self.import_runs([Path(n) for n in names])

    def import_runs(self, paths: list[Path]) -> None:
        from hipdesk.views.common.widgets import message

        if self.repo is None:
            return
        try:
            summary, broken = import_run_files(self.repo, paths)
        except HipDeskError as exc:
            message(self.window, "Import Runs", str(exc))
            return
        if broken:
            message(self.window, "Import Runs", summary + "\n\nNot imported:\n" + "\n".join(broken))
        self.on_imported(summary)

    def import_plan_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import Training Plan", "", "Calendars (*.ics *.ICS);;All files (*)"
        )
        if name and self.repo is not None:
            self.import_plan(Path(name))

    def import_plan(self, path: Path, dialog: type[PlanDialog] | None = None) -> PlanDialog | None:
        """The plan's runs in the dialog (``dialog``: PlanDialog or one made like it), applied if
        the runner accepts them."""
        from PySide6.QtWidgets import QDialog

        from hipdesk.views.common.widgets import message
        from hipdesk.views.shell.plan_dialog import PlanDialog

        assert self.repo is not None
        store = _store(self.repo)
        zone = dt.datetime.now().astimezone().tzinfo or dt.UTC
        try:
            from hipdesk.runs.plan import read_plan

            runs = read_plan(path, dt.date.today(), PLAN_WEEKS, zone, store.keywords())
        except HipDeskError as exc:
            message(self.window, "Import Training Plan", str(exc))
            return None
        shown = (dialog or PlanDialog)(runs, self.window)
        if shown.exec() != QDialog.DialogCode.Accepted:
            return shown
        chosen, corrected = shown.chosen()
        from hipdesk.runs.plan import weekly_pattern

        store.save_plan(chosen, weekly_pattern(chosen), corrected)
        self.on_imported(f"Imported {len(chosen)} planned runs; the week's runs are set from them.")
        return shown
