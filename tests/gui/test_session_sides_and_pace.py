"""The guided session's sides as the steps have them (screen, figure, History), and the pace its reps go
at, which is the pace of the lengths shown on Routines, Week and Today."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from hipdesk.app import settings as prefs
from hipdesk.app.operations.exercises import duplicate
from hipdesk.app.settings import current_pace
from hipdesk.catalogue.starter import STRENGTH
from hipdesk.domain.guidance import minutes_text, routine_minutes
from hipdesk.domain.model import ItemSides, Routine, RoutineItem, Side
from hipdesk.domain.rules import seconds_text
from hipdesk.engine import StepKind
from hipdesk.views.common.routine_list_model import Role as RoutineRole
from hipdesk.views.session import launch as session_launch
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.window import SessionWindow


class Quiet:
    def play(self, cue) -> None:
        pass

    def stop(self) -> None:
        pass


def session_window(qtbot, repo, routine: Routine, speed: float = 1.0) -> tuple[SessionWindow, SessionDriver]:
    saved = repo.save_routine(routine)
    exercises = {ex.id: ex for ex in repo.exercises()}
    driver = SessionDriver(repo, saved, exercises, speed=speed, lead_in_s=2)
    window = SessionWindow(driver, exercises, cue_output=Quiet(), preview=speed > 1)
    qtbot.addWidget(window, before_close_func=lambda w: _end(driver))
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, driver


def _end(driver: SessionDriver) -> None:
    driver.timer.stop()
    if not driver.finished:
        driver.end_early()  # closing a running session would ask first


def side_shown(window: SessionWindow) -> tuple[str, str, str]:
    return window.set_label.text(), window.side_label.text(), window.figure.side()


def test_donkey_kicks_start_right_and_say_which_leg_kicks(qtbot, repo) -> None:
    routine = Routine("Kicks", (RoutineItem("donkey-kicks", sets=2, reps=3, sides=ItemSides.EACH),))
    window, driver = session_window(qtbot, repo, routine)
    window.start()
    assert side_shown(window) == (
        "Set 1 of 2 · right side",
        "Kick with the right leg, the right knee lifting off the floor",
        "right",
    )
    assert window.side_label.isVisible()
    assert window.figure.figure().poses.side == "right"  # drawn as authored: the right leg kicks
    driver.skip()  # the lead-in
    driver.skip()  # the right side's reps
    assert window.step_label.text() == "SWITCH SIDES"
    assert side_shown(window) == (
        "Set 1 of 2 · left side",
        "Kick with the left leg, the left knee lifting off the floor",
        "left",
    )


def test_clamshell_starts_left_with_its_words(qtbot, repo) -> None:
    routine = Routine("Shells", (RoutineItem("clamshell", sets=1, reps=3, sides=ItemSides.EACH),))
    window, driver = session_window(qtbot, repo, routine)
    window.start()
    assert side_shown(window) == (
        "Set 1 of 1 · left side",
        "Lie on your right side and lift the left knee",
        "left",
    )


def test_a_bilateral_exercise_shows_no_side_words(qtbot, repo) -> None:
    window, driver = session_window(qtbot, repo, Routine("Squats", (RoutineItem("squat", reps=3),)))
    window.start()
    assert window.set_label.text() == "Set 1 of 1" and window.side_label.text() == ""


def test_history_records_the_side_the_screen_showed(qtbot, repo) -> None:
    routine = Routine(
        "Single legs",
        (
            RoutineItem("single-leg-squat", sets=2, reps=2, sides=ItemSides.EACH, rest_s=2, rest_after_s=2),
            RoutineItem("clamshell", sets=1, reps=2, sides=ItemSides.EACH, rest_after_s=0),
        ),
    )
    window, driver = session_window(qtbot, repo, routine, speed=40)
    shown: list[tuple[str, str]] = []

    def remember(state) -> None:
        step = state.step
        if step.is_work and (step.exercise_id, step.side.value) not in shown[-1:]:
            shown.append((step.exercise_id, step.side.value))

    driver.state_changed.connect(remember)
    window.start()
    qtbot.waitUntil(lambda: driver.finished, timeout=30_000)
    (session,) = repo.sessions()
    recorded = [(s.exercise_id, s.side.value) for s in session.sets]
    assert (
        recorded
        == shown
        == [
            ("single-leg-squat", "right"),
            ("single-leg-squat", "left"),
            ("single-leg-squat", "right"),
            ("single-leg-squat", "left"),
            ("clamshell", "left"),
            ("clamshell", "right"),
        ]
    )
    assert session.sets[0].side is Side.RIGHT


# -- pace ---------------------------------------------------------------------------------------
@pytest.fixture
def rep_pace():
    """Sets the rep-pace and lead-in settings for one test, and takes them away after it."""
    store = QSettings()

    def choose(percent: int, lead_in_s: int = 5) -> None:
        prefs.SESSION_REP_PACE.set(percent, store)
        prefs.SESSION_LEAD_IN.set(lead_in_s, store)
        store.sync()

    yield choose
    store.remove(prefs.SESSION_REP_PACE.name)
    store.remove(prefs.SESSION_LEAD_IN.name)
    store.sync()


class _Stop(Exception):
    pass


def started_driver(repo, routine: Routine, monkeypatch: pytest.MonkeyPatch, **options) -> SessionDriver:
    """The driver of a session started as Start (or Resume) starts it, stopped before a window opens."""
    made: list[SessionDriver] = []

    class Recording(SessionDriver):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    def stop() -> None:
        raise _Stop

    with monkeypatch.context() as patch:
        patch.setattr(session_launch, "SessionDriver", Recording)
        patch.setattr(session_launch, "make_cue_player", stop)  # stop before a window opens
        with pytest.raises(_Stop):
            session_launch.open_session(repo, routine, **options)
    return made[0]


def session_seconds(repo, routine: Routine, monkeypatch: pytest.MonkeyPatch) -> float:
    """How long a session started now plans to take: its steps, never run."""
    return sum(step.planned_s for step in started_driver(repo, routine, monkeypatch).steps)


@pytest.fixture
def window(main_window):
    return main_window()


@pytest.mark.parametrize(("percent", "lead_in_s"), [(100, 5), (150, 8), (60, 0)])
def test_routines_page_shows_the_length_the_session_takes(
    window, repo, monkeypatch, rep_pace, percent, lead_in_s
):
    rep_pace(percent, lead_in_s)
    window.reload()
    window.show_page("routines")
    page = window.routines_page
    for routine in repo.routines():
        assert page.select_routine(routine.name)
        expected = seconds_text(round(session_seconds(repo, routine, monkeypatch)))
        assert f"about {expected}" in page.ui.routineSummaryLabel.text(), routine.name
        row = page.routine_list.row_of(routine.id)
        assert f"about {expected}" in page.routine_list.index(row, 0).data(RoutineRole.SUBTITLE), routine.name


def test_the_rep_pace_setting_lengthens_routines_week_and_today(window, repo, monkeypatch, rep_pace) -> None:
    warm_up = repo.routine(STRENGTH)  # mostly counted reps
    rep_pace(100)
    window.reload()
    before = session_seconds(repo, warm_up, monkeypatch)
    rep_pace(200)
    window.reload()
    after = session_seconds(repo, warm_up, monkeypatch)
    assert after > before * 1.5  # most of it is reps
    exercises = {ex.id: ex for ex in repo.exercises(include_retired=True)}
    minutes = routine_minutes(warm_up, current_pace(exercises))
    assert minutes == max(1, round(after / 60))

    window.show_page("week")
    week = window.week_page
    plan = repo.week_plan()
    for weekday, day in enumerate(plan.days):
        routines = [repo.routine(p.routine_name) for p in day.routines if p.routine_id is not None]
        expected = sum(routine_minutes(r, current_pace(exercises)) for r in routines)
        assert week.model.day_minutes(weekday) == expected
    busy = next(
        d for d, day in enumerate(plan.days) if any(p.routine_name == warm_up.name for p in day.routines)
    )

    window.show_page("today")
    today = window.today_page
    today.today = lambda: _date_on(busy)
    today.reload()
    card = next(c for c in today.cards if c.name_label.text() == warm_up.name)
    assert f"about {minutes_text(minutes)}" in card.detail_label.text()


def _date_on(weekday: int):
    import datetime as dt

    monday = dt.date(2027, 3, 15)
    return monday + dt.timedelta(days=weekday)


def test_resuming_a_session_goes_on_with_the_side_not_yet_done(repo, monkeypatch) -> None:
    import datetime as dt

    from hipdesk.domain.model import SetRecord

    routine = repo.save_routine(
        Routine("Kicks", (RoutineItem("donkey-kicks", sets=1, reps=10, sides=ItemSides.EACH),))
    )
    sid = repo.start_session(routine)
    stamp = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)
    left = SetRecord(
        "donkey-kicks", Side.LEFT, 1, target_reps=10, actual_reps=10, started_at=stamp, ended_at=stamp
    )
    repo.record_set(sid, left, "Donkey Kicks", resume_step=2)  # stopped at the switch, left side done
    plan, step = repo.session_plan(sid)
    driver = started_driver(repo, plan, monkeypatch, resume_session=sid, resume_step=step)
    resumed = driver.steps[step:]
    assert [(s.kind, s.side) for s in resumed[:2]] == [
        (StepKind.SWITCH_SIDES, Side.RIGHT),
        (StepKind.WORK, Side.RIGHT),
    ]


def test_a_copy_keeps_its_sides_and_pace_until_it_is_made_bilateral(qtbot, repo) -> None:
    from hipdesk.domain.model import Sidedness
    from hipdesk.views.library.exercise_dialog import ExerciseDialog

    copy = duplicate(repo, "donkey-kicks")[0]
    assert copy.first_side is Side.RIGHT and copy.rep_s == 3 and copy.side_words is not None
    dialog = ExerciseDialog(copy)
    qtbot.addWidget(dialog)
    combo = dialog.ui.sidednessCombo
    combo.setCurrentIndex(combo.findData(Sidedness.BILATERAL.value))
    dialog.accept()
    edited = dialog.result_exercise()
    assert edited is not None and edited.side_words is None
    repo.update_exercise(edited)
    again = {ex.id: ex for ex in repo.exercises()}[copy.id]  # it loads again, with no sides
    assert again.sidedness is Sidedness.BILATERAL and again.side_words is None and again.rep_s == 3
