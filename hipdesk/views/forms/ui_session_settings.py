# Generated from ui/session_settings.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_settings.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider, QSpacerItem, QVBoxLayout, QWidget

from hipdesk.views.common.widgets import BoundedSpinBox

class Ui_SessionSettingsDialog(object):
    def setupUi(self, SessionSettingsDialog):
        if not SessionSettingsDialog.objectName():
            SessionSettingsDialog.setObjectName(u"SessionSettingsDialog")
        SessionSettingsDialog.resize(460, 260)
        self.dialogLayout = QVBoxLayout(SessionSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.volumeLabel = QLabel(SessionSettingsDialog)
        self.volumeLabel.setObjectName(u"volumeLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.volumeLabel)

        self.volumeRow = QHBoxLayout()
        self.volumeRow.setObjectName(u"volumeRow")
        self.volumeSlider = QSlider(SessionSettingsDialog)
        self.volumeSlider.setObjectName(u"volumeSlider")
        self.volumeSlider.setMaximum(100)
        self.volumeSlider.setSingleStep(5)
        self.volumeSlider.setPageStep(10)
        self.volumeSlider.setValue(80)
        self.volumeSlider.setOrientation(Qt.Orientation.Horizontal)

        self.volumeRow.addWidget(self.volumeSlider)

        self.volumeValueLabel = QLabel(SessionSettingsDialog)
        self.volumeValueLabel.setObjectName(u"volumeValueLabel")
        self.volumeValueLabel.setMinimumSize(QSize(40, 0))
        self.volumeValueLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.volumeRow.addWidget(self.volumeValueLabel)

        self.testSoundButton = QPushButton(SessionSettingsDialog)
        self.testSoundButton.setObjectName(u"testSoundButton")
        self.testSoundButton.setAutoDefault(False)

        self.volumeRow.addWidget(self.testSoundButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.volumeRow)

        self.voiceLabel = QLabel(SessionSettingsDialog)
        self.voiceLabel.setObjectName(u"voiceLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.voiceLabel)

        self.voiceRow = QHBoxLayout()
        self.voiceRow.setObjectName(u"voiceRow")
        self.voiceCheck = QCheckBox(SessionSettingsDialog)
        self.voiceCheck.setObjectName(u"voiceCheck")
        self.voiceCheck.setChecked(True)

        self.voiceRow.addWidget(self.voiceCheck)

        self.voiceSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.voiceRow.addItem(self.voiceSpacer)

        self.testVoiceButton = QPushButton(SessionSettingsDialog)
        self.testVoiceButton.setObjectName(u"testVoiceButton")
        self.testVoiceButton.setAutoDefault(False)

        self.voiceRow.addWidget(self.testVoiceButton)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.voiceRow)

        self.leadInLabel = QLabel(SessionSettingsDialog)
        self.leadInLabel.setObjectName(u"leadInLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leadInLabel)

        self.leadInSpin = BoundedSpinBox(SessionSettingsDialog)
        self.leadInSpin.setObjectName(u"leadInSpin")
        self.leadInSpin.setMaximum(30)
        self.leadInSpin.setValue(5)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leadInSpin)

        self.repTempoLabel = QLabel(SessionSettingsDialog)
        self.repTempoLabel.setObjectName(u"repTempoLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.repTempoLabel)

        self.repTempoSpin = BoundedSpinBox(SessionSettingsDialog)
        self.repTempoSpin.setObjectName(u"repTempoSpin")
        self.repTempoSpin.setMinimum(50)
        self.repTempoSpin.setMaximum(200)
        self.repTempoSpin.setSingleStep(10)
        self.repTempoSpin.setValue(100)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repTempoSpin)


        self.dialogLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(SessionSettingsDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.noteLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.noteLabel)

        self.availabilityLabel = QLabel(SessionSettingsDialog)
        self.availabilityLabel.setObjectName(u"availabilityLabel")
        self.availabilityLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.availabilityLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.availabilityLabel)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(SessionSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.volumeLabel.setBuddy(self.volumeSlider)
        self.leadInLabel.setBuddy(self.leadInSpin)
        self.repTempoLabel.setBuddy(self.repTempoSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.volumeSlider, self.testSoundButton)
        QWidget.setTabOrder(self.testSoundButton, self.voiceCheck)
        QWidget.setTabOrder(self.voiceCheck, self.testVoiceButton)
        QWidget.setTabOrder(self.testVoiceButton, self.leadInSpin)
        QWidget.setTabOrder(self.leadInSpin, self.repTempoSpin)

        self.retranslateUi(SessionSettingsDialog)

        QMetaObject.connectSlotsByName(SessionSettingsDialog)
    # setupUi

    def retranslateUi(self, SessionSettingsDialog):
        SessionSettingsDialog.setWindowTitle(QCoreApplication.translate("SessionSettingsDialog", u"Session Settings", None))
        self.volumeLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"&Volume", None))
#if QT_CONFIG(tooltip)
        self.volumeSlider.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"How loud the cue sounds and the voice are", None))
#endif // QT_CONFIG(tooltip)
        self.volumeValueLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"80 %", None))
#if QT_CONFIG(tooltip)
        self.testSoundButton.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"Play the start-of-work sound at this volume", None))
#endif // QT_CONFIG(tooltip)
        self.testSoundButton.setText(QCoreApplication.translate("SessionSettingsDialog", u"Test &sound", None))
        self.voiceLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"Voice", None))
#if QT_CONFIG(tooltip)
        self.voiceCheck.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"Say the exercise names, \"switch sides\", \"rest\" and rep counts aloud", None))
#endif // QT_CONFIG(tooltip)
        self.voiceCheck.setText(QCoreApplication.translate("SessionSettingsDialog", u"S&peak the cues", None))
#if QT_CONFIG(tooltip)
        self.testVoiceButton.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"Hear the voice say an exercise name", None))
#endif // QT_CONFIG(tooltip)
        self.testVoiceButton.setText(QCoreApplication.translate("SessionSettingsDialog", u"Test v&oice", None))
        self.leadInLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"&Lead-in", None))
#if QT_CONFIG(tooltip)
        self.leadInSpin.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"Time to get into position before each exercise starts", None))
#endif // QT_CONFIG(tooltip)
        self.leadInSpin.setSuffix(QCoreApplication.translate("SessionSettingsDialog", u" s", None))
        self.repTempoLabel.setText(QCoreApplication.translate("SessionSettingsDialog", u"Rep &pace", None))
#if QT_CONFIG(tooltip)
        self.repTempoSpin.setToolTip(QCoreApplication.translate("SessionSettingsDialog", u"How long each rep the session counts for you takes, as a share of the exercise's own pace: 100 % is the pace each exercise is made for, more is slower, less is quicker (a hold at the top of a rep keeps its length)", None))
#endif // QT_CONFIG(tooltip)
        self.repTempoSpin.setSuffix(QCoreApplication.translate("SessionSettingsDialog", u" % of each exercise's pace", None))
        self.noteLabel.setText("")
        self.availabilityLabel.setText("")
    # retranslateUi

