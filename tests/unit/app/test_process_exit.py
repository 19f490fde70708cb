"""The last steps before the process exits: each named once, run in order with the exit code."""

from __future__ import annotations

import pytest

from hipdesk.app import process_exit


def test_the_last_steps_run_once_each_in_order_with_the_code_then_the_process_exits(monkeypatch) -> None:
    monkeypatch.setattr(process_exit, "_steps", [])
    ran: list[tuple[str, int]] = []

    def first(code: int) -> None:
        ran.append(("first", code))

    def second(code: int) -> None:
        ran.append(("second", code))

    process_exit.last(first)
    process_exit.last(second)
    process_exit.last(first)  # named again: still once
    with pytest.raises(SystemExit) as ended:
        process_exit.finish(3)
    assert ended.value.code == 3
    assert ran == [("first", 3), ("second", 3)]


def test_a_thread_left_behind_at_close_makes_the_exit_check_for_it(monkeypatch) -> None:
    import threading

    from hipdesk.views.session import output

    monkeypatch.setattr(process_exit, "_steps", [])
    monkeypatch.setattr(output, "_left_running", [])
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        output._leave_behind(thread)
        assert process_exit._steps == [output.exit_if_speech_stuck]
        assert output.speech_left_running()
    finally:
        stop.set()
        thread.join()
