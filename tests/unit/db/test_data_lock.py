"""The data lock: one HipDesk per data file, the holder's pid beside it, odd and stale lock files taken over."""

from __future__ import annotations

import fcntl
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hipdesk.db import lock as lock_module
from hipdesk.db.lock import DataLock, lock_for_writing
from hipdesk.domain.errors import HipDeskError

REAL_OPEN = os.open
REAL_FLOCK = fcntl.flock


@pytest.fixture
def lock_file(db_path: Path) -> Path:
    return db_path.parent.resolve() / "hipdesk.sqlite.lock"


@pytest.fixture
def locks() -> Iterator[Callable[[Path], DataLock]]:
    """``locks(db)``: a DataLock of its own (as another HipDesk would have), let go when the test ends."""
    made: list[DataLock] = []

    def make(db: Path) -> DataLock:
        made.append(DataLock(db))
        return made[-1]

    yield make
    for lock in made:
        lock.release()


def in_use(db: Path, pid: int | None = None) -> str:
    who = f"another HipDesk (process {pid})" if pid else "another HipDesk"
    return f"{db} is in use by {who}; close it or let it finish, then try again."


class Clock:
    """The lock's clock in a test: time moves only while the lock waits, and what is due by then happens."""

    def __init__(self) -> None:
        self.ns = 0
        self.due: list[tuple[int, Callable[[], Any]]] = []
        self.waits = 0

    def monotonic(self) -> float:
        return self.ns / 1e9

    def time(self) -> float:
        return 1_700_000_000 + self.ns / 1e9

    def sleep(self, seconds: float) -> None:
        self.waits += 1
        if self.waits > 10_000:
            raise AssertionError("the lock waited for ever")
        self.ns += round(seconds * 1e9)
        for at_ns, action in list(self.due):
            if at_ns <= self.ns:
                self.due.remove((at_ns, action))
                action()

    def at(self, seconds: float, action: Callable[[], Any]) -> None:
        self.due.append((round(seconds * 1e9), action))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(lock_module, "time", fake)
    return fake


# --- held, refused, let go -------------------------------------------------------------------------


def test_the_holder_holds_until_it_lets_go_and_its_pid_is_in_the_lock_file(
    db_path: Path, lock_file: Path, locks
) -> None:
    """Taking the lock twice keeps it; nobody else gets it; the lock file names this process."""
    mine = locks(db_path)
    assert mine.acquire() is True
    assert mine.held_elsewhere is False
    assert mine.acquire() is True  # already held: still held
    assert mine.locked
    assert lock_file.read_text() == f"{os.getpid()}\n"
    other = locks(db_path)
    assert other.acquire() is False
    assert other.held_elsewhere is True
    mine.release()
    assert not lock_file.exists()
    assert other.acquire() is True
    assert other.held_elsewhere is False


def test_the_lock_file_is_readable_by_all_and_executable_by_none(
    db_path: Path, lock_file: Path, locks
) -> None:
    old = os.umask(0o022)
    try:
        assert locks(db_path).acquire()
    finally:
        os.umask(old)
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o644


@pytest.mark.parametrize("with_data_file", [False, True], ids=["no data file yet", "data file"])
def test_sharing_lets_another_hipdesk_take_the_lock(db_path: Path, locks, with_data_file: bool) -> None:
    """A reader that shares its lock no longer keeps another HipDesk from the data, file or no file."""
    if with_data_file:
        db_path.write_bytes(b"")
    reader = locks(db_path)
    assert reader.acquire()
    reader.share()
    assert not reader.locked
    assert locks(db_path).acquire() is True


def test_a_data_file_held_under_another_name_is_refused(db_path: Path, locks) -> None:
    """A hard link is the same file: whoever holds one name keeps the other from the data."""
    db_path.write_bytes(b"")
    other_name = db_path.with_name("same-file.sqlite")
    os.link(db_path, other_name)
    assert locks(db_path).acquire()
    assert locks(other_name).acquire() is False


