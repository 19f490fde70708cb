"""Every cell of a CSV export as a spreadsheet reads it, in the runner's own zone."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from hipdesk.domain.history import ExportRow, SessionSummary, SetLine
from hipdesk.domain.model import SessionStatus, Side
from hipdesk.export.csv_export import HEADER, write_csv

START = dt.datetime(2025, 3, 4, 6, 12, 9, 500000, tzinfo=dt.UTC)


@pytest.fixture
def auckland(monkeypatch: pytest.MonkeyPatch):
    """The process's local zone is New Zealand's (+13:00 in March) for the test."""
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_whole_file_cell_by_cell(tmp_path: Path, auckland) -> None:
    session = SessionSummary(7, "=Hips", START, START + dt.timedelta(minutes=20), SessionStatus.PARTIAL, rpe=6,
                             discomfort_left=0, discomfort_right=3, notes="Knee, fine")  # fmt: skip
    done = SetLine(7, "clamshell", "Clamshell", Side.LEFT, 2, 3, 15, None, 14, 41.5, False,
                   START, START + dt.timedelta(seconds=41))  # fmt: skip
    held = SetLine(7, "side-plank", "Side Plank", Side.RIGHT, 1, 0, None, 30, None, 30.0, False, None, None)
    unrated = SessionSummary(8, "Hips", START, None, SessionStatus.RUNNING)
    skipped = SetLine(8, "squat", "Squat", Side.BOTH, 1, 0, 10, None, None, None, True, None, None)
    out = tmp_path / "history.csv"
    assert (
        write_csv(out, [ExportRow(session, done), ExportRow(session, held), ExportRow(unrated, skipped)]) == 3
    )
    assert out.read_bytes().decode("utf-8").split("\r\n") == [
        "\ufeff" + ",".join(HEADER),
        '7,2025-03-04T19:12:09+13:00,2025-03-04T19:32:09+13:00,partial,\'=Hips,6,0,3,"Knee, fine",4,clamshell,'
        "Clamshell,left,2,15,,14,41.5,no,2025-03-04T19:12:09+13:00,2025-03-04T19:12:50+13:00",
        '7,2025-03-04T19:12:09+13:00,2025-03-04T19:32:09+13:00,partial,\'=Hips,6,0,3,"Knee, fine",1,side-plank,'
        "Side Plank,right,1,,30,,30,no,,",
        "8,2025-03-04T19:12:09+13:00,,running,Hips,,,,,1,squat,Squat,both,1,10,,,,yes,,",
        "",
    ]


def test_a_routine_file_is_indented_utf8_text_that_a_person_can_read(tmp_path: Path) -> None:
    from hipdesk.catalogue.loader import load_catalogue
    from hipdesk.domain.model import Routine, RoutineItem
    from hipdesk.export.routine_file import write_routine_file

    exercises = {ex.id: ex for ex in load_catalogue()}
    out = tmp_path / "routine.hipdesk.json"
    write_routine_file(out, Routine("Dehnübungen – Hüfte", (RoutineItem("clamshell", reps=10),)), exercises)
    text = out.read_bytes().decode("utf-8")
    assert text.startswith('{\n  "') and text.endswith("\n}\n")
    assert '"Dehnübungen – Hüfte"' in text  # the name as typed, not \u escapes
    assert "\n    " in text and '\n   "' not in text  # two spaces a level


def test_a_routine_over_the_limit_is_refused_in_one_sentence(tmp_path: Path) -> None:
    from hipdesk.domain.errors import ValidationError
    from hipdesk.domain.model import Routine, RoutineItem
    from hipdesk.domain.serialize import MAX_ITEMS
    from hipdesk.export.routine_file import write_routine_file

    out = tmp_path / "big.hipdesk.json"
    big = Routine("Big", tuple(RoutineItem("clamshell", reps=1) for _ in range(MAX_ITEMS + 1)))
    with pytest.raises(ValidationError) as refused:
        write_routine_file(out, big, {})
    assert str(refused.value) == (
        f"Cannot export “Big”: a routine can have at most {MAX_ITEMS} exercises (this one would have {MAX_ITEMS + 1})."
    )
    assert not out.exists()
    write_routine_file(out, Routine("Big", big.items[:MAX_ITEMS]), {})  # the limit itself is written
    assert out.read_text(encoding="utf-8").count('"clamshell"') == MAX_ITEMS
