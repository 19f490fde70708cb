"""Printable pages: an illustrated routine and a week sheet, painted on any QPainter paged device.

The same code paints a QPdfWriter (export), a QPrinter (Print…) and a print preview. Everything is
laid out in device pixels computed from millimetres and points, so the pages look the same at any
resolution. Each block (the title, one exercise) is measured first and painted afterwards: an
exercise that does not fit on what is left of a page is tried in smaller forms (a smaller figure
strip, two columns of steps), and when none fits it starts the next page, so no exercise is ever
split. A block taller than a whole page (a user's exercise with very many steps) is scaled down to
fit. The week sheet is one page: a crowded week is drawn smaller.

Text is drawn with ``QPainter.drawText`` (never HTML or rich text) with ligatures off, so names and
notes stay data and the PDF's text can be selected, searched and copied letter for letter; figures
are vector paths (``paint_strip``) in greys made for a printer (``print_style``).

One module per part: ``paper`` (sizes, margins, the locale's paper and first weekday), ``style``
(colours, figure greys, fonts), ``blocks`` (measuring, placing on pages, painting with footers),
``routine``, ``week``, and ``writer`` (PDF bytes and files).
"""

from __future__ import annotations

from hipdesk.export.pdf.blocks import _Ctx
from hipdesk.export.pdf.paper import MARGIN_MM, Paper, default_paper, locale_order, parse_paper, setup_device
from hipdesk.export.pdf.routine import layout_routine, paint_routine
from hipdesk.export.pdf.style import print_style
from hipdesk.export.pdf.week import layout_week, paint_week
from hipdesk.export.pdf.writer import PdfResult, routine_pdf, week_pdf, write_pdf
from hipdesk.qtfix import keep_none_alive

keep_none_alive()

__all__ = [
    "MARGIN_MM",
    "Paper",
    "PdfResult",
    "_Ctx",
    "default_paper",
    "layout_routine",
    "layout_week",
    "locale_order",
    "paint_routine",
    "paint_week",
    "parse_paper",
    "print_style",
    "routine_pdf",
    "setup_device",
    "week_pdf",
    "write_pdf",
]
