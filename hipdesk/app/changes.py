"""What an operation changed, so that every page showing it refreshes and no other does."""

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


# what each page shows, so what makes it stale
PAGE_DEPENDS_ON = {
    "today": Change.EXERCISES | Change.ROUTINES | Change.PLAN | Change.HISTORY | Change.SETTINGS,
    "library": Change.EXERCISES,
    "routines": Change.EXERCISES | Change.ROUTINES | Change.SETTINGS,
    "week": Change.EXERCISES | Change.ROUTINES | Change.PLAN | Change.SETTINGS,
    "history": Change.ROUTINES | Change.HISTORY,
}


def stale_pages(change: Change) -> set[str]:
    """The pages that show something ``change`` touched."""
    return {page for page, shown in PAGE_DEPENDS_ON.items() if shown & change}
