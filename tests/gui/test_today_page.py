from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hipdesk.app.context import AppContext
from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.history import DayTotal, SessionSummary
from hipdesk.domain.model import (
    PlannedDay,
    PlannedRoutine,
    Routine,
    RoutineItem,
    RunKind,
    SessionStatus,
    WeekPlan,
)
from hipdesk.views.shell.main_window import MainWindow
from hipdesk.views.today.page import TodayPage, days_after

MARKUP = '<b>x</b><img src="file:///etc/passwd">'
EXERCISES = {ex.id: ex for ex in load_catalogue()}
STRENGTH = Routine("Hip strength", (RoutineItem("squat", reps=10), RoutineItem("clamshell", reps=10)), id=1)
STRETCH = Routine("Hip stretch", (RoutineItem("figure-4-stretch", hold_s=30),), id=2)
WEDNESDAY = dt.date(2027, 3, 17)


def plan(**days) -> WeekPlan:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    runs = [
        RunKind.REST,
        RunKind.EASY,
        RunKind.WORKOUT,
        RunKind.EASY,
        RunKind.REST,
        RunKind.EASY,
        RunKind.LONG,
    ]
    return WeekPlan(days=tuple(PlannedDay(d, runs[d], tuple(days.get(n, []))) for d, n in enumerate(names)))


def at(routine: Routine, time: dt.time | None = None) -> PlannedRoutine:
    return PlannedRoutine(routine.name, time, routine.id)


@pytest.fixture
def page(qtbot, repo) -> TodayPage:
    page = TodayPage(AppContext.around(repo))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


@pytest.fixture
def monday_first():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def texts(page: TodayPage) -> list[str]:
    QApplication.processEvents()  # widgets added to a shown layout show on the next turn of the loop
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]


def test_todays_routines_by_time_each_with_a_start_button(page, qtbot) -> None:
    page.show_day(
        plan(wed=[at(STRETCH), at(STRENGTH, dt.time(18, 30))]), [STRENGTH, STRETCH], EXERCISES, WEDNESDAY
    )
    assert page.day_label.text() == "Today"
    assert "Workout" in page.date_label.text() and "2027" in page.date_label.text()
    names = [card.name_label.text() for card in page.cards]
    assert names == ["Hip strength", "Hip stretch"]  # the timed one first
    assert page.cards[0].detail_label.text().startswith("18:30 · about ")
    assert page.cards[1].detail_label.text().startswith("Any time · ")
    assert page.cards[0].exercises_label.text() == "Bodyweight Squat · Clamshell"
    with qtbot.waitSignal(page.start_requested) as started:
        qtbot.mouseClick(page.cards[1].start_button, Qt.MouseButton.LeftButton)
    assert started.args == ["Hip stretch"]
    assert (
        len(page.start_buttons()) == 2 and page.cards[0].start_button.accessibleName() == "Start Hip strength"
    )
    assert not page.empty_label.isVisibleTo(page)


def test_names_with_markup_are_shown_as_typed(page, qtbot) -> None:
    mine = Routine(MARKUP, (RoutineItem("squat", reps=5),), id=5)
    page.show_day(plan(wed=[at(mine)], thu=[at(mine, dt.time(7, 0))]), [mine], EXERCISES, WEDNESDAY)
    card = page.cards[0]
    assert card.name_label.text() == MARKUP and card.name_label.textFormat() == Qt.TextFormat.PlainText
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in page.findChildren(QLabel))
    assert f"07:00 {MARKUP}" in texts(page)
    with qtbot.waitSignal(page.start_requested) as started:
        card.start_button.click()
    assert started.args == [MARKUP]


def test_a_friendly_line_when_nothing_is_planned_today(page, qtbot) -> None:
    page.show_day(plan(thu=[at(STRENGTH)]), [STRENGTH], EXERCISES, WEDNESDAY)
    assert page.cards == []
    assert page.empty_label.isVisibleTo(page)
    assert page.empty_label.text() == "Nothing planned for your hips today. Enjoy your workout."
    with qtbot.waitSignal(page.week_requested):
        page.week_button.click()
    page.show_day(plan(thu=[at(STRENGTH)]), [STRENGTH], EXERCISES, WEDNESDAY - dt.timedelta(days=2))
    assert "rest day" in page.empty_label.text()
    page.show_day(plan(), [STRENGTH], EXERCISES, WEDNESDAY)
    assert page.empty_label.text().startswith("Nothing is planned yet.")


