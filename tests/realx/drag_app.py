"""Opens HipDesk's Routines page on a real X server and prints where to drag from and to (JSON).

Used by test_drag_real_mouse.py: the test moves the real pointer with xdotool.
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
    window.setGeometry(0, 0, 1200, 760)
    window.show()
    window.show_page("routines")
    page = window.routines_page
    page.select_routine("Hip strength")
    page.ui.paletteSearch.setText("clamshell")

    def report() -> None:
        palette = page.ui.exercisePalette
        source_rect = palette.visualRect(palette.model().index(0, 0))
        source = palette.viewport().mapToGlobal(source_rect.center())
        items = page.ui.routineItemList
        target_rect = items.visualRect(items.model().index(1, 0))
        target = items.viewport().mapToGlobal(QPoint(target_rect.center().x(), target_rect.top() + 4))
        print(
            json.dumps({"source": [source.x(), source.y()], "target": [target.x(), target.y()]}), flush=True
        )

    report_drags(app)
    QTimer.singleShot(0, lambda: report_when_shown(window, report))
    app.exec()
    repo.db.close()


if __name__ == "__main__":
    QApplication.setQuitOnLastWindowClosed(True)
    main()
