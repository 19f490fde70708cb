"""Kill a recording HipDesk with SIGKILL at random moments, again and again on one file, and print
how many finished sets were lost and how many times quick_check passed (target: 0 lost, 50 of 50).

    python tests/bench/kills.py [--kills 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

import hipdesk  # noqa: F401  (before PySide6: see hipdesk.qtfix)
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.store import open_store

RECORDED = re.compile(r"recorded set item=(\d+) side=(\w+) set=(\d+)")
ROUTINE = Routine(
    "Kill bench",
    items=(
        RoutineItem("clamshell", sets=3, reps=3, sides=ItemSides.EACH, rest_s=2, rest_after_s=2),
        RoutineItem("glute-bridge", sets=3, reps=3, hold_s=1, rest_s=2, rest_after_s=2),
        RoutineItem("figure-4-stretch", sets=2, hold_s=5, sides=ItemSides.EACH, rest_s=2, rest_after_s=0),
    ),
)


def stored(db: Path) -> tuple[str, set[tuple[int, int, str, int]]]:
    con = sqlite3.connect(db)
    try:
        check = con.execute("PRAGMA quick_check").fetchone()[0]
        rows = con.execute("SELECT session_id, item_index, side, set_number FROM set_record").fetchall()
    finally:
        con.close()
    return check, {(int(s), int(i), str(d), int(n)) for s, i, d, n in rows}


def one_kill(db: Path, rng: random.Random, resume: bool) -> tuple[int, int, str]:
    """One run killed at a random moment: (sets announced, of them missing, quick_check)."""
    _check, before = stored(db)
    args = ["resume", "--speed", "20"] if resume else ["start", ROUTINE.name, "--speed", "20"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "-v", *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    time.sleep(rng.uniform(0.3, 4.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=5)
    announced = RECORDED.findall("".join(lines))
    check, after = stored(db)
    written_now = {(i, d, n) for _s, i, d, n in after - before}  # every announced set is a new row
    missing = [a for a in announced if (int(a[0]), a[1], int(a[2])) not in written_now]
    return len(announced), len(missing), check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="hipdesk-kills-") as folder:
        db = Path(folder) / "hipdesk.sqlite"
        repo = open_store(db)
        repo.save_routine(ROUTINE)
        repo.db.close()
        total_sets = lost = ok = 0
        started = time.monotonic()
        for n in range(args.kills):
            announced, missing, check = one_kill(db, rng, resume=n % 3 == 2)
            total_sets += announced
            lost += missing
            ok += check == "ok"
            print(
                f"kill {n + 1:>3}: {announced} sets announced, {missing} missing, quick_check {check}",
                flush=True,
            )
        elapsed = time.monotonic() - started
        print(
            f"{args.kills} kills at random moments in {elapsed:.0f} s: {total_sets} finished sets announced, "
            f"{lost} lost; quick_check ok {ok} times out of {args.kills}"
        )


if __name__ == "__main__":
    main()