def test_a_deleted_routine_today_cannot_be_started(page) -> None:
    page.show_day(
        plan(wed=[PlannedRoutine("Old core", dt.time(7, 0), None)]), [STRENGTH], EXERCISES, WEDNESDAY
    )
    [card] = page.cards
    assert card.name_label.text() == "Old core" and "deleted" in card.detail_label.text()
    assert not card.start_button.isVisibleTo(page) and page.start_buttons() == []
    assert "“Old core” on Wednesday no longer exists: remove it from your week." in page.notes_label.text()


def test_what_is_next_this_week(page, monday_first) -> None:
    the_plan = plan(thu=[at(STRENGTH, dt.time(18, 30))], sun=[at(STRETCH), at(STRENGTH, dt.time(7, 0))])
    page.show_day(the_plan, [STRENGTH, STRETCH], EXERCISES, WEDNESDAY)
    assert page.next_title.text() == "Later this week"
    shown = texts(page)
    for expected in (
        "Thursday",
        "18:30 Hip strength",
        "Friday",
        "Rest day",
        "Sunday",
        "07:00 Hip strength · Hip stretch",
    ):
        assert expected in shown
    assert "Monday" not in shown and "Wednesday" not in shown
    sunday = dt.date(2027, 3, 21)
    page.show_day(the_plan, [STRENGTH, STRETCH], EXERCISES, sunday)
    assert page.next_title.text() == "Next week"
    assert "Monday" in texts(page) and "Saturday" in texts(page)


def test_days_after_follows_the_locales_first_day() -> None:
    assert days_after(2, 0) == ("Later this week", [3, 4, 5, 6])
    assert days_after(2, 6) == ("Later this week", [3, 4, 5])  # weeks start on Sunday
    assert days_after(5, 6) == ("Next week", [6, 0, 1, 2, 3, 4, 5])  # Saturday is the last day


def test_the_window_opens_on_today_and_makes_it_only_once_the_data_is_there(qtbot, repo) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    qtbot.waitExposed(window)
    assert window.current_page() == "today" and window.ui.navigation.item(0).text() == "Today"
    assert "today" not in window._pages  # nothing that needs storage before the first paint
    assert window.ui.pages.currentWidget().objectName() == "waitingPage"
    window.attach(AppContext.around(repo, parent=window))
    page = window.ui.pages.currentWidget()
    assert isinstance(page, TodayPage) and page.isVisible()
    assert page.day_label.text() == "Today"
    assert window.findChild(QLabel, "dateLabel").text()


def test_ctrl_numbers_follow_the_navigation_order(qtbot, repo) -> None:
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shortcuts = {a.shortcut().toString(): a for a in window.go_menu.actions()}
    for number, key in reversed(list(enumerate(["today", "library", "routines", "week", "history"], 1))):
        shortcuts[f"Ctrl+{number}"].trigger()
        assert window.current_page() == key


class FakeSession(QWidget):
    closed = Signal()


def test_start_opens_a_guided_session_and_week_edits_show_on_today(qtbot, repo, monkeypatch) -> None:
    started = []
    monkeypatch.setattr(
        "hipdesk.views.session.launch.open_session",
        lambda repo, routine, **kwargs: started.append(routine) or FakeSession(),
    )
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    today = window.today_page
    weekday = dt.date.today().weekday()
    if not today.cards:
        window.show_page("week")
        window.week_page.model.add_routines([repo.routine("Hip stretch").id], weekday)
        window.show_page("today")
    assert today.cards
    name = today.cards[0].name_label.text()
    today.cards[0].start_button.click()
    assert [r.name for r in started] == [name] and started[0].items  # the stored routine, whole
    assert len(window.sessions.open) == 1
    window.sessions.open[0].closed.emit()
    assert window.sessions.open == []
    # a change on the Week page shows on Today when it is shown next
    window.show_page("week")
    model = window.week_page.model
    model.remove_entries([(weekday, r) for r in range(len(model.entries(weekday)))])
    window.show_page("today")
    assert today.cards == [] and today.empty_label.isVisibleTo(today)


