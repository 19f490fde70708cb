"""On a 1366×768 and a 1280×720 screen the window and every dialog fit: each button lies inside the
screen's available area, so Save and Cancel can be clicked (they were below the bottom edge)."""

from __future__ import annotations

from pathlib import Path

import pytest

APP = Path(__file__).with_name("dialogs_app.py")
WINDOWS = {
    "main window",
    "New Exercise",
    "Edit Exercise",
    "PDF preview of a routine",
    "PDF preview of the week",
    "Print preview",
    "Session settings",
    "Restore from backup",
}


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_every_button_of_every_dialog_is_on_a_small_screen(size: str, db_path: Path, xvfb_of_size) -> None:
    with xvfb_of_size(size) as server:
        app = server.launch(APP)
        seen = {}
        try:
            line = app.next_line(timeout_s=180)
            while line != {"done": True}:
                seen[line["window"]] = line
                line = app.next_line(timeout_s=180)
        finally:
            app.stop()
    assert set(seen) == WINDOWS
    width, height = (int(n) for n in size.split("x"))
    problems = []
    for name, line in seen.items():
        assert line["area"][2] <= width and line["area"][3] <= height, line["area"]
        assert line["buttons"], f"{name} shows no buttons"
        for text, *rect in line["buttons"]:
            if not _inside(rect, line["area"]):
                problems.append(f"{name}: {text!r} at {rect} is outside {line['area']}")
        if not _inside(line["frame"], [0, 0, width, height]):
            problems.append(f"{name}: the window {line['frame']} is larger than the {size} screen")
    assert not problems, "\n".join(problems)
