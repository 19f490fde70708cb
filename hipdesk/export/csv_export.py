"""The session history as a CSV file for a spreadsheet: one row per set record, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from hipdesk.domain.history import ExportRow, ExportRows, StoredBlock, stored_utc
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
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_SECOND = dt.timedelta(seconds=1)
_DAY_S = 86400
_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()
_CLOCK_MINUTES = tuple(f"{m // 60:02d}:{m % 60:02d}:" for m in range(24 * 60))  # "HH:MM:" of each minute
_CLOCK_SECONDS = tuple(f"{s:02d}" for s in range(60))


class LocalTimes:
    """:func:`iso` for many times in a row: the system's local offset is asked once per quarter hour
    (a quarter hour with a daylight-saving change in it is asked for each time, as :func:`iso` does),
    and the text is made from whole seconds, each local day's date written once."""

    def __init__(self) -> None:
        self._zones: dict[int, tuple[int, str] | None] = {}
        self._days: dict[int, str] = {}

    def iso(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        if value.tzinfo is None:
            return iso(value)
        seconds = (value - _EPOCH) // _SECOND  # whole seconds, as timespec="seconds" cuts them
        bucket = seconds // _BUCKET_S
        if bucket in self._zones:
            zone = self._zones[bucket]
        else:
            zone = self._zones[bucket] = self._zone(bucket)
        if zone is None:  # the offset changes inside this quarter hour
            return iso(value)
        offset, suffix = zone
        day, second = divmod(seconds + offset, _DAY_S)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = dt.date.fromordinal(day + _ORDINAL_1970).isoformat() + "T"
        minute, second = divmod(second, 60)
        return date + _CLOCK_MINUTES[minute] + _CLOCK_SECONDS[second] + suffix

    @staticmethod
    def _zone(bucket: int) -> tuple[int, str] | None:
        """The offset in seconds and as isoformat writes it, when one offset holds the whole quarter."""
        first = dt.datetime.fromtimestamp(bucket * _BUCKET_S, dt.UTC).astimezone()
        last = dt.datetime.fromtimestamp((bucket + 1) * _BUCKET_S - 1, dt.UTC).astimezone()
        offset = first.utcoffset()
        if offset is None or offset != last.utcoffset() or offset % _SECOND:
            return None
        return offset // _SECOND, first.isoformat(timespec="seconds")[19:]


def text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if type(value) is int:  # the common case first: counts and targets
        return str(value)
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
    cells = _stored_cells(rows.blocks()) if isinstance(rows, ExportRows) else _export_cells(rows)
    count = _write(path, HEADER, cells, protected)
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


def _stored_cells(blocks: Iterable[StoredBlock]) -> Iterator[list[object]]:
    """The cells of :func:`row_cells` made straight from the stored rows (SESSION_COLUMNS and
    SET_COLUMNS), two objects fewer per set: whole numbers and empty cells go to the CSV writer as
    they are (it writes them as ``str`` and as nothing, as :func:`_number` does)."""
    times = LocalTimes()
    at = times.iso
    names: dict[object, str] = {}
    for head, lines in blocks:
        _id, routine, started, ended, status, rpe, left, right, notes = head
        session = [
            _id, at(stored_utc(started)), at(stored_utc(ended)), status, text_cell(str(routine)),
            _number(rpe), _number(left), _number(right), text_cell(str(notes)),
        ]  # fmt: skip
        for line in lines:
            _sid, slug, name, side, number, item, t_reps, t_s, a_reps, a_s, skipped, s_at, e_at = line
            shown = names.get(name)
            if shown is None:
                shown = names[name] = text_cell(str(name))
            yield session + [
                item + 1, slug, shown, side, number, _number(t_reps), _number(t_s), _number(a_reps),
                _number(a_s), "yes" if skipped else "no", at(stored_utc(s_at)), at(stored_utc(e_at)),
            ]  # fmt: skip


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
        lines = io.StringIO()  # rows gathered and encoded a thousand at a time
        writer = csv.writer(lines, lineterminator="\r\n")
        writer.writerow(header)
        for cells in rows:
            writer.writerow(cells)
            count += 1
            if count % 1000 == 0:
                out.write(lines.getvalue())
                lines.seek(0)
                lines.truncate()
        out.write(lines.getvalue())
        out.flush()
        out.detach()  # the handle stays open for safe_open to sync and rename
    return count
