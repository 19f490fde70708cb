"""The session screen as the runner sees it from the mat: what comes next, the phase, the cue line,
the elapsed time, Enter, and the summary form."""

from __future__ import annotations

import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hipdesk.domain.model import ItemSides, Routine, RoutineItem, Side
from hipdesk.engine import Cue, CueKind, StepKind
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.window import PHASE_COLORS, SessionWindow

from .test_session_window import RecordingOutput


def _stop(window: SessionWindow) -> None:
    window.driver.timer.stop()
    window.ask_to_end = lambda: True  # the test is over: close without asking


def make(qtbot, repo, routine: Routine, speed: float = 1.0, size=(1280, 800)):
    saved = repo.save_routine(routine)
    exercises = {ex.id: ex for ex in repo.exercises()}
    driver = SessionDriver(repo, saved, exercises, speed=speed, lead_in_s=2)
    window = SessionWindow(driver, exercises, cue_output=RecordingOutput(), preview=speed > 1)
    qtbot.addWidget(window, before_close_func=_stop)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window, driver


TWO = Routine(
    "Two",
    items=(
        RoutineItem("figure-4-stretch", sets=2, hold_s=30, sides=ItemSides.EACH, rest_s=20, rest_after_s=20),
        RoutineItem("clamshell", sets=2, reps=10, sides=ItemSides.EACH, rest_s=20),
    ),
)


def _shown(window: SessionWindow) -> str:
    """The set on screen in the words "Next" uses: "Figure 4 Stretch (set 1, left side)"."""
    step = window.driver.state().step
    side = {Side.LEFT: ", left side", Side.RIGHT: ", right side"}.get(step.side, "")
    return f"Next: {step.exercise_name} (set {step.set_number}{side})"


