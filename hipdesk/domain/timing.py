"""Session timing defaults, kept apart so that settings can name them without loading the domain."""

from __future__ import annotations

REP_TEMPO_S = 3.0  # seconds per paced rep
SWITCH_SIDES_S = 5  # countdown while the runner changes sides
GET_READY_S = 5  # lead-in before the first set of each exercise
PACE_PERCENT_RANGE = (50, 200)  # the rep-pace setting: percent of each exercise's own pace
