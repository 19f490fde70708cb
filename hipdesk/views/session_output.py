"""Turns session cues into sounds and speech, and keeps the screen awake while a session runs."""

from __future__ import annotations

import functools
import importlib
import logging
import os
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
    QEventLoop,
    QIODevice,
    QObject,
    QSettings,
    QTimer,
    Signal,
    SignalInstance,
)

from hipdesk.engine.cues import Cue, CueKind
from hipdesk.paths import APP_NAME
from hipdesk.resources import resource_path
from hipdesk.views import settings as prefs

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

logger = logging.getLogger(__name__)

SOUND_FILES = {"tick": "tick.wav", "go": "go.wav", "rest": "rest.wav", "finish": "finish.wav"}
SAMPLE_RATE = 44_100  # the cue files are 16-bit mono PCM at this rate
LOAD_TIMEOUT_MS = 1500  # the longest prepare() waits for the sounds to load
SPEECH_RATE = -0.15  # a little slower than the engine's normal pace: calm, easy to follow mid-exercise
SPEECH_AFTER_SOUND_MS = 250  # a cue with a sound and a line speaks once the sound has mostly rung out
TEST_SENTENCE = "Bird Dog. Get ready."
SPEECH_ENGINE_VARIABLE = "HIPDESK_SPEECH_ENGINE"  # an engine name, or "none"

NO_SOUND_DEVICE = "No sound device was found: HipDesk will show the cues on screen."
NO_SOUND = "Sound does not work on this system: HipDesk will show the cues on screen."
NO_SPEECH = "No speech engine works on this system: cues will be beeps and text."
NO_SPEECH_NO_SOUND = "No speech engine works on this system either: cues will be shown as text."
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


def _wait_until(done: Callable[[], bool], signals: list[SignalInstance], timeout_ms: int) -> bool:
    """Run a local event loop until ``done()`` holds (checked when a signal fires) or the time is up."""
    if done():
        return True
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def check(*_: object) -> None:
        if done():
            loop.quit()

    for signal in signals:
        signal.connect(check)
    try:
        timer.start(timeout_ms)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        timer.stop()
        for signal in signals:
            signal.disconnect(check)
    return done()


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


class _CueSound:
    """One cue sound on the shared sink; the same small interface as a QSoundEffect."""

    def __init__(self, sink: _CueSink, pcm: bytes) -> None:
        self._sink = sink
        self._pcm = pcm

    def play(self) -> None:
        self._sink.play(self._pcm)

    def stop(self) -> None:
        self._sink.stop()

    def setVolume(self, gain: float) -> None:  # noqa: N802 (as QSoundEffect)
        self._sink.sink.setVolume(gain)

    def deleteLater(self) -> None:  # noqa: N802 (as QSoundEffect)
        self._sink.stop()
        self._sink.sink.deleteLater()


def _read_pcm(path: Path) -> bytes:
    """The samples of one of HipDesk's cue files (16-bit mono PCM at SAMPLE_RATE)."""
    with wave.open(str(path), "rb") as wav:
        if (wav.getsampwidth(), wav.getnchannels(), wav.getframerate()) != (2, 1, SAMPLE_RATE):
            raise ValueError(f"{path.name} is not 16-bit mono PCM at {SAMPLE_RATE} Hz")
        return wav.readframes(wav.getnframes())


def _load_effects(parent: QObject, timeout_ms: int) -> dict[str, Any]:
    """The cue sounds, ready to play on one audio output; raises _Unavailable when sound cannot play."""
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
    except (ImportError, OSError) as exc:  # QtMultimedia needs libpulse.so.0 at import on Linux
        raise _Unavailable(NO_SOUND, f"QtMultimedia cannot be imported: {exc}", final=True) from exc
    if not multimedia.QMediaDevices.audioOutputs():
        raise _Unavailable(NO_SOUND_DEVICE, "QMediaDevices lists no audio output (no sound server?)")
    try:
        pcm = {name: _read_pcm(resource_path("sounds", file_name)) for name, file_name in SOUND_FILES.items()}
    except (OSError, EOFError, ValueError, wave.Error) as exc:
        raise _Unavailable(NO_SOUND, f"the cue sounds cannot be read: {exc}", final=True) from exc
    sink = _CueSink(multimedia, parent)
    return {name: _CueSound(sink, data) for name, data in pcm.items()}


