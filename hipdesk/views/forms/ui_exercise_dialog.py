# Generated from ui/exercise_dialog.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exercise_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout

class Ui_ExerciseDialog(object):
    def setupUi(self, ExerciseDialog):
        if not ExerciseDialog.objectName():
            ExerciseDialog.setObjectName(u"ExerciseDialog")
        ExerciseDialog.resize(560, 760)
        self.dialogLayout = QVBoxLayout(ExerciseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QGridLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(ExerciseDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(ExerciseDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.aliasesLabel = QLabel(ExerciseDialog)
        self.aliasesLabel.setObjectName(u"aliasesLabel")

        self.formLayout.addWidget(self.aliasesLabel, 1, 0, 1, 1)

        self.aliasesEdit = QLineEdit(ExerciseDialog)
        self.aliasesEdit.setObjectName(u"aliasesEdit")

        self.formLayout.addWidget(self.aliasesEdit, 1, 1, 1, 1)

        self.kindLabel = QLabel(ExerciseDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.addWidget(self.kindLabel, 2, 0, 1, 1)

        self.kindCombo = QComboBox(ExerciseDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.addWidget(self.kindCombo, 2, 1, 1, 1)

        self.positionLabel = QLabel(ExerciseDialog)
        self.positionLabel.setObjectName(u"positionLabel")

        self.formLayout.addWidget(self.positionLabel, 3, 0, 1, 1)

        self.positionCombo = QComboBox(ExerciseDialog)
        self.positionCombo.setObjectName(u"positionCombo")

        self.formLayout.addWidget(self.positionCombo, 3, 1, 1, 1)

        self.sidednessLabel = QLabel(ExerciseDialog)
        self.sidednessLabel.setObjectName(u"sidednessLabel")

        self.formLayout.addWidget(self.sidednessLabel, 4, 0, 1, 1)

        self.sidednessCombo = QComboBox(ExerciseDialog)
        self.sidednessCombo.setObjectName(u"sidednessCombo")

        self.formLayout.addWidget(self.sidednessCombo, 4, 1, 1, 1)

        self.equipmentLabel = QLabel(ExerciseDialog)
        self.equipmentLabel.setObjectName(u"equipmentLabel")

        self.formLayout.addWidget(self.equipmentLabel, 5, 0, 1, 1)

        self.equipmentLayout = QHBoxLayout()
        self.equipmentLayout.setObjectName(u"equipmentLayout")
        self.matCheck = QCheckBox(ExerciseDialog)
        self.matCheck.setObjectName(u"matCheck")

        self.equipmentLayout.addWidget(self.matCheck)

        self.bandCheck = QCheckBox(ExerciseDialog)
        self.bandCheck.setObjectName(u"bandCheck")

        self.equipmentLayout.addWidget(self.bandCheck)

        self.stepCheck = QCheckBox(ExerciseDialog)
        self.stepCheck.setObjectName(u"stepCheck")

        self.equipmentLayout.addWidget(self.stepCheck)


        self.formLayout.addLayout(self.equipmentLayout, 5, 1, 1, 1)

        self.setsLabel = QLabel(ExerciseDialog)
        self.setsLabel.setObjectName(u"setsLabel")

        self.formLayout.addWidget(self.setsLabel, 6, 0, 1, 1)

        self.setsLayout = QHBoxLayout()
        self.setsLayout.setObjectName(u"setsLayout")
        self.setsMin = QSpinBox(ExerciseDialog)
        self.setsMin.setObjectName(u"setsMin")
        self.setsMin.setMinimum(1)
        self.setsMin.setMaximum(20)

        self.setsLayout.addWidget(self.setsMin)

        self.setsTo = QLabel(ExerciseDialog)
        self.setsTo.setObjectName(u"setsTo")

        self.setsLayout.addWidget(self.setsTo)

        self.setsMax = QSpinBox(ExerciseDialog)
        self.setsMax.setObjectName(u"setsMax")
        self.setsMax.setMinimum(1)
        self.setsMax.setMaximum(20)

        self.setsLayout.addWidget(self.setsMax)

        self.setsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.setsLayout.addItem(self.setsSpacer)


        self.formLayout.addLayout(self.setsLayout, 6, 1, 1, 1)

        self.repsCheck = QCheckBox(ExerciseDialog)
        self.repsCheck.setObjectName(u"repsCheck")

        self.formLayout.addWidget(self.repsCheck, 7, 0, 1, 1)

        self.repsLayout = QHBoxLayout()
        self.repsLayout.setObjectName(u"repsLayout")
        self.repsMin = QSpinBox(ExerciseDialog)
        self.repsMin.setObjectName(u"repsMin")
        self.repsMin.setMinimum(1)
        self.repsMin.setMaximum(200)

        self.repsLayout.addWidget(self.repsMin)

        self.repsTo = QLabel(ExerciseDialog)
        self.repsTo.setObjectName(u"repsTo")

        self.repsLayout.addWidget(self.repsTo)

        self.repsMax = QSpinBox(ExerciseDialog)
        self.repsMax.setObjectName(u"repsMax")
        self.repsMax.setMinimum(1)
        self.repsMax.setMaximum(200)

        self.repsLayout.addWidget(self.repsMax)

        self.repsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.repsLayout.addItem(self.repsSpacer)


        self.formLayout.addLayout(self.repsLayout, 7, 1, 1, 1)

        self.holdCheck = QCheckBox(ExerciseDialog)
        self.holdCheck.setObjectName(u"holdCheck")

        self.formLayout.addWidget(self.holdCheck, 8, 0, 1, 1)

        self.holdLayout = QHBoxLayout()
        self.holdLayout.setObjectName(u"holdLayout")
        self.holdMin = QSpinBox(ExerciseDialog)
        self.holdMin.setObjectName(u"holdMin")
        self.holdMin.setMinimum(1)
        self.holdMin.setMaximum(600)

        self.holdLayout.addWidget(self.holdMin)

        self.holdTo = QLabel(ExerciseDialog)
        self.holdTo.setObjectName(u"holdTo")

        self.holdLayout.addWidget(self.holdTo)

        self.holdMax = QSpinBox(ExerciseDialog)
        self.holdMax.setObjectName(u"holdMax")
        self.holdMax.setMinimum(1)
        self.holdMax.setMaximum(600)

        self.holdLayout.addWidget(self.holdMax)

        self.holdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.holdLayout.addItem(self.holdSpacer)


        self.formLayout.addLayout(self.holdLayout, 8, 1, 1, 1)

        self.workCheck = QCheckBox(ExerciseDialog)
        self.workCheck.setObjectName(u"workCheck")

        self.formLayout.addWidget(self.workCheck, 9, 0, 1, 1)

        self.workLayout = QHBoxLayout()
        self.workLayout.setObjectName(u"workLayout")
        self.workMin = QSpinBox(ExerciseDialog)
        self.workMin.setObjectName(u"workMin")
        self.workMin.setMinimum(1)
        self.workMin.setMaximum(3600)

        self.workLayout.addWidget(self.workMin)

        self.workTo = QLabel(ExerciseDialog)
        self.workTo.setObjectName(u"workTo")

        self.workLayout.addWidget(self.workTo)

        self.workMax = QSpinBox(ExerciseDialog)
        self.workMax.setObjectName(u"workMax")
        self.workMax.setMinimum(1)
        self.workMax.setMaximum(3600)

        self.workLayout.addWidget(self.workMax)

        self.workSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.workLayout.addItem(self.workSpacer)


        self.formLayout.addLayout(self.workLayout, 9, 1, 1, 1)

        self.restLabel = QLabel(ExerciseDialog)
        self.restLabel.setObjectName(u"restLabel")

        self.formLayout.addWidget(self.restLabel, 10, 0, 1, 1)

        self.restSpin = QSpinBox(ExerciseDialog)
        self.restSpin.setObjectName(u"restSpin")
        self.restSpin.setMinimum(0)
        self.restSpin.setMaximum(900)

        self.formLayout.addWidget(self.restSpin, 10, 1, 1, 1)

        self.primaryLabel = QLabel(ExerciseDialog)
        self.primaryLabel.setObjectName(u"primaryLabel")

        self.formLayout.addWidget(self.primaryLabel, 11, 0, 1, 1)

        self.primaryList = QListWidget(ExerciseDialog)
        self.primaryList.setObjectName(u"primaryList")
        self.primaryList.setMaximumHeight(110)

        self.formLayout.addWidget(self.primaryList, 11, 1, 1, 1)

        self.secondaryLabel = QLabel(ExerciseDialog)
        self.secondaryLabel.setObjectName(u"secondaryLabel")

        self.formLayout.addWidget(self.secondaryLabel, 12, 0, 1, 1)

        self.secondaryList = QListWidget(ExerciseDialog)
        self.secondaryList.setObjectName(u"secondaryList")
        self.secondaryList.setMaximumHeight(110)

        self.formLayout.addWidget(self.secondaryList, 12, 1, 1, 1)

        self.summaryLabel = QLabel(ExerciseDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.addWidget(self.summaryLabel, 13, 0, 1, 1)

        self.summaryEdit = QLineEdit(ExerciseDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.formLayout.addWidget(self.summaryEdit, 13, 1, 1, 1)

        self.stepsLabel = QLabel(ExerciseDialog)
        self.stepsLabel.setObjectName(u"stepsLabel")

        self.formLayout.addWidget(self.stepsLabel, 14, 0, 1, 1)

        self.stepsEdit = QPlainTextEdit(ExerciseDialog)
        self.stepsEdit.setObjectName(u"stepsEdit")
        self.stepsEdit.setTabChangesFocus(True)

        self.formLayout.addWidget(self.stepsEdit, 14, 1, 1, 1)

        self.cuesLabel = QLabel(ExerciseDialog)
        self.cuesLabel.setObjectName(u"cuesLabel")

        self.formLayout.addWidget(self.cuesLabel, 15, 0, 1, 1)

        self.cuesEdit = QPlainTextEdit(ExerciseDialog)
        self.cuesEdit.setObjectName(u"cuesEdit")
        self.cuesEdit.setTabChangesFocus(True)
        self.cuesEdit.setMaximumHeight(80)

        self.formLayout.addWidget(self.cuesEdit, 15, 1, 1, 1)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ExerciseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ExerciseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.aliasesLabel.setBuddy(self.aliasesEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.positionLabel.setBuddy(self.positionCombo)
        self.sidednessLabel.setBuddy(self.sidednessCombo)
        self.restLabel.setBuddy(self.restSpin)
        self.primaryLabel.setBuddy(self.primaryList)
        self.secondaryLabel.setBuddy(self.secondaryList)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.stepsLabel.setBuddy(self.stepsEdit)
        self.cuesLabel.setBuddy(self.cuesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExerciseDialog)

        QMetaObject.connectSlotsByName(ExerciseDialog)
    # setupUi

    def retranslateUi(self, ExerciseDialog):
        ExerciseDialog.setWindowTitle(QCoreApplication.translate("ExerciseDialog", u"Exercise", None))
        self.nameLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Name", None))
        self.aliasesLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Also known as", None))
        self.aliasesEdit.setPlaceholderText(QCoreApplication.translate("ExerciseDialog", u"Other names, separated by commas", None))
        self.kindLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Kind", None))
        self.positionLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Position", None))
        self.sidednessLabel.setText(QCoreApplication.translate("ExerciseDialog", u"S&ides", None))
        self.equipmentLabel.setText(QCoreApplication.translate("ExerciseDialog", u"Equipment", None))
        self.matCheck.setText(QCoreApplication.translate("ExerciseDialog", u"Mat", None))
        self.bandCheck.setText(QCoreApplication.translate("ExerciseDialog", u"Resistance band", None))
        self.stepCheck.setText(QCoreApplication.translate("ExerciseDialog", u"Step", None))
        self.setsLabel.setText(QCoreApplication.translate("ExerciseDialog", u"Sets", None))
#if QT_CONFIG(accessibility)
        self.setsMin.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"setsMin", None))
#endif // QT_CONFIG(accessibility)
        self.setsTo.setText(QCoreApplication.translate("ExerciseDialog", u"to", None))
#if QT_CONFIG(accessibility)
        self.setsMax.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"setsMax", None))
#endif // QT_CONFIG(accessibility)
        self.repsCheck.setText(QCoreApplication.translate("ExerciseDialog", u" Reps", None))
#if QT_CONFIG(accessibility)
        self.repsMin.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"repsMin", None))
#endif // QT_CONFIG(accessibility)
        self.repsTo.setText(QCoreApplication.translate("ExerciseDialog", u"to", None))
#if QT_CONFIG(accessibility)
        self.repsMax.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"repsMax", None))
