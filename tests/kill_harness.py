"""Kill HipDesk with SIGKILL at random moments of the commands that guard the data, and check what is
left: the data file is there and reachable, ``quick_check`` passes, the data is the old or the new
(never empty, never something else), and no temporary file stays behind once HipDesk ran again.

Used by tests/unit/db/test_kills.py (a few kills) and tests/bench/kills_safety.py (many); load it
with :func:`load` (there are no packages under tests/).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parent
V1_FIXTURE = TESTS / "fixtures" / "v1.sqlite"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HIPDESK_SPEECH_ENGINE": "none"}
LEFTOVER_MARKS = (".part", ".restoring", ".hipdesk-backup-")


def _load(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load() -> ModuleType:
    """This module, importable from any test file whatever pytest's import mode."""
    return _load("hipdesk_tests_kill_harness", Path(__file__))


def user_data(db: Path) -> str:
    """What the runner made, in a few words: routines, own exercises, sessions and sets."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        routines = sorted(r[0] for r in con.execute("SELECT name FROM routine"))
        own = sorted(r[0] for r in con.execute("SELECT name FROM exercise WHERE builtin = 0"))
        sessions = con.execute("SELECT count(*) FROM session").fetchone()[0]
        sets = con.execute("SELECT count(*) FROM set_record").fetchone()[0]
    finally:
        con.close()
    return f"routines={routines} own={own} sessions={sessions} sets={sets}"


def hipdesk(db: Path, *args: str) -> tuple[int, str]:
    """Run a command in this process (no Qt needed): its exit code and what it wrote to stderr."""
    from hipdesk.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *args])
    return code, err.getvalue()


def _fill(db: Path, sessions: int) -> None:
    """A data file with starter content, a routine of one's own and a history, a few MB big."""
    from hipdesk.domain.model import Routine, RoutineItem
    from hipdesk.store import open_store

    history = _load("hipdesk_tests_history_data", TESTS / "history_data.py")
    repo = open_store(db)
    try:
        repo.save_routine(Routine("Mine", items=(RoutineItem("clamshell", sets=3, reps=12),)))
        history.generate(repo, days=sessions)
    finally:
        repo.db.close()


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)  # the header gone: not a database any more
    db.write_bytes(bytes(data))


@dataclass
class Trial:
    """A prepared folder: the data file and the command to kill."""

    db: Path
    args: list[str]


@dataclass
class Scenario:
    name: str
    prepare: Callable[[Path, Path], Trial]  # (template folder, trial folder) -> trial
    expect_new_only: bool = False  # after HipDesk ran again, only the new data may be there


def _copy_template(template: Path, folder: Path) -> Path:
    shutil.copytree(template, folder)
    return folder / "hipdesk.sqlite"


def _backup_command(template: Path, folder: Path) -> Trial:
    return Trial(_copy_template(template, folder), ["backup"])


def _the_backup(folder: Path) -> Path:
    [made] = sorted((folder / "backups").glob("hipdesk.keep-*.sqlite"))
    return made


