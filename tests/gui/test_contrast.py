"""Every text on every page reads at 4.5:1 or better against what is painted behind it, in light and in
dark, also after switching the scheme while the window is open (a style sheet that kept the old scheme's
colours leaves light grey behind dark text, or dark grey text on near-black)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from hipdesk.views.common.appearance import apply_color_scheme, contrast_ratio, over

PAGES = ("today", "library", "routines", "week", "history")
WCAG_TEXT = 4.5


@pytest.fixture
def scheme_after_switch(request: pytest.FixtureRequest):
    """The scheme under test, reached from the other one while the window is open."""
    yield request.param
    apply_color_scheme("light")


def _background(image: QImage, rect: QRect) -> QColor:
    """The colour most of ``rect`` is painted in: behind text, that is its background."""
    rect = rect.intersected(image.rect())
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _on_screen(widget: QWidget, window: QWidget) -> QRect | None:
    if not widget.isVisible() or widget.width() < 4 or widget.height() < 4:
        return None
    top_left = widget.mapTo(window, widget.rect().topLeft())
    rect = QRect(top_left, widget.size()).intersected(window.rect())
    return rect if rect.width() > 3 and rect.height() > 3 else None


def _label_problems(window: QWidget, image: QImage, page: str) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        rect = _on_screen(label, window)
        if rect is None or not label.text().strip() or not label.isEnabled():
            continue
        background = _background(image, rect)
        text = over(label.palette().color(QPalette.ColorGroup.Active, label.foregroundRole()), background)
        ratio = contrast_ratio(text, background)
        if ratio < WCAG_TEXT:
            problems.append(
                f"{page}: {label.text()[:30]!r} {text.name()} on {background.name()} = {ratio:.2f}"
            )
    return problems


def _view_problems(window: QWidget, image: QImage, page: str) -> list[str]:
    """Cells drawn in the view's text colour (or the colour the model gives) against their background."""
    problems = []
    for view in window.findChildren(QAbstractItemView):
        if _on_screen(view.viewport(), window) is None or view.model() is None:
            continue
        model, top = view.model(), view.rootIndex()
        for row in range(min(model.rowCount(top), 8)):
            index = model.index(row, 0, top)
            rect = view.visualRect(index)
            if (
                not rect.isValid()
                or not str(index.data() or "").strip()
                or not rect.intersects(view.viewport().rect())
            ):
                continue
            rect = QRect(view.viewport().mapTo(window, rect.topLeft()), rect.size())
            background = _background(image, rect)
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            selected = view.selectionModel() is not None and view.selectionModel().isSelected(index)
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            colour = (
                brush.color() if brush is not None else view.palette().color(QPalette.ColorGroup.Active, role)
            )
            ratio = contrast_ratio(over(colour, background), background)
            if ratio < WCAG_TEXT:
                problems.append(
                    f"{page} {view.objectName()}: {index.data()!s:.30} = {ratio:.2f} on {background.name()}"
                )
    return problems


@pytest.mark.parametrize("scheme_after_switch", ["dark", "light"], indirect=True)
def test_every_text_reads_at_4_5_to_1_on_every_page(scheme_after_switch, main_window) -> None:
    scheme = scheme_after_switch
    win = main_window("today")
    win.resize(1280, 800)
    apply_color_scheme("light" if scheme == "dark" else "dark")
    for page in PAGES:  # every page polished in the other scheme first
        win.show_page(page)
        QApplication.processEvents()
    apply_color_scheme(scheme)
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    assert (window_colour.lightness() < 128) == (scheme == "dark")
    problems = []
    for page in PAGES:
        win.show_page(page)
        QApplication.processEvents()
        image = win.grab().toImage()
        sidebar = _background(
            image,
            QRect(
                win.ui.navigation.mapTo(win, win.ui.navigation.rect().center()), win.ui.navigation.size() / 4
            ),
        )
        if contrast_ratio(sidebar, window_colour) > 1.3:
            problems.append(f"{page}: the sidebar is {sidebar.name()} in a {window_colour.name()} window")
        problems += _label_problems(win, image, page)
        problems += _view_problems(win, image, page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme_after_switch", ["dark", "light"], indirect=True)
def test_dialog_texts_and_their_messages_read_at_4_5_to_1(scheme_after_switch, main_window, qtbot) -> None:
    from hipdesk.views.library.exercise_dialog import ExerciseDialog
    from hipdesk.views.session.settings import SessionSettingsDialog
    from hipdesk.views.shell.data_tools import RestoreDialog

    win = main_window("today")
    apply_color_scheme("light" if scheme_after_switch == "dark" else "dark")
    exercise = ExerciseDialog(None, win)
    dialogs = [exercise, SessionSettingsDialog(win, speech_engine="mock"), RestoreDialog([], win)]
    apply_color_scheme(scheme_after_switch)
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if dialog is exercise:
            exercise.accept()  # the messages beside the fields show
            assert any(label.isVisible() for label in exercise.messages.values())
        QApplication.processEvents()
        image = dialog.grab().toImage()
        problems += _label_problems(dialog, image, dialog.windowTitle())
        dialog.close()
    assert not problems, "\n".join(problems)
