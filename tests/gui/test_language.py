"""Under a German system locale the window speaks one language: English day and month names on Today,
Week and History, while the week still starts on the locale's first day."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QLabel,
    QToolButton,
    QWidget,
)

from hipdesk.domain.model import WEEKDAY_NAMES

MONTHS = ("January February March April May June July August September October November December").split()
GERMAN = (
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März Mai Juni Juli "
    "Oktober Dezember Dez. Mo Di Mi Do Fr Sa So"
).split()


def _history_data():
    path = Path(__file__).parents[1] / "history_data.py"
    spec = importlib.util.spec_from_file_location("hipdesk_tests_history_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _texts(root: QWidget) -> list[str]:
    """Every text a person can read on ``root``: labels, item views' cells and headers, date fields."""
    texts = [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QAbstractSpinBox) if w.isVisibleTo(root)]
    texts += [w.text() for w in root.findChildren(QToolButton) if w.isVisibleTo(root)]  # calendar month
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(root):
            continue
        top = view.rootIndex()
        try:
            columns = model.columnCount(top)
        except TypeError:  # a list model keeps it private: one column
            columns = 1
        for row in range(model.rowCount(top)):
            for column in range(columns):
                texts.append(str(model.index(row, column, top).data(Qt.ItemDataRole.DisplayRole) or ""))
        for column in range(columns):
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    return texts


def _german_words(texts: list[str]) -> set[str]:
    words = {word.strip(",.") for text in texts for word in text.split()}
    return {g for g in GERMAN if g.strip(".") in words}


def test_today_week_and_history_name_days_and_months_in_english(german, main_window, repo) -> None:
    today = dt.date.today()
    _history_data().generate(repo, days=40, end=today - dt.timedelta(days=1))
    win = main_window("today")
    date_line = win.today_page.date_label.text()
    assert date_line.startswith(f"{WEEKDAY_NAMES[today.weekday()]}, "), date_line
    assert MONTHS[today.month - 1] in date_line.split(), date_line
    seen = _texts(win.today_page)
    for page in ("week", "history"):
        win.show_page(page)
        seen += _texts(win.ui.pages.currentWidget())
    history = win.ui.pages.currentWidget()
    history.ui.sessionTable.setCurrentIndex(history.model.index(0, 0))
    assert history.ui.detailLabel.text().count(", ") >= 2  # "Routine · Wednesday, 2 December 2026, 07:30 · …"
    seen += _texts(history)
    assert not _german_words(seen), _german_words(seen)
    calendar = history.findChild(QCalendarWidget)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday  # the locale's week, not en_US's Sunday
    assert calendar.locale().language() == QLocale.Language.English
