"""With a real sound server, a session plays its cues and the process ends when the session does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
