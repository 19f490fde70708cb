"""The session settings dialog (volume, voice, lead-in, rep pace) and the values it saves."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from hipdesk.app.settings import LEAD_IN_RANGE, REP_PACE_RANGE, VOLUME_RANGE, SessionSettings
from hipdesk.views.common.screens import fit_on_screen
from hipdesk.views.forms.ui_session_settings import Ui_SessionSettingsDialog
from hipdesk.views.session.output import TEST_SENTENCE, CuePlayer

logger = logging.getLogger(__name__)


class SessionSettingsDialog(QDialog):
    """Edits the session settings; they are saved on OK only.

    The dialog has its own CuePlayer for the test buttons, probed right after it opens, and says in
    one sentence when sound or speech does not work here. ``speech_engine`` picks an engine by name
    (tests use "mock").
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        speech_engine: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionSettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        self.player = CuePlayer(self, speech_engine=speech_engine)
        ui = self.ui
        ui.volumeSlider.setRange(*VOLUME_RANGE)
        ui.leadInSpin.setRange(*LEAD_IN_RANGE)
        ui.leadInSpin.what = "The lead-in"
        ui.repTempoSpin.setRange(*REP_PACE_RANGE)
        ui.repTempoSpin.what = "The rep pace"
        ui.noteLabel.hide()
        ui.availabilityLabel.setText("Checking sound and speech…")
        self._show_values(SessionSettings.load(settings))
        self.player.set_volume(ui.volumeSlider.value())
        self.player.set_voice(ui.voiceCheck.isChecked())
        ui.volumeSlider.valueChanged.connect(self._on_volume_slider_value_changed)
        ui.voiceCheck.toggled.connect(self._on_voice_check_toggled)
        ui.testSoundButton.clicked.connect(self._on_test_sound_button_clicked)
        ui.testVoiceButton.clicked.connect(self._on_test_voice_button_clicked)
        ui.leadInSpin.value_refused.connect(self._show_note)
        ui.repTempoSpin.value_refused.connect(self._show_note)
        ui.leadInSpin.valueChanged.connect(ui.noteLabel.hide)
        ui.repTempoSpin.valueChanged.connect(ui.noteLabel.hide)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.player.speech_changed.connect(self._show_availability)
        self._update_buttons()
        fit_on_screen(self)
        QTimer.singleShot(0, self.probe)  # open at once; the sounds load right after, speech in its thread

    def values(self) -> SessionSettings:
        ui = self.ui
        return SessionSettings(
            volume=ui.volumeSlider.value(),
            voice=ui.voiceCheck.isChecked(),
            lead_in_s=ui.leadInSpin.value(),
            rep_pace_percent=ui.repTempoSpin.value(),
        )

    def probe(self) -> None:
        """Find out whether sound and speech work here (once) and say so when they do not.

        The speech engine answers later (``speech_changed``); the dialog never waits for it.
        """
        if not self.player.prepared:
            self.player.prepare()
        self._show_availability()

    def _show_availability(self) -> None:
        text = self.player.unavailable_text()
        if self.player.speech_pending:
            text = f"{text} Checking speech…".strip()
        self.ui.availabilityLabel.setText(text)
        self.ui.availabilityLabel.setVisible(bool(text))
        self._update_buttons()

    def accept(self) -> None:
        values = self.values()
        values.save(self._settings)
        logger.info("session settings saved: %s", values)
        super().accept()

    def done(self, result: int) -> None:
        self.player.close(wait_ms=0)  # its speech thread ends on its own: the dialog never waits for it
        super().done(result)

    def _show_values(self, values: SessionSettings) -> None:
        ui = self.ui
        ui.volumeSlider.setValue(values.volume)
        ui.volumeValueLabel.setText(f"{values.volume} %")
        ui.voiceCheck.setChecked(values.voice)
        ui.leadInSpin.setValue(values.lead_in_s)
        ui.repTempoSpin.setValue(values.rep_pace_percent)

    def _update_buttons(self) -> None:
        ui = self.ui
        probed = self.player.prepared
        ui.testSoundButton.setEnabled(probed and self.player.sound_ok)
        ui.testVoiceButton.setEnabled(probed and self.player.speech_ok and ui.voiceCheck.isChecked())

    def _show_note(self, text: str) -> None:
        self.ui.noteLabel.setText(text)
        self.ui.noteLabel.show()

    def _on_volume_slider_value_changed(self, value: int) -> None:
        self.ui.volumeValueLabel.setText(f"{value} %")
        self.player.set_volume(value)

    def _on_voice_check_toggled(self, on: bool) -> None:
        self.player.set_voice(on)
        self._update_buttons()

    def _on_test_sound_button_clicked(self) -> None:
        self.player.play_sound("go")

    def _on_test_voice_button_clicked(self) -> None:
        self.player.say(TEST_SENTENCE)
