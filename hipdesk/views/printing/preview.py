"""A preview of an exported PDF (QtPdf) with the paper size, before it is saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hipdesk.app import settings
from hipdesk.domain.errors import HipDeskError
from hipdesk.export.pdf import Paper, PdfResult, write_pdf
from hipdesk.export.safe_write import Protected
from hipdesk.views.common.file_dialogs import save_file
from hipdesk.views.common.screens import fit_on_screen
from hipdesk.views.common.widgets import message


class PdfPreviewDialog(QDialog):
    """Shows the PDF as it will be saved; the paper size can be switched (and is remembered)."""

    saved = Signal(str)  # the path written

    def __init__(
        self,
        title: str,
        suggested_name: str,
        render: Callable[[Paper], PdfResult],
        paper: Paper,
        parent: QWidget | None = None,
        protected: Protected | None = None,
    ) -> None:
        super().__init__(parent)
        self._protected = protected  # the data and its backups, which the PDF must not replace
        self.setWindowTitle(title)
        self.setObjectName("pdfPreviewDialog")
        self.resize(820, 900)
        self._render = render
        self._suggested = suggested_name
        self.rendered: PdfResult | None = None
        self._buffer: QBuffer | None = None

        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paperCombo")
        for choice in Paper:
            self.paper_combo.addItem(choice.label, choice.value)
        self.paper_combo.setAccessibleName("Paper size")
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pagesLabel")
        self.pages_label.setTextFormat(Qt.TextFormat.PlainText)
        paper_label = QLabel("&Paper:", self)
        paper_label.setBuddy(self.paper_combo)
        bar = QHBoxLayout()
        bar.addWidget(paper_label)
        bar.addWidget(self.paper_combo)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("&Save…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper.value))
        self.paper_combo.currentIndexChanged.connect(self._on_paper_combo_current_index_changed)
        self.show_paper(paper)
        fit_on_screen(self)

    def paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    def show_paper(self, paper: Paper) -> None:
        """Lay the document out again on ``paper`` and show it."""
        self.rendered = self._render(paper)
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.rendered.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it for as long as it shows the document
        pages = self.rendered.pages
        self.pages_label.setText(f"{pages} {'page' if pages == 1 else 'pages'}, {paper.label}")

    def _on_paper_combo_current_index_changed(self, _index: int) -> None:
        paper = self.paper()
        settings.PRINT_PAPER.set(paper.value)
        self.show_paper(paper)

    def save_to(self, path: Path) -> bool:
        """Write the PDF shown; says why when it cannot."""
        assert self.rendered is not None
        try:
            write_pdf(path, self.rendered.data, self._protected)
        except HipDeskError as exc:
            message(self, self.windowTitle(), str(exc))
            return False
        self.saved.emit(str(path))
        return True

    def _on_save_button_clicked(self) -> None:
        path = save_file(self, "pdf", "Save PDF", self._suggested, "PDF files (*.pdf)")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        if self.save_to(Path(path)):
            self.accept()
