"""Library search benchmark: time per keystroke with the 19 built-ins plus 100, 1,000, 10,000 own exercises.

Run: python tests/bench/search.py [--own N[,N...]]   (the numbers of own exercises; 100,1000,10000 unless told)
Types a few words into the real search box of the real window (offscreen) and prints the time from
key press to the filtered list, per keystroke, beside the goal (under 16 ms), for each number.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


GOAL_MS = 16.0


def keystrokes(own: int) -> tuple[int, list[float]]:
    """The library's rows and the seconds of each keystroke, with ``own`` own exercises."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hipdesk.store import open_store
    from hipdesk.views.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        repo = open_store(Path(tmp) / "bench.sqlite")
        base = repo.exercises()
        with repo.db.atomic():
            for n in range(own):
                template = base[n % len(base)]
                repo.create_exercise(replace(template, name=f"{template.name} variation {n}"))
        app = QApplication.instance() or QApplication([])
        window = MainWindow(repo)
        window.show()
        app.processEvents()
        search = window.library.ui.searchEdit
        search.setFocus()
        times = []
        for word in ("glute", "bridge", "side plank", "stretch hamstrings", "zzz", "bird dog"):
            search.clear()
            app.processEvents()
            for char in word:
                start = time.perf_counter()
                QTest.keyClick(search, char)
                app.processEvents()
                window.library.ui.exerciseList.viewport().repaint()
                times.append(time.perf_counter() - start)
            QTest.keyClick(search, Qt.Key.Key_Backspace)
        total = window.library.model.rowCount()
        window.close()
        repo.db.close()
    return total, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--own", default="100,1000,10000", help="the numbers of own exercises, comma-separated"
    )
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for own in (int(n) for n in args.own.split(",")):
        total, times = keystrokes(own)
        print(
            f"{own:>6} own ({total} exercises), {len(times)} keystrokes: median "
            f"{statistics.median(times) * 1000:.2f} ms, worst {max(times) * 1000:.2f} ms (goal under {GOAL_MS:g} ms)"
        )


if __name__ == "__main__":
    main()
