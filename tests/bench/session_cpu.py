"""Session CPU benchmark: what a running session window costs, beside an idle bare PySide6 window.

Run: python tests/bench/session_cpu.py [--seconds 60] [--profile FILE]
Starts its own X server (Xvfb, 1920×1080), then in a fresh process each: a guided session at real
speed (figure moving, ring counting) and a bare QWidget, both full screen. After a few seconds to
settle it reads the process's own CPU counters (user + system, os.times) over the measuring span
and prints them as a share of one core, with the intervals between painted figure frames (a pose
held still is painted once: those gaps are counted apart from the frame pacing).
Needs Xvfb (Debian: xvfb). --profile writes a cProfile of the session run to FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
from xserver import start_xvfb, stop  # noqa: E402

SETTLE_S = 4.0
HELD_MS = 150.0  # a longer gap between painted frames is a pose held still, painted once


def _child(kind: str, seconds: float, profile: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication([])
    frames: list[float] = []
    keep: list[object] = []
    if kind == "bare":
        window = QWidget()
        window.showFullScreen()
    else:
        from hipdesk.store import open_store
        from hipdesk.views.session.driver import SessionDriver
        from hipdesk.views.session.window import SessionWindow

        tmp = tempfile.mkdtemp(prefix="hipdesk-bench-")
        repo = open_store(Path(tmp) / "bench.sqlite")
        from hipdesk.catalogue.starter import WARM_UP

        routine = repo.routine(WARM_UP)  # moves from start to end: the figure never rests long
        exercises = {ex.id: ex for ex in repo.exercises()}
        driver = SessionDriver(repo, routine, exercises, lead_in_s=1)
        session = SessionWindow(driver, exercises)
        session.show_full_screen()
        session.start()
        driver.skip()  # past the lead-in: the first set runs, the figure moves, the ring counts

        class Frames(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    frames.append(time.monotonic())
                return False

        counter = Frames()
        session.figure.installEventFilter(counter)
        keep += [repo, driver, session, counter]
        window = session

    result: dict[str, object] = {}
    profiler = None

    def begin() -> None:
        nonlocal profiler
        frames.clear()
        t = os.times()
        result["cpu0"], result["wall0"] = t.user + t.system, time.monotonic()
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()

    def end() -> None:
        t = os.times()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        cpu = t.user + t.system - float(result.pop("cpu0"))  # type: ignore[arg-type]
        wall = time.monotonic() - float(result.pop("wall0"))  # type: ignore[arg-type]
        gaps = [b - a for a, b in zip(frames, frames[1:], strict=False)]
        result.update(
            kind=kind,
            size=f"{window.width()}x{window.height()}",
            share=cpu / wall,
            wall=wall,
            frames=len(frames),
            gaps_ms=sorted(g * 1000 for g in gaps),
        )
        print(json.dumps(result), flush=True)
        if kind != "bare":
            driver.end_early()
        app.quit()

    QTimer.singleShot(int(SETTLE_S * 1000), begin)
    QTimer.singleShot(int((SETTLE_S + seconds) * 1000), end)
    app.exec()


def _run(kind: str, display: str, seconds: float, profile: str | None) -> dict[str, object]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HIPDESK_SPEECH_ENGINE": "none"}
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="hipdesk-bench-")
    args = [sys.executable, __file__, "--child", kind, "--seconds", str(seconds)]
    if profile:
        args += ["--profile", profile]
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=seconds + 120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the {kind} run printed nothing:\n{out.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def _pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--profile")
    parser.add_argument("--child", choices=["session", "bare"])
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.seconds, args.profile if args.child == "session" else None)
        return
    started, display = start_xvfb("1920x1080")
    try:
        session = _run("session", display, args.seconds, args.profile)
        bare = _run("bare", display, args.seconds, None)
    finally:
        stop(started)
    gaps = [float(g) for g in session["gaps_ms"]]  # type: ignore[attr-defined]
    print(f"{args.seconds:.0f} s each in Xvfb at {session['size']}, CPU user+system of the process itself")
    print(f"session window: {float(session['share']) * 100:.1f} % of one core")  # type: ignore[arg-type]
    print(f"bare window:    {float(bare['share']) * 100:.1f} % of one core")  # type: ignore[arg-type]
    moving = [g for g in gaps if g < HELD_MS]
    if moving:
        print(
            f"figure frames: {session['frames']} painted; while it moves, interval median "
            f"{statistics.median(moving):.1f} ms, 95th percentile {_pct(moving, 0.95):.1f} ms, "
            f"99th {_pct(moving, 0.99):.1f} ms, worst {max(moving):.1f} ms; "
            f"{len(gaps) - len(moving)} still poses painted once and held (longest {max(gaps):.0f} ms)"
        )


if __name__ == "__main__":
    main()
