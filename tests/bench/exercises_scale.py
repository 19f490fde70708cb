"""Scale benchmark: 100 / 1,000 / 10,000 of the user's own exercises.

Run: python tests/bench/exercises_scale.py [--sizes 100,1000,10000]
At each size, in a fresh data file: the time to create the exercises through the repository, one
``create_exercise`` each (as the app does) and all in one ``create_exercises`` (in another fresh
file), then, as whole processes, ``hipdesk exercises --json``,
``hipdesk routines`` and the window open to the library filled (the ``data-shown`` moment of
``--exit-after-startup``). Each figure is printed beside its goal, so the growth is visible.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

COLUMNS = ("create", "create_exercises", "exercises --json", "routines", "window")
GOALS = dict(zip(COLUMNS, (5.0, 5.0, 1.0, 0.5, 1.0), strict=True))  # at 10,000


def make_exercises(db_file: Path, count: int, at_once: bool = False) -> float:
    """Seconds to create ``count`` own exercises through the repository: one by one, or ``at_once``."""
    from hipdesk.store import open_store

    repo = open_store(db_file)
    base = repo.exercises()
    start = time.perf_counter()
    made = (
        replace(base[n % len(base)], name=f"{base[n % len(base)].name} variation {n}") for n in range(count)
    )
    if at_once:
        repo.create_exercises(made)
    else:
        for exercise in made:
            repo.create_exercise(exercise)
    took = time.perf_counter() - start
    repo.db.close()
    return took


def row(first: str, cells: list[str]) -> str:
    """One line of the table, each cell as wide as its column's name (or the figure, if wider)."""
    return f"{first:>14} | " + " | ".join(
        f"{c:>{max(len(name), 8)}}" for c, name in zip(cells, COLUMNS, strict=True)
    )


def run(cmd: list[str], env: dict[str, str], what: str | None = None) -> float:
    """Seconds from process start to its end, or to the line starting with ``what``."""
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=300).stdout
    if what is None:
        return time.time() - start
    line = next(line for line in out.splitlines() if line.startswith(what))
    return float(line.split()[1]) - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3, help="runs of each process (median)")
    args = parser.parse_args()
    env = {**os.environ, "HIPDESK_REPORT_STARTUP": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    hipdesk = [sys.executable, "-m", "hipdesk"]
    print(row("own exercises", list(COLUMNS)))
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
            db_file = Path(tmp) / "bench.sqlite"
            env["HIPDESK_DB"] = str(db_file)
            created = make_exercises(db_file, size)
            at_once = make_exercises(Path(tmp) / "at-once.sqlite", size, at_once=True)
            db = ["--db", str(db_file)]
            cmds = {
                "exercises --json": ([*hipdesk, *db, "exercises", "--json"], None),
                "routines": ([*hipdesk, *db, "routines"], None),
                "window": ([*hipdesk, *db, "--exit-after-startup"], "data-shown"),
            }
            for cmd, what in cmds.values():  # warm-up: bytecode caches, the file in the page cache
                run(cmd, env, what)
            figures = {"create": created, "create_exercises": at_once}
            for name, (cmd, what) in cmds.items():
                figures[name] = sorted(run(cmd, env, what) for _ in range(args.runs))[args.runs // 2]
            print(row(f"{size:,}", [f"{figures[k]:.2f} s" for k in COLUMNS]))
    print(row("goal at 10,000", [f"< {GOALS[k]:.2f} s" for k in COLUMNS]))


if __name__ == "__main__":
    main()
