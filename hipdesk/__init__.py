"""HipDesk: hip strength and mobility for runners, on the desktop."""

from __future__ import annotations

__version__ = "0.1.0"
