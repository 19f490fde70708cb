"""Calendar files and PDFs give a routine the length its session takes at each exercise's own pace."""

from __future__ import annotations

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.guidance import routine_minutes
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.domain.pace import Pace
from hipdesk.engine import plan_steps
from hipdesk.export.calendar import description

EXERCISES = {ex.id: ex for ex in load_catalogue()}
PRETZELS = Routine(
    "Pretzels", (RoutineItem("pretzel-stretch", sets=3, reps=15, sides=ItemSides.EACH, rest_s=15),)
)


def test_the_calendar_says_how_long_the_session_takes() -> None:
    planned = sum(s.planned_s for s in plan_steps(PRETZELS, EXERCISES))
    minutes = routine_minutes(PRETZELS, Pace.of(EXERCISES))
    assert minutes == round(planned / 60) == 19  # 90 reps of 12 s, not of 3 s (5 min)
    assert description(PRETZELS, EXERCISES).startswith("About 19 min · 1 exercise")


def test_the_event_and_its_reminder_last_as_long_as_the_session_at_its_pace() -> None:
    import datetime as dt

    from icalendar import Calendar

    from hipdesk.domain.model import PlannedDay, PlannedRoutine, RunKind, WeekPlan
    from hipdesk.export.calendar import week_calendar

    pretzels = Routine("Pretzels", PRETZELS.items, id=5)
    plan = WeekPlan(
        days=tuple(
            PlannedDay(d, RunKind.NONE, (PlannedRoutine("Pretzels", dt.time(7, 0), 5),) if d == 2 else ())
            for d in range(7)
        )
    )
    data = week_calendar(plan, [pretzels], EXERCISES, "UTC", start=dt.date(2027, 3, 15),
                         stamp=dt.datetime(2027, 3, 1, tzinfo=dt.UTC), remind_minutes=10)  # fmt: skip
    (event,) = Calendar.from_ical(data).events
    assert (event.start, event.end) == (
        dt.datetime(2027, 3, 17, 7, 0, tzinfo=dt.UTC),
        dt.datetime(2027, 3, 17, 7, 19, tzinfo=dt.UTC),  # 19 min, as the session at 12 s a rep
    )
    (alarm,) = event.subcomponents
    assert str(alarm["DESCRIPTION"]) == "Pretzels: about 19 min"
