"""Draws a routine planned on a day as a small card: its name wrapped, its time and length beneath."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from hipdesk.domain.guidance import minutes_text
from hipdesk.views.week.model import Role

PAD = 5
ACCENT = 3  # the coloured edge on the left of a card
MAX_NAME_LINES = 3
_Index = QModelIndex | QPersistentModelIndex


def wrap_lines(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` broken into lines that fit ``width``; the last allowed line is elided."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for number, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[number:])
            break
    if current or not lines:
        lines.append(current)
    elide = Qt.TextElideMode.ElideRight
    return [fm.elidedText(line, elide, width) for line in lines[:max_lines]]


class PlannedRoutineDelegate(QStyledItemDelegate):
    """A card per planned routine; a deleted routine is struck through. Editing sets its time."""

    def _fonts(self, option: QStyleOptionViewItem, missing: bool) -> tuple[QFont, QFont]:
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        bold.setStrikeOut(missing)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        return bold, small

    @staticmethod
    def _text_width(card_width: int) -> int:
        return max(30, card_width - ACCENT - 2 * PAD + 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        bold, font = self._fonts(option, bool(index.data(Role.MISSING)))
        widget = option.widget
        if isinstance(widget, QListView):  # as wide as the list: the name wraps to fit
            card_width = widget.viewport().width() - 2 * widget.spacing()
        else:
            card_width = option.rect.width()
        width = self._text_width(card_width)
        name_fm, sub_fm = QFontMetrics(bold), QFontMetrics(font)
        lines = wrap_lines(str(index.data() or ""), name_fm, width, MAX_NAME_LINES)
        height = PAD + len(lines) * name_fm.lineSpacing() + 2 + sub_fm.height() + PAD
        return QSize(card_width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = QRect(opt.rect)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        missing = bool(index.data(Role.MISSING))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(1, 1, -1, -1)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        if selected:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        elif missing:
            painter.setBrush(palette.color(QPalette.ColorRole.Window))
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(card, 6, 6)
        if not missing and not selected:  # an accent on the left edge, as on a calendar entry
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Accent))
            painter.drawRoundedRect(QRect(card.left(), card.top(), ACCENT, card.height()), 1.5, 1.5)
        bold, font = self._fonts(opt, missing)
        name_fm, sub_fm = QFontMetrics(bold), QFontMetrics(font)
        width = self._text_width(rect.width())
        left = rect.left() + ACCENT + PAD
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = text_role if selected else QPalette.ColorRole.PlaceholderText
        painter.setFont(bold)
        painter.setPen(palette.color(muted if missing else text_role))
        top = rect.top() + PAD
        for line in wrap_lines(str(index.data() or ""), name_fm, width, MAX_NAME_LINES):
            painter.drawText(QRect(left, top, width, name_fm.height()), Qt.AlignmentFlag.AlignLeft, line)
            top += name_fm.lineSpacing()
        painter.setFont(font)
        painter.setPen(palette.color(muted))
        subtitle = str(index.data(Role.SUBTITLE) or "")
        if sub_fm.horizontalAdvance(subtitle) > width and not missing and index.data(Role.TIME) is None:
            subtitle = minutes_text(int(index.data(Role.MINUTES) or 0))  # "Any time" goes without saying
        subtitle = sub_fm.elidedText(subtitle, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, top + 2, width, sub_fm.height()), Qt.AlignmentFlag.AlignLeft, subtitle)
        if opt.state & QStyle.StateFlag.State_HasFocus and opt.widget is not None:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(-1, -1, 0, 0), 6, 6)
        painter.restore()

    # -- the time, edited in place ---------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText("HH:MM")
        editor.setMaxLength(5)
        editor.setAccessibleName("Time of day")
        editor.setToolTip("A time like 18:30; leave empty for any time")
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def _problem(self, editor: QWidget) -> str | None:
        model = getattr(self.parent(), "model", lambda: None)()
        check = getattr(model, "time_problem", None)
        return check(editor.text()) if isinstance(editor, QLineEdit) and check is not None else None

    def _refuse(self, editor: QLineEdit, problem: str) -> None:
        """Say at the field why the time is refused; the field keeps what was typed."""
        editor.setProperty("refused", problem)
        editor.setStyleSheet("QLineEdit { border: 2px solid #cf4436; border-radius: 3px; }")
        editor.setToolTip(problem)
        editor.setAccessibleDescription(problem)
        QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), problem, editor)
        model = getattr(self.parent(), "model", lambda: None)()
        notice = getattr(model, "notice", None)
        if notice is not None:
            notice.emit(problem)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter or Tab with a time that is no time keeps the editor open and says why; leaving the
        field (a click elsewhere) keeps the time as it was and says so."""
        if isinstance(editor, QLineEdit):
            kind = event.type()
            keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in keys:
                problem = self._problem(editor)
                if problem:
                    self._refuse(editor, problem)
                    return True
            elif kind == QEvent.Type.FocusOut:
                problem = self._problem(editor)
                if problem and editor.property("closing") is None:
                    editor.setProperty("closing", True)
                    self._refuse(editor, problem)
                    self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                    return True
            elif kind == QEvent.Type.KeyRelease and editor.property("refused"):
                if self._problem(editor) is None:  # the message goes once the time is right
                    editor.setProperty("refused", None)
                    editor.setStyleSheet("")
                    editor.setToolTip("A time like 18:30; leave empty for any time")
                    QToolTip.hideText()
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        if isinstance(editor, QLineEdit) and self._problem(editor) is None:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        rect: QRect = option.rect
        height = editor.sizeHint().height()
        editor.setGeometry(
            QRect(rect.left() + PAD, rect.bottom() - height - 2, rect.width() - 2 * PAD, height)
        )
