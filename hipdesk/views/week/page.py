"""The Week page: routines laid onto the days of the running week, with notes from the article."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFontMetrics,
    QIcon,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hipdesk.app.changes import Change
from hipdesk.app.operations import plan as plan_ops
from hipdesk.app.settings import current_pace
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.guidance import Note, Severity, minutes_text, week_notes
from hipdesk.domain.model import WEEKDAY_NAMES, Exercise, Routine, RunKind, WeekPlan
from hipdesk.runs.plan import PlanRun, with_dated_runs
from hipdesk.views.common.exercise_delegate import TwoLineDelegate
from hipdesk.views.common.routine_list_model import Role as RoutineRole
from hipdesk.views.common.routine_list_model import RoutineListModel
from hipdesk.views.common.text import plain_tooltip
from hipdesk.views.common.weekdays import first_weekday, week_order
from hipdesk.views.common.widgets import DragListView, key_action
from hipdesk.views.forms.ui_week_page import Ui_WeekPage
from hipdesk.views.week.delegate import PlannedRoutineDelegate
from hipdesk.views.week.model import Position, Role, WeekModel

if TYPE_CHECKING:
    from hipdesk.app.context import AppContext


MESSAGE_MS = 6000
WARNING_ICON = 14  # px, the mark beside a day with notes


def _blank_icon() -> QIcon:
    """An empty icon, so that notes without one line up with the others."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class DayList(DragListView):
    """One day's planned routines: a drop target whose root is the day in the week model."""

    focused = Signal()
    drop_hovered = Signal(bool)  # a drag that can land here is over the list, or has left it
    files_dropped = Signal(list)  # local files (Path) dropped on the day

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    @staticmethod
    def _files(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> list[Path]:
        data = event.mimeData()
        urls = data.urls() if data is not None and data.hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls] if urls and all(u.isLocalFile() for u in urls) else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._files(event):  # routine files: imported and planned on this day
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)
        self.drop_hovered.emit(event.isAccepted())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)
        self.drop_hovered.emit(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self.drop_hovered.emit(False)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)
        self.drop_hovered.emit(False)


