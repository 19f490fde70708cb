from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from hipdesk.domain.model import PlannedDay, PlannedRoutine, Routine, RoutineItem, RunKind, WeekPlan
from hipdesk.views.common import mime
from hipdesk.views.common.routine_list_model import RoutineListModel
from hipdesk.views.week.model import Role, WeekModel

STRENGTH = Routine("Hip strength", (RoutineItem("squat", sets=2, reps=10),), id=1)
STRETCH = Routine("Hip stretch", (RoutineItem("figure-4-stretch", hold_s=30),), id=2)
WARM_UP = Routine("Warm-up", (RoutineItem("clamshell", reps=10),), id=3)
ROUTINES = [STRENGTH, STRETCH, WARM_UP]
MOVE = Qt.DropAction.MoveAction
COPY = Qt.DropAction.CopyAction


def plan(**days: list[PlannedRoutine]) -> WeekPlan:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return WeekPlan(
        days=tuple(
            PlannedDay(d, RunKind.LONG if d == 6 else RunKind.NONE, tuple(days.get(n, [])))
            for d, n in enumerate(names)
        )
    )


def planned(routine: Routine, time: dt.time | None = None) -> PlannedRoutine:
    return PlannedRoutine(routine.name, time, routine.id)


def names(model: WeekModel, weekday: int) -> list[str]:
    return [e.routine_name for e in model.plan().days[weekday].routines]


@pytest.fixture
def model() -> WeekModel:
    m = WeekModel()
    m.set_plan(
        plan(
            mon=[planned(STRENGTH, dt.time(18, 30))],
            tue=[planned(WARM_UP), planned(STRETCH)],
            # a routine that was deleted while planned
            fri=[PlannedRoutine("Old routine", dt.time(7, 0), None)],
        ),
        ROUTINES,
    )
    return m


@pytest.fixture
def routine_list() -> RoutineListModel:
    m = RoutineListModel()
    m.set_routines(ROUTINES)
    return m


def routines_mime(routine_list: RoutineListModel, *routines: Routine):
    return routine_list.mimeData([routine_list.index(routine_list.row_of(r.id), 0) for r in routines])


def test_model_tester(qtmodeltester, model) -> None:
    qtmodeltester.check(model)
    model.add_routines([STRETCH.id], 0)
    model.move_entries([(1, 0)], 3)
    model.undo_stack.undo()
    qtmodeltester.check(model)


def test_days_and_entries(model) -> None:
    assert model.rowCount() == 7
    monday = model.day_index(0)
    assert monday.data() == "Monday" and monday.data(Role.RUN) == RunKind.NONE
    assert model.day_index(6).data(Role.SUBTITLE) == "Long run"
    entry = model.entry_index(0, 0)
    assert entry.data() == "Hip strength" and entry.parent() == monday
    assert entry.data(Qt.ItemDataRole.EditRole) == "18:30"
    assert entry.data(Role.SUBTITLE).startswith("18:30 · ")
    assert model.entry_index(1, 0).data(Role.SUBTITLE).startswith("Any time · ")
    assert model.day_index(1).data(Role.MINUTES) == sum(
        model.entry_index(1, r).data(Role.MINUTES) for r in range(2)
    )
    gone = model.entry_index(4, 0)
    assert gone.data() == "Old routine" and gone.data(Role.MISSING) is True
    assert not gone.flags() & Qt.ItemFlag.ItemIsEditable
    assert model.day_index(4).data(Role.MINUTES) == 0


def test_drop_from_the_routine_list_onto_a_day(model, routine_list) -> None:
    data = routines_mime(routine_list, STRETCH)
    wednesday = model.day_index(2)
    assert model.canDropMimeData(data, COPY, -1, -1, wednesday)
    assert model.dropMimeData(data, COPY, -1, -1, wednesday)
    assert names(model, 2) == ["Hip stretch"]
    assert model.plan().days[2].routines[0] == PlannedRoutine("Hip stretch", None, 2)
    # between two entries, and on an entry (before it)
    model.dropMimeData(routines_mime(routine_list, STRENGTH), COPY, 1, 0, model.day_index(1))
    assert names(model, 1) == ["Warm-up", "Hip strength", "Hip stretch"]
    model.dropMimeData(routines_mime(routine_list, WARM_UP), COPY, -1, -1, model.entry_index(2, 0))
    assert names(model, 2) == ["Warm-up", "Hip stretch"]


