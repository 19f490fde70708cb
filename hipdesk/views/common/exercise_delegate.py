"""Draws list rows with a small illustration, a name, and a line of detail beneath."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hipdesk.domain.model import Exercise
from hipdesk.views.common.exercise_model import Role

THUMB = 48
PAD = 6

# Draws an exercise's small illustration into a rectangle (the views supply it).
ThumbPainter = Callable[[QPainter, QRectF, Exercise, QPalette], None]
_Index = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    """Thumbnail, bold title, muted subtitle. Subclasses say where the three come from."""

    title_role: int = Qt.ItemDataRole.DisplayRole
    subtitle_role: int = Role.SUBTITLE
    exercise_role: int = Role.EXERCISE

    def __init__(
        self, parent: Any = None, thumb_painter: ThumbPainter | None = None, thumbnails: bool = True
    ) -> None:
        super().__init__(parent)
        self.thumb_painter = thumb_painter
        self.thumb = THUMB if thumbnails else 0

    def header_height(self, option: QStyleOptionViewItem, index: _Index) -> int:
        return 0

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, max(self.thumb, fm.height() * 2 + 4) + 2 * PAD + self.header_height(option, index))

    def paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, rect: QRect
    ) -> None:
        """Draw whatever stands above the row proper (nothing by default)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        full: QRect = QRect(opt.rect)
        header = self.header_height(option, index)
        if header:
            self.paint_header(painter, option, index, QRect(full.left(), full.top(), full.width(), header))
            opt.rect = QRect(full.left(), full.top() + header, full.width(), full.height() - header)
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        size = self.thumb
        thumb_rect = QRect(rect.left() + PAD, rect.top() + (rect.height() - size) // 2, size, size)
        if size:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(thumb_rect, 8, 8)
            exercise = index.data(self.exercise_role)
            if self.thumb_painter is not None and isinstance(exercise, Exercise):
                self.thumb_painter(painter, QRectF(thumb_rect), exercise, palette)
        text_left = thumb_rect.right() + PAD * 2 if size else rect.left() + PAD * 2
        width = rect.right() - text_left - PAD
        font = opt.font
        bold = QFont(font)
        bold.setBold(True)
        name_fm, sub_fm = QFontMetrics(bold), QFontMetrics(font)
        top = rect.top() + (rect.height() - name_fm.height() - sub_fm.height() - 2) // 2
        name_rect = QRect(text_left, top, width, name_fm.height())
        sub_rect = QRect(text_left, name_rect.bottom() + 3, width, sub_fm.height())
        elide = Qt.TextElideMode.ElideRight
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        name = str(index.data(self.title_role) or "")
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft, name_fm.elidedText(name, elide, width))
        painter.setFont(font)
        painter.setPen(palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText))
        sub = str(index.data(self.subtitle_role) or "")
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft, sub_fm.elidedText(sub, elide, width))
        painter.restore()


class ExerciseDelegate(TwoLineDelegate):
    """A library row."""
