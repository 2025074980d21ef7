"""Lay a story out once, replay its pages in many documents.

The attendee packets repeat whole sections: the participants' directory is the same in every
packet and the agenda differs only by which sessions are marked. Flowables cannot simply be put
into several documents (layout marks and splits them), and laying each copy out again was most
of the packets' time. So a section is laid out by platypus a single time, in a frame that notes
where each flowable goes instead of drawing it (``compat.RecordingFrame``); each page is then
drawn once per file as a PDF form that every copy references (:class:`SharedPage`), so 300
copies of the directory cost one drawing and one copy in the file.

``tests/unit/test_packets_pdf.py`` compares the position of every text on replayed pages with
a direct layout of the same story.
"""

from __future__ import annotations

import io
import threading

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable

from talentdesk.exports.compat import (
    Placed,
    RecordingFrame,
    ZeroSizeFlowable,
    build_without_saving,
    freeze_wraps,
)
from talentdesk.exports.pdf import FONT, body_frame, page_margins, pages_fit, register_fonts


class SharedPages:
    """A story laid out once in :func:`pdf.body_frame`: per page, the flowables and where they
    go. Drawn into a canvas once as PDF forms (one per page) that every copy references.

    ``title`` names the document in the Spanish error raised when something cannot fit a page.
    """

    _counter = 0
    _lock = threading.Lock()

    def __init__(self, story: list[Flowable], pagesize: tuple[float, float], title: str) -> None:
        with SharedPages._lock:
            SharedPages._counter += 1
            self.key = f"tdsh{SharedPages._counter}"
        register_fonts()
        pages: list[list[Placed]] = []
        frame = body_frame(pagesize, RecordingFrame)

        def end_page(_canvas: Canvas, _doc: BaseDocTemplate) -> None:
            pages.append(frame.placed)
            frame.placed = []

        doc = BaseDocTemplate(io.BytesIO(), pagesize=pagesize, initialFontName=FONT, **page_margins())
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=end_page)])
        with pages_fit(title):
            build_without_saving(doc, story)  # only the placements are wanted
        self.pages = [page for page in pages if page] or [[]]
        freeze_wraps(placed[0] for page in self.pages for placed in page)

    def form(self, canvas: Canvas, index: int) -> str:
        """The form name of page ``index``, defined in ``canvas`` the first time it is asked."""
        name = f"{self.key}p{index}"
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            for flowable, x, y, s_w in self.pages[index]:
                flowable.drawOn(canvas, x, y, _sW=s_w)
            canvas.endForm()
        return name

    def story(self) -> list[Flowable]:
        """The pages as flowables for another document, a page break between them."""
        out: list[Flowable] = []
        for index in range(len(self.pages)):
            if index:
                out.append(PageBreak())
            out.append(SharedPage(self, index))
        return out


class SharedPage(ZeroSizeFlowable):
    """One page of a shared story, drawn by reference to its form (absolute coordinates)."""

    def __init__(self, shared: SharedPages, index: int) -> None:
        super().__init__()
        self._shared = shared
        self._index = index

    def drawOn(self, canvas: Canvas, _x: float, _y: float, _sW: float = 0) -> None:
        canvas.saveState()
        canvas.doForm(self._shared.form(canvas, self._index))
        canvas.restoreState()
