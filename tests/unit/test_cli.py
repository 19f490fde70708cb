from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk import __version__
from hipdesk.cli import main
from hipdesk.db import migrations

EXERCISE_KEYS = {
    "id",
    "name",
    "aliases",
    "kind",
    "position",
    "muscles",
    "equipment",
    "sidedness",
    "dosage",
    "frequency_per_week",
    "steps",
    "cues",
    "progressions",
    "source",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exercises_json(capsys) -> None:
    code, out, _ = run(capsys, "exercises", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 19
    for ex in data:
        assert EXERCISE_KEYS <= ex.keys()
        assert set(ex["muscles"]) == {"primary", "secondary"}
        assert ex["sidedness"] in {"bilateral", "each-side", "alternating"}
        assert set(ex["dosage"]) >= {"sets", "reps", "hold_s", "work_s", "rest_s"}
        assert {"title", "notes"} <= ex["source"].keys()
    donkey = next(ex for ex in data if ex["id"] == "donkey-kicks")
    assert donkey["dosage"]["sets"] == [2, 3] and donkey["dosage"]["reps"] == [10, 15]
    assert donkey["dosage"]["hold_s"] is None
    assert donkey["frequency_per_week"] == [2, 3]


def test_exercises_text(capsys) -> None:
    code, out, _ = run(capsys, "exercises")
    assert code == 0
    assert "Bird Dog" in out and "2–3 sets × 10–15 reps, alternating sides" in out
    assert len(out.splitlines()) == 19


def test_routines_json(capsys) -> None:
    code, out, _ = run(capsys, "routines", "--json")
    assert code == 0
    data = json.loads(out)
    assert [r["name"] for r in data][:3] == ["Run warm-up", "Hip strength", "Hip stretch"]
    for routine in data:
        assert routine["estimated_s"] > 0
        for item in routine["items"]:
            assert {
                "exercise_id",
                "sets",
                "reps",
                "hold_s",
                "work_s",
                "sides",
                "rest_s",
                "note",
                "section",
            } <= item.keys()
    strength = next(r for r in data if r["name"] == "Hip strength")
    assert strength["equipment"] == ["mat", "resistance-band", "step"]


def test_week_json(capsys) -> None:
    code, out, _ = run(capsys, "week", "--json")
    data = json.loads(out)
    assert code == 0 and [d["weekday"] for d in data] == list(range(7))
    assert data[6]["run"] == "long"
    assert {"name": "Hip strength", "time": "18:30", "deleted": False} in data[0]["routines"]


def test_db_option_and_env(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.sqlite"
    code, _, _ = run(capsys, "--db", str(other), "week")
    assert code == 0 and other.exists()


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_bad_usage_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


@pytest.mark.parametrize("kind", ["not-sqlite", "newer", "no-folder"])
def test_expected_errors_are_one_line_and_exit_1(kind: str, db_path: Path, capsys) -> None:
    if kind == "not-sqlite":
        db_path.write_bytes(b"\x00garbage" * 500)
    elif kind == "newer":
        with sqlite3.connect(db_path) as con:
            con.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
        con.close()
    else:
        db_path = db_path.parent / "missing" / "x.sqlite"
    before = db_path.read_bytes() if db_path.exists() else None
    code, out, err = run(capsys, "--db", str(db_path), "exercises")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("hipdesk: ")
    assert "Traceback" not in err
    if before is not None:
        assert db_path.read_bytes() == before


def test_real_process_reports_without_traceback(db_path: Path) -> None:
    db_path.write_text("hello")
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "routines"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("hipdesk: ") and "not a HipDesk database" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_figures(tmp_path: Path) -> None:
    # in a process of its own: it makes a QGuiApplication, which would refuse widgets later on
    result = _hipdesk(
        tmp_path / "unused.sqlite", "render-figures", "--out", str(tmp_path / "figs"), "--size", "64"
    )
    assert result.returncode == 0, result.stderr[-1000:]
    names = {p.name for p in (tmp_path / "figs").glob("*.png")}
    assert "contact-sheet.png" in names and "bird-dog.png" in names and len(names) == 20
    bad = _hipdesk(tmp_path / "unused.sqlite", "render-figures", "--out", str(tmp_path), "--size", "3")
    assert bad.returncode == 1 and "--size" in bad.stderr


def test_export_ics(tmp_path: Path, capsys) -> None:
    from icalendar import Calendar

    target = tmp_path / "week.ics"
    code, out, err = run(
        capsys, "export", "ics", "-o", str(target), "--time", "06:45", "--timezone", "Europe/Berlin"
    )
    assert code == 0 and err == ""
    assert out == f"wrote {target}: 7 weekly events, times in Europe/Berlin\n"  # the starter week: all timed
    calendar = Calendar.from_ical(target.read_bytes())
    assert len(calendar.events) == 7 and [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    assert {str(e["RRULE"]["BYDAY"][0]) for e in calendar.events} == {"MO", "WE", "TH", "SA", "SU"}


def test_export_ics_with_a_reminder(tmp_path: Path, capsys) -> None:
    import recurring_ical_events
    from icalendar import Calendar

    target = tmp_path / "week.ics"
    code, out, _ = run(capsys, "export", "ics", "-o", str(target), "--timezone", "UTC", "--remind", "20")
    assert code == 0 and out.endswith("; each reminds 20 min before\n")
    calendar = Calendar.from_ical(target.read_bytes())
    week = recurring_ical_events.of(calendar).between(dt.date.today(), dt.date.today() + dt.timedelta(days=7))
    assert len(week) == 7
    for event in week:
        (alarm,) = event.walk("VALARM")
        assert alarm["TRIGGER"].dt == dt.timedelta(minutes=-20) and str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]).startswith(str(event["SUMMARY"]) + ": about ")


def test_export_ics_of_an_empty_week(tmp_path: Path, capsys) -> None:
    from hipdesk.domain.model import WeekPlan
    from hipdesk.store import open_store

    repo = open_store(tmp_path / "empty.sqlite")
    repo.save_week_plan(WeekPlan())
    repo.db.close()
    target = tmp_path / "week.ics"
    code, out, _ = run(capsys, "--db", str(tmp_path / "empty.sqlite"), "export", "ics", "-o", str(target))
    assert code == 0 and "the calendar is empty" in out
    assert b"BEGIN:VCALENDAR" in target.read_bytes() and b"VEVENT" not in target.read_bytes()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--time", "25:99"], "'25:99' is not a time of day"),
        (["--time", "7pm"], "'7pm' is not a time of day"),
        (["--timezone", "Mars/Olympus"], "'Mars/Olympus' is not a time zone"),
        (["--remind", "-10"], "A reminder goes off 0 to 1440 minutes before, not -10"),
    ],
)
def test_export_ics_bad_input_is_one_line_and_exit_1(tmp_path: Path, capsys, args, words) -> None:
    target = tmp_path / "week.ics"
    code, out, err = run(capsys, "export", "ics", "-o", str(target), *args)
    assert code == 1 and out == ""
    assert err.startswith(f"hipdesk: {words}") and len(err.strip().splitlines()) == 1
    assert not target.exists()


