"""What an operation changed, so that every page showing it refreshes and no other does (each page's
``on_changed`` says which changes it shows)."""

from __future__ import annotations

import enum


class Change(enum.Flag):
    """The kinds of data an operation can change; pages refresh on the kinds they show."""

    NONE = 0
    EXERCISES = enum.auto()
    ROUTINES = enum.auto()
    PLAN = enum.auto()
    HISTORY = enum.auto()
    SETTINGS = enum.auto()


# everything at once: after an import, or a backup put back
EVERYTHING = Change.EXERCISES | Change.ROUTINES | Change.PLAN | Change.HISTORY | Change.SETTINGS
