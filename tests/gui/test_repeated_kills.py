"""SIGKILL again and again during writes on one file: no finished set lost, quick_check ok every time."""

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

from hipdesk.db import backup
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.store import open_store

RECORDED = re.compile(r"recorded set item=(\d+) side=(\w+) set=(\d+)")
ROUTINE = Routine(
    "Repeated kills",
    items=(
        RoutineItem("clamshell", sets=3, reps=3, sides=ItemSides.EACH, rest_s=2, rest_after_s=2),
        RoutineItem("glute-bridge", sets=3, reps=3, hold_s=1, rest_s=2, rest_after_s=0),
    ),
)


def rows(db: Path) -> tuple[str, set[tuple[int, int, str, int]]]:
    con = sqlite3.connect(db)
    try:
        check = con.execute("PRAGMA quick_check").fetchone()[0]
        found = con.execute("SELECT session_id, item_index, side, set_number FROM set_record").fetchall()
    finally:
        con.close()
    return check, {(int(s), int(i), str(d), int(n)) for s, i, d, n in found}


def test_repeated_kills_during_sessions_and_backups_lose_nothing(db_path: Path) -> None:
    repo = open_store(db_path)
    repo.save_routine(ROUTINE)
    repo.db.close()
    rng = random.Random(11)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    announced_total = 0
    for n in range(6):
        _check, before = rows(db_path)
        args = ["resume", "--speed", "20"] if n % 3 == 2 else ["start", ROUTINE.name, "--speed", "20"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "hipdesk", "--db", str(db_path), "-v", *args],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        lines: list[str] = []
        reader = threading.Thread(target=lambda p=proc, out=lines: out.extend(p.stderr), daemon=True)
        reader.start()
        # kill while it is writing: once it has recorded a set (however slow the machine), at a random moment
        deadline = time.monotonic() + 90
        while not RECORDED.search("".join(lines)) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 2.0))
        if n % 2:  # a backup running from the command line at the same time, killed too
            copier = subprocess.Popen(
                [sys.executable, "-m", "hipdesk", "--db", str(db_path), "backup"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(rng.uniform(0.0, 0.8))
            copier.send_signal(signal.SIGKILL)
            copier.wait(timeout=30)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=5)
        check, after = rows(db_path)
        assert check == "ok", f"kill {n + 1}: {check}"
        written = {(i, d, s) for _id, i, d, s in after - before}
        announced = {(int(i), d, int(s)) for i, d, s in RECORDED.findall("".join(lines))}
        assert announced <= written, f"kill {n + 1}: a set reported as written is missing"
        announced_total += len(announced)
    assert announced_total > 0  # the kills did land during sessions that were writing
    for info in backup.list_backups(db_path):  # whatever backups were finished are whole
        assert backup.quick_check(info.path) == "ok"
