"""The reminder scheduler on a fake clock: once per planned time, DST, zone changes, missed while asleep."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from hipdesk.domain.model import PlannedDay, PlannedRoutine, RunKind, WeekPlan
from hipdesk.engine.reminders import GRACE, PlanEntry, ReminderScheduler, ReminderSettings, plan_entries

BERLIN = ZoneInfo("Europe/Berlin")
AUCKLAND = ZoneInfo("Pacific/Auckland")
ON = ReminderSettings(enabled=True)


class WallClock:
    """An aware clock in a zone that can change, moved by hand."""

    def __init__(self, local: dt.datetime) -> None:
        self.moment = local.astimezone(dt.UTC)
        self.zone = local.tzinfo

    def __call__(self) -> dt.datetime:
        return self.moment.astimezone(self.zone)

    def set_local(self, local: dt.datetime) -> None:
        self.moment = local.astimezone(dt.UTC)

    def advance(self, minutes: float) -> None:
        self.moment += dt.timedelta(minutes=minutes)


def entry(weekday: int, time: dt.time | None, name: str = "Hip strength", rest: bool = False) -> PlanEntry:
    return PlanEntry(weekday, 0, name, time, 12, rest)


def fires(scheduler: ReminderScheduler, clock: WallClock, minutes: int) -> list[tuple[dt.datetime, str]]:
    """Check once a minute for ``minutes``: when (UTC) and what fired."""
    seen = []
    for _ in range(minutes):
        seen += [(clock.moment, r.routine_name) for r in scheduler.due()]
        clock.advance(1)
    return seen


def test_an_evening_routine_fires_once_at_its_time() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))  # a Wednesday
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    assert scheduler.next_wakeup() == dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN)
    seen = fires(scheduler, clock, 24 * 60)
    assert seen == [(dt.datetime(2026, 12, 2, 17, 30, tzinfo=dt.UTC), "Hip strength")]


def test_the_reminder_names_the_routine_its_length_and_time() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 20, tzinfo=BERLIN))
    settings = ReminderSettings(enabled=True, minutes_before=10)
    (reminder,) = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), settings).due()
    assert reminder.title == "Time for Hip strength"
    assert reminder.body == "Hip strength: about 12 min, planned at 18:30."


def test_minutes_before_moves_the_reminder_earlier() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))
    settings = ReminderSettings(enabled=True, minutes_before=15)
    seen = fires(ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), settings), clock, 60)
    assert [when for when, _ in seen] == [dt.datetime(2026, 12, 2, 17, 15, tzinfo=dt.UTC)]


def test_any_time_routines_are_reminded_of_at_the_chosen_time() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 0, 0, tzinfo=BERLIN))
    settings = ReminderSettings(enabled=True, minutes_before=30, any_time_at=dt.time(12, 15))
    (when, name), *more = fires(ReminderScheduler(clock, (entry(2, None),), settings), clock, 24 * 60)
    assert when.astimezone(BERLIN).time() == dt.time(12, 15) and not more
    reminder = ReminderScheduler(
        WallClock(dt.datetime(2026, 12, 2, 12, 20, tzinfo=BERLIN)), (entry(2, None),), settings
    )
    assert reminder.due()[0].body == "Hip strength: about 12 min, planned for any time today."


@pytest.mark.parametrize(
    ("zone", "day", "planned", "expected_utc"),
    [
        # Berlin, DST starts 29 March 2026: 02:30 does not exist and is reminded of at 03:30 CEST.
        (BERLIN, dt.date(2026, 3, 29), dt.time(2, 30), [dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)]),
        (BERLIN, dt.date(2026, 3, 29), dt.time(18, 30), [dt.datetime(2026, 3, 29, 16, 30, tzinfo=dt.UTC)]),
        # Berlin, DST ends 25 October 2026: 02:30 happens twice and fires only the first time.
        (BERLIN, dt.date(2026, 10, 25), dt.time(2, 30), [dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)]),
        (BERLIN, dt.date(2026, 10, 25), dt.time(18, 30), [dt.datetime(2026, 10, 25, 17, 30, tzinfo=dt.UTC)]),
        # Auckland, DST ends 5 April 2026 and starts 27 September 2026.
        (AUCKLAND, dt.date(2026, 4, 5), dt.time(2, 30), [dt.datetime(2026, 4, 4, 13, 30, tzinfo=dt.UTC)]),
        (AUCKLAND, dt.date(2026, 4, 5), dt.time(18, 30), [dt.datetime(2026, 4, 5, 6, 30, tzinfo=dt.UTC)]),
        (AUCKLAND, dt.date(2026, 9, 27), dt.time(2, 30), [dt.datetime(2026, 9, 26, 14, 30, tzinfo=dt.UTC)]),
        (AUCKLAND, dt.date(2026, 9, 27), dt.time(18, 30), [dt.datetime(2026, 9, 27, 5, 30, tzinfo=dt.UTC)]),
    ],
)
def test_dst_changes_fire_once_at_the_wall_clock_time(
    zone: ZoneInfo, day: dt.date, planned: dt.time, expected_utc: list[dt.datetime]
) -> None:
    clock = WallClock(dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12, 0), tzinfo=zone))
    scheduler = ReminderScheduler(clock, (entry(day.weekday(), planned),), ON)
    assert [when for when, _ in fires(scheduler, clock, 48 * 60)] == expected_utc


def test_a_zone_change_moves_the_reminder_to_the_new_local_time_and_fires_once() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))  # 17:00 UTC
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    clock.zone = ZoneInfo("Europe/London")  # flown west: it is 17:00 here
    assert scheduler.next_wakeup() == dt.datetime(2026, 12, 2, 18, 30, tzinfo=ZoneInfo("Europe/London"))
    seen = fires(scheduler, clock, 6 * 60)
    assert [when for when, _ in seen] == [dt.datetime(2026, 12, 2, 18, 30, tzinfo=dt.UTC)]


def test_a_zone_change_past_the_time_and_the_grace_does_not_fire() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    clock.zone = ZoneInfo("Asia/Dubai")  # 21:00 there: 18:30 was long ago
    assert fires(scheduler, clock, 6 * 60) == []


def test_a_zone_change_after_it_fired_does_not_fire_it_again() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    assert len(scheduler.due()) == 1
    clock.zone = ZoneInfo("Atlantic/Azores")  # 16:30 there, 18:30 comes again
    assert fires(scheduler, clock, 4 * 60) == []


@pytest.mark.parametrize(("late", "fired"), [(0, 1), (10, 1), (30, 1), (31, 0), (8 * 60, 0)])
def test_missed_while_asleep_fires_at_most_once_within_the_grace(late: int, fired: int) -> None:
    assert GRACE == dt.timedelta(minutes=30)
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    assert scheduler.due() == []
    clock.set_local(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN) + dt.timedelta(minutes=late))  # woke up
    assert len(scheduler.due()) == fired
    assert fires(scheduler, clock, 3 * 60) == []


def test_a_late_start_fires_a_missed_reminder_within_the_grace() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 45, tzinfo=BERLIN))
    early = ReminderScheduler(clock, (entry(2, dt.time(18, 30)), entry(2, dt.time(17, 0), "Mobility")), ON)
    assert [r.routine_name for r in early.due()] == ["Hip strength"]


def test_no_reminder_for_a_routine_done_today() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    assert scheduler.due(done_today={"Hip strength"}) == []


@pytest.mark.parametrize(("skip_rest", "fired"), [(True, 0), (False, 1)])
def test_rest_days_are_left_out_when_chosen(skip_rest: bool, fired: int) -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    settings = ReminderSettings(enabled=True, skip_rest_days=skip_rest)
    assert len(ReminderScheduler(clock, (entry(2, dt.time(18, 30), rest=True),), settings).due()) == fired


def test_snooze_reminds_again_and_skip_stops_it() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ON)
    (reminder,) = scheduler.due()
    scheduler.snooze(reminder)
    seen = fires(scheduler, clock, 60)
    assert [when for when, _ in seen] == [dt.datetime(2026, 12, 2, 17, 45, tzinfo=dt.UTC)]
    clock.set_local(dt.datetime(2026, 12, 2, 18, 50, tzinfo=BERLIN))
    scheduler.snooze(reminder)
    scheduler.skip_today(reminder)
    assert fires(scheduler, clock, 60) == []


def test_off_means_no_reminders_and_no_wakeup() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    scheduler = ReminderScheduler(clock, (entry(2, dt.time(18, 30)),), ReminderSettings(enabled=False))
    assert scheduler.due() == [] and scheduler.next_wakeup() is None


def test_plan_entries_leave_out_deleted_routines_and_mark_rest_days() -> None:
    days = [PlannedDay(d) for d in range(7)]
    days[1] = PlannedDay(
        1, RunKind.REST, (PlannedRoutine("Gone", dt.time(7, 0)), PlannedRoutine("Core", None, 4))
    )
    entries = plan_entries(WeekPlan(tuple(days)), lambda rid: 9 if rid == 4 else None)
    assert entries == (PlanEntry(1, 1, "Core", None, 9, True),)


def test_a_naive_clock_is_refused() -> None:
    scheduler = ReminderScheduler(lambda: dt.datetime(2026, 12, 2, 18, 30), (entry(2, dt.time(18, 30)),), ON)
    with pytest.raises(ValueError, match="aware"):
        scheduler.due()


def test_what_fired_before_a_restart_does_not_fire_again() -> None:
    clock = WallClock(dt.datetime(2026, 12, 2, 18, 30, tzinfo=BERLIN))
    entries = (entry(2, dt.time(18, 30)), entry(2, dt.time(18, 35), "Mobility"))
    first = ReminderScheduler(clock, entries, ON)
    assert len(first.due()) == 1
    (skipped,) = first.occurrences(dt.date(2026, 12, 2), BERLIN)[1:]
    first.skip_today(skipped)
    kept = first.settled()
    assert kept == ["2026-12-02/2/0/Hip strength", "2026-12-02/2/0/Mobility"]
    clock.advance(10)  # started again, inside the grace
    again = ReminderScheduler(clock, entries, ON)
    again.restore([*kept, "2026-11-01/6/0/Old"])
    assert again.due() == [] and "2026-11-01/6/0/Old" not in again.settled()
