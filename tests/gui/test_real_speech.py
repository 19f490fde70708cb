"""Real speech: speech-dispatcher and espeak-ng really speak the cues, heard on a private sound server.

These tests start their own PulseAudio (a null sink), their own speech-dispatcher and HipDesk in a
process of its own with ``HIPDESK_SPEECH_ENGINE=speechd``, and end every one of them. They need the
Debian packages pulseaudio, pulseaudio-utils (parec), speech-dispatcher, speech-dispatcher-espeak-ng
and libspeechd2; they skip without them, except in CI, where they must run.
"""

from __future__ import annotations

import array
import os
import subprocess
import sys
import threading
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.views.session.output import NO_SPEECH_NO_SOUND, SPEECH_STOPPED_NO_SOUND
from tests.recording import RATE, levels, rms
from tests.recording import ends as _ends
from tests.recording import recording_start as _recording_start

REPO_ROOT = Path(__file__).resolve().parents[2]
LOUD_FLOOR = 300  # RMS (of 32767) a spoken line reaches at the very least
QUIET_CEILING = 30  # RMS of "nothing is said": the null sink's monitor is digital silence
ROUTINE = Routine(
    "Speech check",
    items=(RoutineItem("figure-4-stretch", sets=1, hold_s=8, sides=ItemSides.EACH, rest_after_s=0),),
)


@pytest.fixture
def speech_server(tmp_path: Path, tool, lack) -> Iterator[tuple[Any, dict[str, str]]]:
    """Makes private speech-dispatchers: ``start(pulse)`` gives the address HipDesk is to use."""
    program = tool("speech-dispatcher", "speech-dispatcher")
    if not Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng").exists():
        lack("needs the espeak-ng module (Debian: speech-dispatcher-espeak-ng)")
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "speechd" not in QTextToSpeech.availableEngines():
        lack("Qt's speechd engine does not load (Debian: libspeechd2)")
    folder = tmp_path / "speechd"
    (folder / "home").mkdir(parents=True)
    folder.chmod(0o700)
    socket = folder / "speechd.sock"
    env = {
        **os.environ,
        "HOME": str(folder / "home"),
        "XDG_RUNTIME_DIR": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "LANG": "C.UTF-8",
        "LANGUAGE": "en",
    }
    env.pop("PULSE_SERVER", None)
    started: list[subprocess.Popen[bytes]] = []

    def start(pulse: str | None) -> str:
        server_env = dict(env, PULSE_SERVER=pulse) if pulse else dict(env)
        server = subprocess.Popen(
            [program, "-s", "-t", "0", "-c", "unix_socket", "-S", str(socket),
             "-P", str(folder / "pid"), "-L", str(folder / "log")],
            env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        started.append(server)
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.1)
        else:
            pytest.fail("the private speech-dispatcher did not start")
        return f"unix_socket:{socket}"

    yield start, env
    for server in started:
        _ends(server)


@dataclass
class Run:
    """A HipDesk session in its own process, its log lines stamped as they come."""

    name: str = ""  # the exercise's name, as its get-ready cue says it
    lines: list[tuple[float, str]] = field(default_factory=list)
    code: int | None = None
    took_s: float = 0.0

    def said(self) -> list[tuple[float, str]]:
        """(time, line) for each line HipDesk handed to the speech engine."""
        return [(t, line.split("saying ", 1)[1].strip("'\"")) for t, line in self.lines if "saying " in line]

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def run_session(db_path: Path, env: dict[str, str], address: str) -> Run:
    from hipdesk.store import open_store

    repo = open_store(db_path)
    repo.save_routine(ROUTINE)
    (exercise,) = [ex for ex in repo.exercises() if ex.id == ROUTINE.items[0].exercise_id]
    repo.db.close()
    # HipDesk itself gets no sound server: its beeps stay silent, so only speech reaches the sink
    hipdesk_env = dict(
        env,
        QT_QPA_PLATFORM="offscreen",
        HIPDESK_SPEECH_ENGINE="speechd",
        SPEECHD_ADDRESS=address,
        PYTHONPATH=str(REPO_ROOT),
    )
    run = Run(exercise.name)
    started = time.monotonic()
    proc = subprocess.Popen(
        # a hair over real speed: a preview, whose summary closes by itself so the process ends
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "-v", "start", ROUTINE.name, "--speed", "1.01"],
        env=hipdesk_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            run.lines.append((time.monotonic(), line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        run.code = proc.wait(timeout=90)
    except subprocess.TimeoutExpired:
        run.code = None  # the session did not end: the asserts show its log
    finally:
        _ends(proc)
        reader.join(5)
    run.took_s = time.monotonic() - started
    return run


def test_cues_are_really_spoken_where_they_fall(tmp_path, db_path, pulse_server, speech_server, tool) -> None:
    parec = tool("parec", "pulseaudio-utils")
    start_speech, env = speech_server
    address = start_speech(pulse_server)
    raw = tmp_path / "heard.raw"
    with raw.open("wb") as out:
        recorder = subprocess.Popen(
            [parec, "-d", "null.monitor", "--format=s16le", "--channels=1", f"--rate={RATE}", "--latency-msec=20"],
            env=dict(env, PULSE_SERVER=pulse_server), stdout=out, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        try:
            recording_from = _recording_start(raw, recorder)
            run = run_session(db_path, env, address)
            time.sleep(1.5)  # the last line rings out
        finally:
            _ends(recorder)
    samples = array.array("h", raw.read_bytes()[: raw.stat().st_size // 2 * 2])
    with wave.open(str(tmp_path / "heard.wav"), "wb") as wav:  # kept beside the test for listening
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())

    assert run.code == 0, run.text[-3000:]
    assert run.text.count("recorded set") == 2
    said = [(t - recording_from, line) for t, line in run.said()]
    lines = [line for _, line in said]
    assert run.name in lines and "Switch sides" in lines, lines
    assert "speech is unavailable" not in run.text
    voices = [line for _, line in run.lines if "speech voice: " in line]
    assert voices and "English" in voices[-1], voices  # the cue lines are English, and so is the voice
    heard = {line: rms(samples, at, at + 2.0) for at, line in said}
    for line in (run.name, "Switch sides", "Finished"):
        assert heard[line] > LOUD_FLOOR, (line, said, heard, levels(samples))
    # between the name and the switch nothing is said: the recording is near silent there
    name_at = next(at for at, line in said if line == run.name)
    switch_at = next(at for at, line in said if line == "Switch sides")
    quiet = [(a, b) for (a, _), (b, _) in zip(said, said[1:], strict=False) if b - a > 4.0]
    assert quiet, said
    for a, b in quiet:
        level = rms(samples, a + 3.0, b - 0.3)
        assert level < QUIET_CEILING, (a, b, level, said, levels(samples))
    assert name_at < switch_at


def test_with_no_sound_server_the_session_runs_on_time_and_says_once_that_speech_is_off(
    db_path, speech_server
) -> None:
    start_speech, env = speech_server
    address = start_speech(None)  # speech-dispatcher runs, but there is nothing to play its sound on
    run = run_session(db_path, env, address)
    assert run.code == 0, run.text[-3000:]
    assert run.text.count("recorded set") == 2
    # 5 s get-ready, 8 s hold, 5 s switch, 8 s hold: 26 s, with some room for the start on a busy machine
    assert run.took_s < 26 + 15, run.took_s
    told = [line for _, line in run.lines if "telling the user" in line and "speech" in line.lower()]
    assert len(told) == 1, told  # once, not at every cue
    assert told[0].endswith((SPEECH_STOPPED_NO_SOUND, NO_SPEECH_NO_SOUND)), told