def _open_speech(parent: QObject, engine: str | None) -> Any:
    """A working QTextToSpeech; raises _Unavailable (the detail only) when no engine works.

    ``engine`` None takes ``HIPDESK_SPEECH_ENGINE`` from the environment when it is set (an engine
    name, or ``none`` for no speech), otherwise the first working engine the system lists.
    """
    if engine is None:
        engine = os.environ.get(SPEECH_ENGINE_VARIABLE) or None
    if engine == "none":
        raise _Unavailable(NO_SPEECH, f"speech turned off by {SPEECH_ENGINE_VARIABLE}=none", final=True)
    try:
        module = importlib.import_module("PySide6.QtTextToSpeech")
    except (ImportError, OSError) as exc:
        raise _Unavailable(NO_SPEECH, f"QtTextToSpeech cannot be imported: {exc}", final=True) from exc
    tts_class = module.QTextToSpeech
    available = list(tts_class.availableEngines())
    if engine is not None:
        candidates = [engine] if engine in available else []
    else:  # "mock" only pretends to speak: it is for tests, never picked on its own
        candidates = [name for name in available if name != "mock"]
    tried = []
    for name in candidates:
        tts = tts_class(name, parent)
        # an engine can be listed yet fail to load (speechd without libspeechd or its daemon)
        if tts.state() == tts_class.State.Error:
            tried.append(f"{name}: {tts.errorString() or tts.errorReason().name}")
            tts.deleteLater()
            continue
        return tts
    raise _Unavailable(NO_SPEECH, "; ".join(tried) or f"no usable engine among {available}", final=True)


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

    Call ``prepare()`` before a session (it loads the sounds and finds a speech engine), then
    ``play(cue)`` for each cue. ``history`` records what was really played or said, newest last:
    ``("sound", "tick")`` or ``("say", "Rest")``.
    """

    unavailable = Signal(str)  # one plain sentence for the user, at most once per missing part

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
        self._tts: Any = None
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

    # -- set-up -------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load the cue sounds and find a speech engine; parts that already work are kept.

        Waits at most ``load_timeout_ms`` for the sounds. Safe to call before every session: sound
        that failed for want of a device is tried again (one may have been plugged in); a sentence
        is never emitted a second time.
        """
        if not self.sound_ok and "sound" not in self._final:
            try:
                self._effects = _load_effects(self, self._timeout_ms)
                self._problems.pop("sound", None)
                self._apply_volume()
            except _Unavailable as exc:
                self._effects = {}
                self._report("sound", exc.sentence, exc.detail, exc.final)
        if not self.speech_ok and "speech" not in self._final:
            try:
                self._tts = _open_speech(self, self._engine)
                self._problems.pop("speech", None)
                self._configure_speech()
            except _Unavailable as exc:
                self._tts = None
                sentence = NO_SPEECH if self.sound_ok else NO_SPEECH_NO_SOUND
                self._report("speech", sentence, exc.detail, exc.final)
        self._prepared = True

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
        if self._tts is None:
            return False
        return bool(self._tts.state() != type(self._tts).State.Error)

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

    def close(self) -> None:
        """Let go of the sound and speech objects while the event loop still runs.

        Left to the end of the process, the audio backend's objects are torn down from the wrong
        thread and the process can spin instead of exiting; call this before the application quits.
        """
        self.stop()
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects = {}
        if self._tts is not None:
            self._tts.deleteLater()
            self._tts = None

    # -- inside -------------------------------------------------------------------------------------

    @staticmethod
    def _spoken_text(cue: Cue) -> str:
        if cue.kind is CueKind.REP:
            return str(cue.count) if cue.count is not None else ""
        if cue.kind in _SPOKEN:
            return cue.text or ""
        return ""

    def _speak(self, text: str, delay_ms: int) -> None:
        self._speech_timer.stop()
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
        if not self.speech_ok or not text:
            return False
        state = type(self._tts).State
        if self._tts.state() in (state.Speaking, state.Synthesizing, state.Paused):
            self._tts.stop(type(self._tts).BoundaryHint.Immediate)  # no backlog: the newest cue wins
        self._tts.say(text)
        self.history.append(("say", text))
        return True

    def _stop_speech(self) -> None:
        self._speech_timer.stop()
        self._pending_text = ""
        if self.speech_ok:
            self._tts.stop(type(self._tts).BoundaryHint.Immediate)

    def _apply_volume(self) -> None:
        if self._effects:
            gain = _linear_gain(self._volume)
            for effect in self._effects.values():
                effect.setVolume(gain)
        if self._tts is not None:
            self._tts.setVolume(self._volume / 100)

    def _configure_speech(self) -> None:
        tts = self._tts
        tts.setRate(SPEECH_RATE)
        tts.setVolume(self._volume / 100)
        _prefer_english(tts)
        tts.errorOccurred.connect(self._on_tts_error_occurred)
        logger.info("speech engine %r ready (voice %r)", tts.engine(), tts.voice().name())

    def _on_tts_error_occurred(self, reason: object, text: str) -> None:
        detail = f"speech engine {self._tts.engine() if self._tts else '?'} failed: {text} ({reason})"
        if not self.speech_ok:
            self._tts.deleteLater()
            self._tts = None
            self._report("speech", NO_SPEECH if self.sound_ok else NO_SPEECH_NO_SOUND, detail, final=True)
        else:
            logger.info(detail)

    def _report(self, part: str, sentence: str, detail: str, final: bool = False) -> None:
        logger.info("%s is unavailable: %s", part, detail)
        self._problems[part] = sentence
        if final:
            self._final.add(part)
        if part not in self._reported:
            self._reported.add(part)
            self.unavailable.emit(sentence)


def _prefer_english(tts: Any) -> None:
    """The cue lines are English: use an English voice when the system's default language is another."""
    from PySide6.QtCore import QLocale

    english = QLocale.Language.English
    if tts.locale().language() == english:
        return
    for locale in tts.availableLocales():
        if locale.language() == english:
            tts.setLocale(locale)
            return


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
