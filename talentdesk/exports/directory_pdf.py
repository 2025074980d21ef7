"""Member directory PDF: cover, table of contents, members grouped by chapter, sector or
country in Spanish order, running header with the group, "Página x de y".

Only members who consented appear, each with only the contact fields they allowed
(``exports.consent``). The document is laid out once: the table of contents has one line per
group, so its page count is known before layout; its pages are reserved and each draws a PDF
form that is defined after the body, when every group's first page is known (like the
"de y" of the footer). Members are read and laid out a chunk at a time; each entry is a small
custom flowable that wraps its own lines (a Paragraph per entry spends most of its time
parsing markup).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import phonenumbers
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph
from reportlab.platypus.flowables import Flowable
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.dates import spanish_date
from talentdesk.core.enums import PrintField
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.models import Chapter, Member, MemberSector, Sector, primary_link
from talentdesk.core.text import fold, name_sort_key
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.compat import doc_template_of, glyph_widths
from talentdesk.exports.consent import allowed_fields, listed_clause, may_appear
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
    pagesize_of,
    styles,
)
from talentdesk.services.search import MemberQuery, matching_ids

CHUNK = 500  # members read and laid out at a time
PLAN_CHUNK = 2000  # ids per query when grouping the selection
NETWORK = "Red de Talentos Mexicanos"
INSTITUTE = "Instituto de los Mexicanos en el Exterior (IME)"
TEXT_COLOR = colors.HexColor("#202124")
GUTTER = 7 * mm


@dataclass(frozen=True)
class Grouping:
    key: str
    label: str  # running header: "Capítulo: Houston"
    plural: str  # running header over several groups: "Capítulos: Detroit – Houston"
    none: str  # the last group, for members without one
    subtitle: str  # cover


GROUPINGS: dict[str, Grouping] = {
    "chapter": Grouping("chapter", "Capítulo", "Capítulos", "Sin capítulo", "Por capítulo"),
    "sector": Grouping("sector", "Sector", "Sectores", "Sin sector", "Por sector principal"),
    "country": Grouping("country", "País", "Países", "Sin país", "Por país de residencia"),
}
_ALIASES = {
    "chapter": "chapter",
    "capitulo": "chapter",
    "sector": "sector",
    "country": "country",
    "pais": "country",
}


def parse_grouping(value: str) -> Grouping:
    """``chapter``/``sector``/``country`` (or their Spanish names), or a Spanish error."""
    key = _ALIASES.get(fold(value).replace(" ", ""))
    if key is None:
        raise TalentDeskError(
            f"Agrupación desconocida «{value}» para el directorio: use chapter (capítulo), "
            "sector o country (país)."
        )
    return GROUPINGS[key]


def export_directory_pdf(
    sessions: SessionFactory,
    selection: MemberQuery | Sequence[int],
    out_path: Path | str,
    *,
    group_by: str = "chapter",
    page_size: str = "letter",
    title: str | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """The printed member directory of ``selection`` (members who did not consent are left out).

    ``rows`` of the result is the number of members printed. An empty directory is refused
    with a Spanish error rather than printed.
    """
    grouping = parse_grouping(group_by)
    pagesize = pagesize_of(page_size)
    title = (title or "").strip() or "Directorio de miembros"
    check_abort(abort)
    with streaming_reader(sessions) as session:
        if isinstance(selection, MemberQuery):
            ids: Sequence[int] = matching_ids(session, selection)
        else:
            ids = list(dict.fromkeys(int(i) for i in selection))
        if not ids:
            raise TalentDeskError("El directorio no tiene miembros: la selección está vacía.")
        groups = _plan(session, ids, grouping, abort)
        total = sum(g.count for g in groups)
        if total == 0:
            raise TalentDeskError(
                "El directorio no tiene miembros: ninguno de los seleccionados autorizó aparecer "
                "en directorios impresos."
            )
        with atomic_output(out_path, suffix=".pdf") as temp:
            state = _State(grouping, groups)
            doc = _DirectoryDoc(
                temp,
                title=title,
                pagesize=pagesize,
                state=state,
                progress=progress,
                total=total,
                abort=abort,
            )
            state.report = doc.report
            today = spanish_date(date.today())
            flowables: list[Any] = [
                _Cover(title, grouping.subtitle, total, today),
                NextPageTemplate("toc"),
                PageBreak(),
            ]
            for index in range(len(doc.toc_pages)):
                if index == len(doc.toc_pages) - 1:
                    flowables.append(NextPageTemplate("body"))
                flowables += [_TocPage(doc, index), PageBreak()]
            glyphs = GlyphCheck()
            flowables.append(Feed(_entries(session, groups, grouping, state, glyphs)))
            doc.build(flowables)
            doc.report(state.printed)
    return ExportResult(Path(out_path), state.printed, glyphs.warnings(), member_ids=state.member_ids)


# -- which members, in which groups ------------------------------------------------------


@dataclass
class _Group:
    name: str
    ids: array[int] = field(default_factory=lambda: array("q"))  # in Spanish name order

    @property
    def count(self) -> int:
        return len(self.ids)


def _plan(
    session: Session, ids: Sequence[int], grouping: Grouping, abort: threading.Event | None
) -> list[_Group]:
    """The consenting members of ``ids`` in their groups, groups and members in Spanish order."""
    if grouping.key == "chapter":
        names: dict[Any, str] = {k: v for k, v in session.execute(select(Chapter.id, Chapter.name))}
        stmt = select(Member.id, Member.sort_key, Member.chapter_id)
    elif grouping.key == "sector":
        names = {k: v for k, v in session.execute(select(Sector.id, Sector.name))}
        stmt = select(Member.id, Member.sort_key, MemberSector.sector_id).outerjoin(
            MemberSector, and_(MemberSector.member_id == Member.id, primary_link())
        )
    else:
        names = {}
        stmt = select(Member.id, Member.sort_key, Member.country)
    members: dict[str, list[tuple[str, int]]] = {}  # group name ("" = none): (sort_key, id)
    seen: set[int] = set()
    for start in range(0, len(ids), PLAN_CHUNK):
        check_abort(abort)
        chunk = list(ids[start : start + PLAN_CHUNK])
        for member_id, sort_key, key in session.execute(stmt.where(Member.id.in_(chunk), listed_clause())):
            if member_id in seen:  # a second primary sector would list a member twice
                continue
            seen.add(member_id)
            members.setdefault(_group_name(grouping, names, key), []).append((sort_key, member_id))
    order = sorted(
        (name for name in members if name), key=lambda name: (name_sort_key(name, None, None), name)
    )
    if "" in members:
        order.append("")
    # Only the ids are kept for the layout (the sort keys of a large selection weigh more).
    return [
        _Group(name or grouping.none, array("q", (member_id for _key, member_id in sorted(members[name]))))
        for name in order
    ]


def _group_name(grouping: Grouping, names: dict[Any, str], key: Any) -> str:
    if key is None:
        return ""
    if grouping.key == "country":
        return country_name(key)
    return names.get(key, "")


# -- one member, as printed -----------------------------------------------------------------

NAME, TEXT, MUTED = 0, 1, 2
#: (font, size, leading, colour) of each kind of line.
LINE_STYLES: dict[int, tuple[str, float, float, Any]] = {
    NAME: (FONT_BOLD, 9.5, 11.5, TEXT_COLOR),
    TEXT: (FONT, 8.5, 10.5, TEXT_COLOR),
    MUTED: (FONT, 8, 10, GREY),
}
HEADING_SIZE = 11.5
HEADING_LEADING = 14.0
HEADING_BELOW = 9.5  # from the last baseline: rule, then space
HEADING_SPACE = 8.0  # above a heading, except at the top of a column
ENTRY_GAP = 7.0

_primary_sector = (
    select(MemberSector.sector_id)
    .where(MemberSector.member_id == Member.id, primary_link())
    .limit(1)
    .scalar_subquery()
)
_ENTRY_COLUMNS = (
    Member.id,
    Member.given_names,
    Member.paternal_surname,
    Member.maternal_surname,
    Member.job_title,
    Member.employer,
    Member.email,
    Member.phone,
    Member.city,
    Member.country,
    Member.chapter_id,
    _primary_sector,
    Member.directory_consent,
    Member.print_fields_raw,
    Member.no_contact,
)


@lru_cache(maxsize=20_000)
def display_phone(e164: str) -> str:
    """'+14085550123' -> '+1 408-555-0123' (stored numbers are E.164)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def entry_lines(
    row: Sequence[Any], grouping: Grouping, chapters: dict[int, str], sectors: dict[int, str]
) -> list[tuple[int, str]] | None:
    """The lines a member's entry shows, or None if the member may not appear.

    Always: name, job title, chapter and primary sector (what the directory is about) and the
    country. Only if allowed: employer, city, e-mail, phone.
    """
    (_id, given, paternal, maternal, job, employer, email, phone, city, country, chapter_id, sector_id) = row[
        :12
    ]
    consent, print_fields, no_contact = row[12:15]
    if not may_appear(consent, no_contact):
        return None
    allowed = allowed_fields(consent, print_fields)
    surnames = " ".join(p for p in (paternal, maternal) if p)
    lines = [(NAME, f"{surnames}, {given}" if given else surnames)]
    work = [job] if job else []
    if employer and PrintField.EMPLOYER in allowed:
        work.append(employer)
    if work:
        lines.append((TEXT, ", ".join(work)))
    place = [city] if city and PrintField.CITY in allowed else []
    if country and grouping.key != "country":
        place.append(country_name(country))
    if place:
        lines.append((TEXT, ", ".join(place)))
    network = []
    if chapter_id is not None and grouping.key != "chapter" and chapter_id in chapters:
        network.append(f"Capítulo {chapters[chapter_id]}")
    if sector_id is not None and grouping.key != "sector" and sector_id in sectors:
        network.append(sectors[sector_id])
    if network:
        lines.append((MUTED, " · ".join(network)))
    if email and PrintField.EMAIL in allowed:
        lines.append((TEXT, email))
    if phone and PrintField.PHONE in allowed:
        lines.append((TEXT, display_phone(phone)))
    return lines


