"""One HipDesk per data file: a second launch raises the first and exits; a crashed one's lock is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hipdesk.views.shell.single_instance import DataLock

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def launch(processes):
    def start(db: Path, *args: str) -> subprocess.Popen[str]:
        return processes(
            [sys.executable, "-m", "hipdesk", "--db", str(db), "-v", *args],
            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    return start


def wait_for_lock_holder(db: Path, holder: subprocess.Popen[str], timeout_s: float = 180) -> None:
    """Until ``holder`` holds the data lock (it takes it once its window is up, however busy the machine)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and holder.poll() is None:
        probe = DataLock(db)
        if not probe.acquire():
            return
        probe.release()
        time.sleep(0.05)
    _out, err = holder.communicate(timeout=30) if holder.poll() is not None else ("", "(still running)")
    raise AssertionError(f"the first HipDesk never took the lock: {err}")


def test_a_second_launch_raises_the_first_and_exits_then_a_killed_ones_lock_is_taken_over(
    db_path: Path, launch
) -> None:
    first = launch(db_path)
    try:
        wait_for_lock_holder(db_path, first)
        second = launch(db_path)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "already open; its window was brought forward" in err
        assert first.poll() is None  # the first one keeps running
    finally:
        first.send_signal(signal.SIGKILL)
        _out, first_err = first.communicate(timeout=30)
    assert "another launch asked for the window" in first_err
    assert (db_path.parent / "hipdesk.sqlite.lock").exists()  # left behind by SIGKILL

    third = launch(db_path, "--exit-after-startup")
    _out, err = third.communicate(timeout=60)
    assert third.returncode == 0, err
    assert "brought forward" not in err and "in use" not in err
    assert not (db_path.parent / "hipdesk.sqlite.lock").exists()


def test_the_window_refuses_in_one_line_while_a_command_line_writer_holds_the_data(
    db_path: Path, launch
) -> None:
    holder = DataLock(db_path)
    assert holder.acquire()
    try:
        start = time.monotonic()
        app = launch(db_path, "--exit-after-startup")
        _out, err = app.communicate(timeout=60)
    finally:
        holder.release()
    assert app.returncode == 1
    lines = err.strip().splitlines()
    assert lines == [f"hipdesk: {db_path} is in use by another HipDesk (process {os.getpid()}); "
                     "close it or let it finish, then try again."]  # fmt: skip
    assert time.monotonic() - start < 30
    assert not db_path.exists()  # nothing was written


@pytest.mark.parametrize("reminders", [True, False])
def test_background_start_keeps_the_window_hidden_until_a_second_launch(
    db_path: Path, tmp_path: Path, processes, reminders: bool
) -> None:
    config = tmp_path / "config"
    (config / "HipDesk").mkdir(parents=True)
    (config / "HipDesk" / "HipDesk.conf").write_text(
        f"[reminders]\nenabled={'true' if reminders else 'false'}\n", encoding="utf-8"
    )
    env = {**ENV, "XDG_CONFIG_HOME": str(config)}
    command = [sys.executable, "-m", "hipdesk", "--db", str(db_path), "-v"]
    first = processes(
        [*command, "--background"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_lock_holder(db_path, first)
        second = processes(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0 and "its window was brought forward" in err, err
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGKILL)
        _out, first_err = first.communicate(timeout=30)
    assert ("started in the background" in first_err) is reminders  # reminders off: the window opens
    assert "another launch asked for the window" in first_err
