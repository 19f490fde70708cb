"""The shared exercise snapshot: one read, read again after a change to the exercises only."""

from __future__ import annotations

from hipdesk.app.changes import Change
from hipdesk.app.operations import exercises as exercise_ops
from hipdesk.app.snapshot import ExerciseSnapshot


def test_the_snapshot_shows_an_exercise_once_a_change_says_the_exercises_changed(repo) -> None:
    snapshot = ExerciseSnapshot(repo)
    before = [ex.id for ex in snapshot.current()]
    stored, change = exercise_ops.create(repo, exercise_ops.draft_copy(repo, "clamshell"))
    snapshot.changed(Change.PLAN | Change.HISTORY)
    assert [ex.id for ex in snapshot.current()] == before  # nothing said the exercises changed
    snapshot.changed(change)
    assert [ex.id for ex in snapshot.current()] == [*before, stored.id]
    assert snapshot.by_id()[stored.id].name == "Clamshell (my version)"


def test_a_deleted_own_exercise_is_gone_from_the_snapshot_once_the_change_is_told(repo) -> None:
    snapshot = ExerciseSnapshot(repo)
    stored, change = exercise_ops.create(repo, exercise_ops.draft_copy(repo, "clamshell"))
    snapshot.changed(change)
    assert stored.id in snapshot.by_id()
    snapshot.changed(exercise_ops.delete(repo, stored.id))
    assert stored.id not in [ex.id for ex in snapshot.current()]
    assert stored.id not in snapshot.by_id()


def test_the_snapshot_reads_the_data_once_until_it_changes(repo, monkeypatch) -> None:
    snapshot = ExerciseSnapshot(repo)
    reads: list[bool] = []
    real = repo.exercises
    monkeypatch.setattr(
        repo,
        "exercises",
        lambda include_retired=False: reads.append(include_retired) or real(include_retired),
    )
    for _ in range(3):
        snapshot.current()
        snapshot.by_id()
    assert reads == [False, True]
