"""File ▸ Import Runs… and File ▸ Import Training Plan…, and runs dropped on the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import RunKind
from hipdesk.runs.model import SUFFIXES, RunFileError
from hipdesk.views.common.widgets import message

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.db.runs import RunStore
    from hipdesk.runs.plan import PlanRun

# the readers and the run tables are imported when first used: the window opens without them

PLAN_WEEKS = 8
KINDS = [RunKind.REST, RunKind.EASY, RunKind.WORKOUT, RunKind.LONG, RunKind.RACE]


def is_run_file(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def import_run_files(repo: Repo, paths: list[Path]) -> tuple[str, list[str]]:
    """Read and store each file (one transaction each). Returns the summary and one line per broken file."""
    from hipdesk.runs.files import read_run_file

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


class PlanDialog(QDialog):
    """The runs a plan gives for the coming weeks, each kind as guessed, to correct before applying."""

    def __init__(self, runs: list[PlanRun], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Training Plan")
        self.resize(620, 520)
        self.runs = runs
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{len(runs)} runs in the next {PLAN_WEEKS} weeks. Correct a kind where the guess is wrong: "
                "the choice is kept for every event with the same title, now and in later imports."
            )
        )
        layout.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        self.table = QTableWidget(len(runs), 3, self)
        self.table.setHorizontalHeaderLabels(["Date", "Event", "Run"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.boxes: list[QComboBox] = []
        for row, run in enumerate(runs):
            self.table.setItem(row, 0, QTableWidgetItem(f"{run.day:%a %d %b}"))
            self.table.setItem(row, 1, QTableWidgetItem(run.title))
            box = QComboBox()
            for kind in KINDS:
                box.addItem(kind.label, kind)
            box.setCurrentIndex(KINDS.index(run.kind) if run.kind in KINDS else 1)
            box.currentIndexChanged.connect(lambda _i, row=row: self._follow(row))
            self.table.setCellWidget(row, 2, box)
            self.boxes.append(box)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Apply to the Week", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _follow(self, row: int) -> None:
        """A correction applies to every event with the same title."""
        kind = RunKind(self.boxes[row].currentData())
        for other, run in enumerate(self.runs):
            if run.keyword == self.runs[row].keyword and self.boxes[other].currentData() != kind:
                self.boxes[other].setCurrentIndex(KINDS.index(kind))

    def chosen(self) -> tuple[list[PlanRun], dict[str, RunKind]]:
        """The runs as the runner left them, and the keywords whose kind was corrected."""
        runs, corrected = [], {}
        for run, box in zip(self.runs, self.boxes, strict=True):
            kind = RunKind(box.currentData())
            if kind != run.kind:
                corrected[run.keyword] = kind
            runs.append(replace(run, kind=kind))
        return runs, corrected


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
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Runs", "", "Runs (*.gpx *.tcx *.fit *.GPX *.TCX *.FIT);;All files (*)"
        )
        if names:
            self.import_runs([Path(n) for n in names])

    def import_runs(self, paths: list[Path]) -> None:
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
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import Training Plan", "", "Calendars (*.ics *.ICS);;All files (*)"
        )
        if name and self.repo is not None:
            self.import_plan(Path(name))

    def import_plan(self, path: Path, dialog: type[PlanDialog] = PlanDialog) -> PlanDialog | None:
        assert self.repo is not None
        store = _store(self.repo)
        zone = dt.datetime.now().astimezone().tzinfo or dt.UTC
        try:
            from hipdesk.runs.plan import read_plan

            runs = read_plan(path, dt.date.today(), PLAN_WEEKS, zone, store.keywords())
        except HipDeskError as exc:
            message(self.window, "Import Training Plan", str(exc))
            return None
        shown = dialog(runs, self.window)
        if shown.exec() != QDialog.DialogCode.Accepted:
            return shown
        chosen, corrected = shown.chosen()
        from hipdesk.runs.plan import weekly_pattern

        store.save_plan(chosen, weekly_pattern(chosen), corrected)
        self.on_imported(f"Imported {len(chosen)} planned runs; the week's runs are set from them.")
        return shown
