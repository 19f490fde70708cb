"""A private X server for the benchmarks that need a real one (Xvfb, with openbox when asked)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time


def start_xvfb(size: str, *, window_manager: bool = False) -> tuple[list[subprocess.Popen[bytes]], str]:
    """Xvfb at ``size`` ("1280x800"), and openbox on it when asked and installed: the processes
    (stop them last first) and the display name."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as display:
        number = display.readline().strip()
    started = [server]
    if window_manager and shutil.which("openbox"):
        env = {**os.environ, "DISPLAY": f":{number}"}
        started.append(
            subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        time.sleep(1.0)
    return started, f":{number}"


def stop(started: list[subprocess.Popen[bytes]]) -> None:
    for process in reversed(started):
        process.terminate()
        process.wait(timeout=10)
