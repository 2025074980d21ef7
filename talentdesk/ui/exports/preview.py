"""In-app preview of a rendered PDF (QtPdf), before it is saved where the person asked.

The export dialog renders into a temporary file on the task runner and opens this window on
it; "Save" hands back to the dialog, which copies the file to its place (or renders again if
the options changed meanwhile).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

FIT_PAGE, FIT_WIDTH = "page", "width"
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0)


class PreviewDialog(QDialog):
    save_requested = Signal()
    print_requested = Signal()

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-preview-window")
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", title))
        self.document = QPdfDocument(self)
        self.load_error = self.document.load(str(path))
        pages = self.document.pageCount()

        self.view = QPdfView(self)
        self.view.setObjectName("preview-view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setPageSpacing(12)
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(lambda page: self._page_shown(page))

        self.previous = QPushButton(self.tr("◀ Previous"))
        self.previous.setObjectName("preview-previous")
        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setObjectName("preview-next")
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page = QSpinBox()
        self.page.setObjectName("preview-page")
        self.page.setRange(1, max(pages, 1))
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_count = QLabel(self.tr("of %n page(s)", "", pages))
        self.page_count.setObjectName("preview-page-count")
        self.zoom = QComboBox()
        self.zoom.setObjectName("preview-zoom")
        self.zoom.addItem(self.tr("Whole page"), FIT_PAGE)
        self.zoom.addItem(self.tr("Page width"), FIT_WIDTH)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(lambda _i: self._zoom_changed())

        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(QLabel(self.tr("Page")))
        bar.addWidget(self.page)
        bar.addWidget(self.page_count)
        bar.addWidget(self.next)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("preview-save")
        self.print_button = self.buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("preview-print")
        self.print_button.setToolTip(self.tr("Print at 100 % (Ctrl+P): labels and badges stay where they belong"))
        self.print_button.clicked.connect(lambda: self.print_requested.emit())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self).activated.connect(
            lambda: self.print_requested.emit()
        )
        close = self.buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("preview-close")
        self.buttons.accepted.connect(lambda: self.save_requested.emit())
        self.buttons.rejected.connect(self.reject)
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

        for keys, step in (
            (QKeySequence.StandardKey.MoveToPreviousPage, -1),
            (QKeySequence.StandardKey.MoveToNextPage, 1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.go_to(self.current_page() + step))
        self._page_shown(0)
        self.resize(820, 920)

    def page_total(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to(self, page: int) -> None:
        page = min(max(page, 0), max(self.page_total() - 1, 0))
        if page != self.current_page():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._page_shown(page)

    def _page_shown(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < self.page_total() - 1)

    def _zoom_changed(self) -> None:
        choice = self.zoom.currentData()
        if choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def done(self, code: int) -> None:
        self.document.close()
        super().done(code)
