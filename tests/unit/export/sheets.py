"""What the PDF tests share: a PDF opened with Qt's PDF module, and the crowded week."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import hipdesk  # noqa: F401  (before PySide6: see qtfix)
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import Exercise, PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.rules import default_item

CATALOGUE = load_catalogue()
EXERCISES = {ex.id: ex for ex in CATALOGUE}


def qt_document(data: bytes) -> tuple[Any, Any]:
    """The PDF in ``data`` opened with Qt's PDF module (PDFium), and the buffer it reads (keep both)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)  # a whole buffer loads at once
    assert document.status() == QPdfDocument.Status.Ready
    return document, buffer


def crowded_plan(suffix: str = "") -> tuple[WeekPlan, list[Routine], dict[str, Exercise]]:
    """Every day three routines of eight exercises; ``suffix`` lengthens every name."""
    exercises = {k: dataclasses.replace(v, name=v.name + suffix) for k, v in EXERCISES.items()}
    routines = [
        Routine(
            f"Routine {k + 1}{suffix}",
            tuple(default_item(CATALOGUE[(k * 8 + j) % 19]) for j in range(8)),
            id=k + 1,
        )
        for k in range(3)
    ]
    planned = tuple(PlannedRoutine(r.name, dt.time(6 + 6 * i, 0), r.id) for i, r in enumerate(routines))
    return WeekPlan(tuple(PlannedDay(d, RunKind.EASY, planned) for d in range(7))), routines, exercises
