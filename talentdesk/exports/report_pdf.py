"""Any report of ``services.reports`` as a PDF: a cover with what it is about and the filters,
the summary figures, each section's charts (vector drawings, ``report_charts``) with their
numbers and tables, and — for a report that lists members — a directory section printed with
the member directory's own entries and consent rule, in two columns.

Atomic (``files.atomic_output``), cancellable between flowables, "Página x de y", embedded
DejaVu Sans, Spanish. The Tablero export, the sector, chapter and annual reports all come here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable
from sqlalchemy.orm import Session

from talentdesk.core.dates import spanish_date
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports import directory_pdf as directory
from talentdesk.exports.compat import ZeroSizeFlowable, doc_template_of
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.pdf import (
    FONT,
    FONT_BOLD,
    GREEN,
    GREY,
    Feed,
    GlyphCheck,
    NumberedDocTemplate,
    expand_feeds,
    fit_text,
    frame_width,
    pagesize_of,
    styles,
)
from talentdesk.exports.report_charts import chart_drawing, numbers_table
from talentdesk.services.reports import Cell, Report, Section
from talentdesk.services.reports import Table as ReportTable

NETWORK = directory.NETWORK
INSTITUTE = directory.INSTITUTE


def write_report_pdf(
    sessions: SessionFactory,
    load: Callable[[Session], Report],
    out_path: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Load the report with ``load`` (one read transaction) and write it. ``rows``: its charts;
    ``member_ids``: the members whose names it prints (the export log)."""
    pagesize = pagesize_of(page_size)
    check_abort(abort)
    with streaming_reader(sessions) as session:
        report = load(session)
        check_abort(abort)
        with atomic_output(out_path, suffix=".pdf") as temp:
            doc = ReportDoc(temp, report, pagesize, progress, abort)
            glyphs = GlyphCheck()
            story = _story(session, report, doc, glyphs, abort)
            doc.build(story)
    printed = list(doc.state.member_ids) if doc.state is not None else []
    people = list(dict.fromkeys([*report.people, *printed])) if report.directory is None else printed
    return ExportResult(
        Path(out_path), len(report.charts), glyphs.warnings(), member_ids=people, people=len(people)
    )


class ReportDoc(NumberedDocTemplate):
    """One frame per page; the directory section in two columns with the directory's header."""

    def __init__(
        self,
        filename: Path,
        report: Report,
        pagesize: tuple[float, float],
        progress: Progress | None,
        abort: threading.Event | None,
    ) -> None:
        self.report_data = report
        self.state: Any = None
        super().__init__(
            filename,
            title=f"{report.title} — {report.subject}",
            subject=f"{report.title} de la {NETWORK}",
            pagesize=pagesize,
            header=lambda doc: doc.running_header(),
            progress=progress,
            progress_total=len(report.sections) + 2,
            abort=abort,
        )
        column = (self.width - directory.GUTTER) / 2

        def frame(x: float, frame_id: str) -> Frame:
            return Frame(
                x, self.bottomMargin, column, self.height, leftPadding=0, rightPadding=0, id=frame_id
            )

        self.addPageTemplates(
            [
                PageTemplate(
                    id="columns",
                    frames=[
                        frame(self.leftMargin, "left"),
                        frame(self.leftMargin + column + directory.GUTTER, "right"),
                    ],
                    onPageEnd=self._decorate,
                )
            ]
        )

    def running_header(self) -> str:
        page = self.canv.getPageNumber()
        if page == 1:
            return ""
        if self.pageTemplate.id == "columns" and self.state is not None:
            return self.state.header(page, self.width) or self._title_line()
        return self._title_line()

    def _title_line(self) -> str:
        r = self.report_data
        return fit_text(f"{r.title} · {r.subject}", FONT_BOLD, 8.5, self.width)

    def filterFlowables(self, flowables: list[Any]) -> None:
        expand_feeds(flowables)


class _Done(ZeroSizeFlowable):
    """Moves the progress bar when layout gets past a section."""

    def __init__(self, step: int) -> None:
        super().__init__()
        self._step = step

    def draw(self) -> None:
        doc = doc_template_of(self.canv)
        if isinstance(doc, ReportDoc):
            doc.report(self._step)


def _story(
    session: Session, report: Report, doc: ReportDoc, glyphs: GlyphCheck, abort: threading.Event | None
) -> list[Any]:
    s = styles()
    width = frame_width(doc.pagesize)
    story: list[Any] = [_Cover(report), PageBreak()]
    story += [Paragraph("Resumen", s["h1"]), _figures(report.figures, width), Spacer(1, 6 * mm), _Done(1)]
    for index, section in enumerate(report.sections, start=2):
        story += _section(section, width)
        story.append(_Done(index))
    for text in _texts(report):
        glyphs.check("reporte", text)
    if report.directory is not None:
        story += _directory(session, report, doc, glyphs, abort)
    return story


def _texts(report: Report) -> list[str]:
    out = [report.subject, *(v for _k, v in report.filters)]
    for section in report.sections:
        out += [b.label for c in section.charts for b in c.bars]
        out += [str(v) for t in section.tables for row in t.rows for v in row if isinstance(v, str)]
    return out


def _section(section: Section, width: float) -> list[Any]:
    s = styles()
    out: list[Any] = [CondPageBreak(60 * mm), Paragraph(escape(section.title), s["h1"])]
    if section.note:
        out += [Paragraph(escape(section.note), s["muted"]), Spacer(1, 3 * mm)]
    for chart in section.charts:
        drawing = chart_drawing(chart, width)
        head: list[Any] = []
        if chart.title != section.title:
            head.append(Paragraph(escape(chart.title), s["h2"]))
        if drawing is None:
            out += [*head, Paragraph("Sin datos para esta gráfica.", s["muted"]), Spacer(1, 4 * mm)]
            continue
        out.append(KeepTogether([*head, drawing, Spacer(1, 2 * mm)]))
        out += [numbers_table(chart, width), Spacer(1, 6 * mm)]
    for table in section.tables:
        out += [Paragraph(escape(table.title), s["h2"]), _table(table, width), Spacer(1, 6 * mm)]
    return out


