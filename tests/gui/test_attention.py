"""Figures move while the runner uses the window and rest when it is left alone (idle CPU)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from hipdesk.figures import load_figure
from hipdesk.figures.widget import FigureWidget
from hipdesk.views.common.attention import Attention, attention
from hipdesk.views.shell.main_window import MainWindow
from tests.gui.test_session_window import SHORT
from tests.gui.test_session_window import make as make_session

SHORT_S = 0.4


@pytest.fixture
def short_attention() -> Iterator[Attention]:
    """The application's attention, lapsing SHORT_S after the last use instead of half a minute."""
    watcher = attention()
    before = watcher.idle_s
    watcher.set_idle_s(SHORT_S)
    yield watcher
    watcher.set_idle_s(before)


@pytest.fixture
def window(qtbot, repo, short_attention) -> MainWindow:
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_attention_lapses_after_the_last_use_and_a_key_brings_it_back(qtbot, short_attention) -> None:
    flips: list[bool] = []
    short_attention.changed.connect(flips.append)
    assert short_attention.attending
    qtbot.waitUntil(lambda: not short_attention.attending, timeout=3000)
    widget = FigureWidget()
    qtbot.addWidget(widget)
    qtbot.keyClick(widget, Qt.Key.Key_A)  # any key, anywhere in the application
    assert short_attention.attending
    assert flips == [False, True]


def test_each_use_pushes_the_lapse_back(qtbot, short_attention) -> None:
    widget = FigureWidget()
    qtbot.addWidget(widget)
    for _ in range(4):  # used every SHORT_S / 2: never lapses meanwhile
        qtbot.wait(int(SHORT_S * 500))
        qtbot.keyClick(widget, Qt.Key.Key_A)
        assert short_attention.attending
    qtbot.waitUntil(lambda: not short_attention.attending, timeout=3000)


def test_another_application_in_front_rests_the_figures_at_once(qtbot, short_attention) -> None:
    short_attention.set_idle_s(60.0)
    short_attention._on_application_state_changed(Qt.ApplicationState.ApplicationInactive)
    assert not short_attention.attending
    short_attention._on_application_state_changed(Qt.ApplicationState.ApplicationActive)
    assert short_attention.attending


def test_the_library_figure_and_thumbnails_rest_when_left_alone(qtbot, window, short_attention) -> None:
    window.show_page("library")
    window.library.select("clamshell")
    panel = window.library.figure_panel
    assert panel is not None
    animators = [t for t in window.library.ui.exerciseList.findChildren(type(panel.figure._timer))]
    assert panel.figure.timerActive() and panel.figure.isPlaying()
    assert any(timer.isActive() for timer in animators)  # the thumbnails move
    qtbot.waitUntil(lambda: not panel.figure.timerActive(), timeout=3000)
    assert not any(timer.isActive() for timer in animators)
    held = panel.figure.phase()
    qtbot.wait(300)
    assert panel.figure.phase() == held  # it rests on the frame it reached
    assert panel.figure.isPlaying()  # resting is not a pause: no paused badge, Pause still offered
    assert panel.play_button.text() == "Pause"
    qtbot.keyClick(window.library.ui.exerciseList, Qt.Key.Key_Down)
    assert panel.figure.timerActive()
    assert any(timer.isActive() for timer in animators)


def test_a_hidden_list_runs_no_thumbnail_timer(qtbot, window) -> None:
    window.show_page("library")
    timers = [
        t
        for t in window.library.ui.exerciseList.findChildren(type(window.library.figure_panel.figure._timer))
    ]
    assert any(timer.isActive() for timer in timers)
    window.show_page("week")
    assert not any(timer.isActive() for timer in timers)


def test_a_figure_goes_on_from_the_frame_it_rested_on(qtbot) -> None:
    now = [100.0]
    widget = FigureWidget(figure=load_figure("clamshell"))
    widget._clock = lambda: now[0]
    widget.setFigure(load_figure("clamshell"))
    now[0] += 1.0
    before = widget.phase()
    widget.setAwake(False)
    now[0] += 50.0  # a long rest
    assert widget.phase() == before
    widget.setAwake(True)
    assert widget.phase() == before
    now[0] += 0.5
    assert widget.phase() == pytest.approx(before + 0.5)


def test_the_session_figure_never_rests(qtbot, repo, short_attention) -> None:
    """Only the library's and the editor's figures follow attention: a session runs hands-free."""
    session, driver, _ = make_session(qtbot, repo, SHORT)
    session.start()
    driver.skip()  # past the lead-in: the first set moves
    qtbot.waitUntil(lambda: not short_attention.attending, timeout=3000)
    qtbot.wait(100)
    assert session.figure.isAwake()
    driver.end_early()


def test_a_window_opened_after_a_long_rest_moves_its_figures(qtbot, repo, short_attention) -> None:
    qtbot.waitUntil(lambda: not short_attention.attending, timeout=3000)
    win = MainWindow(repo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("library")
    assert win.library.figure_panel is not None and win.library.figure_panel.figure.timerActive()
