"""PySide6 6.12 on Python 3.11 drops a reference to None on each void call, and to True on each signal
emission; HipDesk must survive both."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import hipdesk
from PySide6.QtCore import QObject
o = QObject()
for _ in range(50_000):
    o.setObjectName("x")
print("alive")
"""


def test_many_void_qt_calls_do_not_abort_the_process() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"


EMITS = """
import hipdesk
from PySide6.QtCore import QObject, Signal
class Sender(QObject):
    changed = Signal(int)
o = Sender()
o.changed.connect(lambda value: None)
for n in range(50_000):
    o.changed.emit(n)
print("alive")
"""


def test_many_signal_emissions_do_not_abort_the_process() -> None:
    result = subprocess.run([sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
