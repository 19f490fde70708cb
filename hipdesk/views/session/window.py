"""The full-screen guided session: the moving figure, the countdown, what comes next, big controls."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import Exercise, Side
from hipdesk.domain.rules import plural, seconds_text, side_words
from hipdesk.engine import Cue, CueKind, SessionState, Step, StepKind, WorkMode
from hipdesk.views.common.figure_support import figure_of
from hipdesk.views.common.widgets import confirm
from hipdesk.views.forms.ui_session_summary import Ui_SessionSummary
from hipdesk.views.session.driver import SessionDriver
from hipdesk.views.session.ring import READY_COLOR, REST_COLOR, WORK_COLOR, CountdownRing, clock_text

if TYPE_CHECKING:
    from hipdesk.figures.widget import FigureWidget

logger = logging.getLogger(__name__)

BANNER_MS = 2200
PREVIEW_SUMMARY_MS = 1500
PHASE_COLORS = {
    StepKind.WORK: WORK_COLOR,
    StepKind.GET_READY: READY_COLOR,
    StepKind.SWITCH_SIDES: READY_COLOR,
    StepKind.REST_SET: REST_COLOR,
    StepKind.REST_NEXT: REST_COLOR,
    StepKind.FINISHED: REST_COLOR,
}
ENTER_HINTS = {
    WorkMode.HOLD: "The hold ends by itself (→ skips it)",
    WorkMode.TIMED: "This set ends by itself (→ skips it)",
    WorkMode.PACED: "The reps are counted for you (→ skips the set)",
}


class CueOutput(Protocol):
    def play(self, cue: Cue) -> None: ...

    def stop(self) -> None: ...


class Stopwatch:
    """Time the session has run, on the monotonic clock, with paused spans left out."""

    def __init__(self) -> None:
        self._total = 0.0
        self._since: float | None = None

    def run(self, running: bool) -> None:
        now = time.monotonic()
        if running and self._since is None:
            self._since = now
        elif not running and self._since is not None:
            self._total += now - self._since
            self._since = None

    def seconds(self) -> float:
        running = 0.0 if self._since is None else time.monotonic() - self._since
        return self._total + running


def first_cue(exercise: Exercise | None) -> str:
    """The line under the name while working: the exercise's first cue, or else its first step."""
    if exercise is None:
        return ""
    if exercise.cues:
        return exercise.cues[0]
    return exercise.steps[0] if exercise.steps else ""


def _side_text(step: Step) -> str:
    if step.side is Side.LEFT:
        return "left side"
    if step.side is Side.RIGHT:
        return "right side"
    return ""


