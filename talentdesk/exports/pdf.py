"""What every PDF shares: the embedded font, the paragraph styles, document metadata, a
one-pass "Página x de y", and a Spanish error when something cannot fit on a page.

Every document embeds the DejaVu Sans shipped in ``talentdesk/resources`` (ReportLab's
standard fonts carry no glyphs beyond Latin-1 and are never embedded). "de y" is a PDF form
drawn on every page and defined once the last page is known, so the document is laid out
once, not twice.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import Flowable

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.text import printable
from talentdesk.exports.compat import (
    FinishingDocTemplate,
    PrintableTTFont,
    flowable_being_placed,
    font_code_points,
    row_heights,
    table_cells,
)
from talentdesk.exports.files import Progress, check_abort
from talentdesk.resources import font_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
AUTHOR = "Instituto de los Mexicanos en el Exterior — Red de Talentos Mexicanos"
CREATOR = "TalentDesk"
PAGE_SIZES = {"letter": LETTER, "a4": A4}
GREEN = colors.HexColor("#006847")  # the flag's green, for rules and headings
GREY = colors.HexColor("#5f6368")

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped TTF once per process (exports run on worker threads)."""
    global _registered
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(PrintableTTFont(FONT, str(font_path())))
        pdfmetrics.registerFont(PrintableTTFont(FONT_BOLD, str(font_path(bold=True))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _registered = True


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles all documents use (DejaVu Sans, Spanish hyphenation off)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8, leading=10, textColor=GREY),
        "bold": ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=30, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=13, leading=17, alignment=TA_CENTER),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=6, textColor=GREEN
        ),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    }


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` (running headers)."""
    register_fonts()
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ,·—-") + "…"


def pagesize_of(name: str) -> tuple[float, float]:
    """The reportlab page size for 'letter' (or 'carta') or 'a4'; a Spanish error otherwise."""
    key = (name or "").strip().lower()
    size = PAGE_SIZES.get("letter" if key == "carta" else key)
    if size is None:
        raise TalentDeskError(f"Tamaño de página desconocido «{name}»: use letter (carta) o a4.")
    return float(size[0]), float(size[1])


def new_canvas(path: Path | str, title: str, pagesize: tuple[float, float], subject: str = "") -> Canvas:
    """A bare canvas (badges, certificates) with the font, metadata and language set."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=pagesize, initialFontName=FONT, lang="es-MX")
    set_metadata(canvas, title, subject)
    return canvas


def set_metadata(canvas: Canvas, title: str, subject: str = "") -> None:
    canvas.setTitle(printable(title))
    canvas.setAuthor(AUTHOR)
    canvas.setCreator(CREATOR)
    canvas.setSubject(printable(subject))


def page_margins(margins_mm: float = 18) -> dict[str, float]:
    """Margins of every platypus document: room above for a running header, below for the footer."""
    margin = margins_mm * mm
    return {
        "leftMargin": margin,
        "rightMargin": margin,
        "topMargin": margin + 6 * mm,
        "bottomMargin": margin + 4 * mm,
    }


def document_metadata(title: str, subject: str = "") -> dict[str, str]:
    """What every platypus document passes to its template: metadata, language and font."""
    return {
        "title": printable(title),
        "author": AUTHOR,
        "creator": CREATOR,
        "subject": printable(subject),
        "lang": "es-MX",
        "initialFontName": FONT,  # else every page names Helvetica, which is never embedded
    }


TOTAL_PAGES_FORM = "td_total_pages"


def draw_page_number(canvas: Canvas, page: int, x: float, y: float, size: float = 8) -> None:
    """'Página 3 de N', right-aligned at x; N is filled in by ``finish_page_numbers``."""
    label = f"Página {page} de "
    canvas.saveState()
    canvas.setFont(FONT, size)
    canvas.setFillColor(GREY)
    digits_width = pdfmetrics.stringWidth("0000", FONT, size)
    canvas.drawRightString(x - digits_width, y, label)
    canvas.translate(x - digits_width, y)
    canvas.doForm(TOTAL_PAGES_FORM)
    canvas.restoreState()


def finish_page_numbers(canvas: Canvas, total: int, size: float = 8) -> None:
    """Define the form every page points at: the total page count. Call it after the last
    ``showPage`` and before ``save``; nothing may be drawn outside the form here, or the
    canvas would start one more (blank) page."""
    canvas.beginForm(TOTAL_PAGES_FORM)
    canvas.setFont(FONT, size)
    canvas.setFillColor(GREY)
    canvas.drawString(0, 0, str(total))
    canvas.endForm()


def body_frame(pagesize: tuple[float, float], cls: type[Frame] = Frame) -> Frame:
    """The one frame of a page inside :func:`page_margins` (``cls``: a frame subclass)."""
    m = page_margins()
    width = pagesize[0] - m["leftMargin"] - m["rightMargin"]
    height = pagesize[1] - m["topMargin"] - m["bottomMargin"]
    return cls(m["leftMargin"], m["bottomMargin"], width, height, id="body")


def frame_width(pagesize: tuple[float, float]) -> float:
    """What a flowable may fill in :func:`body_frame`: the frame minus its default 6 pt paddings."""
    m = page_margins()
    return float(pagesize[0] - m["leftMargin"] - m["rightMargin"] - 12)


class Feed:
    """Placeholder at the end of a story: replaced by the next chunk of flowables (and itself)
    when layout reaches it (:func:`expand_feeds` in the document's ``filterFlowables``), so
    only one chunk — a batch of directory entries, one packet — exists at a time."""

    def __init__(self, chunks: Iterator[list[Flowable]]) -> None:
        self._chunks = chunks

    def expand(self) -> list[Any]:
        chunk = next(self._chunks, None)
        if chunk is None:
            return [None]  # platypus skips a None
        return [*chunk, self]


def expand_feeds(flowables: list[Any]) -> None:
    """For ``filterFlowables``: a :class:`Feed` at the front becomes its next chunk."""
    while flowables and isinstance(flowables[0], Feed):
        feed = flowables.pop(0)
        flowables[0:0] = feed.expand()


SNIPPET_LENGTH = 50


@contextmanager
def pages_fit(title: str) -> Iterator[None]:
    """Around a platypus ``build``: reportlab's LayoutError (one flowable taller than a page:
    a table row or paragraph with far too much text) becomes a Spanish TalentDeskError that
    names the document and quotes the text to shorten. Inside ``atomic_output`` no file is
    left behind either way."""
    try:
        yield
    except LayoutError as exc:
        raise TalentDeskError(overflow_message(title, exc)) from exc


def overflow_message(title: str, exc: LayoutError) -> str:
    """«Un elemento de «…» no cabe en una página: …», quoting the longest text of the flowable
    that did not fit (found in the traceback: reportlab's message has no usable text)."""
    text = max(_texts(flowable_being_placed(exc)), key=len, default="")
    text = " ".join(text.split())
    where = f"Un elemento de «{title}» no cabe en una página"
    if not text:
        return f"{where}: algún texto es demasiado largo para imprimirse. Acórtelo y vuelva a exportar."
    snippet = text if len(text) <= SNIPPET_LENGTH else text[:SNIPPET_LENGTH].rstrip() + "…"
    return (
        f"{where}: el texto «{snippet}» ({len(text):,} caracteres) es demasiado largo para "
        "imprimirse. Acórtelo y vuelva a exportar."
    )


def _texts(item: Any, depth: int = 0) -> Iterable[str]:
    """The plain texts inside a flowable; for a table only its tallest row (the culprit).
    Other objects (a layout state, the document) are not entered."""
    if depth > 8 or item is None:
        return
    if isinstance(item, str):
        yield item
    elif isinstance(item, Paragraph):
        yield item.getPlainText()
    elif isinstance(item, list | tuple):
        for child in item:
            yield from _texts(child, depth + 1)
    elif isinstance(item, Table):
        rows = table_cells(item)
        heights = row_heights(item)
        if len(heights) == len(rows) and all(isinstance(h, int | float) for h in heights):
            rows = [rows[max(range(len(rows)), key=heights.__getitem__)]] if rows else []
        for row in rows:
            yield from _texts(row, depth + 1)
    elif isinstance(item, Flowable):  # KeepTogether's content, a custom flowable's lines…
        for value in vars(item).values():
            if isinstance(value, str | list | tuple | Flowable):
                yield from _texts(value, depth + 1)


class NumberedDocTemplate(FinishingDocTemplate):
    """A platypus document with metadata, one frame, a footer with 'Página x de y', an optional
    running header, progress reports and cancellation between flowables.

    Subclasses (or callers) pass ``header`` — a callable returning the running header text for
    the current page — and ``on_flowable`` to learn where things landed (for a table of
    contents).
    """

    def __init__(
        self,
        filename: Path | str,
        *,
        title: str,
        subject: str = "",
        pagesize: tuple[float, float] = LETTER,
        margins_mm: float = 18,
        header: Callable[[NumberedDocTemplate], str] | None = None,
        footer_left: str = "Red de Talentos Mexicanos · IME",
        progress: Progress | None = None,
        progress_total: int = 0,
        abort: threading.Event | None = None,
        **kwargs: Any,
    ) -> None:
        register_fonts()
        super().__init__(
            str(filename),
            pagesize=pagesize,
            **page_margins(margins_mm),
            **document_metadata(title, subject),
            **kwargs,
        )
        self._header = header
        self._footer_left = footer_left
        self._abort = abort
        self._progress = progress
        self._progress_total = progress_total
        self.progress_done = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._decorate)])

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setStrokeColor(GREEN)
        canvas.setLineWidth(0.6)
        if self._header is not None:
            text = self._header(self)
            if text:
                y = height - self.topMargin + 4 * mm
                canvas.setFont(FONT_BOLD, 8.5)
                canvas.setFillColor(GREY)
                canvas.drawString(self.leftMargin, y, text)
                canvas.line(self.leftMargin, y - 1.8 * mm, width - self.rightMargin, y - 1.8 * mm)
        y = self.bottomMargin - 8 * mm
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(self.leftMargin, y, self._footer_left)
        canvas.restoreState()
        draw_page_number(canvas, canvas.getPageNumber(), width - self.rightMargin, y)

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:
        """Lay out and write; a flowable taller than a page is a Spanish error (:func:`pages_fit`)."""
        with pages_fit(self.title):
            super().build(flowables, **kwargs)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        check_abort(self._abort)
        super().handle_flowable(flowables)

    def report(self, done: int) -> None:
        """Called by callers' marker flowables to move the progress bar."""
        self.progress_done = done
        if self._progress is not None and self._progress_total:
            self._progress(min(done, self._progress_total), self._progress_total)

    def finish_document(self) -> None:
        # The last page is closed: define every page's "de y".
        finish_page_numbers(self.canv, self.canv.getPageNumber() - 1)


# -- characters the font lacks ----------------------------------------------------------------------

_coverage: frozenset[int] | None = None

#: How many texts a warning quotes, and how much of each: a huge export stays a short message.
GLYPH_EXAMPLES = 5
GLYPH_SNIPPET = 40


def font_coverage() -> frozenset[int]:
    """The code points the shipped regular or bold DejaVu Sans can draw (their cmaps), read
    once per process. Anything else prints as the font's empty box, silently."""
    global _coverage
    register_fonts()
    with _lock:
        if _coverage is None:
            covered: set[int] = set()
            for name in (FONT, FONT_BOLD):
                covered.update(font_code_points(name))
            _coverage = frozenset(covered)
        return _coverage


def _ignorable(char: str) -> bool:
    """Whitespace and control/format characters (tabs, zero-width joiners) never print a box."""
    return char.isspace() or unicodedata.category(char).startswith("C")


class GlyphCheck:
    """Collects the printed texts that contain characters DejaVu Sans lacks (CJK, most emoji),
    so an export can still write its document but tell the user which texts will show boxes.
    Exports check their data as they load it: one set lookup per character."""

    def __init__(self) -> None:
        self._covered = font_coverage()
        self._found: dict[tuple[str, str], None] = {}

    def check(self, where: str, text: str | None) -> None:
        """Record ``text`` (printed for ``where``, e.g. «participante JI27-0004») if the font
        cannot draw one of its characters; ``None`` and empty texts are fine."""
        if not text:
            return
        covered = self._covered
        for char in text:
            if ord(char) not in covered and not _ignorable(char):
                self._found[(where, " ".join(text.split()))] = None
                return

    def __len__(self) -> int:
        return len(self._found)

    def warnings(self) -> tuple[str, ...]:
        """One Spanish line naming at most :data:`GLYPH_EXAMPLES` of the texts; none if all print."""
        count = len(self._found)
        if not count:
            return ()
        quoted = []
        for where, text in list(self._found)[:GLYPH_EXAMPLES]:
            if len(text) > GLYPH_SNIPPET:
                text = text[:GLYPH_SNIPPET].rstrip() + "…"
            quoted.append(f"«{text}» ({where})")
        more = count - len(quoted)
        listed = ", ".join(quoted) + (f" y {more:,} más" if more else "")
        head = (
            "1 texto tiene caracteres que la fuente no incluye y se imprimirá como cuadros"
            if count == 1
            else f"{count:,} textos tienen caracteres que la fuente no incluye y se imprimirán como cuadros"
        )
        return (f"{head}: {listed}.",)
