"""Changes made on one page show on every page that shows them, driven as a runner would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from hipdesk.app.changes import Change
from hipdesk.domain.serialize import exercise_from_dict, exercise_to_dict
from hipdesk.views.shell.main_window import MainWindow


@pytest.fixture
def window(main_window) -> MainWindow:
    return main_window("library")


def _own(window: MainWindow, name: str):
    data = exercise_to_dict(window.repo.exercise("clamshell"))
    data.update(name=name, builtin=False)
    return exercise_from_dict(data, "test")


def test_an_exercise_you_create_can_be_added_to_a_routine(window, monkeypatch, qtbot) -> None:
    monkeypatch.setattr(
        window.exercise_actions, "run_dialog", lambda ex, title=None: _own(window, "Wall sit")
    )
    window.ui.actionNewExercise.trigger()
    window.show_page("routines")
    page = window.routines_page
    assert page.select_routine("Hip strength")
    palette = page.ui.exercisePalette
    qtbot.keyClicks(page.ui.paletteSearch, "wall sit")
    palette.setCurrentIndex(palette.model().index(0, 0))
    assert palette.currentIndex().data() == "Wall sit"
    palette.activated.emit(palette.currentIndex())
    items = window.repo.routine("Hip strength").items
    assert items[-1].exercise_id.startswith("my-wall-sit")
    assert page.ui.routineItemList.model().rowCount() == len(items)


def test_deleting_your_exercise_clears_the_detail_and_its_actions(window, monkeypatch) -> None:
    stored = window.repo.create_exercise(_own(window, "Wall sit"))
    window.apply_change(Change.EXERCISES, select=stored.id)
    library = window.library
    assert library.ui.nameLabel.text() == "Wall sit" and window.ui.actionDeleteExercise.isEnabled()
    assert library.figure_panel is not None and library.figure_panel.play_button.isVisibleTo(library)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("hipdesk.views.common.widgets.confirm", lambda *a, **k: True)
    window.ui.actionDeleteExercise.trigger()
    assert all(ex.id != stored.id for ex in window.repo.exercises())
    assert library.ui.nameLabel.text() == "No exercise chosen"
    assert "Wall sit" not in library.ui.detailText.toPlainText()
    assert library.figure_panel is not None
    assert not library.figure_panel.play_button.isVisibleTo(library)  # nothing to play
    assert not window.ui.actionEditExercise.isEnabled()
    assert not window.ui.actionDeleteExercise.isEnabled()


def test_duplicate_and_edit_cancelled_leaves_no_copy(window, monkeypatch) -> None:
    window.library.select("clamshell")
    before = [ex.name for ex in window.repo.exercises()]
    shown = []
    monkeypatch.setattr(
        window.exercise_actions, "run_dialog", lambda ex, title=None: shown.append((ex, title))
    )
    window.ui.actionDuplicateExercise.trigger()
    assert shown and shown[0][0].name == "Clamshell (my version)" and "Clamshell" in shown[0][1]
    assert [ex.name for ex in window.repo.exercises()] == before


def test_duplicate_and_edit_saved_stores_the_edit_once(window, monkeypatch) -> None:
    window.library.select("clamshell")
    monkeypatch.setattr(
        window.exercise_actions, "run_dialog", lambda ex, title=None: _own(window, "Banded clam")
    )
    window.ui.actionDuplicateExercise.trigger()
    names = [ex.name for ex in window.repo.exercises()]
    assert names.count("Banded clam") == 1 and "Clamshell (my version)" not in names
    assert window.library.ui.nameLabel.text() == "Banded clam"


def test_a_finished_session_refreshes_today_while_it_is_shown(main_window, monkeypatch) -> None:
    window = main_window("today")
    reloads = []
    monkeypatch.setattr(window.today_page, "reload", lambda: reloads.append(1))
    window._fresh.add("today")
    window.sessions._on_closed(object())  # type: ignore[arg-type]
    assert reloads == [1]
