"""What an SQLite file is: HipDesk's own (by its mark and tables), a newer HipDesk's, or another program's.

HipDesk marks its files with ``PRAGMA application_id``. Files made before the mark existed (data
versions below ``MARKED_FROM``) are recognised by HipDesk's tables instead; the migration step to
``MARKED_FROM`` marks them. Anything else is another program's and is left untouched.
"""

from __future__ import annotations

import enum
import functools
import sqlite3
from contextlib import closing
from dataclasses import dataclass

APPLICATION_ID = 0x48697044  # "HipD"
MARKED_FROM = 3  # the data version from which every HipDesk file carries APPLICATION_ID


class Kind(enum.Enum):
    EMPTY = "empty"  # no tables at all: a new file HipDesk may set up
    OURS = "ours"
    NEWER = "newer"  # written by a newer HipDesk
    FOREIGN = "foreign"  # another program's SQLite file


@dataclass(frozen=True)
class Identity:
    kind: Kind
    version: int
    schema_problem: str | None  # for OURS: what is missing from the expected tables, if anything


@functools.cache
def _v1_columns() -> dict[str, frozenset[str]]:
    """The tables and columns every HipDesk file has had since data version 1."""
    from hipdesk.db.migrations import _V1

    with closing(sqlite3.connect(":memory:")) as con:
        for statement in _V1:
            con.execute(statement)
        return _columns(con)


@functools.cache
def _columns_at(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns of a file at an older data version: the migration steps up to it, run
    on an empty database in memory (a later step may drop a table, as version 5 did)."""
    from peewee import SqliteDatabase

    from hipdesk.db.migrations import STEPS

    db = SqliteDatabase(":memory:")
    try:
        for step_version, _what, step in STEPS:
            if step_version <= version:
                step(db)
        return _columns(db.connection())
    finally:
        db.close()


@functools.cache
def _latest_columns() -> dict[str, frozenset[str]]:
    """The tables and columns of a file at the latest data version, as the models define them."""
    from hipdesk.db import models

    found: dict[str, frozenset[str]] = {}
    for model in models.BaseModel.__subclasses__():
        meta = model._meta
        found[str(meta.table_name)] = frozenset(str(f.column_name) for f in meta.sorted_fields)
    return found


def _columns(con: sqlite3.Connection) -> dict[str, frozenset[str]]:
    query = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    tables = [str(row[0]) for row in con.execute(query)]
    return {t: frozenset(str(r[1]) for r in con.execute(f'PRAGMA table_info("{t}")')) for t in tables}


def schema_problem(found: dict[str, frozenset[str]], expected: dict[str, frozenset[str]]) -> str | None:
    """What the file lacks of the expected tables and columns (extra ones are allowed)."""
    for table in sorted(expected):
        if table not in found:
            return f"its table {table} is missing"
        missing = sorted(expected[table] - found[table])
        if missing:
            return f"its table {table} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    return None


def identify(con: sqlite3.Connection) -> Identity:
    """Read the mark, the data version and the schema (raises sqlite3.DatabaseError when unreadable)."""
    from hipdesk.db.migrations import LATEST

    version = int(con.execute("PRAGMA user_version").fetchone()[0])
    application_id = int(con.execute("PRAGMA application_id").fetchone()[0])
    found = _columns(con)
    if application_id == APPLICATION_ID:
        if version > LATEST:
            return Identity(Kind.NEWER, version, None)
        expected = _latest_columns() if version == LATEST else _columns_at(version)
        return Identity(Kind.OURS, version, schema_problem(found, expected))
    if application_id == 0 and version == 0 and not found:
        return Identity(Kind.EMPTY, 0, None)
    if application_id == 0 and 1 <= version < MARKED_FROM and set(_v1_columns()) <= set(found):
        return Identity(Kind.OURS, version, schema_problem(found, _v1_columns()))
    return Identity(Kind.FOREIGN, version, None)
