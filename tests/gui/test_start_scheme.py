"""The colour scheme chosen last is on the window from its first frame, as HipDesk starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# The window as hipdesk.views.shell.start makes it, painted once: the sidebar's colour and the
# application's window colour, as lightness (0 black, 255 white).
FIRST_FRAME = r"""
from PySide6.QtCore import QTimer
from hipdesk.views.common.application import make_application
from hipdesk.views.shell.main_window import MainWindow

app = make_application()
window = MainWindow()
window.restore_state()
window.show()

def look():
    nav = window.ui.navigation
    sidebar = nav.grab().toImage().pixelColor(nav.width() // 2, nav.height() - 4)
    print(sidebar.lightness(), app.palette().window().color().lightness())
    app.quit()

QTimer.singleShot(0, look)
app.exec()
"""


@pytest.mark.parametrize(("scheme", "dark"), [("dark", True), ("light", False)])
def test_the_saved_scheme_paints_the_first_frame(tmp_path: Path, scheme: str, dark: bool) -> None:
    config = tmp_path / "config"
    (config / "HipDesk").mkdir(parents=True)
    (config / "HipDesk" / "HipDesk.conf").write_text(f"[view]\ncolor_scheme={scheme}\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    sidebar, window = (int(n) for n in result.stdout.split())
    if dark:
        assert sidebar < 80 and window < 80
    else:
        assert sidebar > 180 and window > 180
