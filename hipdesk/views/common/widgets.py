"""Small reusable widgets: a spin box that commits when editing ends and says why it refused a number, a
list that drags."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QDrag, QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QAbstractItemView, QListView, QMessageBox, QSpinBox, QWidget

REFUSED_FRAME = "QSpinBox { border: 2px solid #d32f2f; border-radius: 3px; }"  # reads on light and dark


def key_action(widget: QWidget, text: str, keys: str, slot: Callable[[], object]) -> QAction:
    """A keyboard command of ``widget`` and what is inside it, named so that Help ▸ Keyboard
    Shortcuts can list it."""
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


class BoundedSpinBox(QSpinBox):
    """A spin box that commits when editing finishes (Enter, leaving the field, the arrows), never on
    each keystroke, and refuses a typed number outside its range instead of cutting it to the limit:
    the field gets a red frame and ``value_refused`` says why, until a value in range is committed."""

    value_refused = Signal(str)  # a sentence for the label next to the field
    refusal_cleared = Signal()  # a value in range was committed: the sentence can go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = "This value"
        self.refused = False
        self.setKeyboardTracking(False)  # typing "99" commits 99 once, not 9 on the way
        self.valueChanged.connect(self.clear_refusal)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid and self._typed(text) is not None:
            return QValidator.State.Intermediate, text, pos  # kept as typed, judged when editing ends
        return result

    def _typed(self, text: str) -> int | None:
        digits = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        return int(digits) if digits.lstrip("-").isdigit() else None

    def _out_of_range(self) -> int | None:
        number = self._typed(self.text())
        if number is None or self.minimum() <= number <= self.maximum():
            return None
        return number

    def _refuse(self, number: int) -> None:
        self.refused = True
        self.setStyleSheet(REFUSED_FRAME)
        unit = self.suffix()
        self.value_refused.emit(
            f"{self.what} goes from {self.minimum()} to {self.maximum()}{unit}: {number}{unit} was not saved."
        )

    def clear_refusal(self) -> None:
        if self.refused:
            self.refused = False
            self.setStyleSheet("")
            self.refusal_cleared.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            number = self._out_of_range()
            if number is not None:
                self._refuse(number)  # the typed text stays, to be put right
                self.selectAll()
                event.accept()
                return
            self.clear_refusal()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        number = self._out_of_range()
        if number is not None:
            self._refuse(number)  # the field goes back to the value kept
        super().focusOutEvent(event)


class DragListView(QListView):
    """A list whose model handles the whole drop (moves included): the view only starts the drag.

    QAbstractItemView would remove the dragged rows after a move; HipDesk's models do the move
    themselves, as one undoable step, so that removal is left out here.
    """

    delete_requested = Signal()  # Delete or Backspace on the list

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def startDrag(self, supported: Qt.DropAction) -> None:
        indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not indexes or self.model() is None:
            return
        data = self.model().mimeData(indexes)
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        rect = self.visualRect(indexes[0])
        pixmap = self.viewport().grab(rect)
        drag.setPixmap(pixmap)
        drag.setHotSpot(self.viewport().mapFromGlobal(self.cursor().pos()) - rect.topLeft())
        drag.exec(supported, self.defaultDropAction())

    def configure_drag_source(self) -> None:
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def configure_drop_target(self) -> None:
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)


def message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """A message box that shows ``text`` exactly as written: names in it are never read as markup."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be taken back; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    accept = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def ask(parent: QWidget | None, title: str, text: str, choices: list[str]) -> str | None:
    """A question with named answers (the first is the default); returns the answer, None if closed."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice for choice in choices}
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    clicked = box.clickedButton()
    return next((choice for button, choice in buttons.items() if button is clicked), None)
