"""The history table model: ids only, rows fetched a page at a time, removed and put back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from hipdesk.domain.history import SessionSummary
from hipdesk.domain.model import SessionStatus
from hipdesk.views.history.model import PAGE, Column, HistoryModel, Role

START = dt.datetime(2025, 3, 4, 6, 0, tzinfo=dt.UTC)


class Store:
    def __init__(self, n: int) -> None:
        self.rows = {
            i: SessionSummary(i, f"<b>R{i}</b>", START - dt.timedelta(days=i), START - dt.timedelta(days=i) +
                              dt.timedelta(seconds=754), SessionStatus.PARTIAL if i == 2 else SessionStatus.FINISHED,
                              sets_done=10, sets_skipped=1, rpe=5, discomfort_left=None, discomfort_right=2)
            for i in range(1, n + 1)
        }  # fmt: skip
        self.asked: list[list[int]] = []

    def fetch(self, ids):
        self.asked.append(list(ids))
        return [self.rows[i] for i in ids if i in self.rows]


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    store = Store(250)
    model = HistoryModel(store.fetch)
    model.set_ids(list(store.rows))
    qtmodeltester.check(model)
    model.remove_session(3)
    model.insert_session(2, 3)
    qtmodeltester.check(model)


def test_only_the_rows_shown_are_fetched_a_page_at_a_time() -> None:
    store = Store(1000)
    model = HistoryModel(store.fetch)
    model.set_ids(list(store.rows))
    assert store.asked == [] and model.rowCount() == 1000 and model.columnCount() == len(Column)
    assert model.index(0, Column.ROUTINE).data() == "<b>R1</b>"  # plain text, as typed
    assert model.index(PAGE - 1, 0).data(Role.ID) == PAGE
    assert store.asked == [list(range(1, PAGE + 1))]
    model.index(PAGE + 5, 0).data()
    assert len(store.asked) == 2 and len(store.asked[1]) == PAGE


def test_texts() -> None:
    store = Store(3)
    model = HistoryModel(store.fetch)
    model.set_ids([1, 2, 3])
    row = [model.index(1, c).data() for c in range(len(Column))]
    assert row[Column.DATE] == f"{(START - dt.timedelta(days=2)).astimezone():%Y-%m-%d %H:%M}"
    assert row[Column.ROUTINE] == "<b>R2</b>"
    assert row[Column.STATUS] == "Partial" and model.index(0, Column.STATUS).data() == "Finished"
    assert row[Column.DURATION] == "12:34"
    assert row[Column.DONE :] == ["10", "1", "5/10", "", "2"]  # discomfort left, then right
    assert model.headerData(Column.DONE, Qt.Orientation.Horizontal) == "Sets"
    assert (
        model.headerData(Column.DONE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Sets done"
    )
    assert model.index(0, 0).data(Role.SUMMARY) is store.rows[1]
    assert model.rowCount(model.index(0, 0)) == 0 and not model.index(5, 0).isValid()
    assert model.data(QModelIndex()) is None


def test_remove_insert_and_refresh() -> None:
    store = Store(3)
    model = HistoryModel(store.fetch)
    model.set_ids([1, 2, 3])
    assert model.remove_session(2) == 1 and model.ids() == [1, 3]
    assert model.remove_session(2) == -1
    model.insert_session(1, 2)
    assert model.ids() == [1, 2, 3]
    model.index(0, 0).data()
    from dataclasses import replace

    store.rows[1] = replace(store.rows[1], rpe=9)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.refresh_session(1)
    assert changed == [(0, 0)] and model.index(0, Column.EFFORT).data() == "9/10"
