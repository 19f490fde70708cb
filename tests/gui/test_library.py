from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QTextBrowser

from hipdesk.views.shell.main_window import MainWindow

MARKUP = '<b>x</b><img src="file:///etc/passwd">'


@pytest.fixture
def window(qtbot, repo):
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("library")
    return win


def test_library_lists_the_nineteen_exercises(window) -> None:
    view = window.findChild(QListView, "exerciseList")
    assert view.model().rowCount() == 19
    assert window.library.ui.countLabel.text() == "19 exercises"
    assert view.currentIndex().isValid()  # something is selected to read about


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clam", ["clamshell"]),
        ("CLAMSHELL", ["clamshell"]),
        ("supta baddha", ["reclining-angle-bound-pose"]),  # an alias
        ("zzz", []),
    ],
)
def test_search(window, qtbot, text: str, expected: list[str]) -> None:
    qtbot.keyClicks(window.library.ui.searchEdit, text)
    assert window.library.visible_ids() == expected
    if not expected:
        assert window.library.ui.nameLabel.text() == "No exercise matches"
        assert window.library.ui.countLabel.text() == "0 of 19 exercises"


def test_search_by_muscle_name_finds_every_exercise_that_works_it(window, qtbot) -> None:
    qtbot.keyClicks(window.library.ui.searchEdit, "gluteus medius")
    working = [ex.id for ex in window.repo.exercises() if "glute-med" in [m.value for m in ex.muscles]]
    assert len(working) >= 3
    assert window.library.visible_ids() == working


def test_filters(window) -> None:
    ui = window.library.ui
    ui.equipmentFilter.setCurrentIndex(ui.equipmentFilter.findText("Step or low bench (10–13 cm)"))
    assert window.library.visible_ids() == ["hip-hikes"]
    ui.equipmentFilter.setCurrentIndex(0)
    ui.kindFilter.setCurrentIndex(ui.kindFilter.findText("Drill"))
    assert window.library.visible_ids() == ["high-knees"]
    ui.kindFilter.setCurrentIndex(ui.kindFilter.findText("Stretch"))
    ui.positionFilter.setCurrentIndex(ui.positionFilter.findText("Sitting"))
    assert window.library.visible_ids() == ["butterfly-stretch", "head-to-knee-stretch"]
    ui.muscleFilter.setCurrentIndex(ui.muscleFilter.findText("Hamstrings"))
    assert window.library.visible_ids() == ["head-to-knee-stretch"]


def test_detail_shows_what_the_article_says(window) -> None:
    assert window.library.select("donkey-kicks")
    text = window.findChild(QTextBrowser, "detailText").toPlainText()
    assert "2–3 sets × 10–15 reps, each side" in text
    assert "2–3 times a week" in text
    assert "How to do it" in text and "Gluteus maximus" in text
    assert "Get on all fours, arms shoulder-width apart" in text  # the article's own words
    window.library.select("high-knees")
    text = window.library.ui.detailText.toPlainText()
    assert "minutes" in text and "seconds" in text  # the slip, and the note that fixes it


def test_keyboard_only(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.library.ui.searchEdit
    assert search.hasFocus()
    qtbot.keyClicks(search, "bridge")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    view = window.library.ui.exerciseList
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.library.current_id() in {"single-leg-bridge", "glute-bridge"}
    assert window.library.ui.nameLabel.text() == window.library.current_exercise().name
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "week"


def test_markup_in_a_name_is_shown_as_typed(window) -> None:
    mine = window.repo.create_exercise(
        replace(window.repo.exercise("clamshell"), name=MARKUP, summary=MARKUP)
    )
    window.reload()
    assert window.library.select(mine.id)
    name = window.findChild(QLabel, "nameLabel")
    assert name.textFormat() == Qt.TextFormat.PlainText and name.text() == MARKUP
    assert MARKUP in window.library.ui.detailText.toPlainText()


def test_geometry_page_and_splitter_are_remembered(qtbot, repo) -> None:
    first = MainWindow(repo)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("library")
    first.library.ui.splitter.setSizes([250, 400])
    first.library.select("bird-dog")
    sizes = first.library.ui.splitter.sizes()
    first.show_page("week")
    first.close()
    second = MainWindow(repo)
    qtbot.addWidget(second)
    second.restore_state()
    second.show()
    qtbot.waitExposed(second)
    assert second.current_page() == "today"  # HipDesk opens on what is planned today
    assert second.size().width() == 700
    second.show_page("library")
    assert second.library.ui.splitter.sizes() == sizes
    assert second.library.current_id() == "bird-dog"


def test_new_exercise_dialog_validates_and_saves(window, qtbot) -> None:
    from hipdesk.views.library.exercise_dialog import ExerciseDialog

    dialog = ExerciseDialog(None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result_exercise() is None
    shown = {key: label.text() for key, label in dialog.messages.items() if label.isVisible()}
    assert shown == {  # every problem at once, each beside its field
        "name": "Give the exercise a name.",
        "steps": "Write at least one step, one a line.",
        "primary": "Tick at least one working muscle.",
    }
    assert dialog.ui.errorLabel.text() == "Fix the 3 fields marked above."
    for key, field in (("name", dialog.ui.nameEdit), ("steps", dialog.ui.stepsEdit)):
        label = dialog.messages[key]
        assert label.parentWidget() is field.parentWidget()
        assert 0 <= label.y() - field.geometry().bottom() < 12  # right under its field
    dialog.ui.nameEdit.setText("Wall sit")
    dialog.ui.stepsEdit.setPlainText("Back on the wall.\nSlide down.")
    dialog.accept()
    assert [key for key, label in dialog.messages.items() if label.isVisible()] == ["primary"]
    assert dialog.ui.errorLabel.text() == "Fix the field marked above."
    dialog.ui.primaryList.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.ui.holdCheck.setChecked(True)
    dialog.ui.holdMin.setValue(40)  # pushes the maximum up with it
    dialog.accept()
    edited = dialog.result_exercise()
    assert edited is not None and edited.dosage.hold_s.low == 40 and edited.dosage.hold_s.high >= 40
    stored = window.repo.create_exercise(edited)
    assert stored.id.startswith("my-wall-sit") and not stored.builtin


def test_exit_after_startup(db_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db_path), "--exit-after-startup"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert db_path.exists()
    # what the context started it also stopped: the launch backup finished, the lock let go
    assert [p.name for p in (db_path.parent / "backups").iterdir()][0].startswith(f"{db_path.stem}.launch-")
    from hipdesk.db.lock import DataLock
    from hipdesk.paths import data_dir

    lock = DataLock(db_path)
    assert lock.acquire()
    lock.release()
    assert (data_dir() / "logs" / "faults.log").exists()  # faulthandler wrote into logs/ while it ran


def test_a_bad_database_in_the_window_path_is_one_line(tmp_path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"nope" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(bad), "--exit-after-startup"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("hipdesk:")]
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == b"nope" * 100


def test_dark_and_light_appearance(window, qapp) -> None:
    window.ui.actionSchemeDark.trigger()
    qapp.processEvents()
    assert qapp.palette().window().color().lightness() < 80
    assert window.library.palette().text().color().lightness() > 180
    window.ui.actionSchemeLight.trigger()
    assert qapp.palette().window().color().lightness() > 180
    window.ui.actionSchemeSystem.trigger()
