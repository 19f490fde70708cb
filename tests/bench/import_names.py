"""Import benchmark: a routine file carrying 500 exercises that all have the same name.

Run: python tests/bench/import_names.py [COUNT]
Prints the time of `hipdesk import FILE` as a command (a fresh process, the lock held), first into
an empty database and then the same file again, for COUNT exercises (500 by default) and for a
tenth of them, so that the growth can be read off (linear: about ten times; target under 2 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run from a source checkout


def routine_file(count: int) -> dict[str, object]:
    from hipdesk.export.routine_file import FORMAT, VERSION

    exercises = [
        {
            "id": f"plank-{n}",  # not a "my-" id: each gets a free id from its name
            "name": "Side plank",
            "kind": "strength",
            "position": "side-plank",
            "sidedness": "each-side",
            "muscles": {"primary": ["glute-max"]},
            "dosage": {"sets": [2, 3], "reps": [10, 12]},
            "steps": ["Lie on your side.", "Lift your hips."],
        }
        for n in range(count)
    ]
    items = [{"exercise_id": ex["id"], "sets": 2, "reps": 10, "sides": "each"} for ex in exercises]
    return {
        "format": FORMAT,
        "version": VERSION,
        "routine": {"name": "Same name", "items": items},
        "exercises": exercises,
    }


def timed_import(db: Path, path: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HIPDESK_SPEECH_ENGINE": "none"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"import failed: {done.stderr.strip()}")
    return elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        for n in (count // 10, count):
            path = Path(tmp) / f"same-{n}.hipdesk.json"
            path.write_text(json.dumps(routine_file(n)), encoding="utf-8")
            db = Path(tmp) / f"bench-{n}.sqlite"
            subprocess.run(
                [sys.executable, "-m", "hipdesk", "--db", str(db), "routines"],
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=True,
            )  # the database made first, so that only the import is timed
            first = timed_import(db, path)
            again = timed_import(db, path)
            print(f"{n:>5} exercises with one name: import {first:.2f} s, the same file again {again:.2f} s")


if __name__ == "__main__":
    main()
