"""Attendee packets: for each participant a cover, the welcome letter, the personal itinerary,
the agenda with their own sessions marked, the participants' directory and the badge.

One combined PDF (each packet starts on a new page and has its own "Página x de y" and an
outline entry) or one PDF per participant in a folder (:mod:`packets_folder`: all or nothing).

This module assembles the document; the parts are elsewhere:

* :mod:`packets_data` reads the event once — agenda, participants, travel, lodging,
  directory, letter template — a handful of queries whatever the number of packets;
* :mod:`packets_sections` builds each section's flowables;
* :mod:`replay` lays the sections every packet shares out once and replays their pages as PDF
  forms: the participants' directory is the same in every packet and the agenda differs only
  by which sessions are marked (:class:`SharedSections` keeps one layout per distinct one);
* :mod:`packets_folder` writes one file per participant.

Consent (LFPDPPP): the participants' directory lists only the participants linked to a member
who consented to appear in printed directories, each with only the contact fields that member
allowed (``exports.consent``). Guests without a member record gave no consent on record and
are not listed; the directory says so in one line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate
from reportlab.platypus.flowables import Flowable

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.agenda_pdf import check_agenda
from talentdesk.exports.badges import LabelLayout, check_badge, load_layout
from talentdesk.exports.compat import FinishingDocTemplate, ZeroSizeFlowable
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.kinds import DEFAULT_PACKET_BADGE
from talentdesk.exports.packets_data import PacketPerson, PacketsData, load_packets
from talentdesk.exports.packets_folder import check_folder_target, unique_names, write_folder
from talentdesk.exports.packets_sections import (
    SECTION_AGENDA,
    SECTION_BADGE,
    SECTION_DIRECTORY,
    SECTION_ITINERARY,
    SECTION_LETTER,
    BadgePage,
    Cover,
    agenda_section_story,
    directory_story,
    itinerary_story,
    letter_story,
    letter_text,
    packet_styles,
)
from talentdesk.exports.pdf import (
    FONT,
    FONT_BOLD,
    GREEN,
    GREY,
    Feed,
    GlyphCheck,
    body_frame,
    document_metadata,
    expand_feeds,
    fit_text,
    frame_width,
    page_margins,
    pages_fit,
    pagesize_of,
    register_fonts,
)
from talentdesk.exports.replay import SharedPages

#: Names the document in the error raised when a shared section cannot fit a page.
SHARED_TITLE = "Paquetes de participantes"


class _Marker(ZeroSizeFlowable):
    """A point in the story the document reacts to when layout reaches it (``afterFlowable``)."""

    def __init__(self, kind: str, value: Any = None) -> None:
        super().__init__()
        self.kind = kind
        self.value = value


class SharedSections:
    """The directory (same for everyone) and the agenda per set of marked sessions, each laid
    out on first use and kept for the rest of the export."""

    def __init__(self, data: PacketsData, pagesize: tuple[float, float]) -> None:
        self._data = data
        self._pagesize = pagesize
        self._width = frame_width(pagesize)
        self._st = packet_styles()
        self._agendas: dict[frozenset[int], SharedPages] = {}
        self._directory: SharedPages | None = None

    def agenda(self, marked: frozenset[int]) -> SharedPages:
        shared = self._agendas.get(marked)
        if shared is None:
            story = agenda_section_story(self._data.agenda, marked, self._width, self._st)
            shared = self._agendas[marked] = SharedPages(story, self._pagesize, SHARED_TITLE)
        return shared

    def directory(self) -> SharedPages:
        if self._directory is None:
            story = directory_story(self._data.directory, self._data.event, self._width, self._st)
            self._directory = SharedPages(story, self._pagesize, SHARED_TITLE)
        return self._directory


# -- the document ---------------------------------------------------------------------------------


def packet_story(
    person: PacketPerson,
    data: PacketsData,
    shared: SharedSections,
    layout: LabelLayout,
    width: float,
    st: dict[str, ParagraphStyle],
    *,
    index: int = 0,
) -> list[Flowable]:
    """One packet, from its cover to its badge, each section on a new page."""
    story: list[Flowable] = [_Marker("packet", (index, person)), Cover(person, data.event, st), PageBreak()]
    story += [_Marker("section", SECTION_LETTER)]
    story += letter_story(letter_text(data.letter_template, data.event, person), data.event, width, st)
    story += [PageBreak(), _Marker("section", SECTION_ITINERARY)]
    story += itinerary_story(person, data.agenda, width, st)
    story += [PageBreak(), _Marker("section", SECTION_AGENDA)]
    story += shared.agenda(data.agenda.sessions_of(person.id)).story()
    story += [PageBreak(), _Marker("section", SECTION_DIRECTORY)]
    story += shared.directory().story()
    story += [PageBreak(), _Marker("section", SECTION_BADGE), BadgePage(person.badge, layout, st)]
    return story


def _footer_text(person: PacketPerson, room: float) -> str:
    """'Paquete de Ximena Peña Núñez · JI27-0001', the name shortened with '…' if it would
    reach the page number (the code always stays)."""
    name = person.full_name
    tail = f" · {person.code}"
    text = f"Paquete de {name}{tail}"
    while stringWidth(text, FONT, 8) > room and len(name) > 1:
        name = name[:-1].rstrip()
        text = f"Paquete de {name}…{tail}"
    return text


class _PacketDoc(FinishingDocTemplate):
    """Packets one after the other. Each packet numbers its own pages ("Página 3 de 8": the
    total is a PDF form per packet, defined when the packet ends), has a running header with
    the section and a footer with the participant's name and code; the cover has neither."""

    def __init__(
        self,
        filename: Path | str,
        *,
        title: str,
        subject: str,
        pagesize: tuple[float, float],
        event_title: str,
        outline_people: bool,
        abort: threading.Event | None,
        on_packet: Callable[[int], None] | None = None,
    ) -> None:
        register_fonts()
        super().__init__(
            str(filename),
            pagesize=pagesize,
            **document_metadata(title, subject),
            **page_margins(),
        )
        self._event_title = event_title
        self._outline_people = outline_people
        self._abort = abort
        self._on_packet = on_packet
        self._packet: tuple[int, PacketPerson] | None = None
        self._packet_start = 1
        self._section = ""
        self._section_count = 0
        self.packets_done = 0
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[body_frame(pagesize)], onPageEnd=self._decorate)]
        )

    # layout hooks
    def filterFlowables(self, flowables: list[Any]) -> None:
        expand_feeds(flowables)

    def handle_flowable(self, flowables: list[Any]) -> None:
        check_abort(self._abort)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, _Marker):
            return
        canvas: Canvas = self.canv
        page = canvas.getPageNumber()
        if flowable.kind == "packet":
            self._close_packet(page - 1)
            index, person = flowable.value
            self._packet = (index, person)
            self._packet_start = page
            self._section = ""
            if self._on_packet is not None:
                self._on_packet(index)
            if self._outline_people:
                key = f"pk{index}"
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(f"{person.sorted_name} · {person.code}", key, level=0, closed=True)
        elif flowable.kind == "section":
            self._section = flowable.value
            self._section_count += 1
            key = f"sec{self._section_count}"
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(flowable.value, key, level=1 if self._outline_people else 0)

    def _close_packet(self, last_page: int) -> None:
        """Define the previous packet's page total, now that its last page is known."""
        if self._packet is None:
            return
        index = self._packet[0]
        canvas: Canvas = self.canv
        canvas.beginForm(f"tdpk{index}")
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(0, 0, str(last_page - self._packet_start + 1))
        canvas.endForm()
        self._packet = None
        self.packets_done += 1

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if self._packet is None or not self._section:
            return  # the cover
        index, person = self._packet
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(GREY)
        if self._section != SECTION_LETTER:  # the letter has its own letterhead
            y = height - self.topMargin + 4 * mm
            canvas.setFont(FONT_BOLD, 8.5)
            header = f"{self._section} · {self._event_title}"
            room = width - self.leftMargin - self.rightMargin
            canvas.drawString(self.leftMargin, y, fit_text(header, FONT_BOLD, 8.5, room))
            canvas.setStrokeColor(GREEN)
            canvas.setLineWidth(0.6)
            canvas.line(self.leftMargin, y - 1.8 * mm, width - self.rightMargin, y - 1.8 * mm)
        y = self.bottomMargin - 8 * mm
        canvas.setFont(FONT, 8)
        page = canvas.getPageNumber() - self._packet_start + 1
        x = width - self.rightMargin - stringWidth("000", FONT, 8)
        label = f"Página {page} de "
        room = x - stringWidth(label, FONT, 8) - 6 * mm - self.leftMargin
        canvas.drawString(self.leftMargin, y, _footer_text(person, room))
        canvas.drawRightString(x, y, label)
        canvas.translate(x, y)
        canvas.doForm(f"tdpk{index}")
        canvas.restoreState()

    def finish_document(self) -> None:
        # The last page is closed: define the last packet's total.
        self._close_packet(self.canv.getPageNumber() - 1)
        if self._outline_people:
            self.canv.showOutline()


