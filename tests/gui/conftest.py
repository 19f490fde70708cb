"""GUI test set-up: no guided session may outlive its test (its clock would write into the next one)."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _no_session_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    from hipdesk.views.session.driver import SessionDriver

    running = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, SessionDriver) and obj.timer.isActive():
                running.append(obj)
        except RuntimeError:  # a Python wrapper whose Qt object is already gone
            continue
    for driver in running:
        driver.timer.stop()
    assert not running, f"{request.node.name} left {len(running)} session(s) running"


def required_here() -> bool:
    """CI promises the sound and speech tools: there a missing one fails the test instead of skipping it."""
    return bool(os.environ.get("HIPDESK_REQUIRE_X") or os.environ.get("CI"))


def lacking(reason: str) -> None:
    """Skips the test for want of ``reason``; fails it in CI, which promises it."""
    (pytest.fail if required_here() else pytest.skip)(reason)


def need_tool(program: str, package: str) -> str:
    """The path of ``program``; skips the test (fails it in CI) when it is not installed."""
    path = shutil.which(program)
    if path is None:
        lacking(f"needs {program} (Debian: {package})")
    assert path is not None
    return path


@pytest.fixture
def tool() -> Callable[[str, str], str]:
    """``tool(program, package)``: the program's path, or a skip (a failure in CI) when it is missing."""
    return need_tool


@pytest.fixture
def lack() -> Callable[[str], None]:
    """``lack(reason)``: skip the test, or fail it in CI."""
    return lacking


@pytest.fixture
def pulse_server(tmp_path: Path) -> Iterator[str]:
    """A private PulseAudio with one null sink ("null"; its monitor is "null.monitor"), by address."""
    program = need_tool("pulseaudio", "pulseaudio")
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
        server.wait(timeout=10)
        pytest.fail("the private sound server did not start")
    yield f"unix:{socket}"
    server.terminate()
    server.wait(timeout=10)


class FakeEffect:
    """Stands in for a loaded QSoundEffect where the machine has no sound device."""

    def __init__(self) -> None:
        self.plays = 0
        self.stops = 0
        self.gain = 1.0

    def play(self) -> None:
        self.plays += 1

    def stop(self) -> None:
        self.stops += 1

    def setVolume(self, gain: float) -> None:
        self.gain = gain

    def deleteLater(self) -> None:
        pass


@pytest.fixture
def effects(monkeypatch: pytest.MonkeyPatch) -> dict[str, FakeEffect]:
    """Sound "works": prepare() gets one fake effect per cue sound."""
    from hipdesk.views.session import output as session_output

    made = {name: FakeEffect() for name in session_output.SOUND_FILES}
    monkeypatch.setattr(session_output, "_load_effects", lambda parent, timeout_ms: made)
    return made


@pytest.fixture
def main_window(qtbot, repo):
    """``main_window(page)``: HipDesk's window on the test's data, shown, on ``page`` when given."""
    from hipdesk.views.shell.main_window import MainWindow

    def show(page: str | None = None) -> MainWindow:
        win = MainWindow(repo)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        if page is not None:
            win.show_page(page)
        return win

    return show


@pytest.fixture
def silent_socket(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """``silent_socket(name)``: a Unix socket that takes every connection and never answers, as a
    server stuck for good does; closed when the test ends."""
    import socket
    import threading

    servers: list[socket.socket] = []
    held: list[socket.socket] = []
    done = threading.Event()
    threads: list[threading.Thread] = []

    def make(name: str) -> Path:
        path = tmp_path / name
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(8)
        server.settimeout(0.2)
        servers.append(server)

        def accept() -> None:
            while not done.is_set():
                try:
                    held.append(server.accept()[0])
                except TimeoutError:
                    continue
                except OSError:
                    return

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        threads.append(thread)
        return path

    yield make
    done.set()
    for thread in threads:
        thread.join(5)
    for conn in held + servers:
        conn.close()


@pytest.fixture
def fake_sessions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Guided sessions stand in by an empty window; returns the names of the routines started."""
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QWidget

    class FakeSession(QWidget):
        closed = Signal()

    started: list[str] = []
    monkeypatch.setattr(
        "hipdesk.views.session.launch.open_session",
        lambda repo, routine, **kwargs: started.append(routine.name) or FakeSession(),
    )
    return started


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """A session bus of our own (needs dbus-daemon: Debian package ``dbus-daemon``)."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    from PySide6.QtDBus import QDBusConnection

    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=tmp_path), encoding="utf-8")
    proc = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("unix:"), address
        bus = QDBusConnection.connectToBus(address, "hipdesk-test-bus")
        assert bus.isConnected(), bus.lastError().message()
        yield address, bus
    finally:
        QDBusConnection.disconnectFromBus("hipdesk-test-bus")
        proc.terminate()
        proc.wait(timeout=10)
