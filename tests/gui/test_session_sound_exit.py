"""With a real sound server, a session plays its cues and the process ends when the session does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.fixture
def pulse_server(tmp_path: Path):
    program = shutil.which("pulseaudio")
    if program is None:
        if os.environ.get("HIPDESK_REQUIRE_X"):
            pytest.fail("needs pulseaudio (Debian: pulseaudio) for the sound test")
        pytest.skip("needs pulseaudio (Debian: pulseaudio)")
    folder = tmp_path / "pulse"
    (folder / "home").mkdir(parents=True)
    folder.chmod(0o700)
    socket = folder / "native"
    env = {**os.environ, "HOME": str(folder / "home"), "XDG_RUNTIME_DIR": str(folder)}
    server = subprocess.Popen(
        [program, "--daemonize=no", "-n", "--exit-idle-time=-1", "--use-pid-file=no",
         "--load=module-null-sink", f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("the private sound server did not start")
    yield f"unix:{socket}"
    server.terminate()
    server.wait(timeout=10)


def test_a_session_with_sound_plays_its_cues_and_exits(pulse_server: str, db_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PULSE_SERVER": pulse_server}
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "-v", "start", "Hip stretch", "--speed", "150"],
        env=env, capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "sound is unavailable" not in result.stderr  # the cues really went to the sound server
    assert "QSocketNotifier" not in result.stderr
    assert result.stderr.count("recorded set") == 21  # every set of the starter stretch routine
