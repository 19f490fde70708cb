"""The keyboard focus is seen in light and dark: a ring in the highlight colour on lists and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QListView, QPushButton, QVBoxLayout, QWidget

from hipdesk.views.common.appearance import FocusRingStyle, dark_palette


def ring_colour_share(widget: QWidget, colour: QColor) -> float:
    """How much of the widget's outermost-but-one ring of pixels is ``colour``."""
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    points = [(x, 1) for x in range(4, w - 4)] + [(1, y) for y in range(4, h - 4)]
    same = sum(1 for x, y in points if QColor(image.pixel(x, y)).rgb() == colour.rgb())
    return same / len(points)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focused_list_and_button_carry_a_ring_the_others_do_not(qtbot, scheme: str) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    style = FocusRingStyle("Fusion")
    palette = dark_palette() if scheme == "dark" else style.standardPalette()
    layout = QVBoxLayout(holder)
    lists = [QListView(holder), QListView(holder)]
    buttons = [QPushButton("Start", holder), QPushButton("Stop", holder)]
    for widget in [*lists, *buttons]:
        widget.setStyle(style)
        widget.setPalette(palette)
        layout.addWidget(widget)
    for view in lists:
        view.setModel(QStringListModel(["Glute Bridge", "Clamshell"], view))
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow, timeout=3000)
    highlight = palette.color(QPalette.ColorRole.Highlight)

    lists[0].setFocus()
    qtbot.waitUntil(lists[0].hasFocus)
    assert ring_colour_share(lists[0], highlight) > 0.9
    assert ring_colour_share(lists[1], highlight) < 0.1
    buttons[1].setFocus()
    qtbot.waitUntil(buttons[1].hasFocus)
    assert ring_colour_share(lists[0], highlight) < 0.1  # the ring leaves with the focus
    assert ring_colour_share(buttons[1], highlight) > 0.5
    assert ring_colour_share(buttons[0], highlight) < 0.1
