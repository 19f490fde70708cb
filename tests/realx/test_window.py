"""The real window on a real X server: it maps, takes the keyboard, and quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def test_window_opens_searches_and_quits_on_a_real_x_server(xserver, db_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xserver.display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = xserver.wait_for_window("HipDesk")
        geometry = xserver.xdotool("getwindowgeometry", window)
        assert "Geometry:" in geometry
        focus(xserver, window)
        xserver.xdotool("key", "--window", window, "ctrl+f")
        xserver.xdotool("type", "--delay", "20", "butterfly")
        deadline = time.monotonic() + 120
        while True:  # a key pressed before the window had the keyboard is lost: press it again
            focus(xserver, window)
            xserver.xdotool("key", "ctrl+q")
            try:
                out, err = app.communicate(timeout=5)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    raise
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err


def focus(xserver, window: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Give ``window`` the keyboard and wait until the X server says it has it (a window just mapped
    cannot take it yet; with no window manager, activating it does nothing)."""
    deadline = time.monotonic() + timeout
    while True:
        xserver.xdotool("windowactivate", "--sync", window, check=False)
        xserver.xdotool("windowfocus", "--sync", window, check=False)
        if xserver.xdotool("getwindowfocus", check=False) == window or time.monotonic() > deadline:
            return
        time.sleep(0.1)
