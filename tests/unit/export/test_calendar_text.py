"""What a calendar program shows of an exported week: the calendar's name, each event's text, its id."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from pathlib import Path

import pytest
from icalendar import Calendar

from hipdesk import __version__
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.export.calendar import calendar_contents, description, local_zone_name, week_calendar

EXERCISES = {ex.id: ex for ex in load_catalogue()}
ONE = Routine(
    "One",
    (RoutineItem("clamshell", sets=2, reps=12, section="Warm-up", note="band above the knees"),),
    notes="Slowly.",
    id=3,
)
STAMP = dt.datetime(2027, 3, 1, 12, 0, tzinfo=dt.UTC)


def monday(*planned: PlannedRoutine) -> WeekPlan:
    return WeekPlan(days=tuple(PlannedDay(d, RunKind.NONE, planned if d == 0 else ()) for d in range(7)))


def test_one_exercise_with_its_section_and_note() -> None:
    assert description(ONE, EXERCISES) == (
        "About 2 min · 1 exercise\n\nWarm-up:\n1. Clamshell: 2 sets × 12 reps (band above the knees)"
        "\n\nSlowly.\n\nPlanned in HipDesk."
    )


def test_sections_head_their_exercises_once_and_a_missing_exercise_keeps_its_id() -> None:
    routine = Routine(
        "Two",
        (
            RoutineItem("clamshell", sets=2, reps=12, section="Warm-up"),
            RoutineItem("squat", reps=5, section="Warm-up"),
            RoutineItem("no-such", reps=5, section="Main"),
            RoutineItem("squat", reps=5),
        ),
        id=4,
    )
    assert description(routine, EXERCISES) == (
        "About 4 min · 4 exercises\n\nWarm-up:\n1. Clamshell: 2 sets × 12 reps\n2. Bodyweight Squat: 1 set × 5 reps"
        "\n\nMain:\n3. no-such: 1 set × 5 reps\n4. Bodyweight Squat: 1 set × 5 reps\n\nPlanned in HipDesk."
    )


def test_the_calendar_and_each_event_carry_hipdesks_names() -> None:
    data = week_calendar(
        monday(PlannedRoutine("One", dt.time(7, 0), 3)), [ONE], EXERCISES, "Europe/Berlin",
        start=dt.date(2027, 3, 15), stamp=STAMP,
    )  # fmt: skip
    text = data.decode()
    for line in (
        f"PRODID:-//HipDesk//HipDesk {__version__}//EN",
        "X-WR-CALNAME:HipDesk week",
        "NAME:HipDesk week",
        "X-WR-CALDESC:Hip strength and stretching planned around your runs.",
        "DTSTAMP:20270301T120000Z",
        "CATEGORIES:HipDesk",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
        # the zone is described from a week before the first event to 12 years on
        "COMMENT:This timezone only works from 2027-03-08 to 2039-01-01.",
    ):
        assert line + "\r\n" in text, line
    (event,) = Calendar.from_ical(data).events
    assert str(event["DESCRIPTION"]) == description(ONE, EXERCISES)


def test_a_calendar_made_now_is_stamped_now_in_utc() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = week_calendar(monday(PlannedRoutine("One", dt.time(7, 0), 3)), [ONE], EXERCISES, "Europe/Berlin")
    after = dt.datetime.now(dt.UTC)
    (event,) = Calendar.from_ical(data).events
    stamp = event["DTSTAMP"].dt
    assert stamp.utcoffset() == dt.timedelta(0) and before <= stamp <= after


def test_the_same_routine_three_times_a_day_is_three_events_each_with_its_own_id() -> None:
    plan = monday(*[PlannedRoutine("One", dt.time(h, 0), 3) for h in (7, 12, 18)])
    uids = [e.uid for e in calendar_contents(plan, [ONE]).entries]
    assert uids == [
        "routine-3-mo@hipdesk.invalid",
        "routine-3-mo-2@hipdesk.invalid",
        "routine-3-mo-3@hipdesk.invalid",
    ]
    two = Routine("Two", ONE.items, id=4)
    mixed = monday(
        PlannedRoutine("One", None, 3), PlannedRoutine("Two", None, 4), PlannedRoutine("One", None, 3)
    )
    assert [e.uid for e in calendar_contents(mixed, [ONE, two]).entries] == [
        "routine-3-mo@hipdesk.invalid", "routine-4-mo@hipdesk.invalid", "routine-3-mo-2@hipdesk.invalid",
    ]  # fmt: skip


def test_a_deleted_routine_is_left_out_and_the_rest_still_exported() -> None:
    plan = monday(PlannedRoutine("Gone", None, 99), PlannedRoutine("One", None, 3))
    contents = calendar_contents(plan, [ONE])
    assert contents.left_out == ((0, "Gone"),)
    assert [e.uid for e in contents.entries] == ["routine-3-mo@hipdesk.invalid"]


def zone_file(name: str) -> Path:
    return next(Path(p) / name for p in zoneinfo.TZPATH if (Path(p) / name).is_file())


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("Asia/Tokyo", "Asia/Tokyo"),
        (":Asia/Tokyo", "Asia/Tokyo"),
        (" America/Denver ", "America/Denver"),
    ],
)
def test_the_zone_named_by_tz_comes_first(tmp_path: Path, tz: str, zone: str) -> None:
    timezone_file = tmp_path / "timezone"
    timezone_file.write_text("Europe/Berlin\n", encoding="utf-8")
    assert local_zone_name({"TZ": tz}, tmp_path / "localtime", timezone_file) == zone


def test_without_tz_the_zone_file_then_the_link_then_a_copy_name_the_zone(tmp_path: Path) -> None:
    timezone_file, localtime = tmp_path / "timezone", tmp_path / "localtime"
    timezone_file.write_text("Europe/Berlin\n", encoding="utf-8")
    assert local_zone_name({}, localtime, timezone_file) == "Europe/Berlin"
    assert local_zone_name({"TZ": "Not/A_Zone"}, localtime, timezone_file) == "Europe/Berlin"
    timezone_file.write_text("Not/A_Zone\n", encoding="utf-8")
    linked = tmp_path / "usr" / "share" / "zoneinfo" / "America" / "Denver"
    linked.parent.mkdir(parents=True)
    linked.write_bytes(zone_file("America/Denver").read_bytes())
    os.symlink(linked, localtime)
    assert local_zone_name({}, localtime, timezone_file) == "America/Denver"
    localtime.unlink()
    localtime.write_bytes(zone_file("Asia/Kolkata").read_bytes())
    copied = local_zone_name({}, localtime, tmp_path / "no-timezone-file")
    # a Region/City name for the same rules (the zone database may list an older alias first)
    assert "/" in copied and zone_file(copied).read_bytes() == zone_file("Asia/Kolkata").read_bytes()
    localtime.write_bytes(b"not a zone file")
    assert local_zone_name({}, localtime, tmp_path / "no-timezone-file") == "UTC"
