"""Widths a runner notices: the sidebar keeps one width, the inspector's choices show in full, and the
Week's longest day name is not cut when its warning mark shows."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from hipdesk.domain.model import WEEKDAY_NAMES

PAGES = ("today", "library", "routines", "week", "history")


def test_the_sidebar_keeps_one_width_on_every_page(main_window, qtbot) -> None:
    win = main_window("today")
    win.resize(600, 600)
    widths = {}
    for page in PAGES:
        win.show_page(page)
        qtbot.wait(10)
        widths[page] = win.ui.navigation.width()
    assert len(set(widths.values())) == 1, widths
    labels = [win.ui.navigation.item(row).text() for row in range(win.ui.navigation.count())]
    widest = max(win.ui.navigation.fontMetrics().horizontalAdvance(label) for label in labels)
    assert widths["today"] > widest + 28  # the labels fit inside their padding


def test_inspector_choices_are_not_cut(main_window, qtbot) -> None:
    win = main_window("routines")
    win.resize(600, 600)
    page = win.routines_page
    assert page.select_routine("Hip strength")
    for row in range(page.items.rowCount()):  # the choices change with the exercise: every one fits
        page.ui.routineItemList.setCurrentIndex(page.items.index(row, 0))
        qtbot.wait(10)
        for combo in (page.ui.sidesCombo, page.ui.repModeCombo, page.ui.sectionCombo):
            if not combo.isVisible():
                continue
            metrics = QFontMetrics(combo.font())
            longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
            assert combo.width() >= longest + 20, (row, combo.objectName(), combo.width(), longest)


def test_the_longest_day_name_shows_whole_beside_its_warning(main_window, qtbot) -> None:
    win = main_window("week")
    win.resize(600, 600)
    page = win.week_page
    column = page.columns[WEEKDAY_NAMES.index("Wednesday")]
    column.set_marks(today=True, highlighted=False, warnings=["Two hard days in a row."])
    qtbot.wait(10)
    assert column.warning_label.isVisible()
    label = column.name_label
    needed = QFontMetrics(label.font()).horizontalAdvance("Wednesday") + 8  # the today mark's padding
    assert label.width() >= needed, (label.width(), needed)
    assert label.geometry().right() < column.warning_label.geometry().left()
