"""The week plan as an iCalendar file: one weekly event per planned routine, in the local time zone.

Each routine planned on a weekday becomes one event that repeats every week on that day
(``RRULE:FREQ=WEEKLY;BYDAY=TU``), starting on the next such day at the planned time (or the default
time), lasting the routine's estimated length, with its exercises in the description. The UID is made
from the routine's id and the weekday, so exporting again and re-importing updates the events a
calendar already has instead of adding them twice. Times are local times in a named zone, and the
VTIMEZONE that describes it is included (icalendar builds it from the time zone database).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from hipdesk import __version__
from hipdesk.domain.errors import ValidationError
from hipdesk.domain.guidance import minutes_text, resolve, routine_minutes, routines_by_id
from hipdesk.domain.model import Exercise, Routine, WeekPlan
from hipdesk.domain.pace import Pace
from hipdesk.domain.rules import item_text
from hipdesk.export.safe_write import Protected, write_bytes

logger = logging.getLogger(__name__)

DEFAULT_TIME = dt.time(7, 0)  # for routines planned without a time, when no other default is given
UID_DOMAIN = "hipdesk.invalid"  # fixed, so that UIDs stay the same from one export to the next
CALENDAR_UID = f"week@{UID_DOMAIN}"
MIN_MINUTES = 5  # an event in a calendar should be visible even for a very short routine
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SUFFIX = ".ics"
REMIND_RANGE = (0, 1440)  # minutes before an event that a calendar alarm may go off


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One weekly event: a routine on a weekday at a time."""

    weekday: int  # 0 = Monday
    routine: Routine
    time: dt.time
    timed: bool  # False when the plan gave no time and the default was used
    uid: str


@dataclass(frozen=True, slots=True)
class CalendarContents:
    entries: tuple[CalendarEntry, ...]
    left_out: tuple[tuple[int, str], ...]  # (weekday, name) of routines deleted while planned


def calendar_contents(
    plan: WeekPlan, routines: Iterable[Routine], default_time: dt.time | None = None
) -> CalendarContents:
    """What an export of ``plan`` holds, and what it has to leave out."""
    by_id = routines_by_id(routines)
    default = default_time or DEFAULT_TIME
    entries: list[CalendarEntry] = []
    left_out: list[tuple[int, str]] = []
    seen: dict[tuple[int, int], int] = {}
    for day in plan.days:
        for planned in day.routines:
            routine = resolve(planned, by_id)
            if routine is None or routine.id is None:
                left_out.append((day.weekday, planned.routine_name))
                continue
            key = (routine.id, day.weekday)
            seen[key] = seen.get(key, 0) + 1
            repeat = f"-{seen[key]}" if seen[key] > 1 else ""  # the same routine twice on one day
            uid = f"routine-{routine.id}-{BYDAY[day.weekday].lower()}{repeat}@{UID_DOMAIN}"
            entries.append(
                CalendarEntry(day.weekday, routine, planned.time or default, planned.time is not None, uid)
            )
    return CalendarContents(tuple(entries), tuple(left_out))


def zone_info(name: str) -> zoneinfo.ZoneInfo:
    """The time zone called ``name`` (``Europe/Berlin``), or a ValidationError in one sentence."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(f"'{name}' is not a time zone HipDesk knows, e.g. Europe/Berlin.") from None


def first_date(weekday: int, start: dt.date) -> dt.date:
    """The first date on or after ``start`` that falls on ``weekday``."""
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def description(routine: Routine, exercises: Mapping[str, Exercise]) -> str:
    """The routine in plain lines: its length, each exercise with its dose, its notes."""
    count = len(routine.items)
    exercises_word = "exercise" if count == 1 else "exercises"
    lines = [f"About {minutes_text(routine_minutes(routine, Pace.of(exercises)))} · {count} {exercises_word}"]
    section = ""
    for number, item in enumerate(routine.items, 1):
        if item.section and item.section != section:
            lines += ["", f"{item.section}:"]
        section = item.section
        exercise = exercises.get(item.exercise_id)
        name = exercise.name if exercise is not None else item.exercise_id
        note = f" ({item.note})" if item.note else ""
        lines.append(f"{number}. {name}: {item_text(item)}{note}")
    if routine.notes:
        lines += ["", routine.notes]
    lines += ["", "Planned in HipDesk."]
    return "\n".join(lines)


def week_calendar(
    plan: WeekPlan,
    routines: Iterable[Routine],
    exercises: Mapping[str, Exercise],
    zone: str,
    default_time: dt.time | None = None,
    start: dt.date | None = None,
    stamp: dt.datetime | None = None,
    remind_minutes: int | None = None,
) -> bytes:
    """The iCalendar file for ``plan``; an empty plan gives a calendar with no events.

    ``zone`` is a time zone name such as ``Europe/Berlin`` (see ``local_zone_name``); ``start`` is the
    first day the events may fall on (today in that zone by default); ``stamp`` is the DTSTAMP;
    ``remind_minutes`` adds an alarm that many minutes before each event (0: at its start).
    """
    tz = zone_info(zone)
    if remind_minutes is not None:
        check_remind_minutes(remind_minutes)
    start = start or dt.datetime.now(tz).date()
    stamp = stamp or dt.datetime.now(dt.UTC)
    contents = calendar_contents(plan, routines, default_time)
    calendar = Calendar.new(
        prodid=f"-//HipDesk//HipDesk {__version__}//EN",
        uid=CALENDAR_UID,
        name="HipDesk week",
        description="Hip strength and stretching planned around your runs.",
    )
    for entry in contents.entries:
        begin = dt.datetime.combine(first_date(entry.weekday, start), entry.time, tzinfo=tz)
        length = dt.timedelta(minutes=max(routine_minutes(entry.routine, Pace.of(exercises)), MIN_MINUTES))
        event = Event.new(
            uid=entry.uid,
            summary=entry.routine.name,
            start=begin,
            end=begin + length,
            stamp=stamp,
            description=description(entry.routine, exercises),
            categories=["HipDesk"],
        )
        event.add("rrule", {"freq": "weekly", "byday": [BYDAY[entry.weekday]]})
        if remind_minutes is not None:
            event.add_component(reminder_alarm(entry.routine, exercises, remind_minutes))
        calendar.add_component(event)
    # Describe the zone from the first event on: nothing in the file happens before it.
    calendar.add_missing_timezones(
        first_date=start - dt.timedelta(days=7), last_date=dt.date(max(start.year + 12, 2038), 1, 1)
    )
    return bytes(calendar.to_ical())


def check_remind_minutes(minutes: int) -> None:
    low, high = REMIND_RANGE
    if not low <= minutes <= high:
        raise ValidationError(f"A reminder goes off {low} to {high} minutes before, not {minutes}.")


def reminder_alarm(routine: Routine, exercises: Mapping[str, Exercise], minutes: int) -> Alarm:
    """A display alarm ``minutes`` before the event, naming the routine and its length."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-minutes))
    length = minutes_text(routine_minutes(routine, Pace.of(exercises)))
    alarm.add("description", f"{routine.name}: about {length}")
    return alarm


