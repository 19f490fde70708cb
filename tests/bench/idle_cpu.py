"""Idle CPU benchmark: what HipDesk costs while it is left alone, beside a bare PySide6 window.

Run: python tests/bench/idle_cpu.py [--seconds 30] [--page library ...]
Starts its own X server (Xvfb, 1280×800) with a window manager (openbox, when installed, so that
activation and minimising work as on a desktop), then in a fresh process each: HipDesk's window on
each page (Library and Routines with an exercise chosen, so a figure would move), the window
minimised, the window behind another one, and a bare QWidget. Each run settles, is touched once (a
click on the window, as a runner would before turning away), is left alone through the time figures
keep moving after the last use (``ATTENTION_S``), then its CPU time (user + system, the process's own
counters, os.times) is read over the measuring span and printed as a share of one core. The goal is
under 2 % of one core on every page, and 0 % beyond Qt's own idle where nothing moves.
Needs Xvfb (Debian: xvfb); openbox is optional.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
from xserver import start_xvfb, stop  # noqa: E402

SETTLE_S = 3.0
PAGES = ("today", "library", "routines", "week", "history")
STATES = (*PAGES, "minimised", "behind", "bare")
GOAL = 0.02


def _child(kind: str, seconds: float, db: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    import hipdesk  # noqa: F401  (the PySide6 workaround, before any Qt use)

    app = QApplication.instance() or QApplication([])
    keep: list[object] = []
    if kind == "bare":
        window = QWidget()
        window.resize(1280, 760)
        window.show()
        attention_s = 0.0
    else:
        from hipdesk.store import open_store
        from hipdesk.views.shell.main_window import MainWindow

        try:
            from hipdesk.views.common.attention import ATTENTION_S
        except ImportError:  # before figures rested when left alone
            ATTENTION_S = 0.0
        attention_s = ATTENTION_S
        repo = open_store(Path(db))
        window = MainWindow(repo)
        window.resize(1280, 760)
        window.show()
        page = kind if kind in PAGES else "library"
        window.show_page(page)
        if page == "library":
            window.page("library").select("glute-bridge")  # type: ignore[attr-defined]
        elif page == "routines":
            window.routines_page.select_routine("Hip strength")
        keep.append(repo)
    keep.append(window)
    result: dict[str, object] = {"kind": kind}

    def touch() -> None:  # the runner clicks the window once, then leaves it alone
        window.activateWindow()
        QTest.mouseMove(window, QPoint(window.width() // 2, 20))
        QTest.mouseClick(
            window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(window.width() // 2, 5)
        )
        if kind == "minimised":
            window.showMinimized()
        elif kind == "behind":
            cover = QWidget()
            cover.setWindowTitle("Another window")
            cover.resize(1280, 800)
            cover.show()
            cover.activateWindow()
            keep.append(cover)

    def begin() -> None:
        t = os.times()
        result["cpu0"], result["wall0"] = t.user + t.system, time.monotonic()

    def begin_use() -> None:
        t = os.times()
        result["use_cpu0"], result["use_wall0"] = t.user + t.system, time.monotonic()

    def end_use() -> None:
        t = os.times()
        cpu = t.user + t.system - float(result.pop("use_cpu0"))  # type: ignore[arg-type]
        result["in_use"] = cpu / (time.monotonic() - float(result.pop("use_wall0")))  # type: ignore[arg-type]

    def end() -> None:
        t = os.times()
        cpu = t.user + t.system - float(result.pop("cpu0"))  # type: ignore[arg-type]
        wall = time.monotonic() - float(result.pop("wall0"))  # type: ignore[arg-type]
        result.update(share=cpu / wall, wall=wall, attention_s=attention_s)
        print(json.dumps(result), flush=True)
        app.quit()

    start = SETTLE_S + attention_s + 1.0
    QTimer.singleShot(int(SETTLE_S * 1000), touch)
    if attention_s > 3:  # while the figures still move after the click
        QTimer.singleShot(int((SETTLE_S + 1) * 1000), begin_use)
        QTimer.singleShot(int((SETTLE_S + attention_s - 1) * 1000), end_use)
    QTimer.singleShot(int(start * 1000), begin)
    QTimer.singleShot(int((start + seconds) * 1000), end)
    app.exec()


def _run(kind: str, display: str, seconds: float, db: str) -> dict[str, object]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HIPDESK_SPEECH_ENGINE": "none"}
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="hipdesk-bench-")
    args = [sys.executable, __file__, "--child", kind, "--seconds", str(seconds), "--db", db]
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=seconds + 180)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the {kind} run printed nothing:\n{out.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--state", action="append", choices=STATES, help="default: all")
    parser.add_argument("--child", choices=STATES)
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.seconds, args.db)
        return
    folder = Path(tempfile.mkdtemp(prefix="hipdesk-bench-"))
    db = str(folder / "idle.sqlite")
    subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", db, "routines"], cwd=ROOT, capture_output=True, check=True
    )
    started, display = start_xvfb("1280x800", window_manager=True)
    try:
        rows = [_run(kind, display, args.seconds, db) for kind in (args.state or STATES)]
    finally:
        stop(started)
    attention = max(float(row["attention_s"]) for row in rows)  # type: ignore[arg-type]
    print(
        f"{args.seconds:.0f} s each in Xvfb at 1280x800, left alone after one click (measured from "
        f"{attention:.0f} s after it, when figures have stopped); CPU user+system of the process itself; "
        f"goal under {GOAL:.0%} of one core"
    )
    for row in rows:
        share = float(row["share"])  # type: ignore[arg-type]
        mark = "" if row["kind"] == "bare" else ("  ok" if share < GOAL else "  over the goal")
        used = (
            f"   (in the {attention:.0f} s after the click: {float(row['in_use']) * 100:.1f} %)"
            if "in_use" in row
            else ""
        )  # type: ignore[arg-type]
        print(f"{row['kind']:<10} {share * 100:5.2f} % of one core{mark}{used}")


if __name__ == "__main__":
    main()
