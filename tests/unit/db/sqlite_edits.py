"""Changes made to an SQLite file behind HipDesk's back, as another program or a damaged copy would."""

from __future__ import annotations

import shutil
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


def plain_copy(db_path: Path, target: Path) -> Path:
    """A copy of the closed data file at ``target``, in one file (no write-ahead log)."""
    shutil.copy(db_path, target)
    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    return target


def inner_page_damaged(path: Path) -> Path:
    """The end of the meta table's page overwritten: the header and the schema still read."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    data[root * page_size - 300 : root * page_size] = b"\xff" * 300
    path.write_bytes(bytes(data))
    return path
