"""History benchmark: 1, 5 and 20 years of daily sessions (20 years: 7,300 sessions, about 220,000 sets).

Run: python tests/bench/history.py [RUNS] [YEARS ...]   (default: 7 runs; 1 5 20 years)
For each length it prints the database size and, in a fresh process each run so that QtCharts is
loaded as a user would meet it, the time from clicking History to the page painted with its charts
(goal: under 500 ms at 20 years), beside the goal; then the Progress tab, a delete and its undo, and
the CSV export. The table holds only the ids and fetches the rows it shows, a page at a time.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run from a source checkout
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hipdesk  # noqa: E402, F401  (the PySide6 refcount workaround, before any Qt use)


def _history_data():
    spec = importlib.util.spec_from_file_location("history_data", ROOT / "tests" / "history_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def child(db: str) -> None:
    """One run: the window with its data, then History opened and painted; prints ms figures."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from hipdesk.app.operations import files
    from hipdesk.store import open_store
    from hipdesk.views.shell.main_window import MainWindow

    window = MainWindow(open_store(Path(db)))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab()
    assert "PySide6.QtCharts" not in sys.modules

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        app.processEvents()
        window.grab()  # painted
        return (time.perf_counter() - start) * 1000

    page_open = timed(lambda: window.show_page("history"))
    page = window.history_page
    progress = timed(lambda: page.ui.tabs.setCurrentWidget(page.ui.progressTab))
    hints = timed(lambda: page.ui.tabs.setCurrentWidget(page.ui.hintsTab))
    page.select_row(10)
    delete = timed(page.ui.deleteButton.click)
    undo = timed(window.undo_action.trigger)
    out = Path(tempfile.mkdtemp()) / "history.csv"
    start = time.perf_counter()
    rows = files.export_csv(window.repo, out)[0].count
    export = (time.perf_counter() - start) * 1000
    print(
        f"{page_open:.1f} {progress:.1f} {hints:.1f} {delete:.1f} {undo:.1f} {export:.0f} {rows} {page.model.fetches}"
    )


OPEN_GOAL_MS = 500.0  # at 20 years
NAMES = (
    "open History with its charts",
    "Progress tab",
    "Next Steps tab",
    "delete a session",
    "undo the delete",
)


def measure(years: int, runs: int) -> None:
    from hipdesk.store import open_store

    db = Path(tempfile.mkdtemp()) / f"{years}-years.sqlite"
    repo = open_store(db)
    start = time.perf_counter()
    counts = _history_data().generate(repo, 365 * years)
    generated = time.perf_counter() - start
    repo.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    repo.db.close()
    size = db.stat().st_size / 1024 / 1024
    print(
        f"{years} years: {counts['sessions']} sessions, {counts['sets']} set records, {size:.1f} MB,"
        f" generated in {generated:.1f} s"
    )
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db)], capture_output=True, text=True, check=True
        ).stdout.split()
        results.append([float(x) for x in out])
    cols = list(zip(*results, strict=True))
    for name, values in zip(NAMES, cols, strict=False):
        goal = f"  (goal under {OPEN_GOAL_MS:.0f} ms at 20 years)" if name == NAMES[0] else ""
        print(
            f"  {name}: median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms of {runs}{goal}"
        )
    print(
        f"  row pages fetched: {int(cols[7][0])}; CSV export: {int(cols[6][0])} rows in {statistics.median(cols[5]):.0f} ms"
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for years in [int(a) for a in sys.argv[2:]] or [1, 5, 20]:
        measure(years, runs)


if __name__ == "__main__":
    main()
