"""`hipdesk import-runs`, `runs`, `import-plan`, `export csv --runs` and the dated runs of `week --json`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from hipdesk.cli import main
from tests.run_files import START, write_fit, write_gpx, write_tcx


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_runs_keeps_each_run_once_and_names_broken_files(tmp_path: Path, capsys) -> None:
    gpx = write_gpx(tmp_path / "a.gpx")
    fit = write_fit(tmp_path / "b.fit", start=START + dt.timedelta(days=1))
    broken = tmp_path / "broken.tcx"
    broken.write_text("<TrainingCenterDatabase>", encoding="utf-8")
    code, out, err = run(capsys, "import-runs", str(gpx), str(broken), str(fit))
    assert code == 1
    assert out.strip() == "imported 2 runs"
    assert err.count("\n") == 1 and "broken.tcx: not readable XML" in err
    code, out, _ = run(capsys, "import-runs", str(gpx), str(write_tcx(tmp_path / "c.tcx", seconds=1600)))
    assert (code, out.strip()) == (0, "imported 1 run, 1 already there")
    code, out, _ = run(capsys, "runs", "--json")
    data = json.loads(out)
    assert len(data) == 3 and data[0]["source"] == "b.fit"  # newest first
    assert {r["source"] for r in data} == {"a.gpx", "b.fit", "c.tcx"}
    fit_run = next(r for r in data if r["source"] == "b.fit")
    assert (
        fit_run["distance_m"] == 10_000.0
        and fit_run["moving_s"] == 3000
        and fit_run["elevation_gain_m"] == 42
    )
    assert dt.datetime.fromisoformat(fit_run["started_at"]) == START + dt.timedelta(days=1)
    code, out, _ = run(capsys, "runs")
    assert code == 0 and "10.00 km" in out and "50 min" in out
    target = tmp_path / "runs.csv"
    code, out, _ = run(capsys, "export", "csv", "--runs", "-o", str(target))
    assert code == 0 and out.strip() == f"wrote {target}: 3 runs"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["source"]: r["distance_km"] for r in rows}["b.fit"] == "10.000"


PLAN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Coach//Plan//EN
BEGIN:VEVENT
UID:long@coach
DTSTART;VALUE=DATE:{day}
RRULE:FREQ=DAILY;COUNT=14
SUMMARY:Long run
END:VEVENT
END:VCALENDAR
"""


def test_import_plan_sets_the_week_and_week_json_shows_the_dated_runs(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plan.ics"
    path.write_text(PLAN.format(day=dt.date.today().strftime("%Y%m%d")), encoding="utf-8")
    code, out, _ = run(capsys, "import-plan", str(path), "--weeks", "1")
    assert code == 0 and "imported 7 planned runs" in out
    code, out, _ = run(capsys, "week", "--json")
    days = json.loads(out)
    assert all(day["run"] == "long" for day in days)
    today = next(day for day in days if day["weekday"] == dt.date.today().weekday())
    assert today["dated_run"] == {"date": dt.date.today().isoformat(), "kind": "long", "title": "Long run"}


def test_a_file_that_is_no_plan_changes_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.ics"
    path.write_text("hello", encoding="utf-8")
    before = run(capsys, "week", "--json")[1]
    code, out, err = run(capsys, "import-plan", str(path))
    assert code == 1 and out == "" and err.strip() == "hipdesk: notes.ics: not an iCalendar (.ics) file"
    assert run(capsys, "week", "--json")[1] == before
