"""Every use of reportlab internals, fenced in one module.

The rest of ``talentdesk/exports`` uses reportlab's documented API only: the user guide's
platypus (``BaseDocTemplate`` and its hooks ``handle_flowable``, ``filterFlowables``,
``afterFlowable``; ``Frame``, ``Flowable.wrap/draw/drawOn/split``, ``Table``, ``Paragraph``)
and the canvas methods (forms, outlines, paths, ``addLiteral``). What the documented API cannot
do is done here, each piece with why it is needed and which test fails if reportlab changes it.

Checked against reportlab 4.0.9, 4.4.10 and 5.1.0 (``pyproject.toml`` pins ``reportlab>=4,<6``:
a new major version must be checked against this module before the pin is lifted) by running
``tests/unit/test_packets_pdf.py``, ``test_event_pdfs.py``, ``test_directory_pdf.py``,
``test_badges.py``, ``test_pdf_layout_errors.py``, ``test_glyph_warnings.py`` and
``test_control_characters.py`` with each version first on ``PYTHONPATH`` (``pip install
--target DIR reportlab==X``).
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.rl_accel import fp_str as _fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph, Table
from reportlab.platypus.flowables import Flowable

from talentdesk.core.text import printable

# -- laying a story out without drawing it (the packets' shared sections) ------------------------

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
