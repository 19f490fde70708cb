# Generated from ui/history_page.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QTreeWidget, QVBoxLayout, QWidget

class Ui_HistoryPage(object):
    def setupUi(self, HistoryPage):
        if not HistoryPage.objectName():
            HistoryPage.setObjectName(u"HistoryPage")
        self.pageLayout = QVBoxLayout(HistoryPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(9, 9, 9, 9)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(HistoryPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.headerLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(HistoryPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.summaryLabel)

        self.exportButton = QPushButton(HistoryPage)
        self.exportButton.setObjectName(u"exportButton")

        self.headerLayout.addWidget(self.exportButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.routineFilterLabel = QLabel(HistoryPage)
        self.routineFilterLabel.setObjectName(u"routineFilterLabel")
        self.routineFilterLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.filterLayout.addWidget(self.routineFilterLabel)

        self.routineCombo = QComboBox(HistoryPage)
        self.routineCombo.setObjectName(u"routineCombo")
        self.routineCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.routineCombo)

        self.fromLabel = QLabel(HistoryPage)
        self.fromLabel.setObjectName(u"fromLabel")
        self.fromLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.filterLayout.addWidget(self.fromLabel)

        self.fromDate = QDateEdit(HistoryPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(HistoryPage)
        self.toLabel.setObjectName(u"toLabel")
        self.toLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.filterLayout.addWidget(self.toLabel)

        self.toDate = QDateEdit(HistoryPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.toDate)

        self.allTimeButton = QPushButton(HistoryPage)
        self.allTimeButton.setObjectName(u"allTimeButton")

        self.filterLayout.addWidget(self.allTimeButton)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.pageLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(HistoryPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listSplitter = QSplitter(self.splitter)
        self.listSplitter.setObjectName(u"listSplitter")
        self.listSplitter.setOrientation(Qt.Orientation.Vertical)
        self.listSplitter.setChildrenCollapsible(False)
        self.sessionTable = QTableView(self.listSplitter)
        self.sessionTable.setObjectName(u"sessionTable")
        self.sessionTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessionTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessionTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessionTable.setAlternatingRowColors(True)
        self.sessionTable.setShowGrid(False)
        self.sessionTable.setWordWrap(False)
        self.listSplitter.addWidget(self.sessionTable)
        self.detailPane = QWidget(self.listSplitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.detailLabel = QLabel(self.detailPane)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.detailLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.detailLabel)

        self.setsTree = QTreeWidget(self.detailPane)
        self.setsTree.headerItem().setText(5, "")
        self.setsTree.setObjectName(u"setsTree")
        self.setsTree.setRootIsDecorated(False)
        self.setsTree.setUniformRowHeights(True)
        self.setsTree.setAlternatingRowColors(True)

        self.detailLayout.addWidget(self.setsTree)

        self.notesEdit = QPlainTextEdit(self.detailPane)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.detailLayout.addWidget(self.notesEdit)

        self.notesButtons = QHBoxLayout()
        self.notesButtons.setObjectName(u"notesButtons")
        self.saveNotesButton = QPushButton(self.detailPane)
        self.saveNotesButton.setObjectName(u"saveNotesButton")

        self.notesButtons.addWidget(self.saveNotesButton)

        self.notesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.notesButtons.addItem(self.notesSpacer)

        self.deleteButton = QPushButton(self.detailPane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.notesButtons.addWidget(self.deleteButton)


        self.detailLayout.addLayout(self.notesButtons)

        self.listSplitter.addWidget(self.detailPane)
        self.splitter.addWidget(self.listSplitter)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.weeksTab = QWidget()
        self.weeksTab.setObjectName(u"weeksTab")
        self.weeksTabLayout = QVBoxLayout(self.weeksTab)
        self.weeksTabLayout.setObjectName(u"weeksTabLayout")
        self.weeksTabLayout.setContentsMargins(6, 6, 6, 6)
        self.weeksChartHolder = QWidget(self.weeksTab)
        self.weeksChartHolder.setObjectName(u"weeksChartHolder")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.weeksChartHolder.sizePolicy().hasHeightForWidth())
        self.weeksChartHolder.setSizePolicy(sizePolicy1)
        self.weeksChartHolderLayout = QVBoxLayout(self.weeksChartHolder)
        self.weeksChartHolderLayout.setObjectName(u"weeksChartHolderLayout")
        self.weeksChartHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.weeksTabLayout.addWidget(self.weeksChartHolder)

        self.tabs.addTab(self.weeksTab, "")
        self.calendarTab = QWidget()
        self.calendarTab.setObjectName(u"calendarTab")
        self.calendarTabLayout = QVBoxLayout(self.calendarTab)
        self.calendarTabLayout.setObjectName(u"calendarTabLayout")
        self.calendarTabLayout.setContentsMargins(6, 6, 6, 6)
        self.calendarHolder = QWidget(self.calendarTab)
        self.calendarHolder.setObjectName(u"calendarHolder")
        sizePolicy1.setHeightForWidth(self.calendarHolder.sizePolicy().hasHeightForWidth())
        self.calendarHolder.setSizePolicy(sizePolicy1)
        self.calendarHolderLayout = QVBoxLayout(self.calendarHolder)
        self.calendarHolderLayout.setObjectName(u"calendarHolderLayout")
        self.calendarHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.calendarTabLayout.addWidget(self.calendarHolder)

        self.legendLabel = QLabel(self.calendarTab)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.legendLabel.setWordWrap(True)

        self.calendarTabLayout.addWidget(self.legendLabel)

        self.tabs.addTab(self.calendarTab, "")
        self.progressTab = QWidget()
        self.progressTab.setObjectName(u"progressTab")
        self.progressTabLayout = QVBoxLayout(self.progressTab)
        self.progressTabLayout.setObjectName(u"progressTabLayout")
        self.progressTabLayout.setContentsMargins(6, 6, 6, 6)
        self.exerciseLayout = QHBoxLayout()
        self.exerciseLayout.setObjectName(u"exerciseLayout")
        self.exerciseLabel = QLabel(self.progressTab)
        self.exerciseLabel.setObjectName(u"exerciseLabel")
        self.exerciseLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.exerciseLayout.addWidget(self.exerciseLabel)

        self.exerciseCombo = QComboBox(self.progressTab)
        self.exerciseCombo.setObjectName(u"exerciseCombo")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.exerciseCombo.sizePolicy().hasHeightForWidth())
        self.exerciseCombo.setSizePolicy(sizePolicy2)

        self.exerciseLayout.addWidget(self.exerciseCombo)


        self.progressTabLayout.addLayout(self.exerciseLayout)

        self.progressChartHolder = QWidget(self.progressTab)
        self.progressChartHolder.setObjectName(u"progressChartHolder")
        sizePolicy1.setHeightForWidth(self.progressChartHolder.sizePolicy().hasHeightForWidth())
        self.progressChartHolder.setSizePolicy(sizePolicy1)
        self.progressChartHolderLayout = QVBoxLayout(self.progressChartHolder)
        self.progressChartHolderLayout.setObjectName(u"progressChartHolderLayout")
        self.progressChartHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.progressTabLayout.addWidget(self.progressChartHolder)

        self.balanceLabel = QLabel(self.progressTab)
        self.balanceLabel.setObjectName(u"balanceLabel")
        self.balanceLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.balanceLabel.setWordWrap(True)

        self.progressTabLayout.addWidget(self.balanceLabel)

        self.sidesChartHolder = QWidget(self.progressTab)
        self.sidesChartHolder.setObjectName(u"sidesChartHolder")
        sizePolicy1.setHeightForWidth(self.sidesChartHolder.sizePolicy().hasHeightForWidth())
        self.sidesChartHolder.setSizePolicy(sizePolicy1)
        self.sidesChartHolderLayout = QVBoxLayout(self.sidesChartHolder)
        self.sidesChartHolderLayout.setObjectName(u"sidesChartHolderLayout")
        self.sidesChartHolderLayout.setContentsMargins(0, 0, 0, 0)

        self.progressTabLayout.addWidget(self.sidesChartHolder)

        self.tabs.addTab(self.progressTab, "")
        self.hintsTab = QWidget()
        self.hintsTab.setObjectName(u"hintsTab")
        self.hintsTabLayout = QVBoxLayout(self.hintsTab)
        self.hintsTabLayout.setObjectName(u"hintsTabLayout")
        self.hintsTabLayout.setContentsMargins(6, 6, 6, 6)
        self.hintsScroll = QScrollArea(self.hintsTab)
        self.hintsScroll.setObjectName(u"hintsScroll")
        self.hintsScroll.setWidgetResizable(True)
        self.hintsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.hintsContent = QWidget()
        self.hintsContent.setObjectName(u"hintsContent")
        self.hintsLayout = QVBoxLayout(self.hintsContent)
        self.hintsLayout.setObjectName(u"hintsLayout")
        self.hintsLayout.setContentsMargins(4, 4, 4, 4)
        self.hintsLabel = QLabel(self.hintsContent)
        self.hintsLabel.setObjectName(u"hintsLabel")
        self.hintsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.hintsLabel.setWordWrap(True)

        self.hintsLayout.addWidget(self.hintsLabel)

        self.hintsSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.hintsLayout.addItem(self.hintsSpacer)

        self.hintsScroll.setWidget(self.hintsContent)

        self.hintsTabLayout.addWidget(self.hintsScroll)

        self.tabs.addTab(self.hintsTab, "")
        self.splitter.addWidget(self.tabs)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(HistoryPage)

        QMetaObject.connectSlotsByName(HistoryPage)
    # setupUi

    def retranslateUi(self, HistoryPage):
        self.titleLabel.setText(QCoreApplication.translate("HistoryPage", u"History", None))
        self.summaryLabel.setText("")
        self.exportButton.setText(QCoreApplication.translate("HistoryPage", u"Export CSV\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("HistoryPage", u"Save every recorded set as a spreadsheet file (.csv)", None))
#endif // QT_CONFIG(tooltip)
        self.routineFilterLabel.setText(QCoreApplication.translate("HistoryPage", u"Routine:", None))
#if QT_CONFIG(accessibility)
        self.routineCombo.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Routine filter", None))
#endif // QT_CONFIG(accessibility)
        self.fromLabel.setText(QCoreApplication.translate("HistoryPage", u"From:", None))
#if QT_CONFIG(accessibility)
        self.fromDate.setAccessibleName(QCoreApplication.translate("HistoryPage", u"From date", None))
#endif // QT_CONFIG(accessibility)
        self.fromDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"yyyy-MM-dd", None))
        self.toLabel.setText(QCoreApplication.translate("HistoryPage", u"To:", None))
#if QT_CONFIG(accessibility)
        self.toDate.setAccessibleName(QCoreApplication.translate("HistoryPage", u"To date", None))
#endif // QT_CONFIG(accessibility)
        self.toDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"yyyy-MM-dd", None))
        self.allTimeButton.setText(QCoreApplication.translate("HistoryPage", u"All Time", None))
#if QT_CONFIG(tooltip)
        self.allTimeButton.setToolTip(QCoreApplication.translate("HistoryPage", u"Show every session", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sessionTable.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Sessions", None))
#endif // QT_CONFIG(accessibility)
        self.detailLabel.setText(QCoreApplication.translate("HistoryPage", u"Choose a session to see its sets.", None))
        ___qtreewidgetitem = self.setsTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("HistoryPage", u"Done", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("HistoryPage", u"Target", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("HistoryPage", u"Set", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("HistoryPage", u"Side", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("HistoryPage", u"Exercise", None))
#if QT_CONFIG(accessibility)
        self.setsTree.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Sets of the session", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Session notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("HistoryPage", u"Notes on this session", None))
        self.saveNotesButton.setText(QCoreApplication.translate("HistoryPage", u"Save Notes", None))
#if QT_CONFIG(tooltip)
        self.saveNotesButton.setToolTip(QCoreApplication.translate("HistoryPage", u"Keep these notes with the session", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("HistoryPage", u"Delete Session", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("HistoryPage", u"Delete this session (Edit \u25b8 Undo brings it back)", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.weeksTab), QCoreApplication.translate("HistoryPage", u"Weeks", None))
        self.legendLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.calendarTab), QCoreApplication.translate("HistoryPage", u"Calendar", None))
        self.exerciseLabel.setText(QCoreApplication.translate("HistoryPage", u"Exercise:", None))
#if QT_CONFIG(accessibility)
        self.exerciseCombo.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Exercise", None))
#endif // QT_CONFIG(accessibility)
        self.balanceLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.progressTab), QCoreApplication.translate("HistoryPage", u"Progress", None))
        self.hintsLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.hintsTab), QCoreApplication.translate("HistoryPage", u"Next Steps", None))
        pass
    # retranslateUi

