"""Help ▸ Keyboard Shortcuts: every keyboard command the window's actions carry, read from the
actions themselves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


def _where(action: QAction, window: QMainWindow, page_names: dict[QWidget, str]) -> str:
    """The menu an action sits in, or the page whose widgets it belongs to."""
    for holder in action.associatedObjects():
        if isinstance(holder, QMenu):
            titles: list[str] = []
            menu: QObject | None = holder
            while isinstance(menu, QMenu):
                titles.insert(0, _plain(menu.title()))
                menu = menu.parent()
            return " ▸ ".join(titles)
    owner = action.parent()
    while isinstance(owner, QWidget) and owner is not window:
        if owner in page_names:
            return page_names[owner]
        owner = owner.parentWidget()
    return "Window"


def _on_keyboard(keys: QKeySequence) -> bool:
    """Whether a key sequence can be typed on an ordinary keyboard (not F13 and up, not the Undo
    or Copy keys some keyboards have)."""
    return not keys.isEmpty() and keys[0].key().value <= Qt.Key.Key_F12.value  # type: ignore[index]  # the stub lacks QKeySequence.__getitem__


def _typed(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(window: QMainWindow, page_names: dict[QWidget, str]) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action of the window with a shortcut, menus first."""
    rows: dict[tuple[str, str, str], None] = {}
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    ordered: list[QAction] = []
    for menu in menus:
        stack = [menu]
        while stack:
            current = stack.pop(0)
            for action in current.actions():
                if isinstance(sub := action.menu(), QMenu):
                    stack.append(sub)
                else:
                    ordered.append(action)
    ordered += [a for a in window.findChildren(QAction) if a not in ordered]
    for action in ordered:
        keys = list(dict.fromkeys(_typed(k) for k in action.shortcuts() if _on_keyboard(k)))
        text = _plain(action.text())
        if keys and text:
            rows[(_where(action, window, page_names), text, ", ".join(keys))] = None
    return list(rows)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for where, what, keys in rows:
            if where not in groups:
                groups[where] = QTreeWidgetItem(self.tree, [where])
                font = groups[where].font(0)
                font.setBold(True)
                groups[where].setFont(0, font)
                groups[where].setFirstColumnSpanned(True)
                groups[where].setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(groups[where], [what, keys])
        self.tree.expandAll()
        self.tree.setIndentation(12)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 24)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 620)
