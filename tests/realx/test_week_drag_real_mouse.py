"""Plan a routine on a day and move it to another with the real mouse, then read the database."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUERY = "SELECT weekday, routine_name FROM planned_routine ORDER BY weekday, position"


def stored_plan(db_path: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in con.execute(QUERY)]
    finally:
        con.close()


def wait_for_change(db_path: Path, before: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The plan once the app has saved the drop (it saves right after the drop the drag waited for)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored_plan(db_path) == before:
        time.sleep(0.05)
    return stored_plan(db_path)


def test_plan_and_move_routines_with_the_real_mouse(xserver, db_path: Path) -> None:
    app = xserver.launch(HERE / "week_drag_app.py", str(db_path))
    try:
        where = app.next_line()
        start = stored_plan(db_path)
        assert (0, "Hip strength") in start and (2, "Hip strength") not in start
        xserver.drag(app, where["routine"], where["wednesday"])
        planned = wait_for_change(db_path, start)
        xserver.drag(app, where["monday_card"], where["friday"])
        moved = wait_for_change(db_path, planned)
    finally:
        app.stop()
    assert [r for d, r in planned if d == 2] == ["Run warm-up", "Hip stretch", "Hip strength"]
    assert [r for d, r in moved if d == 0] == []
    assert [r for d, r in moved if d == 4] == ["Hip strength"]
