"""A line over an empty list, table or chart that says what will appear there and how."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget


class EmptyNote(QLabel):
    """Covers ``over`` (a view's viewport, a chart) with centred, muted text while it is shown.

    The note lets the mouse through, so the view under it keeps working.
    """

    def __init__(self, over: QWidget, text: str = "") -> None:
        super().__init__(text, over)
        self.setObjectName("emptyNote")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("color: palette(placeholder-text); padding: 12px;")
        self.setGeometry(over.rect())
        over.installEventFilter(self)
        self.hide()

    def show_text(self, text: str | None) -> None:
        """Show ``text`` over the view; None or "" hides the note."""
        if text:
            self.setText(text)
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
            self.raise_()
        self.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QWidget)
            and watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
        ):
            self.setGeometry(watched.rect())
        return False
