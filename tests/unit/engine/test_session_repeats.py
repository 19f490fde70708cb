"""The same button twice: each pause and each "+15 s" counts on its own, however many came before."""

from __future__ import annotations

import pytest

from hipdesk.domain.model import RoutineItem

LEAD_IN_S = 5  # get ready before the first set


def test_two_pauses_each_leave_the_hold_where_it_was(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=60))
    s.run(LEAD_IN_S + 10)
    assert s.engine.seconds_left == pytest.approx(50)
    s.act(s.engine.pause)
    s.run(100)
    s.act(s.engine.resume)
    assert s.engine.seconds_left == pytest.approx(50)
    s.run(5)
    s.act(s.engine.pause)
    s.run(1)
    s.act(s.engine.resume)
    assert s.engine.seconds_left == pytest.approx(45)
    assert s.engine.elapsed_s == pytest.approx(15)
    s.run(45)
    [record] = s.records
    assert record.actual_s == 60


def test_three_pauses_of_different_lengths(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(LEAD_IN_S + 2)
    for pause_s in (7.0, 30.0, 0.5):
        s.act(s.engine.pause)
        s.run(pause_s)
        s.act(s.engine.resume)
        s.run(3)
    assert s.engine.seconds_left == pytest.approx(30 - 2 - 9)


def test_each_plus_15_adds_fifteen_seconds(session) -> None:
    s = session(RoutineItem("glute-bridge", hold_s=30))
    s.run(LEAD_IN_S + 10)
    assert s.act(s.engine.extend)
    assert s.engine.seconds_left == pytest.approx(35)
    assert s.act(s.engine.extend)
    assert s.engine.seconds_left == pytest.approx(50)
    s.run(1)
    assert s.act(s.engine.extend)
    assert s.engine.seconds_left == pytest.approx(64)
    s.run_to_end()
    [record] = s.records
    assert record.target_s == 30 and record.actual_s == 75


def test_plus_15_on_the_next_set_starts_from_its_own_length(session) -> None:
    s = session(RoutineItem("glute-bridge", sets=2, hold_s=20, rest_s=10))
    s.run(LEAD_IN_S + 1)
    s.act(s.engine.extend)
    s.run(34 + 10 + 1)  # the rest of set 1 and the rest: 1 s into set 2
    assert s.engine.current_step.set_number == 2
    assert s.engine.seconds_left == pytest.approx(19)
    first, *_ = s.records
    assert first.actual_s == 35
