"""The cue sounds play in a thread of their own: an audio output that stops answering turns sound off
with one sentence, and the GUI thread never waits on it."""

from __future__ import annotations

import gc
import threading
import time
import types

import pytest

from hipdesk.views.session import output as session_output
from hipdesk.views.session.output import NO_SOUND, CuePlayer


class _Sink:
    hang_s = 0.0
    started: list[str] = []

    def __init__(self, *_args) -> None:
        pass

    def start(self, _buffer) -> None:
        _Sink.started.append(threading.current_thread().name)
        time.sleep(_Sink.hang_s)  # the audio back end stuck inside its server

    def stop(self) -> None:
        pass

    def setVolume(self, _gain: float) -> None:
        pass

    def deleteLater(self) -> None:
        pass


class _Format:
    class SampleFormat:
        Int16 = 2

    def setSampleRate(self, _rate: int) -> None:
        pass

    def setChannelCount(self, _count: int) -> None:
        pass

    def setSampleFormat(self, _format: int) -> None:
        pass


@pytest.fixture
def fake_audio(monkeypatch: pytest.MonkeyPatch):
    fake = types.SimpleNamespace(
        QAudioFormat=_Format,
        QAudioSink=_Sink,
        QMediaDevices=types.SimpleNamespace(
            audioOutputs=lambda: ["speakers"], defaultAudioOutput=lambda: None
        ),
    )
    real = session_output.importlib.import_module
    monkeypatch.setattr(
        session_output.importlib,
        "import_module",
        lambda name: fake if name == "PySide6.QtMultimedia" else real(name),
    )
    _Sink.started = []
    _Sink.hang_s = 0.0
    return _Sink


def test_cues_play_in_the_sound_thread(qtbot, fake_audio) -> None:
    player = CuePlayer(speech_engine="mock")
    player.prepare_sound()
    assert player.sound_ok and player.play_sound("tick")
    qtbot.waitUntil(lambda: fake_audio.started == ["sound"], timeout=5000)
    player.close(0)


def test_an_output_that_stops_answering_turns_sound_off_once(qtbot, fake_audio) -> None:
    fake_audio.hang_s = 6.0
    player = CuePlayer(speech_engine="mock")
    player.prepare_sound()
    told: list[str] = []
    player.unavailable.connect(told.append)
    began = time.monotonic()
    assert player.play_sound("tick")
    assert time.monotonic() - began < 1.0  # the GUI thread only sent the command
    player.play_sound("go")
    with qtbot.waitSignal(player.unavailable, timeout=5000):
        pass
    assert told == [NO_SOUND] and not player.sound_ok
    assert not player.play_sound("tick")  # sound stays off; the session goes on with screen cues
    player.close(0)


def test_a_late_answer_from_the_sound_thread_reaches_no_player_that_is_gone(qtbot, fake_audio) -> None:
    """A session's player is closed and collected while its last cue is still starting: the answer
    that comes after it is taken by the sound link alone (no error in the event loop)."""
    fake_audio.hang_s = 0.3
    for _ in range(3):
        player = CuePlayer(speech_engine="mock")
        player.prepare_sound()
        assert player.play_sound("tick")
        player.close(0)
        del player
        gc.collect()
    qtbot.wait(1200)  # the answers arrive; pytest-qt fails the test on an exception in a slot
    gc.collect()
    qtbot.wait(100)
    assert fake_audio.started == ["sound"] * 3
