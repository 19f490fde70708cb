"""A runner's own exercise picks its base position, and its figure is a neutral pose in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from hipdesk.domain.model import Position, Routine, RoutineItem
from hipdesk.export.routine_file import read_routine_file, write_routine_file
from hipdesk.export.safe_write import Protected
from hipdesk.figures import figure_for_exercise
from hipdesk.figures.checks import position_problems
from hipdesk.views.library.exercise_dialog import ExerciseDialog


def choose(dialog: ExerciseDialog, position: Position) -> None:
    dialog.ui.positionCombo.setCurrentIndex(dialog.ui.positionCombo.findData(position))


def test_the_dialog_shows_the_position_chosen_and_the_stored_exercise_keeps_it(
    qtbot, repo, tmp_path: Path
) -> None:
    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    labels = [dialog.ui.positionCombo.itemText(i) for i in range(dialog.ui.positionCombo.count())]
    for wanted in (
        "Standing",
        "Kneeling",
        "Sitting",
        "Lying on your back",
        "Lying on your side",
        "On all fours",
    ):
        assert wanted in labels
    for position in Position:
        choose(dialog, position)
        shown = dialog.figure.figure().animation()
        assert position_problems(shown, position.value) == [], position

    choose(dialog, Position.SITTING)
    dialog.ui.nameEdit.setText("Seated knee drop")
    dialog.ui.stepsEdit.setPlainText("Sit tall.\nLet one knee fall out.")
    dialog.ui.primaryList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    made = dialog.result_exercise()
    assert made is not None and made.position is Position.SITTING
    stored = repo.create_exercise(made)
    again = repo.exercise(stored.id)
    assert again.position is Position.SITTING
    assert position_problems(figure_for_exercise(again).animation(), "sitting") == []

    # a routine file carries the exercise with its position
    routine = repo.save_routine(
        Routine("Seated", items=(RoutineItem(exercise_id=stored.id, sets=2, reps=8),))
    )
    path = tmp_path / "seated.hipdesk.json"
    write_routine_file(path, routine, {stored.id: again}, Protected.around(repo.db.database))
    (carried,) = read_routine_file(path).exercises
    assert carried.position is Position.SITTING


def test_a_copy_keeps_its_moves_until_it_changes_position(qtbot, repo) -> None:
    from hipdesk.app.operations.exercises import draft_copy

    dialog = ExerciseDialog(draft_copy(repo, "bird-dog"))
    qtbot.addWidget(dialog)
    assert len(dialog.figure.figure().poses.keyframes) > 1  # the bird dog's own moves
    choose(dialog, Position.KNEELING)
    assert len(dialog.figure.figure().poses.keyframes) == 1
    assert position_problems(dialog.figure.figure().animation(), "kneeling") == []
