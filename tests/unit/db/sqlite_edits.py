"""Changes made to an SQLite file behind HipDesk's back, as another program or a damaged copy would."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def edited(path: Path, *statements: str) -> Path:
    """``path`` after running ``statements`` on it (the file is made when missing)."""
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path
