"""A row of big numbered buttons for a 0-10 answer that starts unanswered (unlike a slider)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget


class ScaleButtons(QWidget):
    """One checkable button per value; none is checked until the runner picks one.

    Clicking the checked button again takes the answer back (``value()`` is None again).
    """

    value_changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusivity by hand, so an answer can be taken back
        self._group.idClicked.connect(self._on_group_id_clicked)
        self._value: int | None = None
        self.set_range(0, 10)

    def set_range(self, low: int, high: int) -> None:
        for button in self._group.buttons():
            self._group.removeButton(button)
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        for number in range(low, high + 1):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"{self.accessibleName()} {number}".strip())
            self._group.addButton(button, number)
            self._layout.addWidget(button)
        self._value = None

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) == value)
        if value != self._value:
            self._value = value
            self.value_changed.emit(value)

    def buttons(self) -> list[QPushButton]:
        return [b for b in self._group.buttons() if isinstance(b, QPushButton)]

    def set_scale(self, pixel_size: int, height: int) -> None:
        """Type and button height for reading and tapping from the mat."""
        for button in self.buttons():
            font = QFont(button.font())
            font.setPixelSize(pixel_size)
            button.setFont(font)
            button.setMinimumHeight(height)
            button.setMinimumWidth(int(height * 0.9))

    def _on_group_id_clicked(self, number: int) -> None:
        self.set_value(None if number == self._value else number)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        for button in self.buttons():
            button.setAccessibleName(f"{name} {self._group.id(button)}")

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        chosen = self._group.button(self._value) if self._value is not None else None
        target = chosen or (self.buttons()[0] if self.buttons() else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