def _figures(figures: tuple[tuple[str, int], ...], width: float) -> Table:
    s = styles()
    rows = [[Paragraph(escape(label), s["body"]), f"{value:,}"] for label, value in figures]
    table = Table(rows, colWidths=[width * 0.75, width * 0.25], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5),
                ("FONT", (1, 0), (1, -1), FONT_BOLD, 12),
                ("TEXTCOLOR", (1, 0), (1, -1), GREEN),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#dadce0")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _cell(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _table(table: ReportTable, width: float) -> Flowable:
    s = styles()
    if not table.rows:
        return Paragraph("Sin registros.", s["muted"])
    count = len(table.columns)
    numeric = [all(isinstance(r[i], int | float) for r in table.rows) for i in range(count)]
    dates = [
        not numeric[i] and all(isinstance(r[i], date) or r[i] is None for r in table.rows)
        for i in range(count)
    ]
    fixed = [width * 0.12 if numeric[i] or dates[i] else 0.0 for i in range(count)]
    # Text columns: at least their longest word (and header), the rest shared by text length.
    least = [
        0.0 if fixed[i] else max(_word_width(v) for v in (table.columns[i], *(r[i] for r in table.rows))) + 8
        for i in range(count)
    ]
    weight = [0 if fixed[i] else min(max(len(_cell(r[i])) for r in table.rows), 60) for i in range(count)]
    rest = width - sum(fixed) - sum(least)
    widths = [fixed[i] or least[i] + max(rest, 0) * weight[i] / (sum(weight) or 1) for i in range(count)]
    rows: list[list[Any]] = [[Paragraph(escape(h), s["cell_bold"]) for h in table.columns]]
    for row in table.rows:
        rows.append(
            [
                _cell(v) if numeric[i] or dates[i] else Paragraph(escape(_cell(v)), s["cell"])
                for i, v in enumerate(row)
            ]
        )
    out = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREEN),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7f6")]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    style += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i, n in enumerate(numeric) if n]
    out.setStyle(TableStyle(style))
    return out


def _word_width(value: Cell) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = _cell(value).split() or [""]
    return min(float(max(stringWidth(w, FONT_BOLD, 8.5) for w in words)), 120.0)


def _directory(
    session: Session, report: Report, doc: ReportDoc, glyphs: GlyphCheck, abort: threading.Event | None
) -> list[Any]:
    """The report's members as the member directory prints them (consent rule included)."""
    part = report.directory
    assert part is not None
    s = styles()
    grouping = directory.GROUPINGS[part.group_by]
    groups = directory.plan_groups(session, list(part.member_ids), grouping, abort) if part.member_ids else []
    title = [
        CondPageBreak(80 * mm),
        Paragraph(escape(part.title), s["h2"]),
        Paragraph(
            "Sólo miembros que autorizaron aparecer en directorios y, de cada uno, sólo los datos de "
            "contacto que permitió mostrar (LFPDPPP).",
            s["muted"],
        ),
        Spacer(1, 4 * mm),
    ]
    if not groups:
        return [*title, Paragraph("Ningún miembro del sector autorizó aparecer en directorios.", s["body"])]
    state = directory.LayoutState(grouping, groups)
    doc.state = state
    steps = len(report.sections) + 1
    doc._progress_total = steps + sum(g.count for g in groups)
    state.report = lambda n: doc.report(steps + n)
    return [
        NextPageTemplate("columns"),
        PageBreak(),
        *title[1:],
        Feed(directory.entry_chunks(session, groups, grouping, state, glyphs)),
    ]


class _Cover(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The first page: network, title, what it is about, the filters, the date."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self._report = report

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        doc = doc_template_of(canvas)
        page_width, page_height = doc.pagesize
        center, left, width = page_width / 2, doc.leftMargin, doc.width
        r = self._report
        s = styles()
        canvas.saveState()
        canvas.setFillColor(GREEN)
        canvas.rect(0, page_height - 14 * mm, page_width, 14 * mm, stroke=0, fill=1)
        top = page_height * 0.7
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawCentredString(center, top, NETWORK.upper(), charSpace=1.5)
        canvas.setStrokeColor(GREEN)
        canvas.setLineWidth(1.2)
        canvas.line(center - 25 * mm, top - 9, center + 25 * mm, top - 9)
        y = top - 24
        for text, style in ((r.title, s["title"]), (r.subject, s["subtitle"])):
            para = Paragraph(escape(text), style)
            _w, h = para.wrap(width, page_height)
            y -= h
            para.drawOn(canvas, left, y)
            y -= 10
        y -= 14
        canvas.setFillColor(colors.HexColor("#202124"))
        for label, value in r.filters:
            line = fit_text(f"{label}: {value}", FONT, 11, width)
            canvas.setFont(FONT, 11)
            canvas.drawCentredString(center, y, line)
            y -= 16
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(center, y - 10, f"Generado el {spanish_date(date.today())}")
        bottom = doc.bottomMargin + 24 * mm
        canvas.setFillColor(colors.HexColor("#202124"))
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawCentredString(center, bottom + 20, INSTITUTE)
        canvas.setFont(FONT, 9.5)
        canvas.drawCentredString(center, bottom + 6, NETWORK)
        canvas.restoreState()
