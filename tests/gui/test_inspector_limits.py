"""The inspector's spin boxes allow exactly what a routine file and the database accept."""

from __future__ import annotations

import pytest

LIMITS = {  # the same numbers as tests/unit/domain/test_item_bounds.py, written out
    "setsSpin": (1, 20),
    "repsSpin": (1, 200),
    "holdSpin": (1, 600),
    "workSpin": (1, 3600),
    "restSpin": (0, 900),
    "restAfterSpin": (0, 1800),
}


@pytest.fixture
def page(main_window):
    page = main_window("routines").routines_page
    assert page.select_routine("Hip strength")
    return page


@pytest.mark.parametrize("spin", sorted(LIMITS))
def test_each_spin_box_stops_at_the_shared_limits(page, spin: str) -> None:
    box = getattr(page.ui, spin)
    assert (box.minimum(), box.maximum()) == LIMITS[spin]