def _restore(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    return Trial(db, ["restore", str(_the_backup(folder))])


def _restore_onto_damaged(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    _damage(db)
    return Trial(db, ["restore", str(_the_backup(folder))])


def _start_up_recovery(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    _damage(db)
    return Trial(db, ["routines"])


def _import(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    return Trial(db, ["import", str(folder / "shared.hipdesk.json")])


def _migration(template: Path, folder: Path) -> Trial:
    folder.mkdir()
    db = folder / "hipdesk.sqlite"
    shutil.copy(V1_FIXTURE, db)
    return Trial(db, ["routines"])


def _export_csv(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    return Trial(db, ["export", "csv", "-o", str(folder / "out" / "sets.csv")])


def _export_pdf(template: Path, folder: Path) -> Trial:
    db = _copy_template(template, folder)
    return Trial(db, ["export", "pdf", "--routine", "Mine", "-o", str(folder / "out" / "mine.pdf")])


SCENARIOS = [
    Scenario("backup", _backup_command),
    Scenario("restore", _restore),
    Scenario("restore onto a damaged file", _restore_onto_damaged, expect_new_only=True),
    Scenario("start-up recovery", _start_up_recovery, expect_new_only=True),
    Scenario("import", _import),
    Scenario("migration of the v1 file", _migration, expect_new_only=True),
    Scenario("CSV export", _export_csv),
    Scenario("PDF export", _export_pdf),
]


def make_template(folder: Path, sessions: int = 400) -> Path:
    """The data every trial starts from: a history, a backup of an older state, a routine file."""
    from hipdesk.db import backup

    folder.mkdir(parents=True)
    db = folder / "hipdesk.sqlite"
    _fill(db, sessions)
    code, err = hipdesk(db, "export", "routine", "Mine", "-o", str(folder / "shared.hipdesk.json"))
    assert code == 0, err
    older = backup.make_backup(db, "keep", thin=False)  # the backup restored and recovered from
    assert older is not None
    from hipdesk.domain.model import Routine, RoutineItem
    from hipdesk.store import open_store

    repo = open_store(db)
    try:
        repo.save_routine(Routine("After the backup", items=(RoutineItem("clamshell", sets=1, reps=5),)))
    finally:
        repo.db.close()
    (folder / "out").mkdir()
    return folder


@dataclass
class Outcome:
    scenario: str
    delay_s: float
    killed: bool
    problems: list[str] = field(default_factory=list)


def leftovers(folder: Path) -> list[str]:
    """Temporary files of HipDesk's own in the data folder and its backups (exports go elsewhere)."""
    found = []
    for place in (folder, folder / "backups"):
        if place.is_dir():
            found += [p.name for p in place.iterdir() if any(mark in p.name for mark in LEFTOVER_MARKS)]
    return found


def launch(trial: Trial) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "hipdesk", "--db", str(trial.db), *trial.args],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


class Harness:
    def __init__(self, work: Path, seed: int = 1, sessions: int = 400) -> None:
        self.work = work
        self.rng = random.Random(seed)
        self.template = make_template(work / "template", sessions)
        self.count = 0
        self.expected: dict[str, tuple[str, str, float]] = {}  # scenario: (old, new, seconds)

    def _folder(self) -> Path:
        self.count += 1
        return self.work / f"trial-{self.count}"

    def calibrate(self, scenario: Scenario) -> tuple[str, str, float]:
        """The data before and after the command run to its end, and how long it takes."""
        if scenario.name not in self.expected:
            trial = scenario.prepare(self.template, self._folder())
            old = user_data(trial.db) if not scenario.expect_new_only else ""
            start = time.monotonic()
            proc = launch(trial)
            assert proc.wait(timeout=300) == 0, f"{scenario.name} failed without a kill"
            took = time.monotonic() - start
            code, err = hipdesk(trial.db, "routines")
            assert code == 0, err
            self.expected[scenario.name] = (old, user_data(trial.db), took)
            shutil.rmtree(trial.db.parent)
        return self.expected[scenario.name]

    def kill_once(self, scenario: Scenario) -> Outcome:
        old, new, took = self.calibrate(scenario)
        trial = scenario.prepare(self.template, self._folder())
        delay = self.rng.uniform(0.05, took)
        proc = launch(trial)
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        outcome = Outcome(scenario.name, delay, killed)
        self._judge(trial, outcome, {new} if scenario.expect_new_only else {old, new})
        shutil.rmtree(trial.db.parent)
        return outcome

    def _judge(self, trial: Trial, outcome: Outcome, allowed: set[str]) -> None:
        problems = outcome.problems
        if not trial.db.is_file():
            problems.append("the data file is gone")
        code, err = hipdesk(trial.db, "routines")  # the next launch: recovery, migration, clean-up
        if code != 0:
            problems.append(f"the next launch failed: {err.strip()}")
            return
        code, err = hipdesk(trial.db, "check")
        if code != 0:
            problems.append(f"check failed: {err.strip()}")
        with contextlib.closing(sqlite3.connect(trial.db)) as con:
            check = con.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            problems.append(f"quick_check: {check}")
        data = user_data(trial.db)
        if data not in allowed:
            problems.append(f"the data is neither the old nor the new: {data}")
        left = leftovers(trial.db.parent)
        if left:
            problems.append(f"left behind: {left}")
