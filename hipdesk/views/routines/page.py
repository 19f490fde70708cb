"""The Routines page: the routine list, the drag-and-drop editor, the inspector and the palette."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from hipdesk.app.changes import Change
from hipdesk.app.operations import routines as routine_ops
from hipdesk.app.settings import current_pace
from hipdesk.domain.day_order import planned_days_text
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import Exercise, ItemSides, RepMode, Routine, RoutineItem
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import about_seconds, equipment_for, estimate_seconds, plural
from hipdesk.views.common import weekdays
from hipdesk.views.common.exercise_delegate import ExerciseDelegate, TwoLineDelegate
from hipdesk.views.common.exercise_filter import ExerciseFilterProxy
from hipdesk.views.common.exercise_model import ExerciseListModel
from hipdesk.views.common.exercise_model import Role as ExerciseRole
from hipdesk.views.common.figure_support import THUMBNAILS, ViewAnimator
from hipdesk.views.common.routine_list_model import Role as RoutineRole
from hipdesk.views.common.routine_list_model import RoutineListModel
from hipdesk.views.common.widgets import BoundedSpinBox, confirm, key_action, message
from hipdesk.views.forms.ui_routines_page import Ui_RoutinesPage
from hipdesk.views.routines.item_delegate import RoutineItemDelegate
from hipdesk.views.routines.items_model import RoutineItemsModel

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext


SECTIONS = ("", "Warm-up", "Main", "Cool-down")


class RoutinesPage(QWidget):
    changed = Signal(object)  # the Change an edit made: a routine added, renamed, edited or deleted
    status_message = Signal(str)
    start_requested = Signal(str)  # a routine's name: run it as a guided session

    def __init__(
        self, context: AppContext, exercises: ExerciseListModel, parent: QWidget | None = None
    ) -> None:
        """``exercises``: the Library's list, which the palette shows."""
        super().__init__(parent)
        self.ui = Ui_RoutinesPage()
        self.ui.setupUi(self)
        self.context = context
        self.repo = context.repo
        self._exercises: dict[str, Exercise] = {}
        self._pace = Pace()
        self._current: Routine | None = None
        self._loading = False
        ui = self.ui

        self.undo_stack = QUndoStack(self)
        self.items = RoutineItemsModel(self.undo_stack, self)
        self.routine_list = RoutineListModel(self)
        self.palette_filter = ExerciseFilterProxy(self)
        self.palette_filter.setSourceModel(exercises)

        ui.routineList.setModel(self.routine_list)
        routine_delegate = TwoLineDelegate(ui.routineList, thumbnails=False)
        routine_delegate.subtitle_role = RoutineRole.SUBTITLE
        ui.routineList.setItemDelegate(routine_delegate)
        ui.routineItemList.setModel(self.items)
        item_delegate = RoutineItemDelegate(ui.routineItemList)
        item_delegate.thumb_painter = THUMBNAILS.paint
        ui.routineItemList.setItemDelegate(item_delegate)
        ui.routineItemList.configure_drop_target()
        ui.exercisePalette.setModel(self.palette_filter)
        ui.exercisePalette.setItemDelegate(ExerciseDelegate(ui.exercisePalette, THUMBNAILS.paint))
        ViewAnimator(ui.exercisePalette)
        ViewAnimator(ui.routineItemList)
        ui.exercisePalette.configure_drag_source()
        ui.splitter.setSizes([200, 580, 320])
        ui.splitter.setStretchFactor(1, 1)
        self.start_button = QPushButton("Start Session", self)
        self.start_button.setObjectName("startRoutineButton")
        self.start_button.setToolTip("Do this routine now, guided, full screen")
        self.start_button.clicked.connect(self._on_start_button_clicked)
        header = QHBoxLayout()
        ui.editorLayout.removeWidget(ui.routineNameLabel)
        header.addWidget(ui.routineNameLabel, 1)
        header.addWidget(self.start_button)
        ui.editorLayout.insertLayout(0, header)
        font = ui.routineNameLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        ui.routineNameLabel.setFont(font)

        for member in RepMode:
            ui.repModeCombo.addItem(
                "Paced count" if member is RepMode.PACED else "I press Done", member.value
            )
        for name in SECTIONS:
            ui.sectionCombo.addItem(name or "(none)", name)
        for sides in ItemSides:  # the choices change with the exercise: measured with all of them
            ui.sidesCombo.addItem(sides.label, sides.value)
        for combo in (ui.sidesCombo, ui.repModeCombo, ui.sectionCombo):  # wide enough for every choice
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(combo.sizeHint().width())
        ui.sidesCombo.clear()
        self._spins: dict[str, tuple[BoundedSpinBox, QLabel, str]] = {
            "sets": (ui.setsSpin, ui.setsMessage, "Sets"),
            "reps": (ui.repsSpin, ui.repsMessage, "Reps"),
            "hold_s": (ui.holdSpin, ui.holdMessage, "A hold"),
            "work_s": (ui.workSpin, ui.workMessage, "Timed work"),
            "rest_s": (ui.restSpin, ui.restMessage, "Rest between sets"),
            "rest_after_s": (ui.restAfterSpin, ui.restAfterMessage, "Rest after"),
        }
        for field, (spin, note, what) in self._spins.items():
            spin.what = what
            note.setStyleSheet("color: palette(link);")
            spin.valueChanged.connect(lambda value, field=field: self._on_spin_value_changed(field, value))
            spin.value_refused.connect(lambda text, note=note: self._show_message(note, text))
            spin.refusal_cleared.connect(note.hide)

        ui.sidesCombo.activated.connect(self._on_sides_combo_activated)
        ui.repModeCombo.activated.connect(self._on_rep_mode_combo_activated)
        ui.sectionCombo.activated.connect(self._on_section_combo_activated)
        section_edit = ui.sectionCombo.lineEdit()
        assert section_edit is not None  # the section combo is editable (routines_page.ui)
        section_edit.editingFinished.connect(self._on_section_edit_finished)
        ui.noteEdit.editingFinished.connect(self._on_note_edit_finished)

        ui.routineList.selectionModel().currentChanged.connect(self._on_routine_list_current_changed)
        self.routine_list.rename_requested.connect(self._on_routine_list_rename_requested)
        ui.routineItemList.selectionModel().selectionChanged.connect(self._on_item_selection_changed)
        self.items.items_changed.connect(self._on_items_changed)
        self.items.refused.connect(self.status_message)
        ui.exercisePalette.activated.connect(self._on_palette_activated)
        ui.paletteSearch.textChanged.connect(self.palette_filter.set_search_text)
        ui.paletteSearch.returnPressed.connect(ui.exercisePalette.setFocus)

        ui.newRoutineButton.clicked.connect(self.new_routine)
        ui.duplicateRoutineButton.clicked.connect(self.duplicate_routine)
        ui.deleteRoutineButton.clicked.connect(self.delete_routine)
        ui.removeItemButton.clicked.connect(self.remove_selected)
        ui.duplicateItemButton.clicked.connect(self.duplicate_selected)
        ui.routineItemList.delete_requested.connect(self.remove_selected)
        key_action(ui.routineItemList, "Duplicate Item", "Ctrl+D", self.duplicate_selected)
        key_action(ui.routineItemList, "Move Item Up", "Ctrl+Up", lambda: self.move_selected(-1))
        key_action(ui.routineItemList, "Move Item Down", "Ctrl+Down", lambda: self.move_selected(1))
        key_action(self, "New Routine", "Ctrl+Shift+N", self.new_routine)
        QWidget.setTabOrder(ui.routineList, ui.routineItemList)  # Tab goes from a routine to its items
        self._update_inspector()

    # -- data ----------------------------------------------------------------------------------
    def on_changed(self, change: Change) -> bool:
        """True when what the page shows must be read again: the routines, the exercises they
        name, or the lengths (which follow the settings)."""
        return bool(change & (Change.EXERCISES | Change.ROUTINES | Change.SETTINGS))

    def set_exercises(self) -> None:
        """The shared exercises, for the items' names and lengths and the pace."""
        self._exercises = self.context.snapshot.by_id()
        self.items.set_exercises(self._exercises)
        self._pace = current_pace(self._exercises)
        self.routine_list.set_pace(self._pace)

    def reload(self, select_id: int | None = None) -> None:
        self.set_exercises()
        keep = select_id if select_id is not None else (self._current.id if self._current else None)
        routines = self.repo.routines()
        self.routine_list.set_routines(routines)
        row = self.routine_list.row_of(keep) if keep is not None else -1
        if row < 0 and routines:
            row = 0
        if row >= 0:
            self.ui.routineList.setCurrentIndex(self.routine_list.index(row, 0))
        else:
            self._show_routine(None)

    def current_routine(self) -> Routine | None:
        return self._current

    def select_routine(self, name: str) -> bool:
        for row in range(self.routine_list.rowCount()):
            if self.routine_list.routine_at(row).name == name:
                self.ui.routineList.setCurrentIndex(self.routine_list.index(row, 0))
                return True
        return False

    def _show_routine(self, routine: Routine | None) -> None:
        self._current = routine
        self._loading = True
        self.items.set_routine(routine.items if routine else (), self._exercises)
        self._loading = False
        editing = routine is not None
        for widget in (self.ui.routineItemList, self.ui.exercisePalette, self.ui.paletteSearch):
            widget.setEnabled(editing)
        self.ui.duplicateRoutineButton.setEnabled(editing)
        self.start_button.setEnabled(editing and bool(routine and routine.items))
        self.ui.deleteRoutineButton.setEnabled(editing)
        self._update_header()
        self._update_inspector()

    def _update_header(self) -> None:
        routine = self._current
        if routine is None:
            self.ui.routineNameLabel.setText("No routine yet")
            self.ui.routineSummaryLabel.setText("Press New to start one, or import a routine file.")
            return
        live = replace(routine, items=self.items.items())
        kit = ", ".join(e.label for e in equipment_for(live, self._exercises)) or "no equipment"
        count = len(live.items)
        self.ui.routineNameLabel.setText(routine.name)
        if count == 0:
            self.ui.routineSummaryLabel.setText("Empty: drag exercises in from the library on the right.")
        else:
            self.ui.routineSummaryLabel.setText(
                f"{plural(count, 'exercise')} · {about_seconds(estimate_seconds(live, self._pace))} · {kit}"
            )

    # -- saving as you go ----------------------------------------------------------------------
    def _on_items_changed(self) -> None:
        if self._loading or self._current is None:
            return
        updated = replace(self._current, items=self.items.items())
        try:
            self._current, change = routine_ops.save(self.repo, updated)
        except HipDeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.routine_list.update_routine(self._current)
        self.start_button.setEnabled(bool(self._current.items))
        self._update_header()
        self._update_inspector()
        self.changed.emit(change)

    def _on_start_button_clicked(self) -> None:
        if self._current is not None:
            self.start_requested.emit(self._current.name)

    # -- routine list --------------------------------------------------------------------------
    def _on_routine_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        routine = current.data(RoutineRole.ROUTINE) if current.isValid() else None
        self._show_routine(routine if isinstance(routine, Routine) else None)

    def _on_routine_list_rename_requested(self, routine_id: int, name: str) -> None:
        try:
            change = routine_ops.rename(self.repo, routine_id, name)
        except HipDeskError as exc:
            message(self, "Rename Routine", str(exc))
            return
        self.reload(routine_id)
        self.changed.emit(change)

    def new_routine(self) -> None:
        saved, change = routine_ops.create(self.repo)
        self.reload(saved.id)
        self.changed.emit(change)
        self.ui.routineList.edit(self.ui.routineList.currentIndex())

    def duplicate_routine(self) -> None:
        if self._current is None:
            return
        saved, change = routine_ops.duplicate(self.repo, self._current, self.items.items())
        self.reload(saved.id)
        self.changed.emit(change)
        self.status_message.emit(f"Duplicated as “{saved.name}”.")

    def delete_routine(self) -> None:
        routine = self._current
        if routine is None or routine.id is None:
            return
        text = f"Delete the routine “{routine.name}”? Sessions you did with it stay in your history."
        where = planned_days_text(self.repo.week_plan(), routine.id, weekdays.week_order())
        if where:
            text += f" It is planned on {where}: the week will show it struck through until you remove it."
        if not confirm(self, "Delete Routine", text, "Delete"):
            return
        row = self.routine_list.row_of(routine.id)
        try:
            change = routine_ops.delete(self.repo, routine.id)
        except HipDeskError as exc:
            message(self, "Delete Routine", str(exc))
            return
        self._current = None
        self.reload()
        if self.routine_list.rowCount():
            self.ui.routineList.setCurrentIndex(self.routine_list.index(max(0, row - 1), 0))
        self.changed.emit(change)
        self.status_message.emit(f"Deleted “{routine.name}”.")

    # -- items ---------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.ui.routineItemList.selectionModel().selectedIndexes())

    def _on_palette_activated(self, index: QModelIndex) -> None:
        exercise_id = index.data(ExerciseRole.ID)
        if exercise_id and self._current is not None:
            self.items.add_exercises([exercise_id])
            last = self.items.index(self.items.rowCount() - 1, 0)
            self.ui.routineItemList.scrollTo(last)

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.items.remove_rows(rows)
            left = min(rows[0], self.items.rowCount() - 1)
            if left >= 0:
                self.ui.routineItemList.setCurrentIndex(self.items.index(left, 0))

    def move_selected(self, step: int) -> None:
        """Move the selected items one place up (``step`` -1) or down (1), as one undoable step."""
        rows = self.selected_rows()
        if not rows or (step < 0 and rows[0] == 0) or (step > 0 and rows[-1] >= self.items.rowCount() - 1):
            return
        self.items.move_rows(rows, rows[0] - 1 if step < 0 else rows[-1] + 2)
        self.ui.routineItemList.scrollTo(self.ui.routineItemList.currentIndex())

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.items.duplicate_rows(rows)
            first_copy = rows[-1] + 1
            selection = self.ui.routineItemList.selectionModel()
            selection.clearSelection()
            for offset in range(len(rows)):
                selection.select(
                    self.items.index(first_copy + offset, 0), QItemSelectionModel.SelectionFlag.Select
                )

    # -- inspector -----------------------------------------------------------------------------
    def _on_item_selection_changed(self, *_args: Any) -> None:
        self._clear_messages()  # a refusal belongs to the exercise it was typed for
        self._update_inspector()

    def _selected_item(self) -> tuple[int, RoutineItem] | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        return rows[0], self.items.item(rows[0])

    def _inspector_widgets(self) -> list[QWidget]:
        ui = self.ui
        return [
            ui.setsLabel, ui.setsSpin, ui.repsLabel, ui.repsSpin, ui.holdLabel, ui.holdSpin,
            ui.workLabel, ui.workSpin, ui.restLabel, ui.restSpin, ui.restAfterLabel, ui.restAfterSpin,
            ui.sidesLabel, ui.sidesCombo, ui.repModeLabel, ui.repModeCombo,
            ui.sectionLabel, ui.sectionCombo, ui.noteLabel, ui.noteEdit,
        ]  # fmt: skip

    def _update_inspector(self) -> None:
        ui = self.ui
        rows = self.selected_rows() if self._current is not None else []
        ui.removeItemButton.setEnabled(bool(rows))
        ui.duplicateItemButton.setEnabled(bool(rows))
        selected = self._selected_item()
        if selected is None:
            # nothing, or several: only the section applies to several at once
            ui.inspector.setTitle(
                f"{len(rows)} exercises selected: set their section"
                if rows
                else "Select an exercise to change it"
            )
            for widget in self._inspector_widgets():
                widget.setVisible(bool(rows) and widget in (ui.sectionLabel, ui.sectionCombo))
            self._clear_messages()
            return
        row, item = selected
        exercise = self.items.exercise(item.exercise_id)
        ui.inspector.setTitle(exercise.name if exercise else item.exercise_id)
        shown = {
            ui.repsLabel: item.reps is not None,
            ui.repsSpin: item.reps is not None,
            ui.holdLabel: item.hold_s is not None,
            ui.holdSpin: item.hold_s is not None,
            ui.workLabel: item.work_s is not None,
            ui.workSpin: item.work_s is not None,
            ui.repModeLabel: item.reps is not None,
            ui.repModeCombo: item.reps is not None,
        }
        for widget in self._inspector_widgets():
            widget.setVisible(shown.get(widget, True))
        ui.holdLabel.setText("H&old each rep" if item.reps is not None else "H&old")

        widgets_to_block: list[QWidget] = [spin for spin, _, _ in self._spins.values()]
        widgets_to_block += [ui.sidesCombo, ui.repModeCombo, ui.sectionCombo, ui.noteEdit]
        for widget in widgets_to_block:
            widget.blockSignals(True)
        try:
            for field, (spin, _, _) in self._spins.items():
                value = getattr(item, field)
                if value is not None:
                    spin.setValue(value)
            ui.sidesCombo.clear()
            allowed = ItemSides.allowed_for(exercise.sidedness) if exercise else (item.sides,)
            for sides in allowed:
                ui.sidesCombo.addItem(sides.label, sides.value)
            ui.sidesCombo.setCurrentIndex(max(0, ui.sidesCombo.findData(item.sides.value)))
            ui.sidesCombo.setEnabled(len(allowed) > 1)
            ui.repModeCombo.setCurrentIndex(max(0, ui.repModeCombo.findData(item.rep_mode.value)))
            index = ui.sectionCombo.findData(item.section)
            if index < 0:
                ui.sectionCombo.addItem(item.section, item.section)
                index = ui.sectionCombo.count() - 1
            ui.sectionCombo.setCurrentIndex(index)
            if ui.noteEdit.text() != item.note:
                ui.noteEdit.setText(item.note)
        finally:
            for widget in widgets_to_block:
                widget.blockSignals(False)

    def _edit(self, field: str, value: Any) -> None:
        selected = self._selected_item()
        if selected is None:
            return
        row, item = selected
        if getattr(item, field) != value:
            self.items.set_item(row, replace(item, **{field: value}), field)

    def _on_spin_value_changed(self, field: str, value: int) -> None:
        self._edit(field, value)

    def _on_sides_combo_activated(self, _index: int) -> None:
        self._edit("sides", ItemSides(self.ui.sidesCombo.currentData()))

    def _on_rep_mode_combo_activated(self, _index: int) -> None:
        self._edit("rep_mode", RepMode(self.ui.repModeCombo.currentData()))

    def _on_note_edit_finished(self) -> None:
        self._edit("note", self.ui.noteEdit.text().strip())

    def _on_section_combo_activated(self, index: int) -> None:
        data = self.ui.sectionCombo.itemData(index)
        self._set_section(data if isinstance(data, str) else self.ui.sectionCombo.currentText())

    def _on_section_edit_finished(self) -> None:
        text = self.ui.sectionCombo.currentText().strip()
        self._set_section("" if text == "(none)" else text[:120])

    def _set_section(self, section: str) -> None:
        rows = self.selected_rows()
        if rows:
            self.items.set_section(rows, section)

    def _show_message(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)  # until a value in range is committed

    def _clear_messages(self) -> None:
        for spin, note, _ in self._spins.values():
            spin.clear_refusal()
            note.clear()
            note.setVisible(False)
