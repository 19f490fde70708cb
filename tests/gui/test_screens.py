"""Windows fit the screen they open on, long forms scroll, and the window's size is kept per screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QDialog, QScrollArea

from hipdesk.app import settings
from hipdesk.views.common.screens import FRAME, fit_on_screen, screen_of


def test_a_dialog_larger_than_the_screen_is_shrunk_and_moved_inside(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = screen_of(dialog).availableGeometry()
    dialog.resize(area.width() + 400, area.height() + 300)
    dialog.move(area.right() - 50, area.bottom() - 50)
    fit_on_screen(dialog)
    inside = area.marginsRemoved(FRAME)
    assert inside.contains(QRect(dialog.pos(), dialog.size())), (dialog.geometry(), inside)


def test_the_exercise_form_scrolls_so_its_buttons_stay_in_view(qtbot) -> None:
    from hipdesk.views.library.exercise_dialog import ExerciseDialog

    dialog = ExerciseDialog()
    qtbot.addWidget(dialog)
    scroll = dialog.findChild(QScrollArea, "formScroll")
    assert scroll is not None and scroll.widget().isAncestorOf(dialog.ui.nameEdit)
    assert not scroll.isAncestorOf(dialog.ui.buttonBox)
    dialog.resize(dialog.width(), 300)  # a very short screen: the form scrolls, Save stays
    dialog.show()
    qtbot.waitExposed(dialog)
    assert scroll.verticalScrollBar().maximum() > 0
    assert dialog.rect().contains(dialog.ui.buttonBox.geometry())


def test_the_window_size_is_kept_for_each_screen(main_window) -> None:
    win = main_window()
    screen = screen_of(win)
    here = settings.window_geometry_on(screen.name(), screen.size().width(), screen.size().height())
    elsewhere = settings.window_geometry_on("HDMI-2", 2560, 1440)
    assert here.name != elsewhere.name
    win.resize(700, 500)
    win.save_state()
    saved = here.get()
    assert not saved.isEmpty()
    assert elsewhere.get().isEmpty()  # another screen's size is not touched
    win.resize(900, 560)
    win.restore_state()
    assert (win.width(), win.height()) == (700, 500)
    QSettings().remove("persist")
    assert here.get() == QByteArray()
