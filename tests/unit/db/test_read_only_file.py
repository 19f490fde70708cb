"""A read-only data file: check and backup read it and leave nothing beside it, so that once the file
is writable again HipDesk writes it as before. The commands run without root's power over file
modes: as root (as CI runs), without the capabilities that bypass them."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hipdesk.store import open_store

ROOT = Path(__file__).resolve().parents[3]


PR_CAPBSET_DROP = 24
MODE_BYPASSING_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _without_mode_bypass() -> None:
    """In the child before it starts HipDesk: root keeps its user id (the interpreter may live
    under /root) but loses what lets it ignore file modes, for good once the program starts."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in MODE_BYPASSING_CAPABILITIES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)


@pytest.fixture
def folder() -> Iterator[Path]:
    made = Path(tempfile.mkdtemp(prefix="hipdesk-ro-"))
    made.chmod(0o755)
    yield made
    shutil.rmtree(made, ignore_errors=True)


def run_limited(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
    }  # fmt: skip

    return subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(folder / "hipdesk.sqlite"), *args],
        capture_output=True, text=True, env=env, timeout=120, preexec_fn=_without_mode_bypass, cwd=folder,
    )  # fmt: skip


def test_check_and_backup_of_a_read_only_file_leave_nothing_and_writers_work_afterwards(folder: Path) -> None:
    db = folder / "hipdesk.sqlite"
    open_store(db).db.close()
    shared = folder / "shared.hipdesk.json"
    assert run_limited(folder, "export", "routine", "Hip strength", "-o", str(shared)).returncode == 0
    db.chmod(0o444)
    probe = run_limited(folder, "import", str(shared))
    assert "read-only" in probe.stderr, probe.stderr  # the modes hold for the commands
    check = run_limited(folder, "check")
    assert check.returncode == 0, check.stderr
    made = run_limited(folder, "backup")
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("hipdesk.sqlite")) == [
        "hipdesk.sqlite"
    ]
    db.chmod(0o644)
    writer = run_limited(folder, "import", str(shared))
    assert writer.returncode == 0 and "Traceback" not in writer.stderr, writer.stderr
    routines = run_limited(folder, "routines")
    assert routines.returncode == 0 and "Traceback" not in routines.stderr, routines.stderr


def test_a_really_read_only_folder_is_one_line_and_nothing_is_made(folder: Path) -> None:
    folder.chmod(0o555)
    try:
        result = run_limited(folder, "routines")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("hipdesk: ") and "read-only" in result.stderr
    assert list(folder.iterdir()) == []
