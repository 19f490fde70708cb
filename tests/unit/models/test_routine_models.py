from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import ItemSides, Routine, RoutineItem
from hipdesk.views.common import mime
from hipdesk.views.common.exercise_filter import ExerciseFilterProxy
from hipdesk.views.common.exercise_model import ExerciseListModel
from hipdesk.views.common.routine_list_model import RoutineListModel
from hipdesk.views.routines.items_model import Role, RoutineItemsModel

CATALOGUE = {ex.id: ex for ex in load_catalogue()}


def ids(model: RoutineItemsModel) -> list[str]:
    return [i.exercise_id for i in model.items()]


@pytest.fixture
def model() -> RoutineItemsModel:
    m = RoutineItemsModel()
    m.set_routine(
        [RoutineItem("clamshell", reps=10), RoutineItem("bird-dog", reps=10), RoutineItem("squat", reps=10)],
        CATALOGUE,
    )
    return m


@pytest.fixture
def palette() -> ExerciseListModel:
    p = ExerciseListModel()
    p.set_exercises(list(CATALOGUE.values()))
    return p


def palette_mime(palette: ExerciseListModel, *exercise_ids: str):
    return palette.mimeData([palette.index(palette.row_of(i), 0) for i in exercise_ids])


def test_model_tester(qtmodeltester, model) -> None:
    qtmodeltester.check(model)
    routines = RoutineListModel()
    routines.set_routines([Routine("A", id=1), Routine("B", items=(RoutineItem("squat", reps=3),), id=2)])
    qtmodeltester.check(routines)


def test_drop_from_the_palette_at_the_position_under_the_mouse(model, palette) -> None:
    data = palette_mime(palette, "hip-hikes")
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert ids(model) == ["clamshell", "hip-hikes", "bird-dog", "squat"]
    added = model.item(1)
    assert (added.sets, added.reps, added.sides) == (2, 10, ItemSides.EACH)  # from the article's dosage


def test_drop_on_an_item_inserts_before_it_and_on_empty_space_appends(model, palette) -> None:
    model.dropMimeData(
        palette_mime(palette, "figure-4-stretch"), Qt.DropAction.CopyAction, -1, -1, model.index(0, 0)
    )
    assert ids(model)[0] == "figure-4-stretch"
    model.dropMimeData(
        palette_mime(palette, "bird-dog", "squat"), Qt.DropAction.CopyAction, -1, -1, QModelIndex()
    )
    assert ids(model)[-2:] == ["squat", "bird-dog"]  # in the palette's order


def test_drop_through_a_filtering_proxy(model, palette) -> None:
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(palette)
    proxy.set_search_text("janu sirsasana")
    assert proxy.rowCount() == 1
    data = proxy.mimeData([proxy.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert ids(model)[0] == "head-to-knee-stretch"


def test_foreign_or_broken_drops_are_refused(model) -> None:
    other = RoutineItemsModel()
    other.set_routine([RoutineItem("squat", reps=1)], CATALOGUE)
    from_other = other.mimeData([other.index(0, 0)])
    assert not model.canDropMimeData(from_other, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    unknown = mime.encode(mime.EXERCISES, ids=["moonwalk"])
    assert not model.dropMimeData(unknown, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    text = mime.QMimeData()
    text.setText("clamshell")
    assert not model.canDropMimeData(text, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert ids(model) == ["clamshell", "bird-dog", "squat"]


def test_reorder_by_drag_keeps_the_selection_on_the_item(model) -> None:
    kept = QPersistentModelIndex(model.index(0, 0))
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert ids(model) == ["bird-dog", "squat", "clamshell"]
    assert kept.row() == 2
    model.dropMimeData(
        model.mimeData([model.index(1, 0), model.index(2, 0)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
    )
    assert ids(model) == ["squat", "clamshell", "bird-dog"]


def test_undo_and_redo_across_adds_moves_removals_and_edits(model, palette) -> None:
    stack = model.undo_stack
    model.dropMimeData(palette_mime(palette, "hip-hikes"), Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    model.move_rows([0], 4)
    model.remove_rows([1])
    model.set_item(0, replace(model.item(0), sets=3), "sets")
    assert ids(model) == ["clamshell", "squat", "hip-hikes"] and model.item(0).sets == 3
    assert stack.undoText() == "Change sets of Clamshell to 3"
    for _ in range(4):
        stack.undo()
    assert ids(model) == ["clamshell", "bird-dog", "squat"] and model.item(1).sets == 1
    for _ in range(4):
        stack.redo()
    assert ids(model) == ["clamshell", "squat", "hip-hikes"] and model.item(0).sets == 3


def test_spin_box_changes_merge_into_one_step(model) -> None:
    for reps in (11, 12, 13, 14):
        model.set_item(0, replace(model.item(0), reps=reps), "reps")
    model.set_item(0, replace(model.item(0), sets=2), "sets")
    assert model.undo_stack.count() == 2
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert model.item(0).reps == 10


def test_duplicate_and_sections(model) -> None:
    model.duplicate_rows([0])
    assert ids(model) == ["clamshell", "clamshell", "bird-dog", "squat"]
    model.set_section([0, 1], "Warm-up")
    model.set_section([2, 3], "Main")
    headers = [model.index(r, 0).data(Role.SECTION_HEADER) for r in range(4)]
    assert headers == ["Warm-up", "", "Main", ""]
    model.undo_stack.undo()  # one step for the whole section change
    assert [i.section for i in model.items()] == ["Warm-up", "Warm-up", "", ""]


def test_changes_are_announced_for_saving(model, qtbot) -> None:
    with qtbot.waitSignal(model.items_changed, timeout=1000):
        model.remove_rows([2])
    with qtbot.waitSignal(model.items_changed, timeout=1000):
        model.undo_stack.undo()
    assert ids(model) == ["clamshell", "bird-dog", "squat"]


def test_markup_is_data(model) -> None:
    markup = "<b>x</b><img src=x>"
    model.set_item(0, replace(model.item(0), note=markup), "note")
    assert model.index(0, 0).data(Role.SUBTITLE).endswith(markup)


def test_routine_list_rename_and_drag(qtbot) -> None:
    routines = RoutineListModel()
    routines.set_routines([Routine("A", id=1), Routine("B", id=2)])
    with qtbot.waitSignal(routines.rename_requested) as blocker:
        routines.setData(routines.index(1, 0), "  Bee ")
    assert blocker.args == [2, "Bee"]
    payload = mime.decode(routines.mimeData([routines.index(0, 0)]), mime.ROUTINES)
    assert payload["ids"] == [1] and payload["names"] == ["A"]
