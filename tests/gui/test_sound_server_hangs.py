"""A sound server that takes the connection and never answers holds up the sound thread, not HipDesk.

PulseAudio's client waits 30 s for such a server; asking it for an audio output on the GUI thread froze
the session window for that long before the first cue. Run in a child process: the audio back end is
set up once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from hipdesk.views.session.output import NO_SOUND, CuePlayer
    app = QApplication([])
    player = CuePlayer(speech_engine="mock")
    told = []
    player.unavailable.connect(told.append)
    gaps, last = [], [time.monotonic()]
    def tick():
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    began = time.monotonic()
    player.prepare_sound()
    waited = time.monotonic() - began
    gaps.clear()
    last[0] = time.monotonic()
    played = player.play_sound("tick")
    QTimer.singleShot(1500, app.quit)
    app.exec()
    print(json.dumps({"waited": waited, "sound_ok": player.sound_ok, "played": played, "told": told,
                      "no_sound": NO_SOUND, "worst_gap_after": max(gaps)}), flush=True)
    import os; os._exit(0)
    """
)


def test_a_sound_server_that_never_answers_costs_a_bounded_wait_and_one_sentence(silent_socket) -> None:
    env = {**os.environ, "PULSE_SERVER": f"unix:{silent_socket('pulse')}", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("XDG_RUNTIME_DIR", None)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # the GUI thread waited the player's own bound (4 s), not the server's 30 s, and then went on
    assert result["waited"] < 10, result
    assert result["sound_ok"] is False and result["played"] is False
    assert result["told"] == [result["no_sound"]]
    assert result["worst_gap_after"] < 1.0, result
