"""The Library page: search and filter the exercises, read everything about the selected one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from hipdesk.app import settings
from hipdesk.app.changes import Change
from hipdesk.domain.model import Equipment, Exercise, Kind, Muscle, Position
from hipdesk.domain.rules import plural
from hipdesk.views.common.exercise_delegate import ExerciseDelegate
from hipdesk.views.common.exercise_filter import ExerciseFilterProxy
from hipdesk.views.common.exercise_model import ExerciseListModel, Role
from hipdesk.views.common.exercise_text import detail_html, facts_line
from hipdesk.views.common.widgets import key_action
from hipdesk.views.forms.ui_library_page import Ui_LibraryPage

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext
    from hipdesk.views.common.figure_support import FigurePanel


NO_EQUIPMENT = "none"


class LibraryPage(QWidget):
    current_exercise_changed = Signal(object)  # Exercise | None
    undo_stack = None  # exercise edits are not undone: each asks first

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_LibraryPage()
        self.ui.setupUi(self)
        self.model = ExerciseListModel(self)
        self.proxy = ExerciseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.ui.exerciseList.setModel(self.proxy)
        self.ui.exerciseList.setItemDelegate(ExerciseDelegate(self.ui.exerciseList))
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([360, 640])

        font = self.ui.nameLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.nameLabel.setFont(font)
        self.figure_placeholder = QLabel("", self.ui.figureFrame)
        self.figure_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.figureLayout.addWidget(self.figure_placeholder)
        self.figure_panel: FigurePanel | None = None

        self._fill_filter(self.ui.kindFilter, "All kinds", [(k.label, k) for k in Kind])
        self._fill_filter(self.ui.muscleFilter, "All muscles", [(m.label, m) for m in Muscle])
        self._fill_filter(
            self.ui.equipmentFilter,
            "Any equipment",
            [("No equipment beyond a mat", NO_EQUIPMENT)] + [(e.label, e) for e in Equipment],
        )
        self._fill_filter(self.ui.positionFilter, "All positions", [(p.label, p) for p in Position])

        self.ui.searchEdit.textChanged.connect(self._on_search_text_changed)
        for combo in self._filters():
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.ui.exerciseList.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        key_action(self.ui.searchEdit, "Clear the Search", "Esc", self.ui.searchEdit.clear)
        self.ui.searchEdit.returnPressed.connect(self._on_search_return_pressed)
        self.setFocusProxy(self.ui.searchEdit)
        self._shown: Exercise | None = None
        self.show_exercise(None)

    # -- setup ---------------------------------------------------------------------------------
    def _filters(self) -> list[QComboBox]:
        ui = self.ui
        return [ui.kindFilter, ui.muscleFilter, ui.equipmentFilter, ui.positionFilter]

    @staticmethod
    def _fill_filter(combo: QComboBox, everything: str, entries: list[tuple[str, Any]]) -> None:
        combo.addItem(everything, None)
        for label, value in entries:
            combo.addItem(label, value)

    def set_exercises(self, exercises: list[Exercise], keep: str | None = None) -> None:
        """Show ``exercises``, with ``keep`` (or the exercise shown before) chosen; when the one shown
        is gone (deleted), nothing is chosen and the detail says so."""
        current = keep or self.current_id()
        self.model.set_exercises(exercises)
        if current and not self.select(current):
            self.ui.exerciseList.clearSelection()
            self.ui.exerciseList.setCurrentIndex(QModelIndex())
            self.show_exercise(None)
        elif not current:
            self.select(exercises[0].id if exercises else "")
        self._update_count()

    def reload(self) -> None:
        """The shared exercises, with the one chosen kept, and the illustrations."""
        self.set_exercises(self.context.snapshot.current())
        self.enable_figures()

    def on_changed(self, change: Change) -> bool:
        """The exercises are taken in at once, even off screen: the list is the routine editor's
        palette too. Nothing is left to read when the page is next shown."""
        if change & Change.EXERCISES:
            self.set_exercises(self.context.snapshot.current())
        return False

    def restore_state(self) -> None:
        state = settings.LIBRARY_SPLITTER.get()
        if not state.isEmpty():
            self.ui.splitter.restoreState(state)

    def restore_selection(self) -> None:
        last = settings.LAST_EXERCISE.get()
        if last:
            self.select(last)

    def save_state(self) -> None:
        settings.LIBRARY_SPLITTER.set(self.ui.splitter.saveState())
        if self.model.rowCount():
            settings.LAST_EXERCISE.set(self.current_id() or "")

    def enable_figures(self) -> None:
        """Add the illustrations: animated thumbnails, and the large figure above the details.

        Called once the window is on screen, so that drawing code is not loaded before the first paint.
        """
        if self.figure_panel is not None:
            return
        from hipdesk.views.common.figure_support import THUMBNAILS, FigurePanel, ViewAnimator

        self.figure_placeholder.hide()
        self.figure_panel = FigurePanel(self.ui.figureFrame)
        self.ui.figureLayout.addWidget(self.figure_panel)
        self.figure_panel.show_exercise(self.current_exercise())
        delegate = self.ui.exerciseList.itemDelegate()
        assert isinstance(delegate, ExerciseDelegate)
        delegate.thumb_painter = THUMBNAILS.paint
        ViewAnimator(self.ui.exerciseList)
        self.ui.exerciseList.viewport().update()

    # -- selection -----------------------------------------------------------------------------
    def current_exercise(self) -> Exercise | None:
        index = self.ui.exerciseList.currentIndex()
        if not index.isValid():
            return None
        ex = index.data(Role.EXERCISE)
        return ex if isinstance(ex, Exercise) else None

    def current_id(self) -> str | None:
        ex = self.current_exercise()
        return ex.id if ex else None

    def select(self, exercise_id: str) -> bool:
        row = self.model.row_of(exercise_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.exerciseList.setCurrentIndex(index)
        self.ui.exerciseList.scrollTo(index)
        return True

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(Role.ID) for r in range(self.proxy.rowCount())]

    # -- reactions -----------------------------------------------------------------------------
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._keep_a_selection()

    def _on_filter_changed(self) -> None:
        # Qt hands the enum values back as plain strings; None means "all".
        def chosen(combo: QComboBox, enum: Any) -> Any:
            value = combo.currentData()
            return None if value in (None, NO_EQUIPMENT) else enum(value)

        self.proxy.set_filters(
            kind=chosen(self.ui.kindFilter, Kind),
            muscle=chosen(self.ui.muscleFilter, Muscle),
            equipment=chosen(self.ui.equipmentFilter, Equipment),
            no_equipment=self.ui.equipmentFilter.currentData() == NO_EQUIPMENT,
            position=chosen(self.ui.positionFilter, Position),
        )
        self._keep_a_selection()

    def _on_search_return_pressed(self) -> None:
        self.ui.exerciseList.setFocus()

    def _keep_a_selection(self) -> None:
        """After the list changed: the highlighted row is the current one, and the detail shows it.

        When a search hides the chosen exercise, Qt moves the current row to a neighbour without
        always selecting it or saying so; this puts list and detail back together.
        """
        view = self.ui.exerciseList
        if self.proxy.rowCount() == 0:
            view.clearSelection()
            self._show_if_new(None)
            return
        current = view.currentIndex()
        if not current.isValid():
            current = self.proxy.index(0, 0)
        view.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_if_new(self.current_exercise())

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            ex = indexes[0].data(Role.EXERCISE)
            self._show_if_new(ex if isinstance(ex, Exercise) else None)

    def _show_if_new(self, ex: Exercise | None) -> None:
        if ex != self._shown:
            self.show_exercise(ex)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = plural(total, "exercise") if shown == total else f"{shown} of {plural(total, 'exercise')}"
        self.ui.countLabel.setText(text)

    def show_exercise(self, ex: Exercise | None) -> None:
        ui = self.ui
        self._shown = ex
        if ex is None and self.proxy.rowCount():
            ui.nameLabel.setText("No exercise chosen")
            ui.factsLabel.setText("Choose one in the list to see how it is done.")
            ui.detailText.clear()
        elif ex is None:
            ui.nameLabel.setText("No exercise matches")
            ui.factsLabel.setText("Clear the search or the filters to see the whole library.")
            ui.detailText.clear()
        else:
            ui.nameLabel.setText(ex.name)
            ui.factsLabel.setText(facts_line(ex))
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            ui.detailText.setHtml(detail_html(ex, muted))
        if self.figure_panel is not None:
            self.figure_panel.show_exercise(ex)
        self.current_exercise_changed.emit(ex)
