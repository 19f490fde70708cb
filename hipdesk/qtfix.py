"""Works around PySide6 6.12 on Python 3.11 releasing a reference to None on every void method call.

Each call such as ``QPainter.drawEllipse`` or ``QTimer.setInterval`` lowers ``None``'s reference count
by one; after a few thousand calls Python aborts with "none_dealloc: deallocating None". Every
``Signal.emit()`` does the same to ``True`` (the value it returns), which ends in "bool_dealloc:
deallocating True or False". Python 3.12+ makes these objects immortal, so nothing is needed there.
Here we give None, True and False reference counts so large they can never reach zero, once per
process; ``hipdesk/__init__.py`` does it on first import.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def keep_none_alive() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _done = True