def test_next_never_repeats_the_set_on_screen_in_get_ready_rest_or_switch(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    seen = set()
    while not driver.finished:
        step = driver.state().step
        seen.add(step.kind)
        assert window.next_label.text() != _shown(window), f"{step.kind}: {window.next_label.text()}"
        driver.skip()
    assert {StepKind.GET_READY, StepKind.SWITCH_SIDES, StepKind.REST_SET, StepKind.REST_NEXT} <= seen


def test_get_ready_names_the_exercise_and_next_is_the_set_after_it(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    assert window.step_label.text() == "GET READY" and window.set_label.text() == "Set 1 of 2 · left side"
    assert window.next_label.text() == "Next: Figure 4 Stretch (set 1, right side)"
    driver.skip()  # work, left
    driver.skip()  # switch sides: the right side is on screen
    assert window.step_label.text() == "SWITCH SIDES"
    assert window.next_label.text() == "Next: Figure 4 Stretch (set 2, left side)"


def test_the_phase_is_written_as_large_as_the_exercise_name(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    words = []
    for _ in range(4):  # get ready, work, switch sides, work, rest
        words.append(window.step_label.text())
        assert window.step_label.font().pixelSize() == window.name_label.font().pixelSize()
        assert window.step_label.font().bold()
        driver.skip()
    words.append(window.step_label.text())
    assert words == ["GET READY", "WORK", "SWITCH SIDES", "WORK", "REST"]


def test_the_switch_sides_cue_is_gone_once_work_starts(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    driver.skip()
    driver.skip()  # switch sides
    window._on_driver_cue_emitted(Cue(CueKind.SWITCH_SIDES, "Switch sides"))
    driver.skip()  # work on the right side
    texts = [w.text() for w in window.findChildren(type(window.name_label)) if w.isVisible()]
    assert not any("switch sides" in t.lower() for t in texts), texts


def test_the_ring_keeps_its_size_when_a_cue_or_a_hint_appears(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    driver.skip()  # a 30 s hold
    QApplication.processEvents()
    before = window.ring.geometry()
    window._on_driver_cue_emitted(Cue(CueKind.HALFWAY, "Halfway"))
    qtbot.keyClick(window, Qt.Key.Key_Return)  # a hint in the cue line
    window.show_notice("Neither sound nor speech works on this system.")
    QApplication.processEvents()
    assert window.ring.geometry().size() == before.size()
    window.cue_label.setText("")
    QApplication.processEvents()
    assert window.ring.geometry().size() == before.size()


def test_the_first_cue_of_the_exercise_shows_under_its_name_while_working(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    exercise = {ex.id: ex for ex in repo.exercises()}["figure-4-stretch"]
    window.start()
    assert window.cue_label.text() == ""  # get ready: nothing to do yet
    driver.skip()
    assert window.cue_label.text() == exercise.cues[0] and window.cue_label.isVisible()
    driver.skip()  # switch sides
    assert window.cue_label.text() == ""


def test_enter_on_a_hold_or_paced_reps_says_why_nothing_happened(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    driver.skip()  # the hold
    index = driver.state().index
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert driver.state().index == index  # the hold goes on
    assert "ends by itself" in window.cue_label.text() and window.ring._flash
    while driver.state().step.exercise_id != "clamshell" or not driver.state().step.is_work:
        driver.skip()
    qtbot.keyClick(window, Qt.Key.Key_Enter)
    assert "counted for you" in window.cue_label.text()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_elapsed_time_stops_while_paused_and_while_the_end_dialog_is_open(qtbot, repo, monkeypatch) -> None:
    clock = FakeClock()
    monkeypatch.setattr("hipdesk.views.session.window.time", types.SimpleNamespace(monotonic=clock.monotonic))
    window, driver = make(qtbot, repo, TWO)
    window.start()
    clock.now += 10
    driver.skip()
    assert window.time_label.text() == "10 s"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    clock.now += 600
    driver._drain()  # a tick while paused
    assert window.time_label.text() == "10 s"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # go on
    clock.now += 5

    def answer(*args) -> bool:
        clock.now += 300  # five minutes with the dialog open
        return False

    monkeypatch.setattr("hipdesk.views.session.window.confirm", answer)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    driver._drain()
    assert window.time_label.text() == "15 s" and not driver.state().paused


SHORT = Routine("Short", items=(RoutineItem("figure-4-stretch", sets=1, hold_s=2, sides=ItemSides.LEFT),))


def _finish(qtbot, window, driver) -> None:
    window.start()
    qtbot.waitUntil(lambda: driver.finished, timeout=20_000)
    window.preview = False  # stay on the summary


def test_the_summary_starts_unanswered_and_stores_not_given(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, SHORT, speed=20)
    _finish(qtbot, window, driver)
    ui = window.summary
    assert "1 set done, 0 skipped" in ui.summaryLabel.text()
    assert (ui.effortScale.value(), ui.leftScale.value(), ui.rightScale.value()) == (None, None, None)
    assert not any(b.isChecked() for s in (ui.effortScale, ui.leftScale, ui.rightScale) for b in s.buttons())
    assert ui.effortValue.text() == "not given"
    qtbot.keyClick(window, Qt.Key.Key_Return)  # Enter saves
    saved = repo.sessions()[0]
    assert (saved.rpe, saved.discomfort_left, saved.discomfort_right) == (None, None, None)
    assert not window.isVisible()


def test_only_the_answers_touched_are_stored_and_a_second_click_takes_one_back(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, SHORT, speed=20)
    _finish(qtbot, window, driver)
    ui = window.summary
    seven = next(b for b in ui.effortScale.buttons() if b.text() == "7")
    qtbot.mouseClick(seven, Qt.MouseButton.LeftButton)
    assert ui.effortValue.text() == "7"
    two = next(b for b in ui.rightScale.buttons() if b.text() == "2")
    qtbot.mouseClick(two, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(two, Qt.MouseButton.LeftButton)  # taken back
    assert ui.rightScale.value() is None
    ui.notesEdit.setFocus()
    qtbot.keyClick(ui.notesEdit, Qt.Key.Key_Return)  # a new line in the notes, not a save
    assert window.isVisible()
    qtbot.keyClick(ui.notesEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = repo.sessions()[0]
    assert (saved.rpe, saved.discomfort_left, saved.discomfort_right) == (7, None, None)


def test_the_summary_controls_are_large_enough_to_tap_from_the_mat(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, SHORT, speed=20, size=(1366, 768))
    _finish(qtbot, window, driver)
    ui = window.summary
    QApplication.processEvents()
    for button in [*ui.effortScale.buttons(), ui.saveButton, ui.skipButton]:
        assert button.height() >= 40 and button.font().pixelSize() >= 20, button.text()


def _luminance(color) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_ring_colour_has_3_to_1_contrast_with_the_background(qtbot, scheme) -> None:
    from PySide6.QtGui import QPalette

    from hipdesk.views.common.appearance import dark_palette

    app = QApplication.instance()
    palette = dark_palette() if scheme == "dark" else app.style().standardPalette()
    background = palette.color(QPalette.ColorRole.Window)
    for kind, color in PHASE_COLORS.items():
        assert contrast(color, background) >= 3.0, f"{kind} {color.name()} on {background.name()}"


def test_the_next_figure_stays_still_and_the_big_one_repaints_only_where_it_moves(qtbot, repo) -> None:
    from hipdesk.views.session.figures import motion_rect

    # the glute bridge moves its hips and trunk; its head and feet stay where they are
    bridge = Routine("Bridge", items=(RoutineItem("glute-bridge", sets=1, reps=10),))
    window, driver = make(qtbot, repo, bridge)
    window.start()
    driver.skip()
    assert window.figure.timerActive() and not window.next_figure.timerActive()
    box, full = motion_rect(window.figure), window.figure.rect()
    assert full.contains(box) and box.width() * box.height() < 0.8 * full.width() * full.height()


def test_a_pose_held_still_is_painted_once_not_every_frame(qtbot, repo) -> None:
    window, driver = make(qtbot, repo, TWO)
    window.start()
    driver.skip()
    figure = window.figure
    anim = figure.figure().animation(figure.side())
    start, held = 0.0, None
    for keyframe in anim.keyframes:
        if keyframe.hold >= 0.5:
            held = start + keyframe.hold / 2
            break
        start += keyframe.hold + keyframe.move
    assert held is not None, "the figure 4 stretch holds a pose"
    clock = FakeClock()
    figure._clock = clock.monotonic
    figure._started = clock.now - held
    updates = []
    figure.update = lambda *args: updates.append(args)
    for _ in range(5):  # five frame ticks inside the hold
        figure._on_frame_timer_timeout()
        clock.now += 0.02
    assert len(updates) == 1
    clock.now += anim.period / 2  # moving again, somewhere else in the loop
    figure._on_frame_timer_timeout()
    assert len(updates) == 2