def test_a_routine_with_no_exercises_says_so_instead_of_starting(qtbot, repo, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(
        "hipdesk.views.common.widgets.message", lambda parent, title, text: shown.append(text)
    )
    empty = repo.save_routine(Routine("Empty for now"))
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.sessions.start(empty.name)
    assert shown == ["The routine 'Empty for now' has no exercises yet."]


def _session(name: str, status: SessionStatus, ended: dt.datetime) -> SessionSummary:
    return SessionSummary(1, name, ended - dt.timedelta(minutes=12), ended, status)


def test_a_routine_done_today_is_ticked_with_its_local_time_and_can_be_started_again(page) -> None:
    ended = dt.datetime(2027, 3, 17, 7, 12, tzinfo=dt.UTC)
    done = {"Hip strength": _session("Hip strength", SessionStatus.FINISHED, ended)}
    page.show_day(plan(wed=[at(STRENGTH), at(STRETCH)]), [STRENGTH, STRETCH], EXERCISES, WEDNESDAY, done=done)
    strength, stretch = page.cards
    local = ended.astimezone().strftime("%H:%M")  # the zone the runner lives in, not UTC
    assert strength.done_label.text() == f"✓ Done at {local}" and strength.done_label.isVisibleTo(strength)
    assert strength.start_button.text() == "Start Again" and strength.start_button.isEnabled()
    assert strength.start_button.accessibleName() == "Start Hip strength again"
    assert stretch.start_button.text() == "Start" and not stretch.done_label.isVisibleTo(stretch)


def test_a_session_ended_early_reads_partly_done(page) -> None:
    ended = dt.datetime(2027, 3, 17, 18, 40, tzinfo=dt.UTC)
    done = {"Hip stretch": _session("Hip stretch", SessionStatus.PARTIAL, ended)}
    page.show_day(plan(wed=[at(STRETCH)]), [STRENGTH, STRETCH], EXERCISES, WEDNESDAY, done=done)
    assert page.cards[0].done_label.text() == f"Partly done at {ended.astimezone():%H:%M}"


def test_the_week_so_far_and_a_strip_of_its_seven_days(page, monday_first) -> None:
    week = plan(mon=[at(STRENGTH)], tue=[at(STRETCH)], wed=[at(STRENGTH), at(STRETCH)], fri=[at(STRETCH)])
    monday, tuesday = WEDNESDAY - dt.timedelta(days=2), WEDNESDAY - dt.timedelta(days=1)
    days = {
        monday: DayTotal(monday, finished=1, seconds=25 * 60),
        WEDNESDAY: DayTotal(WEDNESDAY, partial=1, seconds=5 * 60),
    }
    page.show_week(week, [STRENGTH, STRETCH], days, WEDNESDAY, since=monday - dt.timedelta(days=30))
    assert page.progress_label.text().startswith("1 of 5 sessions · 30 of ")
    assert page.progress_label.text().endswith(" min this week")
    states = [(tile.day, tile.state_label.text()) for tile in page.tiles]
    assert states == [
        (monday, "✓ Done"),
        (tuesday, "✗ Missed"),
        (WEDNESDAY, "◐ Partly done"),
        (WEDNESDAY + dt.timedelta(days=1), "Rest"),
        (WEDNESDAY + dt.timedelta(days=2), "○ Planned"),
        (WEDNESDAY + dt.timedelta(days=3), "Rest"),
        (WEDNESDAY + dt.timedelta(days=4), "Rest"),
    ]
    assert page.tiles[2].name_label.text() == "Today" and page.tiles[0].name_label.text() == "Mon"
    assert page.tiles[1].accessibleName() == "Tuesday 16: Missed"


def test_finishing_a_routine_twice_shows_it_done_on_today_at_once(qtbot, repo) -> None:
    """Issue 14: Today kept showing Start for a routine finished twice today until a restart."""
    quick = repo.save_routine(Routine("Quick hips", (RoutineItem("clamshell", sets=1, reps=2),)))
    weekday = dt.date.today().weekday()
    days = [PlannedDay(d, RunKind.EASY, (PlannedRoutine(quick.name, None, quick.id),)) for d in range(7)]
    repo.save_week_plan(WeekPlan(days=tuple(days)))
    window = MainWindow(repo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    today = window.today_page
    (card,) = today.cards
    assert card.start_button.text() == "Start" and not card.done_label.isVisibleTo(today)
    for _ in range(2):
        qtbot.mouseClick(today.cards[0].start_button, Qt.MouseButton.LeftButton)
        (session,) = window.sessions.open
        qtbot.waitExposed(session)
        while not session.driver.finished:  # the runner skips through every step with →
            qtbot.keyClick(session, Qt.Key.Key_Right)
        qtbot.mouseClick(session.summary.saveButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.sessions.open)
        (card,) = today.cards
        (last,) = [s for s in repo.sessions() if s.status is SessionStatus.FINISHED][:1]
        assert card.done_label.text() == f"✓ Done at {last.ended_at.astimezone():%H:%M}"
        qtbot.waitUntil(card.done_label.isVisible)  # on screen, not only in the page's widgets
        assert card.start_button.text() == "Start Again"
    assert [tile.state_label.text() for tile in today.tiles if tile.day.weekday() == weekday] == ["✓ Done"]
    assert today.progress_label.text().startswith("2 of 7 sessions · ")
