# Generated from ui/routines_page.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'routines_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget

from hipdesk.views.common.widgets import (BoundedSpinBox, DragListView)

class Ui_RoutinesPage(object):
    def setupUi(self, RoutinesPage):
        if not RoutinesPage.objectName():
            RoutinesPage.setObjectName(u"RoutinesPage")
        self.pageLayout = QVBoxLayout(RoutinesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(RoutinesPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.routinesPane = QWidget(self.splitter)
        self.routinesPane.setObjectName(u"routinesPane")
        self.routinesLayout = QVBoxLayout(self.routinesPane)
        self.routinesLayout.setObjectName(u"routinesLayout")
        self.routinesLayout.setContentsMargins(0, 0, 0, 0)
        self.routinesTitle = QLabel(self.routinesPane)
        self.routinesTitle.setObjectName(u"routinesTitle")
        self.routinesTitle.setTextFormat(Qt.TextFormat.PlainText)
        self.routinesTitle.setWordWrap(True)

        self.routinesLayout.addWidget(self.routinesTitle)

        self.routineList = QListView(self.routinesPane)
        self.routineList.setObjectName(u"routineList")
        self.routineList.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.DoubleClicked)
        self.routineList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.routineList.setUniformItemSizes(False)

        self.routinesLayout.addWidget(self.routineList)

        self.routineButtons = QHBoxLayout()
        self.routineButtons.setObjectName(u"routineButtons")
        self.newRoutineButton = QPushButton(self.routinesPane)
        self.newRoutineButton.setObjectName(u"newRoutineButton")

        self.routineButtons.addWidget(self.newRoutineButton)

        self.duplicateRoutineButton = QPushButton(self.routinesPane)
        self.duplicateRoutineButton.setObjectName(u"duplicateRoutineButton")

        self.routineButtons.addWidget(self.duplicateRoutineButton)

        self.deleteRoutineButton = QPushButton(self.routinesPane)
        self.deleteRoutineButton.setObjectName(u"deleteRoutineButton")

        self.routineButtons.addWidget(self.deleteRoutineButton)


        self.routinesLayout.addLayout(self.routineButtons)

        self.splitter.addWidget(self.routinesPane)
        self.editorPane = QWidget(self.splitter)
        self.editorPane.setObjectName(u"editorPane")
        self.editorLayout = QVBoxLayout(self.editorPane)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.routineNameLabel = QLabel(self.editorPane)
        self.routineNameLabel.setObjectName(u"routineNameLabel")
        self.routineNameLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.routineNameLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.routineNameLabel)

        self.routineSummaryLabel = QLabel(self.editorPane)
        self.routineSummaryLabel.setObjectName(u"routineSummaryLabel")
        self.routineSummaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.routineSummaryLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.routineSummaryLabel)

        self.routineItemList = DragListView(self.editorPane)
        self.routineItemList.setObjectName(u"routineItemList")
        self.routineItemList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.routineItemList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.routineItemList.setUniformItemSizes(False)

        self.editorLayout.addWidget(self.routineItemList)

        self.itemButtons = QHBoxLayout()
        self.itemButtons.setObjectName(u"itemButtons")
        self.removeItemButton = QPushButton(self.editorPane)
        self.removeItemButton.setObjectName(u"removeItemButton")

        self.itemButtons.addWidget(self.removeItemButton)

        self.duplicateItemButton = QPushButton(self.editorPane)
        self.duplicateItemButton.setObjectName(u"duplicateItemButton")

        self.itemButtons.addWidget(self.duplicateItemButton)

        self.itemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemButtons.addItem(self.itemSpacer)


        self.editorLayout.addLayout(self.itemButtons)

        self.inspector = QGroupBox(self.editorPane)
        self.inspector.setObjectName(u"inspector")
        self.inspectorLayout = QGridLayout(self.inspector)
        self.inspectorLayout.setObjectName(u"inspectorLayout")
        self.setsLabel = QLabel(self.inspector)
        self.setsLabel.setObjectName(u"setsLabel")

        self.inspectorLayout.addWidget(self.setsLabel, 0, 0, 1, 1)

        self.setsSpin = BoundedSpinBox(self.inspector)
        self.setsSpin.setObjectName(u"setsSpin")
        self.setsSpin.setMinimum(1)
        self.setsSpin.setMaximum(20)

        self.inspectorLayout.addWidget(self.setsSpin, 0, 1, 1, 1)

        self.setsMessage = QLabel(self.inspector)
        self.setsMessage.setObjectName(u"setsMessage")
        self.setsMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.setsMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.setsMessage, 1, 1, 1, 1)

        self.repsLabel = QLabel(self.inspector)
        self.repsLabel.setObjectName(u"repsLabel")

        self.inspectorLayout.addWidget(self.repsLabel, 0, 2, 1, 1)

        self.repsSpin = BoundedSpinBox(self.inspector)
        self.repsSpin.setObjectName(u"repsSpin")
        self.repsSpin.setMinimum(1)
        self.repsSpin.setMaximum(200)

        self.inspectorLayout.addWidget(self.repsSpin, 0, 3, 1, 1)

        self.repsMessage = QLabel(self.inspector)
        self.repsMessage.setObjectName(u"repsMessage")
        self.repsMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.repsMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.repsMessage, 1, 3, 1, 1)

        self.holdLabel = QLabel(self.inspector)
        self.holdLabel.setObjectName(u"holdLabel")

        self.inspectorLayout.addWidget(self.holdLabel, 2, 0, 1, 1)

        self.holdSpin = BoundedSpinBox(self.inspector)
        self.holdSpin.setObjectName(u"holdSpin")
        self.holdSpin.setMinimum(1)
        self.holdSpin.setMaximum(600)

        self.inspectorLayout.addWidget(self.holdSpin, 2, 1, 1, 1)

        self.holdMessage = QLabel(self.inspector)
        self.holdMessage.setObjectName(u"holdMessage")
        self.holdMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.holdMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.holdMessage, 3, 1, 1, 1)

        self.workLabel = QLabel(self.inspector)
        self.workLabel.setObjectName(u"workLabel")

        self.inspectorLayout.addWidget(self.workLabel, 2, 2, 1, 1)

        self.workSpin = BoundedSpinBox(self.inspector)
        self.workSpin.setObjectName(u"workSpin")
        self.workSpin.setMinimum(1)
        self.workSpin.setMaximum(3600)

        self.inspectorLayout.addWidget(self.workSpin, 2, 3, 1, 1)

        self.workMessage = QLabel(self.inspector)
        self.workMessage.setObjectName(u"workMessage")
        self.workMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.workMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.workMessage, 3, 3, 1, 1)

        self.restLabel = QLabel(self.inspector)
        self.restLabel.setObjectName(u"restLabel")

        self.inspectorLayout.addWidget(self.restLabel, 4, 0, 1, 1)

        self.restSpin = BoundedSpinBox(self.inspector)
        self.restSpin.setObjectName(u"restSpin")
        self.restSpin.setMinimum(0)
        self.restSpin.setMaximum(900)

        self.inspectorLayout.addWidget(self.restSpin, 4, 1, 1, 1)

        self.restMessage = QLabel(self.inspector)
        self.restMessage.setObjectName(u"restMessage")
        self.restMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.restMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.restMessage, 5, 1, 1, 1)

        self.restAfterLabel = QLabel(self.inspector)
        self.restAfterLabel.setObjectName(u"restAfterLabel")

        self.inspectorLayout.addWidget(self.restAfterLabel, 4, 2, 1, 1)

        self.restAfterSpin = BoundedSpinBox(self.inspector)
        self.restAfterSpin.setObjectName(u"restAfterSpin")
        self.restAfterSpin.setMinimum(0)
        self.restAfterSpin.setMaximum(1800)

        self.inspectorLayout.addWidget(self.restAfterSpin, 4, 3, 1, 1)

        self.restAfterMessage = QLabel(self.inspector)
        self.restAfterMessage.setObjectName(u"restAfterMessage")
        self.restAfterMessage.setTextFormat(Qt.TextFormat.PlainText)
        self.restAfterMessage.setWordWrap(True)

        self.inspectorLayout.addWidget(self.restAfterMessage, 5, 3, 1, 1)

        self.sidesLabel = QLabel(self.inspector)
        self.sidesLabel.setObjectName(u"sidesLabel")

        self.inspectorLayout.addWidget(self.sidesLabel, 6, 0, 1, 1)

        self.sidesCombo = QComboBox(self.inspector)
        self.sidesCombo.setObjectName(u"sidesCombo")

        self.inspectorLayout.addWidget(self.sidesCombo, 6, 1, 1, 1)

        self.repModeLabel = QLabel(self.inspector)
        self.repModeLabel.setObjectName(u"repModeLabel")

        self.inspectorLayout.addWidget(self.repModeLabel, 6, 2, 1, 1)

        self.repModeCombo = QComboBox(self.inspector)
        self.repModeCombo.setObjectName(u"repModeCombo")

        self.inspectorLayout.addWidget(self.repModeCombo, 6, 3, 1, 1)

        self.sectionLabel = QLabel(self.inspector)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.inspectorLayout.addWidget(self.sectionLabel, 7, 0, 1, 1)

        self.sectionCombo = QComboBox(self.inspector)
        self.sectionCombo.setObjectName(u"sectionCombo")
        self.sectionCombo.setEditable(True)

        self.inspectorLayout.addWidget(self.sectionCombo, 7, 1, 1, 1)

        self.noteLabel = QLabel(self.inspector)
        self.noteLabel.setObjectName(u"noteLabel")

        self.inspectorLayout.addWidget(self.noteLabel, 7, 2, 1, 1)

        self.noteEdit = QLineEdit(self.inspector)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(500)

        self.inspectorLayout.addWidget(self.noteEdit, 7, 3, 1, 1)


        self.editorLayout.addWidget(self.inspector)

        self.splitter.addWidget(self.editorPane)
        self.palettePane = QWidget(self.splitter)
        self.palettePane.setObjectName(u"palettePane")
        self.paletteLayout = QVBoxLayout(self.palettePane)
        self.paletteLayout.setObjectName(u"paletteLayout")
        self.paletteLayout.setContentsMargins(0, 0, 0, 0)
        self.paletteTitle = QLabel(self.palettePane)
        self.paletteTitle.setObjectName(u"paletteTitle")
        self.paletteTitle.setTextFormat(Qt.TextFormat.PlainText)
        self.paletteTitle.setWordWrap(True)

        self.paletteLayout.addWidget(self.paletteTitle)

        self.paletteSearch = QLineEdit(self.palettePane)
        self.paletteSearch.setObjectName(u"paletteSearch")
        self.paletteSearch.setClearButtonEnabled(True)

        self.paletteLayout.addWidget(self.paletteSearch)

        self.exercisePalette = DragListView(self.palettePane)
        self.exercisePalette.setObjectName(u"exercisePalette")
        self.exercisePalette.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exercisePalette.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.exercisePalette.setUniformItemSizes(False)

        self.paletteLayout.addWidget(self.exercisePalette)

        self.splitter.addWidget(self.palettePane)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.setsLabel.setBuddy(self.setsSpin)
        self.repsLabel.setBuddy(self.repsSpin)
        self.holdLabel.setBuddy(self.holdSpin)
        self.workLabel.setBuddy(self.workSpin)
        self.restLabel.setBuddy(self.restSpin)
        self.restAfterLabel.setBuddy(self.restAfterSpin)
        self.sidesLabel.setBuddy(self.sidesCombo)
        self.repModeLabel.setBuddy(self.repModeCombo)
        self.sectionLabel.setBuddy(self.sectionCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RoutinesPage)

        QMetaObject.connectSlotsByName(RoutinesPage)
    # setupUi

    def retranslateUi(self, RoutinesPage):
        self.routinesTitle.setText(QCoreApplication.translate("RoutinesPage", u"Routines", None))
