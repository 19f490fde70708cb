"""GUI test set-up: no guided session may outlive its test (its clock would write into the next one)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_session_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    from hipdesk.views.session_driver import SessionDriver

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
    from hipdesk.views import session_output

    made = {name: FakeEffect() for name in session_output.SOUND_FILES}
    monkeypatch.setattr(session_output, "_load_effects", lambda parent, timeout_ms: made)
    return made
