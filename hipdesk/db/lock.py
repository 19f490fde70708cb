"""One writer per data file: an operating-system lock on the file itself, shared by all its names.

Two locks are held together, both with ``flock``, which the system drops the moment the holder
ends (a crash, SIGKILL, a power cut), so a lock can never be left behind:

- one on ``REAL.lock`` beside the database's real path (symlinks resolved), which exists even
  before the database does and stays the same when a restore swaps a new file in;
- one on the database file itself, so a hard link (another name for the same file) shares it.

What sits at the lock's name when nobody holds it (an empty or garbage file, a folder, a dangling
symlink, a file naming a process that is now another program) is simply taken over.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from hipdesk.domain.errors import HipDeskError

POLL_S = 0.05


def real_path(db_path: Path) -> Path:
    """The database's path with every symlink resolved (the file need not exist)."""
    return Path(os.path.realpath(Path(db_path).expanduser()))


def lock_path(db_path: Path) -> Path:
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def _clear_non_file(path: Path) -> None:
    """Make room for the lock file where something other than a regular file is in the way."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISLNK(info.st_mode):
        path.unlink()
    elif stat.S_ISDIR(info.st_mode):
        try:
            path.rmdir()
        except OSError:  # a folder with things in it: keep them, under another name
            path.rename(path.with_name(f"{path.name}.moved-aside-{int(time.time())}"))
    else:
        path.rename(path.with_name(f"{path.name}.moved-aside-{int(time.time())}"))


def _open_lock_file(path: Path) -> int:
    _clear_non_file(path)
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(path, flags | os.O_RDWR, 0o644)
    except PermissionError:
        return os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)  # a read-only folder


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return None
    return int(text[0]) if text and text[0].isdigit() and len(text[0]) < 10 else None


class DataLock:
    """Whoever holds it is the one process that writes the data."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._fd: int | None = None  # the lock file
        self._data_fd: int | None = None  # the database file itself, while it exists
        self.held_elsewhere = False  # the last acquire failed because a live process holds it

    def acquire(self, wait_ms: int = 0) -> bool:
        """True when this process now holds the lock; False when another one does (then
        ``held_elsewhere``), or when the lock file cannot be made at all (a missing or read-only
        folder: opening the database says so)."""
        if self.locked:
            return True
        deadline = time.monotonic() + wait_ms / 1000
        retries = 100
        while True:
            self.held_elsewhere = False
            try:
                got = self._try_once()
            except OSError:
                return False
            if got:
                return True
            if got is None and retries > 0:  # the name was let go of as we opened it: at once again
                retries -= 1
                continue
            self.held_elsewhere = True
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_S)

    def _try_once(self) -> bool | None:
        """True: held now; False: another process holds it; None: try again at once."""
        fd = _open_lock_file(self.path)
        try:
            if not _try_flock(fd):
                os.close(fd)
                return False
            same = os.fstat(fd).st_ino == os.stat(self.path, follow_symlinks=False).st_ino
        except OSError:
            os.close(fd)
            return None  # the file was removed by its last holder as we opened it
        if not same:
            os.close(fd)
            return None
        data_fd = self._lock_data_file()
        if data_fd == -1:
            os.close(fd)
            return False
        self._fd, self._data_fd = fd, data_fd
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        return True

    def _lock_data_file(self) -> int | None:
        """The database's own lock (None when there is no file yet, -1 when another holds it).

        The descriptor stays open while the lock is held: closing another descriptor of a file
        would drop SQLite's own locks on it in this process.
        """
        try:
            data_fd = os.open(self.db_path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return None
        if not stat.S_ISREG(os.fstat(data_fd).st_mode):
            os.close(data_fd)
            return None
        if not _try_flock(data_fd):
            os.close(data_fd)
            return -1
        return data_fd

    def holder_pid(self) -> int | None:
        return _read_pid(self.path)

    def in_use_text(self) -> str:
        pid = self.holder_pid()
        who = f"another HipDesk (process {pid})" if pid else "another HipDesk"
        return f"{self.db_path} is in use by {who}; close it or let it finish, then try again."

    def share(self) -> None:
        """Let another HipDesk take the lock while this process goes on reading through the
        connections it has open (a reader must not keep the window from opening)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still held, so nobody can lock the name just removed
        os.close(self._fd)
        self._fd = None
        if self._data_fd is not None:
            fcntl.flock(self._data_fd, fcntl.LOCK_UN)  # the descriptor stays open (see above)

    def release(self) -> None:
        """Let go (after every SQLite connection of this process to the file is closed)."""
        self.share()
        if self._data_fd is not None:
            os.close(self._data_fd)
            self._data_fd = None

    @property
    def locked(self) -> bool:
        return self._fd is not None


WRITER_WAIT_MS = 3000  # a command-line writer waits this long for another writer to finish


def lock_for_writing(db_path: Path, wait_ms: int | None = None) -> DataLock:
    """The lock for a command-line writer, waiting a little (``WRITER_WAIT_MS``) for another
    writer; else one clear error."""
    lock = DataLock(db_path)
    if not lock.acquire(WRITER_WAIT_MS if wait_ms is None else wait_ms) and lock.held_elsewhere:
        raise HipDeskError(lock.in_use_text())
    return lock
