"""The print style: ink colours, figure greys made for a printer (``print_style``), fonts with
ligatures off, and the wrapping of plain text."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTextOption

from hipdesk.figures.render import FigureStyle
from hipdesk.figures.scene import Tone

INK = QColor("#1d2126")
SOFT = QColor("#5b636b")
FAINT = QColor("#c9ced3")
ACCENT = QColor("#b4541c")  # a warm rust: reads on paper and in greyscale
WASH = QColor("#f6efe9")  # a light tint behind the week's day headers
LIGATURES = ("liga", "clig", "dlig")  # OpenType features turned off: text copies as plain letters
FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]


def _grey(ink: float) -> QColor:
    """``ink`` of the way from white paper to the sheet's ink."""
    return QColor.fromRgbF(*(1 + (c - 1) * ink for c in (INK.redF(), INK.greenF(), INK.blueF())))


def print_style(placeholder: bool = False) -> FigureStyle:
    """Figure colours for a laser printer: the body mid to dark grey, the working muscles a deep rust
    on the near side and a light one on the far side, so they stand out from the limb they lie on in
    greyscale too (luminance: near limb 0.55, its muscle 0.35; far limb 0.33, its muscle 0.64). The
    mat and the step stay light, the floor line reads. A placeholder is paler, as on screen."""
    body = 0.55 if placeholder else 1.0
    colours = {
        Tone.NEAR: _grey(0.5 * body),
        Tone.FAR: _grey(0.76 * body),
        Tone.HAIR: _grey(0.92 * body),
        Tone.ACCENT: QColor("#a3420f"),
        Tone.ACCENT_FAR: QColor("#e0915a"),
        Tone.MAT: _grey(0.2),
        Tone.MAT_TOP: _grey(0.1),
        Tone.STEP: _grey(0.4),
        Tone.STEP_TOP: _grey(0.25),
        Tone.BAND: QColor("#1f7a6d"),  # a teal band, darker than the mat, lighter than the limbs
        Tone.POST: _grey(0.6),
    }
    floor = QPen(_grey(0.55), 1.0)
    floor.setCapStyle(Qt.PenCapStyle.RoundCap)
    return FigureStyle(tuple(QBrush(colours[t]) for t in Tone), floor, SOFT, dark=False)


@functools.cache  # one font per size and style, shared: never changed after it is made
def _font(size_pt: float, *, bold: bool = False, italic: bool = False, spacing: float = 0.0) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(size_pt)
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    for ligatures in LIGATURES:  # "fl" stays two letters: a search for "Butterfly" finds it
        font.setFeature(QFont.Tag(ligatures), 0)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


@functools.cache
def _option(align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextOption:
    option = QTextOption(align | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option
