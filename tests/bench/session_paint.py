"""Session window benchmark: repainting the whole window at 1920×1080, frame after frame.

Run: python tests/bench/session_paint.py
Prints the mean and worst time of a full repaint (figure, ring, labels) while a routine runs
(target: under 8 ms a frame).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from hipdesk.store import open_store
    from hipdesk.views.session.driver import SessionDriver
    from hipdesk.views.session.window import SessionWindow

    with tempfile.TemporaryDirectory() as tmp:
        repo = open_store(Path(tmp) / "bench.sqlite")
        app = QApplication.instance() or QApplication([])
        routine = repo.routine("Hip strength")
        exercises = {ex.id: ex for ex in repo.exercises()}
        driver = SessionDriver(repo, routine, exercises, speed=5)
        window = SessionWindow(driver, exercises)
        window.resize(1920, 1080)
        window.show()
        window.start()
        for _ in range(20):  # settle: layouts, fonts, first frames
            app.processEvents()
            window.repaint()
        times = []
        for _ in range(300):
            app.processEvents()
            start = time.perf_counter()
            window.repaint()
            times.append(time.perf_counter() - start)
            time.sleep(0.01)
        driver.end_early()
        window.close()
        repo.db.close()
    print(f"window {window.width()}×{window.height()}, {len(times)} full repaints while the session runs")
    print(
        f"repaint: mean {statistics.mean(times) * 1000:.2f} ms, median {statistics.median(times) * 1000:.2f} ms, "
        f"max {max(times) * 1000:.2f} ms (target < 8 ms)"
    )


if __name__ == "__main__":
    main()
