"""Drag an exercise from the palette into a routine with the real mouse, then read the database."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUERY = """
SELECT e.slug FROM routine_item i
JOIN routine r ON r.id = i.routine_id JOIN exercise e ON e.id = i.exercise_id
WHERE r.name = 'Hip strength' ORDER BY i.position
"""


def stored_items(db_path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute(QUERY)]
    finally:
        con.close()


def test_drag_an_exercise_into_a_routine_with_the_real_mouse(xserver, db_path: Path) -> None:
    app = xserver.launch(HERE / "drag_app.py", str(db_path))
    try:
        where = app.next_line()
        before = stored_items(db_path)
        assert before[:2] == ["squat", "single-leg-squat"]
        xserver.drag(app, where["source"], where["target"])
        deadline = time.monotonic() + 60  # saved right after the drop the drag waited for
        while time.monotonic() < deadline and stored_items(db_path) == before:
            time.sleep(0.05)
        after = stored_items(db_path)
    finally:
        app.stop()
    assert after == [before[0], "clamshell", *before[1:]]
