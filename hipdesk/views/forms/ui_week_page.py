# Generated from ui/week_page.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'week_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QSplitter, QToolButton, QVBoxLayout, QWidget

from hipdesk.views.common.widgets import DragListView

class Ui_WeekPage(object):
    def setupUi(self, WeekPage):
        if not WeekPage.objectName():
            WeekPage.setObjectName(u"WeekPage")
        self.pageLayout = QVBoxLayout(WeekPage)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(WeekPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headerLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(WeekPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.summaryLabel)

        self.removeMissingButton = QPushButton(WeekPage)
        self.removeMissingButton.setObjectName(u"removeMissingButton")

        self.headerLayout.addWidget(self.removeMissingButton)

        self.exportButton = QPushButton(WeekPage)
        self.exportButton.setObjectName(u"exportButton")

        self.headerLayout.addWidget(self.exportButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.splitter = QSplitter(WeekPage)
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

        self.routinesLayout.addWidget(self.routinesTitle)

        self.routinesHint = QLabel(self.routinesPane)
        self.routinesHint.setObjectName(u"routinesHint")
        self.routinesHint.setTextFormat(Qt.TextFormat.PlainText)
        self.routinesHint.setWordWrap(True)

        self.routinesLayout.addWidget(self.routinesHint)

        self.routineList = DragListView(self.routinesPane)
        self.routineList.setObjectName(u"routineList")
        self.routineList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.routineList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.routineList.setUniformItemSizes(True)

        self.routinesLayout.addWidget(self.routineList)

        self.addButton = QToolButton(self.routinesPane)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.addButton.sizePolicy().hasHeightForWidth())
        self.addButton.setSizePolicy(sizePolicy1)

        self.routinesLayout.addWidget(self.addButton)

        self.splitter.addWidget(self.routinesPane)
        self.weekPane = QWidget(self.splitter)
        self.weekPane.setObjectName(u"weekPane")
        self.weekLayout = QVBoxLayout(self.weekPane)
        self.weekLayout.setSpacing(8)
        self.weekLayout.setObjectName(u"weekLayout")
        self.weekLayout.setContentsMargins(0, 0, 0, 0)
        self.daysWidget = QWidget(self.weekPane)
        self.daysWidget.setObjectName(u"daysWidget")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.daysWidget.sizePolicy().hasHeightForWidth())
        self.daysWidget.setSizePolicy(sizePolicy2)
        self.daysLayout = QHBoxLayout(self.daysWidget)
        self.daysLayout.setSpacing(6)
        self.daysLayout.setObjectName(u"daysLayout")
        self.daysLayout.setContentsMargins(0, 0, 0, 0)

        self.weekLayout.addWidget(self.daysWidget)

        self.guidanceBox = QGroupBox(self.weekPane)
        self.guidanceBox.setObjectName(u"guidanceBox")
        self.guidanceLayout = QVBoxLayout(self.guidanceBox)
        self.guidanceLayout.setObjectName(u"guidanceLayout")
        self.guidanceLayout.setContentsMargins(6, 6, 6, 6)
        self.guidanceList = QListWidget(self.guidanceBox)
        self.guidanceList.setObjectName(u"guidanceList")
        self.guidanceList.setFrameShape(QFrame.Shape.NoFrame)
        self.guidanceList.setWordWrap(True)
        self.guidanceList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.guidanceList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.guidanceLayout.addWidget(self.guidanceList)


        self.weekLayout.addWidget(self.guidanceBox)

        self.splitter.addWidget(self.weekPane)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(WeekPage)

        QMetaObject.connectSlotsByName(WeekPage)
    # setupUi

    def retranslateUi(self, WeekPage):
        self.titleLabel.setText(QCoreApplication.translate("WeekPage", u"Week", None))
        self.summaryLabel.setText("")
        self.removeMissingButton.setText(QCoreApplication.translate("WeekPage", u"Remove Deleted Routines", None))
#if QT_CONFIG(tooltip)
        self.removeMissingButton.setToolTip(QCoreApplication.translate("WeekPage", u"Take the routines that no longer exist off your week", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("WeekPage", u"Export Calendar\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("WeekPage", u"Save your week as a calendar file (.ics) to import into the calendar you use", None))
#endif // QT_CONFIG(tooltip)
        self.routinesTitle.setText(QCoreApplication.translate("WeekPage", u"Routines", None))
        self.routinesHint.setText(QCoreApplication.translate("WeekPage", u"Drag a routine onto a day.", None))
#if QT_CONFIG(accessibility)
        self.routineList.setAccessibleName(QCoreApplication.translate("WeekPage", u"Routines to plan", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("WeekPage", u"Add to Day", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("WeekPage", u"Plan the selected routines on a day", None))
#endif // QT_CONFIG(tooltip)
        self.guidanceBox.setTitle(QCoreApplication.translate("WeekPage", u"Notes on your week", None))
#if QT_CONFIG(accessibility)
        self.guidanceList.setAccessibleName(QCoreApplication.translate("WeekPage", u"Notes on your week", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

