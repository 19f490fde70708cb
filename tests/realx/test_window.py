"""The real window on a real X server: it maps, takes the keyboard, and quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
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
        xserver.xdotool("windowactivate", "--sync", window, check=False)
        xserver.xdotool("windowfocus", "--sync", window, check=False)
        xserver.xdotool("key", "--window", window, "ctrl+f")
        xserver.xdotool("type", "--delay", "20", "butterfly")
        xserver.xdotool("key", "ctrl+q")
        out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
