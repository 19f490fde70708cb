"""Draws a library row: a small illustration, the name, and the kind with the dosage beneath."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hipdesk.domain.model import Exercise
from hipdesk.qtmodels.exercise_model import Role

THUMB = 48
PAD = 6

Thumbnailer = Callable[[Exercise, int, QPalette], QPixmap | None]


class ExerciseDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None, thumbnailer: Thumbnailer | None = None) -> None:
        super().__init__(parent)
        self.thumbnailer = thumbnailer

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = QFontMetrics(option.font)  # type: ignore[attr-defined]
        return QSize(200, max(THUMB, fm.height() * 2 + 4) + 2 * PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        thumb_rect = QRect(rect.left() + PAD, rect.top() + (rect.height() - THUMB) // 2, THUMB, THUMB)
        exercise = index.data(Role.EXERCISE)
        pixmap = (
            self.thumbnailer(exercise, THUMB, palette)
            if self.thumbnailer is not None and isinstance(exercise, Exercise)
            else None
        )
        if pixmap is not None:
            painter.drawPixmap(thumb_rect, pixmap)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(thumb_rect, 8, 8)
        text_left = thumb_rect.right() + PAD * 2
        width = rect.right() - text_left - PAD
        font = opt.font  # type: ignore[attr-defined]
        bold = type(font)(font)
        bold.setBold(True)
        name_fm, sub_fm = QFontMetrics(bold), QFontMetrics(font)
        top = rect.top() + (rect.height() - name_fm.height() - sub_fm.height() - 2) // 2
        name_rect = QRect(text_left, top, width, name_fm.height())
        sub_rect = QRect(text_left, name_rect.bottom() + 3, width, sub_fm.height())
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft, name_fm.elidedText(name, elide, width))
        painter.setFont(font)
        muted = QPalette.ColorRole.PlaceholderText
        painter.setPen(palette.color(text_role if selected else muted))
        sub = str(index.data(Role.SUBTITLE) or "")
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft, sub_fm.elidedText(sub, elide, width))
        painter.restore()
