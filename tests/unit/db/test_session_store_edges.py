"""The words a runner reads when a session's write fails, from the error's code or its own words alone."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from hipdesk.db.sessions import write_failure_reason

READ_ONLY = "the data file can no longer be written (read-only)"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, "write failed"), "the disk is full"),
        (OSError(errno.EDQUOT, "write failed"), "the disk quota is used up"),
        (OSError(errno.EROFS, "write failed"), READ_ONLY),
    ],
)
def test_an_error_code_names_the_cause_when_its_words_do_not(error: OSError, reason: str) -> None:
    """The system's error number is enough, whatever the message says."""
    assert write_failure_reason(error) == reason


def test_an_error_code_deep_in_the_chain_still_names_the_cause() -> None:
    """A rollback failing after an out-of-space write error still reads as a full disk."""
    try:
        try:
            raise OSError(errno.ENOSPC, "write failed")
        except OSError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as exc:
        assert write_failure_reason(exc) == "the disk is full"


@pytest.mark.parametrize(
    "error",
    [
        OSError("cannot write hipdesk.sqlite: Read-only file system"),
        sqlite3.OperationalError("the data folder is READ-ONLY now"),
    ],
)
def test_an_error_saying_read_only_in_words_is_named_read_only(error: BaseException) -> None:
    """No error number, no "readonly": the words "read-only", in any letter case, are enough."""
    assert write_failure_reason(error) == READ_ONLY