#endif // QT_CONFIG(accessibility)
        self.holdCheck.setText(QCoreApplication.translate("ExerciseDialog", u"Hold", None))
        self.holdMin.setSuffix(QCoreApplication.translate("ExerciseDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.holdMin.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"holdMin", None))
#endif // QT_CONFIG(accessibility)
        self.holdTo.setText(QCoreApplication.translate("ExerciseDialog", u"to", None))
        self.holdMax.setSuffix(QCoreApplication.translate("ExerciseDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.holdMax.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"holdMax", None))
#endif // QT_CONFIG(accessibility)
        self.workCheck.setText(QCoreApplication.translate("ExerciseDialog", u"Timed work", None))
        self.workMin.setSuffix(QCoreApplication.translate("ExerciseDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.workMin.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"workMin", None))
#endif // QT_CONFIG(accessibility)
        self.workTo.setText(QCoreApplication.translate("ExerciseDialog", u"to", None))
        self.workMax.setSuffix(QCoreApplication.translate("ExerciseDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.workMax.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"workMax", None))
#endif // QT_CONFIG(accessibility)
        self.restLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Rest between sets", None))
        self.restSpin.setSuffix(QCoreApplication.translate("ExerciseDialog", u" s", None))
#if QT_CONFIG(accessibility)
        self.restSpin.setAccessibleName(QCoreApplication.translate("ExerciseDialog", u"restSpin", None))
#endif // QT_CONFIG(accessibility)
        self.primaryLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Working muscles", None))
        self.secondaryLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Helping muscles", None))
        self.summaryLabel.setText(QCoreApplication.translate("ExerciseDialog", u"S&ummary", None))
        self.stepsLabel.setText(QCoreApplication.translate("ExerciseDialog", u"S&teps\n"
"(one a line)", None))
        self.cuesLabel.setText(QCoreApplication.translate("ExerciseDialog", u"&Cues\n"
"(one a line)", None))
    # retranslateUi

