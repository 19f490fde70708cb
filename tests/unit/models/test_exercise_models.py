from __future__ import annotations

from hipdesk.domain.model import Equipment, Kind
from hipdesk.views.common.exercise_filter import ExerciseFilterProxy
from hipdesk.views.common.exercise_model import ExerciseListModel, Role


def test_models_pass_the_model_tester(qtmodeltester, repo) -> None:
    model = ExerciseListModel()
    model.set_exercises(repo.exercises())
    qtmodeltester.check(model)
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("bridge")
    qtmodeltester.check(proxy)


def test_roles_and_filters(repo) -> None:
    model = ExerciseListModel()
    model.set_exercises(repo.exercises())
    index = model.index(model.row_of("hip-hikes"), 0)
    assert index.data() == "Hip Hikes"
    assert index.data(Role.ID) == "hip-hikes"
    assert "2–3 sets × 10–15 reps, each side" in index.data(Role.SUBTITLE)
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(kind=Kind.STRENGTH, no_equipment=True)
    ids = [proxy.index(r, 0).data(Role.ID) for r in range(proxy.rowCount())]
    assert "hip-hikes" not in ids and "standing-hip-flexion" not in ids and "squat" in ids
    proxy.set_filters(equipment=Equipment.RESISTANCE_BAND)
    assert [proxy.index(r, 0).data(Role.ID) for r in range(proxy.rowCount())] == ["standing-hip-flexion"]


def test_the_search_follows_the_rows_the_list_holds_now(repo) -> None:
    """The rows that pass are worked out once for a search: a new set of rows is searched again."""
    from dataclasses import replace

    model = ExerciseListModel()
    exercises = repo.exercises()
    model.set_exercises(exercises)
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(model)

    def shown() -> list[str]:
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    proxy.set_search_text("clam")
    assert shown() == ["Clamshell"]
    own = replace(exercises[0], id="my-clam-bridge", name="Clam Bridge", builtin=False)
    model.set_exercises([*exercises, own])
    assert shown() == ["Clamshell", "Clam Bridge"]
    proxy.set_search_text("clam bridge")  # every word, in any field
    assert shown() == ["Clam Bridge"]
    proxy.set_filters(kind=own.kind)
    assert shown() == ["Clam Bridge"]
    proxy.set_filters(kind=next(k for k in Kind if k is not own.kind))
    assert shown() == []
    proxy.set_filters()
    proxy.set_search_text("clam")
    model.set_exercises([own, *exercises])  # as many rows as before, in another order
    assert shown() == ["Clam Bridge", "Clamshell"]
    model.set_exercises(exercises[:3])
    proxy.set_search_text("")
    assert shown() == [ex.name for ex in exercises[:3]]