def write_ics(path: Path, data: bytes, protected: Protected | None = None) -> None:
    """Write atomically, as every export is (:mod:`hipdesk.export.safe_write`)."""
    write_bytes(path, data, protected)


def local_zone_name(
    environ: Mapping[str, str] | None = None,
    localtime: Path = Path("/etc/localtime"),
    timezone_file: Path = Path("/etc/timezone"),
) -> str:
    """The name of the system's time zone (``Europe/Berlin``), or ``UTC`` when it cannot be told.

    Looks at ``TZ``, then ``/etc/timezone``, then where ``/etc/localtime`` links to, then which zone
    file ``/etc/localtime`` is a copy of; a zone that is UTC by its offset is called ``UTC``.
    """
    environ = os.environ if environ is None else environ
    tz = environ.get("TZ", "").strip().removeprefix(":")
    if tz:
        name = _name_from_path(Path(tz)) if tz.startswith("/") else tz
        if name and _known(name):
            return name
        logger.info("TZ=%s is not a zone name; looking further", tz)
    try:
        name = timezone_file.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    if name and _known(name):
        return name
    if localtime.is_symlink():
        name = _name_from_path(localtime.resolve()) or ""
        if name and _known(name):
            return name
    name = _name_from_contents(localtime) or ""
    if name:
        return name
    offset = dt.datetime.now().astimezone().utcoffset()
    if offset != dt.timedelta(0):
        logger.warning("cannot tell the local time zone by name; using UTC")
    return "UTC"


def _known(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _name_from_path(path: Path) -> str | None:
    """``/usr/share/zoneinfo/Europe/Berlin`` -> ``Europe/Berlin``."""
    parts = path.parts
    for marker in ("zoneinfo", "zoneinfo-posix"):
        if marker in parts:
            rest = parts[len(parts) - parts[::-1].index(marker) :]
            name = "/".join(rest).removeprefix("posix/").removeprefix("right/")
            return name or None
    return None


def _name_from_contents(localtime: Path) -> str | None:
    """The zone whose file ``localtime`` is a byte-for-byte copy of (as in many containers)."""
    try:
        wanted = localtime.read_bytes()
    except OSError:
        return None
    folders = [Path(p) for p in zoneinfo.TZPATH]
    # Prefer Region/City names over their older aliases (CET, Europe/Berlin: the latter).
    for name in sorted(zoneinfo.available_timezones(), key=lambda n: ("/" not in n, n)):
        for folder in folders:
            candidate = folder / name
            try:
                if candidate.is_file() and candidate.stat().st_size == len(wanted):
                    if candidate.read_bytes() == wanted:
                        return name
            except OSError:
                continue
    return None


def export_summary(contents: CalendarContents, zone: str, default_time: dt.time | None = None) -> str:
    """What an export holds, in a few words for a status line (no full stop)."""
    count = len(contents.entries)
    gone = len(contents.left_out)
    left_out = f"left out {gone} deleted {'routine' if gone == 1 else 'routines'}"
    if count == 0:
        if gone:
            return f"the calendar is empty: {left_out}"
        return "nothing is planned yet, so the calendar is empty"
    parts = [f"{count} weekly {'event' if count == 1 else 'events'}, times in {zone}"]
    untimed = sum(1 for e in contents.entries if not e.timed)
    if untimed:
        at = (default_time or DEFAULT_TIME).strftime("%H:%M")
        parts.append(f"{untimed} without a time set at {at}")
    if gone:
        parts.append(left_out)
    return "; ".join(parts)
