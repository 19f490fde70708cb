"""The session settings dialog: saved on OK only, test buttons, the sentence when output is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from hipdesk.app import settings as prefs
from hipdesk.app.settings import SessionSettings
from hipdesk.views.session.output import NO_SOUND, TEST_SENTENCE
from hipdesk.views.session.settings import SessionSettingsDialog

SESSION_KEYS = [prefs.SESSION_VOLUME, prefs.SESSION_VOICE, prefs.SESSION_LEAD_IN, prefs.SESSION_REP_PACE]


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_dialog(qtbot, store: QSettings) -> SessionSettingsDialog:
    dialog = SessionSettingsDialog(settings=store, speech_engine="mock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.player.prepared, timeout=5000)  # the probe runs right after opening
    qtbot.waitUntil(lambda: not dialog.player.speech_pending, timeout=10_000)  # speech loads in its thread
    return dialog


def click(qtbot, dialog: SessionSettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(which), Qt.MouseButton.LeftButton)


def edit(dialog: SessionSettingsDialog) -> None:
    ui = dialog.ui
    ui.volumeSlider.setValue(40)
    ui.voiceCheck.setChecked(False)
    ui.leadInSpin.setValue(12)
    ui.repTempoSpin.setValue(150)


def test_it_opens_with_the_defaults(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    assert dialog.values() == SessionSettings(volume=80, voice=True, lead_in_s=5, rep_pace_percent=100)
    assert dialog.ui.volumeValueLabel.text() == "80 %"
    assert dialog.ui.leadInSpin.suffix() == " s"


def test_ok_saves_the_settings(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    edit(dialog)
    assert dialog.ui.volumeValueLabel.text() == "40 %"
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.result() == QDialog.DialogCode.Accepted
    store.sync()
    assert SessionSettings.load(store) == SessionSettings(
        volume=40, voice=False, lead_in_s=12, rep_pace_percent=150
    )
    again = open_dialog(qtbot, store)
    assert again.values() == SessionSettings(volume=40, voice=False, lead_in_s=12, rep_pace_percent=150)


def test_cancel_saves_nothing(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    edit(dialog)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected
    store.sync()
    assert not any(store.contains(key.name) for key in SESSION_KEYS)
    assert SessionSettings.load(store) == SessionSettings()


def test_out_of_range_saved_values_are_brought_into_range(qtbot, store) -> None:
    store.setValue(prefs.SESSION_VOLUME.name, 500)
    store.setValue(prefs.SESSION_LEAD_IN.name, -4)
    store.setValue(prefs.SESSION_REP_PACE.name, "fast")
    loaded = SessionSettings.load(store)
    assert (loaded.volume, loaded.lead_in_s, loaded.rep_pace_percent) == (100, 0, 100)
    store.setValue(prefs.SESSION_REP_PACE.name, 900)
    assert SessionSettings.load(store).rep_pace_percent == 200


@pytest.mark.parametrize(("old_tempo_s", "percent"), [(3, 100), (4, 133), (6, 200), (2, 67)])
def test_a_rep_tempo_saved_before_becomes_the_same_share_of_each_pace(store, old_tempo_s, percent) -> None:
    store.setValue(prefs.SESSION_OLD_REP_TEMPO.name, old_tempo_s)
    assert SessionSettings.load(store).rep_pace_percent == percent
    store.setValue(prefs.SESSION_REP_PACE.name, 120)  # once the new setting is saved, it is the one
    assert SessionSettings.load(store).rep_pace_percent == 120


def test_the_rep_pace_reads_as_a_share_of_each_exercises_pace(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    spin = dialog.ui.repTempoSpin
    assert dialog.ui.repTempoLabel.text() == "Rep &pace"
    assert spin.value() == 100 and spin.suffix() == " % of each exercise's pace"
    assert (spin.minimum(), spin.maximum()) == (50, 200)


def test_test_voice_says_the_sample_line(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    button = dialog.ui.testVoiceButton
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert list(dialog.player.history)[-1] == ("say", TEST_SENTENCE)
    dialog.ui.voiceCheck.setChecked(False)
    assert not button.isEnabled()


def test_test_sound_plays_go_at_the_slider_volume(qtbot, store, effects) -> None:
    dialog = open_dialog(qtbot, store)
    assert not dialog.ui.availabilityLabel.isVisible()
    dialog.ui.volumeSlider.setValue(100)
    qtbot.mouseClick(dialog.ui.testSoundButton, Qt.MouseButton.LeftButton)
    assert effects["go"].plays == 1 and effects["go"].gain == pytest.approx(1.0)
    dialog.ui.volumeSlider.setValue(30)
    assert effects["go"].gain < 0.2
    assert not store.contains(prefs.SESSION_VOLUME.name)  # trying a volume is not saving it


def test_it_says_when_sound_does_not_work(qtbot, store, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    dialog = open_dialog(qtbot, store)
    label = dialog.ui.availabilityLabel
    assert label.isVisible() and label.text() == NO_SOUND
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.ui.testSoundButton.isEnabled()
    assert dialog.ui.testVoiceButton.isEnabled()


def test_a_typed_lead_in_out_of_range_is_explained(qtbot, store) -> None:
    dialog = open_dialog(qtbot, store)
    spin = dialog.ui.leadInSpin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    before = spin.value()
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # judged when editing ends: refused, not cut to 30
    assert dialog.isVisible() and spin.value() == before
    assert dialog.ui.noteLabel.isVisible()
    assert dialog.ui.noteLabel.text() == "The lead-in goes from 0 to 30 s: 45 s was not saved."
