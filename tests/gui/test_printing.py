"""Printing a PDF the app made: the pages the print dialog's range asks for, each on paper of its
own size at 100 % (never fitted: badge labels must stay where the label sheet has them), in the
background with cancel; from an export's result and from the preview.

The printer is Qt's PDF printer: what it receives is read back (pages, paper) and drawn beside
the source page (the same picture, at the same place and scale)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

from talentdesk.core.errors import Cancelled
from talentdesk.core.jobs import Job
from talentdesk.ui import printing
from talentdesk.ui.members.area import MembersArea
from tests.gui.helpers import TIMEOUT, click_shown, export_dialog, export_to, trigger


def source_pdf(path: Path) -> Path:
    """Three Letter pages with marks near the corners, then an A4 one."""
    sheet = canvas.Canvas(str(path), pagesize=letter)
    for n in range(3):
        sheet.setLineWidth(2)
        sheet.rect(36, 36, 100, 50 + 40 * n)  # a different picture on each page
        sheet.line(500, 700, 580, 760)
        sheet.setFont("Helvetica", 28)
        sheet.drawString(200, 400, f"Hoja {n + 1}")
        sheet.showPage()
    sheet.setPageSize(A4)
    sheet.rect(20, 20, 200, 200, fill=1)
    sheet.showPage()
    sheet.save()
    return path


def pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def picture(pdf: Path, page: int, folder: Path) -> Image.Image:
    """Page ``page`` (1-based) drawn at 50 dpi in grey."""
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)],
        check=True,
    )
    return Image.open(f"{stem}.png")


def test_the_chosen_pages_are_printed_each_at_its_own_size_and_100_percent(qapp: object, tmp_path: Path) -> None:
    src = source_pdf(tmp_path / "hojas.pdf")
    out = tmp_path / "impreso.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    steps: list[tuple[int, int]] = []
    assert printing.print_pdf(src, printer, Job(lambda done, total, _t: steps.append((done, total)))) == 3
    assert steps == [(1, 3), (2, 3), (3, 3)]
    printed, original = PdfReader(out), PdfReader(src)
    assert len(printed.pages) == 3
    for n, page in enumerate(printed.pages):
        source = original.pages[n + 1]
        assert abs(float(page.mediabox.width) - float(source.mediabox.width)) < 0.5
        assert abs(float(page.mediabox.height) - float(source.mediabox.height)) < 0.5
        drawn, wanted = picture(out, n + 1, tmp_path), picture(src, n + 2, tmp_path)
        assert drawn.size == wanted.size
        difference = ImageStat.Stat(ImageChops.difference(drawn, wanted)).mean[0]
        assert difference < 2.0, (n, difference)  # the same picture at the same place and scale
    assert abs(float(printed.pages[2].mediabox.width) - A4[0]) < 0.5  # the A4 page on A4 paper


def test_every_page_without_a_range(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "todo.pdf"
    assert printing.print_pdf(source_pdf(tmp_path / "hojas.pdf"), pdf_printer(out), Job()) == 4
    assert len(PdfReader(out).pages) == 4


def test_a_cancelled_print_stops_and_says_so(qapp: object, tmp_path: Path) -> None:
    job = Job()
    job.cancel()
    with pytest.raises(Cancelled):
        printing.print_pdf(source_pdf(tmp_path / "hojas.pdf"), pdf_printer(tmp_path / "x.pdf"), job)


def test_a_file_that_is_not_a_pdf_gets_a_clear_message(qapp: object, tmp_path: Path) -> None:
    broken = tmp_path / "roto.pdf"
    broken.write_text("esto no es un PDF")
    with pytest.raises(Exception, match=r"roto\.pdf"):
        printing.print_pdf(broken, pdf_printer(tmp_path / "x.pdf"), Job())


@pytest.fixture()
def print_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QPrintDialog]:
    """The system print dialog answered: printing to a PDF file, pages 1–2."""
    shown: list[QPrintDialog] = []

    def answer(dialog: QPrintDialog) -> int:
        shown.append(dialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "a-la-impresora.pdf"))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(1, 2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "run_dialog", answer)
    return shown


def test_an_exported_pdf_can_be_printed_from_the_result(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, print_dialog: list[QPrintDialog]
) -> None:
    trigger(members, "member-export-directory")
    dialog = export_dialog(members)
    out = tmp_path / "directorio.pdf"
    export_to(qtbot, dialog, out)
    button = dialog.result_panel.print_button
    assert button.isVisible()
    click_shown(qtbot, dialog, "export-print")
    printed = tmp_path / "a-la-impresora.pdf"
    qtbot.waitUntil(lambda: printed.exists() and dialog.ctx.runner.pending == 0, timeout=TIMEOUT)
    assert len(print_dialog) == 1
    assert print_dialog[0].maxPage() == len(PdfReader(out).pages)  # the dialog knows the pages
    assert len(PdfReader(printed).pages) == 2


def test_a_spreadsheet_has_no_print_button(qtbot: QtBot, members: MembersArea, tmp_path: Path) -> None:
    trigger(members, "member-export-members")
    dialog = export_dialog(members)
    export_to(qtbot, dialog, tmp_path / "miembros.xlsx")
    assert dialog.result_panel.isVisible() and not dialog.result_panel.print_button.isVisible()


def test_the_preview_prints_what_it_shows(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, print_dialog: list[QPrintDialog]
) -> None:
    trigger(members, "member-export-directory")
    dialog = export_dialog(members)
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.previews.window is not None and dialog.previews.window.isVisible(), timeout=TIMEOUT
    )
    preview = dialog.previews.window
    assert preview is not None
    click_shown(qtbot, preview, "preview-print")
    printed = tmp_path / "a-la-impresora.pdf"
    qtbot.waitUntil(lambda: printed.exists() and dialog.ctx.runner.pending == 0, timeout=TIMEOUT)
    assert len(PdfReader(printed).pages) == 2
    assert print_dialog[0].parent() is preview