def test_several_routines_in_one_drop_and_no_routine_twice_a_day(model, routine_list, qtbot) -> None:
    with qtbot.waitSignal(model.notice) as notice:
        assert model.dropMimeData(
            routines_mime(routine_list, STRENGTH, STRETCH), COPY, -1, -1, model.day_index(0)
        )
    assert names(model, 0) == ["Hip strength", "Hip stretch"]
    assert notice.args == ["“Hip strength” is already planned on Monday."]
    assert model.undo_stack.undoText() == "Plan “Hip stretch” on Monday"
    assert not model.dropMimeData(routines_mime(routine_list, STRENGTH), COPY, -1, -1, model.day_index(0))


def test_move_between_days_and_within_a_day(model) -> None:
    data = model.mimeData([model.entry_index(1, 1)])  # Tuesday's stretch
    assert model.canDropMimeData(data, MOVE, -1, -1, model.day_index(3))
    assert model.dropMimeData(data, MOVE, -1, -1, model.day_index(3))
    assert names(model, 1) == ["Warm-up"] and names(model, 3) == ["Hip stretch"]
    assert model.undo_stack.undoText() == "Move “Hip stretch” to Thursday"
    model.dropMimeData(model.mimeData([model.entry_index(0, 0)]), MOVE, 0, 0, model.day_index(1))
    assert names(model, 1) == ["Hip strength", "Warm-up"]
    assert model.plan().days[1].routines[0].time == dt.time(18, 30)  # the time moves with it
    # within a day: a routine with a time stays before one for any time
    model.dropMimeData(model.mimeData([model.entry_index(1, 0)]), MOVE, 2, 0, model.day_index(1))
    assert names(model, 1) == ["Hip strength", "Warm-up"]
    # two for any time are in the order they are put in
    model.add_routines([i for i in model._routines if model._routines[i].name == "Hip stretch"], 1)
    assert names(model, 1) == ["Hip strength", "Warm-up", "Hip stretch"]
    model.dropMimeData(model.mimeData([model.entry_index(1, 2)]), MOVE, 1, 0, model.day_index(1))
    assert names(model, 1) == ["Hip strength", "Hip stretch", "Warm-up"]


def test_moving_to_where_it_is_changes_nothing(model) -> None:
    count = model.undo_stack.count()
    for row in (0, 1):
        assert model.dropMimeData(model.mimeData([model.entry_index(1, 0)]), MOVE, row, 0, model.day_index(1))
    assert names(model, 1) == ["Warm-up", "Hip stretch"] and model.undo_stack.count() == count


def test_a_move_onto_a_day_that_has_the_routine_is_refused(model, qtbot) -> None:
    model.add_routines([STRENGTH.id], 1)
    with qtbot.waitSignal(model.notice):
        assert not model.dropMimeData(
            model.mimeData([model.entry_index(0, 0)]), MOVE, -1, -1, model.day_index(1)
        )
    assert names(model, 0) == ["Hip strength"]


def test_foreign_or_broken_drops_are_refused(model) -> None:
    other = WeekModel()
    other.set_plan(plan(mon=[planned(STRENGTH)]), ROUTINES)
    from_other = other.mimeData([other.entry_index(0, 0)])
    assert not model.canDropMimeData(from_other, MOVE, -1, -1, model.day_index(2))
    unknown = mime.encode(mime.ROUTINES, ids=[99], names=["Nope"])
    assert not model.canDropMimeData(unknown, COPY, -1, -1, model.day_index(2))
    stale = mime.encode(mime.PLANNED, source=model._token, entries=[[1, 7], ["x", 0]])
    assert not model.canDropMimeData(stale, MOVE, -1, -1, model.day_index(2))
    text = mime.QMimeData()
    text.setText("Hip strength")
    assert not model.canDropMimeData(text, COPY, -1, -1, model.day_index(2))
    good = mime.encode(mime.ROUTINES, ids=[1], names=["Hip strength"])
    assert not model.canDropMimeData(good, COPY, 0, 0, QModelIndex())  # not on a day
    assert [len(d.routines) for d in model.plan().days] == [1, 2, 0, 0, 1, 0, 0]


