"""The context starts its parts in one order and stops them in the reverse one, and carries a
change to its listeners, with no window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from hipdesk.app.changes import Change
from hipdesk.app.context import PARTS, AppContext
from hipdesk.db.lock import DataLock
from hipdesk.domain.errors import HipDeskError


class Player(QObject):
    """A cue player that notes what was still running when it was closed."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.closed_with: list[str] | None = None

    def close(self) -> None:
        self.closed_with = list(self.context.started)


@pytest.fixture
def made(qapp, db_path: Path, tmp_path: Path):
    players: list[Player] = []
    contexts: list[AppContext] = []

    def make(**options) -> AppContext:
        options.setdefault("log_folder", tmp_path)
        options.setdefault("backup_delay_ms", 60_000)
        context = AppContext(db_path, **options)
        context._make_cue_player = lambda: players.append(Player(context)) or players[-1]  # type: ignore[assignment]
        contexts.append(context)
        return context

    make.players = players  # type: ignore[attr-defined]
    yield make
    for context in contexts:
        context.close()


def _other_can_lock(db_path: Path) -> bool:
    other = DataLock(db_path)
    try:
        return other.acquire()
    finally:
        other.release()


def test_the_parts_start_in_the_written_order_and_stop_in_the_reverse(
    made, db_path: Path, tmp_path: Path
) -> None:
    import faulthandler

    hook = sys.excepthook
    context = made()
    context.start()
    assert context.started == list(PARTS)
    assert context.crash is not None and sys.excepthook == context.crash.handle
    assert faulthandler.is_enabled() and context.crash.faults_file == tmp_path / "logs" / "faults.log"
    assert context.server is not None and context.server.listening
    assert not _other_can_lock(db_path)
    player = context.cue_player()
    assert context.cue_player() is player  # one player for every session
    repo = context.repo

    context.close()
    assert context.journal == [f"start {p}" for p in PARTS] + [f"stop {p}" for p in reversed(PARTS)]
    assert player.closed_with == ["lock", "crash", "data", "server", "backups"]  # the first to stop
    assert context.started == []
    assert sys.excepthook == hook
    assert repo.db.is_closed()
    assert not context.server.listening
    assert _other_can_lock(db_path)


def test_a_start_that_fails_half_way_closes_only_what_started(made, db_path: Path) -> None:
    hook = sys.excepthook

    def refuse(_path: Path):
        raise HipDeskError("The data file is damaged.")

    context = made(open_data=refuse)
    with pytest.raises(HipDeskError, match="damaged"):
        context.start()
    assert context.started == ["lock", "crash"]
    assert not context.data_open and context.server is None and context.backups is None
    context.close()
    assert context.journal == ["start lock", "start crash", "start data", "stop crash", "stop lock"]
    assert sys.excepthook == hook
    assert _other_can_lock(db_path)


def test_data_held_by_another_hipdesk_stops_the_start_at_the_lock(made, db_path: Path) -> None:
    other = DataLock(db_path)
    assert other.acquire()
    try:
        context = made()
        with pytest.raises(HipDeskError):
            context.start()
        assert context.started == []
        assert not context.data_open
    finally:
        other.release()


def test_the_start_can_stop_at_a_part_and_go_on_later(made) -> None:
    context = made()
    context.start(until="lock")
    assert context.started == ["lock"]
    with pytest.raises(HipDeskError):
        context.repo  # noqa: B018
    context.start(until="data")
    assert context.started == ["lock", "crash", "data"]
    assert context.repo.routine_names()
    context.start()
    assert context.started == list(PARTS)


def test_a_change_reaches_a_listener_after_the_snapshot_forgot_it(made) -> None:
    context = made()
    context.start(until="data")
    before = context.snapshot.current()
    heard: list[tuple[Change, int]] = []
    context.changed.connect(lambda change: heard.append((change, len(context.snapshot.current()))))
    from dataclasses import replace

    mine = context.repo.create_exercise(
        replace(context.repo.exercise("clamshell"), name="Wall sit", builtin=False)
    )
    assert context.snapshot.current() is before  # not read again until told
    context.apply(Change.EXERCISES | Change.ROUTINES)
    assert heard == [(Change.EXERCISES | Change.ROUTINES, len(before) + 1)]
    assert mine.id in context.snapshot.by_id()
    context.apply(Change.NONE)
    assert len(heard) == 1


def test_a_context_around_an_open_repository_leaves_it_open(qapp, repo) -> None:
    context = AppContext.around(repo)
    assert context.started == ["data", "cues"]
    assert context.repo is repo
    context.close()
    assert not repo.db.is_closed()
    assert context.journal[-2:] == ["stop cues", "stop data"]


def test_a_failed_automatic_backup_is_told_once_as_a_notice(made, db_path: Path, qtbot) -> None:
    (db_path.parent / "backups").write_text("a file where the backups folder goes")
    context = made()
    told: list[str] = []
    context.notice.connect(told.append)
    context.start()
    assert context.backups is not None and context.backups.run("periodic")
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert "backup failed" in told[0] and "Tools ▸ Back Up Now" in told[0]
    context.backups.wait()
    assert context.backups.run("periodic")
    context.backups.wait()
    qtbot.wait(200)
    assert len(told) == 1
