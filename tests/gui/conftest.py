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
