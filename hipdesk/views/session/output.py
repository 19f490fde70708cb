"""Turns session cues into sounds and speech, and keeps the screen awake while a session runs."""

from __future__ import annotations

import functools
import importlib
import logging
import os
import sys
import threading
import time
import wave
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QIODevice,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QThread,
    QTimer,
    Signal,
)

from hipdesk.app import process_exit
from hipdesk.app import settings as prefs
from hipdesk.engine.cues import Cue, CueKind
from hipdesk.paths import APP_NAME
from hipdesk.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtTextToSpeech import QTextToSpeech

logger = logging.getLogger(__name__)

SOUND_FILES = {"tick": "tick.wav", "go": "go.wav", "rest": "rest.wav", "finish": "finish.wav"}
SAMPLE_RATE = 44_100  # the cue files are 16-bit mono PCM at this rate
LOAD_TIMEOUT_MS = 4000  # the longest prepare() waits for the sound server (one that hangs holds 30 s)
SPEECH_RATE = -0.15  # a little slower than the engine's normal pace: calm, easy to follow mid-exercise
SPEECH_AFTER_SOUND_MS = 250  # a cue with a sound and a line speaks once the sound has mostly rung out
TEST_SENTENCE = "Bird Dog. Get ready."
OPEN_TIMEOUT_MS = 15_000  # an engine loads in 1.3-1.8 s (7 s on a busy machine): this long, it never will
ANSWER_TIMEOUT_MS = 2000  # a say() or stop() that has not returned by then is stuck (speechd in spd_open)
SPEAKING_BASE_MS = 4000  # a line still "Speaking" after this plus SPEAKING_PER_WORD_MS a word never ends
SPEAKING_PER_WORD_MS = 800
LATE_LINE_MS = 8000  # a line asked for while the engine loads is said once it is ready, if this fresh
CLOSE_WAIT_MS = 1000  # how long closing waits for the speech thread before leaving it behind
SPEECH_ENGINE_VARIABLE = "HIPDESK_SPEECH_ENGINE"  # an engine name, or "none"

NO_SOUND_DEVICE = "No sound device was found: HipDesk will show the cues on screen."
NO_SOUND = "Sound does not work on this system: HipDesk will show the cues on screen."
NO_SPEECH = "No speech engine works on this system: cues will be beeps and text."
NO_SPEECH_NO_SOUND = "No speech engine works on this system either: cues will be shown as text."
SPEECH_STOPPED = "Speech stopped answering and is off until HipDesk restarts: cues go on as beeps and text."
SPEECH_STOPPED_NO_SOUND = "Speech stopped answering and is off until HipDesk restarts: cues go on as text."
NOTHING_WORKS = "Neither sound nor speech works on this system: HipDesk will show the cues on screen."

_SOUND_FOR = {
    CueKind.COUNTDOWN: "tick",
    CueKind.GO: "go",
    CueKind.REST: "rest",
    CueKind.FINISHED: "finish",
}
_SPOKEN = {
    CueKind.ANNOUNCE,
    CueKind.NEXT,
    CueKind.SWITCH_SIDES,
    CueKind.HALFWAY,
    CueKind.REST,
    CueKind.FINISHED,
}


class _Unavailable(Exception):
    """An output part cannot work: ``sentence`` is for the user, ``detail`` for the log."""

    def __init__(self, sentence: str, detail: str, *, final: bool = False) -> None:
        super().__init__(detail)
        self.sentence = sentence
        self.detail = detail
        self.final = final  # trying again in this process cannot help (a missing library, a broken engine)


