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

from hipdesk.app import settings

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


TEXT_CONTRAST = 4.5  # what WCAG asks of text
MUTED_CONTRAST = 5.0  # a little more for muted text leaves room for anti-aliasing


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` painted on ``background``: what the eye sees of a translucent colour."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def _mix(text: QColor, background: QColor, share: float) -> QColor:
    return over(QColor.fromRgbF(text.redF(), text.greenF(), text.blueF(), share), background)


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: between the text and the background, as faint as it can be while still reading
    at MUTED_CONTRAST on both the window and the base (cards, lists) backgrounds."""
    text = palette.color(QPalette.ColorRole.WindowText)
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    share = 0.55
    while share < 1.0:
        candidate = _mix(text, backgrounds[0], share)
        if all(contrast_ratio(candidate, b) >= MUTED_CONTRAST for b in backgrounds):
            return candidate
        share += 0.05
    return QColor(text)


def _until_readable(colour: QColor, backgrounds: tuple[QColor, ...], darker: bool) -> QColor:
    """``colour`` made darker (or lighter) step by step until it reads at 4.5:1 on every background."""
    colour = QColor(colour)
    for _step in range(20):
        if all(contrast_ratio(colour, b) >= TEXT_CONTRAST for b in backgrounds):
            break
        colour = colour.darker(110) if darker else colour.lighter(110)
    return colour


def readable_highlight(palette: QPalette) -> QColor:
    """The selection colour, darker (or lighter, under dark text) until its text reads at 4.5:1."""
    text = palette.color(QPalette.ColorRole.HighlightedText)
    return _until_readable(palette.color(QPalette.ColorRole.Highlight), (text,), text.lightness() >= 128)


def readable_accent(palette: QPalette) -> QColor:
    """The accent colour, for headings: darker (or lighter, in dark) until it reads at 4.5:1 on the
    window and the base."""
    backgrounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    return _until_readable(
        palette.color(QPalette.ColorRole.Accent), backgrounds, backgrounds[0].lightness() >= 128
    )


def readable_roles(palette: QPalette) -> dict[QPalette.ColorRole, QColor]:
    """The roles HipDesk corrects on any palette: muted text, the selection and the accent."""
    return {
        QPalette.ColorRole.PlaceholderText: muted_text(palette),
        QPalette.ColorRole.Highlight: readable_highlight(palette),
        QPalette.ColorRole.Accent: readable_accent(palette),
    }


def readable(palette: QPalette, into: QPalette | None = None) -> QPalette:
    """``palette`` (or only these roles, set on ``into``) with muted text opaque and readable on the
    window and the base, and selected text readable on the selection."""
    fixed = QPalette(palette) if into is None else into
    for role, colour in readable_roles(palette).items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            fixed.setColor(group, role, colour)
    return fixed


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
        palette = app.style().standardPalette()
    else:  # e.g. X11 with no platform theme: the request is ignored, so set the palette directly
        palette = dark_palette() if wanted is Qt.ColorScheme.Dark else app.style().standardPalette()
    app.setPalette(readable(palette))
    restyle(app)


def use_color_scheme(name: str) -> None:
    """``system``: the platform's colours, made readable (and again whenever they change); ``light``
    or ``dark``: HipDesk's own."""
    if name == "system":
        keep_readable()
    else:
        apply_color_scheme(name)


def keep_readable() -> None:
    """Leave the platform's colours as they are but for the muted text, which is made readable on them;
    again whenever the platform's scheme changes while HipDesk runs."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if not app.property("hipdeskFollowsScheme"):
        app.setProperty("hipdeskFollowsScheme", True)
        hints.colorSchemeChanged.connect(_on_platform_scheme_changed)
    _on_platform_scheme_changed()


def _on_platform_scheme_changed() -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication) or settings.COLOR_SCHEME.get() != "system":
        return  # a light or dark of HipDesk's own keeps its palette
    app.setPalette(QPalette())  # back to the platform's colours, then correct only a few roles
    app.setPalette(readable(app.palette(), into=QPalette()))  # the others follow the platform
    restyle(app)


def restyle(app: QApplication) -> None:
    """Read again the ``palette(...)`` colours of every style sheet: Qt resolves them once, when a widget
    is first polished, so without this a sidebar or a card keeps the colours of the previous scheme."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


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
