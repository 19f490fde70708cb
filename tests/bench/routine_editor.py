"""Routine editor benchmark: a drop, a move and an undo in a 100-item routine, in the real page.

Run: python tests/bench/routine_editor.py
Each figure is the time from the model call to the repainted list, with the routine saved to the
SQLite file (synchronous=FULL) as the editor does after every change (target: each under 16 ms).
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
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from hipdesk.domain.model import Routine
    from hipdesk.domain.rules import default_item
    from hipdesk.store import open_store
    from hipdesk.views.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        repo = open_store(Path(tmp) / "bench.sqlite")
        exercises = repo.exercises()
        items = tuple(default_item(exercises[n % len(exercises)]) for n in range(100))
        repo.save_routine(Routine("Hundred", items=items))
        app = QApplication.instance() or QApplication([])
        window = MainWindow(repo)
        window.resize(1280, 800)
        window.show()
        window.show_page("routines")
        page = window.routines_page
        page.select_routine("Hundred")
        app.processEvents()
        palette = page.ui.exercisePalette.model()
        view = page.ui.routineItemList

        def timed(action) -> float:
            start = time.perf_counter()
            action()
            app.processEvents()
            view.viewport().repaint()
            return time.perf_counter() - start

        drops, moves, undos = [], [], []
        for n in range(30):
            data = palette.mimeData([palette.index(n % palette.rowCount(), 0)])
            drops.append(
                timed(
                    lambda data=data: page.items.dropMimeData(
                        data, Qt.DropAction.CopyAction, 50, 0, QModelIndex()
                    )
                )
            )
            moved = page.items.mimeData([page.items.index(10, 0), page.items.index(11, 0)])
            moves.append(
                timed(
                    lambda moved=moved: page.items.dropMimeData(
                        moved, Qt.DropAction.MoveAction, 90, 0, QModelIndex()
                    )
                )
            )
            undos.append(timed(page.undo_stack.undo))
            undos.append(timed(page.undo_stack.undo))
        count = page.items.rowCount()
        window.close()
        repo.db.close()

    def line(name: str, values: list[float]) -> str:
        return (
            f"{name:<5} median {statistics.median(values) * 1000:6.2f} ms, max {max(values) * 1000:6.2f} ms"
        )

    print(f"routine of {count} items, {len(drops)} rounds; each includes saving the routine")
    print(line("drop", drops))
    print(line("move", moves))
    print(line("undo", undos))
    print("target: each under 16 ms")


if __name__ == "__main__":
    main()
