"""The CSV export: a header, one row per set record, ISO 8601 dates, user text kept as text, atomic."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest

from hipdesk.cli import main
from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.history import ExportRow, SessionSummary, SetLine
from hipdesk.domain.model import Routine, SessionStatus, SetRecord, Side
from hipdesk.export.csv_export import HEADER, write_csv

START = dt.datetime(2025, 3, 4, 6, 12, 9, 500000, tzinfo=dt.UTC)


def _row(n: int = 1, routine: str = "Hips", notes: str = "", skipped: bool = False) -> ExportRow:
    session = SessionSummary(n, routine, START, START + dt.timedelta(minutes=20), SessionStatus.FINISHED, rpe=6,
                             discomfort_left=1, discomfort_right=3, notes=notes)  # fmt: skip
    line = SetLine(n, "clamshell", "Clamshell", Side.LEFT, 2, 0, 15, None, None if skipped else 14,
                   None if skipped else 41.25, skipped, START, START + dt.timedelta(seconds=41))  # fmt: skip
    return ExportRow(session, line)


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read UTF-8 right
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_a_header_and_one_row_per_set(tmp_path: Path) -> None:
    from tests.zone import local_zone

    out = tmp_path / "h.csv"
    with local_zone("Pacific/Auckland"):
        assert write_csv(out, [_row(1), _row(2, skipped=True)]) == 2
    rows = _read(out)
    assert list(rows[0]) == list(HEADER)
    first = rows[0]
    assert first["exercise_id"] == "clamshell" and first["side"] == "left" and first["set"] == "2"
    assert (
        first["target_reps"] == "15" and first["actual_reps"] == "14" and first["actual_seconds"] == "41.25"
    )
    assert first["effort"] == "6" and first["discomfort_right"] == "3" and first["skipped"] == "no"
    assert rows[1]["skipped"] == "yes" and rows[1]["actual_reps"] == "" and rows[1]["target_seconds"] == ""
    # the runner's own clock time with its offset (06:12 UTC is 19:12 in Auckland's summer), to the second
    assert first["session_started_at"] == "2025-03-04T19:12:09+13:00"
    assert first["session_ended_at"] == "2025-03-04T19:32:09+13:00"
    assert first["set_started_at"] == "2025-03-04T19:12:09+13:00"
    assert first["set_ended_at"] == "2025-03-04T19:12:50+13:00"


def test_user_text_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "h.csv"
    write_csv(out, [_row(routine='=HYPERLINK("http://x")', notes='Tight, "left"\nbetter after')])
    (row,) = _read(out)
    assert row["routine"] == '\'=HYPERLINK("http://x")'  # never a formula in a spreadsheet
    assert row["session_notes"] == 'Tight, "left"\nbetter after'


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "h.csv"
    out.write_text("old", encoding="utf-8")

    def broken():
        yield _row(1)
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_csv(out, broken())
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["h.csv"]
    with pytest.raises(HipDeskError, match="does not exist"):
        write_csv(tmp_path / "missing" / "h.csv", [])


def test_cli_export_csv_every_set_record(repo, tmp_path: Path, capsys) -> None:
    routine: Routine = repo.routines()[0]
    session_id = repo.start_session(routine, START)
    for n in (1, 2):
        repo.record_set(session_id, SetRecord(routine.items[0].exercise_id, Side.BOTH, n, target_reps=10,
                                              actual_reps=10, actual_s=30.0, started_at=START), "Glute Bridge")  # fmt: skip
    repo.finish_session(session_id, SessionStatus.FINISHED, START + dt.timedelta(minutes=5), notes="ok")
    running = repo.start_session(routine, START + dt.timedelta(days=1))
    repo.record_set(
        running, SetRecord(routine.items[0].exercise_id, Side.BOTH, 1, skipped=True), "Glute Bridge"
    )
    repo.db.close()
    out = tmp_path / "history.csv"
    code = main(["export", "csv", "-o", str(out)])
    assert code == 0
    assert "3 set records" in capsys.readouterr().out
    rows = _read(out)
    assert [r["session_status"] for r in rows] == ["finished", "finished", "running"]
    assert [r["set"] for r in rows] == ["1", "2", "1"]
    assert rows[0]["routine"] == routine.name and rows[0]["session_notes"] == "ok"


def test_cli_export_csv_to_a_missing_folder_is_one_line(tmp_path: Path, capsys) -> None:
    code = main(["export", "csv", "-o", str(tmp_path / "nope" / "h.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("hipdesk: ") and err.count("\n") == 1


def test_times_around_a_daylight_saving_change_keep_their_own_offsets(monkeypatch) -> None:
    """Auckland leaves daylight saving at 03:00 NZDT on 6 April 2025 (14:00 UTC on the 5th): the
    quarter-hour offset cache gives each time the offset it really had."""
    from hipdesk.export.csv_export import LocalTimes
    from tests.zone import local_zone

    with local_zone("Pacific/Auckland"):
        times = LocalTimes()
        change = dt.datetime(2025, 4, 5, 14, 0, tzinfo=dt.UTC)
        seen = [times.iso(change + dt.timedelta(minutes=m)) for m in (-20, -1, 0, 7, 20)]
        seen.append(times.iso(dt.datetime(2025, 4, 5, 13, 50, 30, tzinfo=dt.UTC)))  # cached quarter again
        assert seen == [
            "2025-04-06T02:40:00+13:00",
            "2025-04-06T02:59:00+13:00",
            "2025-04-06T02:00:00+12:00",
            "2025-04-06T02:07:00+12:00",
            "2025-04-06T02:20:00+12:00",
            "2025-04-06T02:50:30+13:00",
        ]
        assert times.iso(None) == ""


def test_a_change_inside_a_quarter_hour_is_read_time_by_time() -> None:
    """A zone whose clocks go forward at 02:07 (01:07 UTC): both sides of the change inside one quarter."""
    from hipdesk.export.csv_export import LocalTimes
    from tests.zone import local_zone

    with local_zone("AAA-1BBB,M3.5.0/2:07:00,M10.5.0/3:07:00"):
        times = LocalTimes()
        at = dt.datetime(2025, 3, 30, 1, 6, tzinfo=dt.UTC)
        assert [times.iso(at), times.iso(at + dt.timedelta(minutes=2)), times.iso(at)] == [
            "2025-03-30T02:06:00+01:00",
            "2025-03-30T03:08:00+02:00",
            "2025-03-30T02:06:00+01:00",
        ]


def test_the_runs_as_csv_one_row_each_in_local_time(tmp_path: Path) -> None:
    from hipdesk.domain.model import RunKind
    from hipdesk.export.csv_export import RUNS_HEADER, write_runs_csv
    from hipdesk.runs.model import Run
    from tests.zone import local_zone

    runs = [
        Run(START, 10_123.4567, 3001.6, 87.5, "=evening.gpx", RunKind.LONG),
        Run(START + dt.timedelta(days=1), 5_000.0, 1500.0, None, "track.fit"),
    ]
    out = tmp_path / "runs.csv"
    with local_zone("Pacific/Auckland"):
        assert write_runs_csv(out, runs) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").split("\r\n") == [
        ",".join(RUNS_HEADER),
        "2025-03-04T19:12:09+13:00,long,10.123,3002,88,'=evening.gpx",
        "2025-03-05T19:12:09+13:00,easy,5.000,1500,,track.fit",
        "",
    ]


def test_one_rows_cells_in_local_time_with_or_without_the_offset_cache() -> None:
    from hipdesk.export.csv_export import LocalTimes, row_cells
    from tests.zone import local_zone

    row = _row(3, routine="+Hips", skipped=True)
    row = ExportRow(replace(row.session, ended_at=None), row.set)
    with local_zone("Pacific/Auckland"):
        plain, cached = row_cells(row), row_cells(row, LocalTimes())
    assert plain == cached
    assert dict(zip(HEADER, plain, strict=True)) == {
        **dict.fromkeys(HEADER, ""),
        "session_id": "3",
        "session_started_at": "2025-03-04T19:12:09+13:00",
        "session_status": "finished",
        "routine": "'+Hips",
        "effort": "6",
        "discomfort_left": "1",
        "discomfort_right": "3",
        "item": "1",
        "exercise_id": "clamshell",
        "exercise": "Clamshell",
        "side": "left",
        "set": "2",
        "target_reps": "15",
        "skipped": "yes",
        "set_started_at": "2025-03-04T19:12:09+13:00",
        "set_ended_at": "2025-03-04T19:12:50+13:00",
    }


def test_an_export_is_logged_with_its_count_and_file(tmp_path: Path, caplog) -> None:
    import logging

    caplog.set_level(logging.INFO, logger="hipdesk.export.csv_export")
    out = tmp_path / "h.csv"
    write_csv(out, [_row(1), _row(2)])
    assert f"wrote 2 set records to {out}" in [r.getMessage() for r in caplog.records]
