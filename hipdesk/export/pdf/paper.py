"""Paper: A4 or Letter (the locale's by default), the sheet's margins, and the locale's first weekday."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize

from hipdesk.domain.errors import ValidationError

MARGIN_MM = QMarginsF(16, 14, 16, 12)  # left, top, right, bottom

# Territories (ISO 3166 codes) whose paper is Letter; ISO 216 (A4) everywhere else.
_LETTER = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV", "NI", "BZ"}


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is Paper.A4 else "Letter"

    @property
    def page_size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId.A4 if self is Paper.A4 else QPageSize.PageSizeId.Letter)


def default_paper(locale: QLocale | None = None) -> Paper:
    """Letter where the locale's territory uses it (the Americas' Letter countries), else A4."""
    locale = locale or QLocale()
    code = QLocale.territoryToCode(locale.territory())
    if code in _LETTER or locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


def locale_order(locale: QLocale | None = None) -> list[int]:
    """The weekdays (Monday = 0) in the order the locale's calendar shows them."""
    first = (locale or QLocale()).firstDayOfWeek().value - 1
    return [(first + i) % 7 for i in range(7)]


def parse_paper(text: str | None) -> Paper:
    """``a4``/``letter`` (any case); empty or None means the locale's paper."""
    if not text:
        return default_paper()
    try:
        return Paper(text.strip().lower())
    except ValueError:
        raise ValidationError(f"Unknown paper size '{text}': use a4 or letter.") from None


def page_layout(paper: Paper, landscape: bool = False) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(paper.page_size, orientation, MARGIN_MM, QPageLayout.Unit.Millimeter)


def setup_device(device: QPagedPaintDevice, paper: Paper, landscape: bool = False) -> None:
    """Give ``device`` (a QPdfWriter or QPrinter) the page size, orientation and margins of the sheet."""
    device.setPageLayout(page_layout(paper, landscape))
