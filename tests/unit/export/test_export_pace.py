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
