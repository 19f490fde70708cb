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
