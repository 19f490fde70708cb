"""The last steps before the process ends, once everything is saved, closed and unlocked.

A part that may leave something behind the interpreter's own shutdown would wait on (a speech
thread stuck in its engine) names its step here when that happens; ``hipdesk``'s entry point runs
the steps in that order and then exits. Nothing is looked up by module name.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

_steps: list[Callable[[int], None]] = []


def last(step: Callable[[int], None]) -> None:
    """Run ``step(exit_code)`` just before the process exits (each step once, in the order named)."""
    if step not in _steps:
        _steps.append(step)


def finish(code: int) -> NoReturn:
    """Run the last steps, then exit with ``code`` (a step may end the process itself)."""
    for step in list(_steps):
        step(code)
    sys.exit(code)
