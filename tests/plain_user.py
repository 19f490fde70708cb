"""Run a piece of a test as a plain user: root may write into read-only folders and files, a runner may not.

As root (CI), ``as_plain_user(fn, *args)`` forks, drops to ``nobody`` in the child and runs ``fn`` there,
handing back its result or re-raising its exception; as anyone else it simply calls ``fn``. Import
what ``fn`` needs before calling (the child may not be allowed to read the interpreter's folders), and
give it paths from ``plain_user_folder()``.
"""

from __future__ import annotations

import os
import pickle
import pwd
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")


def _nobody() -> tuple[int, int]:
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


def plain_user_folder() -> Path:
    """A new empty folder the plain user owns (under the system's temporary folder)."""
    folder = Path(tempfile.mkdtemp(prefix="hipdesk-plain-"))
    if os.geteuid() == 0:
        os.chown(folder, *_nobody())
    folder.chmod(0o755)
    return folder


def as_plain_user(fn: Callable[..., _T], *args: Any) -> _T:
    if os.geteuid() != 0:
        return fn(*args)
    uid, gid = _nobody()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the test runner
        code = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            try:
                outcome: tuple[str, Any] = ("returned", fn(*args))
            except BaseException as exc:  # handed to the parent, which raises it
                outcome = ("raised", exc)
            try:
                data = pickle.dumps(outcome)
            except Exception as exc:
                data = pickle.dumps(("raised", RuntimeError(f"unpicklable outcome: {exc!r}")))
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"the plain-user child ended with status {status} and no outcome")
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise value
    return value  # type: ignore[no-any-return]
