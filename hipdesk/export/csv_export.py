"""The session history as a CSV file for a spreadsheet: one row per set record, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterable
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


def text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def row_cells(row: ExportRow) -> list[str]:
    s, r = row.session, row.set
    return [
        str(s.id),
        iso(s.started_at),
        iso(s.ended_at),
        s.status.value,
        text_cell(s.routine_name),
        _number(s.rpe),
        _number(s.discomfort_left),
        _number(s.discomfort_right),
        text_cell(s.notes),
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
        iso(r.started_at),
        iso(r.ended_at),
    ]


def write_csv(path: Path, rows: Iterable[ExportRow], protected: Protected | None = None) -> int:
    """Stream ``rows`` into ``path``; the file appears whole or not at all. Returns the rows written.

    UTF-8 with a byte-order mark, so that spreadsheets read names with accents right; CRLF line ends
    as RFC 4180 has them. Written as every export is (:mod:`hipdesk.export.safe_write`).
    """
    count = _write(path, HEADER, (row_cells(row) for row in rows), protected)
    logger.info("wrote %d set records to %s", count, path)
    return count


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
