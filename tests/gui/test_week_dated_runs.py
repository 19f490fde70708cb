"""The Week page uses this week's dated run from the training plan, in the day and in the notes."""

from __future__ import annotations

import datetime as dt

from hipdesk.db.runs import RunStore
from hipdesk.domain.model import RunKind
from hipdesk.runs.plan import PlanRun

WEDNESDAY = dt.date(2027, 3, 17)
FRIDAY = dt.date(2027, 3, 19)  # a rest day in the starter week, the day after Thursday's strength set


def test_a_dated_race_shows_on_its_day_and_the_strength_the_day_before_is_noted(main_window, repo) -> None:
    win = main_window()
    page = win.week_page
    page.today = lambda: WEDNESDAY
    store = RunStore(repo.db)
    store.save_plan([PlanRun(FRIDAY + dt.timedelta(days=7), RunKind.RACE, "Next week's race")], {})
    win.show_page("week")
    page.reload()
    assert not page.columns[4].dated_label.isVisibleTo(page)  # next week's race is not this week's
    assert not any("race" in n.text for n in page._notes)
    store.save_plan([PlanRun(FRIDAY, RunKind.RACE, "City 10K")], {})
    page.reload()
    column = page.columns[4]
    assert column.dated_label.isVisibleTo(page) and column.dated_label.text() == "This week: Race"
    assert column.dated_label.toolTip() == "From your training plan: City 10K"
    assert column.run_combo.currentData() == RunKind.REST.value  # the weekly pattern is left as it is
    assert any(
        n.text.startswith("Thursday has strength work") and "race on Friday" in n.text for n in page._notes
    )
    assert repo.week_plan().days[4].run is RunKind.REST


def test_today_names_the_dated_run_of_its_day(main_window, repo) -> None:
    """Today follows the training plan too: a race dated today shows in its date line, the weekly
    pattern's run on the other days."""
    win = main_window()
    page = win.today_page
    page.today = lambda: FRIDAY
    page.reload()
    assert page.date_label.text().endswith("· Rest day")  # the weekly pattern: Friday is a rest day
    RunStore(repo.db).save_plan([PlanRun(FRIDAY, RunKind.RACE, "City 10K")], {})
    page.reload()
    assert page.date_label.text().endswith("· Race")
    assert repo.week_plan().days[4].run is RunKind.REST  # the weekly pattern is left as it is
