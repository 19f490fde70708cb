from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipdesk.domain.model import ItemSides, RepMode, Routine, RoutineItem, SessionStatus, Side
from hipdesk.engine import CueKind, StepKind
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.window import SessionWindow

MARKUP = "<b>Hips</b><img src=x>"


class RecordingOutput:
    def __init__(self) -> None:
        self.cues = []

    def play(self, cue) -> None:
        self.cues.append(cue)

    def stop(self) -> None:
        self.cues.append("stop")


def make(qtbot, repo, routine: Routine, speed: float = 1.0, **driver_args):
    saved = repo.save_routine(routine)
    exercises = {ex.id: ex for ex in repo.exercises()}
    driver = SessionDriver(repo, saved, exercises, speed=speed, lead_in_s=2, **driver_args)
    output = RecordingOutput()
    window = SessionWindow(driver, exercises, cue_output=output, preview=speed > 1)
    qtbot.addWidget(window, before_close_func=lambda w: driver.timer.stop())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, driver, output


SHORT = Routine(
    MARKUP,
    items=(
        RoutineItem("clamshell", sets=2, reps=3, sides=ItemSides.EACH, rest_s=2, rest_after_s=2),
        RoutineItem("figure-4-stretch", sets=1, hold_s=4, sides=ItemSides.LEFT, rest_after_s=0),
    ),
)


def test_a_fast_session_runs_to_the_end_and_saves_every_set(qtbot, repo) -> None:
    window, driver, output = make(qtbot, repo, SHORT, speed=40)
    window.start()
    qtbot.waitUntil(lambda: driver.finished, timeout=20_000)
    (session,) = repo.sessions()
    assert session.status is SessionStatus.FINISHED and session.routine_name == MARKUP
    keys = [(s.item_index, s.side, s.set_number) for s in session.sets]
    assert keys == [
        (0, Side.LEFT, 1),
        (0, Side.RIGHT, 1),
        (0, Side.LEFT, 2),
        (0, Side.RIGHT, 2),
        (1, Side.LEFT, 1),
    ]
    assert all(not s.skipped for s in session.sets)
    kinds = {c.kind for c in output.cues if c != "stop"}
    assert {CueKind.ANNOUNCE, CueKind.GO, CueKind.SWITCH_SIDES, CueKind.FINISHED} <= kinds
    assert window.stack.currentIndex() == 1  # the summary
    assert "5 sets done, 0 skipped" in window.summary.summaryLabel.text()


def test_the_screen_shows_the_exercise_the_set_and_the_countdown(qtbot, repo) -> None:
    routine = Routine(
        "Stretch", items=(RoutineItem("figure-4-stretch", sets=2, hold_s=30, sides=ItemSides.EACH),)
    )
    window, driver, _ = make(qtbot, repo, routine)
    window.start()
    assert window.step_label.text() == "GET READY"
    assert window.name_label.text() == "Figure 4 Stretch"
    assert window.set_label.text() == "Set 1 of 2 · left side"
    assert window.figure.side() == "left"
    driver.skip()  # past the lead-in
    assert window.step_label.text() == "WORK"
    assert window.ring.text() in {"30", "29"} and window.ring.caption() == "hold"
    assert window.next_label.text().startswith("Next: Figure 4 Stretch (set 1, right side)")


def test_keys_pause_skip_back_and_extend(qtbot, repo) -> None:
    routine = Routine(
        "Stretch", items=(RoutineItem("figure-4-stretch", sets=2, hold_s=30, sides=ItemSides.EACH),)
    )
    window, driver, _ = make(qtbot, repo, routine)
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert driver.state().step.kind is StepKind.WORK
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert driver.state().paused and window.buttons["pause"].text() == "Go on"
    assert window.cue_output.cues[-1] == "stop"  # speech stops at once on pause
    left = driver.state().seconds_left
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert driver.state().seconds_left == pytest.approx(left + 15, abs=0.2)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not driver.state().paused
    qtbot.keyClick(window, Qt.Key.Key_Right)  # skip the hold: recorded as skipped
    assert repo.sessions()[0].sets[0].skipped
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert driver.state().step.kind is StepKind.WORK and driver.state().step.side is Side.LEFT


def test_manual_reps_wait_for_done(qtbot, repo) -> None:
    routine = Routine("Manual", items=(RoutineItem("squat", sets=1, reps=12, rep_mode=RepMode.MANUAL),))
    window, driver, _ = make(qtbot, repo, routine)
    window.start()
    driver.skip()
    assert window.buttons["done"].isVisible() and window.ring.caption() == "reps: press Done"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    record = repo.sessions()[0].sets[0]
    assert record.actual_reps == 12 and not record.skipped


def test_escape_asks_before_ending_and_keeps_what_was_done(qtbot, repo, monkeypatch) -> None:
    answers = iter([False, True])
    monkeypatch.setattr("hipdesk.views.session.window.confirm", lambda *args: next(answers))
    window, driver, _ = make(qtbot, repo, SHORT)
    window.start()
    driver.skip()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # "no": the session goes on, unpaused
    assert not driver.finished and not driver.state().paused
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # "yes"
    assert driver.finished
    session = repo.sessions()[0]
    assert session.status is SessionStatus.PARTIAL and len(session.sets) == 1


def test_feedback_is_saved_from_the_summary(qtbot, repo) -> None:
    window, driver, _ = make(qtbot, repo, SHORT, speed=60)
    window.start()
    qtbot.waitUntil(lambda: driver.finished, timeout=20_000)
    window.preview = False
    ui = window.summary
    ui.effortScale.set_value(7)
    ui.leftScale.set_value(1)
    ui.rightScale.set_value(4)
    ui.notesEdit.setPlainText(MARKUP)
    ui.saveButton.click()
    saved = repo.sessions()[0]
    assert (saved.rpe, saved.discomfort_left, saved.discomfort_right, saved.notes) == (7, 1, 4, MARKUP)


def test_a_resumed_session_goes_on_at_its_step(qtbot, repo) -> None:
    saved = repo.save_routine(SHORT)
    sid = repo.start_session(saved)
    window, driver, _ = make(
        qtbot, repo, SHORT.__class__(name="Other", items=SHORT.items), resume_session=sid, resume_step=5
    )
    window.start()
    assert driver.session_id == sid
    assert driver.state().index == 5


def test_the_window_offers_to_resume_an_interrupted_session(qtbot, repo, monkeypatch) -> None:
    from hipdesk.views.shell.main_window import MainWindow

    saved = repo.save_routine(SHORT)
    sid = repo.start_session(saved)
    asked = []
    monkeypatch.setattr(
        "hipdesk.views.common.widgets.ask", lambda *args: asked.append(args[2]) or "Keep as Partial"
    )
    window = MainWindow(repo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert MARKUP in asked[0] and "stopped before the end" in asked[0]
    assert repo.session(sid).status is SessionStatus.PARTIAL


def test_resume_from_the_window_opens_the_session_at_its_step(qtbot, repo, monkeypatch) -> None:
    from hipdesk.views.shell.main_window import MainWindow

    saved = repo.save_routine(SHORT)
    sid = repo.start_session(saved)
    repo.set_resume_step(sid, 4)
    monkeypatch.setattr("hipdesk.views.common.widgets.ask", lambda *args: "Resume")
    monkeypatch.setattr(
        "hipdesk.views.session.window.SessionWindow.show_full_screen", lambda self: self.show()
    )
    window = MainWindow(repo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.sessions.open), timeout=3000)
    session_window = window.sessions.open[0]
    assert session_window.driver.session_id == sid and session_window.driver.state().index == 4
    session_window.driver.end_early()
    session_window.close()
