"""A training plan read from ICS: recurring, all-day and zoned events, DST, and files that are no plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hipdesk.domain.model import RunKind
from hipdesk.runs.model import RunFileError
from hipdesk.runs.plan import guess_kind, read_plan, weekly_pattern

AUCKLAND = ZoneInfo("Pacific/Auckland")
MONDAY = dt.date(2026, 3, 23)  # New Zealand leaves summer time on Sunday 5 April 2026

PLAN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Coach//Plan//EN
BEGIN:VEVENT
UID:long@coach
DTSTART;TZID=Pacific/Auckland:20260329T063000
DTEND;TZID=Pacific/Auckland:20260329T083000
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Sunday session
END:VEVENT
BEGIN:VEVENT
UID:tempo@coach
DTSTART:20260324T180000Z
DURATION:PT50M
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Tempo 5 x 1k
END:VEVENT
BEGIN:VEVENT
UID:rest@coach
DTSTART;VALUE=DATE:20260323
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Day off
END:VEVENT
BEGIN:VEVENT
UID:race@coach
DTSTART;VALUE=DATE:20260411
SUMMARY:Saturday
CATEGORIES:Race,Running
END:VEVENT
BEGIN:VEVENT
UID:dentist@me
DTSTART;TZID=Pacific/Auckland:20260326T100000
DTEND;TZID=Pacific/Auckland:20260326T103000
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""


def write(tmp_path: Path, text: str, name: str = "plan.ics") -> Path:
    path = tmp_path / name
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_the_plan_gives_dated_runs_with_guessed_kinds(tmp_path: Path) -> None:
    runs = read_plan(write(tmp_path, PLAN), MONDAY, 4, AUCKLAND)
    by_day = {r.day: r for r in runs}
    # a two-hour event says long run; the tempo at 18:00 UTC is Wednesday morning in Auckland
    assert by_day[dt.date(2026, 3, 29)].kind is RunKind.LONG
    assert by_day[dt.date(2026, 4, 5)].kind is RunKind.LONG  # the day the clocks go back
    assert by_day[dt.date(2026, 3, 25)].kind is RunKind.WORKOUT
    assert by_day[dt.date(2026, 4, 8)].kind is RunKind.WORKOUT  # 18:00 UTC is 06:00 once summer time ends
    assert by_day[dt.date(2026, 3, 23)].kind is RunKind.REST  # all-day, on its own date
    assert by_day[dt.date(2026, 4, 11)].kind is RunKind.RACE  # by its category
    assert dt.date(2026, 3, 26) not in by_day  # the dentist is no run
    assert len(runs) == 13
    assert weekly_pattern(runs) == {0: RunKind.REST, 2: RunKind.WORKOUT, 5: RunKind.RACE, 6: RunKind.LONG}


def test_a_corrected_keyword_wins_over_the_guess(tmp_path: Path) -> None:
    runs = read_plan(write(tmp_path, PLAN), MONDAY, 1, AUCKLAND, {"tempo 5 x 1k": RunKind.EASY})
    assert {r.day: r.kind for r in runs}[dt.date(2026, 3, 25)] is RunKind.EASY


@pytest.mark.parametrize(
    ("title", "categories", "minutes", "kind"),
    [
        ("Intervals 6x800", [], 45, RunKind.WORKOUT),
        ("Easy 8 km", [], 45, RunKind.EASY),
        ("Long run", [], 60, RunKind.LONG),
        ("City half marathon", [], None, RunKind.RACE),
        ("Weekend", [], 100, RunKind.LONG),
        ("Lunch", [], 30, None),
    ],
)
def test_kind_guesses(title: str, categories: list[str], minutes: int | None, kind: RunKind | None) -> None:
    duration = None if minutes is None else dt.timedelta(minutes=minutes)
    assert guess_kind(title, categories, duration) is kind


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("just some notes", "not an iCalendar (.ics) file"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "no runs in the next 4 weeks"),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nonsense\nEND:VEVENT\nEND:VCALENDAR\n",
            "not a readable calendar",
        ),
    ],
)
def test_a_file_that_is_no_plan_gets_one_line(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(RunFileError) as caught:
        read_plan(write(tmp_path, text), MONDAY, 4, AUCKLAND)
    assert str(caught.value).startswith("plan.ics: ") and says in str(caught.value)
