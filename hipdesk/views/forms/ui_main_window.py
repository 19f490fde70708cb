# Generated from ui/main_window.ui by `python -m hipdesk.views.forms.compile`: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QMenu, QMenuBar, QStackedWidget, QStatusBar, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionNewExercise = QAction(MainWindow)
        self.actionNewExercise.setObjectName(u"actionNewExercise")
        self.actionDuplicateExercise = QAction(MainWindow)
        self.actionDuplicateExercise.setObjectName(u"actionDuplicateExercise")
        self.actionEditExercise = QAction(MainWindow)
        self.actionEditExercise.setObjectName(u"actionEditExercise")
        self.actionDeleteExercise = QAction(MainWindow)
        self.actionDeleteExercise.setObjectName(u"actionDeleteExercise")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionSchemeSystem = QAction(MainWindow)
        self.actionSchemeSystem.setObjectName(u"actionSchemeSystem")
        self.actionSchemeSystem.setCheckable(True)
        self.actionSchemeLight = QAction(MainWindow)
        self.actionSchemeLight.setObjectName(u"actionSchemeLight")
        self.actionSchemeLight.setCheckable(True)
        self.actionSchemeDark = QAction(MainWindow)
        self.actionSchemeDark.setObjectName(u"actionSchemeDark")
        self.actionSchemeDark.setCheckable(True)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(self.centralWidget)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.navigation.setMaximumWidth(180)
        self.navigation.setMinimumWidth(150)

        self.centralLayout.addWidget(self.navigation)

        self.pages = QStackedWidget(self.centralWidget)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuExercise = QMenu(self.menuBar)
        self.menuExercise.setObjectName(u"menuExercise")
        self.menuView = QMenu(self.menuBar)
        self.menuView.setObjectName(u"menuView")
        self.menuAppearance = QMenu(self.menuView)
        self.menuAppearance.setObjectName(u"menuAppearance")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuExercise.menuAction())
        self.menuBar.addAction(self.menuView.menuAction())
        self.menuBar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionQuit)
        self.menuExercise.addAction(self.actionNewExercise)
        self.menuExercise.addAction(self.actionDuplicateExercise)
        self.menuExercise.addAction(self.actionEditExercise)
        self.menuExercise.addAction(self.actionDeleteExercise)
        self.menuView.addAction(self.actionFind)
        self.menuView.addSeparator()
        self.menuView.addAction(self.menuAppearance.menuAction())
        self.menuAppearance.addAction(self.actionSchemeSystem)
        self.menuAppearance.addAction(self.actionSchemeLight)
        self.menuAppearance.addAction(self.actionSchemeDark)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"HipDesk", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewExercise.setText(QCoreApplication.translate("MainWindow", u"&New Exercise\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewExercise.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionDuplicateExercise.setText(QCoreApplication.translate("MainWindow", u"&Duplicate and Edit\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionDuplicateExercise.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+D", None))
#endif // QT_CONFIG(shortcut)
        self.actionEditExercise.setText(QCoreApplication.translate("MainWindow", u"&Edit\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionEditExercise.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionDeleteExercise.setText(QCoreApplication.translate("MainWindow", u"De&lete", None))
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Find Exercise", None))
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionSchemeSystem.setText(QCoreApplication.translate("MainWindow", u"Follow the &System", None))
        self.actionSchemeLight.setText(QCoreApplication.translate("MainWindow", u"&Light", None))
        self.actionSchemeDark.setText(QCoreApplication.translate("MainWindow", u"&Dark", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About HipDesk", None))
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuExercise.setTitle(QCoreApplication.translate("MainWindow", u"&Exercise", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuAppearance.setTitle(QCoreApplication.translate("MainWindow", u"&Appearance", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

