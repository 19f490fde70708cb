"""A speech engine that hangs never holds up a session, the settings dialog or quitting."""

from __future__ import annotations

import enum
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, Signal, Slot

from hipdesk.domain.model import ItemSides, Routine, RoutineItem, SessionStatus
from hipdesk.engine import cues
from hipdesk.views.session import output as session_output
from hipdesk.views.session.output import NO_SPEECH, SPEECH_STOPPED, CuePlayer

REPO_ROOT = Path(__file__).resolve().parents[2]


class State(enum.Enum):
    Ready = 0
    Speaking = 1
    Error = 4


class FakeEngine(QObject):
    """Stands in for QTextToSpeech inside the speech thread, with the slots and signals HipDesk uses.

    ``block`` makes say() wait (at most 10 s) until the test lets it go, as speechd does inside
    spd_open; ``endless`` makes it go to Speaking and never come back.
    """

    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)
    voiceChanged = Signal(object)
    sayingWord = Signal(str, int, int, int)

    def __init__(self, parent: QObject, *, block: threading.Event | None = None, endless: bool = False):
        super().__init__(parent)
        self.block = block
        self.endless = endless
        self._state = State.Ready
        self.said: list[str] = []
        self.entered = threading.Event()

    def state(self) -> State:
        return self._state

    def engine(self) -> str:
        return "fake"

    def errorString(self) -> str:
        return ""

    def locale(self) -> QLocale:
        return QLocale(QLocale.Language.English)

    def availableLocales(self) -> list[QLocale]:
        return [self.locale()]

    @Slot(str)
    def setEngine(self, name: str) -> None:
        pass

    @Slot(str)
    def say(self, text: str) -> None:
        self.said.append(text)
        self.entered.set()
        if self.block is not None:
            self.block.wait(10)
        if self.endless:
            self._state = State.Speaking
            self.stateChanged.emit(State.Speaking)

    @Slot()
    def stop(self) -> None:
        if not self.endless:
            self._state = State.Ready

    @Slot(float)
    def setVolume(self, volume: float) -> None:
        pass

    @Slot(float)
    def setRate(self, rate: float) -> None:
        pass

    @Slot(object)
    def setLocale(self, locale: object) -> None:
        pass


@pytest.fixture
def hanging_speech(monkeypatch: pytest.MonkeyPatch):
    """Every speech engine built in this test is a FakeEngine whose say() hangs for 10 s."""
    release = threading.Event()
    engines: list[FakeEngine] = []

    def backend(name: str, parent: QObject) -> FakeEngine:
        engine = FakeEngine(parent, block=release)
        engines.append(engine)
        return engine

    monkeypatch.setattr(session_output, "_speech_backend", backend)
    yield engines
    release.set()
    for thread in session_output._left_running:
        thread.join(10)


def test_a_session_runs_on_time_and_saves_every_set_while_say_hangs(
    qtbot, repo, effects, hanging_speech
) -> None:
    from hipdesk.views.session.launch import open_session

    routine = repo.save_routine(
        Routine(
            "Hanging speech",
            items=(
                RoutineItem("clamshell", sets=2, reps=3, sides=ItemSides.EACH, rest_s=2, rest_after_s=2),
                RoutineItem("figure-4-stretch", sets=1, hold_s=4, sides=ItemSides.LEFT, rest_after_s=0),
            ),
        )
    )
    speed = 10
    started = time.monotonic()
    window = open_session(repo, routine, speed=speed, full_screen=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.driver.timer.stop())
    driver = window.driver
    planned_s = sum(step.duration_s or 0 for step in driver.steps) / speed
    gaps: list[float] = []
    last = [time.monotonic()]

    def on_state(_state: object) -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    driver.state_changed.connect(on_state)
    qtbot.waitUntil(lambda: bool(hanging_speech) and hanging_speech[0].entered.is_set(), timeout=10_000)
    # say() is stuck in the engine now: the keys still answer at once
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert driver.state().paused
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not driver.state().paused
    qtbot.waitUntil(lambda: driver.finished, timeout=int((planned_s + 20) * 1000))
    took_s = time.monotonic() - started

    (session,) = repo.sessions()
    assert session.status is SessionStatus.FINISHED
    assert len(session.sets) == 5 and not any(s.skipped for s in session.sets)
    assert took_s < planned_s * 1.5 + 3, (took_s, planned_s)  # on time, not 10 s late per line
    assert max(gaps) < 1.0, max(gaps)  # the clock never waited on the engine
    assert window.notice.text().count(SPEECH_STOPPED) == 1
    assert effects["go"].plays >= 3  # the sounds went on


