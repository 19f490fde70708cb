"""Drops that carry one thing twice, and drops inside a section."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from hipdesk.catalogue.loader import load_catalogue
from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.views.common.exercise_model import ExerciseListModel
from hipdesk.views.common.routine_list_model import RoutineListModel
from hipdesk.views.routines.items_model import RoutineItemsModel
from hipdesk.views.week.model import WeekModel

COPY, MOVE = Qt.DropAction.CopyAction, Qt.DropAction.MoveAction
STRENGTH = Routine("Hip strength", (RoutineItem("squat", sets=2, reps=10),), id=1)
STRETCH = Routine("Hip stretch", (RoutineItem("figure-4-stretch", hold_s=30),), id=2)
CATALOGUE = {ex.id: ex for ex in load_catalogue()}


def week(**days: list[Routine]) -> WeekModel:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    model = WeekModel()
    model.set_plan(
        WeekPlan(
            days=tuple(
                PlannedDay(
                    d, RunKind.NONE, tuple(PlannedRoutine(r.name, None, r.id) for r in days.get(n, []))
                )
                for d, n in enumerate(names)
            )
        ),
        [STRENGTH, STRETCH],
    )
    return model


def day(model: WeekModel, weekday: int) -> list[str]:
    return [e.routine_name for e in model.plan().days[weekday].routines]


def test_one_routine_twice_in_a_drop_is_planned_once() -> None:
    model = week()
    routines = RoutineListModel()
    routines.set_routines([STRENGTH, STRETCH])
    row = routines.index(routines.row_of(STRETCH.id), 0)
    data = routines.mimeData([row, row])
    assert model.dropMimeData(data, COPY, -1, -1, model.day_index(2))
    assert day(model, 2) == ["Hip stretch"]


def test_two_cards_of_one_routine_moved_onto_a_day_plan_it_there_once() -> None:
    model = week(tue=[STRETCH], thu=[STRETCH, STRENGTH])
    data = model.mimeData([model.entry_index(1, 0), model.entry_index(3, 0)])
    assert model.dropMimeData(data, MOVE, -1, -1, model.day_index(0))
    assert day(model, 0) == ["Hip stretch"]
    # the card that could not come stays where it was: nothing is lost
    assert sorted(day(model, 1) + day(model, 3)) == ["Hip strength", "Hip stretch"]
    for weekday in range(7):
        assert len(day(model, weekday)) == len(set(day(model, weekday)))


def test_two_cards_moved_onto_the_day_that_has_the_routine() -> None:
    model = week(mon=[STRETCH], tue=[STRETCH], wed=[STRETCH])
    data = model.mimeData([model.entry_index(1, 0), model.entry_index(2, 0)])
    assert not model.dropMimeData(data, MOVE, -1, -1, model.day_index(0))
    assert [day(model, d) for d in range(3)] == [["Hip stretch"]] * 3


def sectioned() -> RoutineItemsModel:
    model = RoutineItemsModel()
    model.set_routine(
        [
            RoutineItem("clamshell", reps=10, section="Warm-up"),
            RoutineItem("bird-dog", reps=10, section="Warm-up"),
            RoutineItem("squat", reps=10, section="Main"),
            RoutineItem("glute-bridge", reps=10, section="Main"),
        ],
        CATALOGUE,
    )
    return model


def drop_exercise(model: RoutineItemsModel, exercise_id: str, row: int) -> None:
    palette = ExerciseListModel()
    palette.set_exercises(list(CATALOGUE.values()))
    data = palette.mimeData([palette.index(palette.row_of(exercise_id), 0)])
    assert model.dropMimeData(data, COPY, row, 0, QModelIndex())


def test_an_exercise_dropped_inside_a_section_joins_it() -> None:
    model = sectioned()
    drop_exercise(model, "hip-hikes", 1)  # between the two warm-up moves
    drop_exercise(model, "figure-4-stretch", 4)
    placed = [(i.exercise_id, i.section) for i in model.items()]
    assert placed[1] == ("hip-hikes", "Warm-up")
    assert placed[4][1] == "Main"  # between squat and glute bridge
    assert [s for _, s in placed] == ["Warm-up", "Warm-up", "Warm-up", "Main", "Main", "Main"]


def test_an_exercise_dropped_at_the_end_joins_the_last_section() -> None:
    model = sectioned()
    drop_exercise(model, "hip-hikes", 4)
    assert model.items()[-1].section == "Main"


def test_add_to_day_with_one_routine_chosen_twice_adds_it_once() -> None:
    model = week()
    assert model.add_routines([STRETCH.id, STRENGTH.id, STRETCH.id], 4) == 2
    assert day(model, 4) == ["Hip stretch", "Hip strength"]
    assert model.undo_stack.undoText() == "Plan 2 routines on Friday"


def test_a_move_is_saved_once_whole_never_half_done() -> None:
    model = week(mon=[STRENGTH], fri=[STRETCH])
    saved: list[list[list[str]]] = []
    model.plan_changed.connect(lambda: saved.append([day(model, d) for d in range(7)]))
    data = model.mimeData([model.entry_index(0, 0)])
    assert model.dropMimeData(data, MOVE, -1, -1, model.day_index(4))
    model.undo_stack.undo()
    model.undo_stack.redo()
    moved = [[], [], [], [], ["Hip stretch", "Hip strength"], [], []]
    back = [["Hip strength"], [], [], [], ["Hip stretch"], [], []]
    assert saved == [moved, back, moved]  # one save a step, each a whole plan