#if QT_CONFIG(accessibility)
        self.routineList.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Routines", None))
#endif // QT_CONFIG(accessibility)
        self.newRoutineButton.setText(QCoreApplication.translate("RoutinesPage", u"New", None))
#if QT_CONFIG(tooltip)
        self.newRoutineButton.setToolTip(QCoreApplication.translate("RoutinesPage", u"New routine (Ctrl+Shift+N)", None))
#endif // QT_CONFIG(tooltip)
        self.duplicateRoutineButton.setText(QCoreApplication.translate("RoutinesPage", u"Duplicate", None))
        self.deleteRoutineButton.setText(QCoreApplication.translate("RoutinesPage", u"Delete\u2026", None))
        self.routineNameLabel.setText("")
        self.routineSummaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.routineItemList.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Exercises in the routine", None))
#endif // QT_CONFIG(accessibility)
        self.removeItemButton.setText(QCoreApplication.translate("RoutinesPage", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.removeItemButton.setToolTip(QCoreApplication.translate("RoutinesPage", u"Remove (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.duplicateItemButton.setText(QCoreApplication.translate("RoutinesPage", u"Duplicate", None))
#if QT_CONFIG(tooltip)
        self.duplicateItemButton.setToolTip(QCoreApplication.translate("RoutinesPage", u"Duplicate (Ctrl+D)", None))
#endif // QT_CONFIG(tooltip)
        self.inspector.setTitle(QCoreApplication.translate("RoutinesPage", u"Selected exercise", None))
        self.setsLabel.setText(QCoreApplication.translate("RoutinesPage", u"Sets", None))
#if QT_CONFIG(accessibility)
        self.setsSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Sets", None))
#endif // QT_CONFIG(accessibility)
        self.repsLabel.setText(QCoreApplication.translate("RoutinesPage", u"&Reps", None))
#if QT_CONFIG(accessibility)
        self.repsSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Reps", None))
#endif // QT_CONFIG(accessibility)
        self.holdLabel.setText(QCoreApplication.translate("RoutinesPage", u"H&old", None))
#if QT_CONFIG(accessibility)
        self.holdSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Hold", None))
#endif // QT_CONFIG(accessibility)
        self.holdSpin.setSuffix(QCoreApplication.translate("RoutinesPage", u" s", None))
        self.workLabel.setText(QCoreApplication.translate("RoutinesPage", u"Timed &work", None))
#if QT_CONFIG(accessibility)
        self.workSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Timed work", None))
#endif // QT_CONFIG(accessibility)
        self.workSpin.setSuffix(QCoreApplication.translate("RoutinesPage", u" s", None))
        self.restLabel.setText(QCoreApplication.translate("RoutinesPage", u"Rest &between sets", None))
#if QT_CONFIG(accessibility)
        self.restSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Rest between sets", None))
#endif // QT_CONFIG(accessibility)
        self.restSpin.setSuffix(QCoreApplication.translate("RoutinesPage", u" s", None))
        self.restAfterLabel.setText(QCoreApplication.translate("RoutinesPage", u"Rest &after", None))
#if QT_CONFIG(accessibility)
        self.restAfterSpin.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Rest after", None))
#endif // QT_CONFIG(accessibility)
        self.restAfterSpin.setSuffix(QCoreApplication.translate("RoutinesPage", u" s", None))
        self.sidesLabel.setText(QCoreApplication.translate("RoutinesPage", u"Si&des", None))
#if QT_CONFIG(accessibility)
        self.sidesCombo.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Sides", None))
#endif // QT_CONFIG(accessibility)
        self.repModeLabel.setText(QCoreApplication.translate("RoutinesPage", u"&Counting", None))
#if QT_CONFIG(accessibility)
        self.repModeCombo.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"How reps are counted", None))
#endif // QT_CONFIG(accessibility)
        self.sectionLabel.setText(QCoreApplication.translate("RoutinesPage", u"Sect&ion", None))
#if QT_CONFIG(accessibility)
        self.sectionCombo.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Section", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("RoutinesPage", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("RoutinesPage", u"A reminder", None))
        self.paletteTitle.setText(QCoreApplication.translate("RoutinesPage", u"Drag exercises into the routine, or press Enter", None))
        self.paletteSearch.setPlaceholderText(QCoreApplication.translate("RoutinesPage", u"Search the library\u2026", None))
#if QT_CONFIG(accessibility)
        self.paletteSearch.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Search the library", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.exercisePalette.setAccessibleName(QCoreApplication.translate("RoutinesPage", u"Exercise library", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

