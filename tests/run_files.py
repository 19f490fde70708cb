"""GPX, TCX and FIT files the tests write themselves, with known tracks."""

from __future__ import annotations

import datetime as dt
import struct
from pathlib import Path

START = dt.datetime(2026, 3, 29, 6, 30, tzinfo=dt.UTC)  # the morning New Zealand leaves summer time
STEP_DEG = 0.001  # northwards per point: 111.3 m with gpxpy's Earth radius
STEP_M = 6378137.0 * 3.141592653589793 / 180 * STEP_DEG


def track(
    points: int = 11, seconds: int = 30, climb: float = 5.0
) -> list[tuple[float, float, float, dt.datetime]]:
    return [
        (45.0 + i * STEP_DEG, 7.0, 100.0 + i * climb, START + dt.timedelta(seconds=i * seconds))
        for i in range(points)
    ]


def gpx_text(points: int = 11, start: dt.datetime = START) -> str:
    rows = "".join(
        f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><ele>{ele:.1f}</ele>'
        f"<time>{(start + (when - START)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for lat, lon, ele, when in track(points)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>Morning run</name><trkseg>{rows}</trkseg></trk></gpx>\n"
    )


def write_gpx(path: Path, points: int = 11, start: dt.datetime = START) -> Path:
    path.write_text(gpx_text(points, start), encoding="utf-8")
    return path


def write_tcx(path: Path, distance_m: float = 5000.0, seconds: int = 1500) -> Path:
    when = START.strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (START + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
    points = (
        f"<Trackpoint><Time>{when}</Time><Position><LatitudeDegrees>45.0</LatitudeDegrees>"
        "<LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>100</AltitudeMeters>"
        "<DistanceMeters>0</DistanceMeters></Trackpoint>"
        f"<Trackpoint><Time>{end}</Time><Position><LatitudeDegrees>45.045</LatitudeDegrees>"
        "<LongitudeDegrees>7.0</LongitudeDegrees></Position><AltitudeMeters>130</AltitudeMeters>"
        f"<DistanceMeters>{distance_m:.1f}</DistanceMeters></Trackpoint>"
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{when}</Id><Lap StartTime="{when}">'
        f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{distance_m:.1f}</DistanceMeters>"
        f"<Calories>300</Calories><Track>{points}</Track></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>\n",
        encoding="utf-8",
    )
    return path


# FIT: the profile's message and field numbers, base types and scales (FIT SDK, Profile.xlsx)
_FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip
_BASE = {"enum": (0x00, "B"), "uint16": (0x84, "H"), "sint32": (0x85, "i"), "uint32": (0x86, "I")}
FILE_ID = (0, [(0, "enum"), (1, "uint16"), (4, "uint32")])  # type, manufacturer, time_created
RECORD = (20, [(253, "uint32"), (0, "sint32"), (1, "sint32"), (2, "uint16"), (5, "uint32")])
# timestamp, start_time, sport, total_elapsed_time, total_timer_time, total_distance, total_ascent
SESSION = (
    18,
    [
        (253, "uint32"),
        (2, "uint32"),
        (5, "enum"),
        (7, "uint32"),
        (8, "uint32"),
        (9, "uint32"),
        (22, "uint16"),
    ],
)


def fit_crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def _fit_time(value: dt.datetime) -> int:
    return int((value - _FIT_EPOCH).total_seconds())


def _definition(local: int, message: tuple[int, list[tuple[int, str]]]) -> bytes:
    number, fields = message
    out = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    for field, base in fields:
        code, fmt = _BASE[base]
        out += struct.pack("<BBB", field, struct.calcsize(fmt), code)
    return out


def _data(local: int, message: tuple[int, list[tuple[int, str]]], values: list[int]) -> bytes:
    return bytes([local]) + b"".join(
        struct.pack("<" + _BASE[base][1], value) for (_f, base), value in zip(message[1], values, strict=True)
    )


def fit_bytes(
    start: dt.datetime = START,
    distance_m: float = 10_000.0,
    seconds: int = 3000,
    ascent: int = 42,
    points: int = 11,
) -> bytes:
    body = _definition(0, FILE_ID) + _data(0, FILE_ID, [4, 255, _fit_time(start)])
    body += _definition(1, RECORD)
    semicircles = 2**31 / 180
    for i, (lat, lon, ele, _when) in enumerate(track(points)):
        when = start + dt.timedelta(seconds=i * seconds // max(points - 1, 1))
        distance = distance_m * i / max(points - 1, 1)
        values = [
            _fit_time(when),
            round(lat * semicircles),
            round(lon * semicircles),
            round((ele + 500) * 5),
            round(distance * 100),
        ]
        body += _data(1, RECORD, values)
    end = start + dt.timedelta(seconds=seconds)
    body += _definition(2, SESSION)
    body += _data(
        2,
        SESSION,
        [
            _fit_time(end),
            _fit_time(start),
            1,
            seconds * 1000,
            seconds * 1000,
            round(distance_m * 100),
            ascent,
        ],
    )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    data = header + body
    return data + struct.pack("<H", fit_crc(data))


def write_fit(path: Path, **kwargs: object) -> Path:
    path.write_bytes(fit_bytes(**kwargs))  # type: ignore[arg-type]
    return path
