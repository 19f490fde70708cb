from __future__ import annotations

import datetime as dt
import importlib.resources
import zoneinfo
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.export.calendar import (
    calendar_contents,
    export_summary,
    local_zone_name,
    week_calendar,
    write_ics,
)

EXERCISES = {ex.id: ex for ex in load_catalogue()}
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
STRENGTH = Routine(
    "Hip strength",
    (RoutineItem("clamshell", sets=2, reps=12), RoutineItem("glute-bridge", sets=2, reps=10, hold_s=2)),
    notes="Keep it away from the day before a long run.",
    id=7,
)
STRETCH = Routine("<b>Stretch</b> & co", (RoutineItem("figure-4-stretch", hold_s=30),), id=9)
ROUTINES = [STRENGTH, STRETCH]
# Europe/Berlin moves its clocks forward on the last Sunday of March: 28 March 2027.
START = dt.date(2027, 3, 15)  # a Monday, two weeks before
WEEKS = 6


def plan(**days: list[PlannedRoutine]) -> WeekPlan:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return WeekPlan(
        days=tuple(PlannedDay(d, RunKind.NONE, tuple(days.get(n, []))) for d, n in enumerate(names))
    )


EVENING = dt.time(18, 30)
PLAN = plan(
    mon=[PlannedRoutine(STRENGTH.name, EVENING, STRENGTH.id)],
    thu=[PlannedRoutine(STRENGTH.name, EVENING, STRENGTH.id), PlannedRoutine(STRETCH.name, None, STRETCH.id)],
    sun=[PlannedRoutine(STRETCH.name, EVENING, STRETCH.id)],
)


def export(the_plan: WeekPlan = PLAN, **kwargs) -> bytes:
    kwargs.setdefault("start", START)
    return week_calendar(the_plan, ROUTINES, EXERCISES, "Europe/Berlin", **kwargs)


def occurrences(data: bytes, start: dt.date = START, weeks: int = WEEKS) -> list:
    calendar = Calendar.from_ical(data)
    begin = dt.datetime.combine(start, dt.time(), tzinfo=BERLIN)
    return recurring_ical_events.of(calendar).between(begin, begin + dt.timedelta(weeks=weeks))


def test_weekly_events_keep_their_local_time_across_the_change_to_summer_time() -> None:
    events = occurrences(export())
    seen = sorted((e.start.astimezone(BERLIN), str(e["SUMMARY"])) for e in events)
    expected = []
    for week in range(WEEKS):
        monday = START + dt.timedelta(weeks=week)
        for offset, name, time in (
            (0, "Hip strength", EVENING),
            (3, "Hip strength", EVENING),
            (3, STRETCH.name, dt.time(7, 0)),  # no time planned: the default
            (6, STRETCH.name, EVENING),
        ):
            expected.append(
                (dt.datetime.combine(monday + dt.timedelta(days=offset), time, tzinfo=BERLIN), name)
            )
    assert seen == sorted(expected)
    evening = [start for start, _ in seen if start.time() == EVENING]
    assert {start.utcoffset() for start in evening} == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    assert {start.astimezone(dt.UTC).time() for start in evening} == {dt.time(17, 30), dt.time(16, 30)}
    # Hip strength takes 272 s (4.5 min, about 5 min); the 35 s stretch still gets the shortest event, 5 min
    lengths = {(str(e["SUMMARY"]), e.end - e.start) for e in events}
    assert lengths == {("Hip strength", dt.timedelta(minutes=5)), (STRETCH.name, dt.timedelta(minutes=5))}


def test_the_file_carries_the_rule_the_zone_and_the_exercises() -> None:
    data = export()
    calendar = Calendar.from_ical(data)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    assert calendar.get_missing_tzids() == set()
    events = calendar.events
    assert len(events) == 4
    monday = next(e for e in events if e["UID"].startswith("routine-7-mo@"))
    # the runner's wall-clock time in the runner's zone, not the same moment in another offset
    assert (monday.start.isoformat(), str(monday.start.tzinfo)) == (
        "2027-03-15T18:30:00+01:00",
        "Europe/Berlin",
    )
    rule = monday["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO"] and "UNTIL" not in rule
    assert b"DTSTART;TZID=Europe/Berlin:20270315T183000" in data
    description = str(monday["DESCRIPTION"])
    assert "1. Clamshell: 2 sets × 12 reps" in description and "2. Glute Bridge" in description
    assert "Keep it away from the day before a long run." in description
    names = {str(e["SUMMARY"]) for e in events}
    assert STRETCH.name in names  # user text, exactly as typed
    for event in events:
        assert event.start.weekday() == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(
            event["RRULE"]["BYDAY"][0]
        )


def test_uids_stay_the_same_from_one_export_to_the_next() -> None:
    first = Calendar.from_ical(export(stamp=dt.datetime(2027, 3, 1, tzinfo=dt.UTC)))
    later = Calendar.from_ical(export(start=START + dt.timedelta(days=10)))
    uids = sorted(str(e["UID"]) for e in first.events)
    assert uids == sorted(str(e["UID"]) for e in later.events)
    assert len(set(uids)) == len(uids) == 4
    assert all(uid.endswith("@hipdesk.invalid") for uid in uids)
    assert str(first["UID"]) == str(later["UID"])


