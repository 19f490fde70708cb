"""A training plan published as an ICS calendar, read as dated runs with a guessed kind.

Recurring events are expanded (recurring-ical-events) over the weeks asked for; an event with a
time counts on its local day in the runner's zone, an all-day event on its own date. The kind is
guessed from the title and categories (words such as "tempo", "long", "race", "rest"), then from the
length of the event; what the runner corrects is remembered by keyword (the title, lower case).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hipdesk.domain.model import RunKind, WeekPlan
from hipdesk.runs.model import RunFileError

_WORDS: tuple[tuple[RunKind, tuple[str, ...]], ...] = (
    (RunKind.RACE, ("race", "marathon", "parkrun", "10k race", "5k race", "half marathon", "competition")),
    (RunKind.REST, ("rest", "off", "day off", "recovery day", "no run")),
    (RunKind.LONG, ("long", "lsd")),
    (
        RunKind.WORKOUT,
        (
            "tempo",
            "interval",
            "intervals",
            "threshold",
            "fartlek",
            "hill",
            "hills",
            "repeats",
            "track",
            "speed",
            "workout",
            "vo2",
        ),
    ),
    (RunKind.EASY, ("easy", "recovery", "shakeout", "jog", "aerobic", "base", "run")),
)
_LONG_EVENT = dt.timedelta(minutes=90)
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PlanRun:
    day: dt.date
    kind: RunKind
    title: str

    @property
    def keyword(self) -> str:
        return keyword_of(self.title)


def keyword_of(title: str) -> str:
    return " ".join(title.lower().split())


def guess_kind(title: str, categories: list[str], duration: dt.timedelta | None) -> RunKind | None:
    """The kind the words say, else the length says; None for an event that is not about running."""
    text = " ".join([title, *categories]).lower()
    words = set(re.findall(r"[a-z0-9]+", text))
    for kind, keys in _WORDS:
        for key in keys:
            if (" " in key and key in text) or key in words:
                return kind
    if duration is not None and duration >= _LONG_EVENT:
        return RunKind.LONG
    return None


def _categories(event: Any) -> list[str]:
    value = event.get("CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        cats = getattr(item, "cats", None)
        found.extend(str(c) for c in (cats if cats is not None else [item]))
    return found


def read_plan(
    path: Path,
    first_day: dt.date,
    weeks: int,
    zone: dt.tzinfo,
    keywords: Mapping[str, RunKind] | None = None,
) -> list[PlanRun]:
    """The runs the calendar plans from ``first_day`` for ``weeks`` weeks, by date, one per day."""
    import icalendar
    import recurring_ical_events

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RunFileError(f"{path.name}: cannot be read ({exc.strerror})") from None
    if len(data) > _MAX_BYTES:
        raise RunFileError(f"{path.name}: too large for a training plan")
    if b"BEGIN:VCALENDAR" not in data[:4096]:
        raise RunFileError(f"{path.name}: not an iCalendar (.ics) file")
    try:
        calendar = icalendar.Calendar.from_ical(data)
        start = dt.datetime.combine(first_day, dt.time(), zone)
        events = recurring_ical_events.of(calendar).between(start, start + dt.timedelta(weeks=weeks))
    except Exception as exc:  # icalendar raises ValueError and others for broken files
        raise RunFileError(f"{path.name}: not a readable calendar ({str(exc)[:80]})") from None
    remembered = keywords or {}
    by_day: dict[dt.date, PlanRun] = {}
    for event in events:
        title = str(event.get("SUMMARY", "")).strip()
        begin = event.decoded("DTSTART")
        end = event.decoded("DTEND") if event.get("DTEND") is not None else None
        if isinstance(begin, dt.datetime):
            begin_local = begin.astimezone(zone) if begin.tzinfo else begin
            day = begin_local.date()
            duration = (end - begin) if isinstance(end, dt.datetime) else event.decoded("DURATION", None)
        else:
            day, duration = begin, None
        kind = remembered.get(keyword_of(title)) or guess_kind(title, _categories(event), duration)
        if kind is None or not first_day <= day < first_day + dt.timedelta(weeks=weeks):
            continue
        current = by_day.get(day)
        if current is None or _weight(kind) > _weight(current.kind):
            by_day[day] = PlanRun(day, kind, title)
    if not by_day:
        raise RunFileError(f"{path.name}: no runs in the next {weeks} weeks")
    return [by_day[day] for day in sorted(by_day)]


def _weight(kind: RunKind) -> int:
    order = [RunKind.NONE, RunKind.REST, RunKind.EASY, RunKind.WORKOUT, RunKind.LONG, RunKind.RACE]
    return order.index(kind)


def weekly_pattern(runs: list[PlanRun]) -> dict[int, RunKind]:
    """Each weekday's most frequent kind over the plan (0 = Monday); weekdays with none are left out."""
    counts: dict[int, Counter[RunKind]] = {}
    for run in runs:
        counts.setdefault(run.day.weekday(), Counter())[run.kind] += 1
    return {wd: c.most_common(1)[0][0] for wd, c in sorted(counts.items())}


def week_dates(today: dt.date, first_weekday: int = 0) -> dict[int, dt.date]:
    """The date of each weekday (0 = Monday) in the week ``today`` falls in, the locale's week."""
    start = today - dt.timedelta(days=(today.weekday() - first_weekday) % 7)
    return {(start + dt.timedelta(days=i)).weekday(): start + dt.timedelta(days=i) for i in range(7)}


def with_dated_runs(plan: WeekPlan, dated: Mapping[int, RunKind]) -> WeekPlan:
    """The week plan with this week's dated runs (by weekday) in place of the weekly pattern's."""
    return WeekPlan(tuple(replace(day, run=dated.get(day.weekday, day.run)) for day in plan.days))
