"""CuePlayer (cues to sounds and speech, with the mock speech engine) and ScreenSaverInhibitor."""

from __future__ import annotations

import array
import gc
import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech

from hipdesk.engine import cues
from hipdesk.resources import resource_path
from hipdesk.views.session import output as session_output
from hipdesk.views.session.output import (
    NO_SOUND,
    NO_SOUND_DEVICE,
    NO_SPEECH,
    NO_SPEECH_NO_SOUND,
    NOTHING_WORKS,
    SOUND_FILES,
    CuePlayer,
    ScreenSaverInhibitor,
)
from tests.recording import RATE, ends, levels, recording_start, rms

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing QtMultimedia fails, as it does without libpulse.so.0."""
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)


@pytest.fixture
def players(qtbot):
    """Makes cue players and closes them (and their speech threads) after the test."""
    made: list[CuePlayer] = []

    def make(engine: str | None = "mock") -> tuple[CuePlayer, list[str]]:
        player = CuePlayer(speech_engine=engine)
        said: list[str] = []
        player.unavailable.connect(said.append)
        made.append(player)
        return player, said

    yield make
    for player in made:
        player.close()


def ready(qtbot, player: CuePlayer) -> None:
    """prepare(), then wait until the speech engine has loaded in its thread."""
    player.prepare()
    qtbot.waitUntil(lambda: not player.speech_pending, timeout=10_000)


def words_of(player: CuePlayer) -> list[str]:
    words: list[str] = []
    player.word_spoken.connect(words.append)
    return words


def spoken(player: CuePlayer) -> list[str]:
    return [value for kind, value in player.history if kind == "say"]


def sounds(player: CuePlayer) -> list[str]:
    return [value for kind, value in player.history if kind == "sound"]


# -- the sound files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("file_name", sorted(SOUND_FILES.values()))
def test_cue_sounds_are_short_soft_mono_wavs(file_name: str) -> None:
    path = resource_path("sounds", file_name)
    assert path.stat().st_size < 40_000
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 44_100)
        assert w.getnframes() / w.getframerate() < 0.4
        frames = w.readframes(w.getnframes())
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples) < 0.95 * 32767  # headroom, no clipping
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # starts and ends on silence: no click


# -- CuePlayer ----------------------------------------------------------------------------------------


def test_a_countdown_plays_the_tick_and_says_nothing(qtbot, players, effects) -> None:
    player, said = players()
    ready(qtbot, player)
    assert player.sound_ok and player.speech_ok and said == []
    words = words_of(player)
    player.play(cues.countdown(3))
    assert effects["tick"].plays == 1
    qtbot.wait(300)
    assert list(player.history) == [("sound", "tick")] and words == []


def test_go_plays_the_go_sound_only(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    player.play(cues.go())
    assert effects["go"].plays == 1
    assert spoken(player) == []


def test_speech_loads_in_the_background(qtbot, players, effects) -> None:
    player, said = players()
    player.prepare()  # returns before the engine has loaded
    assert player.speech_pending and not player.speech_ok
    qtbot.waitUntil(lambda: player.speech_ok, timeout=10_000)
    assert player.speech_engine == "mock" and said == []


def test_an_announce_cue_speaks_its_text(qtbot, players) -> None:
    player, _ = players()
    ready(qtbot, player)
    assert player.speech_engine == "mock"
    words = words_of(player)
    player.play(cues.announce("Bird Dog"))
    qtbot.waitUntil(lambda: words == ["Bird", "Dog"], timeout=5000)
    assert spoken(player) == ["Bird Dog"]


def test_a_line_asked_for_while_the_engine_loads_is_said_once_it_is_ready(qtbot, players) -> None:
    player, _ = players()
    player.prepare()
    words = words_of(player)
    player.play(cues.announce("Bird Dog"))  # the session's first cue, in the first instant
    qtbot.waitUntil(lambda: words == ["Bird", "Dog"], timeout=10_000)


def test_rest_and_finished_play_their_sound_then_speak(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    player.play(cues.rest())
    assert effects["rest"].plays == 1 and spoken(player) == []  # the line waits for the sound
    qtbot.waitUntil(lambda: spoken(player) == ["Rest"], timeout=2000)
    player.play(cues.finished())
    qtbot.waitUntil(lambda: spoken(player) == ["Rest", "Finished"], timeout=2000)
    assert sounds(player) == ["rest", "finish"]


def test_spoken_only_cues_and_rep_counts(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    for cue in (cues.next_up("Clamshell"), cues.switch_sides(), cues.halfway(), cues.rep(7)):
        player.play(cue)
    assert spoken(player) == ["Next: Clamshell", "Switch sides", "Halfway", "7"]
    assert sounds(player) == []


def test_voice_off_speaks_nothing_but_sounds_still_play(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    player.set_voice(False)
    words = words_of(player)
    for cue in (cues.announce("Bird Dog"), cues.rep(3), cues.rest(), cues.finished(), cues.countdown(1)):
        player.play(cue)
    qtbot.wait(400)  # longer than the pause before a line that follows a sound
    assert spoken(player) == [] and words == []
    assert sounds(player) == ["rest", "finish", "tick"]


def test_turning_the_voice_off_drops_a_waiting_line(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    player.play(cues.rest())
    player.set_voice(False)
    qtbot.wait(400)
    assert spoken(player) == []


def test_stop_silences_sounds_and_the_waiting_line(qtbot, players, effects) -> None:
    player, _ = players()
    ready(qtbot, player)
    player.play(cues.finished())
    player.stop()
    qtbot.wait(400)
    assert spoken(player) == []
    assert all(effect.stops == 1 for effect in effects.values())


def test_a_new_line_cuts_off_the_one_being_spoken(qtbot, players) -> None:
    player, _ = players()
    ready(qtbot, player)
    words = words_of(player)
    player.say("one two three four five six seven eight")
    qtbot.waitUntil(lambda: "one" in words, timeout=2000)
    player.play(cues.halfway())
    qtbot.waitUntil(lambda: "Halfway" in words, timeout=3000)
    qtbot.wait(500)
    assert words[0] == "one" and words[-1] == "Halfway"
    assert "eight" not in words  # the first line was cut off, not finished before the next


def test_volume_reaches_the_sounds(qtbot, players, effects) -> None:
    player, _ = players()
    player.set_volume(150)
    assert player.volume == 100
    ready(qtbot, player)
    assert all(effect.gain == pytest.approx(1.0) for effect in effects.values())
    player.set_volume(50)
    quieter = effects["go"].gain
    assert 0.0 < quieter < 0.5  # a slider position, not a linear gain: 50 % sounds half as loud
    player.set_volume(-3)
    assert effects["go"].gain == pytest.approx(0.0)


def test_missing_audio_is_reported_once_and_speech_goes_on(qtbot, players, no_multimedia) -> None:
    player, said = players()
    ready(qtbot, player)
    player.prepare()  # before the next session: no second sentence
    assert said == [NO_SOUND]
    assert not player.sound_ok and player.speech_ok
    assert player.unavailable_text() == NO_SOUND
    player.play(cues.countdown(3))
    player.play(cues.go())
    player.play(cues.rest())  # no sound to wait for: spoken at once
    assert list(player.history) == [("say", "Rest")]
    assert player.play_sound("go") is False


def test_no_sound_device_has_its_own_sentence(qtbot, players, monkeypatch) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    player, said = players()
    player.prepare()
    assert said == [NO_SOUND_DEVICE] and not player.sound_ok


def test_when_nothing_works_play_does_nothing(qtbot, players, no_multimedia, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    player, said = players()
    player.prepare()
    assert said == [NO_SOUND, NO_SPEECH_NO_SOUND]
    assert player.unavailable_text() == NOTHING_WORKS
    for cue in (cues.announce("Bird Dog"), cues.go(), cues.rep(2), cues.rest(), cues.finished()):
        player.play(cue)
    assert player.say("Bird Dog. Get ready.") is False
    assert list(player.history) == []


def test_a_speech_engine_that_fails_is_reported(qtbot, players, effects) -> None:
    player, said = players(engine="no-such-engine")
    player.prepare()
    assert said == [NO_SPEECH]
    assert player.sound_ok and not player.speech_ok and not player.speech_pending
    player.play(cues.rest())
    qtbot.wait(400)
    assert list(player.history) == [("sound", "rest")]


def test_the_mock_engine_is_never_picked_on_its_own(monkeypatch) -> None:
    monkeypatch.delenv(session_output.SPEECH_ENGINE_VARIABLE)
    assert "mock" in QTextToSpeech.availableEngines()
    try:
        candidates = session_output._speech_candidates(None)
    except session_output._Unavailable:
        candidates = []
    assert "mock" not in candidates
    monkeypatch.setenv(session_output.SPEECH_ENGINE_VARIABLE, "mock")
    assert session_output._speech_candidates(None) == ["mock"]
    assert session_output._speech_candidates("mock") == ["mock"]


def test_apply_settings_reads_volume_and_voice(qtbot, players, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from hipdesk.app import settings as prefs

    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    prefs.SESSION_VOLUME.set(35, store)
    prefs.SESSION_VOICE.set(False, store)
    player, _ = players()
    player.apply_settings(store)
    assert (player.volume, player.voice) == (35, False)


DEVICE_CHILD = r"""
import sys, time
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication
from hipdesk.views.session.output import CuePlayer

