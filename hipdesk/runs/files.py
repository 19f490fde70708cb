"""GPX, TCX and FIT files to :class:`Run` values.

XML is checked with defusedxml first: a document type declaration, an entity (the "billion laughs")
or an external entity is refused in one line before any other parser sees the file. GPX is read as
a stream, one track point at a time, so a file of any size is read in bounded memory.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from gpxpy.geo import haversine_distance

from hipdesk.runs.model import Run, RunFileError, kind_by_distance

# a pause longer than this between two points is not moving time
_PAUSE_S = 30.0
# slower than this between two points is standing, not running
_MOVING_M_PER_S = 0.5


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_events(path: Path) -> Iterator[Any]:
    """End events of the XML file's elements, refusing DTDs and entities; errors in one line."""
    try:
        for _event, elem in iterparse(str(path), events=("end",), forbid_dtd=True):
            yield elem
    except DefusedXmlException:
        raise RunFileError(f"{path.name}: refused, the file declares entities or a DTD") from None
    except SyntaxError as exc:  # ElementTree.ParseError
        raise RunFileError(f"{path.name}: not readable XML ({exc})") from None


def _time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class _Track:
    """Sums distance, moving time and climb over points fed one at a time."""

    def __init__(self) -> None:
        self.start: dt.datetime | None = None
        self.distance = 0.0
        self.moving = 0.0
        self.gain: float | None = None
        self._last: tuple[float, float, float | None, dt.datetime | None] | None = None

    def add(self, lat: float, lon: float, ele: float | None, when: dt.datetime | None) -> None:
        if when is not None and self.start is None:
            self.start = when
        last = self._last
        self._last = (lat, lon, ele, when)
        if last is None:
            return
        step = haversine_distance(last[0], last[1], lat, lon)
        self.distance += step
        if ele is not None and last[2] is not None:
            self.gain = (self.gain or 0.0) + max(0.0, ele - last[2])
        if when is not None and last[3] is not None:
            seconds = (when - last[3]).total_seconds()
            if 0 < seconds <= _PAUSE_S and step / seconds >= _MOVING_M_PER_S:
                self.moving += seconds

    def run(self, path: Path) -> Run:
        if self.start is None or self._last is None:
            raise RunFileError(f"{path.name}: no timed track points, so no run")
        return Run(
            self.start, self.distance, self.moving, self.gain, path.name, kind_by_distance(self.distance)
        )


def read_gpx(path: Path) -> Run:
    track = _Track()
    for elem in _xml_events(path):
        if _local_name(elem.tag) != "trkpt":
            continue
        try:
            lat, lon = float(elem.get("lat")), float(elem.get("lon"))
        except (TypeError, ValueError):
            raise RunFileError(f"{path.name}: a track point has no position") from None
        ele = when = None
        for child in elem:
            name = _local_name(child.tag)
            if name == "ele" and child.text:
                ele = _number(child.text)
            elif name == "time":
                when = _time(child.text)
        track.add(lat, lon, ele, when)
        elem.clear()  # the stream keeps nothing it has read
    return track.run(path)


def read_tcx(path: Path) -> Run:
    timer = 0.0  # the laps' TotalTimeSeconds, read in the checking pass
    for elem in _xml_events(path):
        if _local_name(elem.tag) == "TotalTimeSeconds" and elem.text:
            try:
                timer += float(elem.text)
            except ValueError:
                raise RunFileError(f"{path.name}: a lap's time is not a number") from None
    from tcxreader.tcxreader import TCXReader

    try:
        exercise = TCXReader().read(str(path), only_gps=False)
    except Exception as exc:  # tcxreader raises whatever its parsing meets
        raise RunFileError(f"{path.name}: not a TCX activity ({type(exc).__name__})") from None
    timed = [point.time for point in exercise.trackpoints if point.time is not None]
    if not timed:
        raise RunFileError(f"{path.name}: no timed track points, so no run")
    start = timed[0] if timed[0].tzinfo else timed[0].replace(tzinfo=dt.UTC)
    distance = float(exercise.distance or 0.0)
    moving = timer or (timed[-1] - timed[0]).total_seconds()
    gain = None if exercise.altitude_avg is None else float(exercise.ascent)
    return Run(start, distance, moving, gain, path.name, kind_by_distance(distance))


def read_fit(path: Path) -> Run:
    import fitdecode

    session: dict[str, Any] | None = None
    track = _Track()
    try:
        with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.ENABLED) as fit:
            for frame in fit:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                if frame.name == "session" and session is None:
                    session = {f.name: f.value for f in frame.fields}
                elif frame.name == "record":
                    values = {f.name: f.value for f in frame.fields}
                    lat, lon = values.get("position_lat"), values.get("position_long")
                    if lat is not None and lon is not None:
                        track.add(
                            lat * 180 / 2**31,
                            lon * 180 / 2**31,
                            values.get("altitude"),
                            values.get("timestamp"),
                        )
    except (fitdecode.FitError, OSError, ValueError, KeyError, TypeError) as exc:
        raise RunFileError(f"{path.name}: not a readable FIT file ({str(exc)[:80]})") from None
    if session is None:
        return track.run(path)
    start = session.get("start_time")
    distance = session.get("total_distance")
    if not isinstance(start, dt.datetime) or distance is None:
        raise RunFileError(f"{path.name}: the FIT session has no start time or distance")
    moving = session.get("total_timer_time") or session.get("total_elapsed_time") or track.moving
    gain = session.get("total_ascent")
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    return Run(
        start,
        float(distance),
        float(moving),
        None if gain is None else float(gain),
        path.name,
        kind_by_distance(float(distance)),
    )


def read_run_file(path: Path) -> Run:
    """The run in one GPX, TCX or FIT file; :class:`RunFileError` in one line for anything else."""
    suffix = path.suffix.lower()
    readers = {".gpx": read_gpx, ".tcx": read_tcx, ".fit": read_fit}
    if suffix not in readers:
        raise RunFileError(f"{path.name}: not a GPX, TCX or FIT file")
    if not path.is_file():
        raise RunFileError(f"{path.name}: no such file")
    if path.stat().st_size == 0:
        raise RunFileError(f"{path.name}: the file is empty")
    run = readers[suffix](path)
    if not math.isfinite(run.distance_m) or run.distance_m < 0 or not math.isfinite(run.moving_s):
        raise RunFileError(f"{path.name}: the distance or time cannot be right")
    return run
