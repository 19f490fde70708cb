"""PySide6 6.12 on Python 3.11 drops a reference to None on each void call; HipDesk must survive it."""

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
