"""Draws a routine item: its section title when a section starts, then the exercise and its dose."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from hipdesk.views.common.exercise_delegate import PAD, TwoLineDelegate
from hipdesk.views.routines.items_model import Role

_Index = QModelIndex | QPersistentModelIndex


class RoutineItemDelegate(TwoLineDelegate):
    subtitle_role = Role.SUBTITLE
    exercise_role = Role.EXERCISE

    def header_height(self, option: QStyleOptionViewItem, index: _Index) -> int:
        if not index.data(Role.SECTION_HEADER):
            return 0
        return QFontMetrics(option.font).height() * 2 + PAD

    def paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, rect: QRect
    ) -> None:
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(font)
        palette: QPalette = option.palette
        painter.setPen(palette.color(QPalette.ColorRole.Accent))  # section titles in the accent colour
        text_rect = rect.adjusted(PAD, PAD, -PAD, 0)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            str(index.data(Role.SECTION_HEADER)),
        )
        painter.restore()
