"""Timer benchmark: the session engine on the real monotonic clock, ticked like the Qt driver, under load.

Run: python tests/bench/timer.py [--seconds N] [--pause-every S]
Ticks every 50-100 ms for N seconds (default 600) while a thread keeps another core busy (hashing that
releases the GIL, plus pure-Python work that competes for it), pauses for 2 s now and then, and compares
the time left the engine shows after each tick with the true time left, computed from the plan and the
real clock alone. Prints the largest difference (target: within 50 ms after 10 minutes).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a source checkout

from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.engine import SessionEngine, plan_steps


def busy(stop: threading.Event) -> None:
    """Keep a core busy: hashing big buffers (no GIL) mixed with Python arithmetic (holds the GIL)."""
    block = bytes(4 << 20)
    total = 0
    while not stop.is_set():
        hashlib.sha256(block).digest()
        for i in range(20_000):
            total += i * i


class LoggedClock:
    """time.monotonic, remembering its readings, so the benchmark knows when a pause really began."""

    def __init__(self) -> None:
        self.readings: list[float] = []

    def __call__(self) -> float:
        t = time.monotonic()
        self.readings.append(t)
        return t

    def take(self) -> list[float]:
        taken, self.readings = self.readings, []
        return taken


def routine(seconds: float) -> Routine:
    items = (
        RoutineItem("glute-bridge", sets=3, reps=2, rest_s=4, rest_after_s=6),  # short steps first
        RoutineItem("pigeon", sets=2, hold_s=45, sides=ItemSides.EACH, rest_s=15, rest_after_s=20),
        RoutineItem("clamshell", sets=2, reps=12, sides=ItemSides.EACH, rest_s=30, rest_after_s=30),
        RoutineItem("bird-dog", sets=2, reps=8, sides=ItemSides.ALTERNATING, rest_s=20, rest_after_s=15),
        RoutineItem("glute-bridge", sets=3, reps=10, hold_s=2, rest_s=30, rest_after_s=30),
        RoutineItem("high-knees", sets=2, work_s=30, sides=ItemSides.ALTERNATING, rest_s=30, rest_after_s=20),
    )
    # Enough rounds to outlast the run, so the session never finishes early.
    rounds = 1 + int(seconds // 900) + 1
    return Routine("Bench", items * rounds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument(
        "--pause-every", type=float, default=120.0, help="pause for 2 s this often (0: never)"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    steps = plan_steps(routine(args.seconds), {})
    assert all(s.duration_s is not None for s in steps[:-1])
    ends: list[float] = []
    total = 0.0
    for step in steps[:-1]:
        total += step.duration_s or 0.0
        ends.append(total)

    stop = threading.Event()
    worker = threading.Thread(target=busy, args=(stop,), daemon=True)
    worker.start()

    clock = LoggedClock()
    engine = SessionEngine(steps, clock=clock)
    engine.start()
    t0 = clock.take()[0]  # the instant the engine started
    paused_real = 0.0
    next_pause = args.pause_every if args.pause_every > 0 else float("inf")
    worst = 0.0  # shown time left against the true time left read just after (includes read latency)
    worst_at = 0.0
    worst_drift = 0.0  # against the true time left at the very instant the engine read the clock
    worst_late_tick = 0.0
    ticks = 0
    records = 0
    last_tick = time.monotonic()
    try:
        while True:
            time.sleep(rng.uniform(0.05, 0.1))
            now = time.monotonic()
            worst_late_tick = max(worst_late_tick, now - last_tick)
            last_tick = now
            if now - t0 >= args.seconds:
                break
            engine.tick()
            clock.take()
            shown = engine.seconds_left
            read_at = clock.take()[-1]
            true_now = time.monotonic()
            engine.take_cues()
            records += len(engine.take_records())
            ticks += 1
            session_t = true_now - t0 - paused_real
            # The true time left of the step the engine shows (the same step but for a few microseconds
            # at a boundary), from the plan and the real clock alone.
            true_left = max(0.0, ends[engine.current_index] - session_t)
            assert shown is not None
            diff = abs(shown - true_left)
            drift_left = max(0.0, ends[engine.current_index] - (read_at - t0 - paused_real))
            worst_drift = max(worst_drift, abs(shown - drift_left))
            if diff > worst:
                worst, worst_at = diff, true_now - t0
            # The engine's step must be the one the plan puts at this instant.
            expected = bisect.bisect_right(ends, session_t)
            if expected != engine.current_index and abs(ends[min(expected, len(ends) - 1)] - session_t) > 0.2:
                print(f"step mismatch at {session_t:.3f} s: engine {engine.current_index}, plan {expected}")
            if now - t0 >= next_pause:
                clock.take()
                engine.pause()
                paused_at = clock.take()[-1]  # the pause takes effect at the engine's last reading
                time.sleep(2.0)
                engine.resume()
                paused_real += clock.take()[0] - paused_at  # and ends at its first reading on resume
                last_tick = time.monotonic()
                next_pause += args.pause_every
    finally:
        stop.set()
        worker.join()

    work_done = sum(1 for s in steps[: engine.current_index] if s.is_work)
    print(
        f"ran {args.seconds:.0f} s: {ticks} ticks, longest gap between ticks {worst_late_tick * 1000:.1f} ms"
    )
    print(f"reached step {engine.current_index} of {len(steps)}; {records} set records for {work_done} sets")
    print(f"max |shown - true| time left, true read just after: {worst * 1000:.3f} ms (at {worst_at:.1f} s)")
    print(
        f"max |shown - true| time left at the engine's own clock reading (drift): {worst_drift * 1000:.6f} ms"
    )
    print("target: within 50 ms after 10 minutes")


if __name__ == "__main__":
    main()
