"""SIGKILL at random moments of every command that guards the data, many times each, and print per
command how many kills left the data old or new, reachable, sound and with no temporary file behind.

    python tests/bench/kills_safety.py [--kills 25] [--seed 1] [--sessions 1500]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run from a source checkout

import hipdesk  # noqa: E402, F401  (before PySide6: see hipdesk.qtfix)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=25, help="kills per command")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sessions", type=int, default=1500, help="days of history in the data")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location(
        "hipdesk_tests_kill_harness", ROOT / "tests" / "kill_harness.py"
    )
    assert spec is not None and spec.loader is not None
    harness_module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = harness_module
    spec.loader.exec_module(harness_module)
    with tempfile.TemporaryDirectory(prefix="hipdesk-kills-") as work:
        harness = harness_module.Harness(Path(work), seed=args.seed, sessions=args.sessions)
        size = (harness.template / "hipdesk.sqlite").stat().st_size
        print(f"data file {size / 2**20:.1f} MiB, {args.kills} kills per command, seed {args.seed}")
        failed = 0
        for scenario in harness_module.SCENARIOS:
            start = time.monotonic()
            outcomes = [harness.kill_once(scenario) for _ in range(args.kills)]
            bad = [o for o in outcomes if o.problems]
            failed += len(bad)
            mid = sum(o.killed for o in outcomes)
            took = harness.expected[scenario.name][2]
            print(
                f"{scenario.name:<28} {len(outcomes) - len(bad):>3}/{len(outcomes)} intact"
                f" ({mid} killed mid-run; the command takes {took:.2f} s; {time.monotonic() - start:.0f} s)"
            )
            for outcome in bad[:3]:
                print(f"    after {outcome.delay_s:.2f} s: {'; '.join(outcome.problems)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
