"""History commands on a long history: `hipdesk history`, `history --json` and `export csv`.

Run: python tests/bench/history_cli.py [YEARS ...]   (default: 1 5 20)
For each length it generates that many years of daily sessions (tests/history_data.py), then runs
each command as a whole process three times and prints the median wall time, the median CPU time
(user + system, the child's own counters: what the command costs when the machine is shared) and the
peak memory (the child's own maximum resident size), beside the goals for 20 years: `history` under
1 s and 100 MB, `history --json` under 3 s, `export csv` under 3 s, memory flat as the history grows.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {
    "history": (["history"], 1.0),
    "history --json": (["history", "--json"], 3.0),
    "export csv": (["export", "csv", "-o", "{out}"], 3.0),
}


MEMORY_GOAL_MIB = 100


def _timed(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MiB of one run of ``args``, its output thrown away."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(args)} failed with {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    years = [int(a) for a in sys.argv[1:]] or [1, 5, 20]
    folder = Path(tempfile.mkdtemp(prefix="hipdesk-bench-"))
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("years  sessions  command           median wall  median CPU  peak memory  (goal at 20 years)")
    for count in years:
        db = folder / f"{count}y.sqlite"
        made = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "history_data.py"), str(db), str(365 * count)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        sessions = made.stdout.split()[1]
        for name, (args, goal) in COMMANDS.items():
            out = str(folder / "out.csv")
            command = [sys.executable, "-m", "hipdesk", "--db", str(db), *[a.format(out=out) for a in args]]
            runs = [_timed(command) for _ in range(3)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            print(
                f"{count:>5}  {sessions:>8}  {name:<16}  {wall:>9.2f} s  {cpu:>8.2f} s  {peak:>8.0f} MiB"
                f"  (under {goal:g} s, {MEMORY_GOAL_MIB} MB)"
            )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
