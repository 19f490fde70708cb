"""Dates and weekday names in the language of the interface, from one place.

HipDesk speaks English until it is translated, so the names of days and months are English whatever the
system's language; the territory of the system locale still decides the order of day and month ("2
December" or "December 2"). The first day of the week and number formats keep following the system
locale (see ``weekdays.py``); a weekday named on its own is ``WEEKDAY_NAMES`` of the domain.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime


def ui_locale() -> QLocale:
    """English, in the territory of the default locale (an English name with a German territory is
    still English: ``en_DE`` reads "Wednesday, 2 December 2026")."""
    territory = QLocale().territory()
    locale = QLocale(QLocale.Language.English, territory)
    if locale.language() != QLocale.Language.English:  # no English for that territory in Qt's data
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date) -> str:
    """The weekday, the day and the month, and the year: "Wednesday, 2 December 2026"."""
    return ui_locale().toString(_qdate(day), QLocale.FormatType.LongFormat)


def long_date_time(when: dt.datetime) -> str:
    """``long_date`` and the local time: "Wednesday, 2 December 2026, 07:30"."""
    local = when.astimezone() if when.tzinfo is not None else when
    return f"{long_date(local.date())}, {local:%H:%M}"


def short_date_time(when: dt.datetime) -> str:
    """A short weekday, day, month, year and time to the second, as in a list of backups."""
    local = when.astimezone() if when.tzinfo is not None else when
    locale = ui_locale()
    day = locale.toString(_qdate(local.date()), "ddd d MMM yyyy")
    return f"{day}, {locale.toString(QTime(local.hour, local.minute, local.second), 'HH:mm:ss')}"