class _CueSink:
    """One audio output for every cue sound, fed from memory.

    Qt 6.12's multimedia back end can spin forever on a closed socket once two different
    QSoundEffect objects have played (seen with PulseAudio), so all cues share one QAudioSink:
    a new cue cuts the one before, which a countdown wants anyway.
    """

    def __init__(self, multimedia: Any, parent: QObject) -> None:
        audio_format = multimedia.QAudioFormat()
        audio_format.setSampleRate(SAMPLE_RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(multimedia.QAudioFormat.SampleFormat.Int16)
        self.sink = multimedia.QAudioSink(multimedia.QMediaDevices.defaultAudioOutput(), audio_format, parent)
        self._buffer: QBuffer | None = None

    def play(self, pcm: bytes) -> None:
        self.sink.stop()
        buffer = QBuffer()
        buffer.setData(QByteArray(pcm))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer  # kept alive while the sink reads it
        self.sink.start(buffer)

    def stop(self) -> None:
        self.sink.stop()


class _SoundLink(QObject):
    """Commands from the GUI thread to the sound thread, and its answers; every connection is queued.

    It also keeps the count of cues sent and answered, and its own slot takes the answers: a late
    answer from the sound thread reaches only this object, which lives as long as the application
    (the thread may outlive any session), never a Python object being collected.
    """

    play = Signal(str, int)  # a cue's name, and its number for the answer
    halt = Signal()
    gain = Signal(float)
    finish = Signal()
    played = Signal(int)  # the sound thread has started cue number n
    stuck = Signal(str)  # the sound thread did not start a cue in time: sound is off

    STUCK_MS = 2000

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.sent = 0
        self.answered = 0
        self.is_stuck = False
        self.left_behind: threading.Thread | None = None
        self._watch = QTimer(self)
        self._watch.setSingleShot(True)
        self._watch.timeout.connect(self._on_watch_timeout)
        self.played.connect(self._on_played)

    def send(self, name: str) -> None:
        if self.is_stuck:
            return
        self.sent += 1
        self.play.emit(name, self.sent)
        if not self._watch.isActive():
            self._watch.start(self.STUCK_MS)

    def stop_watching(self) -> None:
        self._watch.stop()

    def _on_played(self, number: int) -> None:
        self.answered = number
        if self.answered >= self.sent:
            self._watch.stop()
        else:
            self._watch.start(self.STUCK_MS)

    def _on_watch_timeout(self) -> None:
        if self.answered < self.sent and not self.is_stuck:
            self.is_stuck = True
            if self.left_behind is not None:
                _leave_behind(self.left_behind)
            logger.warning("the sound output did not start a cue in %d ms: sound off", self.STUCK_MS)
            self.stuck.emit(f"the sound output did not start a cue in {self.STUCK_MS} ms")


class _SoundWorker(QObject):
    """Lives in the sound thread: the one audio output and the cue samples."""

    def __init__(self, multimedia: Any, pcm: dict[str, bytes], link: _SoundLink) -> None:
        super().__init__()
        self.sink = _CueSink(multimedia, self)
        self.pcm = pcm
        self.link = link

    def on_play(self, name: str, number: int) -> None:
        self.sink.play(self.pcm[name])
        self.link.played.emit(number)

    def on_halt(self) -> None:
        self.sink.stop()

    def on_gain(self, gain: float) -> None:
        self.sink.sink.setVolume(gain)


def _run_sound_thread(
    link: _SoundLink, pcm: dict[str, bytes], ready: threading.Event, found: list[str]
) -> None:
    """The sound thread: asks for an audio output (a sound server that never answers holds only
    this thread), then plays cues from its own event loop until ``link.finish``."""
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
        if not multimedia.QMediaDevices.audioOutputs():
            found.append("no-device")
            return
        loop = QEventLoop(QThread.currentThread())
        link.finish.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        worker = _SoundWorker(multimedia, pcm, link)
        link.play.connect(worker.on_play)
        link.halt.connect(worker.on_halt)
        link.gain.connect(worker.on_gain)
        found.append("ok")
    except Exception as exc:
        found.append(f"failed: {exc}")
        return
    finally:
        ready.set()
    loop.exec()
    worker.sink.stop()
    worker.sink.sink.deleteLater()
    worker.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _SoundThread:
    """The cue sounds' audio output in a thread of its own, as speech has: the GUI thread only sends
    it commands, and a sound server that hangs (PulseAudio waits 30 s on a socket that never answers)
    holds up that thread, never the session. A cue not started within ``_SoundLink.STUCK_MS`` gives
    up sound (``link.stuck``)."""

    def __init__(self, pcm: dict[str, bytes]) -> None:
        self.link = _SoundLink(QCoreApplication.instance())
        self.ready = threading.Event()
        self.found: list[str] = []
        self.thread = threading.Thread(
            target=_run_sound_thread, args=(self.link, pcm, self.ready, self.found), name="sound", daemon=True
        )
        self.link.left_behind = self.thread
        self.thread.start()

    @property
    def stuck(self) -> bool:
        return self.link.is_stuck

    def wait_ready(self, timeout_ms: int) -> str:
        """What the sound thread found ("ok", "no-device", "failed: ..."), or "" when it has not
        answered within ``timeout_ms`` (it is then left behind)."""
        if not self.ready.wait(timeout_ms / 1000):
            _leave_behind(self.thread)
            return ""
        return self.found[0] if self.found else "failed: no answer"

    def play(self, name: str) -> None:
        self.link.send(name)

    def close(self) -> None:
        self.link.stop_watching()
        self.link.halt.emit()
        self.link.finish.emit()
        if not self.link.is_stuck:
            self.thread.join(0.5)


class _CueSound:
    """One cue sound, played by the sound thread; the same small interface as a QSoundEffect."""

    def __init__(self, output: _SoundThread, name: str) -> None:
        self.output = output
        self._name = name

    def play(self) -> None:
        self.output.play(self._name)

    def stop(self) -> None:
        self.output.link.halt.emit()

    def setVolume(self, gain: float) -> None:
        self.output.link.gain.emit(gain)

    def deleteLater(self) -> None:
        self.output.close()


def _read_pcm(path: Path) -> bytes:
    """The samples of one of HipDesk's cue files (16-bit mono PCM at SAMPLE_RATE)."""
    with wave.open(str(path), "rb") as wav:
        if (wav.getsampwidth(), wav.getnchannels(), wav.getframerate()) != (2, 1, SAMPLE_RATE):
            raise ValueError(f"{path.name} is not 16-bit mono PCM at {SAMPLE_RATE} Hz")
        return wav.readframes(wav.getnframes())


def _load_effects(parent: QObject, timeout_ms: int) -> dict[str, Any]:
    """The cue sounds, ready to play on one audio output in the sound thread; raises _Unavailable
    when sound cannot play. Waits at most ``timeout_ms`` for the sound server."""
    try:
        importlib.import_module("PySide6.QtMultimedia")
    except (ImportError, OSError) as exc:  # QtMultimedia needs libpulse.so.0 at import on Linux
        raise _Unavailable(NO_SOUND, f"QtMultimedia cannot be imported: {exc}", final=True) from exc
    try:
        pcm = {name: _read_pcm(resource_path("sounds", file_name)) for name, file_name in SOUND_FILES.items()}
    except (OSError, EOFError, ValueError, wave.Error) as exc:
        raise _Unavailable(NO_SOUND, f"the cue sounds cannot be read: {exc}", final=True) from exc
    output = _SoundThread(pcm)
    found = output.wait_ready(timeout_ms)
    if found == "no-device":
        raise _Unavailable(NO_SOUND_DEVICE, "QMediaDevices lists no audio output (no sound server?)")
    if not found:
        raise _Unavailable(NO_SOUND, f"the sound server did not answer in {timeout_ms} ms", final=True)
    if found != "ok":
        raise _Unavailable(NO_SOUND, f"the audio output cannot be opened: {found}", final=True)
    return {name: _CueSound(output, name) for name in pcm}


def _speech_candidates(engine: str | None) -> list[str]:
    """The engine names to try in turn; raises _Unavailable when there is none to try.

    ``engine`` None takes ``HIPDESK_SPEECH_ENGINE`` from the environment when it is set (an engine
    name, or ``none`` for no speech), otherwise every engine the system lists but "mock".
    """
    if engine is None:
        engine = os.environ.get(SPEECH_ENGINE_VARIABLE) or None
    if engine == "none":
        raise _Unavailable(NO_SPEECH, f"speech turned off by {SPEECH_ENGINE_VARIABLE}=none", final=True)
    try:
        module = importlib.import_module("PySide6.QtTextToSpeech")
    except (ImportError, OSError) as exc:
        raise _Unavailable(NO_SPEECH, f"QtTextToSpeech cannot be imported: {exc}", final=True) from exc
    available = list(module.QTextToSpeech.availableEngines())  # plugin metadata only: no engine is loaded
    if engine is not None:
        candidates = [engine] if engine in available else []
    else:  # "mock" only pretends to speak: it is for tests, never picked on its own
        candidates = [name for name in available if name != "mock"]
    if not candidates:
        raise _Unavailable(NO_SPEECH, f"no usable engine among {available}", final=True)
    return candidates


class _Loader(QObject):
    """Posts ``setEngine`` to the speech thread's own event loop."""

    load = Signal(str)


def _speech_backend(name: str, parent: QObject) -> QTextToSpeech:
    """The one place a speech engine is made, inside the speech thread; ``parent`` lives there too.

    PySide keeps the interpreter lock while a Qt constructor runs, and the speechd engine's
    constructor can wait forever in ``spd_open``: built with a name, it would stop every thread.
    So the object starts on the mock engine (instant) and loads ``name`` through a queued
    ``setEngine``, which the thread's event loop runs in Qt's own code with the lock released.
    """
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts = QTextToSpeech("mock", parent)
    if name != "mock":
        loader = _Loader(parent)
        loader.load.connect(tts.setEngine, Qt.ConnectionType.QueuedConnection)
        loader.load.emit(name)
    return tts


class _SpeechLink(QObject):
    """The GUI side's end of the speech thread: commands go out as queued signals, answers come back."""

    load = Signal(str)
    speak = Signal(str)
    silence = Signal()
    volume = Signal(float)
    rate = Signal(float)
    ping = Signal(int)
    finish = Signal()
    answered = Signal(int, str, str, str)  # ask number, engine, state name, detail
    state = Signal(str)  # the engine's state name, as it changes
    failed = Signal(str)  # what the engine said went wrong
    voice = Signal(str)  # the voice the engine now uses
    word = Signal(str)  # the word the engine is saying


class _SpeechProbe(QObject):
    """Lives in the speech thread: passes the engine's signals on, and answers pings.

    A ping is answered once every command sent before it has returned, so an answer that does not
    come means the engine is stuck.
    """

    answered = Signal(int, str, str, str)
    state_changed = Signal(str)
    failed = Signal(str)
    voice_changed = Signal(str)
    word_said = Signal(str)
    set_locale = Signal(object)

    def __init__(self, engine: Any, parent: QObject) -> None:
        super().__init__(parent)
        self._engine = engine

    def ping(self, number: int) -> None:
        engine = self._engine
        state = engine.state()
        # what is read here the engine cached when it connected: no call to its server
        if number == _OPENED and state.name != "Error":
            english = _english_locale(engine)
            if english is not None:
                self.set_locale.emit(english)  # queued: the server call runs outside Python
        self.answered.emit(number, str(engine.engine()), state.name, str(engine.errorString()))

    def tell_state(self, state: Any) -> None:
        self.state_changed.emit(state.name)

    def tell_error(self, reason: Any, text: str) -> None:
        self.failed.emit(f"{text} ({getattr(reason, 'name', reason)})")

    def tell_voice(self, voice: Any) -> None:
        self.voice_changed.emit(str(voice.name()))

    def tell_word(self, word: str, *_: object) -> None:
        self.word_said.emit(word)


def _english_locale(engine: Any) -> Any:
    """An English locale the engine offers when its own is another language, else None.

    The cue lines are English, and with the locale unset the default voice is often another
    language. The system's own English comes first, then American and British English.
    """
    english = QLocale.Language.English
    if engine.locale().language() == english:
        return None
    offered = [locale for locale in engine.availableLocales() if locale.language() == english]
    wanted = [QLocale.Country.UnitedStates, QLocale.Country.UnitedKingdom]
    if QLocale.system().language() == english:
        wanted.insert(0, QLocale.system().territory())
    for territory in wanted:
        for locale in offered:
            if locale.territory() == territory:
                return locale
    return offered[0] if offered else None


_OPENED = 0  # the ping that follows loading an engine
_left_running: list[threading.Thread] = []  # speech and sound threads still stuck at close


def _leave_behind(thread: threading.Thread) -> None:
    """A thread stuck in its engine at close: the process must not wait for it when it exits."""
    _left_running.append(thread)
    process_exit.last(exit_if_speech_stuck)


def speech_left_running() -> bool:
    """True when a speech thread did not end at close: it is stuck inside the speech engine."""
    return any(thread.is_alive() for thread in _left_running)


def exit_if_speech_stuck(code: int) -> None:
    """End the process now when a speech thread is still stuck in its engine; return otherwise.

    Call it last, once everything is saved, closed and unlocked: the interpreter's own shutdown
    would wait on, or crash in, the engine's library.
    """
    if not speech_left_running():
        return
    logger.info("a speech engine is stuck in its server: HipDesk ends without waiting for it")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _run_speech_thread(link: _SpeechLink, name: str, closing: threading.Event) -> None:
    """The speech thread: builds the engine, then runs its commands until ``link.finish``."""
    here = QThread.currentThread()
    queued = Qt.ConnectionType.QueuedConnection
    loop = QEventLoop(here)
    link.finish.connect(loop.quit, queued)
    engine = _speech_backend(name, here)
    probe = _SpeechProbe(engine, here)
    # every command is queued, so it runs from the event loop in Qt's code, never inside Python
    link.load.connect(engine.setEngine, queued)
    link.speak.connect(engine.say, queued)
    link.silence.connect(engine.stop, queued)
    link.volume.connect(engine.setVolume, queued)
    link.rate.connect(engine.setRate, queued)
    link.ping.connect(probe.ping, queued)
    probe.set_locale.connect(engine.setLocale, queued)
    engine.stateChanged.connect(probe.tell_state)
    engine.errorOccurred.connect(probe.tell_error)
    engine.voiceChanged.connect(probe.tell_voice)
    engine.sayingWord.connect(probe.tell_word)
    probe.answered.connect(link.answered)
    probe.state_changed.connect(link.state)
    probe.failed.connect(link.failed)
    probe.voice_changed.connect(link.voice)
    probe.word_said.connect(link.word)
    link.ping.emit(_OPENED)  # queued behind the engine's own loading
    if not closing.is_set():  # given up on while the engine was being built: no loop to run
        loop.exec()
    engine.deleteLater()  # the engine's goodbye to its server runs here, not on the GUI thread
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _SpeechThread:
    """One speech engine in a thread of its own; the GUI side never waits on it.

    The thread is a Python daemon thread running a Qt event loop rather than a QThread: one that
    is stuck for good inside the engine can then be left behind when HipDesk quits, where a QThread
    still running at exit takes the whole process down.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        # the application owns the link, so it is let go on the GUI thread even when the speech
        # thread, which holds it too, ends long after its player is gone
        self.link = _SpeechLink(QCoreApplication.instance())
        self.closing = threading.Event()
        self.thread = threading.Thread(
            target=_run_speech_thread,
            args=(self.link, name, self.closing),
            name=f"speech-{name}",
            daemon=True,
        )
        self.started = time.monotonic()
        self.thread.start()

    def close(self, wait_ms: int) -> bool:
        """Ask the thread to end and wait at most ``wait_ms``; False when it is left running."""
        self.closing.set()
        self.link.finish.emit()
        if wait_ms > 0:
            self.thread.join(wait_ms / 1000)
        if self.thread.is_alive():
            _leave_behind(self.thread)
            if wait_ms > 0:
                logger.info("the speech thread (%s) did not end in %d ms: left behind", self.name, wait_ms)
            return False
        return True


def _linear_gain(volume: int) -> float:
    """The linear gain for a slider position 0..100, so equal steps sound like equal changes."""
    try:
        from PySide6.QtMultimedia import QtAudio

        scale = QtAudio.VolumeScale
        return float(
            QtAudio.convertVolume(volume / 100, scale.LogarithmicVolumeScale, scale.LinearVolumeScale)
        )
    except (ImportError, OSError):
        return (volume / 100) ** 3


class CuePlayer(QObject):
    """Plays engine cues as sounds and speech; each part that does not work is reported once.

    Call ``prepare()`` before a session: it loads the sounds and starts a speech engine in a thread
    of its own (``speech_changed`` fires when the engine is ready or has been dropped), then
    ``play(cue)`` for each cue. Nothing here waits on the speech engine: an engine that takes too
    long to load, whose ``say()`` does not return, or that stays "Speaking" with no end is dropped
    for good and reported once through ``unavailable``; sounds go on. ``history`` records what was
    really played or said, newest last: ``("sound", "tick")`` or ``("say", "Rest")``.
    """

    unavailable = Signal(str)  # one plain sentence for the user, at most once per missing part
    speech_changed = Signal()  # the speech engine became ready, or was dropped
    word_spoken = Signal(str)  # each word as the engine says it (where the engine tells)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        speech_engine: str | None = None,
        load_timeout_ms: int = LOAD_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._engine = speech_engine
        self._timeout_ms = load_timeout_ms
        self._effects: dict[str, Any] = {}
        self._volume = prefs.SESSION_VOLUME.default
        self._voice = prefs.SESSION_VOICE.default
        self._prepared = False
        self._problems: dict[str, str] = {}  # part -> the sentence for the user
        self._reported: set[str] = set()  # parts whose sentence was emitted
        self._final: set[str] = set()  # parts not worth probing again
        self._pending_text = ""
        self._speech_timer = QTimer(self)
        self._speech_timer.setSingleShot(True)
        self._speech_timer.timeout.connect(self._on_speech_timer_timeout)
        self.history: deque[tuple[str, str]] = deque(maxlen=64)
        # the speech engine, in its thread
        self._speech: _SpeechThread | None = None
        self._candidates: list[str] = []
        self._tried: list[str] = []
        self._speech_ready = False
        self._speech_engine = ""
        self._speaking = False  # the engine's last state was Speaking or Synthesizing
        self._asked = 0  # the number of the last ping sent
        self._late_line: tuple[str, float] | None = None  # asked for while the engine was loading
        self._answer_timer = self._watchdog(self._on_answer_timer_timeout)
        self._speaking_timer = self._watchdog(self._on_speaking_timer_timeout)

    def _watchdog(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    # -- set-up -------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load the cue sounds and start loading a speech engine; parts that already work are kept.

        Waits at most ``load_timeout_ms`` for the sounds and not at all for speech. Safe to call
        before every session: sound that failed for want of a device is tried again (one may have
        been plugged in); a sentence is never emitted a second time.
        """
        self.prepare_sound()
        self.prepare_speech()
        self._prepared = True

    def prepare_speech(self) -> None:
        """The speech half of ``prepare()``: start loading an engine in its own thread, and return."""
        if self._speech is None and "speech" not in self._final:
            try:
                self._candidates = _speech_candidates(self._engine)
            except _Unavailable as exc:
                self._speech_failed(exc.detail)
            else:
                self._open_next()

    def prepare_sound(self) -> None:
        """The sound half of ``prepare()``: load the cue sounds unless they work already."""
        if not self.sound_ok and "sound" not in self._final:
            try:
                self._effects = _load_effects(self, self._timeout_ms)
                self._problems.pop("sound", None)
                for effect in self._effects.values():
                    if isinstance(effect, _CueSound):  # one output for all: told once if it stops answering
                        effect.output.link.stuck.connect(self._on_sound_stuck)
                        break
                self._apply_volume()
            except _Unavailable as exc:
                self._effects = {}
                self._report("sound", exc.sentence, exc.detail, exc.final)

    def _on_sound_stuck(self, detail: str) -> None:
        """The sound thread stopped answering: sound is off for this run, and the runner is told once."""
        self._effects = {}
        self._report("sound", NO_SOUND, detail, True)

    def apply_settings(self, settings: QSettings | None = None) -> None:
        """Take the volume and the voice switch from the saved session settings."""
        self.set_volume(prefs.SESSION_VOLUME.get(settings))
        self.set_voice(prefs.SESSION_VOICE.get(settings))

    @property
    def prepared(self) -> bool:
        return self._prepared

    @property
    def sound_ok(self) -> bool:
        return bool(self._effects)

    @property
    def speech_ok(self) -> bool:
        """A speech engine is loaded and answering."""
        return self._speech_ready

    @property
    def speech_engine(self) -> str:
        """The name of the speech engine in use ("speechd", "mock", ...), or "" when there is none."""
        return self._speech_engine if self._speech_ready else ""

    @property
    def speech_pending(self) -> bool:
        """A speech engine is still loading."""
        return self._speech is not None and not self._speech_ready

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def voice(self) -> bool:
        return self._voice

    def unavailable_text(self) -> str:
        """One sentence on what does not work after ``prepare()``, or "" when sound and speech both do."""
        if "sound" in self._problems and "speech" in self._problems:
            return NOTHING_WORKS
        return self._problems.get("sound") or self._problems.get("speech") or ""

    def set_volume(self, volume: int) -> None:
        """The loudness of sounds and speech, 0 (silent) to 100."""
        self._volume = max(0, min(100, int(volume)))
        self._apply_volume()

    def set_voice(self, on: bool) -> None:
        """Speak the cues (on) or only play their sounds (off); turning it off stops the speech."""
        self._voice = bool(on)
        if not self._voice:
            self._stop_speech()

    # -- output -------------------------------------------------------------------------------------

    def play(self, cue: Cue) -> None:
        """Play one engine cue.

        COUNTDOWN ticks and GO plays the start sound, silently; REST and FINISHED play their sound,
        then speak their text; ANNOUNCE, NEXT, SWITCH_SIDES and HALFWAY only speak; REP speaks the
        rep number. With the voice off only the sounds play; a missing part is simply skipped.
        """
        sound = _SOUND_FOR.get(cue.kind)
        played = self.play_sound(sound) if sound else False
        if not self._voice:
            return
        text = self._spoken_text(cue)
        if text:
            self._speak(text, SPEECH_AFTER_SOUND_MS if played else 0)

    def play_sound(self, name: str) -> bool:
        """Play one cue sound by name ("tick", "go", "rest", "finish"); False when sound is unavailable."""
        effect = self._effects.get(name)
        if effect is None:
            return False
        effect.play()
        self.history.append(("sound", name))
        return True

    def say(self, text: str) -> bool:
        """Speak ``text`` now, cutting off the previous line, even with the voice off (a test button)."""
        self._speech_timer.stop()
        return self._say_now(text)

    def stop(self) -> None:
        """Silence everything at once: sounds, the current line and a line waiting for its turn."""
        self._stop_speech()
        for effect in self._effects.values():
            effect.stop()

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> None:
        """Let go of the sound and the speech engine while the event loop still runs.

        Left to the end of the process, the audio backend's objects are torn down from the wrong
        thread and the process can spin instead of exiting; call this before the application quits.
        The speech thread gets ``wait_ms`` to end; one stuck in its engine is left behind.
        """
        self.stop()
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects = {}
        self._close_speech(wait_ms)

    # -- inside: speech -----------------------------------------------------------------------------

    @staticmethod
    def _spoken_text(cue: Cue) -> str:
        if cue.kind is CueKind.REP:
            return str(cue.count) if cue.count is not None else ""
        if cue.kind in _SPOKEN:
            return cue.text or ""
        return ""

    def _open_next(self) -> None:
        """Start the next candidate engine in a new thread; its first answer says whether it works."""
        name = self._candidates.pop(0)
        speech = _SpeechThread(name)
        link = speech.link
        link.answered.connect(self._on_link_answered)
        link.state.connect(self._on_link_state)
        link.failed.connect(self._on_link_failed)
        link.voice.connect(self._on_link_voice)
        link.word.connect(self.word_spoken)
        self._speech = speech
        self._asked = _OPENED
        self._answer_timer.start(OPEN_TIMEOUT_MS)

    def _ask(self) -> None:
        """Ping the engine after a command; no answer within ANSWER_TIMEOUT_MS means it is stuck."""
        if self._speech is None:
            return
        self._asked += 1
        self._speech.link.ping.emit(self._asked)
        if not self._answer_timer.isActive():  # the oldest unanswered command sets the deadline
            self._answer_timer.start(ANSWER_TIMEOUT_MS)

    def _on_link_answered(self, number: int, engine: str, state: str, detail: str) -> None:
        if self._speech is None or self.sender() is not self._speech.link:
            return  # a thread already given up on
        if number == self._asked:
            self._answer_timer.stop()
        if number != _OPENED:
            return
        if state == "Error":
            self._tried.append(f"{engine}: {detail or 'it does not load'}")
            self._close_speech()
            if self._candidates:
                self._open_next()
            else:
                self._speech_failed("; ".join(self._tried))
            return
        assert self._speech is not None
        took_ms = (time.monotonic() - self._speech.started) * 1000
        logger.info("speech engine %r ready in %.0f ms", engine, took_ms)
        self._speech_ready = True
        self._speech_engine = engine
        self._problems.pop("speech", None)
        link = self._speech.link
        link.rate.emit(SPEECH_RATE)
        link.volume.emit(self._volume / 100)
        self.speech_changed.emit()
        late, self._late_line = self._late_line, None
        if late is not None and self._voice and time.monotonic() - late[1] < LATE_LINE_MS / 1000:
            self._say_now(late[0])

    def _on_link_state(self, state: str) -> None:
        if self._speech is None or self.sender() is not self._speech.link:
            return
        self._speaking = state in ("Speaking", "Synthesizing")
        if not self._speaking:
            self._speaking_timer.stop()
        if state == "Error" and self._speech_ready:
            self._drop_speech("the speech engine went into its error state")

    def _on_link_failed(self, detail: str) -> None:
        logger.info("speech engine error: %s", detail)

    def _on_link_voice(self, voice: str) -> None:
        logger.info("speech voice: %s", voice)

    def _on_answer_timer_timeout(self) -> None:
        if self._speech is None:
            return
        if not self._speech_ready:
            self._tried.append(f"{self._speech.name}: not loaded within {OPEN_TIMEOUT_MS} ms")
            self._close_speech()
            self._speech_failed("; ".join(self._tried), stopped=False)
        else:
            self._drop_speech(f"a command to the engine did not return within {ANSWER_TIMEOUT_MS} ms")

    def _on_speaking_timer_timeout(self) -> None:
        if self._speaking and self._speech_ready:
            self._drop_speech("the engine stayed Speaking with no end")

    def _drop_speech(self, detail: str) -> None:
        """Give up on an engine that stopped answering: for the rest of this run, cues go on without it."""
        self._close_speech()
        self._speech_failed(detail, stopped=True)

    def _speech_failed(self, detail: str, *, stopped: bool = False) -> None:
        if stopped:
            sentence = SPEECH_STOPPED if self.sound_ok else SPEECH_STOPPED_NO_SOUND
        else:
            sentence = NO_SPEECH if self.sound_ok else NO_SPEECH_NO_SOUND
        self._report("speech", sentence, detail, final=True)
        self.speech_changed.emit()

    def _close_speech(self, wait_ms: int = 0) -> None:
        """Let the speech thread go; only quitting (``close()``) waits for it, and then not for long."""
        speech, self._speech = self._speech, None
        self._speech_ready = False
        self._speaking = False
        self._late_line = None
        self._answer_timer.stop()
        self._speaking_timer.stop()
        if speech is not None:
            speech.link.answered.disconnect(self._on_link_answered)
            speech.link.state.disconnect(self._on_link_state)
            speech.close(wait_ms)

    def _speak(self, text: str, delay_ms: int) -> None:
        self._speech_timer.stop()
        if self.speech_pending:
            self._late_line = (text, time.monotonic())
            return
        if not self.speech_ok:
            return
        if delay_ms <= 0:
            self._say_now(text)
            return
        self._pending_text = text
        self._speech_timer.start(delay_ms)

    def _on_speech_timer_timeout(self) -> None:
        text, self._pending_text = self._pending_text, ""
        if text and self._voice:
            self._say_now(text)

    def _say_now(self, text: str) -> bool:
        if not self.speech_ok or not text or self._speech is None:
            return False
        link = self._speech.link
        if self._speaking:
            link.silence.emit()  # no backlog: the newest cue wins
        link.speak.emit(text)
        logger.info("saying %r", text)
        self._ask()
        self._speaking = True  # until the engine says otherwise
        self._speaking_timer.start(SPEAKING_BASE_MS + SPEAKING_PER_WORD_MS * len(text.split()))
        self.history.append(("say", text))
        return True

    def _stop_speech(self) -> None:
        self._speech_timer.stop()
        self._pending_text = ""
        self._late_line = None
        if self.speech_ok and self._speech is not None and self._speaking:
            self._speech.link.silence.emit()
            self._ask()

    def _apply_volume(self) -> None:
        if self._effects:
            gain = _linear_gain(self._volume)
            for effect in self._effects.values():
                effect.setVolume(gain)
        if self._speech is not None and self._speech_ready:
            self._speech.link.volume.emit(self._volume / 100)

    def _report(self, part: str, sentence: str, detail: str, final: bool = False) -> None:
        logger.info("%s is unavailable: %s", part, detail)
        self._problems[part] = sentence
        if final:
            self._final.add(part)
        if part not in self._reported:
            self._reported.add(part)
            logger.info("telling the user: %s", sentence)
            self.unavailable.emit(sentence)


# -- the screen saver ---------------------------------------------------------------------------------

SCREENSAVER_SERVICE = "org.freedesktop.ScreenSaver"
SCREENSAVER_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
DBUS_TIMEOUT_MS = 2000


@dataclass
class _Inhibition:
    """What releasing needs, kept apart from the inhibitor so a finalizer can release without it."""

    interface: Any = None
    cookie: int | None = None


def _uninhibit(hold: _Inhibition) -> bool:
    interface, cookie = hold.interface, hold.cookie
    hold.interface, hold.cookie = None, None
    if interface is None or cookie is None or QCoreApplication.instance() is None:
        return False
    try:
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusMessage

        # UnInhibit takes a D-Bus uint32. A Python int goes out as int32, which strict services
        # (KDE's, GNOME's) refuse; the interface's introspected method converts the cookie for us.
        if QMetaObject.invokeMethod(
            interface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        ):
            error = interface.lastError()
            ok = not error.isValid()
            message = error.message()
        else:  # the service gave no introspection data: try the plain call
            reply = interface.call("UnInhibit", cookie)
            ok = reply.type() == QDBusMessage.MessageType.ReplyMessage
            message = reply.errorMessage()
    except RuntimeError as exc:  # the Qt objects are gone already (shut-down)
        logger.info("could not release the screen saver: %s", exc)
        return False
    if ok:
        logger.info("screen saver released (cookie %s)", cookie)
    else:
        logger.info("releasing the screen saver failed: %s", message)
    return ok


class ScreenSaverInhibitor:
    """Keeps the screen from blanking during a session through org.freedesktop.ScreenSaver on D-Bus.

    Without a session bus or the service (Windows, macOS, a bare X server) both methods are quiet
    no-ops that return False. The hold is also released when the application quits or this object
    is collected.
    """

    def __init__(self, connection: QDBusConnection | None = None, application_name: str = "") -> None:
        self._connection = connection
        self._application_name = application_name
        self._hold = _Inhibition()
        self._watching_quit = False
        finalizer = weakref.finalize(self, _uninhibit, self._hold)
        finalizer.atexit = False  # at interpreter exit Qt may be torn down already

    @property
    def active(self) -> bool:
        return self._hold.cookie is not None

    def inhibit(self, reason: str) -> bool:
        """Ask the desktop not to blank the screen; True when it agreed (or already had)."""
        if self.active:
            return True
        try:
            qtdbus = importlib.import_module("PySide6.QtDBus")
        except (ImportError, OSError) as exc:
            logger.info("no QtDBus: the screen saver is left alone (%s)", exc)
            return False
        bus = self._connection if self._connection is not None else qtdbus.QDBusConnection.sessionBus()
        if not bus.isConnected():
            logger.info(
                "no D-Bus session bus: the screen saver is left alone (%s)", bus.lastError().message()
            )
            return False
        registered = bus.interface().isServiceRegistered(SCREENSAVER_SERVICE)
        if not registered.isValid() or not registered.value():
            logger.info(
                "no %s service on the session bus: the screen saver is left alone", SCREENSAVER_SERVICE
            )
            return False
        name = self._application_name or QCoreApplication.applicationName() or APP_NAME
        for path in SCREENSAVER_PATHS:
            interface = qtdbus.QDBusInterface(SCREENSAVER_SERVICE, path, SCREENSAVER_SERVICE, bus)
            interface.setTimeout(DBUS_TIMEOUT_MS)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", name, reason)
            if reply.type() == qtdbus.QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._hold.interface, self._hold.cookie = interface, int(reply.arguments()[0])
                self._release_on_quit()
                logger.info("screen saver inhibited at %s (cookie %s)", path, self._hold.cookie)
                return True
            logger.info("Inhibit at %s failed: %s", path, reply.errorMessage())
        return False

    def release(self) -> bool:
        """Let the screen blank again; False when nothing was held. Safe to call any number of times."""
        return _uninhibit(self._hold)

    def _release_on_quit(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._watching_quit:
            app.aboutToQuit.connect(functools.partial(_uninhibit, self._hold))
            self._watching_quit = True
