"""Library search benchmark: time per keystroke with the 19 built-ins plus 500 user exercises.

Run: python tests/bench/search.py [--own N]   (N user exercises; 500 unless told)
Types a few words into the real search box of the real window (offscreen) and prints the time from
key press to the filtered list, per keystroke (target: under 16 ms).
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--own", type=int, default=500, help="the user's own exercises to add")
    args = parser.parse_args()
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
            for n in range(args.own):
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
        print(f"exercises: {total}, keystrokes: {len(times)}")
        print(
            f"per keystroke: median {statistics.median(times) * 1000:.2f} ms, "
            f"max {max(times) * 1000:.2f} ms (target < 16 ms)"
        )
        window.close()
        repo.db.close()


if __name__ == "__main__":
    main()
