"""The order of the weekdays on screen: the locale's calendar decides which day comes first."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def first_weekday(locale: QLocale | None = None) -> int:
    """The locale's first day of the week, Monday = 0."""
    return (locale or QLocale()).firstDayOfWeek().value - 1


def week_order(locale: QLocale | None = None) -> list[int]:
    """The seven weekdays (Monday = 0) in the order the locale's calendar shows them."""
    first = first_weekday(locale)
    return [(first + i) % 7 for i in range(7)]