@lru_cache(maxsize=8)
def _width_table(font: str) -> tuple[list[float], float]:
    widths, default = glyph_widths(font)
    return [widths.get(code, default) for code in range(0x10000)], default


def text_width(text: str, font: str, size: float) -> float:
    """``stringWidth`` for the embedded TTF, ~3× faster without reportlab's C accelerator
    (a list lookup per character instead of a dict lookup in a generator)."""
    table, _default = _width_table(font)
    try:
        return 0.001 * size * sum(map(table.__getitem__, map(ord, text)))
    except IndexError:  # beyond the Basic Multilingual Plane
        return float(stringWidth(text, font, size))


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking on spaces; a word wider than the line (an e-mail) is broken
    after '@', '.', '-' or '_' where possible, else anywhere — never cut off."""
    if text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, font, size) > width:
            head, word = _break_word(word, font, size, width)
            lines.append(head)
        current = word
    if current:
        lines.append(current)
    return lines


def _break_word(word: str, font: str, size: float, width: float) -> tuple[str, str]:
    fit = 1
    while fit < len(word) and text_width(word[: fit + 1], font, size) <= width:
        fit += 1
    for cut in range(fit, max(fit // 2, 1) - 1, -1):
        if word[cut - 1] in "@.-_":
            return word[:cut], word[cut:]
    return word[:fit], word[fit:]


class _Entry(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """One member (and, for a group's first member, the group heading above it).

    Never split: an entry moves whole to the next column, and a heading never ends a column.
    """

    def __init__(
        self, state: _State, group: int, lines: list[tuple[int, str]], heading: bool, member: bool = True
    ) -> None:
        super().__init__()
        self._state = state
        self._group = group
        self._lines = lines
        self._heading = heading
        self._member = member
        self._laid_width = -1.0
        self._laid: list[tuple[int, str]] = []
        self._height = 0.0
        self._heading_lines: list[str] = []
        if heading:
            self.spaceBefore = HEADING_SPACE  # platypus drops it at the top of a column

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._laid_width:
            self._laid = [
                (kind, part)
                for kind, text in self._lines
                for part in wrap_text(text, LINE_STYLES[kind][0], LINE_STYLES[kind][1], avail_width)
            ]
            self._height = sum(LINE_STYLES[kind][2] for kind, _t in self._laid) + ENTRY_GAP
            if self._heading:
                group = self._state.groups[self._group]
                room = avail_width - text_width(_members(group.count), FONT, 8) - 8
                self._heading_lines = wrap_text(group.name, FONT_BOLD, HEADING_SIZE, room)
                self._height += (
                    HEADING_SIZE + HEADING_LEADING * (len(self._heading_lines) - 1) + HEADING_BELOW
                )
            self._laid_width = avail_width
        self.width = avail_width
        return avail_width, self._height

    def draw(self) -> None:
        canv = self.canv
        top = self._height
        state = self._state
        if self._heading:
            top = self._draw_heading(canv, top)
        # One text object per entry; lines advance with T* (no per-line positioning, and
        # textLine, unlike textOut, does not measure the text again).
        laid = self._laid
        if laid:
            baselines = []
            for kind, _part in laid:
                _font, size, leading, _color = LINE_STYLES[kind]
                baselines.append(top - leading + 0.25 * size)
                top -= leading
            text = canv.beginText(0, baselines[0])
            font_now: tuple[str, float, float] | None = None
            color_now = None
            for i, (kind, part) in enumerate(laid):
                font, size, _leading, color = LINE_STYLES[kind]
                step = baselines[i] - baselines[i + 1] if i + 1 < len(laid) else 0.0
                if font_now is None or font_now[:2] != (font, size):
                    text.setFont(font, size, step)
                    font_now = (font, size, step)
                elif font_now[2] != step and i + 1 < len(laid):
                    text.setLeading(step)
                    font_now = (font, size, step)
                if color is not color_now:
                    text.setFillColor(color)
                    color_now = color
                text.textLine(part)
            canv.drawText(text)
        state.drawn(canv, self._group, self._member)

    def _draw_heading(self, canv: Canvas, top: float) -> float:
        """Group name (wrapped, never cut), member count, rule; marks the group's first page."""
        group = self._state.groups[self._group]
        baseline = top - HEADING_SIZE
        canv.setFillColor(GREEN)
        canv.setFont(FONT_BOLD, HEADING_SIZE)
        for line in self._heading_lines:
            canv.drawString(0, baseline, line)
            baseline -= HEADING_LEADING
        baseline += HEADING_LEADING
        canv.setFillColor(GREY)
        canv.setFont(FONT, 8)
        canv.drawRightString(self.width, top - HEADING_SIZE, _members(group.count))
        canv.setStrokeColor(GREEN)
        canv.setLineWidth(0.8)
        canv.line(0, baseline - 4, self.width, baseline - 4)
        key = f"td_group_{self._group}"
        canv.bookmarkHorizontal(key, 0, top)
        canv.addOutlineEntry(group.name, key, 0)
        self._state.first_page[self._group] = canv.getPageNumber()
        return baseline - HEADING_BELOW


def _members(count: int) -> str:
    return f"{count:,} miembro" + ("" if count == 1 else "s")


# -- layout state, feeding, the document -----------------------------------------------------


class _State:
    """What the layout learned so far: each group's first page, the groups on the current
    page (for the running header), members printed (for progress and the result)."""

    def __init__(self, grouping: Grouping, groups: list[_Group]) -> None:
        self.grouping = grouping
        self.groups = groups
        self.first_page: dict[int, int] = {}
        self.page = 0
        self.page_first = 0
        self.page_last = 0
        self.printed = 0
        self.member_ids = array("q")  # printed, for the export log
        self.report: Any = None

    def drawn(self, canv: Canvas, group: int, member: bool) -> None:
        page = canv.getPageNumber()
        if page != self.page:
            self.page, self.page_first = page, group
        self.page_last = group
        if member:
            self.printed += 1
            if self.report is not None and self.printed % 100 == 0:
                self.report(self.printed)

    def header(self, page: int, width: float) -> str:
        if page != self.page:
            return ""
        first = self.groups[self.page_first].name
        if self.page_first == self.page_last:
            text = f"{self.grouping.label}: {first}"
        else:
            text = f"{self.grouping.plural}: {first} – {self.groups[self.page_last].name}"
        return fit_text(text, FONT_BOLD, 8.5, width)


def _entries(
    session: Session, groups: list[_Group], grouping: Grouping, state: _State, glyphs: GlyphCheck
) -> Iterator[list[Flowable]]:
    """The entries, a chunk of members at a time; every printed line goes through ``glyphs``."""
    chapters = {k: v for k, v in session.execute(select(Chapter.id, Chapter.name))}
    sectors = {k: v for k, v in session.execute(select(Sector.id, Sector.name))}
    for index, group in enumerate(groups):
        heading = True
        ids = group.ids
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            rows = {
                row[0]: row for row in session.execute(select(*_ENTRY_COLUMNS).where(Member.id.in_(chunk)))
            }
            batch: list[Flowable] = []
            for member_id in chunk:
                row = rows.get(member_id)
                lines = entry_lines(row, grouping, chapters, sectors) if row is not None else None
                if lines is None:  # deleted or consent withdrawn since the plan was made
                    continue
                for _kind, text in lines:
                    glyphs.check(f"miembro {member_id}", text)
                batch.append(_Entry(state, index, lines, heading))
                state.member_ids.append(member_id)
                heading = False
            yield batch
        if heading:  # every member gone: keep the heading the index points at
            yield [_Entry(state, index, [], True, member=False)]


class _Cover(Flowable):  # type: ignore[misc]
    def __init__(self, title: str, subtitle: str, count: int, today: str) -> None:
        super().__init__()
        self._title = title
        self._subtitle = subtitle
        self._count = count
        self._today = today

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        doc = doc_template_of(canvas)
        page_width, page_height = doc.pagesize
        left, width = doc.leftMargin, doc.width
        center = page_width / 2
        base = styles()
        canvas.saveState()
        canvas.setFillColor(GREEN)
        canvas.rect(0, page_height - 14 * mm, page_width, 14 * mm, stroke=0, fill=1)
        top = page_height * 0.68
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawCentredString(center, top, NETWORK.upper(), charSpace=1.5)
        canvas.setStrokeColor(GREEN)
        canvas.setLineWidth(1.2)
        canvas.line(center - 25 * mm, top - 9, center + 25 * mm, top - 9)
        title_style = ParagraphStyle("cover_title", parent=base["title"], fontSize=28, leading=34)
        title = Paragraph(escape(self._title), title_style)
        _w, h = title.wrap(width, page_height)
        title.drawOn(canvas, left, top - 24 - h)
        y = top - 24 - h - 26
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 14)
        canvas.drawCentredString(center, y, self._subtitle)
        canvas.setFillColor(TEXT_COLOR)
        canvas.setFont(FONT, 11)
        canvas.drawCentredString(center, y - 36, _members(self._count))
        canvas.drawCentredString(center, y - 52, f"Generado el {self._today}")
        bottom = doc.bottomMargin + 24 * mm
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawCentredString(center, bottom + 20, INSTITUTE)
        canvas.setFont(FONT, 9.5)
        canvas.drawCentredString(center, bottom + 6, NETWORK)
        note = Paragraph(
            "Sólo incluye a los miembros que autorizaron aparecer en directorios impresos y, de "
            "cada uno, sólo los datos de contacto que permitió mostrar (LFPDPPP). Su uso se "
            "limita a los fines de la Red.",
            ParagraphStyle("cover_note", parent=base["muted"], alignment=TA_CENTER),
        )
        _w, h = note.wrap(width * 0.8, page_height)
        note.drawOn(canvas, left + width * 0.1, bottom - 14 - h)
        canvas.restoreState()