class DayColumn(QFrame):
    """A day: its name, its run, its planned routines, its minutes."""

    run_chosen = Signal(int, str)  # weekday, RunKind value
    files_dropped = Signal(int, list)  # weekday, the routine files (Path) dropped on it

    def __init__(self, model: WeekModel, weekday: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekday = weekday
        self.model = model
        self.setObjectName(f"day{WEEKDAY_NAMES[weekday]}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)
        layout.setSpacing(4)
        header = QHBoxLayout()
        header.setSpacing(4)
        self.name_label = QLabel(WEEKDAY_NAMES[weekday], self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.warning_label = QLabel(self)
        self.warning_label.setVisible(False)
        # the longest name, in the padding of today's mark, with the warning icon beside it
        widest = max(QFontMetrics(font).horizontalAdvance(name) for name in WEEKDAY_NAMES)
        self.name_label.setMinimumWidth(widest + 10)
        self.setMinimumWidth(max(104, widest + 10 + header.spacing() + WARNING_ICON + 12))
        header.addWidget(self.name_label)
        header.addStretch(1)
        header.addWidget(self.warning_label)
        layout.addLayout(header)

        self.run_combo = QComboBox(self)
        self.run_combo.setAccessibleName(f"Run on {WEEKDAY_NAMES[weekday]}")
        self.run_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.run_combo.setMinimumContentsLength(6)
        for kind in RunKind:
            self.run_combo.addItem(kind.label, kind.value)
        self.run_combo.activated.connect(self._on_run_combo_activated)
        layout.addWidget(self.run_combo)
        self.dated_label = QLabel(self)  # this week's run from the training plan, when it differs
        self.dated_label.setTextFormat(Qt.TextFormat.PlainText)
        self.dated_label.setWordWrap(True)
        self.dated_label.hide()
        layout.addWidget(self.dated_label)

        self.list = DayList(self)
        self.list.setObjectName(f"dayList{weekday}")
        self.list.setAccessibleName(f"Routines on {WEEKDAY_NAMES[weekday]}")
        self.list.setModel(model)
        self.list.setRootIndex(model.day_index(weekday))
        self.list.setItemDelegate(PlannedRoutineDelegate(self.list))
        self.list.configure_drop_target()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setResizeMode(DayList.ResizeMode.Adjust)
        self.list.setSpacing(1)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.viewport().setAutoFillBackground(False)
        layout.addWidget(self.list, 1)

        self.minutes_label = QLabel(self)
        self.minutes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.minutes_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.minutes_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.minutes_label)
        self.drop_target = False  # a routine dragged over the day would land here
        self._highlighted = False
        self.list.drop_hovered.connect(self._on_list_drop_hovered)
        self.list.files_dropped.connect(lambda paths: self.files_dropped.emit(self.weekday, paths))
        self.set_marks(today=False, highlighted=False, warnings=[])

    def _on_list_drop_hovered(self, over: bool) -> None:
        if over != self.drop_target:
            self.drop_target = over
            self._restyle()

    def _restyle(self) -> None:
        if self.drop_target:  # the day under the pointer while dragging: filled and outlined
            self.setStyleSheet(
                "DayColumn { background: palette(alternate-base); border: 2px dashed palette(highlight);"
                " padding: 0px; border-radius: 8px; }"
            )
            return
        border = "palette(highlight)" if self.is_today or self._highlighted else "palette(mid)"
        width = 2 if self._highlighted else 1  # a thicker border gives up padding: the content stays put
        self.setStyleSheet(
            f"DayColumn {{ background: palette(base); border: {width}px solid {border};"
            f" padding: {2 - width}px; border-radius: 8px; }}"
        )

    def _on_run_combo_activated(self, _index: int) -> None:
        self.run_chosen.emit(self.weekday, str(self.run_combo.currentData()))

    def reroot(self) -> None:
        """Point the list at this day again (a model reset forgets every view's root)."""
        self.list.setRootIndex(self.model.day_index(self.weekday))

    def refresh(self) -> None:
        """Show the day's run and minutes as the model has them."""
        run = self.model.run(self.weekday)
        index = self.run_combo.findData(run.value)
        if index != self.run_combo.currentIndex():
            self.run_combo.setCurrentIndex(index)
        minutes = self.model.day_minutes(self.weekday)
        count = len(self.model.entries(self.weekday))
        if count == 0:
            self.minutes_label.setText("Nothing planned")
        elif minutes == 0:
            self.minutes_label.setText("—")
        else:
            self.minutes_label.setText(f"about {minutes_text(minutes)}")

    def set_marks(self, today: bool, highlighted: bool, warnings: Sequence[str]) -> None:
        self.is_today = today
        name = WEEKDAY_NAMES[self.weekday]
        self.name_label.setStyleSheet(
            "background: palette(highlight); color: palette(highlighted-text); border-radius: 4px;"
            " padding: 0 4px;"
            if today
            else "padding: 0 4px;"
        )
        self.name_label.setToolTip("Today" if today else "")
        self.name_label.setAccessibleName(f"{name}, today" if today else name)
        self._highlighted = highlighted
        self._restyle()
        if warnings:
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.warning_label.setPixmap(icon.pixmap(QSize(WARNING_ICON, WARNING_ICON)))
            self.warning_label.setToolTip("".join(plain_tooltip(w) for w in warnings))
            self.warning_label.setAccessibleName("Notes on this day: " + " ".join(warnings))
        self.warning_label.setVisible(bool(warnings))


class WeekPage(QWidget):
    changed = Signal(object)  # the Change a plan edit made
    status_message = Signal(str)
    export_requested = Signal()
    files_dropped = Signal(int, list)  # weekday, routine files dropped on it: import them and plan them there

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WeekPage()
        self.ui.setupUi(self)
        self.context = context
        self.repo = context.repo
        self.today: Callable[[], dt.date] = dt.date.today
        self._exercises: dict[str, Exercise] = {}
        self._dated: dict[int, PlanRun] = {}
        self._notes: list[Note] = []
        self._loading = False
        self._last_day: int | None = None
        ui = self.ui
        font = ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        ui.titleLabel.setFont(font)
        ui.summaryLabel.setStyleSheet("color: palette(placeholder-text);")
        ui.routinesHint.setStyleSheet("color: palette(placeholder-text);")
        title_font = ui.routinesTitle.font()
        title_font.setBold(True)
        ui.routinesTitle.setFont(title_font)

        self.undo_stack = QUndoStack(self)
        self.model = WeekModel(self.undo_stack, self)
        self.routine_list = RoutineListModel(self)
        ui.routineList.setModel(self.routine_list)
        delegate = TwoLineDelegate(ui.routineList, thumbnails=False)
        delegate.subtitle_role = RoutineRole.SUBTITLE
        ui.routineList.setItemDelegate(delegate)
        ui.routineList.configure_drag_source()
        ui.routineList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.routineList.activated.connect(self._on_routine_list_activated)

        self.columns: dict[int, DayColumn] = {}
        for weekday in week_order():
            column = DayColumn(self.model, weekday, ui.daysWidget)
            ui.daysLayout.addWidget(column, 1)
            self.columns[weekday] = column
            column.run_chosen.connect(self._on_column_run_chosen)
            column.files_dropped.connect(self.files_dropped)
            column.list.delete_requested.connect(self.remove_selected)
            column.list.focused.connect(lambda weekday=weekday: self._on_day_list_focused(weekday))
            column.list.customContextMenuRequested.connect(
                lambda pos, weekday=weekday: self._on_day_list_context_menu(weekday, pos)
            )
        order = week_order()
        QWidget.setTabOrder(ui.routineList, ui.addButton)
        previous: QWidget = ui.addButton
        for weekday in order:
            QWidget.setTabOrder(previous, self.columns[weekday].run_combo)
            QWidget.setTabOrder(self.columns[weekday].run_combo, self.columns[weekday].list)
            previous = self.columns[weekday].list

        self.add_menu = QMenu(self)
        for weekday in order:
            action = self.add_menu.addAction(WEEKDAY_NAMES[weekday])
            action.triggered.connect(
                lambda _checked=False, weekday=weekday: self.add_selected_routines(weekday)
            )
        ui.addButton.setMenu(self.add_menu)

        ui.splitter.setSizes([176, 900])
        ui.splitter.setStretchFactor(1, 1)
        ui.guidanceList.setMaximumHeight(150)
        ui.guidanceList.setUniformItemSizes(False)
        ui.guidanceList.setResizeMode(ui.guidanceList.ResizeMode.Adjust)
        ui.guidanceList.setTextElideMode(Qt.TextElideMode.ElideNone)
        ui.guidanceList.currentItemChanged.connect(self._on_guidance_current_changed)
        ui.removeMissingButton.clicked.connect(self.remove_missing)
        ui.exportButton.clicked.connect(self.export_requested)
        ui.removeMissingButton.setVisible(False)

        self.model.plan_changed.connect(self._on_model_plan_changed)
        self.model.notice.connect(self._on_model_notice)
        self.model.placed.connect(self._on_model_placed)
        self.model.dataChanged.connect(self._on_model_data_changed)
        self.model.modelReset.connect(self._on_model_reset)

        self.remove_action = QAction("Remove from the Week", self)
        self.remove_action.triggered.connect(self.remove_selected)
        self._build_day_menu()
        days = ui.daysWidget
        key_action(days, "Move Routine Up", "Ctrl+Up", lambda: self.move_selected(rows=-1))
        key_action(days, "Move Routine Down", "Ctrl+Down", lambda: self.move_selected(rows=1))
        key_action(days, "Move Routine to the Day Before", "Ctrl+Left", lambda: self.move_selected(days=-1))
        key_action(days, "Move Routine to the Day After", "Ctrl+Right", lambda: self.move_selected(days=1))
        self._refresh_columns()

    def _build_day_menu(self) -> None:
        """The right-click menu of a day, made once; each opening fills in the day and the entry."""
        self._menu_weekday = week_order()[0]
        self._menu_index = QPersistentModelIndex()
        self._menu_position: Position | None = None
        self._menu_positions: list[Position] = []
        menu = self.day_menu = QMenu(self)
        self._set_time_action = menu.addAction("Set Time…")
        self._set_time_action.triggered.connect(self._on_menu_set_time)
        self._any_time_action = menu.addAction("Any Time")
        self._any_time_action.triggered.connect(self._on_menu_any_time)
        self._move_menu = menu.addMenu("Move to")
        self._move_actions: dict[int, QAction] = {}
        for other in week_order():
            action = self._move_menu.addAction(WEEKDAY_NAMES[other])
            action.triggered.connect(
                lambda _checked=False, other=other: self.model.move_entries(self._menu_positions, other)
            )
            self._move_actions[other] = action
        self._entry_separator = menu.addSeparator()
        menu.addAction(self.remove_action)
        self._plan_menu = menu.addMenu("")
        self._missing_separator = menu.addSeparator()
        self._remove_missing_action = menu.addAction("")
        self._remove_missing_action.triggered.connect(self.remove_missing)
        self._entry_actions = [
            self._set_time_action,
            self._any_time_action,
            self._move_menu.menuAction(),
            self._entry_separator,
        ]

    def _on_menu_set_time(self) -> None:
        if self._menu_index.isValid():
            self.columns[self._menu_weekday].list.edit(self._menu_index)

    def _on_menu_any_time(self) -> None:
        if self._menu_position is not None:
            self.model.set_time(self._menu_position, None)

    # -- data ----------------------------------------------------------------------------------
    def on_changed(self, change: Change) -> bool:
        """True when the plan, the routines on it, their exercises or their lengths changed."""
        return bool(change & (Change.EXERCISES | Change.ROUTINES | Change.PLAN | Change.SETTINGS))

    def reload(self) -> None:
        """Read the routines and the plan again (the routines may have changed elsewhere)."""
        routines = self.repo.routines()
        self._exercises = self.context.snapshot.by_id()
        self.model.pace = current_pace(self._exercises)
        self.routine_list.set_pace(self.model.pace)
        self._dated = self._dated_runs()
        self.show_plan(self.repo.week_plan(), routines)

    def _dated_runs(self) -> dict[int, PlanRun]:
        """This week's runs from the imported training plan, by weekday."""
        from hipdesk.db.runs import RunStore

        return RunStore(self.repo.db).week_runs(self.today(), first_weekday(QLocale()))

    def show_plan(self, plan: WeekPlan, routines: list[Routine]) -> None:
        self._loading = True
        self.routine_list.set_routines(routines)
        self.model.set_plan(plan, routines)
        self._loading = False
        self.ui.addButton.setEnabled(bool(routines))
        self.ui.routinesHint.setText(
            "Drag a routine onto a day." if routines else "No routines yet: make one on the Routines page."
        )
        self._refresh_columns()
        self._refresh_notes()

    # -- saving as you go ----------------------------------------------------------------------
    def _on_model_plan_changed(self) -> None:
        if self._loading:
            return
        try:
            _plan, change = plan_ops.save(self.repo, self.model.plan())
        except HipDeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.changed.emit(change)
        self._refresh_notes()

    def _on_model_notice(self, text: str) -> None:
        self.status_message.emit(text)

    def _on_model_data_changed(
        self, top_left: QModelIndex, _bottom_right: QModelIndex, *_roles: object
    ) -> None:
        if top_left.data(Role.IS_DAY):
            column = self.columns.get(top_left.row())
            if column is not None:
                column.refresh()

    def _on_model_reset(self) -> None:
        for column in self.columns.values():
            column.reroot()
        self._refresh_columns()

    def _refresh_columns(self) -> None:
        today = self.today().weekday()
        for weekday, column in self.columns.items():
            column.refresh()
            warnings = [
                n.text for n in self._notes if n.severity is Severity.CAUTION and weekday in n.weekdays
            ]
            column.set_marks(
                today=weekday == today, highlighted=weekday in self._highlighted(), warnings=warnings
            )

    def _highlighted(self) -> tuple[int, ...]:
        item = self.ui.guidanceList.currentItem()
        note = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return note.weekdays if isinstance(note, Note) else ()

    def _refresh_notes(self) -> None:
        plan = with_dated_runs(self.model.plan(), {w: r.kind for w, r in self._dated.items()})
        for weekday, column in self.columns.items():
            run = self._dated.get(weekday)
            shown = run is not None and run.kind is not self.model.run(weekday)
            column.dated_label.setText(f"This week: {run.kind.label}" if run is not None and shown else "")
            column.dated_label.setToolTip(f"From your training plan: {run.title}" if run is not None else "")
            column.dated_label.setVisible(shown)
        self._notes = week_notes(plan, self.model.routines(), self._exercises, self.model.pace)
        guidance = self.ui.guidanceList
        guidance.blockSignals(True)
        guidance.clear()
        icons = {
            Severity.CAUTION: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Severity.ADVICE: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            Severity.INFO: _blank_icon(),
        }
        for note in self._notes:
            item = QListWidgetItem(icons[note.severity], note.text)
            item.setData(Qt.ItemDataRole.UserRole, note)
            item.setToolTip(plain_tooltip(note.text))
            guidance.addItem(item)
        guidance.blockSignals(False)
        missing = len(self.model.missing_positions())
        self.ui.removeMissingButton.setVisible(missing > 0)
        self.ui.removeMissingButton.setText(
            "Remove the Deleted Routine" if missing == 1 else "Remove the Deleted Routines"
        )
        planned = sum(len(day.routines) for day in plan.days)
        total = sum(self.model.day_minutes(d) for d in range(7))
        if planned == 0:
            self.ui.summaryLabel.setText("Nothing planned yet")
        else:
            self.ui.summaryLabel.setText(
                f"{planned} {'routine' if planned == 1 else 'routines'} planned · about "
                f"{minutes_text(total)} a week"
            )
        self._refresh_columns()

    # -- planning ------------------------------------------------------------------------------
    def _current_day(self) -> int:
        return self._last_day if self._last_day is not None else self.today().weekday()

    def _on_routine_list_activated(self, index: QModelIndex) -> None:
        self.add_selected_routines(self._current_day())

    def add_selected_routines(self, weekday: int) -> None:
        rows = sorted(i.row() for i in self.ui.routineList.selectionModel().selectedIndexes())
        if not rows and self.ui.routineList.currentIndex().isValid():
            rows = [self.ui.routineList.currentIndex().row()]
        ids = [self.routine_list.routine_at(r).id for r in rows]
        self.model.add_routines([i for i in ids if i is not None], weekday)

    def _on_column_run_chosen(self, weekday: int, value: str) -> None:
        self.model.set_run(weekday, RunKind(value))

    def _on_day_list_focused(self, weekday: int) -> None:
        self._last_day = weekday
        for other, column in self.columns.items():
            if other != weekday:
                column.list.clearSelection()

    def _on_model_placed(self, weekday: int, row: int, count: int) -> None:
        """Select what was just dropped or moved, in its new day."""
        column = self.columns.get(weekday)
        if column is None or self._loading:
            return
        selection = column.list.selectionModel()
        selection.clearSelection()
        for offset in range(count):
            selection.select(
                self.model.entry_index(weekday, row + offset), QItemSelectionModel.SelectionFlag.Select
            )
        current = self.model.entry_index(weekday, row)
        selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)

    def selected_positions(self) -> list[tuple[int, int]]:
        positions = []
        for column in self.columns.values():
            for index in column.list.selectionModel().selectedIndexes():
                position = self.model.position(index)
                if position is not None:
                    positions.append(position)
        return sorted(positions)

    def move_selected(self, days: int = 0, rows: int = 0) -> None:
        """Move the selected routines ``rows`` places within their day, or to the day ``days`` columns
        away (where the day's time order puts them); one undoable step."""
        positions = self.selected_positions()
        if not positions:
            return
        weekday = positions[0][0]
        if days:
            order = list(week_order())
            at = order.index(weekday) + days
            if 0 <= at < len(order) and self.model.move_entries(positions, order[at]):
                self.columns[order[at]].list.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        same_day = [r for d, r in positions if d == weekday]
        row = same_day[0] - 1 if rows < 0 else same_day[-1] + 2
        if 0 <= row <= len(self.model.entries(weekday)):
            self.model.move_entries(positions, weekday, row)

    def remove_selected(self) -> None:
        positions = self.selected_positions()
        if not positions:
            return
        weekday, row = positions[0]
        self.model.remove_entries(positions)
        remaining = len(self.model.entries(weekday))
        if remaining:
            self.columns[weekday].list.selectionModel().setCurrentIndex(
                self.model.entry_index(weekday, min(row, remaining - 1)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )

    def remove_missing(self) -> None:
        count = self.model.remove_missing()
        if count:
            self.status_message.emit(
                "Removed the deleted routine from your week."
                if count == 1
                else f"Removed {count} deleted routines from your week."
            )

    def _on_day_list_context_menu(self, weekday: int, pos: QPoint) -> None:
        view = self.columns[weekday].list
        index = view.indexAt(pos)
        menu = self.day_menu
        on_entry = index.isValid()
        self._menu_weekday = weekday
        self._menu_index = QPersistentModelIndex(index)
        self._menu_position = self.model.position(index) if on_entry else None
        if on_entry:
            if not view.selectionModel().isSelected(index):
                view.setCurrentIndex(index)
            missing = bool(index.data(Role.MISSING))
            self._set_time_action.setEnabled(not missing)
            self._any_time_action.setEnabled(not missing and index.data(Qt.ItemDataRole.EditRole) != "")
            position = self._menu_position
            self._menu_positions = self.selected_positions() or ([position] if position else [])
            for other, action in self._move_actions.items():
                action.setEnabled(other != weekday)
            if self.remove_action not in menu.actions():
                menu.insertAction(self._plan_menu.menuAction(), self.remove_action)
        else:
            self._menu_positions = []
            menu.removeAction(self.remove_action)
        for action in self._entry_actions:
            action.setVisible(on_entry)
        self._plan_menu.setTitle(f"Plan on {WEEKDAY_NAMES[weekday]}")
        self._plan_menu.clear()  # deletes the actions it made last time
        for row in range(self.routine_list.rowCount()):
            routine = self.routine_list.routine_at(row)
            action = self._plan_menu.addAction(routine.name.replace("&", "&&"))
            action.triggered.connect(
                lambda _checked=False, rid=routine.id: self.model.add_routines([rid], weekday)
            )
        self._plan_menu.setEnabled(self.routine_list.rowCount() > 0)
        has_missing = bool(self.model.missing_positions())
        self._missing_separator.setVisible(has_missing)
        self._remove_missing_action.setVisible(has_missing)
        self._remove_missing_action.setText(self.ui.removeMissingButton.text())
        menu.exec(view.viewport().mapToGlobal(pos))

    def _on_guidance_current_changed(self, *_args: object) -> None:
        self._refresh_columns()
