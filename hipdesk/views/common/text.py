"""User text in places where Qt would guess at markup (tool tips): always shown as written."""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """Qt reads a tool tip that looks like HTML as HTML; escaping it in a paragraph shows it as typed."""
    return f"<p>{escape(text)}</p>"
