"""Windows that fit the screen they open on: no button below the bottom edge of a 1280×720 laptop.

``fit_on_screen`` shrinks a window to the available area of its screen (what the panels and docks
leave), with room for the window manager's title bar and borders, and moves it inside that area;
``scroll_form`` puts a long form in a scroll area so that it can shrink that far.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QBoxLayout, QFrame, QLayout, QScrollArea, QWidget

# the title bar and borders a window manager adds, unknown until the window is shown
FRAME = QMargins(6, 34, 6, 6)


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` opens on: its parent window's, else its own, else the primary one."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    return screen or QGuiApplication.primaryScreen()


def usable_area(widget: QWidget) -> QRect:
    """Where the inside of ``widget``'s window may lie on its screen, frame and title bar left out."""
    return screen_of(widget).availableGeometry().marginsRemoved(FRAME)


def fit_on_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (a top-level window) to the usable area of its screen and move it inside."""
    area = usable_area(widget)
    wanted = widget.size() if widget.testAttribute(Qt.WidgetAttribute.WA_Resized) else widget.sizeHint()
    size = wanted.boundedTo(area.size()).expandedTo(QSize(1, 1))
    widget.resize(size)
    parent = widget.parentWidget()
    if parent is not None:
        window = parent.window()
        centre = window.mapToGlobal(window.rect().center())
    elif widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        centre = widget.geometry().center()
    else:
        centre = area.center()
    top_left = centre - QPoint(size.width() // 2, size.height() // 2)
    x = max(area.left(), min(top_left.x(), area.right() + 1 - size.width()))
    y = max(area.top(), min(top_left.y(), area.bottom() + 1 - size.height()))
    widget.move(x, y)


class FormScroll(QScrollArea):
    """A frameless scroll area as tall as its form where there is room for it."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        return inner.sizeHint() + QSize(self.verticalScrollBar().sizeHint().width(), 2)


def scroll_form(outer: QBoxLayout, form: QLayout, index: int = 0) -> QScrollArea:
    """Move ``form`` out of ``outer`` into a frameless scroll area at ``index``: the fields scroll on a
    small screen while the buttons below stay in view."""
    owner = outer.parentWidget()
    outer.removeItem(form)
    form.setParent(None)
    content = QWidget()
    content.setObjectName("formContent")
    content.setLayout(form)
    area = FormScroll(owner)
    area.setObjectName("formScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    area.setMinimumWidth(content.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    outer.insertWidget(index, area, 1)
    return area
