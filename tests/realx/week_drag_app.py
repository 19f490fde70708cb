"""Opens HipDesk's Week page on a real X server and prints where to drag from and to (JSON).

Used by test_week_drag_real_mouse.py: the test moves the real pointer with xdotool.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drag_events import report_drags, report_when_shown
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication

from hipdesk.store import open_store
from hipdesk.views.common.application import make_application
from hipdesk.views.shell.main_window import MainWindow


def main() -> None:
    app = make_application(sys.argv[:1])
    repo = open_store(Path(sys.argv[1]))
    window = MainWindow(repo)
    window.setGeometry(0, 0, 1280, 780)
    window.show()
    window.show_page("week")
    page = window.week_page

    def centre_of_empty_space(weekday: int) -> QPoint:
        view = page.columns[weekday].list
        return view.viewport().mapToGlobal(
            QPoint(view.viewport().width() // 2, view.viewport().height() - 40)
        )

    def report() -> None:
        routines = page.ui.routineList
        row = next(
            r
            for r in range(page.routine_list.rowCount())
            if page.routine_list.routine_at(r).name == "Hip strength"
        )
        source = routines.viewport().mapToGlobal(
            routines.visualRect(page.routine_list.index(row, 0)).center()
        )
        monday = page.columns[0].list
        card = monday.viewport().mapToGlobal(monday.visualRect(page.model.entry_index(0, 0)).center())
        points = {
            "routine": [source.x(), source.y()],
            "wednesday": [centre_of_empty_space(2).x(), centre_of_empty_space(2).y()],
            "monday_card": [card.x(), card.y()],
            "friday": [centre_of_empty_space(4).x(), centre_of_empty_space(4).y()],
        }
        print(json.dumps(points), flush=True)

    report_drags(app)
    QTimer.singleShot(0, lambda: report_when_shown(window, report))
    app.exec()
    repo.db.close()


if __name__ == "__main__":
    QApplication.setQuitOnLastWindowClosed(True)
    main()
