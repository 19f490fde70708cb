"""Every export: never onto the data under any name, modes kept, special files refused, no temp left."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hipdesk.db import backup
from hipdesk.domain.model import Routine, RoutineItem
from hipdesk.export.calendar import write_ics
from hipdesk.export.csv_export import write_csv, write_runs_csv
from hipdesk.export.pdf import write_pdf
from hipdesk.export.routine_file import write_routine_file
from hipdesk.export.safe_write import Protected, WriteError, remove_stale_temps, write_bytes

ROUTINE = Routine("Hips", items=(RoutineItem("clamshell", sets=2, reps=10),))

Writer = Callable[[Path, Protected | None], None]
WRITERS: dict[str, Writer] = {
    "csv": lambda path, protected: (write_csv(path, [], protected), None)[1],
    "ics": lambda path, protected: write_ics(path, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", protected),
    "pdf": lambda path, protected: write_pdf(path, b"%PDF-1.4 test\n", protected),
    "routine": lambda path, protected: write_routine_file(path, ROUTINE, {}, protected),
    "runs csv": lambda path, protected: (write_runs_csv(path, [], protected), None)[1],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data(repo, db_path: Path) -> Path:
    """A real data file with a backup beside it, written and closed."""
    repo.save_routine(ROUTINE)
    backup.make_backup(db_path, "manual", source=repo.db.connection())
    return db_path


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


# -- never onto the data ------------------------------------------------------------------------
def _names_for_the_data(data: Path, tmp_path: Path) -> dict[str, Path]:
    other = tmp_path / "other"
    other.mkdir(exist_ok=True)
    (other / "to-data").symlink_to(data)
    os.link(data, other / "hard-link.sqlite")
    [kept] = backup.list_backups(data)
    os.link(kept.path, other / "hard-link-to-a-backup.sqlite")
    (other / "to-backups").symlink_to(kept.path.parent, target_is_directory=True)
    return {
        "the data file": data,
        "another path": other / ".." / data.name,
        "a symlink": other / "to-data",
        "a hard link": other / "hard-link.sqlite",
        "the -wal": data.with_name(data.name + "-wal"),
        "the -shm": data.with_name(data.name + "-shm"),
        "the journal": data.with_name(data.name + "-journal"),
        "the lock": data.with_name(data.name + ".lock"),
        "a backup": kept.path,
        "a hard link to a backup": other / "hard-link-to-a-backup.sqlite",
        "a new file in backups/": kept.path.parent / "new.csv",
        "backups/ through a symlink": other / "to-backups" / "new.csv",
    }


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_no_writer_replaces_the_data_under_any_name(kind: str, data: Path, tmp_path: Path, repo) -> None:
    repo.db.close()
    protected = Protected.around(data)
    before = {p: digest(p) for p in [data, *backup.backup_dir(data).iterdir()]}
    for label, target in _names_for_the_data(data, tmp_path).items():
        with pytest.raises(WriteError, match="choose another file") as caught:
            WRITERS[kind](target, protected)
        assert "\n" not in str(caught.value), label
    assert {p: digest(p) for p in before} == before
    assert backup.quick_check(data) == "ok"
    assert not list(backup.backup_dir(data).glob("*.csv"))


def test_a_hard_link_to_a_backup_is_refused_among_broken_links_in_the_backups_folder(
    data: Path, tmp_path: Path
) -> None:
    """A link in backups/ that points nowhere does not hide the backups listed after it."""
    folder = backup.backup_dir(data)
    for n in range(20):
        (folder / f"broken-{n}").symlink_to(tmp_path / "gone" / str(n))
    [kept] = backup.list_backups(data)
    for n in range(20, 40):
        (folder / f"broken-{n}").symlink_to(tmp_path / "gone" / str(n))
    other = tmp_path / "other"
    other.mkdir(exist_ok=True)
    os.link(kept.path, other / "hard-link-to-a-backup.sqlite")
    before = digest(kept.path)
    with pytest.raises(WriteError, match="one of HipDesk's backups"):
        write_bytes(other / "hard-link-to-a-backup.sqlite", b"csv", Protected.around(data))
    assert digest(kept.path) == before


def test_a_refusal_names_the_file_and_why(data: Path, tmp_path: Path) -> None:
    protected = Protected.around(data)
    with pytest.raises(WriteError) as onto_data:
        write_bytes(data, b"csv", protected)
    assert str(onto_data.value) == (
        f"Cannot write {data}: it is HipDesk's data file, or one SQLite or HipDesk keeps beside it; "
        "choose another file."
    )
    [kept] = backup.list_backups(data)
    with pytest.raises(WriteError) as onto_backup:
        write_bytes(kept.path, b"csv", protected)
    assert str(onto_backup.value) == (
        f"Cannot write {kept.path}: it is one of HipDesk's backups, or in their folder; choose another file."
    )


def test_any_other_existing_file_is_replaced_though_the_data_has_backups(data: Path, tmp_path: Path) -> None:
    old = tmp_path / "history.csv"
    old.write_bytes(b"last week's")
    write_bytes(old, b"this week's", Protected.around(data))
    assert old.read_bytes() == b"this week's"


def test_the_data_opened_through_a_symlink_is_protected_by_its_real_name(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "my-data.sqlite"
    link.parent.mkdir()
    link.symlink_to(data)
    with pytest.raises(WriteError):
        write_bytes(data, b"x", Protected.around(link))
    with pytest.raises(WriteError):
        write_bytes(data.with_name(data.name + "-wal"), b"x", Protected.around(link))
    write_bytes(tmp_path / "fine.txt", b"x", Protected.around(link))
    assert (tmp_path / "fine.txt").read_bytes() == b"x"


@pytest.mark.parametrize("kind", ["csv", "ics", "routine", "pdf"])
def test_the_command_line_refuses_to_export_onto_the_data(kind: str, data: Path, repo, capsys) -> None:
    from hipdesk.cli import main

    repo.db.close()
    before = digest(data)
    args = {
        "csv": ["export", "csv"],
        "ics": ["export", "ics"],
        "routine": ["export", "routine", ROUTINE.name],
        "pdf": ["export", "pdf", "--week"],
    }[kind]
    assert main([*args, "-o", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hipdesk: Cannot write") and err.count("\n") == 1
    assert digest(data) == before and backup.quick_check(data) == "ok"


# -- modes ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_new_file_gets_the_mode_the_umask_allows(kind: str, tmp_path: Path) -> None:
    for mask, mode in ((0o077, 0o600), (0o022, 0o644), (0o002, 0o664)):
        target = tmp_path / f"new-{mask:o}"
        with umask(mask):
            WRITERS[kind](target, None)
        assert stat.S_IMODE(target.stat().st_mode) == mode, oct(mask)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_replaced_file_never_gets_a_looser_mode(kind: str, tmp_path: Path) -> None:
    private = tmp_path / "private"
    private.write_bytes(b"old")
    private.chmod(0o600)
    with umask(0o022):
        WRITERS[kind](private, None)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_bytes() != b"old"
    shared = tmp_path / "shared"
    shared.write_bytes(b"old")
    shared.chmod(0o644)
    with umask(0o077):
        WRITERS[kind](shared, None)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600


# -- special files and symlinks ---------------------------------------------------------------------
def test_special_files_are_refused_and_left_as_they_are(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    try:
        for target, kind in ((fifo, "pipe"), (folder, "folder"), (tmp_path / "sock", "socket")):
            for writer in WRITERS.values():
                with pytest.raises(WriteError, match=f"it is a {kind}.*not a regular file"):
                    writer(target, None)
        assert stat.S_ISFIFO(fifo.stat().st_mode) and folder.is_dir()
        assert stat.S_ISSOCK((tmp_path / "sock").stat().st_mode)
        with pytest.raises(WriteError, match="a device"):
            write_bytes(Path("/dev/null"), b"x")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    finally:
        sock.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe", "sock"]


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "week.ics"
    real.parent.mkdir()
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "week.ics"
    link.symlink_to(real)
    with umask(0o022):
        write_ics(link, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    dangling = tmp_path / "later.csv"
    dangling.symlink_to(tmp_path / "real" / "made-now.csv")
    write_csv(dangling, [])
    assert dangling.is_symlink() and (tmp_path / "real" / "made-now.csv").is_file()


def test_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    for writer in WRITERS.values():
        with pytest.raises(WriteError, match="does not exist"):
            writer(tmp_path / "missing" / "file", None)


# -- temporary files ---------------------------------------------------------------------------------
def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(done.stdout)


def test_a_temp_file_left_by_a_dead_process_goes_at_the_next_export(tmp_path: Path) -> None:
    stale = tmp_path / f".history.csv.{_dead_pid()}.0123abcd.hipdesk-part"
    stale.write_bytes(b"half")
    mine = tmp_path / f".history.csv.{os.getpid()}.0123abcd.hipdesk-part"  # a write in progress
    mine.write_bytes(b"busy")
    other = tmp_path / ".someone-elses.part"
    other.write_bytes(b"not ours")
    write_csv(tmp_path / "history.csv", [])
    assert not stale.exists() and mine.exists() and other.exists()
    assert remove_stale_temps(tmp_path) == []


def test_a_temp_file_of_another_running_hipdesk_stays_until_it_ends(tmp_path: Path, processes) -> None:
    writer = processes([sys.executable, "-c", "import time; time.sleep(120)"])
    busy = tmp_path / f".history.csv.{writer.pid}.0123abcd.hipdesk-part"
    busy.write_bytes(b"being written")
    assert remove_stale_temps(tmp_path) == [] and busy.exists()
    writer.kill()
    writer.wait()
    assert remove_stale_temps(tmp_path) == [busy] and not busy.exists()


def test_a_link_named_like_a_stale_temp_file_is_left_and_a_removal_is_logged(tmp_path: Path, caplog) -> None:
    import logging

    caplog.set_level(logging.INFO, logger="hipdesk.export.safe_write")
    target = tmp_path / "keep.txt"
    target.write_bytes(b"the runner's own")
    link = tmp_path / f".history.csv.{_dead_pid()}.0123abcd.hipdesk-part"
    link.symlink_to(target)
    stale = tmp_path / f".history.csv.{_dead_pid()}.4567cdef.hipdesk-part"
    stale.write_bytes(b"half")
    assert remove_stale_temps(tmp_path) == [stale]
    assert link.is_symlink() and target.read_bytes() == b"the runner's own"
    assert f"removed 1 stale temporary files in {tmp_path}" in [r.getMessage() for r in caplog.records]


def test_a_long_name_in_letters_of_two_bytes_is_written(tmp_path: Path) -> None:
    """The temporary file keeps 180 bytes of the name: cut inside a letter, that letter is dropped."""
    target = tmp_path / ("a" + "ü" * 120 + ".csv")  # 245 bytes: the 180th is inside a letter
    write_bytes(target, b"data")
    assert target.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


KILLED_EXPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from hipdesk.export import csv_export

    def rows():
        print("writing", flush=True)
        time.sleep(600)
        yield from ()

    csv_export.write_csv(Path(sys.argv[1]), rows())
    """
)