class SessionWindow(QWidget):
    """Runs one session from a SessionDriver; ends with a short summary and feedback form."""

    closed = Signal()

    def __init__(
        self,
        driver: SessionDriver,
        exercises: Mapping[str, Exercise],
        *,
        cue_output: CueOutput | None = None,
        preview: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.driver = driver
        driver.setParent(self)  # the session's clock goes when its window goes
        self.exercises = exercises
        self.cue_output = cue_output
        self.preview = preview
        self.stopwatch = Stopwatch()
        self._shown_step = -1
        self._step_cue = ""
        self._was_paused = False
        self.setObjectName("sessionWindow")
        self.setWindowTitle(f"{driver.routine.name} · HipDesk")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_run_page())
        self.summary_page = QWidget(self)
        self.summary = Ui_SessionSummary()
        self.summary.setupUi(self.summary_page)
        self.stack.addWidget(self.summary_page)
        self._setup_summary()

        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._on_banner_timer_timeout)
        driver.state_changed.connect(self._on_driver_state_changed)
        driver.write_failed.connect(self._on_driver_write_failed)
        driver.write_recovered.connect(self._on_driver_write_recovered)
        driver.cue_emitted.connect(self._on_driver_cue_emitted)
        driver.session_finished.connect(self._on_driver_session_finished)

    # -- layout --------------------------------------------------------------------------------
    def _build_run_page(self) -> QWidget:
        page = QWidget(self)
        self.routine_label = self._label("", page)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Progress through the routine")
        self.time_label = self._label("", page)
        top = QHBoxLayout()
        top.addWidget(self.routine_label)
        top.addWidget(self.progress, 1)
        top.addWidget(self.time_label)

        from hipdesk.views.session.figures import SessionFigure, StillFigure

        self.figure: FigureWidget = SessionFigure(page)
        self.figure.setObjectName("sessionFigure")
        self.figure.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_label = self._label("", page)  # WORK, REST, SWITCH SIDES: as large as the name
        self.step_label.setObjectName("sessionPhase")
        self.name_label = self._label("", page)
        self.name_label.setObjectName("sessionExerciseName")
        self.set_label = self._label("", page)
        self.side_label = self._label("", page)  # what the side means: "stand on your left leg, ..."
        self.side_label.setObjectName("sessionSideWords")
        self.cue_label = self._label("", page)  # the exercise's first cue, or a cue just given
        self.cue_label.setObjectName("sessionCue")
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.ring = CountdownRing(page)
        self.ring.setObjectName("sessionRing")
        self.ring.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        right = QVBoxLayout()
        right.addWidget(self.step_label)
        right.addWidget(self.name_label)
        right.addWidget(self.set_label)
        right.addWidget(self.side_label)
        right.addWidget(self.cue_label)
        right.addStretch(1)
        right.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.figure, 3)
        middle.addLayout(right, 2)

        self.next_figure: FigureWidget = StillFigure(page)
        self.next_figure.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_figure.setFixedSize(120, 120)
        retain = self.next_figure.sizePolicy()
        retain.setRetainSizeWhenHidden(True)
        self.next_figure.setSizePolicy(retain)
        self.next_label = self._label("", page)
        self.next_label.setObjectName("sessionNext")
        self.failure_label = self._label("", page)  # a set that could not be saved, and why
        self.failure_label.setObjectName("sessionFailure")
        self.failure_label.hide()
        self.notice = self._label("", page)
        self.notice.hide()
        self.buttons: dict[str, QPushButton] = {}
        controls = QHBoxLayout()
        controls.addWidget(self.next_figure)
        controls.addWidget(self.next_label, 1)
        for key, text, tip, slot in (
            ("back", "◀  Back", "Back (←)", self.driver.back),
            ("pause", "Pause", "Pause or go on (Space)", self.driver.toggle_pause),
            ("skip", "Skip  ▶", "Skip (→)", self.driver.skip),
            ("extend", "+15 s", "Fifteen seconds more (+)", self.driver.extend),
            ("done", "Done", "Done with these reps (Enter)", self.press_enter),
            ("retry", "Retry", "Try saving again (Enter)", self.retry),
            ("end", "End", "End the session (Esc)", self.ask_to_end),
        ):
            button = QPushButton(text, page)
            button.setObjectName(f"session{key.capitalize()}Button")
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window, not to a button
            button.clicked.connect(slot)
            self.buttons[key] = button
            controls.addWidget(button)
        self.buttons["retry"].hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.failure_label)
        layout.addWidget(self.notice)
        layout.addLayout(controls)
        return page

    @staticmethod
    def _label(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(Qt.TextFormat.PlainText)  # exercise and routine names are data
        label.setWordWrap(True)
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type sized to the screen, to be read from a mat three metres away."""
        super().resizeEvent(event)
        unit = max(10, min(self.height() / 40, self.width() / 64))
        _scale_fonts(
            unit,
            (self.step_label, 2.6, True),
            (self.name_label, 2.6, True),
            (self.set_label, 1.5, False),
            (self.side_label, 1.2, False),
            (self.cue_label, 1.3, False),
            (self.next_label, 1.3, False),
            (self.failure_label, 1.6, True),
            (self.routine_label, 1.1, False),
            (self.time_label, 1.1, False),
            (self.notice, 1.0, False),
        )
        # two lines each for the side's words and the cue, always, so words appearing or going never
        # move the ring
        for label in (self.side_label, self.cue_label):
            label.setFixedHeight(label.fontMetrics().lineSpacing() * 2 + 4)
        # the ring takes what the text above it and the next-up row below leave (about 27 units with
        # a notice showing), so a notice or the side's words never make the window grow
        side = int(max(160, min(self.width() * 0.34, self.height() * 0.42, self.height() - unit * 27)))
        self.ring.setFixedSize(side, side)
        for button in self.buttons.values():
            font = QFont(button.font())
            font.setPixelSize(int(unit * 1.2))
            button.setFont(font)
            button.setMinimumHeight(int(unit * 2.6))
            button.setMinimumWidth(int(unit * 6))
        self.next_figure.setFixedSize(int(unit * 5), int(unit * 5))
        self._scale_summary(unit)

    # -- following the engine ------------------------------------------------------------------
    def start(self) -> None:
        self.routine_label.setText(self.driver.routine.name)
        self.driver.start()

    def show_notice(self, text: str) -> None:
        """One plain sentence under the controls (for example: no sound on this computer)."""
        current = self.notice.text()
        self.notice.setText(f"{current} {text}".strip())
        self.notice.show()

    def _on_driver_state_changed(self, state: SessionState) -> None:
        step = state.step
        paused = state.paused
        self.stopwatch.run(not paused and not state.finished)
        if state.index != self._shown_step:
            self._shown_step = state.index
            self._show_step(step, state)
        self.progress.setValue(int(state.progress * 1000))
        self.time_label.setText(seconds_text(int(self.stopwatch.seconds())))
        if paused != self._was_paused:
            self._was_paused = paused
            self.buttons["pause"].setText("Go on" if paused else "Pause")
            self._show_phase(step, paused)
            if paused and self.cue_output is not None:
                self.cue_output.stop()  # silence at once, mid-sentence
        color = PHASE_COLORS[step.kind]
        if step.kind is StepKind.WORK and step.mode is WorkMode.PACED:
            reps = step.target_reps or 0
            caption = "paused" if paused else "reps"
            self.ring.set_values(state.fraction, f"{state.rep_count or 0}/{reps}", caption, color)
        elif step.kind is StepKind.WORK and step.mode is WorkMode.MANUAL:
            self.ring.set_values(None, str(step.target_reps or ""), "reps: press Done", color)
        elif state.seconds_left is not None:
            caption = "paused" if paused else ("hold" if step.mode is WorkMode.HOLD else "seconds")
            self.ring.set_values(state.fraction, clock_text(state.seconds_left), caption, color)
        else:
            self.ring.set_values(1.0, "✓", "", color)
        if paused:
            self.figure.pause()
        elif not self.figure.isPlaying() and step.kind is not StepKind.FINISHED:
            self.figure.play()

    def _show_phase(self, step: Step, paused: bool) -> None:
        self._set_phase_text("PAUSED" if paused else step.kind.label.upper(), PHASE_COLORS[step.kind])

    def _set_phase_text(self, text: str, color: QColor) -> None:
        self.step_label.setText(text)
        palette = self.step_label.palette()
        palette.setColor(self.step_label.foregroundRole(), QColor(color))
        self.step_label.setPalette(palette)

    def _show_step(self, step: Step, state: SessionState) -> None:
        exercise = self.exercises.get(step.exercise_id)
        self._show_phase(step, state.paused)
        if step.kind is StepKind.FINISHED:
            self.name_label.setText(self.driver.routine.name)
            self.set_label.setText("All done")
        else:
            self.name_label.setText(step.exercise_name)
            parts = [f"Set {step.set_number} of {step.sets_total}"]
            side = _side_text(step)
            if side:
                parts.append(side)
            self.set_label.setText(" · ".join(parts))
        words = side_words(exercise, step.side) if step.kind is not StepKind.FINISHED else ""
        self.side_label.setText(words)
        # kept in the layout when empty, so the ring stays where it is
        # a new step clears any cue shown for the last one ("Switch sides" goes when work starts)
        self._step_cue = first_cue(exercise) if step.kind is StepKind.WORK else ""
        self._banner_timer.stop()
        self.cue_label.setText(self._step_cue)
        if exercise is not None:
            figure = figure_of(exercise)
            if self.figure.figure() is not figure:
                self.figure.setFigure(figure)
            if step.side is Side.LEFT:
                self.figure.setSide("left")
            elif step.side is Side.RIGHT:
                self.figure.setSide("right")
        upcoming = self._following(state)
        if upcoming is not None:
            side = _side_text(upcoming)
            detail = f"set {upcoming.set_number}" + (f", {side}" if side else "")
            self.next_label.setText(f"Next: {upcoming.exercise_name} ({detail})")
            next_exercise = self.exercises.get(upcoming.exercise_id)
            if next_exercise is not None and self.next_figure.figure() is not figure_of(next_exercise):
                self.next_figure.setFigure(figure_of(next_exercise))
            self.next_figure.show()
        else:
            self.next_label.setText("Next: the end" if step.kind is not StepKind.FINISHED else "")
            self.next_figure.hide()
        manual = step.kind is StepKind.WORK and step.mode is WorkMode.MANUAL
        self.buttons["done"].setVisible(manual and not self.driver.failed)
        self.buttons["extend"].setVisible(
            step.timed and step.mode is not WorkMode.PACED and not self.driver.failed
        )

    def _following(self, state: SessionState) -> Step | None:
        """What comes after the current step: a get-ready or a rest already shows the set it leads
        to, so "Next" is the work after that one, never the exercise on screen again."""
        upcoming = state.next_work
        if upcoming is None or state.step.is_work:
            return upcoming
        steps = self.driver.steps
        return next((s for s in steps[upcoming.index + 1 :] if s.is_work), None)

    def _on_driver_cue_emitted(self, cue: Cue) -> None:
        if self.cue_output is not None:
            self.cue_output.play(cue)
        if cue.kind is CueKind.COUNTDOWN:
            self.ring.flash()
        elif cue.kind is CueKind.HALFWAY and cue.text:
            self.flash_cue(cue.text)

    def flash_cue(self, text: str) -> None:
        """A cue shown for a moment in the cue line under the name; the line's own text comes back."""
        self.cue_label.setText(text)
        self._banner_timer.start(BANNER_MS)

    def _on_banner_timer_timeout(self) -> None:
        self.cue_label.setText(self._step_cue)

    # -- a set that could not be saved -----------------------------------------------------------
    def _on_driver_write_failed(self, message: str) -> None:
        self.stopwatch.run(False)
        self.figure.pause()
        if self.driver.finished:
            return  # ended anyway: the summary says what was not saved
        self.failure_label.setText(
            f"{message} The clock has stopped. The sets before it are saved. "
            "Free some space, then Retry (Enter), or End (Esc)."
        )
        self.failure_label.show()
        self.ring.hide()  # room for the message; the clock is stopped anyway
        self._set_phase_text("NOT SAVED", self.palette().color(self.foregroundRole()))
        for key, button in self.buttons.items():
            button.setVisible(key in ("retry", "end"))
        if self.cue_output is not None:
            self.cue_output.stop()
        if self.preview:  # nobody is there to answer: a preview ends with what it saved
            QTimer.singleShot(0, self.driver.end_early)

    def _on_driver_write_recovered(self) -> None:
        self.failure_label.hide()
        self.ring.show()
        self.buttons["retry"].hide()
        for key in ("back", "pause", "skip"):
            self.buttons[key].show()
        self._was_paused = True  # the driver resumes now: the phase line and Pause follow
        self._shown_step = -1  # show the step afresh (its buttons, its cue)

    def retry(self) -> None:
        self.driver.retry()

    # -- the keyboard, the remote and the end --------------------------------------------------
    def press_enter(self) -> None:
        """Enter: Done for reps the runner counts; elsewhere say why nothing happened."""
        if self.driver.failed:
            self.retry()
            return
        if self.driver.done():
            return
        step = self.driver.state().step
        mode = step.mode if step.is_work else None
        hint = ENTER_HINTS.get(mode) if mode is not None else None
        self.flash_cue(hint or "Enter is Done for reps you count yourself (→ skips ahead)")
        self.ring.flash()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.stack.currentIndex() == 1:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._summary_enter(event):
                event.accept()
                return
            super().keyPressEvent(event)
            return
        actions = {
            Qt.Key.Key_Space: self.driver.toggle_pause,
            Qt.Key.Key_MediaPlay: self.driver.toggle_pause,
            Qt.Key.Key_MediaPause: self.driver.toggle_pause,
            Qt.Key.Key_MediaTogglePlayPause: self.driver.toggle_pause,
            Qt.Key.Key_Left: self.driver.back,
            Qt.Key.Key_MediaPrevious: self.driver.back,
            Qt.Key.Key_Right: self.driver.skip,
            Qt.Key.Key_MediaNext: self.driver.skip,
            Qt.Key.Key_Return: self.press_enter,
            Qt.Key.Key_Enter: self.press_enter,
            Qt.Key.Key_Plus: self.driver.extend,
            Qt.Key.Key_Escape: self.ask_to_end,
            Qt.Key.Key_MediaStop: self.ask_to_end,
            Qt.Key.Key_F11: self.toggle_full_screen,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.show_full_screen()

    def show_full_screen(self) -> None:
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())  # also where no window manager handles full screen
        self.showFullScreen()

    def ask_to_end(self) -> bool:
        """Esc asks first; what was done is saved either way. Returns True when the session ended."""
        if self.driver.finished:
            return True
        if self.driver.failed:
            question = "End this session now? The set that could not be saved is lost; the others stay."
        else:
            question = "End this session now? The sets you finished are saved."
        was_paused = self.driver.state().paused
        if not was_paused:
            self.driver.toggle_pause()  # the clock, and the elapsed time, stop while asking
        self.stopwatch.run(False)
        if confirm(self, "End Session", question, "End"):
            self.driver.end_early()
            return True
        if not was_paused:
            self.driver.toggle_pause()
        return False

    def _on_driver_session_finished(self, ended_early: bool) -> None:
        self.figure.pause()
        self.stopwatch.run(False)
        records = self.driver.engine.results
        done = sum(1 for r in records if not r.skipped)
        skipped = sum(1 for r in records if r.skipped)
        minutes = seconds_text(int(self.stopwatch.seconds()))
        title = "Session ended" if ended_early else "Well done"
        self.summary.titleLabel.setText(title)
        text = f"{self.driver.routine.name}: {minutes}, {plural(done, 'set')} done, {skipped} skipped."
        if self.driver.failed or self.driver.unsaved_count:
            text += f" Not everything could be saved: {self.driver.write_error or 'a set was lost'}"
        self.summary.summaryLabel.setText(text)
        self.stack.setCurrentIndex(1)
        self.summary.effortScale.setFocus()
        if self.preview:
            QTimer.singleShot(PREVIEW_SUMMARY_MS, self.close)

    # -- the summary form ----------------------------------------------------------------------
    def _setup_summary(self) -> None:
        ui = self.summary
        ui.errorLabel.hide()
        ui.effortScale.set_range(1, 10)
        for scale, value_label in (
            (ui.effortScale, ui.effortValue),
            (ui.leftScale, ui.leftValue),
            (ui.rightScale, ui.rightValue),
        ):
            scale.value_changed.connect(lambda v, label=value_label: label.setText(_answer_text(v)))
            value_label.setText(_answer_text(None))
        ui.saveButton.setText("&Save and close (Enter)")
        ui.saveButton.clicked.connect(self.save_feedback)
        ui.skipButton.clicked.connect(self.close)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.summary_page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_feedback)
        ui.notesEdit.setPlaceholderText((ui.notesEdit.placeholderText() + " Ctrl+Enter saves.").strip())

    def _scale_summary(self, unit: float) -> None:
        ui = self.summary
        _scale_fonts(
            unit,
            (ui.titleLabel, 2.6, True),
            (ui.summaryLabel, 1.4, False),
            (ui.effortLabel, 1.2, False),
            (ui.leftLabel, 1.2, False),
            (ui.rightLabel, 1.2, False),
            (ui.effortValue, 1.2, True),
            (ui.leftValue, 1.2, True),
            (ui.rightValue, 1.2, True),
            (ui.notesLabel, 1.2, False),
            (ui.notesEdit, 1.1, False),
            (ui.errorLabel, 1.2, True),
            (ui.saveButton, 1.2, False),
            (ui.skipButton, 1.2, False),
        )
        for scale_buttons in (ui.effortScale, ui.leftScale, ui.rightScale):
            scale_buttons.set_scale(int(unit * 1.2), int(unit * 2.4))
        for value_label in (ui.effortValue, ui.leftValue, ui.rightValue):
            value_label.setMinimumWidth(int(unit * 9))
        ui.formLayout.setVerticalSpacing(int(unit * 0.5))
        for button in (ui.saveButton, ui.skipButton):
            button.setMinimumHeight(int(unit * 2.6))
            button.setMinimumWidth(int(unit * 8))

    def _summary_enter(self, event: QKeyEvent) -> bool:
        """Enter saves; in the notes, where Enter starts a new line, Ctrl+Enter does."""
        if self.summary.notesEdit.hasFocus():
            return False
        self.save_feedback()
        return True

    def save_feedback(self) -> None:
        """Effort and discomfort are stored only where the runner picked a value (else: not given)."""
        ui = self.summary
        assert self.driver.session_id is not None
        try:
            self.driver.repo.save_feedback(
                self.driver.session_id,
                ui.effortScale.value(),
                ui.leftScale.value(),
                ui.rightScale.value(),
                ui.notesEdit.toPlainText().strip(),
            )
        except HipDeskError as exc:
            ui.errorLabel.setText(str(exc))
            ui.errorLabel.show()
            return
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.driver.finished and not self.ask_to_end():
            event.ignore()
            return
        self.figure.pause()
        self.closed.emit()
        super().closeEvent(event)


def _scale_fonts(unit: float, *rows: tuple[QWidget, float, bool]) -> None:
    """Each widget's type at ``scale`` times the screen's unit, bold or not."""
    for widget, scale, bold in rows:
        font = QFont(widget.font())
        font.setPixelSize(int(unit * scale))
        font.setBold(bold)
        widget.setFont(font)


def _answer_text(value: int | None) -> str:
    return "not given" if value is None else str(value)
