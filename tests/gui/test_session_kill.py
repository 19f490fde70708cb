"""Killing a running session with SIGKILL loses no finished set, and resume goes on where it stopped."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.store import open_store

RECORDED = re.compile(r"recorded set item=(\d+) side=(\w+) set=(\d+)")
ROUTINE = Routine(
    "Kill test",
    items=(
        RoutineItem("clamshell", sets=2, reps=3, sides=ItemSides.EACH, rest_s=3, rest_after_s=3),
        RoutineItem("figure-4-stretch", sets=2, hold_s=8, sides=ItemSides.EACH, rest_s=3, rest_after_s=3),
        RoutineItem("glute-bridge", sets=2, reps=4, hold_s=1, rest_s=3, rest_after_s=3),
        RoutineItem("bird-dog", sets=1, reps=3, sides=ItemSides.ALTERNATING, rest_after_s=0),
    ),
)


def run_hipdesk(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "-v", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def stored(db: Path) -> list[tuple[int, str, int]]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT item_index, side, set_number FROM set_record ORDER BY id").fetchall()
    finally:
        con.close()
    return [(int(i), str(s), int(n)) for i, s, n in rows]


def collect(stream, into: list[str]) -> None:
    for line in stream:
        into.append(line)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_a_random_moment_loses_nothing_and_resume_goes_on(db_path: Path, seed: int) -> None:
    repo = open_store(db_path)
    repo.save_routine(ROUTINE)
    repo.db.close()
    rng = random.Random(seed)

    app = run_hipdesk(db_path, "start", "Kill test", "--speed", "8")
    lines: list[str] = []
    reader = threading.Thread(target=collect, args=(app.stderr, lines), daemon=True)
    reader.start()
    time.sleep(rng.uniform(1.5, 6.0))
    app.send_signal(signal.SIGKILL)
    app.wait(timeout=10)
    reader.join(timeout=5)
    announced = [(int(i), s, int(n)) for i, s, n in RECORDED.findall("".join(lines))]
    on_disk = stored(db_path)
    assert set(announced) <= set(on_disk), "a set reported as written is missing after the kill"

    resumed = run_hipdesk(db_path, "resume", "--speed", "50")
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err[-2000:]
    assert out.startswith("resuming 'Kill test' at step")
    after_resume = [(int(i), s, int(n)) for i, s, n in RECORDED.findall(err)]
    assert not set(after_resume) & set(announced), "resume did sets again that were already done"
    final = stored(db_path)
    assert len(final) == len(set(final)) == 2 * 2 + 2 * 2 + 2 + 1  # every set once, none twice
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT status FROM session").fetchall() == [("finished",)]
    finally:
        con.close()
