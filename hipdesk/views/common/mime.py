"""The one MIME type HipDesk drags between its views, and its JSON payloads."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

MIME_TYPE = "application/x-hipdesk-dnd+json"

# payload kinds
EXERCISES = "exercises"  # {"ids": [exercise id, ...]}
ROUTINE_ITEMS = "routine-items"  # {"source": model token, "rows": [row, ...]}
ROUTINES = "routines"  # {"ids": [routine id, ...], "names": [...]}
PLANNED = "planned"  # {"source": model token, "entries": [[weekday, position], ...]}


def encode(kind: str, **payload: Any) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps({"kind": kind, **payload}).encode("utf-8"))
    return mime


def decode(mime: QMimeData | None, kind: str) -> dict[str, Any] | None:
    """The payload of ``kind`` carried by ``mime``, or None for anything else."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        data = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("kind") != kind:
        return None
    return data
