"""The dialog for a user's own exercise: new, or a copy of a built-in one to edit."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import (
    Dosage,
    Equipment,
    Exercise,
    Kind,
    Muscle,
    Position,
    Range,
    Sidedness,
)
from hipdesk.figures import figure_for_exercise
from hipdesk.figures.widget import FigureWidget
from hipdesk.views.common.screens import fit_on_screen, scroll_form
from hipdesk.views.forms.ui_exercise_dialog import Ui_ExerciseDialog

BLANK = Exercise(
    id="new",
    name="",
    kind=Kind.STRENGTH,
    position=Position.STANDING,
    sidedness=Sidedness.BILATERAL,
    dosage=Dosage(sets=Range(2, 3), reps=Range(10, 15)),
    summary="",
    steps=(),
    primary_muscles=(),
    builtin=False,
)


def _holds(layout: QLayout, widget: QWidget) -> bool:
    """Whether ``widget`` is somewhere in ``layout`` or the layouts inside it."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if item.widget() is widget or (inner is not None and _holds(inner, widget)):
            return True
    return False


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class ExerciseDialog(QDialog):
    """Edits a copy of ``exercise``; ``result_exercise()`` gives the validated edit."""

    def __init__(self, exercise: Exercise | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExerciseDialog()
        self.ui.setupUi(self)
        self._original = exercise or BLANK
        self._result: Exercise | None = None
        ui = self.ui
        self.setWindowTitle("New Exercise" if exercise is None else "Edit Exercise")
        for combo, enum in (
            (ui.kindCombo, Kind),
            (ui.positionCombo, Position),
            (ui.sidednessCombo, Sidedness),
        ):
            for member in enum:
                combo.addItem(member.label, member)
        self._equipment: dict[Equipment, QCheckBox] = {
            Equipment.MAT: ui.matCheck,
            Equipment.RESISTANCE_BAND: ui.bandCheck,
            Equipment.STEP: ui.stepCheck,
        }
        self._ranges: dict[str, tuple[QCheckBox | None, QSpinBox, QSpinBox]] = {
            "sets": (None, ui.setsMin, ui.setsMax),
            "reps": (ui.repsCheck, ui.repsMin, ui.repsMax),
            "hold_s": (ui.holdCheck, ui.holdMin, ui.holdMax),
            "work_s": (ui.workCheck, ui.workMin, ui.workMax),
        }
        for check, low, high in self._ranges.values():
            low.valueChanged.connect(lambda v, high=high: high.setValue(max(high.value(), v)))
            high.valueChanged.connect(lambda v, low=low: low.setValue(min(low.value(), v)))
            if check is not None:
                check.toggled.connect(low.setEnabled)
                check.toggled.connect(high.setEnabled)
        ui.errorLabel.setStyleSheet("color: palette(link);")
        ui.errorLabel.hide()
        self._fields: dict[str, QWidget] = {
            "name": ui.nameEdit,
            "dosage": ui.workMin,  # under the last of reps, hold and timed work
            "steps": ui.stepsEdit,
            "primary": ui.primaryList,
        }
        self.messages = {key: self._message_under(field) for key, field in self._fields.items()}
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        # the figure the exercise will have: a copy keeps its built-in's moves in the built-in's
        # position; otherwise it stands still in the neutral pose of the position chosen
        self.figure = FigureWidget(self)
        self.figure.setObjectName("positionFigure")
        self.figure.setAccessibleName("The figure in the position chosen")
        self.figure.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.figure.setFixedSize(132, 132)
        ui.formLayout.addWidget(self.figure, 0, 2, 5, 1, Qt.AlignmentFlag.AlignTop)
        ui.positionCombo.currentIndexChanged.connect(self._show_figure)
        self._load(self._original)
        scroll_form(ui.dialogLayout, ui.formLayout)  # the fields scroll, Save and Cancel stay in view
        fit_on_screen(self)
        self._show_figure()

    def _show_figure(self) -> None:
        original = self._original
        position = Position(self.ui.positionCombo.currentData())
        based_on = original.id if original.builtin else original.based_on
        shown = replace(original, builtin=False, based_on=based_on, position=position)
        self.figure.setFigure(figure_for_exercise(shown))

    def _fill_muscles(self, widget: QListWidget, chosen: tuple[Muscle, ...]) -> None:
        for muscle in Muscle:
            item = QListWidgetItem(muscle.label, widget)
            item.setData(Qt.ItemDataRole.UserRole, muscle)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if muscle in chosen else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[Muscle, ...]:
        return tuple(
            Muscle(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        )

    def _load(self, ex: Exercise) -> None:
        ui = self.ui
        ui.nameEdit.setText(ex.name)
        ui.aliasesEdit.setText(", ".join(ex.aliases))
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(ex.kind))
        ui.positionCombo.setCurrentIndex(ui.positionCombo.findData(ex.position))
        ui.sidednessCombo.setCurrentIndex(ui.sidednessCombo.findData(ex.sidedness))
        for equipment, box in self._equipment.items():
            box.setChecked(equipment in ex.equipment)
        for key, (check, low, high) in self._ranges.items():
            value: Range | None = getattr(ex.dosage, key)
            if check is not None:
                check.setChecked(value is not None)
                low.setEnabled(value is not None)
                high.setEnabled(value is not None)
            low.setValue(value.low if value else low.minimum())
            high.setValue(value.high if value else low.value())
        ui.restSpin.setValue(ex.dosage.rest_s)
        self._fill_muscles(ui.primaryList, ex.primary_muscles)
        self._fill_muscles(ui.secondaryList, ex.secondary_muscles)
        ui.summaryEdit.setText(ex.summary)
        ui.stepsEdit.setPlainText("\n".join(ex.steps))
        ui.cuesEdit.setPlainText("\n".join(ex.cues))

    def _range(self, key: str) -> Range | None:
        check, low, high = self._ranges[key]
        if check is not None and not check.isChecked():
            return None
        return Range(low.value(), high.value())

    def problems(self) -> dict[str, str]:
        """What to fix before the form can be saved, by field (``FIELDS``); empty when it can."""
        ui = self.ui
        found = {}
        if not ui.nameEdit.text().strip():
            found["name"] = "Give the exercise a name."
        if all(self._range(key) is None for key in ("reps", "hold_s", "work_s")):
            found["dosage"] = "Choose reps, a hold or timed work."
        if not _lines(ui.stepsEdit.toPlainText()):
            found["steps"] = "Write at least one step, one a line."
        if not self._checked(ui.primaryList):
            found["primary"] = "Tick at least one working muscle."
        return found

    def edited(self) -> Exercise:
        """The exercise as the form shows it; raises ValidationError with everything to fix."""
        ui = self.ui
        problems = self.problems()
        if problems:
            raise ValidationError(" ".join(problems.values()))
        name = ui.nameEdit.text().strip()
        dosage = Dosage(
            sets=self._range("sets"),
            reps=self._range("reps"),
            hold_s=self._range("hold_s"),
            work_s=self._range("work_s"),
            rest_s=ui.restSpin.value(),
        )
        steps = _lines(ui.stepsEdit.toPlainText())
        primary = self._checked(ui.primaryList)
        sidedness = Sidedness(ui.sidednessCombo.currentData())
        return replace(
            self._original,
            name=name,
            aliases=tuple(a.strip() for a in ui.aliasesEdit.text().split(",") if a.strip()),
            kind=Kind(ui.kindCombo.currentData()),
            position=Position(ui.positionCombo.currentData()),
            sidedness=sidedness,
            side_words=self._original.side_words if sidedness is not Sidedness.BILATERAL else None,
            equipment=tuple(e for e, box in self._equipment.items() if box.isChecked()),
            dosage=dosage,
            primary_muscles=primary,
            secondary_muscles=tuple(m for m in self._checked(ui.secondaryList) if m not in primary),
            summary=ui.summaryEdit.text().strip(),
            steps=steps,
            cues=_lines(ui.cuesEdit.toPlainText()),
            builtin=False,
        )

    def accept(self) -> None:
        problems = self.problems()
        for key, label in self.messages.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if problems:
            count = len(problems)
            self.ui.errorLabel.setText(
                "Fix the field marked above." if count == 1 else f"Fix the {count} fields marked above."
            )
            self.ui.errorLabel.show()
            first = next(key for key in self.messages if key in problems)
            (self.ui.repsCheck if first == "dosage" else self._fields[first]).setFocus()
            return
        self.ui.errorLabel.hide()
        self._result = self.edited()
        super().accept()

    def _message_under(self, field: QWidget) -> QLabel:
        """A hidden message line right under ``field``, in the same cell of the form."""
        grid = self.ui.formLayout
        for index in range(grid.count()):
            item = grid.itemAt(index)
            if item is None:
                continue
            inner = item.layout()
            if item.widget() is field or (inner is not None and _holds(inner, field)):
                row, column, rows, columns = cast(tuple[int, int, int, int], grid.getItemPosition(index))
                grid.takeAt(index)
                cell = QVBoxLayout()
                cell.setSpacing(2)
                cell.addItem(item)
                label = QLabel(self)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setStyleSheet("color: palette(link);")
                label.hide()
                cell.addWidget(label)
                grid.addLayout(cell, row, column, rows, columns)
                return label
        raise LookupError(f"{field.objectName()} is not in the form")

    def result_exercise(self) -> Exercise | None:
        return self._result
