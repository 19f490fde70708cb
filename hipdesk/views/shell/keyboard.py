"""The Edit menu's Undo and Redo, the Go menu (Ctrl+1…5 for the pages) and the focus a page gets
from it; Help ▸ Keyboard Shortcuts is hipdesk.views.shell.shortcuts, loaded when it is opened."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from hipdesk.views.shell.pages import PageSpec


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys with Ctrl+Shift+Z and Ctrl+Y wherever they are missing, each once:
    a sequence bound twice is an ambiguous shortcut, which Qt answers by doing nothing."""
    keys: list[QKeySequence] = []
    wanted = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for key in [*wanted, QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]:
        if key not in keys:
            keys.append(key)
    return keys


def make_edit_menu(menu: QMenu, group: QUndoGroup) -> tuple[QAction, QAction]:
    """Undo and Redo in ``menu``, acting on the undo stack of the page on screen."""
    undo = group.createUndoAction(menu, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = group.createRedoAction(menu, "&Redo")
    redo.setShortcuts(redo_keys())
    menu.addAction(undo)
    menu.addAction(redo)
    return undo, redo


def make_go_menu(
    window: QMainWindow, before: QMenu, pages: Sequence[PageSpec], show: Callable[[str], QWidget]
) -> QMenu:
    """A Go menu, placed before ``before``, with one action per page and the page's shortcut. ``show``
    shows the page and returns it; the keyboard focus moves into it."""
    menu = QMenu("&Go", window)
    menu.setObjectName("menuGo")
    for number, spec in enumerate(pages, 1):
        action = menu.addAction(f"&{number} {spec.title}")
        action.setObjectName(f"actionGo{spec.title}")
        action.setShortcut(QKeySequence(spec.shortcut))
        action.triggered.connect(lambda _checked=False, key=spec.key: focus_into(show(key)))
    window.menuBar().insertMenu(before.menuAction(), menu)
    return menu


def focus_into(page: QWidget) -> None:
    """Put the keyboard focus on ``page``: its focus proxy, else its first list in Tab order, else the
    first control Tab would reach."""
    reason = Qt.FocusReason.ShortcutFocusReason
    if page.focusProxy() is not None:
        page.setFocus(reason)
        return
    reachable: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None and len(reachable) < 500:
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and (isinstance(widget, QAbstractItemView) or not isinstance(widget, QAbstractScrollArea))
        ):
            reachable.append(widget)
        widget = widget.nextInFocusChain()
    lists = [w for w in reachable if isinstance(w, QAbstractItemView)]
    if lists or reachable:
        (lists or reachable)[0].setFocus(reason)