app = QApplication(sys.argv)
print("outputs", len(QMediaDevices.audioOutputs()), flush=True)
player = CuePlayer(speech_engine="mock")
said = []
player.unavailable.connect(said.append)
player.prepare()
print("sound_ok", player.sound_ok, said, flush=True)
sys.stdin.readline()  # the recording runs: play the cues now
for name in ("tick", "go", "rest", "finish"):
    print("played", name, player.play_sound(name), flush=True)
    loop = QEventLoop()
    QTimer.singleShot(700, loop.quit)
    loop.exec()
player.close()
print("closed", flush=True)
"""


def test_the_cue_sounds_are_heard_on_a_real_sound_device(tmp_path, pulse_server, tool) -> None:
    """Against a private PulseAudio's null sink, the cue sounds load, play and are heard (recorded)."""
    parec = tool("parec", "pulseaudio-utils")
    env = dict(os.environ, PULSE_SERVER=pulse_server, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    raw = tmp_path / "heard.raw"
    with raw.open("wb") as out:
        recorder = subprocess.Popen(
            [parec, "-d", "null.monitor", "--format=s16le", "--channels=1", f"--rate={RATE}", "--latency-msec=20"],
            env=env, stdout=out, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        child = subprocess.Popen(
            [sys.executable, "-c", DEVICE_CHILD], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        try:
            recording_from = recording_start(raw, recorder)
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
            output, errors = child.communicate(timeout=60)
            time.sleep(0.5)  # the last cue rings out
        finally:
            ends(child)
            ends(recorder)
    assert child.returncode == 0, errors[-2000:]
    lines = output.splitlines()
    assert lines[0] != "outputs 0", lines  # the private server's sink is an audio output
    assert lines[1] == "sound_ok True []", lines
    assert lines[2:6] == [f"played {name} True" for name in ("tick", "go", "rest", "finish")], lines
    samples = array.array("h", raw.read_bytes()[: raw.stat().st_size // 2 * 2])
    heard = rms(samples, 0.0, len(samples) / RATE)
    assert heard > 300, (heard, levels(samples), recording_from)  # the null sink's monitor is silence else


def test_importing_the_module_loads_no_audio_speech_or_dbus_library() -> None:
    code = (
        "import sys, hipdesk.views.session.output, hipdesk.views.session.settings\n"
        "print(sorted(m for m in sys.modules if m.split('.')[-1] in ('QtMultimedia', 'QtTextToSpeech', 'QtDBus')))"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"


# -- ScreenSaverInhibitor -----------------------------------------------------------------------------


def test_the_inhibitor_is_a_quiet_no_op_without_a_bus(qtbot) -> None:
    from PySide6.QtDBus import QDBusConnection

    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/hipdesk-bus", "hipdesk-test-nowhere")
    try:
        inhibitor = ScreenSaverInhibitor(nowhere)
        assert inhibitor.inhibit("Guided session") is False
        assert not inhibitor.active
        assert inhibitor.release() is False
        assert inhibitor.release() is False
    finally:
        QDBusConnection.disconnectFromBus("hipdesk-test-nowhere")
    default = ScreenSaverInhibitor()  # whatever session bus this machine has: never raises
    assert default.inhibit("Guided session") in (True, False)
    default.release()
    assert default.release() is False


FAKE_SCREENSAVER = r'''
import sys
import hipdesk  # noqa: F401  (the None reference-count fix)
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    """Exported with Qt's strict signature matching, as KDE's is: UnInhibit(i) finds no method."""

    def __init__(self):
        super().__init__()
        self.cookie = 41

    @Slot(str, str, result="uint")
    def Inhibit(self, application_name, reason):
        self.cookie += 1
        print("Inhibit", application_name, reason, self.cookie, flush=True)
        return self.cookie

    @Slot("uint")
    def UnInhibit(self, cookie):
        print("UnInhibit", cookie, flush=True)


app = QCoreApplication(sys.argv)
bus = QDBusConnection.connectToBus(sys.argv[1], "fake-screensaver")
service = ScreenSaver()
bus.registerObject("/org/freedesktop/ScreenSaver", service, QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
'''


@pytest.fixture
def fake_screensaver(private_bus, tmp_path: Path, qtbot):
    address, bus = private_bus
    script = tmp_path / "fake_screensaver.py"
    script.write_text(FAKE_SCREENSAVER, encoding="utf-8")
    log = tmp_path / "fake.log"
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), QT_QPA_PLATFORM="offscreen")
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, str(script), address], stdout=out, stderr=subprocess.DEVNULL, env=env
        )
    try:
        qtbot.waitUntil(
            lambda: bool(bus.interface().isServiceRegistered("org.freedesktop.ScreenSaver").value()),
            timeout=15_000,
        )
        yield bus, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_without_the_service_inhibit_is_a_no_op(private_bus) -> None:
    _, bus = private_bus
    inhibitor = ScreenSaverInhibitor(bus, "HipDesk")
    assert inhibitor.inhibit("Guided session") is False
    assert inhibitor.release() is False


def test_inhibit_and_release_against_a_fake_screensaver(fake_screensaver, qtbot) -> None:
    bus, log = fake_screensaver
    inhibitor = ScreenSaverInhibitor(bus, "HipDesk")
    assert inhibitor.inhibit("Guided session: Hip strength") is True
    assert inhibitor.active
    assert inhibitor.inhibit("again") is True  # one hold at a time
    assert inhibitor.release() is True  # the cookie went out as a D-Bus uint32
    assert inhibitor.release() is False
    assert not inhibitor.active
    qtbot.waitUntil(lambda: "UnInhibit 42" in log.read_text(encoding="utf-8"), timeout=5000)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[1:] == ["Inhibit HipDesk Guided session: Hip strength 42", "UnInhibit 42"]


def test_a_dropped_inhibitor_releases_its_hold(fake_screensaver, qtbot) -> None:
    bus, log = fake_screensaver
    inhibitor = ScreenSaverInhibitor(bus, "HipDesk")
    assert inhibitor.inhibit("Guided session")
    del inhibitor
    gc.collect()
    qtbot.waitUntil(lambda: "UnInhibit 42" in log.read_text(encoding="utf-8"), timeout=5000)
