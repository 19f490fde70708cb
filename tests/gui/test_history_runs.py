"""History with runs: km per week beside hip minutes and discomfort, run days, hard runs after strength."""

from __future__ import annotations

import datetime as dt

import pytest

from hipdesk.db.runs import RunStore
from hipdesk.domain.model import Kind, RunKind
from hipdesk.runs.model import Run
from tests.gui.test_history_page import _history_data


def _generate(repo, days: int) -> None:
    _history_data().generate(repo, days=days)


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(7, 0)).astimezone()


@pytest.fixture
def page(main_window, repo):
    _generate(repo, 30)  # a session a day, up to yesterday
    store = RunStore(repo.db)
    today = dt.date.today()
    for back in range(1, 22, 2):  # every other day for three weeks, 8 km
        store.add_run(Run(_noon(today - dt.timedelta(days=back)), 8000.0, 2400.0, None, f"{back}.gpx"))
    win = main_window("history")
    return win.history_page


def test_km_per_week_beside_hip_minutes_and_run_days_on_the_calendar(page) -> None:
    runs = page.runs_overview
    assert sum(runs.km_chart.km) == pytest.approx(88.0)  # eleven runs, in the weeks on show
    assert len(runs.km_chart.km) == len(page.weeks_minutes.values)
    names = [s.name() for s in runs.km_chart.chart_.series()]
    assert "Hip minutes" in names
    assert {s.name() for s in runs.sides_chart.chart_.series()} >= {"Left", "Right"}
    yesterday = dt.date.today() - dt.timedelta(days=1)
    page.calendar.setCurrentPage(yesterday.year, yesterday.month)
    assert yesterday in page.calendar.run_days
    assert yesterday - dt.timedelta(days=1) not in page.calendar.run_days


def test_a_long_run_the_day_after_heavy_strength_is_flagged(page, repo) -> None:
    strength = {ex.id for ex in repo.exercises() if ex.kind is Kind.STRENGTH}
    per_day: dict[dt.date, int] = {}
    for time in RunStore(repo.db).set_times(strength, _noon(dt.date.today() - dt.timedelta(days=40))):
        per_day[time.astimezone().date()] = per_day.get(time.astimezone().date(), 0) + 1
    heavy = max(d for d, n in per_day.items() if n >= 6)  # a day of the generated strength set
    assert page.runs_overview.flags == []  # easy 8 km runs are not hard
    assert page.runs_overview.flags_label.isHidden()
    RunStore(repo.db).add_run(
        Run(_noon(heavy + dt.timedelta(days=1)), 24_000.0, 7200.0, 120.0, "long.fit", RunKind.LONG)
    )
    page.reload()
    flags = page.runs_overview.flags
    assert any(f.startswith(f"{heavy + dt.timedelta(days=1):%a %d %b}: a long run of 24.0 km") for f in flags)
    assert not page.runs_overview.flags_label.isHidden()
