"""Test set-up: offscreen Qt, and data and settings folders that are never the user's real ones."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="hipdesk-tests-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["XDG_CACHE_HOME"] = str(_SANDBOX / "cache")
os.environ.pop("HIPDESK_DB", None)
# never the machine's own speech engine, in this process or in the HipDesk processes tests start:
# none outside a test, Qt's mock engine during one (_mock_speech below)
os.environ["HIPDESK_SPEECH_ENGINE"] = "none"
# nor the desktop's notification server: reminder tests bring a fake one on a bus of their own
os.environ["HIPDESK_NOTIFICATIONS"] = "none"

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "hipdesk.sqlite"
    monkeypatch.setenv("HIPDESK_DB", str(path))
    return path


@pytest.fixture(autouse=True)
def _mock_speech(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Speech goes to Qt's mock engine; a test that builds any other engine fails."""
    monkeypatch.setenv("HIPDESK_SPEECH_ENGINE", "mock")
    try:
        from hipdesk.views.session import output as session_output
    except ImportError:  # no Qt here: nothing can speak
        yield
        return
    built: list[str] = []
    make = session_output._speech_backend

    def mock_only(name: str, parent: Any) -> Any:
        built.append(name)
        if name != "mock":
            raise AssertionError(f"a test tried to build the speech engine {name!r}")
        return make(name, parent)

    monkeypatch.setattr(session_output, "_speech_backend", mock_only)
    yield
    others = [name for name in built if name != "mock"]
    if others:
        pytest.fail(f"the test built the speech engine {others[0]!r}, not the mock one")


@pytest.fixture
def processes() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """``processes(args, **popen_options)`` starts a process; whatever still runs at the end is killed,
    pass or fail, so a failing test never leaves a HipDesk behind."""
    started: list[subprocess.Popen[str]] = []

    def start(args: list[str], **options: Any) -> subprocess.Popen[str]:
        proc: subprocess.Popen[str] = subprocess.Popen(args, **options)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


_LOCK_HOLDER = """
import sys, time
from pathlib import Path
from hipdesk.views.shell.single_instance import DataLock
lock = DataLock(Path(sys.argv[1]))
assert lock.acquire()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def hold_lock(processes: Callable[..., subprocess.Popen[str]]) -> Callable[[Path], subprocess.Popen[str]]:
    """``hold_lock(db)``: another HipDesk process holds the data lock of ``db`` until the test ends."""

    def hold(db: Path) -> subprocess.Popen[str]:
        proc = processes([sys.executable, "-c", _LOCK_HOLDER, str(db)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        return proc

    return hold


@pytest.fixture
def db_path(_isolated_db: Path) -> Path:
    return _isolated_db


@pytest.fixture
def repo(db_path: Path):
    from hipdesk.store import open_store

    repo = open_store(db_path)
    yield repo
    repo.db.close()
