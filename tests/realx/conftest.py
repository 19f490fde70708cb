"""A real X server (Xvfb) for the tests that need real windows and a real mouse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


class XServer:
    """A running Xvfb display, with xdotool bound to it."""

    def __init__(self, display: str) -> None:
        self.display = display

    def xdotool(self, *args: str, check: bool = True) -> str:
        return xdotool(self.display, *args, check=check)

    def wait_for_window(self, name: str, timeout: float = 30.0) -> str:
        return wait_for_window(self.display, name, timeout)

    def drag(self, source: list[int], target: list[int]) -> None:
        """A real drag: press, many small moves past the drag distance, a pause over the target, release."""
        (sx, sy), (tx, ty) = source, target
        self.xdotool("mousemove", str(sx), str(sy))
        self.xdotool("mousedown", "1")
        for step in range(1, 21):
            self.xdotool("mousemove", str(sx + (tx - sx) * step // 20), str(sy + (ty - sy) * step // 20))
            time.sleep(0.03)
        self.xdotool("mousemove", str(tx), str(ty + 1))
        time.sleep(0.3)
        self.xdotool("mouseup", "1")

    def launch(self, script: Path, *args: str) -> subprocess.Popen[str]:
        """Run a helper script of these tests as an xcb app on this display, with the hipdesk the tests use."""
        import hipdesk

        package_home = str(Path(hipdesk.__file__).resolve().parents[1])
        env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": package_home}
        return subprocess.Popen(
            [sys.executable, str(script), *args],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip


@pytest.fixture(scope="session")
def xserver() -> Iterator[XServer]:
    missing = _missing_tools()
    if missing:
        message = f"needs {', '.join(missing)} (Debian: xvfb xdotool)"
        if os.environ.get("HIPDESK_REQUIRE_X"):
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryFile() as fd_file:
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(fd_file.fileno()), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
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


def wait_for_window(display: str, name: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", name, check=False)
        if found:
            return found.splitlines()[0]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared on {display}")