# -- the export -----------------------------------------------------------------------------------


def export_packets_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    participant_ids: Sequence[int] | None = None,
    separate_files: bool = False,
    badge_layout: str = DEFAULT_PACKET_BADGE,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Attendee packets of an event; ``rows`` of the result = packets written.

    ``participant_ids``: only those people (any status), else everyone still expected, in
    Spanish name order. ``separate_files``: ``out_path`` is a folder (created if missing, inside
    an existing folder) that receives one PDF per participant, named
    "JI27-0001 Peña Núñez, Ximena.pdf"; files of the same name are replaced, other files are
    left alone, and nothing appears in the folder until every packet is written. Otherwise
    ``out_path`` is one .pdf with every packet. ``badge_layout``: the label layout whose label
    size the badge page uses (``badges.layout_names()``). ``page_size``: letter or a4.
    """
    pagesize = pagesize_of(page_size)
    layout = load_layout(badge_layout)
    target = Path(out_path).expanduser()
    if separate_files:
        check_folder_target(target)
    check_abort(abort)
    with streaming_reader(sessions) as session:
        data = load_packets(session, event_id, participant_ids)
    if not data.people:
        raise TalentDeskError(f"No hay participantes a quienes preparar paquete en «{data.event.title}».")
    total = len(data.people)
    glyphs = check_packets(data)
    shared = SharedSections(data, pagesize)
    if separate_files:
        _write_folder(data, shared, layout, pagesize, target, progress, abort)
    else:
        _write_combined(data, shared, layout, pagesize, target, progress, abort)
    if progress is not None:
        progress(total, total)
    # Each packet carries the participants' directory: those listed are in the file too.
    inside = {p.id for p in data.people} | {entry.participant_id for entry in data.directory}
    return ExportResult(
        Path(out_path), total, glyphs.warnings(), participant_ids=sorted(inside), people=len(inside)
    )


def check_packets(data: PacketsData) -> GlyphCheck:
    """The packets' texts the font cannot draw: each person's name, organisation and chapter
    (cover, letter, badge), the agenda and the participants' directory."""
    glyphs = GlyphCheck()
    for person in data.people:
        check_badge(glyphs, person.badge)
        where = f"participante {person.code}"
        glyphs.check(where, person.full_name)
        glyphs.check(where, person.organization)
    check_agenda(glyphs, data.agenda)
    for entry in data.directory:
        for text in (entry.name, entry.organization, entry.chapter, entry.city):
            glyphs.check("directorio de participantes", text)
    return glyphs


