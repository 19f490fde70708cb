"""The main window's place and size, kept per screen, and its toolbars and docks."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from hipdesk.app import settings
from hipdesk.views.common.screens import fit_on_screen, screen_of


def _geometry_key(window: QMainWindow) -> settings.Key[QByteArray]:
    screen = screen_of(window)
    size = screen.size()
    return settings.window_geometry_on(screen.name(), size.width(), size.height())


def restore(window: QMainWindow) -> None:
    """Where the window was on this screen (else anywhere), always on screen."""
    geometry = _geometry_key(window).get()
    if geometry.isEmpty():
        geometry = settings.WINDOW_GEOMETRY.get()
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    if not window.isMaximized() and not window.isFullScreen():
        fit_on_screen(window)
    state = settings.WINDOW_STATE.get()
    if not state.isEmpty():
        window.restoreState(state)


def save(window: QMainWindow) -> None:
    settings.WINDOW_GEOMETRY.set(window.saveGeometry())
    _geometry_key(window).set(window.saveGeometry())
    settings.WINDOW_STATE.set(window.saveState())
