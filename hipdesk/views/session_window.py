"""The full-screen guided session: the moving figure, the countdown, what comes next, big controls."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hipdesk.domain.errors import HipDeskError
from hipdesk.domain.model import Exercise, Side
from hipdesk.domain.rules import seconds_text, side_words
from hipdesk.engine import Cue, CueKind, SessionState, Step, StepKind, WorkMode
from hipdesk.views.figure_support import figure_of
from hipdesk.views.forms.ui_session_summary import Ui_SessionSummary
from hipdesk.views.session_driver import SessionDriver
from hipdesk.views.session_ring import READY_COLOR, REST_COLOR, WORK_COLOR, CountdownRing, clock_text
from hipdesk.views.widgets import confirm

if TYPE_CHECKING:
    from hipdesk.figures.widget import FigureWidget

logger = logging.getLogger(__name__)

BANNER_MS = 2200
PREVIEW_SUMMARY_MS = 1500


class CueOutput(Protocol):
    def play(self, cue: Cue) -> None: ...

    def stop(self) -> None: ...


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
        self._started_wall = time.monotonic()
        self._shown_step = -1
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
        self._banner_timer.timeout.connect(self.banner.hide)
        driver.state_changed.connect(self._on_driver_state_changed)
        driver.cue_emitted.connect(self._on_driver_cue_emitted)
        driver.session_finished.connect(self._on_driver_session_finished)

    # -- layout --------------------------------------------------------------------------------
    def _build_run_page(self) -> QWidget:
        from hipdesk.figures.widget import FigureWidget

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

        self.figure: FigureWidget = FigureWidget(page)
        self.figure.setObjectName("sessionFigure")
        self.figure.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_label = self._label("", page)
        self.name_label = self._label("", page)
        self.name_label.setObjectName("sessionExerciseName")
        self.set_label = self._label("", page)
        self.side_label = self._label("", page)  # what the side means: "stand on your left leg, ..."
        self.side_label.setObjectName("sessionSideWords")
        self.ring = CountdownRing(page)
        self.ring.setObjectName("sessionRing")
        right = QVBoxLayout()
        right.addWidget(self.step_label)
        right.addWidget(self.name_label)
        right.addWidget(self.set_label)
        right.addWidget(self.side_label)
        right.addWidget(self.ring, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.figure, 3)
        middle.addLayout(right, 2)

        self.next_figure: FigureWidget = FigureWidget(page)
        self.next_figure.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_figure.setFixedSize(120, 120)
        self.next_label = self._label("", page)
        self.next_label.setObjectName("sessionNext")
        self.banner = self._label("", page)
        self.banner.setObjectName("sessionBanner")
        self.banner.hide()
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
            ("done", "Done", "Done with these reps (Enter)", self.driver.done),
            ("end", "End", "End the session (Esc)", self.ask_to_end),
        ):
            button = QPushButton(text, page)
            button.setObjectName(f"session{key.capitalize()}Button")
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window, not to a button
            button.clicked.connect(slot)
            self.buttons[key] = button
            controls.addWidget(button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.banner)
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
        for widget, scale, bold in (
            (self.name_label, 2.6, True),
            (self.step_label, 1.5, False),
            (self.set_label, 1.5, False),
            (self.side_label, 1.2, False),
            (self.next_label, 1.3, False),
            (self.banner, 2.0, True),
            (self.routine_label, 1.1, False),
            (self.time_label, 1.1, False),
            (self.notice, 1.0, False),
        ):
            font = QFont(widget.font())
            font.setPixelSize(int(unit * scale))
            font.setBold(bold)
            widget.setFont(font)
        for button in self.buttons.values():
            font = QFont(button.font())
            font.setPixelSize(int(unit * 1.2))
            button.setFont(font)
            button.setMinimumHeight(int(unit * 2.6))
            button.setMinimumWidth(int(unit * 6))
        self.next_figure.setFixedSize(int(unit * 5), int(unit * 5))

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
        if state.index != self._shown_step:
            self._shown_step = state.index
            self._show_step(step, state)
        self.progress.setValue(int(state.progress * 1000))
        elapsed = time.monotonic() - self._started_wall
        self.time_label.setText(seconds_text(int(elapsed)))
        paused = state.paused
        if paused != self._was_paused:
            self._was_paused = paused
            self.buttons["pause"].setText("Go on" if paused else "Pause")
            if paused and self.cue_output is not None:
                self.cue_output.stop()  # silence at once, mid-sentence
        if step.kind is StepKind.WORK and step.mode is WorkMode.PACED:
            reps = step.target_reps or 0
            self.ring.set_values(state.fraction, f"{state.rep_count or 0}/{reps}", "reps", WORK_COLOR)
        elif step.kind is StepKind.WORK and step.mode is WorkMode.MANUAL:
            self.ring.set_values(None, str(step.target_reps or ""), "reps: press Done", WORK_COLOR)
        elif state.seconds_left is not None:
            color = {StepKind.WORK: WORK_COLOR, StepKind.GET_READY: READY_COLOR}.get(step.kind, REST_COLOR)
            caption = "paused" if paused else ("hold" if step.mode is WorkMode.HOLD else "seconds")
            self.ring.set_values(state.fraction, clock_text(state.seconds_left), caption, color)
        else:
            self.ring.set_values(1.0, "✓", "", REST_COLOR)
        if paused:
            self.figure.pause()
        elif not self.figure.isPlaying() and step.kind is not StepKind.FINISHED:
            self.figure.play()

    def _show_step(self, step: Step, state: SessionState) -> None:
        exercise = self.exercises.get(step.exercise_id)
        self.step_label.setText(step.kind.label.upper())
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
        self.side_label.setVisible(bool(words))
        if exercise is not None:
            figure = figure_of(exercise)
            if self.figure.figure() is not figure:
                self.figure.setFigure(figure)
            if step.side is Side.LEFT:
                self.figure.setSide("left")
            elif step.side is Side.RIGHT:
                self.figure.setSide("right")
        upcoming = state.next_work
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
        self.buttons["done"].setVisible(manual)
        self.buttons["extend"].setVisible(step.timed and step.mode is not WorkMode.PACED)

    def _on_driver_cue_emitted(self, cue: Cue) -> None:
        if self.cue_output is not None:
            self.cue_output.play(cue)
        if cue.kind is CueKind.COUNTDOWN:
            self.ring.flash()
        elif cue.kind in (CueKind.SWITCH_SIDES, CueKind.REST, CueKind.HALFWAY, CueKind.NEXT) and cue.text:
            self.banner.setText(cue.text)
            self.banner.show()
            self._banner_timer.start(BANNER_MS)

    # -- the keyboard, the remote and the end --------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.stack.currentIndex() == 1:
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
            Qt.Key.Key_Return: self.driver.done,
            Qt.Key.Key_Enter: self.driver.done,
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
        was_paused = self.driver.state().paused
        if not was_paused:
            self.driver.toggle_pause()
        if confirm(self, "End Session", "End this session now? The sets you finished are saved.", "End"):
            self.driver.end_early()
            return True
        if not was_paused:
            self.driver.toggle_pause()
        return False

    def _on_driver_session_finished(self, ended_early: bool) -> None:
        self.figure.pause()
        records = self.driver.engine.results
        done = sum(1 for r in records if not r.skipped)
        skipped = sum(1 for r in records if r.skipped)
        minutes = seconds_text(int(time.monotonic() - self._started_wall))
        title = "Session ended" if ended_early else "Well done"
        self.summary.titleLabel.setText(title)
        self.summary.summaryLabel.setText(
            f"{self.driver.routine.name}: {minutes}, {done} sets done, {skipped} skipped."
        )
        self.stack.setCurrentIndex(1)
        self.summary.effortSlider.setFocus()
        if self.preview:
            QTimer.singleShot(PREVIEW_SUMMARY_MS, self.close)

    # -- the summary form ----------------------------------------------------------------------
    def _setup_summary(self) -> None:
        ui = self.summary
        font = QFont(ui.titleLabel.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        ui.titleLabel.setFont(font)
        ui.errorLabel.hide()
        for slider, value_label, start in (
            (ui.effortSlider, ui.effortValue, 5),
            (ui.leftSlider, ui.leftValue, 0),
            (ui.rightSlider, ui.rightValue, 0),
        ):
            slider.valueChanged.connect(lambda v, label=value_label: label.setText(str(v)))
            slider.setValue(start)
            value_label.setText(str(start))
        ui.saveButton.clicked.connect(self.save_feedback)
        ui.skipButton.clicked.connect(self.close)

    def save_feedback(self) -> None:
        ui = self.summary
        assert self.driver.session_id is not None
        try:
            self.driver.repo.save_feedback(
                self.driver.session_id,
                ui.effortSlider.value(),
                ui.leftSlider.value(),
                ui.rightSlider.value(),
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
