"""What the parts of ``Repo`` share: the not-found error, the stored clock and the name and size checks."""

from __future__ import annotations

import datetime as dt

from hipdesk.domain.errors import HipDeskError, ValidationError
from hipdesk.domain.model import Routine
from hipdesk.domain.serialize import MAX_NAME, too_many_items


class NotFoundError(HipDeskError):
    pass


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def to_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def check_item_count(routine: Routine, stored: int = 0) -> None:
    """Refuse a routine over the item limit, unless it shrinks one ``stored`` that long already."""
    problem = too_many_items(len(routine.items))
    if problem is not None and not len(routine.items) <= stored:
        raise ValidationError(problem)


def check_name(name: str, what: str = "A routine") -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(f"{what} needs a name.")
    if len(name) > MAX_NAME:
        raise ValidationError(f"{what} name can be at most {MAX_NAME} characters long.")
    return name
