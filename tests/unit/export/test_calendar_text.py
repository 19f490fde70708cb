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
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.export.calendar import (
    calendar_contents,
    description,
    export_summary,
    local_zone_name,
    week_calendar,
)

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
    from tests.zone import local_zone

    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with local_zone("Pacific/Auckland"):  # the local clock 13 hours from UTC: the stamp is still UTC's
        data = week_calendar(
            monday(PlannedRoutine("One", dt.time(7, 0), 3)), [ONE], EXERCISES, "Europe/Berlin"
        )
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


def _contents(*planned: tuple[int, dt.time | None], gone: int = 0):
    """What an export holds: ONE on the given (weekday, time)s, and ``gone`` deleted routines."""
    days = [[] for _ in range(7)]
    for weekday, time in planned:
        days[weekday].append(PlannedRoutine("One", time, 3))
    for n in range(gone):
        days[6].append(PlannedRoutine(f"Deleted {n}", None, 90 + n))
    plan = WeekPlan(days=tuple(PlannedDay(d, RunKind.NONE, tuple(days[d])) for d in range(7)))
    return calendar_contents(plan, [ONE])


def test_the_status_line_counts_events_and_deleted_routines_in_words() -> None:
    seven = dt.time(7, 0)
    assert export_summary(_contents((0, seven)), "Europe/Berlin") == "1 weekly event, times in Europe/Berlin"
    assert export_summary(_contents((0, seven), (2, seven)), "UTC") == "2 weekly events, times in UTC"
    assert export_summary(_contents((0, None), (2, seven), gone=2), "UTC", dt.time(6, 15)) == (
        "2 weekly events, times in UTC; 1 without a time set at 06:15; left out 2 deleted routines"
    )
    assert export_summary(_contents(gone=1), "UTC") == "the calendar is empty: left out 1 deleted routine"
    assert export_summary(_contents(gone=3), "UTC") == "the calendar is empty: left out 3 deleted routines"
    assert export_summary(_contents(), "UTC") == "nothing is planned yet, so the calendar is empty"


def test_a_reminder_may_go_off_a_whole_day_before_but_not_a_minute_more() -> None:
    one = monday(PlannedRoutine("One", dt.time(7, 0), 3))
    data = week_calendar(one, [ONE], EXERCISES, "UTC", start=dt.date(2027, 3, 15), stamp=STAMP,
                         remind_minutes=1440)  # fmt: skip
    assert b"TRIGGER:-P1D\r\n" in data
    with pytest.raises(ValidationError) as refused:
        week_calendar(one, [ONE], EXERCISES, "UTC", remind_minutes=1441)
    assert str(refused.value) == "A reminder goes off 0 to 1440 minutes before, not 1441."


def test_without_a_start_the_first_event_is_today_where_the_calendar_is() -> None:
    """Kiritimati (UTC+14) is always a day ahead of Pago Pago (UTC-11): a routine planned on Pago
    Pago's weekday of today starts today there, not a week later."""
    from tests.zone import local_zone

    samoa = zoneinfo.ZoneInfo("Pacific/Pago_Pago")
    with local_zone("Pacific/Kiritimati"):
        today = dt.datetime.now(samoa).date()
        plan = WeekPlan(
            days=tuple(
                PlannedDay(
                    d,
                    RunKind.NONE,
                    (PlannedRoutine("One", dt.time(7, 0), 3),) if d == today.weekday() else (),
                )
                for d in range(7)
            )
        )
        data = week_calendar(plan, [ONE], EXERCISES, "Pacific/Pago_Pago")
        later = dt.datetime.now(samoa).date()
    (event,) = Calendar.from_ical(data).events
    assert event.start.date() in {today, later}  # the same day unless midnight passed in between


def test_the_system_zone_named_through_a_link_keeps_the_links_name(tmp_path: Path, monkeypatch) -> None:
    """/etc/localtime linking to zoneinfo/Japan names Japan, not Asia/Tokyo (the same rules); a link
    to a file that is no zone's name is named by its contents."""
    zones = tmp_path / "zoneinfo"
    (zones / "Asia").mkdir(parents=True)
    tokyo = zone_file("Asia/Tokyo").read_bytes()
    for name in ("Asia/Tokyo", "Japan", "Not_A_Zone"):
        (zones / name).write_bytes(tokyo)
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(zones),))
    localtime = tmp_path / "localtime"
    localtime.symlink_to(zones / "Japan")
    assert local_zone_name({}, localtime, tmp_path / "no-timezone-file") == "Japan"
    localtime.unlink()
    localtime.symlink_to(zones / "Not_A_Zone")
    assert local_zone_name({}, localtime, tmp_path / "no-timezone-file") == "Asia/Tokyo"


def test_a_copied_zone_file_is_named_by_its_region_and_city_before_an_alias(
    tmp_path: Path, monkeypatch
) -> None:
    """Eire and Europe/Dublin are the same file: the Region/City name wins though Eire sorts first."""
    zones = tmp_path / "zoneinfo"
    (zones / "Europe").mkdir(parents=True)
    dublin = zone_file("Europe/Dublin").read_bytes()
    (zones / "Eire").write_bytes(dublin)
    (zones / "Europe" / "Dublin").write_bytes(dublin)
    monkeypatch.setattr(zoneinfo, "TZPATH", (str(zones),))
    localtime = tmp_path / "localtime"
    localtime.write_bytes(dublin)
    assert local_zone_name({}, localtime, tmp_path / "no-timezone-file") == "Europe/Dublin"


@pytest.mark.parametrize(
    "tz",
    [
        "/usr/share/zoneinfo/posix/Europe/Berlin",
        "/usr/share/zoneinfo/right/Europe/Berlin",
        "/usr/share/zoneinfo-posix/Europe/Berlin",
        ":/usr/lib/zoneinfo/Europe/Berlin",
    ],
)
def test_tz_as_a_zone_files_path_names_the_zone(tz: str) -> None:
    nowhere = Path("/nonexistent/hipdesk")
    assert local_zone_name({"TZ": tz}, nowhere, nowhere) == "Europe/Berlin"


def test_what_could_not_name_the_zone_is_logged(caplog, tmp_path: Path) -> None:
    """A TZ that names no zone is noted; falling back to UTC is a warning only where the local clock
    is not at UTC (there the events would be hours off)."""
    import logging

    from tests.zone import local_zone

    nowhere = tmp_path / "nowhere"
    caplog.set_level(logging.INFO, logger="hipdesk.export.calendar")
    with local_zone("UTC"):
        assert local_zone_name({}, nowhere, nowhere) == "UTC"
        assert local_zone_name({"TZ": "Not/A_Zone"}, nowhere, nowhere) == "UTC"
    with local_zone("Pacific/Auckland"):
        assert local_zone_name({}, nowhere, nowhere) == "UTC"
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "TZ=Not/A_Zone is not a zone name; looking further"),
        ("WARNING", "cannot tell the local time zone by name; using UTC"),
    ]


def test_the_zone_is_described_at_least_up_to_2038() -> None:
    """Twelve years on from the first event, and never less than up to 2038 (a start in the past)."""
    one = monday(PlannedRoutine("One", dt.time(7, 0), 3))
    data = week_calendar(one, [ONE], EXERCISES, "Europe/Berlin", start=dt.date(2020, 3, 16), stamp=STAMP)
    assert b"COMMENT:This timezone only works from 2020-03-09 to 2038-01-01.\r\n" in data
