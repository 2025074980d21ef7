"""Sign-in sheets (*listas de asistencia*): one sheet per session, per day, or per event day.

Who is listed: every participant of the event expected to come — status «Confirmado»,
«Registrado» or «Asistió» (``services.event_workflow.COMING``); invited people who never confirmed,
those who declined or cancelled, and no-shows are left out. ``statuses`` changes that list.
Sessions have no registrations of their own, so a session's sheet lists the same expected
participants as its day (people sign the session they walked into); the session's speakers
and moderator are tagged so the desk can spot them.

The organisation column is printed for members only when they allowed their employer
(``consent.public_organization``): the sheet lies open on the desk for everyone to read.

Names are printed surnames first ("Núñez de la Garza, José María") and sorted the Spanish way
(paterno, materno, nombres; ñ after n), as paper lists are searched by surname. Each section
starts on a new page; its title and the column headers are repeated on every page (they are
the table's repeated rows), and a few numbered blank rows at the end take walk-ins.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.dates import spanish_date, spanish_day, time_range
from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import NotFoundError, TalentDeskError
from talentdesk.core.events import AgendaSession, Participant, Room, session_speakers
from talentdesk.core.models import Member
from talentdesk.core.text import clean
from talentdesk.db.session import SessionFactory, read_scope
from talentdesk.exports.agenda_pdf import HEADER_SIZE, ProgressTick
from talentdesk.exports.consent import public_organization
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.pdf import (
    FONT,
    FONT_BOLD,
    GREEN,
    GREY,
    GlyphCheck,
    NumberedDocTemplate,
    capitalized,
    fit_text,
    pagesize_of,
    styles,
)
from talentdesk.services.event_view import EventInfo, load_event
from talentdesk.services.event_workflow import COMING

#: Who a sign-in sheet lists unless told otherwise: people expected at the event.
EXPECTED_STATUSES = COMING
HEADER_FILL = colors.HexColor("#e8f0ec")
ROW_RULE = colors.HexColor("#9aa59f")
ROW_HEIGHT = 10.5 * mm  # room to sign
PAD = 3.0
MARGIN = 15 * mm


@dataclass(frozen=True)
class _Person:
    id: int
    code: str
    surnames: str
    given_names: str
    organization: str | None  # only what may be printed (``consent.public_organization``)


@dataclass(frozen=True)
class _Section:
    kicker: str  # 'Lista de asistencia · Sesión'
    title: str  # the session's title or the day
    details: str  # day, time, room
    tags: dict[int, str]  # participant id -> 'Ponente en esta sesión'


def export_signin_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    session_id: int | None = None,
    day: date | None = None,
    page_size: str = "letter",
    statuses: Iterable[ParticipantStatus | str] | None = None,
    blank_rows: int = 5,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sign-in sheets of one session (``session_id``), one day (``day``) or, with neither, one
    section per event day. ``statuses`` replaces who is listed (codes or Spanish labels);
    ``blank_rows`` is the most numbered blank rows for walk-ins at the end of each section.
    ``rows`` counts the participant lines printed over all sections."""
    size = pagesize_of(page_size)
    wanted = _statuses(statuses)
    if session_id is not None and day is not None:
        raise TalentDeskError("Lista de asistencia: indique una sesión o un día, no ambos.")
    if blank_rows < 0:
        raise TalentDeskError("Lista de asistencia: el número de renglones en blanco no puede ser negativo.")
    check_abort(abort)
    with read_scope(sessions) as session:
        event = load_event(session, event_id)
        sections = _sections(session, event, session_id, day)
        people = _expected(session, event_id, wanted)
    if not people:
        labels = ", ".join(f"«{s.label}»" for s in ParticipantStatus if s in wanted)
        raise TalentDeskError(
            f"«{event.title}» no tiene participantes con estatus {labels}: no hay a quién poner en la "
            "lista de asistencia."
        )
    glyphs = GlyphCheck()
    for person in people:
        where = f"participante {person.code}"
        glyphs.check(where, f"{person.given_names} {person.surnames}")
        glyphs.check(where, person.organization)
    header = fit_text(f"Lista de asistencia · {event.title}", FONT_BOLD, HEADER_SIZE, size[0] - 2 * MARGIN)
    with atomic_output(out_path, suffix=".pdf") as temp:
        doc = NumberedDocTemplate(
            temp,
            title=f"Lista de asistencia — {event.title}",
            subject=sections[0].title if len(sections) == 1 else f"Listas de asistencia, {event.dates}",
            pagesize=size,
            margins_mm=MARGIN / mm,
            header=lambda _d: header,
            progress=progress,
            progress_total=len(sections),
            abort=abort,
        )
        story: list[Flowable] = []
        for n, section in enumerate(sections):
            if n:
                story.append(PageBreak())
            story.append(_sheet(event, section, people, blank_rows, (doc.width - 12, doc.height - 12)))
            story.append(ProgressTick(doc, n + 1))
        doc.build(story)
    if progress is not None:
        progress(len(sections), len(sections))
    return ExportResult(
        Path(out_path),
        len(people) * len(sections),
        glyphs.warnings(),
        participant_ids=[p.id for p in people],
        people=len(people),
    )