def test_dtstart_is_the_first_planned_day_from_the_start() -> None:
    wednesday = dt.date(2027, 3, 17)
    events = Calendar.from_ical(export(start=wednesday)).events
    starts = {str(e["UID"]).split("@")[0]: e.start.date() for e in events}
    assert starts == {
        "routine-7-th": dt.date(2027, 3, 18),
        "routine-9-th": dt.date(2027, 3, 18),
        "routine-9-su": dt.date(2027, 3, 21),
        "routine-7-mo": dt.date(2027, 3, 22),  # next Monday, not the one gone by
    }


def test_default_time_for_routines_without_one() -> None:
    data = export(default_time=dt.time(6, 15))
    thursday_stretch = [
        e for e in occurrences(data, weeks=1) if e.start.weekday() == 3 and "Stretch" in str(e["SUMMARY"])
    ]
    assert [e.start.astimezone(BERLIN).time() for e in thursday_stretch] == [dt.time(6, 15)]
    contents = calendar_contents(PLAN, ROUTINES, dt.time(6, 15))
    assert export_summary(contents, "Europe/Berlin", dt.time(6, 15)) == (
        "4 weekly events, times in Europe/Berlin; 1 without a time set at 06:15"
    )


def test_an_empty_plan_is_an_empty_calendar() -> None:
    data = export(plan())
    calendar = Calendar.from_ical(data)
    assert calendar.events == [] and occurrences(data) == []
    assert (
        export_summary(calendar_contents(plan(), ROUTINES), "UTC")
        == "nothing is planned yet, so the calendar is empty"
    )


def test_deleted_routines_are_left_out_and_said_so() -> None:
    the_plan = plan(
        tue=[PlannedRoutine("Gone", EVENING, None)], wed=[PlannedRoutine(STRENGTH.name, EVENING, 7)]
    )
    contents = calendar_contents(the_plan, ROUTINES)
    assert contents.left_out == ((1, "Gone"),)
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(export(the_plan)).events] == ["Hip strength"]
    assert export_summary(contents, "UTC").endswith("; left out 1 deleted routine")
    only_gone = plan(tue=[PlannedRoutine("Gone", EVENING, None)])
    assert export_summary(calendar_contents(only_gone, ROUTINES), "UTC").startswith("the calendar is empty")


def test_utc_needs_no_vtimezone() -> None:
    data = week_calendar(PLAN, ROUTINES, EXERCISES, "UTC", start=START)
    assert b"DTSTART:20270315T183000Z" in data
    assert len(occurrences(data, weeks=1)) == 4


def test_an_unknown_zone_is_one_sentence() -> None:
    with pytest.raises(ValidationError, match="Mars/Olympus"):
        week_calendar(PLAN, ROUTINES, EXERCISES, "Mars/Olympus")


def test_write_is_atomic_and_reports_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "week.ics"
    write_ics(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR") and not list(tmp_path.glob("*.part"))
    with pytest.raises(ValidationError, match="Cannot write"):
        write_ics(tmp_path / "missing" / "week.ics", b"x")


# -- the local time zone ----------------------------------------------------------------------------
NOWHERE = Path("/nonexistent/hipdesk")


def test_local_zone_from_tz() -> None:
    for tz in ("Europe/Berlin", ":Europe/Berlin", "/usr/share/zoneinfo/Europe/Berlin"):
        assert local_zone_name({"TZ": tz}, NOWHERE, NOWHERE) == "Europe/Berlin"


def test_local_zone_from_etc_timezone_and_localtime(tmp_path: Path) -> None:
    timezone_file = tmp_path / "timezone"
    timezone_file.write_text("America/New_York\n")
    assert local_zone_name({"TZ": "not a zone"}, NOWHERE, timezone_file) == "America/New_York"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Asia/Tokyo")
    if not link.exists():
        pytest.skip("no system time zone files")
    assert local_zone_name({}, link, NOWHERE) == "Asia/Tokyo"


def test_local_zone_from_a_copied_zone_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    zones = tmp_path / "zoneinfo"
    (zones / "Europe").mkdir(parents=True)
    berlin = importlib.resources.files("tzdata").joinpath("zoneinfo", "Europe", "Berlin").read_bytes()
    (zones / "Europe" / "Berlin").write_bytes(berlin)
    copy = tmp_path / "localtime"
    copy.write_bytes(berlin)
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(zones),))
    assert local_zone_name({}, copy, NOWHERE) == "Europe/Berlin"


def test_local_zone_falls_back_to_utc() -> None:
    assert local_zone_name({}, NOWHERE, NOWHERE) == "UTC"


def test_a_reminder_rides_along_as_an_alarm_on_every_occurrence() -> None:
    events = occurrences(export(remind_minutes=15))
    assert len(events) == 4 * WEEKS
    for event in events:
        (alarm,) = event.subcomponents
        assert alarm.name == "VALARM"
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == dt.timedelta(minutes=-15)
        expected = {
            "Hip strength": "Hip strength: about 5 min",
            "<b>Stretch</b> & co": "<b>Stretch</b> & co: about 1 min",
        }
        assert str(alarm["DESCRIPTION"]) == expected[str(event["SUMMARY"])]
        assert event.start + alarm["TRIGGER"].dt < event.start
    assert b"TRIGGER:-PT15M" in export(remind_minutes=15)


def test_no_reminder_means_no_alarm_and_an_odd_one_is_refused() -> None:
    assert b"VALARM" not in export()
    assert b"TRIGGER:P0D" in export(remind_minutes=0)  # at the start
    with pytest.raises(ValidationError, match="0 to 1440 minutes before, not -5"):
        export(remind_minutes=-5)
