"""File ▸ Import Training Plan…'s dialog: the runs a plan gives, each kind as guessed, to correct."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hipdesk.domain.model import RunKind
from hipdesk.views.shell.runs_import import PLAN_WEEKS

if TYPE_CHECKING:
    from hipdesk.runs.plan import PlanRun

KINDS = [RunKind.REST, RunKind.EASY, RunKind.WORKOUT, RunKind.LONG, RunKind.RACE]


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
