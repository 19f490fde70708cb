"""Start-up benchmark: process start to the first paint of the main window, against a bare window.

Run: python tests/bench/startup.py [--runs N]
Prints the median time and peak memory of each, and the ratios (target: within 1.5x and 2x); and
when the data is shown (the page the window opens on, Today, filled), against the bare window's first
paint too (issue 17's goal: within 1.5x of it). And the least a window on this stack can do before
its data is shown: a bare window that, after its first paint, loads peewee, opens the same data file
and shows one value from it (the floor no page of HipDesk can go below).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

BARE = r"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"first-paint {time.time():.6f} maxrss-kib {rss}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1180, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

# the bare window, then what showing anything from the data file costs at the least: peewee loaded, the
# file opened, one query, the answer on screen
FLOOR = BARE.replace(
    "            QTimer.singleShot(0, app.quit)",
    """            QTimer.singleShot(0, show_data)""",
).replace(
    "app = QApplication(sys.argv[:1])",
    """def show_data():
    import os
    import peewee
    db = peewee.SqliteDatabase(os.environ["HIPDESK_DB"])
    db.connect()
    (count,) = db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    window.centralWidget().setText(f"{count} tables")
    window.centralWidget().repaint()
    print(f"data-shown {time.time():.6f} maxrss-kib 0", flush=True)
    QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])""",
)


def measure(cmd: list[str], env: dict[str, str], what: str = "first-paint") -> tuple[float, int]:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=120).stdout
    line = next(line for line in out.splitlines() if line.startswith(what))
    _, stamp, _, rss = line.split()
    return float(stamp) - start, int(rss)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "HIPDESK_REPORT_STARTUP": "1"}
    # Measure as a user runs it: with Python's bytecode cache (the warm-up runs fill it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["HIPDESK_DB"] = str(Path(tmp) / "bench.sqlite")
        hipdesk = [sys.executable, "-m", "hipdesk", "--exit-after-startup"]
        bare = [sys.executable, "-c", BARE]
        floor = [sys.executable, "-c", FLOOR]
        for _ in range(2):  # warm-up: creates the database and the bytecode caches; not counted
            measure(hipdesk, env)
            measure(bare, env)
        results: dict[str, list[tuple[float, int]]] = {"bare": [], "hipdesk": [], "data": [], "floor": []}
        for _ in range(args.runs):  # interleaved, so both see the same machine
            results["bare"].append(measure(bare, env))
            results["hipdesk"].append(measure(hipdesk, env))
            results["data"].append(measure(hipdesk, env, "data-shown"))
            results["floor"].append(measure(floor, env, "data-shown"))
    med = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    mem = {k: max(r for _, r in v) for k, v in results.items()}
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, median of each")
    print(
        f"bare PySide6 window : {med['bare'] * 1000:7.1f} ms to first paint, peak {mem['bare'] / 1024:6.1f} MiB"
    )
    print(
        f"HipDesk main window : {med['hipdesk'] * 1000:7.1f} ms to first paint, peak {mem['hipdesk'] / 1024:6.1f} MiB"
    )
    print(f"HipDesk data shown  : {med['data'] * 1000:7.1f} ms (Today filled, after the first paint)")
    print(
        f"ratio               : {med['hipdesk'] / med['bare']:.2f}x time (target <= 1.5x), "
        f"{mem['hipdesk'] / mem['bare']:.2f}x memory (target <= 2x)"
    )
    print(
        f"data shown          : {med['data'] / med['bare']:.2f}x the bare window's first paint (goal <= 1.5x)"
    )
    print(
        f"floor               : {med['floor'] * 1000:7.1f} ms, {med['floor'] / med['bare']:.2f}x: a bare window "
        "showing one value of the data file through peewee after its first paint"
    )


if __name__ == "__main__":
    main()
