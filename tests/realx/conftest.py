"""A real X server (Xvfb) for the tests that need real windows and a real mouse."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def _missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


class XServer:
    """A running Xvfb display, with xdotool bound to it."""

    def __init__(self, display: str) -> None:
        self.display = display

    def xdotool(self, *args: str, check: bool = True) -> str:
        return xdotool(self.display, *args, check=check)

    def wait_for_window(self, name: str, timeout: float = 180.0) -> str:
        return wait_for_window(self.display, name, timeout)

    def drag(self, app: App, source: list[int], target: list[int]) -> None:
        """A real drag: press, move past the drag distance, then keep nudging the pointer over the target
        until the app says the drag is there, and release; returns once the app has had the drop."""
        (sx, sy), (tx, ty) = source, target
        self.xdotool("mousemove", str(sx), str(sy))
        self.xdotool("mousedown", "1")
        for step in range(1, 21):
            self.xdotool("mousemove", str(sx + (tx - sx) * step // 20), str(sy + (ty - sy) * step // 20))
        arrived = False
        deadline = time.monotonic() + 60
        nudge = 0
        while not arrived and time.monotonic() < deadline:
            nudge = 1 - nudge
            self.xdotool("mousemove", str(tx), str(ty + nudge))
            arrived = app.saw("drag-move", near=(tx, ty), within_s=0.25)
        self.xdotool("mouseup", "1")
        assert arrived, "the drag never reached its target"
        assert app.saw("drop", near=(tx, ty), within_s=60), "the app never had the drop"

    def launch(self, script: Path, *args: str) -> App:
        """Run a helper script of these tests as an xcb app on this display, with the hipdesk the tests use."""
        import hipdesk

        package_home = str(Path(hipdesk.__file__).resolve().parents[1])
        env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": package_home}
        return App(
            subprocess.Popen(
                [sys.executable, str(script), *args],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        )


class App:
    """A test app on the X server: its JSON lines on stdout (see drag_events.py), read as they come."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self._lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with contextlib.suppress(ValueError):
                self._lines.put(json.loads(line))

    def next_line(self, timeout_s: float = 90) -> dict[str, Any]:
        """The next JSON line the app printed; fails with its stderr if it ended first."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                return self._lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self._lines.empty():
                    break
        self.stop()
        raise AssertionError(
            f"the app printed nothing: {self.proc.stderr.read() if self.proc.stderr else ''}"
        )

    def saw(self, event: str, near: tuple[int, int], within_s: float) -> bool:
        """Whether the app reports ``event`` within 4 px of ``near`` in the next ``within_s`` seconds."""
        deadline = time.monotonic() + within_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                return False
            if line.get("event") == event and max(abs(line["x"] - near[0]), abs(line["y"] - near[1])) <= 4:
                return True
        return False

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


@contextlib.contextmanager
def running_xvfb(size: str = "1280x800") -> Iterator[XServer]:
    """An Xvfb display of ``size`` (``WIDTHxHEIGHT``) for the time of the ``with`` block."""
    missing = _missing_tools()
    if missing:
        message = f"needs {', '.join(missing)} (Debian: xvfb xdotool)"
        if os.environ.get("HIPDESK_REQUIRE_X"):
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryFile() as fd_file:
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(fd_file.fileno()), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(fd_file.fileno(),),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        display = ""
        for _ in range(100):
            fd_file.seek(0)
            display = fd_file.read().decode().strip()
            if display:
                break
            time.sleep(0.1)
    if not display:
        proc.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield XServer(f":{display}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def xserver() -> Iterator[XServer]:
    with running_xvfb("1280x800") as server:
        yield server


@pytest.fixture
def xvfb_of_size() -> Callable[[str], contextlib.AbstractContextManager[XServer]]:
    """``with xvfb_of_size("1366x768") as server:`` a display of that size for one test."""
    return running_xvfb


def xdotool(display: str, *args: str, check: bool = True) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"xdotool {' '.join(args)} failed: {result.stderr}")
    return result.stdout.strip()


def wait_for_window(display: str, name: str, timeout: float = 180.0) -> str:
    """The id of the first visible window named ``name``; a busy machine makes it slower, never a failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", name, check=False)
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared on {display}")