def _statuses(statuses: Iterable[ParticipantStatus | str] | None) -> frozenset[ParticipantStatus]:
    if statuses is None:
        return EXPECTED_STATUSES
    out = set()
    for value in statuses:
        try:
            out.add(value if isinstance(value, ParticipantStatus) else ParticipantStatus.parse(str(value)))
        except ValueError:
            known = ", ".join(s.label for s in ParticipantStatus)
            raise TalentDeskError(f"Estatus desconocido «{value}». Estatus posibles: {known}.") from None
    if not out:
        raise TalentDeskError("Lista de asistencia: indique al menos un estatus.")
    return frozenset(out)  # type: ignore[arg-type]


def _sections(session: Session, event: EventInfo, session_id: int | None, day: date | None) -> list[_Section]:
    if session_id is not None:
        return [_session_section(session, event, session_id)]
    days = event.days()
    if day is not None:
        if day not in days:
            raise TalentDeskError(f"El {spanish_date(day)} no es un día de «{event.title}» ({event.dates}).")
        days = [day]
    place = event.place
    return [
        _Section(
            kicker="Lista de asistencia",
            title=capitalized(spanish_day(d)),
            details=place,
            tags={},
        )
        for d in days
    ]


def _session_section(session: Session, event: EventInfo, session_id: int) -> _Section:
    item = session.get(AgendaSession, session_id)
    if item is None or item.event_id != event.id:
        raise NotFoundError(f"No existe la sesión con id {session_id} en «{event.title}».")
    room = session.scalar(select(Room.name).where(Room.id == item.room_id)) if item.room_id else None
    details = [
        capitalized(spanish_day(item.starts_at.date())),
        time_range(item.starts_at, item.ends_at),
        room or "Sala por confirmar",
    ]
    tags: dict[int, str] = {}
    for pid in session.scalars(
        select(session_speakers.c.participant_id).where(session_speakers.c.session_id == session_id)
    ):
        tags[pid] = "Ponente en esta sesión"
    if item.moderator_id is not None:
        tags[item.moderator_id] = "Modera esta sesión"
    return _Section(
        kicker=f"Lista de asistencia · {item.kind.label}",
        title=item.title,
        details=" · ".join(details),
        tags=tags,
    )


def _expected(session: Session, event_id: int, wanted: frozenset[ParticipantStatus]) -> list[_Person]:
    rows = session.execute(
        select(
            Participant.id,
            Participant.code,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.organization,
            Participant.member_id,
            Member.directory_consent,
            Member.print_fields_raw,
        )
        .outerjoin(Member, Member.id == Participant.member_id)
        .where(Participant.event_id == event_id, Participant.status.in_(sorted(wanted)))
        .order_by(Participant.sort_key, Participant.id)
    )
    return [
        _Person(
            pid,
            code,
            " ".join(p for p in (clean(paternal), clean(maternal)) if p),
            clean(given),
            public_organization(org, member_id, consent, print_fields),
        )
        for pid, code, given, paternal, maternal, org, member_id, consent, print_fields in rows
    ]


