"""HipDesk: hip strength and mobility for runners, on the desktop."""

from __future__ import annotations

from hipdesk.qtfix import keep_none_alive

__version__ = "0.1.0"

keep_none_alive()  # before any PySide6 call in this process: see qtfix
