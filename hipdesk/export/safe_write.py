"""Every file HipDesk writes for the user: never onto the data, whole or not at all, modes kept.

One path for CSV, PDF, calendar and routine files:

- the target is resolved first: a symlink is written through (the file it names is replaced, the
  link stays a link);
- the data file, its ``-wal``/``-shm``/``-journal``/``.lock`` and anything in ``backups/`` are
  refused by the file's identity (device and inode) and by the folder's identity plus the name, so
  no other path, symlink or hard link reaches them;
- anything at the target that is not a regular file (a folder, a FIFO, a device, a socket) is
  refused before it is opened;
- the bytes go to a temporary file in the same folder, created with the mode the umask allows and
  never looser than the file it replaces, synced, renamed into place, and the folder synced;
- temporary files are named ``.NAME.PID.TOKEN.hipdesk-part``: one left by a killed HipDesk is
  removed by the next write into that folder.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hipdesk.domain.errors import ValidationError

logger = logging.getLogger(__name__)

# What SQLite and HipDesk keep beside the data file, and the folder of its backups.
DATA_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")
BACKUP_FOLDER = "backups"
TEMP_SUFFIX = ".hipdesk-part"
_TEMP = re.compile(r"^\..*\.(?P<pid>\d+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + r"$")
_NAME_ROOM = 180  # of a file name's 255 bytes, what the temporary file keeps of the target's name

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class WriteError(ValidationError):
    """A file could not be written, or must not be; the message says why in one sentence."""


def kind_of(mode: int) -> str:
    """``a folder``, ``a pipe (FIFO)``, ``a device``, ``a socket``, or ``a special file``."""
    return next((text for test, text in _KINDS if test(mode)), "a special file")


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@dataclass(frozen=True)
class Protected:
    """The files no export may write onto: the data, what SQLite keeps beside it, the backups."""

    data: Path | None = None
    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()

    @classmethod
    def around(cls, data_path: Path | str | None) -> Protected:
        """The data file at ``data_path`` (under the name given and its real name) and its siblings."""
        if data_path is None or not str(data_path):
            return cls()
        given = Path(data_path)
        names = {given, Path(os.path.realpath(given))}
        files = tuple(p.with_name(p.name + suffix) for p in sorted(names) for suffix in DATA_SUFFIXES)
        folders = tuple(sorted({p.parent / BACKUP_FOLDER for p in names}))
        return cls(data=given, files=files, folders=folders)

    def refusal(self, real: Path, existing: os.stat_result | None) -> str | None:
        """Why ``real`` (a resolved path) must not be written, or None when it may be."""
        folder = _identity(real.parent)
        own = (existing.st_dev, existing.st_ino) if existing is not None else None
        for path in self.files:
            same_file = own is not None and own == _identity(path)
            same_name = folder is not None and real.name == path.name and folder == _identity(path.parent)
            if same_file or same_name:
                return "it is HipDesk's data file, or one SQLite or HipDesk keeps beside it"
        for backups in self.folders:
            where = _identity(backups)
            if where is None:
                continue
            if folder == where or (own is not None and own in _folder_identities(backups)):
                return "it is one of HipDesk's backups, or in their folder"
        return None


def _folder_identities(folder: Path) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        try:
            st = entry.stat()
        except OSError:
            continue
        found.add((st.st_dev, st.st_ino))
    return found


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # pragma: no mutate  (another number sends a real signal to that process)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files that HipDesk processes no longer running left in ``folder``."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or int(match["pid"]) == os.getpid() or _pid_alive(int(match["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError as exc:
            logger.warning("cannot remove the stale temporary file %s: %s", entry.path, exc)
    if removed:
        logger.info("removed %d stale temporary files in %s", len(removed), folder)
    return removed


def resolve_target(
    path: Path | str, protected: Protected | None = None
) -> tuple[Path, os.stat_result | None]:
    """The real file a write to ``path`` replaces, and its status if it exists; refused in one sentence.

    A symlink is followed to the file it names (a dangling one to the name it points at).
    """
    given = Path(path)
    real = Path(os.path.realpath(given))
    folder = real.parent
    try:
        existing: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise WriteError(f"Cannot write {given}: {exc.strerror or exc}.") from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise WriteError(f"Cannot write {given}: it is {kind_of(existing.st_mode)}, not a regular file.")
    if existing is None and not folder.is_dir():
        raise WriteError(f"Cannot write {given}: the folder {folder} does not exist.")
    why = (protected or Protected()).refusal(real, existing)
    if why is not None:
        raise WriteError(f"Cannot write {given}: {why}; choose another file.")
    return real, existing


def _temp_name(real: Path) -> Path:
    stem = real.name.encode()[:_NAME_ROOM].decode(errors="ignore")
    return real.with_name(f".{stem}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a folder that cannot be opened for reading cannot be synced either
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the rename is done
    finally:
        os.close(fd)


@contextmanager
def safe_open(path: Path | str, protected: Protected | None = None) -> Iterator[BinaryIO]:
    """Write the file at ``path`` through the yielded binary handle: all of it, or nothing changes."""
    given = Path(path)
    real, existing = resolve_target(given, protected)
    remove_stale_temps(real.parent)
    temp = _temp_name(real)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as exc:
        raise WriteError(f"Cannot write {given}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None:
                _keep_mode_and_owner(handle.fileno(), existing)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, real)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise WriteError(f"Cannot write {given}: {exc.strerror or exc}.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(real.parent)
    logger.info("wrote %s", real)


def _keep_mode_and_owner(fd: int, existing: os.stat_result) -> None:
    """Never looser than the umask allowed (the temp file's mode) nor than the file replaced."""
    umask_mode = stat.S_IMODE(os.fstat(fd).st_mode)
    os.fchmod(fd, umask_mode & stat.S_IMODE(existing.st_mode))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        try:
            os.fchown(fd, existing.st_uid, existing.st_gid)
        except OSError as exc:
            logger.info("cannot keep the owner of the file replaced: %s", exc)


def write_bytes(path: Path | str, data: bytes, protected: Protected | None = None) -> None:
    """Write ``data`` at ``path`` as :func:`safe_open` does."""
    with safe_open(path, protected) as handle:
        handle.write(data)


def regular_file_or_refuse(path: Path | str) -> None:
    """Refuse, without opening it, a path that is not a regular file (a FIFO would block a reader)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(f"Cannot read {path}: it is {kind_of(st.st_mode)}, not a regular file.")
