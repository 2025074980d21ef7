"""Printing a PDF the app made: the system print dialog (printer, copies, page range), then every
page drawn at its own size on paper of its own size.

Never fitted to the printable area: a badge sheet shrunk by "fit to page" no longer meets its
labels. Pages are drawn as images rendered by QtPdf (the same engine as the preview) at
:data:`PRINT_DPI`, off the GUI thread, with progress and cancel; Qt hands the job to the
system's printing (CUPS on Linux, the spooler on Windows), which keeps copies and collation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.core.jobs import Job
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import error_message

#: Resolution the pages are rendered at: sharp text and QR codes on an office laser printer,
#: about 35 MB for a Letter page in memory.
PRINT_DPI = 300


def page_count(path: Path) -> int:
    document = QPdfDocument()
    try:
        document.load(str(path))
        return document.pageCount()
    finally:
        document.close()


def ask_printer(parent: QWidget | None, pages: int) -> QPrinter | None:
    """The system print dialog for a document of ``pages`` pages; None if the person cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # page coordinates from the paper's corner: nothing moves
    printer.setFromTo(1, max(pages, 1))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print-dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    dialog.setMinMax(1, max(pages, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    return printer if run_dialog(dialog) == QDialog.DialogCode.Accepted else None


def run_dialog(dialog: QPrintDialog) -> int:
    """The one door to the modal dialog (tests replace it)."""
    return dialog.exec()


def chosen_pages(printer: QPrinter, pages: int) -> list[int]:
    """0-based numbers of the pages the print dialog's range asks for."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or pages
        return list(range(max(first, 1) - 1, min(last, pages)))
    return list(range(pages))


def print_pdf(path: Path, printer: QPrinter, job: Job) -> int:
    """Print the pages of ``path`` the printer's range asks for, each at 100 %; returns how
    many pages went to the printer. Raises :class:`Cancelled` (the job is withdrawn)."""
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise TalentDeskError(
                QCoreApplication.translate("Printing", "Could not read “%1” to print it.").replace(
                    "%1", path.name
                )
            )
        pages = chosen_pages(printer, document.pageCount())
        if not pages:
            raise TalentDeskError(
                QCoreApplication.translate("Printing", "The page range asked for is not in the document.")
            )
        painter = QPainter()
        first = document.pagePointSize(pages[0])
        _paper(printer, first.width(), first.height())
        if not painter.begin(printer):
            raise TalentDeskError(
                QCoreApplication.translate("Printing", "Could not start printing on “%1”.").replace(
                    "%1", printer.printerName() or ""
                )
            )
        try:
            for n, page in enumerate(pages):
                if job.cancelled:
                    printer.abort()
                    raise Cancelled(QCoreApplication.translate("Printing", "Printing cancelled."))
                size = document.pagePointSize(page)
                if n:
                    _paper(printer, size.width(), size.height())
                    printer.newPage()
                image = document.render(
                    page, QSize(round(size.width() * PRINT_DPI / 72), round(size.height() * PRINT_DPI / 72))
                )
                scale = printer.resolution() / 72  # device pixels per point
                painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
                job.progress(
                    n + 1,
                    len(pages),
                    QCoreApplication.translate("Printing", "Printing page %1 of %2…")
                    .replace("%1", str(n + 1))
                    .replace("%2", str(len(pages))),
                )
        finally:
            if painter.isActive():
                painter.end()
        return len(pages)
    finally:
        document.close()


def _paper(printer: QPrinter, width_pt: float, height_pt: float) -> None:
    """Paper of the page's own size and orientation, no margins."""
    portrait = height_pt >= width_pt
    size = QPageSize(  # Letter or A4 within a point: the printer's own paper of that name
        QSizeF(min(width_pt, height_pt), max(width_pt, height_pt)),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageLayout(
        QPageLayout(
            size,
            QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
        )
    )


def print_file(ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
    """Ask for a printer, then print ``path`` in the background with progress and cancel."""
    pages = page_count(path)
    printer = ask_printer(parent, pages)
    if printer is None:
        return

    def done(_pages: int) -> None:
        sent = QCoreApplication.translate("Printing", "“%1” was sent to the printer.")
        ctx.status.emit(sent.replace("%1", path.name))

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            ctx.status.emit(str(exc))
        else:
            ctx.error.emit(error_message(exc))

    ctx.runner.run(
        lambda task: print_pdf(path, printer, task),
        done,
        on_failure=failed,
        title=QCoreApplication.translate("Printing", "Printing “%1”…").replace("%1", path.name),
        parent=parent,
    )
