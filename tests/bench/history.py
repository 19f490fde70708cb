"""History benchmark: 10 years of daily sessions (3,650 sessions, about 100,000 set records).

Run: python tests/bench/history.py [RUNS]
Prints the database size (target: under 30 MB) and, in a fresh process each run so that QtCharts is
loaded as a user would meet it, the time from clicking History to the page painted with its charts
(target: under 150 ms); then the Progress tab, a delete and its undo, and the CSV export.
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


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    from hipdesk.store import open_store

    db = Path(tempfile.mkdtemp()) / "ten-years.sqlite"
    repo = open_store(db)
    start = time.perf_counter()
    counts = _history_data().generate(repo)
    generated = time.perf_counter() - start
    repo.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    repo.db.close()
    size = db.stat().st_size / 1024 / 1024
    print(
        f"history: {counts['sessions']} sessions, {counts['sets']} set records, generated in {generated:.1f} s"
    )
    print(f"database: {size:.1f} MB (target under 30 MB)")
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db)], capture_output=True, text=True, check=True
        ).stdout.split()
        results.append([float(x) for x in out])
    cols = list(zip(*results, strict=True))
    names = [
        "open History with its charts",
        "Progress tab",
        "Next Steps tab",
        "delete a session",
        "undo the delete",
    ]
    for name, values in zip(names, cols, strict=False):
        print(
            f"{name}: median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms over {runs} runs"
        )
    print(f"  (target for opening: under 150 ms; row pages fetched: {int(cols[7][0])})")
    print(f"CSV export: {int(cols[6][0])} rows in {statistics.median(cols[5]):.0f} ms")


if __name__ == "__main__":
    main()
