"""The Exercise menu: new, duplicate, edit and delete the runner's own exercises, each through its
dialog; what changed goes back through the window's one path for a change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hipdesk.domain.errors import HipDeskError

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from hipdesk.app.changes import Change
    from hipdesk.app.context import AppContext
    from hipdesk.db.repo import Repo
    from hipdesk.domain.model import Exercise
    from hipdesk.views.library.page import LibraryPage

ApplyChange = Callable[..., None]  # apply_change(change, select=None, status=None)


class ExerciseActions(QObject):
    """``actions``: New, Duplicate, Edit and Delete, in that order (the window's menu items)."""

    def __init__(
        self,
        window: QWidget,
        context: Callable[[], AppContext],
        library: Callable[[], LibraryPage],
        apply_change: ApplyChange,
        actions: tuple[QAction, QAction, QAction, QAction],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.library = library
        self.apply_change = apply_change
        self.new_action, self.duplicate_action, self.edit_action, self.delete_action = actions
        self.new_action.triggered.connect(self.new)
        self.duplicate_action.triggered.connect(self.duplicate)
        self.edit_action.triggered.connect(self.edit)
        self.delete_action.triggered.connect(self.delete)

    def follow(self, ex: Exercise | None) -> None:
        """The actions the exercise chosen in the Library allows: only one's own is edited or deleted."""
        own = ex is not None and not ex.builtin
        self.duplicate_action.setEnabled(ex is not None)
        self.edit_action.setEnabled(own)
        self.delete_action.setEnabled(own)

    def run_dialog(self, exercise: Exercise | None, title: str | None = None) -> Exercise | None:
        from hipdesk.views.library.exercise_dialog import ExerciseDialog  # not needed at start-up

        dialog = ExerciseDialog(exercise, self.window)
        if title:
            dialog.setWindowTitle(title)
        if dialog.exec() != ExerciseDialog.DialogCode.Accepted:
            return None
        return dialog.result_exercise()

    def _save(
        self,
        edited: Exercise | None,
        status: Callable[[Exercise], str],
        operation: Callable[[Repo, Exercise], tuple[Exercise, Change]] | None = None,
    ) -> None:
        """Store what the dialog gave (nothing when it was cancelled) and say so; ``operation``:
        the exercise operation that stores it (create when none is given)."""
        from hipdesk.app.operations import exercises as exercise_ops  # with the first change

        if edited is None:
            return
        operation = operation or exercise_ops.create
        try:
            stored, change = operation(self.context().repo, edited)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(change, select=stored.id, status=status(stored))

    def new(self) -> None:
        self._save(self.run_dialog(None), lambda stored: f"Added “{stored.name}”.")

    def duplicate(self) -> None:
        """A copy to edit, stored only when its dialog is saved (Cancel leaves nothing behind)."""
        from hipdesk.app.operations import exercises as exercise_ops

        ex = self.library().current_exercise()
        if ex is None:
            return
        try:
            draft = exercise_ops.draft_copy(self.context().repo, ex.id)
        except HipDeskError as exc:
            self._report(exc)
            return
        edited = self.run_dialog(draft, f"Duplicate “{ex.name}”")
        self._save(edited, lambda stored: f"Added “{stored.name}”, your copy of “{ex.name}”.")

    def edit(self) -> None:
        ex = self.library().current_exercise()
        if ex is None or ex.builtin:
            return
        from hipdesk.app.operations import exercises as exercise_ops

        self._save(self.run_dialog(ex), lambda stored: f"Saved “{stored.name}”.", exercise_ops.edit)

    def delete(self) -> None:
        from hipdesk.app.operations import exercises as exercise_ops
        from hipdesk.views.common.widgets import confirm

        ex = self.library().current_exercise()
        if ex is None or ex.builtin:
            return
        if not confirm(
            self.window,
            "Delete Exercise",
            f"Delete your exercise “{ex.name}”? This cannot be undone.",
            "Delete",
        ):
            return
        change: Change
        try:
            change = exercise_ops.delete(self.context().repo, ex.id)
        except HipDeskError as exc:
            self._report(exc)
            return
        self.apply_change(change, status=f"Deleted “{ex.name}”.")

    def _report(self, exc: HipDeskError) -> None:
        from hipdesk.views.common.widgets import message

        message(self.window, "HipDesk", str(exc))
