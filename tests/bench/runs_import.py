"""Run import benchmark: a year of daily runs, 365 FIT files, through `hipdesk import-runs`.

Run: python tests/bench/runs_import.py [COUNT]
Writes COUNT FIT files (365 by default), each a run of 300 track points, then times
`hipdesk import-runs` on them as a command (a fresh process, the lock held), into an empty
database and then the same files again (every run already there). Target: under 10 s.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run from a source checkout


def main() -> None:
    from tests.run_files import START, write_fit

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 365
    with tempfile.TemporaryDirectory(prefix="hipdesk-bench-") as tmp:
        folder = Path(tmp)
        files = [
            str(write_fit(folder / f"run-{n:03d}.fit", start=START + dt.timedelta(days=n), points=300))
            for n in range(count)
        ]
        size = sum(Path(f).stat().st_size for f in files)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HIPDESK_DB": str(folder / "bench.sqlite")}
        command = [sys.executable, "-m", "hipdesk", "import-runs", *files]
        for what in ("into an empty database", "the same files again"):
            began = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            took = time.perf_counter() - began
            print(f"{count} FIT files ({size / 1e6:.1f} MB), {what}: {took:.2f} s ({done.stdout.strip()})")


if __name__ == "__main__":
    main()
