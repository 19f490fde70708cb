"""Benchmark: a routine with all 19 exercises as a PDF (targets: under 0.5 s and under 1 MB), the
starter week sheet, and a crowded one (every day three routines of eight exercises). Prints the first export in a fresh process (figures and fonts loaded) and the median of
ten more."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

import hipdesk  # noqa: F401  (before PySide6: see qtfix)
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.catalogue.starter import starter_routines, starter_week
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RunKind, WeekPlan
from hipdesk.domain.rules import default_item
from hipdesk.export.pdf import Paper, routine_pdf, week_pdf

RUNS = 10


def timed(make) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = make()
    first = time.perf_counter() - start
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        make()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times), result


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    catalogue = load_catalogue()
    exercises = {ex.id: ex for ex in catalogue}
    everything = Routine("All nineteen", tuple(default_item(ex) for ex in catalogue), id=1)
    first, median, result = timed(lambda: routine_pdf(everything, exercises, Paper.A4))
    print(
        f"routine, 19 exercises: first {first * 1000:.0f} ms, median {median * 1000:.0f} ms; "
        f"{len(result.data) / 1024:.0f} KiB, {result.pages} pages (targets: < 500 ms, < 1 MB)"
    )
    routines = [Routine(r.name, r.items, r.notes, id=i) for i, r in enumerate(starter_routines(exercises), 1)]
    ids = {r.name: r.id for r in routines}
    plan = WeekPlan(
        tuple(
            PlannedDay(
                d.weekday,
                d.run,
                tuple(PlannedRoutine(p.routine_name, p.time, ids[p.routine_name]) for p in d.routines),
            )  # fmt: skip
            for d in starter_week().days
        )
    )
    first, median, result = timed(lambda: week_pdf(plan, routines, exercises, Paper.A4))
    print(
        f"week sheet (starter week, {sum(len(d.routines) for d in plan.days)} routines): first {first * 1000:.0f} ms, median {median * 1000:.0f} ms; "
        f"{len(result.data) / 1024:.0f} KiB, {result.pages} page"
    )

    crowd = [
        Routine(
            f"Routine {k + 1}", tuple(default_item(catalogue[(k * 8 + j) % 19]) for j in range(8)), id=k + 1
        )
        for k in range(3)
    ]
    planned = tuple(PlannedRoutine(r.name, None, r.id) for r in crowd)
    crowded = WeekPlan(tuple(PlannedDay(d, RunKind.EASY, planned) for d in range(7)))
    first, median, result = timed(lambda: week_pdf(crowded, crowd, exercises, Paper.A4))
    print(
        f"week sheet (crowded, 21 routines, 168 exercises): first {first * 1000:.0f} ms, "
        f"median {median * 1000:.0f} ms; {len(result.data) / 1024:.0f} KiB, {result.pages} page(s)"
    )


if __name__ == "__main__":
    main()