def test_a_csv_export_killed_midway_leaves_the_old_file_and_no_temp_after_the_next(tmp_path: Path) -> None:
    target = tmp_path / "history.csv"
    target.write_bytes(b"the old export\r\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(target)], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    finally:
        proc.kill()
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    assert target.read_bytes() == b"the old export\r\n"
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # what the kill left
    write_csv(tmp_path / "another.csv", [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["another.csv", "history.csv"]


@contextmanager
def as_nobody() -> Iterator[None]:
    """Root writes anywhere: as root, act as ``nobody`` (effective ids) for the block."""
    import pwd

    if os.geteuid() != 0:
        yield
        return
    nobody = pwd.getpwnam("nobody")
    os.setegid(nobody.pw_gid)
    os.seteuid(nobody.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_a_folder_the_user_cannot_write_is_one_line_and_changes_nothing() -> None:
    import tempfile

    outer = Path(tempfile.mkdtemp(prefix="hipdesk-ro-"))
    folder = outer / "read-only"
    try:
        outer.chmod(0o755)
        folder.mkdir()
        target = folder / "history.csv"
        target.write_bytes(b"old")
        target.chmod(0o644)
        folder.chmod(0o555)
        for writer in WRITERS.values():
            with as_nobody(), pytest.raises(WriteError) as caught:
                writer(target, None)
            assert str(caught.value) == f"Cannot write {target}: Permission denied."
        assert target.read_bytes() == b"old" and sorted(p.name for p in folder.iterdir()) == ["history.csv"]
    finally:
        folder.chmod(0o755)
        for path in sorted(outer.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        outer.rmdir()


def test_a_replaced_file_keeps_its_owner_and_never_gets_looser(tmp_path) -> None:
    from hipdesk.export.safe_write import write_bytes

    private = tmp_path / "private.csv"
    private.write_bytes(b"old")
    private.chmod(0o600)
    if os.geteuid() == 0:
        os.chown(private, 4321, 4321)
    old = os.umask(0o022)
    try:
        write_bytes(private, b"new")
        shared = tmp_path / "shared.csv"
        shared.write_bytes(b"old")
        shared.chmod(0o666)
        write_bytes(shared, b"new")
    finally:
        os.umask(old)
    assert private.read_bytes() == b"new" and stat.S_IMODE(private.stat().st_mode) == 0o600
    if os.geteuid() == 0:
        assert (private.stat().st_uid, private.stat().st_gid) == (4321, 4321)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644  # the umask still applies


def test_what_a_path_that_is_not_a_file_is_called() -> None:
    from hipdesk.export.safe_write import kind_of

    assert [kind_of(m) for m in (stat.S_IFDIR, stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK)] == [
        "a folder", "a pipe (FIFO)", "a device", "a device", "a socket",
    ]  # fmt: skip
    assert kind_of(stat.S_IFLNK) == "a special file"


def test_the_files_kept_beside_the_data_are_protected_and_nothing_without_data(tmp_path) -> None:
    from hipdesk.export.safe_write import Protected

    data = tmp_path / "hipdesk.sqlite"
    around = Protected.around(data)
    assert around.data == data
    assert {p.name for p in around.files} == {
        "hipdesk.sqlite", "hipdesk.sqlite-wal", "hipdesk.sqlite-shm", "hipdesk.sqlite-journal", "hipdesk.sqlite.lock",
    }  # fmt: skip
    assert around.folders == (tmp_path / "backups",)
    assert Protected.around("") == Protected() == Protected.around(None)