def test_letting_go_twice_or_after_the_lock_file_was_deleted_is_harmless(
    db_path: Path, lock_file: Path, locks
) -> None:
    db_path.write_bytes(b"")
    mine = locks(db_path)
    assert mine.acquire()
    lock_file.unlink()  # someone tidied up the folder
    mine.release()
    mine.release()
    assert not mine.locked
    assert locks(db_path).acquire() is True


def test_a_folder_where_the_data_file_should_be_does_not_stop_the_lock(db_path: Path, locks) -> None:
    """Opening the database says what is wrong with it; the lock itself is taken."""
    db_path.mkdir()
    mine = locks(db_path)
    assert mine.acquire() is True
    mine.release()
    assert locks(db_path).acquire() is True


def test_a_lock_file_that_cannot_be_made_is_no_lock_and_no_in_use_error(tmp_path: Path) -> None:
    """A missing folder: the lock is not taken, nobody else is said to hold it, the writer gets no error."""
    db = tmp_path / "missing" / "hipdesk.sqlite"
    lock = DataLock(db)
    assert lock.acquire() is False
    assert lock.held_elsewhere is False
    writer = lock_for_writing(db, wait_ms=0)
    assert not writer.locked
    assert writer.held_elsewhere is False


# --- the message that names the holder ----------------------------------------------------------------

_HOLDER = """
import sys
from pathlib import Path
from hipdesk.db.lock import DataLock
lock = DataLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "refused", flush=True)
sys.stdin.read()
"""


