"""Light and dark: Qt's colour scheme where the platform follows it, a matching palette where not."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1f2123",
    QPalette.ColorRole.AlternateBase: "#303236",
    QPalette.ColorRole.ToolTipBase: "#3a3d41",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#9a9ea3",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#35373b",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3e4145",
    QPalette.ColorRole.Mid: "#5a5e63",
    QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Shadow: "#0d0d0e",
    QPalette.ColorRole.Highlight: "#2f8fce",
    QPalette.ColorRole.Accent: "#3ea2e0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#5cb3ef",
    QPalette.ColorRole.LinkVisited: "#a28ce0",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c8085"))
    return palette


def apply_color_scheme(name: str) -> None:
    """``system``, ``light`` or ``dark``: ask the platform, and paint it ourselves where it does not."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(name)
    if wanted is None:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(wanted)
    followed = wanted is None or hints.colorScheme() == wanted
    if followed:
        app.setPalette(app.style().standardPalette())
    else:  # e.g. X11 with no platform theme: the request is ignored, so set the palette directly
        app.setPalette(dark_palette() if wanted is Qt.ColorScheme.Dark else app.style().standardPalette())


class FocusRingStyle(QProxyStyle):
    """The platform's style, with the keyboard focus seen in light and dark alike: a ring in the
    palette's highlight colour around the focused button, list or table."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractItemView):
            return max(2, super().pixelMetric(metric, option, widget))  # room for the ring
        return super().pixelMetric(metric, option, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element == QStyle.ControlElement.CE_PushButton and focused:
            _ring(painter, option, QRectF(option.rect).adjusted(1, 1, -1, -1), 3)
        elif (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QAbstractItemView)
            and widget.hasFocus()
            and widget.frameShape() != QFrame.Shape.NoFrame
        ):
            _ring(painter, option, QRectF(option.rect).adjusted(1, 1, -1, -1), 0)


def _ring(painter: QPainter, option: QStyleOption, rect: QRectF, radius: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, radius > 0)
    painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _repaint_frames(*widgets: QWidget | None) -> None:
    for widget in widgets:
        if isinstance(widget, QAbstractItemView):
            widget.update()


def install_focus_ring(app: QApplication) -> None:
    """Draw the focus ring (FocusRingStyle) over the platform's style, once."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
        app.focusChanged.connect(_repaint_frames)  # a list's frame is not repainted on focus by itself
