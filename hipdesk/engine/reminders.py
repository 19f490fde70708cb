"""When to remind the runner of a planned routine: a pure scheduler over the week plan and a clock.

The clock gives aware local datetimes (its zone is the zone the runner is in now). Each planned
routine on today's weekday gives one occurrence a day, keyed by the local date, the weekday and its
place in the day. An occurrence is due once its reminder time has come, and fires once; after a
suspend or a late start it still fires if it is at most ``GRACE`` late, and never after that. All
comparisons are made in UTC, so a DST change or a change of zone moves the wall-clock times with the
zone instead of firing twice or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from hipdesk.domain.guidance import minutes_text
from hipdesk.domain.model import RunKind, WeekPlan

GRACE = dt.timedelta(minutes=30)  # a reminder missed while asleep still fires this late, never later
SNOOZE = dt.timedelta(minutes=15)
DEFAULT_ANY_TIME = dt.time(7, 0)
MINUTES_BEFORE_RANGE = (0, 120)


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """The runner's choices: on or off, how early, when for "any time" routines, rest days."""

    enabled: bool = False
    minutes_before: int = 0
    any_time_at: dt.time = DEFAULT_ANY_TIME
    skip_rest_days: bool = True


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One routine planned on a weekday, with its time (None: any time) and its length."""

    weekday: int  # 0 = Monday
    index: int  # its place among the day's routines
    routine_name: str
    time: dt.time | None
    minutes: int
    rest_day: bool = False


@dataclass(frozen=True, slots=True)
class Reminder:
    """An occurrence of a planned routine on one date, and when to remind of it."""

    key: str  # the same for the same routine on the same date
    routine_name: str
    minutes: int
    planned: dt.datetime  # when the routine is planned, local time
    at: dt.datetime  # when to remind, in UTC (snoozes move it)
    any_time: bool

    @property
    def title(self) -> str:
        return f"Time for {self.routine_name}"

    @property
    def body(self) -> str:
        when = "planned for any time today" if self.any_time else f"planned at {self.planned:%H:%M}"
        length = minutes_text(self.minutes) if self.minutes else "a few minutes"
        return f"{self.routine_name}: about {length}, {when}."


def plan_entries(plan: WeekPlan, minutes_of: Callable[[int | None], int | None]) -> tuple[PlanEntry, ...]:
    """The entries of ``plan``; ``minutes_of(routine_id)`` gives a routine's length, or None for a
    routine that was deleted (it is left out)."""
    entries: list[PlanEntry] = []
    for day in plan.days:
        for index, planned in enumerate(day.routines):
            minutes = minutes_of(planned.routine_id)
            if minutes is None:
                continue
            rest = day.run is RunKind.REST
            entries.append(PlanEntry(day.weekday, index, planned.routine_name, planned.time, minutes, rest))
    return tuple(entries)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


@dataclass
class ReminderScheduler:
    """Which reminders are due now and when to look again; remembers what fired, snoozes and skips."""

    clock: Callable[[], dt.datetime]  # aware, in the local zone of the moment
    entries: tuple[PlanEntry, ...] = ()
    settings: ReminderSettings = field(default_factory=ReminderSettings)
    grace: dt.timedelta = GRACE
    _fired: set[str] = field(default_factory=set)
    _snoozed: dict[str, dt.datetime] = field(default_factory=dict)
    _skipped: set[str] = field(default_factory=set)

    def update(self, entries: Iterable[PlanEntry], settings: ReminderSettings) -> None:
        """A new plan or new settings; what already fired stays fired."""
        self.entries = tuple(entries)
        self.settings = settings

    def _now(self) -> dt.datetime:
        now = self.clock()
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("the reminder clock must give aware datetimes")
        return now

    def occurrences(self, date: dt.date, zone: dt.tzinfo) -> list[Reminder]:
        """Every reminder for ``date`` in ``zone``, skipped and done ones included."""
        chosen = self.settings
        found: list[Reminder] = []
        for entry in self.entries:
            if entry.weekday != date.weekday():
                continue
            if entry.rest_day and chosen.skip_rest_days:
                continue
            time = entry.time or chosen.any_time_at
            # A time in a DST gap is read with the offset before the change (02:30 becomes 03:30);
            # a time that occurs twice is the first of the two.
            planned = dt.datetime.combine(date, time, tzinfo=zone)
            early = dt.timedelta(minutes=chosen.minutes_before if entry.time is not None else 0)
            key = f"{date.isoformat()}/{entry.weekday}/{entry.index}/{entry.routine_name}"
            at = self._snoozed.get(key, _utc(planned) - early)
            found.append(Reminder(key, entry.routine_name, entry.minutes, planned, at, entry.time is None))
        return found

    def _candidates(self, now: dt.datetime) -> list[Reminder]:
        today = now.date()
        days = (today - dt.timedelta(days=1), today, today + dt.timedelta(days=1))
        return [r for day in days for r in self.occurrences(day, now.tzinfo or dt.UTC)]

    def due(self, done_today: Collection[str] = ()) -> list[Reminder]:
        """The reminders to show now, each only once; ``done_today`` names routines already done."""
        if not self.settings.enabled:
            return []
        now = self._now()
        moment = _utc(now)
        shown: list[Reminder] = []
        for reminder in self._candidates(now):
            if reminder.key in self._skipped or reminder.key in self._fired:
                continue
            if reminder.at > moment:
                continue
            self._fired.add(reminder.key)  # late or not, it is settled now
            if moment - reminder.at > self.grace:
                continue
            if reminder.planned.date() == now.date() and reminder.routine_name in done_today:
                continue
            shown.append(reminder)
        return shown

    def next_wakeup(self) -> dt.datetime | None:
        """The next moment (UTC) a reminder may become due, or None when none is coming."""
        if not self.settings.enabled:
            return None
        now = self._now()
        moment = _utc(now)
        coming = [
            r.at
            for r in self._candidates(now)
            if r.at > moment and r.key not in self._skipped and r.key not in self._fired
        ]
        if coming:
            return min(coming)
        chosen = self.settings
        if any(not (e.rest_day and chosen.skip_rest_days) for e in self.entries):
            # Nothing left in these three days: look again tomorrow (a week plan has gaps).
            tomorrow = now.date() + dt.timedelta(days=1)
            return _utc(dt.datetime.combine(tomorrow, dt.time(0, 0), tzinfo=now.tzinfo))
        return None

    def settled(self) -> list[str]:
        """The keys of occurrences that fired or were skipped, from yesterday on: kept across a restart
        so that a HipDesk started again inside the grace does not remind twice."""
        since = (self._now().date() - dt.timedelta(days=1)).isoformat()
        return sorted(k for k in self._fired | self._skipped if k[:10] >= since)

    def restore(self, keys: Iterable[str]) -> None:
        """What :meth:`settled` gave before a restart counts as fired."""
        self._fired.update(k for k in keys if isinstance(k, str))

    def snooze(self, reminder: Reminder, delay: dt.timedelta = SNOOZE) -> dt.datetime:
        """Remind again ``delay`` from now; returns when (UTC)."""
        at = _utc(self._now()) + delay
        self._snoozed[reminder.key] = at
        self._fired.discard(reminder.key)
        return at

    def skip_today(self, reminder: Reminder) -> None:
        """No more reminders for this occurrence (snoozed or not)."""
        self._skipped.add(reminder.key)
        self._snoozed.pop(reminder.key, None)