def test_an_engine_that_stays_speaking_is_dropped_and_said_once(qtbot, effects, monkeypatch) -> None:
    monkeypatch.setattr(session_output, "SPEAKING_BASE_MS", 300)
    monkeypatch.setattr(session_output, "SPEAKING_PER_WORD_MS", 0)
    monkeypatch.setattr(
        session_output, "_speech_backend", lambda name, parent: FakeEngine(parent, endless=True)
    )
    player = CuePlayer(speech_engine="mock")
    said: list[str] = []
    player.unavailable.connect(said.append)
    try:
        player.prepare()
        qtbot.waitUntil(lambda: player.speech_ok, timeout=10_000)
        player.play(cues.announce("Bird Dog"))
        qtbot.waitUntil(lambda: not player.speech_ok, timeout=5000)
        assert said == [SPEECH_STOPPED]
        player.play(cues.switch_sides())
        player.play(cues.rest())
        player.prepare()  # the next session does not try it again, nor say so again
        qtbot.wait(400)
        assert [kind for kind, _ in player.history].count("say") == 1
        assert ("sound", "rest") in player.history
        assert said == [SPEECH_STOPPED]
    finally:
        player.close()


def test_an_engine_that_never_loads_is_given_up_and_left_behind_at_quit(qtbot, effects, monkeypatch) -> None:
    stuck = threading.Event()
    release = threading.Event()

    def backend(name: str, parent: QObject) -> FakeEngine:
        stuck.set()
        release.wait(10)  # as speechd's constructor, waiting in spd_open
        return FakeEngine(parent)

    monkeypatch.setattr(session_output, "_speech_backend", backend)
    monkeypatch.setattr(session_output, "OPEN_TIMEOUT_MS", 500)
    player = CuePlayer(speech_engine="mock")
    said: list[str] = []
    player.unavailable.connect(said.append)
    try:
        player.prepare()
        assert stuck.wait(5)
        qtbot.waitUntil(lambda: said == [NO_SPEECH], timeout=5000)
        assert not player.speech_ok and not player.speech_pending
        assert player.play_sound("go")
        closing = time.monotonic()
        player.close()
        assert time.monotonic() - closing < 3  # quitting waits a moment, not forever
        assert session_output.speech_left_running()
    finally:
        release.set()
        for thread in session_output._left_running:
            thread.join(10)
    assert not session_output.speech_left_running()  # let go, it ends on its own


def test_test_voice_never_waits_for_the_engine(qtbot, tmp_path, effects, hanging_speech) -> None:
    from PySide6.QtCore import QSettings

    from hipdesk.views.session.settings import SessionSettingsDialog

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SessionSettingsDialog(settings=store, speech_engine="mock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.testVoiceButton.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dialog.ui.testVoiceButton, Qt.MouseButton.LeftButton)
    (engine,) = hanging_speech
    assert engine.entered.wait(5)
    # the engine is stuck inside say(): the dialog still answers
    dialog.ui.volumeSlider.setValue(20)
    assert dialog.ui.volumeValueLabel.text() == "20 %"
    qtbot.mouseClick(dialog.ui.testSoundButton, Qt.MouseButton.LeftButton)
    assert effects["go"].plays == 1
    qtbot.waitUntil(lambda: not dialog.ui.testVoiceButton.isEnabled(), timeout=5000)  # dropped
    assert dialog.ui.availabilityLabel.text() == SPEECH_STOPPED


# -- the real speechd engine, against a speech server that never answers -----------------------------


def _has_speechd_engine() -> bool:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return "speechd" in QTextToSpeech.availableEngines()


@pytest.fixture
def silent_speech_server(silent_socket, lack) -> str:
    """A socket where speech-dispatcher would be, that takes connections and never answers."""
    if not _has_speechd_engine():
        lack("Qt's speechd engine does not load (Debian: libspeechd2)")
    return f"unix_socket:{silent_socket('speechd.sock')}"


def test_quitting_leaves_a_speech_engine_stuck_in_spd_open_behind(silent_speech_server, db_path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HIPDESK_SPEECH_ENGINE": "speechd",
        "SPEECHD_ADDRESS": silent_speech_server,
    }
    env.pop("PULSE_SERVER", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "-v", "start", "Hip stretch", "--speed", "60"],
        env=env, capture_output=True, text=True, timeout=90, cwd=REPO_ROOT,
    )  # fmt: skip
    took_s = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stderr.count("recorded set") == 21  # every set of the starter stretch routine
    assert "HipDesk ends without waiting for it" in result.stderr
    assert took_s < 60, took_s


def test_speech_server_tools_are_where_ci_installs_them(tool) -> None:
    for program, package in [
        ("speech-dispatcher", "speech-dispatcher"),
        ("parec", "pulseaudio-utils"),
        ("sox", "sox"),
        ("pulseaudio", "pulseaudio"),
    ]:
        tool(program, package)  # a skip here, a failure in CI
