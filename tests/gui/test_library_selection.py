"""The detail pane always describes the exercise highlighted in the list, however the list changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipdesk.views.common.exercise_model import Role


@pytest.fixture
def library(main_window):
    return main_window("library").library


def highlighted(library) -> list[str]:
    view = library.ui.exerciseList
    return [i.data(Role.ID) for i in view.selectionModel().selectedIndexes()]


def test_a_search_that_hides_the_chosen_exercise_shows_the_one_now_highlighted(library, qtbot) -> None:
    assert library.select("clamshell")
    qtbot.keyClicks(library.ui.searchEdit, "glute br")
    [shown] = highlighted(library)
    assert library.current_id() == shown
    assert library.ui.nameLabel.text() == library.ui.exerciseList.currentIndex().data(
        Qt.ItemDataRole.DisplayRole
    )
    assert library.ui.nameLabel.text() != "No exercise matches"


def test_narrowing_step_by_step_keeps_list_and_detail_together(library, qtbot) -> None:
    assert library.select("pretzel-stretch")
    for letter in "hip hik":
        qtbot.keyClick(library.ui.searchEdit, letter)
        ids = highlighted(library)
        if library.visible_ids():
            assert len(ids) == 1 and ids[0] in library.visible_ids()
            assert library.current_id() == ids[0]
        else:
            assert library.ui.nameLabel.text() == "No exercise matches"
    assert library.current_id() == "hip-hikes"


def test_clearing_a_search_that_matched_nothing_shows_an_exercise_again(library, qtbot) -> None:
    qtbot.keyClicks(library.ui.searchEdit, "zzz")
    assert library.ui.nameLabel.text() == "No exercise matches" and highlighted(library) == []
    library.ui.searchEdit.clear()
    [shown] = highlighted(library)
    assert library.current_id() == shown and library.ui.nameLabel.text() != "No exercise matches"
