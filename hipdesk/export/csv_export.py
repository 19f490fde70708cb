"""The session history as a CSV file for a spreadsheet: one row per set record, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hipdesk.domain.history import ExportRow
from hipdesk.export.safe_write import Protected, safe_open
from hipdesk.runs.model import Run

logger = logging.getLogger(__name__)

HEADER = (
    "session_id",
    "session_started_at",
    "session_ended_at",
    "session_status",
    "routine",
    "effort",
    "discomfort_left",
    "discomfort_right",
    "session_notes",
    "item",
    "exercise_id",
    "exercise",
    "side",
    "set",
    "target_reps",
    "target_seconds",
    "actual_reps",
    "actual_seconds",
    "skipped",
    "set_started_at",
    "set_ended_at",
)

# A cell starting with one of these is a formula to a spreadsheet: user text gets a leading
# apostrophe so that a routine named "=HYPERLINK(...)" stays text (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def iso(value: dt.datetime | None) -> str:
    """ISO 8601 in local time with its UTC offset, to the second: ``2025-03-04T07:12:09+01:00``."""
    if value is None:
        return ""
    return value.astimezone().isoformat(timespec="seconds")


_BUCKET_S = 900  # the local offset is looked up once per quarter hour of UTC time


class LocalTimes:
    """:func:`iso` for many times in a row: the system's local offset is asked once per quarter hour
    (a quarter hour with a daylight-saving change in it is asked for each time, as :func:`iso` does)."""

    def __init__(self) -> None:
        self._zones: dict[int, dt.timezone | None] = {}

    def iso(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        bucket = int(value.timestamp() // _BUCKET_S)
        if bucket in self._zones:
            zone = self._zones[bucket]
        else:
            zone = self._zones[bucket] = self._zone(bucket)
        if zone is None:  # the offset changes inside this quarter hour
            return iso(value)
        return value.astimezone(zone).isoformat(timespec="seconds")

    @staticmethod
    def _zone(bucket: int) -> dt.timezone | None:
        first = dt.datetime.fromtimestamp(bucket * _BUCKET_S, dt.UTC).astimezone()
        last = dt.datetime.fromtimestamp((bucket + 1) * _BUCKET_S - 1, dt.UTC).astimezone()
        offset = first.utcoffset()
        return dt.timezone(offset) if offset is not None and offset == last.utcoffset() else None


def text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def row_cells(row: ExportRow, times: LocalTimes | None = None) -> list[str]:
    at = times.iso if times is not None else iso
    return _session_cells(row, at) + _set_cells(row, at)


def _session_cells(row: ExportRow, at: Callable[[dt.datetime | None], str]) -> list[str]:
    s = row.session
    return [
        str(s.id),
        at(s.started_at),
        at(s.ended_at),
        s.status.value,
        text_cell(s.routine_name),
        _number(s.rpe),
        _number(s.discomfort_left),
        _number(s.discomfort_right),
        text_cell(s.notes),
    ]


def _set_cells(row: ExportRow, at: Callable[[dt.datetime | None], str]) -> list[str]:
    r = row.set
    return [
        str(r.item_index + 1),
        r.exercise_id,
        text_cell(r.exercise_name),
        r.side.value,
        str(r.set_number),
        _number(r.target_reps),
        _number(r.target_s),
        _number(r.actual_reps),
        _number(r.actual_s),
        "yes" if r.skipped else "no",
        at(r.started_at),
        at(r.ended_at),
    ]


def write_csv(path: Path, rows: Iterable[ExportRow], protected: Protected | None = None) -> int:
    """Stream ``rows`` into ``path``; the file appears whole or not at all. Returns the rows written.

    UTF-8 with a byte-order mark, so that spreadsheets read names with accents right; CRLF line ends
    as RFC 4180 has them. Written as every export is (:mod:`hipdesk.export.safe_write`).
    """
    count = _write(path, HEADER, _export_cells(rows), protected)
    logger.info("wrote %d set records to %s", count, path)
    return count


def _export_cells(rows: Iterable[ExportRow]) -> Iterator[list[str]]:
    """Each row's cells; a session's own cells are made once for all its sets."""
    times = LocalTimes()
    session: tuple[object, list[str]] = (None, [])
    for row in rows:
        if session[0] is not row.session:
            session = (row.session, _session_cells(row, times.iso))
        yield session[1] + _set_cells(row, times.iso)


RUNS_HEADER = ("started_at", "kind", "distance_km", "moving_s", "elevation_gain_m", "source")


def write_runs_csv(path: Path, runs: Iterable[Run], protected: Protected | None = None) -> int:
    """The runs, one row each, written as :func:`write_csv` writes the sets. Returns the rows written."""
    cells = (
        [
            iso(run.started_at),
            run.kind.value,
            f"{run.km:.3f}",
            f"{run.moving_s:.0f}",
            "" if run.elevation_gain_m is None else f"{run.elevation_gain_m:.0f}",
            text_cell(run.source),
        ]
        for run in runs
    )
    return _write(path, RUNS_HEADER, cells, protected)


def _write(
    path: Path, header: Iterable[str], rows: Iterable[Iterable[object]], protected: Protected | None
) -> int:
    count = 0
    with safe_open(path, protected) as handle:
        out = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for cells in rows:
            writer.writerow(cells)
            count += 1
        out.flush()
        out.detach()  # the handle stays open for safe_open to sync and rename
    return count