def _hipdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), *args],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip


def test_start_with_speed_runs_the_whole_routine_and_history_shows_it(db_path: Path) -> None:
    result = _hipdesk(db_path, "start", "Hip stretch", "--speed", "300")
    assert result.returncode == 0, result.stderr[-2000:]
    history = json.loads(_hipdesk(db_path, "history", "--json").stdout)
    (session,) = history
    assert session["routine"] == "Hip stretch" and session["status"] == "finished"
    assert set(session["discomfort"]) == {"left", "right"}
    first = session["sets"][0]
    assert {
        "exercise_id",
        "side",
        "set",
        "target",
        "actual",
        "skipped",
        "started_at",
        "ended_at",
    } <= first.keys()
    assert first["exercise_id"] == "lunging-hip-flexor-stretch" and first["side"] == "left"
    assert not any(s["skipped"] for s in session["sets"])
    assert "Hip stretch" in _hipdesk(db_path, "history").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("start", "No such routine", "--speed", "100"), "no routine named"),
        (("start", "Hip stretch", "--speed", "0"), "speed"),
        (("start",), "name a routine, or use --today"),
        (("resume",), "no interrupted session"),
    ],
)
def test_start_errors_are_one_line(db_path: Path, args: tuple[str, ...], message: str) -> None:
    result = _hipdesk(db_path, *args)
    assert result.returncode in (1, 2)
    assert message in result.stderr.lower() and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command", [["routines"], ["export", "csv", "-o", "x.csv"], ["check"], ["--exit-after-startup"]]
)
def test_an_empty_db_path_is_refused_in_one_line(command: list[str], capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HIPDESK_DB", raising=False)
    assert main(["--db", "", *command]) == 1
    err = capsys.readouterr().err
    assert err == "hipdesk: --db needs the path of a file (it was empty).\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--exit-after-startup"],
        ["--db", "/tmp/x.sqlite", "--background", "-v"],
        ["--db=/tmp/x.sqlite"],
        ["--verb"],  # an abbreviation: the full parser reads it
        ["exercises", "--json"],
        ["--db", "/tmp/x.sqlite", "week"],
    ],
)
def test_the_window_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    """The window's way in skips making every command's parser; what it reads is the same."""
    from hipdesk.cli import _window_args, build_parser

    full = build_parser().parse_args(argv)
    quick = _window_args(argv)
    if quick is None:
        assert argv and (full.command is not None or any(a.startswith("--verb") for a in argv))
    else:
        assert full.command is None and vars(quick) == vars(full)


@pytest.mark.parametrize("argv", [["--db"], ["--bogus"], ["-h"]])
def test_help_and_bad_options_show_the_full_usage(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr()
    assert "COMMAND" in out.out + out.err
