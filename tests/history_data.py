"""A generated session history (years of daily sessions) for tests, benchmarks and screenshots.

Run ``python tests/history_data.py FILE [DAYS]`` to fill a database file; tests load it with
:func:`load` (there are no packages under tests/).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

TEN_YEARS = 3650


def load() -> ModuleType:
    """This module, importable from any test file whatever pytest's import mode."""
    name = "hipdesk_tests_history_data"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _utc(local: dt.datetime) -> str:
    return str(local.astimezone(dt.UTC).replace(tzinfo=None))


def generate(repo: Any, days: int = TEN_YEARS, end: dt.date | None = None, seed: int = 7) -> dict[str, int]:
    """One session a day for ``days`` days up to ``end`` (yesterday by default), the starter routines in turn.

    Targets climb from the bottom of the article's ranges to the top over the first third; the right
    side starts weaker and catches up; a few sets are skipped, a few sessions end early.
    """
    from hipdesk.domain.model import ItemSides, SessionStatus
    from hipdesk.domain.serialize import routine_to_dict

    rng = random.Random(seed)
    end = end or dt.date.today() - dt.timedelta(days=1)
    routines = [r for r in repo.routines() if r.items]
    exercises = {ex.id: ex for ex in repo.exercises(include_retired=True)}
    plans = {r.name: json.dumps(routine_to_dict(r), ensure_ascii=False) for r in routines}
    db = repo.db
    set_rows: list[tuple[Any, ...]] = []
    sessions = 0
    with db.atomic():
        cursor = db.cursor()
        for n in range(days):
            day = end - dt.timedelta(days=days - 1 - n)
            progress = min(1.0, n / max(1, days * 0.3))
            routine = routines[n % len(routines)]
            start = dt.datetime.combine(day, dt.time(7, 0)).astimezone() + dt.timedelta(
                minutes=rng.randint(0, 50)
            )
            partial = rng.random() < 0.03
            clock = start
            rows: list[tuple[Any, ...]] = []
            for index, item in enumerate(routine.items):
                ex = exercises[item.exercise_id]
                d = ex.dosage
                sets = (d.sets.high if d.sets and progress > 0.2 else d.sets.low) if d.sets else item.sets
                sides = {
                    ItemSides.EACH: ("left", "right"),
                    ItemSides.LEFT: ("left",),
                    ItemSides.RIGHT: ("right",),
                }.get(item.sides, ("both",))
                for set_number in range(1, sets + 1):
                    for side in sides:
                        deficit = 0.25 * (1 - progress) if side == "right" else 0.0
                        target_reps = target_s = actual_reps = None
                        if d.reps is not None:
                            per_side = round(d.reps.low + progress * (d.reps.high - d.reps.low))
                            target_reps = per_side * (2 if item.sides is ItemSides.ALTERNATING else 1)
                            actual_reps = max(1, round(target_reps * (1 - deficit)))
                            seconds = target_reps * 2.5
                        else:
                            span = d.hold_s or d.work_s
                            target_s = round(span.low + progress * (span.high - span.low)) if span else 30
                            seconds = target_s * (1 - deficit)
                        skipped = rng.random() < 0.02
                        set_start = clock
                        clock += dt.timedelta(seconds=(0.5 if skipped else seconds) + item.rest_s)
                        rows.append(
                            (
                                index, ex.id, ex.name, side, set_number, target_reps, target_s,
                                None if skipped else actual_reps,
                                None if skipped else round(seconds, 3),
                                int(skipped), _utc(set_start), _utc(clock),
                            )
                        )  # fmt: skip
            if partial:
                rows = rows[: max(1, len(rows) * 2 // 3)]
            status = SessionStatus.PARTIAL if partial else SessionStatus.FINISHED
            early = max(0.0, 1 - progress)
            cursor.execute(
                'INSERT INTO "session" (routine_id, routine_name, plan, started_at, ended_at, status, '
                "resume_step, rpe, discomfort_left, discomfort_right, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    routine.id, routine.name, plans[routine.name], _utc(start), _utc(clock), status.value,
                    None, rng.randint(3, 8), min(10, rng.randint(0, 2)),
                    min(10, rng.randint(0, 2) + round(3 * early)),
                    "Felt good." if rng.random() < 0.1 else "",
                ),
            )  # fmt: skip
            session_id = cursor.lastrowid
            set_rows.extend((session_id, *row) for row in rows)
            sessions += 1
        cursor.executemany(
            'INSERT INTO "set_record" (session_id, item_index, exercise_slug, exercise_name, side, '
            "set_number, target_reps, target_s, actual_reps, actual_s, skipped, started_at, ended_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            set_rows,
        )
    return {"sessions": sessions, "sets": len(set_rows)}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import hipdesk  # noqa: F401  (the PySide6 refcount workaround, before anything else)
    from hipdesk.store import open_store

    repo = open_store(Path(argv[0]))
    counts = generate(repo, int(argv[1]) if len(argv) > 1 else TEN_YEARS)
    repo.db.execute_sql("VACUUM")
    repo.db.close()
    print(f"wrote {counts['sessions']} sessions, {counts['sets']} set records to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