def test_a_writer_is_told_which_process_holds_the_data(db_path: Path, processes) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(lock_module.__file__).resolve().parents[2])}
    holder = processes(
        [sys.executable, "-c", _HOLDER, str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    with pytest.raises(HipDeskError) as refused:
        lock_for_writing(db_path, wait_ms=0)
    assert str(refused.value) == in_use(db_path, holder.pid)
    holder.communicate(timeout=30)  # its input closed: it ends, and the lock with it
    assert lock_for_writing(db_path, wait_ms=0).locked


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pid\n", b"\xff\xfe\x00\n", "\u0661\u0662\u0663\u0664\n".encode(), b"1234567890\n"],
    ids=["empty", "words", "not text", "digits of another script", "ten digits"],
)
def test_a_lock_file_naming_no_process_gives_the_message_without_one(
    db_path: Path, lock_file: Path, locks, content: bytes
) -> None:
    assert locks(db_path).acquire()
    lock_file.write_bytes(content)
    with pytest.raises(HipDeskError) as refused:
        lock_for_writing(db_path, wait_ms=0)
    assert str(refused.value) == in_use(db_path)


def test_nine_digits_are_a_process_number(db_path: Path, lock_file: Path, locks) -> None:
    assert locks(db_path).acquire()
    lock_file.write_bytes(b"123456789 and more\n")
    assert str(pytest.raises(HipDeskError, lock_for_writing, db_path, wait_ms=0).value) == in_use(
        db_path, 123456789
    )


def test_a_holder_that_cannot_write_its_pid_names_no_process_not_the_one_before(
    db_path: Path, lock_file: Path, locks
) -> None:
    """No room to write (a file-size limit, as on a full disk): the pid of a process long gone is not kept."""
    lock_file.write_text("99999\n")
    mine = locks(db_path)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        got = mine.acquire()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert got is True
    assert lock_file.read_bytes() == b""
    assert str(pytest.raises(HipDeskError, lock_for_writing, db_path, wait_ms=0).value) == in_use(db_path)


# --- waiting -------------------------------------------------------------------------------------------


def test_taking_the_lock_without_a_wait_tries_once(db_path: Path, locks, clock: Clock) -> None:
    holder = locks(db_path)
    assert holder.acquire()
    clock.at(0.05, holder.release)
    other = locks(db_path)
    assert other.acquire() is False
    assert other.held_elsewhere is True


@pytest.mark.parametrize("wait_ms, let_go_s", [(1001, 1.001), (3000, 3.0)])
def test_a_lock_let_go_as_the_wait_ends_is_taken(
    db_path: Path, locks, clock: Clock, wait_ms: int, let_go_s: float
) -> None:
    holder = locks(db_path)
    assert holder.acquire()
    clock.at(let_go_s, holder.release)
    other = locks(db_path)
    assert other.acquire(wait_ms) is True
    assert other.held_elsewhere is False


def test_a_lock_let_go_after_the_wait_ended_is_not_taken(db_path: Path, locks, clock: Clock) -> None:
    holder = locks(db_path)
    assert holder.acquire()
    clock.at(1.01, holder.release)
    other = locks(db_path)
    assert other.acquire(1000) is False
    assert other.held_elsewhere is True


@pytest.mark.parametrize(
    "wait_ms, let_go_s, taken",
    [(None, 3.0, True), (None, 3.01, False), (0, 0.05, False), (200, 0.2, True)],
    ids=["3 s by default, let go at 3 s", "let go after 3 s", "no wait", "200 ms"],
)
def test_a_command_line_writer_waits_three_seconds_or_as_long_as_asked(
    db_path: Path, locks, clock: Clock, wait_ms: int | None, let_go_s: float, taken: bool
) -> None:
    holder = locks(db_path)
    assert holder.acquire()
    clock.at(let_go_s, holder.release)
    if taken:
        writer = lock_for_writing(db_path, wait_ms)
        assert writer.locked
        writer.release()
    else:
        with pytest.raises(HipDeskError) as refused:
            lock_for_writing(db_path, wait_ms)
        assert str(refused.value) == in_use(db_path, os.getpid())


# --- the lock file let go of or swapped as it is being taken ------------------------------------------


def churn(monkeypatch: pytest.MonkeyPatch, other: DataLock, times: int) -> None:
    """The next ``times`` attempts to lock a file find that ``other`` let go of it just then (its file is
    gone) and took the lock anew on a new file, except the last time, when it only lets go."""
    left = [times]
    busy = [False]

    def flock(fd: int, operation: int) -> None:
        if busy[0] or not operation & fcntl.LOCK_EX or left[0] == 0:
            return REAL_FLOCK(fd, operation)
        left[0] -= 1
        busy[0] = True
        try:
            other.release()
            if left[0]:
                assert other.acquire()
        finally:
            busy[0] = False
        return REAL_FLOCK(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)


@pytest.mark.parametrize("times", [1, 2, 100])
def test_a_lock_file_let_go_of_as_it_is_opened_is_tried_again_at_once(
    db_path: Path, lock_file: Path, locks, monkeypatch: pytest.MonkeyPatch, times: int
) -> None:
    """Up to 100 times in a row, without waiting."""
    other = locks(db_path)
    assert other.acquire()
    churn(monkeypatch, other, times)
    mine = locks(db_path)
    assert mine.acquire() is True
    assert mine.held_elsewhere is False
    monkeypatch.undo()
    assert lock_file.read_text() == f"{os.getpid()}\n"
    assert locks(db_path).acquire() is False


def test_a_lock_file_let_go_of_more_than_100_times_in_a_row_is_given_up(
    db_path: Path, locks, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = locks(db_path)
    assert other.acquire()
    churn(monkeypatch, other, 101)
    mine = locks(db_path)
    assert mine.acquire() is False
    monkeypatch.undo()
    assert mine.acquire() is True  # once things calm down


def test_a_lock_file_swapped_for_a_link_as_it_is_locked_leaves_one_holder(
    db_path: Path, lock_file: Path, locks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock ends on a real file at the lock's name, never on a file the name only links to."""
    aside = lock_file.with_name("aside.lock")
    swapped: list[bool] = []

    def flock(fd: int, operation: int) -> None:
        if operation & fcntl.LOCK_EX and not swapped:
            swapped.append(True)
            lock_file.rename(aside)
            lock_file.symlink_to(aside)
        return REAL_FLOCK(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    mine = locks(db_path)
    assert mine.acquire() is True
    monkeypatch.undo()
    assert swapped
    assert not lock_file.is_symlink()
    assert lock_file.read_text() == f"{os.getpid()}\n"
    assert locks(db_path).acquire() is False


def _open_planting_a_link(lock_file: Path, target: Path, when: Callable[[int], bool]) -> Callable[..., int]:
    """``os.open`` that, the first time the lock file is opened with flags ``when`` accepts, first finds a
    link to ``target`` put at the lock's name."""
    planted: list[bool] = []

    def open_(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if os.fspath(path) == str(lock_file) and when(flags) and not planted:
            planted.append(True)
            if os.path.lexists(lock_file):
                os.unlink(lock_file)
            os.symlink(target, lock_file)
        return REAL_OPEN(path, flags, mode, dir_fd=dir_fd)

    return open_


def test_a_link_put_at_the_locks_name_as_it_is_opened_is_not_followed(
    db_path: Path, lock_file: Path, tmp_path: Path, locks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No file is made where the link points; the next attempt takes the lock on a real file."""
    target = tmp_path / "elsewhere" / "notes.txt"
    target.parent.mkdir()
    monkeypatch.setattr(os, "open", _open_planting_a_link(lock_file, target, lambda flags: True))
    locks(db_path).acquire()
    monkeypatch.undo()
    assert list(target.parent.iterdir()) == []
    assert locks(db_path).acquire() is True
    assert not lock_file.is_symlink()


def test_a_link_put_at_a_read_only_locks_name_does_not_make_the_data_look_in_use(
    db_path: Path, lock_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock file can only be read (as in a folder the user may not write to) and a link to a file some
    other program holds appears at its name: the writer is not told the data is in use."""
    lock_file.write_bytes(b"")
    target = tmp_path / "held-by-another-program"
    held = REAL_OPEN(target, os.O_CREAT | os.O_RDWR)
    try:
        REAL_FLOCK(held, fcntl.LOCK_EX)
        planting = _open_planting_a_link(lock_file, target, lambda flags: not flags & os.O_RDWR)

        def open_(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
            if os.fspath(path) == str(lock_file) and flags & os.O_RDWR:
                raise PermissionError(13, "Permission denied", str(path))
            return planting(path, flags, mode, dir_fd=dir_fd)

        monkeypatch.setattr(os, "open", open_)
        writer = lock_for_writing(db_path, wait_ms=0)
        monkeypatch.undo()
        assert writer.held_elsewhere is False
        assert not writer.locked
    finally:
        os.close(held)


# --- odd things at the lock's name ---------------------------------------------------------------------


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """``immutable(path)``: a file nobody may change, not even root (undone when the test ends)."""
    chattr = shutil.which("chattr")
    made: list[Path] = []

    def make(path: Path) -> None:
        if chattr is None or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
            pytest.skip("files cannot be made immutable here")
        made.append(path)

    yield make
    for path in made:
        subprocess.run([str(chattr), "-i", str(path)], check=False)


def test_a_lock_file_that_can_only_be_read_still_locks(
    db_path: Path, lock_file: Path, locks, immutable: Callable[[Path], None]
) -> None:
    lock_file.write_bytes(b"")
    immutable(lock_file)
    mine = locks(db_path)
    assert mine.acquire() is True
    assert lock_file.read_bytes() == b""  # no pid could be written
    assert str(pytest.raises(HipDeskError, lock_for_writing, db_path, wait_ms=0).value) == in_use(db_path)
    mine.release()
    assert locks(db_path).acquire() is True


def test_a_folder_with_things_in_it_at_the_locks_name_is_kept_under_another_name(
    db_path: Path, lock_file: Path, locks, clock: Clock
) -> None:
    lock_file.mkdir()
    (lock_file / "keep.txt").write_text("mine")
    assert locks(db_path).acquire() is True
    assert lock_file.is_file()
    aside = lock_file.with_name("hipdesk.sqlite.lock.moved-aside-1700000000")
    assert (aside / "keep.txt").read_text() == "mine"


def test_a_pipe_at_the_locks_name_is_kept_under_another_name(
    db_path: Path, lock_file: Path, locks, clock: Clock
) -> None:
    os.mkfifo(lock_file)
    assert locks(db_path).acquire() is True
    assert lock_file.is_file()
    aside = lock_file.with_name("hipdesk.sqlite.lock.moved-aside-1700000000")
    assert stat.S_ISFIFO(os.lstat(aside).st_mode)
