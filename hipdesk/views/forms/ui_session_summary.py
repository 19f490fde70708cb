# Generated from ui/session_summary.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_summary.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

from hipdesk.views.common.scale_buttons import ScaleButtons

class Ui_SessionSummary(object):
    def setupUi(self, SessionSummary):
        if not SessionSummary.objectName():
            SessionSummary.setObjectName(u"SessionSummary")
        self.summaryLayout = QVBoxLayout(SessionSummary)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setContentsMargins(48, 32, 48, 32)
        self.titleLabel = QLabel(SessionSummary)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.titleLabel.setWordWrap(True)

        self.summaryLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(SessionSummary)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.summaryLabel.setWordWrap(True)

        self.summaryLayout.addWidget(self.summaryLabel)

        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.effortLabel = QLabel(SessionSummary)
        self.effortLabel.setObjectName(u"effortLabel")

        self.formLayout.addWidget(self.effortLabel, 0, 0, 1, 1)

        self.effortScale = ScaleButtons(SessionSummary)
        self.effortScale.setObjectName(u"effortScale")

        self.formLayout.addWidget(self.effortScale, 1, 0, 1, 2)

        self.effortValue = QLabel(SessionSummary)
        self.effortValue.setObjectName(u"effortValue")
        self.effortValue.setTextFormat(Qt.TextFormat.PlainText)
        self.effortValue.setWordWrap(True)

        self.formLayout.addWidget(self.effortValue, 0, 1, 1, 1)

        self.leftLabel = QLabel(SessionSummary)
        self.leftLabel.setObjectName(u"leftLabel")

        self.formLayout.addWidget(self.leftLabel, 2, 0, 1, 1)

        self.leftScale = ScaleButtons(SessionSummary)
        self.leftScale.setObjectName(u"leftScale")

        self.formLayout.addWidget(self.leftScale, 3, 0, 1, 2)

        self.leftValue = QLabel(SessionSummary)
        self.leftValue.setObjectName(u"leftValue")
        self.leftValue.setTextFormat(Qt.TextFormat.PlainText)
        self.leftValue.setWordWrap(True)

        self.formLayout.addWidget(self.leftValue, 2, 1, 1, 1)

        self.rightLabel = QLabel(SessionSummary)
        self.rightLabel.setObjectName(u"rightLabel")

        self.formLayout.addWidget(self.rightLabel, 4, 0, 1, 1)

        self.rightScale = ScaleButtons(SessionSummary)
        self.rightScale.setObjectName(u"rightScale")

        self.formLayout.addWidget(self.rightScale, 5, 0, 1, 2)

        self.rightValue = QLabel(SessionSummary)
        self.rightValue.setObjectName(u"rightValue")
        self.rightValue.setTextFormat(Qt.TextFormat.PlainText)
        self.rightValue.setWordWrap(True)

        self.formLayout.addWidget(self.rightValue, 4, 1, 1, 1)


        self.summaryLayout.addLayout(self.formLayout)

        self.notesLabel = QLabel(SessionSummary)
        self.notesLabel.setObjectName(u"notesLabel")

        self.summaryLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(SessionSummary)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.summaryLayout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(SessionSummary)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.summaryLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.skipButton = QPushButton(SessionSummary)
        self.skipButton.setObjectName(u"skipButton")

        self.buttonLayout.addWidget(self.skipButton)

        self.saveButton = QPushButton(SessionSummary)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.summaryLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.effortLabel.setBuddy(self.effortScale)
        self.leftLabel.setBuddy(self.leftScale)
        self.rightLabel.setBuddy(self.rightScale)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SessionSummary)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(SessionSummary)
    # setupUi

    def retranslateUi(self, SessionSummary):
        self.titleLabel.setText(QCoreApplication.translate("SessionSummary", u"Well done", None))
        self.summaryLabel.setText("")
        self.effortLabel.setText(QCoreApplication.translate("SessionSummary", u"&Effort (1 easy \u2013 10 all-out)", None))
#if QT_CONFIG(accessibility)
        self.effortScale.setAccessibleName(QCoreApplication.translate("SessionSummary", u"Effort", None))
#endif // QT_CONFIG(accessibility)
        self.effortValue.setText("")
        self.leftLabel.setText(QCoreApplication.translate("SessionSummary", u"&Left hip discomfort (0 none \u2013 10 worst)", None))
#if QT_CONFIG(accessibility)
        self.leftScale.setAccessibleName(QCoreApplication.translate("SessionSummary", u"Left hip discomfort", None))
#endif // QT_CONFIG(accessibility)
        self.leftValue.setText("")
        self.rightLabel.setText(QCoreApplication.translate("SessionSummary", u"&Right hip discomfort", None))
#if QT_CONFIG(accessibility)
        self.rightScale.setAccessibleName(QCoreApplication.translate("SessionSummary", u"Right hip discomfort", None))
#endif // QT_CONFIG(accessibility)
        self.rightValue.setText("")
        self.notesLabel.setText(QCoreApplication.translate("SessionSummary", u"&Notes", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("SessionSummary", u"How did it feel? Anything to remember next time?", None))
        self.skipButton.setText(QCoreApplication.translate("SessionSummary", u"Close &without notes", None))
        self.saveButton.setText(QCoreApplication.translate("SessionSummary", u"&Save and close", None))
        pass
    # retranslateUi