def _write_combined(
    data: PacketsData,
    shared: SharedSections,
    layout: LabelLayout,
    pagesize: tuple[float, float],
    target: Path,
    progress: Progress | None,
    abort: threading.Event | None,
) -> None:
    total = len(data.people)
    st = packet_styles()
    width = frame_width(pagesize)

    def packets() -> Iterator[list[Flowable]]:
        for index, person in enumerate(data.people):
            story = packet_story(person, data, shared, layout, width, st, index=index)
            yield story if index == 0 else [PageBreak(), *story]

    def on_packet(index: int) -> None:
        if progress is not None:
            progress(index, total)

    with atomic_output(target, suffix=".pdf") as temp:
        doc = _PacketDoc(
            temp,
            title=f"Paquetes de participantes — {data.event.title}",
            subject=f"{total} paquete{'s' if total != 1 else ''} · {data.event.dates}",
            pagesize=pagesize,
            event_title=data.event.title,
            outline_people=True,
            abort=abort,
            on_packet=on_packet,
        )
        with pages_fit(doc.title):
            doc.build([Feed(packets())])
        check_abort(abort)


def _write_one(
    person: PacketPerson,
    data: PacketsData,
    shared: SharedSections,
    layout: LabelLayout,
    pagesize: tuple[float, float],
    path: Path,
    abort: threading.Event | None,
) -> None:
    doc = _PacketDoc(
        path,
        title=f"Paquete de {person.full_name} — {data.event.title}",
        subject=f"Paquete del participante {person.code} · {data.event.dates}",
        pagesize=pagesize,
        event_title=data.event.title,
        outline_people=False,
        abort=abort,
    )
    with pages_fit(doc.title):
        doc.build(packet_story(person, data, shared, layout, frame_width(pagesize), packet_styles()))


def _write_folder(
    data: PacketsData,
    shared: SharedSections,
    layout: LabelLayout,
    pagesize: tuple[float, float],
    target: Path,
    progress: Progress | None,
    abort: threading.Event | None,
) -> None:
    """One file per participant into ``target`` (:func:`packets_folder.write_folder`)."""
    people = data.people

    def write(index: int, path: Path) -> None:
        _write_one(people[index], data, shared, layout, pagesize, path, abort)

    write_folder(target, unique_names(people), write, progress, abort)


__all__ = [
    "export_packets_pdf",
    "packet_story",
]
