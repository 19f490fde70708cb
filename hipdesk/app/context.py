"""What HipDesk holds while it runs, started in one order and shut down in the reverse order.

The parts, in the order they start (``PARTS``):

1. ``lock``: the data lock (``DataLock``) on the data path: no other HipDesk writes while it is held;
2. ``crash``: the crash handler: the log file in ``logs/``, ``faulthandler`` writing into ``logs/``,
   the window's dialog (given in as a callable);
3. ``data``: the repository (the data file opened, checked, recovered, migrated) and the shared
   snapshot of the exercises;
4. ``server``: the single-instance server, so a second launch brings this window forward;
5. ``backups``: the automatic backups (at launch, then every 30 minutes when the data changed);
6. ``cues``: the cue player of the guided sessions, made the first time a session asks for it.

``close()`` stops what started, last first, and only that: when a part fails to start, the ones
before it are stopped and the ones after it were never started. Nothing is found again at the end
by looking it up: the context holds each part from its start to its stop.

A change to the data comes through ``apply(change)``: the snapshot forgets what the change made out
of date, then ``changed`` carries the change to every listener (the window's pages).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from hipdesk.app.changes import Change
from hipdesk.domain.errors import HipDeskError

if TYPE_CHECKING:
    from hipdesk.app.auto_backup import AutoBackup
    from hipdesk.app.crash import CrashHandler
    from hipdesk.app.instance import InstanceServer
    from hipdesk.app.snapshot import ExerciseSnapshot
    from hipdesk.db.lock import DataLock
    from hipdesk.db.repo import Repo

logger = logging.getLogger(__name__)

PARTS = ("lock", "crash", "data", "server", "backups", "cues")


class CuePlayer(Protocol):
    """What the context asks of the cue player it owns."""

    def close(self) -> None: ...

    def deleteLater(self) -> None: ...


def _open_store(path: Path) -> Repo:
    from hipdesk.store import open_store

    return open_store(path)


class AppContext(QObject):
    """The data path and its lock, the repository, the shared snapshot, the crash handler, the
    automatic backups, the single-instance server and the cue player (see the module's docstring).

    ``open_data(path)`` opens the data file (the window asks the runner when it is missing);
    ``show_crash(summary, details)`` and ``show_disk_full(text)`` are the window's dialogs;
    ``make_cue_player()`` makes the sessions' cue player; ``lock``: the data lock when it is
    already taken (start-up takes it before the window, to find another HipDesk on the same data).
    """

    changed = Signal(object)  # a Change
    notice = Signal(str)  # a sentence for the runner (a failed automatic backup)
    raise_requested = Signal()  # another launch on the same data asked for the window

    def __init__(
        self,
        db_path: Path,
        *,
        lock: DataLock | None = None,
        open_data: Callable[[Path], Repo] = _open_store,
        log_folder: Path | None = None,
        show_crash: Callable[[str, str], None] | None = None,
        show_disk_full: Callable[[str], None] | None = None,
        make_cue_player: Callable[[], CuePlayer] | None = None,
        backup_delay_ms: int = 1500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from hipdesk.db.lock import DataLock

        self.db_path = Path(db_path)
        self.lock: DataLock = lock or DataLock(self.db_path)
        self._open_data = open_data
        self._log_folder = log_folder
        self._show_crash = show_crash
        self._show_disk_full = show_disk_full
        self._make_cue_player = make_cue_player
        self._backup_delay_ms = backup_delay_ms
        self.crash: CrashHandler | None = None
        self._repo: Repo | None = None
        self._snapshot: ExerciseSnapshot | None = None
        self.server: InstanceServer | None = None
        self.backups: AutoBackup | None = None
        self._cue_player: CuePlayer | None = None
        self._owns_data = True
        self.started: list[str] = []  # the parts running now, in the order they started
        self.journal: list[str] = []  # "start lock", ..., "stop lock": what was done, in order

    @classmethod
    def around(
        cls,
        repo: Repo,
        make_cue_player: Callable[[], CuePlayer] | None = None,
        parent: QObject | None = None,
    ) -> AppContext:
        """A context on a repository opened elsewhere (a test's, or a tool's): only its data and
        cue parts run; the lock, crash handler, server and backups are the opener's business."""
        context = cls(
            Path(repo.db.database),
            open_data=lambda _path: repo,
            make_cue_player=make_cue_player,
            parent=parent,
        )
        context._owns_data = False  # closed by whoever opened it
        context.start(skip=("lock", "crash", "server", "backups"))
        return context

    # -- what the parts hold -------------------------------------------------------------------
    @property
    def repo(self) -> Repo:
        if self._repo is None:
            raise HipDeskError("The data is not open yet.")
        return self._repo

    @property
    def snapshot(self) -> ExerciseSnapshot:
        if self._snapshot is None:
            raise HipDeskError("The data is not open yet.")
        return self._snapshot

    @property
    def data_open(self) -> bool:
        return self._repo is not None

    def cue_player(self) -> CuePlayer:
        """The one cue player: sounds load once, a missing part is told once; closed with the context."""
        if "cues" not in self.started:
            raise HipDeskError("Guided sessions cannot start before HipDesk has started.")
        if self._cue_player is None:
            if self._make_cue_player is None:
                raise HipDeskError("This HipDesk plays no cues.")
            self._cue_player = self._make_cue_player()
        return self._cue_player

    # -- the one path of a change --------------------------------------------------------------
    def apply(self, change: Change) -> None:
        """Tell the snapshot, then every listener, what ``change`` touched."""
        if change == Change.NONE:
            return
        if self._snapshot is not None:
            self._snapshot.changed(change)
        self.changed.emit(change)

    # -- start and stop ------------------------------------------------------------------------
    def start(self, until: str = PARTS[-1], skip: tuple[str, ...] = ()) -> None:
        """Start every part not yet running, in ``PARTS`` order, through ``until`` (``skip``: parts
        this context goes without). A part that fails raises; what started before it keeps
        running until ``close()``."""
        for name in PARTS[: PARTS.index(until) + 1]:
            if name in self.started or name in skip:
                continue
            self.journal.append(f"start {name}")
            getattr(self, f"_start_{name}")()
            self.started.append(name)

    def close(self) -> None:
        """Stop what started, in the reverse order; each part is stopped even when one before it
        fails to stop (that failure is logged)."""
        while self.started:
            name = self.started.pop()
            self.journal.append(f"stop {name}")
            try:
                getattr(self, f"_stop_{name}")()
            except Exception:
                logger.exception("stopping %s failed", name)

    def _start_lock(self) -> None:
        if not self.lock.locked and not self.lock.acquire() and self.lock.held_elsewhere:
            raise HipDeskError(self.lock.in_use_text())

    def _stop_lock(self) -> None:
        self.lock.release()

    def _start_crash(self) -> None:
        from hipdesk.app.crash import CrashHandler, install_log_file
        from hipdesk.paths import data_dir

        self.crash = CrashHandler(
            install_log_file(self._log_folder or data_dir()),
            self._rollback,
            where=lambda: self.db_path,
            show_crash=self._show_crash,
            show_disk_full=self._show_disk_full,
            parent=self,
        )
        self.crash.install()

    def _rollback(self) -> None:
        repo = self._repo
        if repo is not None and not repo.db.is_closed() and repo.db.connection().in_transaction:
            repo.db.connection().rollback()

    def _stop_crash(self) -> None:
        if self.crash is not None:
            self.crash.uninstall()
            self.crash = None

    def _start_data(self) -> None:
        from hipdesk.app.snapshot import ExerciseSnapshot

        repo = self._open_data(self.db_path)
        self._repo, self._snapshot = repo, ExerciseSnapshot(repo)

    def _stop_data(self) -> None:
        if self._repo is not None and self._owns_data:
            self._repo.db.close()

    def _start_server(self) -> None:
        from hipdesk.app.instance import InstanceServer

        self.server = InstanceServer(self.db_path, self)
        self.server.raise_requested.connect(self.raise_requested)

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.close()

    def _start_backups(self) -> None:
        from hipdesk.app.auto_backup import AutoBackup

        self.backups = AutoBackup(self.db_path, self)
        self.backups.failed.connect(self.notice)
        self.backups.start(launch_delay_ms=self._backup_delay_ms)

    def _stop_backups(self) -> None:
        if self.backups is not None:
            self.backups.stop()

    def _start_cues(self) -> None:
        """Nothing is made yet: the player comes with the first session (see ``cue_player``)."""

    def _stop_cues(self) -> None:
        player, self._cue_player = self._cue_player, None
        if player is not None:  # its sound and speech threads end while Qt still runs
            player.close()
            player.deleteLater()
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