def test_delete_removes_selected_entries_from_any_days(model) -> None:
    model.remove_entries([(1, 1), (0, 0)])
    assert names(model, 0) == [] and names(model, 1) == ["Warm-up"]
    assert model.undo_stack.undoText() == "Remove 2 routines"
    model.undo_stack.undo()
    assert names(model, 0) == ["Hip strength"] and names(model, 1) == ["Warm-up", "Hip stretch"]


def test_deleted_routines_are_removed_in_one_step(model) -> None:
    assert model.missing_positions() == [(4, 0)]
    assert model.remove_missing() == 1
    assert model.missing_positions() == [] and names(model, 4) == []
    model.undo_stack.undo()
    assert names(model, 4) == ["Old routine"]
    # a routine deleted later shows as gone once the list of routines is refreshed
    model.set_routines([STRETCH, WARM_UP])
    assert model.entry_index(0, 0).data(Role.MISSING)
    assert model.plan().days[0].routines[0].routine_id is None


def test_renamed_routines_show_their_new_names(model) -> None:
    model.set_routines([Routine("Strong hips", STRENGTH.items, id=1), STRETCH, WARM_UP])
    assert model.entry_index(0, 0).data() == "Strong hips"
    assert model.plan().days[0].routines[0].routine_name == "Strong hips"


def test_time_of_day_in_place(model, qtbot) -> None:
    entry = model.entry_index(1, 0)
    assert model.setData(entry, "07:15")
    assert model.plan().days[1].routines[0].time == dt.time(7, 15)
    assert model.undo_stack.undoText() == "Set “Warm-up” on Tuesday to 07:15"
    with qtbot.waitSignal(model.notice) as notice:
        assert not model.setData(entry, "25:99")
    assert "25:99" in notice.args[0] and "HH:MM" in notice.args[0]
    assert model.setData(entry, "  ")
    assert model.plan().days[1].routines[0].time is None
    model.undo_stack.undo()
    assert model.plan().days[1].routines[0].time == dt.time(7, 15)


def test_run_kind_per_day(model) -> None:
    assert model.setData(model.day_index(5), RunKind.RACE.value, Role.RUN)
    assert model.run(5) is RunKind.RACE and model.undo_stack.undoText() == "Make Saturday race"
    assert not model.setData(model.day_index(5), "marathon", Role.RUN)
    model.set_run(5, RunKind.RACE)  # no change, no step
    model.undo_stack.undo()
    assert model.run(5) is RunKind.NONE


def test_undo_and_redo_across_every_kind_of_edit(model, routine_list, qtbot) -> None:
    before = model.plan()
    model.dropMimeData(routines_mime(routine_list, WARM_UP), COPY, -1, -1, model.day_index(6))
    model.move_entries([(1, 1)], 6, 0)
    model.remove_entries([(0, 0)])
    model.set_time((6, 0), dt.time(6, 0))
    model.set_run(2, RunKind.EASY)
    after = model.plan()
    assert names(model, 6) == ["Hip stretch", "Warm-up"]
    with qtbot.waitSignal(model.plan_changed):
        for _ in range(5):
            model.undo_stack.undo()
    assert model.plan() == before
    for _ in range(5):
        model.undo_stack.redo()
    assert model.plan() == after


def test_loading_a_plan_starts_a_new_history(model) -> None:
    model.add_routines([STRETCH.id], 0)
    model.set_plan(plan(), ROUTINES)
    assert model.undo_stack.count() == 0


def test_an_ampersand_in_a_name_stays_an_ampersand_in_the_edit_menu() -> None:
    model = WeekModel()
    model.set_plan(plan(), [Routine("Hips & glutes", id=4)])
    model.add_routines([4], 0)
    assert model.undo_stack.undoText() == "Plan “Hips && glutes” on Monday"  # "&&" shows as "&"
    assert model.entry_index(0, 0).data() == "Hips & glutes"