def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = base["body"]
    return {
        "kicker": ParagraphStyle("kicker", parent=base["muted"], fontName=FONT_BOLD, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=GREEN
        ),
        "details": ParagraphStyle("details", parent=body, fontSize=9, leading=11.5),
        "event": ParagraphStyle("event", parent=base["muted"], fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "number": ParagraphStyle(
            "number", parent=body, fontSize=8.5, leading=10.5, alignment=2, textColor=GREY
        ),
        "name": ParagraphStyle("name", parent=body, fontSize=9.5, leading=11.5),
        "org": ParagraphStyle("org", parent=body, fontSize=8.5, leading=10.5),
        "tag": ParagraphStyle(
            "tag", parent=base["muted"], fontName=FONT_BOLD, fontSize=7, leading=8.5, textColor=GREEN
        ),
    }


def _sheet(
    event: EventInfo,
    section: _Section,
    people: list[_Person],
    blank_rows: int,
    frame: tuple[float, float],
) -> Table:
    """One section: a table whose first two rows (title, column headers) repeat on every page.

    The blank rows for walk-ins go on the last page only as far as it has room: never a
    page of blank rows alone. ``frame`` is the usable width and height of a page's frame.
    """
    table = _table(event, section, people, 0, frame[0])
    room = frame[1] - _last_page_height(table, frame)
    return _table(event, section, people, min(blank_rows, max(0, int(room // ROW_HEIGHT))), frame[0])


def _last_page_height(table: Table, frame: tuple[float, float]) -> float:
    """How tall the part of ``table`` on its last page is (sections start on a fresh page)."""
    width, height = frame
    part = table
    while True:
        _w, h = part.wrap(width, height)
        if h <= height:
            return float(h)
        pieces = part.split(width, height)
        if len(pieces) < 2:
            return float(height)  # cannot tell: leave no room
        part = pieces[-1]


def _table(
    event: EventInfo, section: _Section, people: list[_Person], blank_rows: int, width: float
) -> Table:
    st = _styles()
    widths = [10 * mm, 60 * mm, 45 * mm]
    widths.append(width - sum(widths))
    title_cell: list[Flowable] = [
        Paragraph(escape(section.kicker.upper()), st["kicker"]),
        Paragraph(escape(section.title), st["title"]),
        Paragraph(escape(section.details), st["details"]) if section.details else Spacer(1, 0),
        Paragraph(escape(f"{event.title} · {event.dates}"), st["event"]),
    ]
    data: list[list[object]] = [
        [title_cell, "", "", ""],
        [
            Paragraph("No.", st["head"]),
            Paragraph("Nombre", st["head"]),
            Paragraph("Organización", st["head"]),
            Paragraph("Firma", st["head"]),
        ],
    ]
    for n, person in enumerate(people, start=1):
        name = f"<b>{escape(person.surnames)}</b>, {escape(person.given_names)}"
        name_cell: list[Flowable] = [Paragraph(name, st["name"])]
        tag = section.tags.get(person.id)
        if tag:
            name_cell.append(Paragraph(escape(tag), st["tag"]))
        data.append(
            [
                Paragraph(str(n), st["number"]),
                name_cell,
                Paragraph(escape(person.organization or ""), st["org"]),
                Spacer(1, ROW_HEIGHT - 2 * PAD),  # a minimum height; long names still fit
            ]
        )
    for n in range(len(people) + 1, len(people) + blank_rows + 1):
        data.append([Paragraph(str(n), st["number"]), "", "", Spacer(1, ROW_HEIGHT - 2 * PAD)])
    table = Table(data, colWidths=widths, repeatRows=2, splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 7),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, GREEN),
                ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
                ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, GREEN),
                ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 2), (-1, -1), 0.4, ROW_RULE),
                ("LINEBEFORE", (1, 1), (-1, -1), 0.3, colors.HexColor("#c4ccc8")),
                ("BOX", (0, 1), (-1, -1), 0.6, ROW_RULE),
                ("LEFTPADDING", (0, 1), (-1, -1), 4),
                ("RIGHTPADDING", (0, 1), (-1, -1), 4),
                ("TOPPADDING", (0, 1), (-1, -1), PAD),
                ("BOTTOMPADDING", (0, 1), (-1, -1), PAD),
            ]
        )
    )
    return table
