"""History's running side: km per week against hip minutes and discomfort, run days, hard-run flags."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hipdesk.domain.history import WeekTotal
from hipdesk.domain.model import Exercise, Kind, Side
from hipdesk.runs.history import hard_after_strength, run_days, weekly_km
from hipdesk.runs.model import Run
from hipdesk.views.history.charts import DONE_COLOUR, SIDE_COLOURS, RunWeeksChart

if TYPE_CHECKING:
    from hipdesk.db.repo import Repo
    from hipdesk.db.runs import RunStore


class RunsOverview:
    """The Runs tab: the flags, then the two run charts."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tab = QWidget()
        layout = QVBoxLayout(self.tab)
        parent = self.tab
        self.flags_label = QLabel(parent)
        self.flags_label.setWordWrap(True)
        self.flags_label.hide()
        self.km_chart = RunWeeksChart("Km run per week against hip minutes", parent)
        self.km_chart.empty_text = (
            "Import runs (File ▸ Import Runs…) and the kilometres show here beside the hip work."
        )
        self.sides_chart = RunWeeksChart("Hip discomfort, left and right, against the week's km", parent)
        self.sides_chart.empty_text = (
            "Import runs and rate your discomfort after sessions to see them side by side."
        )
        layout.addWidget(self.flags_label)
        layout.addWidget(self.km_chart, 1)
        layout.addWidget(self.sides_chart, 1)
        tabs.addTab(self.tab, "Runs")
        self.runs: list[Run] = []
        self.flags: list[str] = []

    def refresh(
        self,
        repo: Repo,
        weeks: Sequence[WeekTotal],
        discomfort: Mapping[dt.date, tuple[float | None, float | None]],
        exercises: Mapping[str, Exercise],
        first_weekday: int,
    ) -> None:
        from hipdesk.db.runs import RunStore

        store = RunStore(repo.db)
        self.runs = store.runs()
        starts = [w.start for w in weeks]
        km = weekly_km(self.runs, starts, first_weekday)
        self.km_chart.set_runs(
            starts, km, [("Hip minutes", DONE_COLOUR, [w.minutes for w in weeks])], "Minutes"
        )
        left = [discomfort.get(s, (None, None))[0] for s in starts]
        right = [discomfort.get(s, (None, None))[1] for s in starts]
        self.sides_chart.set_runs(
            starts,
            km,
            [("Left", SIDE_COLOURS[Side.LEFT], left), ("Right", SIDE_COLOURS[Side.RIGHT], right)],
            "Discomfort (0–10)",
            10,
        )
        self._flag(store, exercises)

    def _flag(self, store: RunStore, exercises: Mapping[str, Exercise]) -> None:
        if not self.runs:
            self.flags = []
        else:
            first = min(r.started_at for r in self.runs) - dt.timedelta(days=2)
            strength = [slug for slug, ex in exercises.items() if ex.kind is Kind.STRENGTH]
            per_day = Counter(t.astimezone().date() for t in store.set_times(strength, first))
            days = [r.started_at.astimezone().date() for r in self.runs]
            planned = {day: run.kind for day, run in store.plan_runs(min(days), max(days)).items()}
            self.flags = [f.text for f in hard_after_strength(self.runs, planned, per_day)]
        self.flags_label.setText("\n".join(self.flags[:3]))
        self.flags_label.setVisible(bool(self.flags))

    def run_days(self) -> set[dt.date]:
        return run_days(self.runs)
