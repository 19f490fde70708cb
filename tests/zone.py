"""Run a piece of a test in another time zone: the runner's local days are not UTC days."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

FAR_ZONE = "Pacific/Auckland"  # UTC+12 in winter, +13 in summer: days start half a day before UTC's


@contextmanager
def local_zone(name: str = FAR_ZONE) -> Iterator[None]:
    """Python's and SQLite's local time follow ``name`` inside the block (TZ, then tzset)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
