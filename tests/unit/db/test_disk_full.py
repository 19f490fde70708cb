"""A full disk while creating the database, importing or backing up: one line, exit 1, nothing lost.

The disk is a small tmpfs mounted for the test, which needs root (CI runs as root); elsewhere the
tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


class SmallDisk:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def resize(self, size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.folder)], check=True)

    def fill(self) -> Path:
        """Use up every free byte."""
        filler = self.folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for chunk in (65536, 4096, 1):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * chunk)
        finally:
            os.close(fd)
        return filler


@pytest.fixture
def small_disk() -> Iterator[SmallDisk]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs these tests as root)")
    folder = Path(tempfile.mkdtemp(prefix="hipdesk-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), *args],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip


def full_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    ours = [line for line in result.stderr.splitlines() if line.startswith("hipdesk:")]
    assert len(ours) == 1 and ours[0].startswith("hipdesk: The disk holding") and "is full" in ours[0], ours


def routine_names(db: Path) -> set[str]:
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)  # needs no room at all
    try:
        return {r[0] for r in con.execute("SELECT name FROM routine")}
    finally:
        con.close()


@pytest.mark.parametrize("command", [["routines"], ["week"], ["history", "--json"], ["--exit-after-startup"]])
def test_a_full_disk_when_the_database_is_created_is_one_line_and_leaves_a_usable_folder(
    small_disk: SmallDisk, command: list[str]
) -> None:
    db = small_disk.folder / "hipdesk.sqlite"
    full_line(run(db, *command))
    small_disk.resize("16m")
    result = run(db, "routines")  # room again: the file is created as if nothing had happened
    assert result.returncode == 0, result.stderr
    assert "Hip strength" in result.stdout


def test_a_full_disk_during_an_import_is_one_line_and_the_data_stays_as_it_was(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    small_disk.resize("4m")
    db = small_disk.folder / "hipdesk.sqlite"
    assert run(db, "backup").returncode == 1  # no data yet
    assert run(db, "routines").returncode == 0
    routine_file = tmp_path / "r.hipdesk.json"
    assert run(db, "export", "routine", "Hip strength", "-o", str(routine_file)).returncode == 0
    before = routine_names(db)
    filler = small_disk.fill()
    full_line(run(db, "import", str(routine_file)))
    full_line(run(db, "backup"))
    assert routine_names(db) == before
    filler.unlink()
    assert run(db, "check").returncode == 0
    assert run(db, "import", str(routine_file)).returncode == 0
    assert len(routine_names(db)) == len(before) + 1
    assert not [p for p in (small_disk.folder / "backups").iterdir() if ".part" in p.name]


def test_a_full_disk_during_a_restore_over_a_damaged_file_is_one_sentence_and_changes_nothing(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    from hipdesk.db import backup
    from hipdesk.db.files import disk_full_text
    from hipdesk.db.recovery import restore_file
    from hipdesk.store import open_store

    source = tmp_path / "saved.sqlite"
    open_store(source).db.close()
    small_disk.resize("4m")
    db = small_disk.folder / "hipdesk.sqlite"
    db.write_bytes(b"not a database " * 100)
    small_disk.fill()
    with pytest.raises(backup.BackupError) as refused:
        restore_file(db, source)
    assert str(refused.value) == disk_full_text(small_disk.folder)
    assert db.read_bytes() == b"not a database " * 100
    assert sorted(p.name for p in small_disk.folder.iterdir()) == ["filler", "hipdesk.sqlite"]


def test_a_full_disk_during_an_automatic_backup_is_said_as_a_full_disk(small_disk: SmallDisk) -> None:
    """A backup that reads the file itself (the automatic ones) cannot even open it on a full disk:
    that is told as the full disk it is, not as an input/output error."""
    from hipdesk.db import backup
    from hipdesk.db.files import disk_full_text
    from hipdesk.store import open_store

    small_disk.resize("4m")
    db = small_disk.folder / "hipdesk.sqlite"
    open_store(db).db.close()
    before = db.read_bytes()
    small_disk.fill()
    with pytest.raises(backup.BackupError) as refused:
        backup.make_backup(db, "periodic", only_if_changed=True)
    assert str(refused.value) == disk_full_text(small_disk.folder)
    assert db.read_bytes() == before and not (small_disk.folder / "backups").exists()
