"""Every use of reportlab and openpyxl internals, fenced in one module.

The rest of ``talentdesk/exports`` uses the libraries' documented API only. What that API
cannot do is done here, each piece saying why it is needed and which test fails if a new
version changes it; nothing else touches an underscored or undocumented name.

reportlab: documented are the user guide's platypus (``BaseDocTemplate`` and its hooks
``handle_flowable``, ``filterFlowables``, ``afterFlowable``; ``Frame``,
``Flowable.wrap/draw/drawOn/split``, ``Table``, ``Paragraph``) and the canvas methods (forms,
outlines, paths, ``addLiteral``). Checked against 4.0.9, 4.4.10 and 5.1.0 (``pyproject.toml``
pins ``reportlab>=4,<6``) by running ``tests/unit/test_packets_pdf.py``,
``test_event_pdfs.py``, ``test_directory_pdf.py``, ``test_badges.py``,
``test_pdf_layout_errors.py``, ``test_glyph_warnings.py`` and ``test_control_characters.py``
with each version first on ``PYTHONPATH`` (``pip install --target DIR reportlab==X``).

openpyxl: its public API cannot say "this string is text": a value starting with ``=``
becomes a formula and ``#N/A`` an error cell, and a control character raises
``IllegalCharacterError``. ``TextSheet`` is openpyxl's write-only sheet with one method
replaced, the one that turns an appended row into cells, so that every ``str`` of every row —
whoever appends it — is written as an inline string holding exactly the text, minus the
characters XML cannot carry. This is the OWASP advice for spreadsheets (text cells, never
formulas) without the CSV prefix: the cell shows what was typed, ``=1+1`` included.
Write-only sheets spill their rows to a temporary file until the workbook is saved; openpyxl
puts it in the shared system temp folder (``openpyxl.XXXX``), where a killed export left a
full copy of the members. ``TextSheet`` spills into the export's private work folder instead
(``files.work_folder``, beside the target). ``save_workbook`` closes a half-written package
without writing to a full disk again (``ZipFile.__del__`` did, printing "Exception ignored").
``test_exports_formulas.py``, ``test_export_files.py`` and ``test_export_file_safety.py``
read the files back, so a changed internal fails them rather than the exports silently writing
formulas or spilling into the system temp folder. Checked against openpyxl 3.1.0, 3.1.2 and
3.1.5 the same way (``pyproject.toml`` pins ``openpyxl>=3.1,<3.2``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet import _writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.rl_accel import fp_str as _fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph, Table
from reportlab.platypus.flowables import Flowable

from talentdesk.core.text import printable

# -- reportlab: laying a story out without drawing it (the packets' shared sections) ------------

Placed = tuple[Flowable, float, float, float]  # flowable, x, y, the frame's spare width (_sW)


class RecordingFrame(Frame):  # type: ignore[misc]  # reportlab is untyped
    """A frame that lays out exactly like a normal one but records where each flowable would be
    drawn (page coordinates) instead of drawing it.

    Why internal: platypus has no "lay out, don't draw" mode. ``Frame._add`` is where a
    flowable's position is decided and ``drawOn`` called; wrapping it — with the flowable's own
    ``drawOn`` shadowed by a recorder for the duration — keeps every layout decision
    (spacing, splitting, ``_ZEROSIZE`` handling) reportlab's own. ``Frame.add`` is an alias
    bound to the original ``_add`` at class creation, so it is rebound here too. Guarded by
    ``test_packets_pdf.py::test_replayed_pages_put_text_where_a_direct_layout_does``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.placed: list[Placed] = []

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        placed = self.placed

        def record(_canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
            placed.append((flowable, x, y, _sW))

        flowable.drawOn = record
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            flowable.__dict__.pop("drawOn", None)

    add = _add


def build_without_saving(doc: BaseDocTemplate, story: list[Flowable]) -> None:
    """Lay ``story`` out in ``doc`` and write nothing.

    Why internal: ``BaseDocTemplate._endBuild`` saves the canvas unless ``_doSave`` is false
    (the flag reportlab's own ``multiBuild`` uses for its passes that are thrown away).
    """
    doc._doSave = 0
    doc.build(story)


def freeze_wraps(flowables: Iterable[Any]) -> None:
    """Let laid-out paragraphs answer a repeated ``wrap`` at the same width from memory.

    A table re-wraps every paragraph of a cell each time it is drawn (to align the cell); a
    shared page is drawn once per file, so in one-file-per-participant mode that re-wrapping
    was a third of the time. The answer is the same: the width and the lines are unchanged.

    Why internal: a table's cells are only in ``Table._cellvalues``; a paragraph that has been
    wrapped holds its lines in ``blPara`` (undocumented), and drawing reads those lines, so a
    ``wrap`` answered from memory must only be installed on a paragraph that has them.
    Guarded by the replay position test and the folder-mode packet tests.
    """
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            if "wrap" not in flowable.__dict__ and hasattr(flowable, "blPara"):
                _freeze_paragraph(flowable)
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    if isinstance(cell, list | tuple):
                        freeze_wraps(cell)
                    elif isinstance(cell, Flowable):
                        freeze_wraps([cell])


def _freeze_paragraph(paragraph: Paragraph) -> None:
    real = paragraph.wrap
    last = [paragraph.width, paragraph.height]

    def wrap(avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != last[0]:
            last[:] = real(avail_width, avail_height)
        return last[0], last[1]

    paragraph.wrap = wrap


# -- documents that finish something after the last page -------------------------------------------


class FinishingDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A document that runs :meth:`finish_document` after its last page is closed and before
    the file is written: the place to define PDF forms whose content is known only then
    ("de y" of "Página x de y", a packet's page total, the directory's index).

    Why internal: there is no documented hook between "last page done" and "file saved";
    ``_endBuild`` closes the last page and saves unless ``_doSave`` is false. Drawing after
    ``build`` returns would start a new, blank page. Guarded by the page-number tests of every
    platypus export (``Página 3 de 8``) and the directory's index tests.
    """

    def finish_document(self) -> None:
        """Override: draw the forms that need the whole document (nothing outside a form)."""

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        self.finish_document()
        self.canv.save()


def doc_template_of(canvas: Canvas) -> BaseDocTemplate:
    """The document a flowable is being drawn for (its page size and margins).

    Why internal: platypus sets ``canvas._doctemplate`` while it builds; flowables find their
    document only through it (reportlab's own flowables read it the same way).
    """
    return canvas._doctemplate


class ZeroSizeFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A flowable that takes no room: markers the document reacts to, replayed pages drawn by
    reference. Subclasses override ``draw`` or ``drawOn`` if they draw anything.

    Why internal: ``_ZEROSIZE`` tells ``Frame._add`` to place the flowable even at the very
    bottom of a full frame and to carry the space-after of the previous flowable over it,
    as reportlab's own markers (``NextPageTemplate``, ``Indenter``) do; without it a marker
    could fall onto the next page, away from what it marks.
    """

    _ZEROSIZE = True

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


# -- tables ----------------------------------------------------------------------------------------


def table_cells(table: Table) -> list[list[Any]]:
    """The table's cells, row by row (``Table._cellvalues``: there is no public accessor)."""
    return list(getattr(table, "_cellvalues", []))


def set_table_cell(table: Table, row: int, column: int, value: Any) -> None:
    """Replace one cell of a table that is not laid out yet (the agenda repeats a time block's
    time in the part a page break split off). Writes ``Table._cellvalues``."""
    table._cellvalues[row][column] = value


def row_heights(table: Table) -> list[Any]:
    """The row heights a wrapped table computed (``Table._rowHeights``; None entries before)."""
    return list(getattr(table, "_rowHeights", None) or [])


@contextmanager
def splitting_inside_rows(table: Table) -> Iterator[None]:
    """Let ``table.split`` break inside a row (a session too long for any page) for the
    calls made inside the block. ``splitInRow`` is documented as a constructor argument only;
    the agenda decides per split, so the attribute is set and reset here."""
    table.splitInRow = 1
    try:
        yield
    finally:
        table.splitInRow = 0


# -- errors ----------------------------------------------------------------------------------------


def flowable_being_placed(exc: BaseException) -> Any:
    """The flowable ``BaseDocTemplate.handle_flowable`` was placing when ``exc`` was raised.

    Why internal: reportlab's ``LayoutError`` names only the flowable's class and size, not the
    text a person must shorten; ``handle_flowable`` holds the flowable in its local ``f``.
    Found in the traceback; None if reportlab renames it (the message then says "algún
    texto"). Guarded by ``test_pdf_layout_errors.py``.
    """
    found: Any = None
    tb: types.TracebackType | None = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "handle_flowable" and "f" in frame.f_locals:
            found = frame.f_locals["f"]
        tb = tb.tb_next
    return found


# -- fonts -----------------------------------------------------------------------------------------


def font_code_points(font_name: str) -> Iterable[int]:
    """The code points a registered TrueType font has glyphs for (its cmap).

    Why internal: only the font's parsed face (``TTFont.face.charToGlyph``) knows; the glyph
    warnings of every export are built on it. Guarded by ``test_glyph_warnings.py``.
    """
    return pdfmetrics.getFont(font_name).face.charToGlyph.keys()  # type: ignore[no-any-return]


class PrintableTTFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """The TTF with the characters a PDF should not carry (control characters an older version
    or another program may have stored) left out wherever text is measured or drawn, so every
    document — paragraphs, canvas text, badges — prints them the same way: not at all.

    Why internal: ``TTFont.splitString`` (undocumented) is where the canvas and paragraphs turn
    text into the font's subsets and glyphs; filtering there and in ``stringWidth`` keeps what
    is drawn and what is measured in agreement. Guarded by ``test_control_characters.py``.
    """

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        return float(super().stringWidth(printable(text) if isinstance(text, str) else text, size, encoding))

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        return super().splitString(printable(text) if isinstance(text, str) else text, doc, encoding)


def glyph_widths(font_name: str) -> tuple[dict[int, float], float]:
    """A registered TrueType font's advance widths by code point (1/1000 em) and the default
    width: the directory measures a million names with a list lookup instead of
    ``stringWidth``. Reads ``TTFont.face.charWidths`` and ``defaultWidth``."""
    face = pdfmetrics.getFont(font_name).face
    return face.charWidths, float(face.defaultWidth)


# -- QR codes --------------------------------------------------------------------------------------


class QrSymbol:
    """ReportLab's QR encoder (``reportlab.graphics.barcode.qrencoder``, the code behind the
    documented ``QrCodeWidget``), opened up so the mask can be chosen faster (``exports.qr``).

    Why internal: the widget draws one shape per run of modules (the whole cost of a badge
    sheet) and offers no module matrix; the encoder's ``QRCode`` does, with ``makeImpl`` to
    build the symbol under a given mask. Guarded by a test that compares the matrix
    with the widget's own drawing (``test_badges.py``).
    """

    def __init__(self, text: str, level: str) -> None:
        self._qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
        self._qr.addData(text)  # picks numeric, alphanumeric or byte mode like the widget does
        self._qr.version = self._qr.calculate_version()

    def modules(self, mask: int, *, test: bool) -> list[list[Any]]:
        """The module matrix built with ``mask`` (``test``: without the format information,
        as the encoder does while it scores the masks)."""
        self._qr.makeImpl(test, mask)
        return self._qr.modules  # type: ignore[no-any-return]


def fp_str(*numbers: float) -> str:
    """Numbers formatted as reportlab writes them into a PDF stream (``rl_accel.fp_str``, the
    C-accelerated formatter the canvas itself uses; not part of the documented API)."""
    return str(_fp_str(*numbers))


# -- openpyxl: text cells, private spill files, a save that fails cleanly ------------------------

#: Excel's limit for the text of one cell (openpyxl cuts there too).
MAX_TEXT = 32_767


def as_text_cell(cell: Cell, text: str) -> Cell:
    """``cell`` holding ``text`` as a string: never a formula nor an error value."""
    cell._value = printable(text)[:MAX_TEXT]
    cell.data_type = "s"
    return cell


class TextSheet(WriteOnlyWorksheet):  # type: ignore[misc]  # openpyxl is untyped
    """A write-only sheet whose strings are always text cells and whose rows spill into
    ``spill_folder`` (see the module docstring)."""

    spill_folder: Path

    def _get_writer(self) -> None:
        # openpyxl 3.1's own, with the stream's file made by us, private, in our folder.
        if getattr(self, "_writer", None) is None:
            fd, name = tempfile.mkstemp(prefix="hoja-", suffix=".xml", dir=self.spill_folder)
            os.close(fd)
            _writer.ALL_TEMP_FILES.append(name)  # its cleanup() removes it from this list
            writer = _writer.WorksheetWriter(self, out=name)
            writer.write_top()
            self._writer = writer

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        # openpyxl 3.1's own loop, with strings bound by as_text_cell instead of Cell.value.
        cell = WriteOnlyCell(self)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                out = value
                if type(out._value) is str:
                    as_text_cell(out, out._value)
            else:
                out = cell
                if type(value) is str:
                    as_text_cell(out, value)
                else:
                    out.value = value
            out.column = col_idx
            out.row = row_idx
            if out.hyperlink is not None:
                out.hyperlink.ref = out.coordinate
            yield out
            if out is cell and (cell.has_style or cell.hyperlink):
                cell = WriteOnlyCell(self)  # a date format was set: the next value starts plain


def add_sheet(workbook: Workbook, title: str, spill_folder: Path) -> TextSheet:
    """``workbook.create_sheet(title)`` for a write-only workbook, as a ``TextSheet``."""
    sheet = TextSheet(parent=workbook, title=title)
    sheet.spill_folder = spill_folder
    workbook._add_sheet(sheet)
    return sheet


def discard_sheet(sheet: Any) -> None:
    """After a failure: finish the sheet's stream (no "Exception ignored" when it is collected)
    and delete its spill file."""
    writer = getattr(sheet, "_writer", None)
    if writer is None:  # nothing streamed yet
        return
    with contextlib.suppress(Exception):  # best effort: the export already failed
        sheet.close()
    with contextlib.suppress(OSError, ValueError):
        writer.cleanup()  # already gone if the save got as far as this sheet


def save_workbook(workbook: Workbook, path: Path) -> None:
    """openpyxl's ``save_workbook``, except on failure (folder gone, disk full): the package is
    closed without writing to the disk again and every sheet's stream is discarded; the error
    goes on to ``files.atomic_output``, which says it in Spanish."""
    archive: ZipFile | None = None
    try:
        archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
        workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()  # writes every part, then closes the archive
    except BaseException:
        if archive is not None:
            _abandon(archive)
        for sheet in workbook.worksheets:
            discard_sheet(sheet)
        raise


def _abandon(archive: ZipFile) -> None:
    """Let go of a package whose writing failed. ``ZipFile.close`` would append the central
    directory — to a full disk — and, failing, try again from ``__del__``."""
    handle = archive.fp
    archive.fp = None  # close() and __del__ now do nothing
    if handle is not None:
        with contextlib.suppress(OSError, ValueError):
            handle.close()
