# Generated from ui/library_page.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'library_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QListView, QSplitter, QTextBrowser, QVBoxLayout, QWidget

class Ui_LibraryPage(object):
    def setupUi(self, LibraryPage):
        if not LibraryPage.objectName():
            LibraryPage.setObjectName(u"LibraryPage")
        self.pageLayout = QVBoxLayout(LibraryPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(LibraryPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.browserPane = QWidget(self.splitter)
        self.browserPane.setObjectName(u"browserPane")
        self.browserLayout = QVBoxLayout(self.browserPane)
        self.browserLayout.setObjectName(u"browserLayout")
        self.browserLayout.setContentsMargins(0, 0, 0, 0)
        self.searchEdit = QLineEdit(self.browserPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.browserLayout.addWidget(self.searchEdit)

        self.filterLayout = QGridLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.kindFilter = QComboBox(self.browserPane)
        self.kindFilter.setObjectName(u"kindFilter")

        self.filterLayout.addWidget(self.kindFilter, 0, 0, 1, 1)

        self.muscleFilter = QComboBox(self.browserPane)
        self.muscleFilter.setObjectName(u"muscleFilter")

        self.filterLayout.addWidget(self.muscleFilter, 0, 1, 1, 1)

        self.equipmentFilter = QComboBox(self.browserPane)
        self.equipmentFilter.setObjectName(u"equipmentFilter")

        self.filterLayout.addWidget(self.equipmentFilter, 1, 0, 1, 1)

        self.positionFilter = QComboBox(self.browserPane)
        self.positionFilter.setObjectName(u"positionFilter")

        self.filterLayout.addWidget(self.positionFilter, 1, 1, 1, 1)


        self.browserLayout.addLayout(self.filterLayout)

        self.exerciseList = QListView(self.browserPane)
        self.exerciseList.setObjectName(u"exerciseList")
        self.exerciseList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exerciseList.setUniformItemSizes(True)
        self.exerciseList.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.browserLayout.addWidget(self.exerciseList)

        self.countLabel = QLabel(self.browserPane)
        self.countLabel.setObjectName(u"countLabel")

        self.browserLayout.addWidget(self.countLabel)

        self.splitter.addWidget(self.browserPane)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.figureFrame = QFrame(self.detailPane)
        self.figureFrame.setObjectName(u"figureFrame")
        self.figureFrame.setMinimumSize(QSize(0, 240))
        self.figureLayout = QVBoxLayout(self.figureFrame)
        self.figureLayout.setObjectName(u"figureLayout")
        self.figureLayout.setContentsMargins(0, 0, 0, 0)

        self.detailLayout.addWidget(self.figureFrame)

        self.nameLabel = QLabel(self.detailPane)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.nameLabel.setWordWrap(True)
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.nameLabel)

        self.factsLabel = QLabel(self.detailPane)
        self.factsLabel.setObjectName(u"factsLabel")
        self.factsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.factsLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.factsLabel)

        self.detailText = QTextBrowser(self.detailPane)
        self.detailText.setObjectName(u"detailText")
        self.detailText.setFrameShape(QFrame.Shape.NoFrame)
        self.detailText.setOpenLinks(False)
        self.detailText.setMinimumSize(QSize(0, 300))

        self.detailLayout.addWidget(self.detailText)

        self.splitter.addWidget(self.detailPane)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(LibraryPage)

        QMetaObject.connectSlotsByName(LibraryPage)
    # setupUi

    def retranslateUi(self, LibraryPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("LibraryPage", u"Search exercises, muscles, equipment\u2026", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Search exercises", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kindFilter.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Filter by kind", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.muscleFilter.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Filter by muscle", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.equipmentFilter.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Filter by equipment", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.positionFilter.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Filter by position", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.exerciseList.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Exercises", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.detailText.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Exercise details", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

