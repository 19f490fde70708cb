"""Guided sessions from the window: start one, resume one cut short, keep one as partial, and keep
each session window alive until it closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from hipdesk.app.changes import Change
from hipdesk.domain.errors import HipDeskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hipdesk.domain.model import Routine, SessionRecord
    from hipdesk.views.session.window import SessionWindow
    from hipdesk.views.shell.main_window import MainWindow


class Sessions(QObject):
    """The Session menu's work, and the session windows that are open (``open``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.open: list[QWidget] = []  # guided session windows that are open

    def offer_resume(self) -> None:
        """A session cut short by a crash or a power cut: go on where it stopped, or keep it as it is."""
        from hipdesk.views.common.dates import long_date_time
        from hipdesk.views.common.widgets import ask  # the message boxes load with the data, not before

        window = self.window
        interrupted = self.interrupted()
        window.ui.actionResumeSession.setEnabled(bool(interrupted))
        if not interrupted:
            return
        session = interrupted[0]
        assert session.id is not None
        done = sum(1 for s in session.sets if not s.skipped)
        when = long_date_time(session.started_at)
        choice = ask(
            window,
            "Interrupted Session",
            f"Your session of “{session.routine_name}” ({when}) stopped before the end, "
            f"after {done} {'set' if done == 1 else 'sets'}. Go on where it stopped, or keep it as it is?",
            ["Resume", "Keep as Partial", "Later"],
        )
        if choice == "Resume":
            self.resume(session.id)
        elif choice == "Keep as Partial":
            window.context.repo.keep_partial(session.id)
            window.ui.actionResumeSession.setEnabled(len(interrupted) > 1)
            window.apply_change(Change.HISTORY, status=f"Kept “{session.routine_name}” as a partial session.")

    def interrupted(self) -> list[SessionRecord]:
        """Sessions cut short, never one running right now in a session window of this HipDesk
        (another process cannot run one: it would need the data lock this window holds)."""
        running = {getattr(getattr(w, "driver", None), "session_id", None) for w in self.open}
        return [s for s in self.window.context.repo.interrupted_sessions() if s.id not in running]

    def resume(self, session_id: int) -> None:
        from hipdesk.views.common.widgets import message

        repo = self.window.context.repo
        try:
            routine, step = repo.session_plan(session_id)
            self._open(routine, resume_session=session_id, resume_step=step)
        except HipDeskError as exc:
            message(self.window, "Resume Session", str(exc))

    def resume_chosen(self) -> None:
        """Session ▸ Resume: asks about the newest session cut short, if there is one."""
        if self.interrupted():
            self.offer_resume()

    def start_today(self) -> None:
        from hipdesk.views.common.widgets import message
        from hipdesk.views.session.launch import todays_routine

        try:
            routine = todays_routine(self.window.context.repo)
        except HipDeskError as exc:
            message(self.window, "Start", str(exc), QMessageBox.Icon.Information)
            return
        self.start(routine.name)

    def start(self, routine_name: str) -> None:
        """Start a guided session of a routine, in its own full-screen window."""
        from hipdesk.views.common.widgets import message

        try:
            self._open(self.window.context.repo.routine(routine_name))
        except HipDeskError as exc:
            message(self.window, "Start", str(exc))

    def _open(self, routine: Routine, **resume: int) -> None:
        from hipdesk.views.session import launch  # not needed at start-up
        from hipdesk.views.session.output import CuePlayer

        context = self.window.context
        player = cast(CuePlayer, context.cue_player())  # the player the window's context makes
        session = launch.open_session(
            context.repo,
            routine,
            player=player,
            exercises=context.snapshot.by_id(),
            resume_session=resume.get("resume_session"),
            resume_step=resume.get("resume_step", 0),
        )
        self.keep(session)

    def keep(self, session: SessionWindow) -> None:
        self.open.append(session)  # kept alive until it closes
        session.closed.connect(lambda: self._on_closed(session))

    def _on_closed(self, session: QWidget) -> None:
        if session in self.open:
            self.open.remove(session)
        self.window.apply_change(Change.HISTORY)