TOC_FORM = "td_toc_{}"
TOC_TITLE_HEIGHT = 44.0
TOC_LEADING = 15.0
TOC_SIZE = 10.0


class _TocPage(Flowable):  # type: ignore[misc]
    """A reserved index page: draws the form defined at the end, and links each line to its
    group (named destinations are resolved when the file is saved)."""

    def __init__(self, doc: _DirectoryDoc, index: int) -> None:
        super().__init__()
        self._doc = doc
        self._index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas.doForm(TOC_FORM.format(self._index))
        doc = self._doc
        for group, baseline in doc.toc_pages[self._index]:
            rect = (doc.leftMargin, baseline - 4, doc.leftMargin + doc.width, baseline + TOC_LEADING - 4)
            canvas.linkRect("", f"td_group_{group}", rect, relative=0, thickness=0)


class _DirectoryDoc(NumberedDocTemplate):
    def __init__(
        self,
        filename: Path,
        *,
        title: str,
        pagesize: tuple[float, float],
        state: _State,
        progress: Progress | None,
        total: int,
        abort: threading.Event | None,
    ) -> None:
        super().__init__(
            filename,
            title=title,
            subject=f"Directorio de la {NETWORK}, {state.grouping.subtitle.lower()}",
            pagesize=pagesize,
            header=lambda doc: doc.running_header(),
            progress=progress,
            progress_total=total,
            abort=abort,
        )
        self.state = state

        def frame(x: float, width: float, frame_id: str) -> Frame:
            return Frame(
                x,
                self.bottomMargin,
                width,
                self.height,
                leftPadding=0,
                rightPadding=0,
                topPadding=3 if frame_id in ("left", "right") else 0,
                bottomPadding=0,
                id=frame_id,
            )

        column = (self.width - GUTTER) / 2
        self.pageTemplates: list[PageTemplate] = []
        self.addPageTemplates(
            [
                PageTemplate(
                    id="cover", frames=[frame(self.leftMargin, self.width, "cover")], onPageEnd=self._decorate
                ),
                PageTemplate(
                    id="toc", frames=[frame(self.leftMargin, self.width, "toc")], onPageEnd=self._decorate
                ),
                PageTemplate(
                    id="body",
                    frames=[
                        frame(self.leftMargin, column, "left"),
                        frame(self.leftMargin + column + GUTTER, column, "right"),
                    ],
                    onPageEnd=self._decorate,
                ),
            ]
        )
        self.toc_pages = self._toc_layout()

    def _toc_layout(self) -> list[list[tuple[int, float]]]:
        """Each index page's lines: (group, baseline). Known before layout: one per group."""
        pages: list[list[tuple[int, float]]] = []
        top = self.bottomMargin + self.height
        y = top - TOC_TITLE_HEIGHT
        page: list[tuple[int, float]] = []
        for group in range(len(self.state.groups)):
            if y - TOC_LEADING < self.bottomMargin:
                pages.append(page)
                page, y = [], top - TOC_TITLE_HEIGHT
            y -= TOC_LEADING
            page.append((group, y + 4))
        pages.append(page)
        return pages

    def running_header(self) -> str:
        template = self.pageTemplate.id
        if template == "toc":
            return str(self.title)
        if template == "body":
            return self.state.header(self.canv.getPageNumber(), self.width)
        return ""

    def filterFlowables(self, flowables: list[Any]) -> None:
        expand_feeds(flowables)

    def finish_document(self) -> None:
        # Define the index forms after the last page (and after the parent's "de y" form):
        # every group's first page is known by then.
        super().finish_document()
        self._define_toc(self.canv)

    def _define_toc(self, canvas: Canvas) -> None:
        state = self.state
        left, right = self.leftMargin, self.leftMargin + self.width
        number_width = stringWidth("0000", FONT, TOC_SIZE)
        for index, lines in enumerate(self.toc_pages):
            canvas.beginForm(TOC_FORM.format(index))
            top = self.bottomMargin + self.height
            canvas.setFillColor(GREEN)
            canvas.setFont(FONT_BOLD, 15)
            canvas.drawString(left, top - 15, "Índice" if index == 0 else "Índice (continuación)")
            canvas.setFillColor(GREY)
            canvas.setFont(FONT, 9)
            canvas.drawString(left, top - 30, f"{state.grouping.plural} en orden alfabético")
            for group, baseline in lines:
                item = state.groups[group]
                page = str(state.first_page.get(group, ""))
                count = f"  · {_members(item.count)}"
                count_width = stringWidth(count, FONT, 8)
                name = fit_text(item.name, FONT, TOC_SIZE, self.width - number_width - count_width - 24)
                name_width = stringWidth(name, FONT, TOC_SIZE)
                canvas.setFillColor(TEXT_COLOR)
                canvas.setFont(FONT, TOC_SIZE)
                canvas.drawString(left, baseline, name)
                canvas.drawRightString(right, baseline, page)
                canvas.setFillColor(GREY)
                canvas.setFont(FONT, 8)
                canvas.drawString(left + name_width, baseline, count)
                start = left + name_width + count_width + 6
                end = right - stringWidth(page, FONT, TOC_SIZE) - 6
                dot = stringWidth(" .", FONT, 8)
                dots = int((end - start) / dot)
                if dots > 0:
                    canvas.drawRightString(end, baseline, " ." * dots)
            canvas.endForm()


# -- a directory section inside another document ------------------------------------------------
#: What a report needs to print members exactly as the directory does (``exports/report_pdf.py``):
#: the consenting members in their groups, the layout state, the entries a chunk at a time.
plan_groups = _plan
LayoutState = _State
entry_chunks = _entries
