"""Attendee packets: for each participant a cover, the welcome letter, the personal itinerary,
the agenda with their own sessions marked, the participants' directory and the badge.

One combined PDF (each packet starts on a new page and has its own "Página x de y" and an
outline entry) or one PDF per participant in a folder (all or nothing: written into a
temporary folder beside the target and moved in only when every file succeeded).

Speed for hundreds of packets comes from three things:

* the event is read once (:func:`load_packets`): agenda, participants, travel, lodging,
  directory, letter template — a handful of queries whatever the number of packets;
* the sections every packet shares are *laid out once*: the participants' directory is the same
  in every packet and the agenda differs only by which sessions are marked, so each distinct
  section is laid out by platypus a single time into pages of placed flowables
  (:class:`_SharedPages`, recorded by a frame that notes where flowables go instead of
  drawing them) and replayed into each packet. Flowables cannot simply be put into several
  documents: layout marks and splits them;
* in the combined PDF a replayed page is drawn once as a PDF form and referenced from every
  packet, so 300 copies of the directory cost one drawing and one copy in the file.

Consent (LFPDPPP): the participants' directory lists only the participants linked to a member
who consented to appear in printed directories, each with only the contact fields that member
allowed (``exports.consent``). Guests without a member record gave no consent on record and
are not listed; the directory says so in one line.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable, HRFlowable
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from talentdesk.core.countries import country_name
from talentdesk.core.dates import spanish_dates_phrase, spanish_day, time_range
from talentdesk.core.enums import ParticipantRole, PrintField
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.events import Lodging, Participant, Travel
from talentdesk.core.models import Chapter, Member
from talentdesk.core.oserrors import os_reason
from talentdesk.core.text import full_name
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.agenda_pdf import (
    AgendaData,
    EventInfo,
    agenda_story,
    check_agenda,
    load_agenda,
)
from talentdesk.exports.badges import (
    DEFAULT_STATUSES,
    PARTICLES,
    ROLE_COLORS,
    BadgeData,
    LabelLayout,
    check_badge,
    draw_badge,
    load_badges,
    load_layout,
)
from talentdesk.exports.consent import allowed_fields, listed_clause
from talentdesk.exports.directory_pdf import display_phone
from talentdesk.exports.files import (
    ExportCancelled,
    ExportResult,
    Progress,
    atomic_output,
    check_abort,
    output_mode,
    work_folder,
)
from talentdesk.exports.pdf import (
    FONT,
    FONT_BOLD,
    GREEN,
    GREY,
    GlyphCheck,
    capitalized,
    document_metadata,
    fit_text,
    page_margins,
    pages_fit,
    pagesize_of,
    register_fonts,
    styles,
)
from talentdesk.services.document_settings import fill_template, welcome_letter

DEFAULT_BADGE_LAYOUT = "a6"
NETWORK = "Red de Talentos Mexicanos"
INSTITUTE = "Instituto de los Mexicanos en el Exterior"
INK = colors.HexColor("#1d1d1f")
RULE = colors.HexColor("#c9d3ce")
LABEL_FILL = colors.HexColor("#f4f8f6")
CHUNK = 500  # ids per IN (...) query

SECTION_LETTER = "Carta de bienvenida"
SECTION_ITINERARY = "Itinerario personal"
SECTION_AGENDA = "Agenda"
SECTION_DIRECTORY = "Directorio de participantes"
SECTION_BADGE = "Gafete"
SECTIONS = (SECTION_LETTER, SECTION_ITINERARY, SECTION_AGENDA, SECTION_DIRECTORY, SECTION_BADGE)
NO_FLIGHT = "Sin información de vuelo"
NO_LODGING = "Sin hospedaje registrado"

# -- data, read once ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlightLeg:
    flight: str | None
    airline: str | None
    at: datetime | None
    airport: str | None
    terminal: str | None

    @property
    def empty(self) -> bool:
        return not any((self.flight, self.airline, self.at, self.airport, self.terminal))


@dataclass(frozen=True)
class Itinerary:
    """Travel and lodging of one participant (None: nothing recorded)."""

    arrival: FlightLeg | None = None
    departure: FlightLeg | None = None
    needs_transfer: bool | None = None  # None: no travel record at all
    hotel: str | None = None
    room: str | None = None
    check_in: date | None = None
    check_out: date | None = None
    confirmation: str | None = None
    shares_with: str | None = None  # the roommate's name

    @property
    def has_flights(self) -> bool:
        return any(leg is not None and not leg.empty for leg in (self.arrival, self.departure))

    @property
    def has_lodging(self) -> bool:
        return any((self.hotel, self.room, self.check_in, self.check_out, self.confirmation))

    @property
    def nights(self) -> int | None:
        if self.check_in is None or self.check_out is None or self.check_out <= self.check_in:
            return None
        return (self.check_out - self.check_in).days


@dataclass(frozen=True)
class PacketPerson:
    """One packet's participant, as plain values."""

    id: int
    code: str
    given_names: str
    paternal_surname: str
    maternal_surname: str | None
    role: ParticipantRole
    organization: str | None
    chapter: str | None
    itinerary: Itinerary
    badge: BadgeData

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.paternal_surname, self.maternal_surname)

    @property
    def surnames(self) -> str:
        return " ".join(p for p in (self.paternal_surname, self.maternal_surname) if p)

    @property
    def sorted_name(self) -> str:
        """'Peña Núñez, Ximena' — as lists sorted the Spanish way print it."""
        return f"{self.surnames}, {self.given_names}" if self.given_names else self.surnames


@dataclass(frozen=True)
class DirectoryEntry:
    """A participant as the participants' directory may show them (consent applied)."""

    participant_id: int
    name: str  # 'Peña Núñez, Ximena'
    role: ParticipantRole
    chapter: str | None
    organization: str | None  # only if the member allowed 'employer'
    city: str | None  # only if allowed
    country: str | None  # country name; not a contact field
    email: str | None  # only if allowed
    phone: str | None  # only if allowed, formatted


@dataclass(frozen=True)
class PacketsData:
    """Everything the packets print, read in one go (safe to keep and draw many times)."""

    event: EventInfo
    agenda: AgendaData
    people: tuple[PacketPerson, ...]
    directory: tuple[DirectoryEntry, ...]
    letter_template: str


def load_packets(
    session: Session, event_id: int, participant_ids: Sequence[int] | None = None
) -> PacketsData:
    """The event, its agenda and directory and the selected participants, in Spanish name order.

    Default selection: everyone still expected (``badges.DEFAULT_STATUSES``: invited,
    confirmed, registered, attended). ``participant_ids``: exactly those, whatever their status;
    an id from another event is a Spanish error.
    """
    agenda = load_agenda(session, event_id)  # NotFoundError for an unknown event
    badges = load_badges(session, event_id, participant_ids=participant_ids)
    ids = [b.participant_id for b in badges]
    rows: dict[int, tuple[Any, ...]] = {}
    roommates: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = (
            select(
                Participant.id,
                Travel.arrival_flight,
                Travel.arrival_airline,
                Travel.arrival_at,
                Travel.arrival_airport,
                Travel.arrival_terminal,
                Travel.departure_flight,
                Travel.departure_airline,
                Travel.departure_at,
                Travel.departure_airport,
                Travel.departure_terminal,
                Travel.needs_transfer,
                Travel.participant_id,
                Lodging.hotel,
                Lodging.room,
                Lodging.check_in,
                Lodging.check_out,
                Lodging.confirmation,
                Lodging.shares_with_id,
            )
            .outerjoin(Travel, Travel.participant_id == Participant.id)
            .outerjoin(Lodging, Lodging.participant_id == Participant.id)
            .where(Participant.id.in_(chunk))
        )
        for found in session.execute(query):
            values: tuple[Any, ...] = tuple(found)
            rows[values[0]] = values
            if values[-1] is not None:
                roommates[values[0]] = values[-1]
    names: dict[int, str] = {}
    if roommates:
        mate_ids = sorted(set(roommates.values()))
        for start in range(0, len(mate_ids), CHUNK):
            for pid, given, paternal, maternal in session.execute(
                select(
                    Participant.id,
                    Participant.given_names,
                    Participant.paternal_surname,
                    Participant.maternal_surname,
                ).where(Participant.id.in_(mate_ids[start : start + CHUNK]))
            ):
                names[pid] = full_name(given, paternal, maternal)
    people = []
    for badge in badges:
        row = rows[badge.participant_id]
        travel = row[12] is not None
        itinerary = Itinerary(
            arrival=FlightLeg(*row[1:6]) if travel else None,
            departure=FlightLeg(*row[6:11]) if travel else None,
            needs_transfer=bool(row[11]) if travel else None,
            hotel=row[13],
            room=row[14],
            check_in=row[15],
            check_out=row[16],
            confirmation=row[17],
            shares_with=names.get(row[18]) if row[18] is not None else None,
        )
        people.append(
            PacketPerson(
                id=badge.participant_id,
                code=badge.code,
                given_names=badge.given_names,
                paternal_surname=badge.paternal_surname,
                maternal_surname=badge.maternal_surname,
                role=badge.role,
                organization=badge.organization,
                chapter=badge.chapter,
                itinerary=itinerary,
                badge=badge,
            )
        )
    return PacketsData(
        event=agenda.event,
        agenda=agenda,
        people=tuple(people),
        directory=tuple(load_directory(session, event_id)),
        letter_template=welcome_letter(session),
    )


def load_directory(session: Session, event_id: int) -> list[DirectoryEntry]:
    """The participants' directory: expected participants linked to a member who consented,
    with only the contact fields that member allowed, in Spanish name order.

    E-mail, phone and organisation are the participant's own copies (what they registered
    with for this event; the organisation is the member's employer, so it follows the
    'employer' permission); the city is the member's.
    """
    chapter = aliased(Chapter)
    query = (
        select(
            Participant.id,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.role,
            Participant.organization,
            Participant.email,
            Participant.phone,
            Participant.country,
            Member.city,
            chapter.name,
            Member.directory_consent,
            Member.print_fields_raw,
        )
        .join(Member, Member.id == Participant.member_id)
        .outerjoin(chapter, chapter.id == Member.chapter_id)
        .where(
            Participant.event_id == event_id,
            Participant.status.in_(DEFAULT_STATUSES),
            listed_clause(),
        )
        .order_by(Participant.sort_key, Participant.id)
    )
    out = []
    for (
        pid,
        given,
        paternal,
        maternal,
        role,
        org,
        email,
        phone,
        country,
        city,
        chap,
        consent,
        raw,
    ) in session.execute(query):
        allowed = allowed_fields(consent, raw)
        surnames = " ".join(p for p in (paternal, maternal) if p)
        out.append(
            DirectoryEntry(
                participant_id=pid,
                name=f"{surnames}, {given}" if given else surnames,
                role=ParticipantRole(role),
                chapter=chap,
                organization=org if PrintField.EMPLOYER in allowed else None,
                city=city if PrintField.CITY in allowed else None,
                country=country_name(country) or None if country else None,
                email=email if PrintField.EMAIL in allowed else None,
                phone=display_phone(phone) if phone and PrintField.PHONE in allowed else None,
            )
        )
    return out


def letter_values(event: EventInfo, person: PacketPerson) -> dict[str, str]:
    """The welcome letter's fields (``document_settings.WELCOME_FIELDS``) for one participant.

    ``fechas`` is written as inside a sentence ("los días 18 y 19 de febrero de 2027"), the way
    the default letter uses it ("que se celebrará {fechas} en {sede}").
    """
    organization = person.organization or (f"Capítulo {person.chapter}" if person.chapter else "")
    return {
        "nombre": person.full_name,
        "nombres": person.given_names,
        "evento": event.name,
        "edicion": event.edition or "",
        "fechas": spanish_dates_phrase(event.starts_on, event.ends_on),
        "sede": event.venue_name or "",
        "ciudad": event.city or "",
        "organizacion": organization,
        "codigo": person.code,
    }


_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:])")
_SPACES = re.compile(r"[ \t]{2,}")


def letter_text(template: str, event: EventInfo, person: PacketPerson) -> str:
    """The filled letter; an empty field leaves no double space nor a space before a comma."""
    text = fill_template(template, letter_values(event, person))
    return _SPACES.sub(" ", _SPACE_BEFORE_PUNCT.sub(r"\1", text))


# -- styles ---------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = base["body"]
    return {
        **base,
        "h1": ParagraphStyle("pk_h1", parent=base["h1"], fontSize=17, leading=21, spaceAfter=2),
        "lead": ParagraphStyle("pk_lead", parent=base["muted"], fontSize=9.5, leading=12.5, spaceAfter=8),
        "h2": ParagraphStyle(
            "pk_h2", parent=base["h2"], textColor=GREEN, spaceBefore=10, spaceAfter=4, keepWithNext=1
        ),
        "letter": ParagraphStyle("pk_letter", parent=body, fontSize=10.5, leading=15.5, spaceAfter=9),
        "letterhead": ParagraphStyle(
            "pk_letterhead", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12, textColor=GREEN
        ),
        "letterhead_muted": ParagraphStyle("pk_lh_muted", parent=base["muted"], fontSize=8.5, leading=11),
        "label": ParagraphStyle("pk_label", parent=base["muted"], fontSize=8.5, leading=11),
        "value": ParagraphStyle("pk_value", parent=body, fontSize=9.5, leading=12),
        "value_bold": ParagraphStyle(
            "pk_value_bold", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12
        ),
        "none": ParagraphStyle("pk_none", parent=base["muted"], fontSize=9.5, leading=12.5),
        "th": ParagraphStyle("pk_th", parent=base["muted"], fontName=FONT_BOLD, fontSize=7.5, leading=9),
        "cell": ParagraphStyle("pk_cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle(
            "pk_cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5
        ),
        "cell_muted": ParagraphStyle("pk_cell_muted", parent=base["muted"], fontSize=7.8, leading=9.8),
        "center_muted": ParagraphStyle("pk_center_muted", parent=base["muted"], alignment=TA_CENTER),
    }


# -- sections -------------------------------------------------------------------------------------


def _when(at: datetime) -> str:
    """'Miércoles 17 de febrero de 2027, 14:30 h'."""
    return f"{capitalized(spanish_day(at.date()))}, {at.hour}:{at.minute:02d} h"


def _kv_table(rows: list[tuple[str, str | Flowable]], width: float, st: dict[str, ParagraphStyle]) -> Table:
    label_w = 44 * mm
    data = [
        [
            Paragraph(escape(label), st["label"]),
            value if isinstance(value, Flowable) else Paragraph(value, st["value"]),
        ]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_w, width - label_w])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, GREEN),
            ]
        )
    )
    return table


def _leg_rows(leg: FlightLeg) -> list[tuple[str, str | Flowable]]:
    flight = " · ".join(escape(p) for p in (leg.flight, leg.airline) if p)
    airport = escape(leg.airport or "")
    if leg.terminal:
        airport = (
            f"{airport} · Terminal {escape(leg.terminal)}" if airport else f"Terminal {escape(leg.terminal)}"
        )
    return [
        ("Vuelo", f"<b>{flight}</b>" if flight else "—"),
        ("Fecha y hora", escape(_when(leg.at)) if leg.at else "—"),
        ("Aeropuerto", airport or "—"),
    ]


def itinerary_story(
    person: PacketPerson, agenda: AgendaData, width: float, st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """Flights, airport transfer, hotel, and the participant's own sessions."""
    it = person.itinerary
    story: list[Flowable] = [
        Paragraph(SECTION_ITINERARY, st["h1"]),
        Paragraph(f"{escape(person.full_name)} · {escape(person.code)}", st["lead"]),
        Paragraph("Vuelos", st["h2"]),
    ]
    if not it.has_flights:
        story.append(Paragraph(f"{NO_FLIGHT}.", st["none"]))
    else:
        for title, leg in (("Llegada", it.arrival), ("Salida", it.departure)):
            story.append(
                Paragraph(title, ParagraphStyle("leg", parent=st["value_bold"], spaceBefore=4, spaceAfter=3))
            )
            if leg is None or leg.empty:
                story.append(Paragraph(f"{NO_FLIGHT} de {title.lower()}.", st["none"]))
            else:
                story.append(_kv_table(_leg_rows(leg), width, st))
        transfer = "Sí" if it.needs_transfer else "No"
        story.append(Spacer(1, 6))
        story.append(_kv_table([("Traslado aeropuerto–hotel", f"<b>{transfer}</b>")], width, st))
    story.append(Paragraph("Hospedaje", st["h2"]))
    if not it.has_lodging:
        story.append(Paragraph(f"{NO_LODGING}.", st["none"]))
    else:
        nights = it.nights
        if nights is not None:
            nights_text = f"{nights} noche{'s' if nights != 1 else ''}"
        elif it.check_in and it.check_out:
            nights_text = "— (fechas por confirmar con el comité organizador)"
        else:
            nights_text = "—"
        rows: list[tuple[str, str | Flowable]] = [
            ("Hotel", f"<b>{escape(it.hotel)}</b>" if it.hotel else "—"),
            ("Habitación", escape(it.room) if it.room else "—"),
            ("Entrada (check-in)", escape(capitalized(spanish_day(it.check_in))) if it.check_in else "—"),
            ("Salida (check-out)", escape(capitalized(spanish_day(it.check_out))) if it.check_out else "—"),
            ("Noches", nights_text),
            ("Confirmación", f"<b>{escape(it.confirmation)}</b>" if it.confirmation else "—"),
        ]
        if it.shares_with:
            rows.append(("Comparte habitación con", escape(it.shares_with)))
        story.append(_kv_table(rows, width, st))
    own = agenda.sessions_of(person.id)
    if own:
        story.append(Paragraph("Sus sesiones", st["h2"]))
        rows = []
        for item in agenda.sessions:
            if item.id not in own:
                continue
            part = "Modera" if item.moderator is not None and item.moderator.id == person.id else "Ponente"
            if part == "Modera" and any(p.id == person.id for p in item.speakers):
                part = "Modera y es ponente"
            when = f"{capitalized(spanish_day(item.starts_at.date()))}, {time_range(item.starts_at, item.ends_at)}"
            text = f"<b>{escape(item.title)}</b><br/>{escape(item.room or 'Sala por confirmar')} · {part}"
            rows.append((when, text))
        story.append(_kv_table(rows, width, st))
    return story


def letter_story(text: str, event: EventInfo, width: float, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The filled letter: blank lines separate paragraphs, single line breaks are kept."""
    story: list[Flowable] = [
        Paragraph(f"{INSTITUTE.upper()} · {NETWORK.upper()}", st["letterhead"]),
        Paragraph(escape(f"{event.title} · {capitalized(event.dates)}"), st["letterhead_muted"]),
        HRFlowable(width=width, thickness=1, color=GREEN, spaceBefore=4, spaceAfter=18),
    ]
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [escape(line.strip()) for line in block.splitlines()]
        story.append(Paragraph("<br/>".join(lines), st["letter"]))
    return story


def directory_story(
    entries: Sequence[DirectoryEntry], event: EventInfo, width: float, st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(SECTION_DIRECTORY, st["h1"]),
        Paragraph(
            f"{escape(event.title)}. Aparecen sólo los participantes que autorizaron figurar en directorios "
            "impresos, con los datos de contacto que cada uno permitió.",
            st["lead"],
        ),
    ]
    if not entries:
        story.append(
            Paragraph("Ningún participante ha autorizado aún aparecer en este directorio.", st["none"])
        )
        return story
    widths = [width * 0.34, width * 0.30, width * 0.36]
    contact_room = widths[2] - 10  # minus the cell paddings
    data: list[list[Any]] = [
        [
            Paragraph("PARTICIPANTE", st["th"]),
            Paragraph("ORGANIZACIÓN Y LUGAR", st["th"]),
            Paragraph("CONTACTO", st["th"]),
        ]
    ]
    for e in entries:
        who = [Paragraph(escape(e.name), st["cell_bold"])]
        detail = e.role.label + (f" · Capítulo {e.chapter}" if e.chapter else "")
        who.append(Paragraph(escape(detail), st["cell_muted"]))
        where = []
        if e.organization:
            where.append(Paragraph(escape(e.organization), st["cell"]))
        place = ", ".join(p for p in (e.city, e.country) if p)
        if place:
            where.append(Paragraph(escape(place), st["cell_muted"]))
        contact = [_one_line(v, st["cell"], contact_room) for v in (e.email, e.phone) if v]
        data.append([who, where or "", contact or ""])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, 0), 1, GREEN),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            f"{len(entries)} participante{'s' if len(entries) != 1 else ''} en el directorio.", st["muted"]
        )
    )
    return story


def _one_line(text: str, style: ParagraphStyle, width: float, smallest: float = 6.5) -> Paragraph:
    """A paragraph set a little smaller when that keeps it on one line (an e-mail broken in two
    is easy to mistype); wraps only below ``smallest``."""
    needed = stringWidth(text, style.fontName, style.fontSize)
    if needed <= width:
        return Paragraph(escape(text), style)
    size = max(smallest, style.fontSize * width / needed * 0.995)
    return Paragraph(f'<font size="{size:.2f}">{escape(text)}</font>', style)


def agenda_section_story(
    agenda: AgendaData, marked: Set[int], width: float, st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    head: list[Flowable] = [
        Paragraph(SECTION_AGENDA, st["h1"]),
        Paragraph(escape(f"{agenda.event.title} · {capitalized(agenda.event.dates)}"), st["lead"]),
    ]
    return head + agenda_story(agenda, marked, width=width, title_block=False)


# -- flowables drawn directly ---------------------------------------------------------------------


def _fit_lines(
    text: str, font: str, width: float, max_size: float, min_size: float
) -> tuple[list[str], float]:
    """One line at the largest size ≤ max_size that fits; below min_size, two balanced lines.
    Never cut: a single word wider than the line is shrunk further."""
    one = stringWidth(text, font, 1) or 1.0
    size = min(max_size, width / one)
    if size >= min_size or " " not in text.strip():
        return [text], size
    words = text.split()
    best: tuple[bool, float, list[str]] | None = None
    for i in range(1, len(words)):
        lines = [" ".join(words[:i]), " ".join(words[i:])]
        widest = max(stringWidth(line, font, 1) for line in lines)
        key = (words[i - 1].casefold() in PARTICLES, widest)  # not 'Córdoba y / Villaseñor'
        if best is None or key < best[:2]:
            best = (*key, lines)
    assert best is not None
    return best[2], min(max_size, width / best[1])


class _Cover(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The first page of a packet: the event at the top, the participant's name large in the
    middle, role, affiliation and code, and what the packet holds at the bottom."""

    def __init__(self, person: PacketPerson, event: EventInfo, st: dict[str, ParagraphStyle]) -> None:
        super().__init__()
        self._person = person
        self._event = event
        self._st = st
        self._size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._size = (avail_width, avail_height - 1)
        return self._size

    def _para(self, text: str, style: ParagraphStyle, top: float) -> float:
        """Draw a centred paragraph with its top at ``top``; return its bottom."""
        width = self._size[0]
        para = Paragraph(text, style)
        _w, h = para.wrap(width, 1000)
        para.drawOn(self.canv, 0, top - h)
        return float(top - h)

    def draw(self) -> None:
        canvas: Canvas = self.canv
        width, height = self._size
        person, event = self._person, self._event
        center = width / 2
        base = self._st["body"]
        kicker = ParagraphStyle(
            "cv_kicker",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            textColor=GREY,
        )
        title = ParagraphStyle(
            "cv_title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=19,
            leading=24,
            alignment=TA_CENTER,
            textColor=GREEN,
        )
        line = ParagraphStyle("cv_line", parent=base, fontSize=11, leading=15, alignment=TA_CENTER)
        muted = ParagraphStyle(
            "cv_muted", parent=base, fontSize=9, leading=12, alignment=TA_CENTER, textColor=GREY
        )

        top = height
        top = self._para(f"{INSTITUTE.upper()} · {NETWORK.upper()}", kicker, top) - 4
        canvas.setStrokeColor(GREEN)
        canvas.setLineWidth(1.2)
        canvas.line(width * 0.3, top, width * 0.7, top)
        top = self._para(escape(event.title), title, top - 14) - 4
        top = self._para(escape(capitalized(event.dates)), line, top)
        if event.place:
            top = self._para(escape(event.place), line, top)
        if event.venue_address:
            top = self._para(escape(event.venue_address), muted, top)

        # The name block, centred around 55 % of the height.
        inner = width * 0.9
        given_lines, given_size = _fit_lines(person.given_names, FONT_BOLD, inner, 40, 26)
        sur_lines, sur_size = _fit_lines(person.surnames, FONT_BOLD, inner, 28, 18)
        sur_size = min(sur_size, given_size * 0.8)
        label_size = 9.0
        block = (
            label_size * 2.6 + len(given_lines) * given_size * 1.12 + len(sur_lines) * sur_size * 1.15 + 44
        )
        y = min(top - 40, height * 0.56 + block / 2)
        canvas.setFillColor(GREEN)
        canvas.setFont(FONT_BOLD, label_size)
        canvas.drawCentredString(center, y - label_size, "PAQUETE DEL PARTICIPANTE", charSpace=1.4)
        y -= label_size * 2.6
        canvas.setFillColor(INK)
        for text in given_lines:
            y -= given_size * 0.95
            canvas.setFont(FONT_BOLD, given_size)
            canvas.drawCentredString(center, y, text)
            y -= given_size * 0.17
        canvas.setFillColor(colors.HexColor("#3a3d42"))
        for text in sur_lines:
            y -= sur_size * 0.98
            canvas.setFont(FONT_BOLD, sur_size)
            canvas.drawCentredString(center, y, text)
            y -= sur_size * 0.17

        # Role pill.
        role = person.role.label.upper()
        pill_size = 10.0
        pill_w = stringWidth(role, FONT_BOLD, pill_size) + len(role) * 1.2 + 28
        pill_h = 22.0
        y -= 18 + pill_h
        canvas.setFillColor(ROLE_COLORS.get(person.role, GREEN))
        canvas.roundRect(center - pill_w / 2, y, pill_w, pill_h, 5, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, pill_size)
        canvas.drawCentredString(center, y + (pill_h - pill_size * 0.72) / 2, role, charSpace=1.2)

        top = y - 12
        if person.organization:
            top = self._para(escape(person.organization), line, top)
        if person.chapter:
            top = self._para(escape(f"Capítulo {person.chapter}"), muted, top)
        self._para(f"Código de participante: <b>{escape(person.code)}</b>", muted, top - 4)

        # Contents, at the bottom.
        items = " · ".join(SECTIONS)
        bottom_rule = 46.0
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(0, bottom_rule, width, bottom_rule)
        self._para(
            f'<font name="{FONT_BOLD}" color="#006847">En este paquete:</font> {escape(items)}',
            muted,
            bottom_rule - 8,
        )


CUT_GAP = 1.5 * mm
CUT_LENGTH = 5 * mm


class _BadgePage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The participant's badge at the layout's label size, centred, with cut marks at its
    corners (outside the badge) and a line saying what to do with it."""

    def __init__(self, badge: BadgeData, layout: LabelLayout, st: dict[str, ParagraphStyle]) -> None:
        super().__init__()
        self._badge = badge
        self._layout = layout
        self._st = st
        self._size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._size = (avail_width, avail_height - 1)
        return self._size

    def draw(self) -> None:
        canvas: Canvas = self.canv
        width, height = self._size
        title = Paragraph(SECTION_BADGE, self._st["h1"])
        _w, h = title.wrap(width, height)
        title.drawOn(canvas, 0, height - h)
        note = Paragraph(
            "Recorte el gafete por las marcas de las esquinas y colóquelo en su porta-gafete. "
            "Pórtelo durante todas las actividades del evento.",
            self._st["lead"],
        )
        _w, nh = note.wrap(width, height)
        top = height - h - 2
        note.drawOn(canvas, 0, top - nh)
        top -= nh + 10 + CUT_GAP + CUT_LENGTH
        badge_w, badge_h = self._layout.label_width_mm * mm, self._layout.label_height_mm * mm
        room_w = width - 2 * (CUT_GAP + CUT_LENGTH)
        room_h = top - (CUT_GAP + CUT_LENGTH)
        scale = min(1.0, room_w / badge_w, room_h / badge_h)  # a label larger than the page: shrink
        w, h_b = badge_w * scale, badge_h * scale
        x, y = (width - w) / 2, top - h_b
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        draw_badge(canvas, self._badge, 0, 0, badge_w, badge_h, safe_margin=self._layout.safe_margin_mm * mm)
        canvas.restoreState()
        canvas.saveState()
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.3)
        for cx, sx in ((x, -1), (x + w, 1)):
            for cy, sy in ((y, -1), (y + h_b, 1)):
                canvas.line(cx + sx * CUT_GAP, cy, cx + sx * (CUT_GAP + CUT_LENGTH), cy)
                canvas.line(cx, cy + sy * CUT_GAP, cx, cy + sy * (CUT_GAP + CUT_LENGTH))
        canvas.restoreState()


class _Marker(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Zero-size flowable the document reacts to when layout reaches it (see ``afterFlowable``)."""

    _ZEROSIZE = True

    def __init__(self, kind: str, value: Any = None) -> None:
        super().__init__()
        self.kind = kind
        self.value = value

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


# -- sections laid out once, replayed in every packet ---------------------------------------------

Placed = tuple[Flowable, float, float, float]


class _RecordingFrame(Frame):  # type: ignore[misc]  # reportlab is untyped
    """A frame that lays out exactly like a normal one but records where each flowable would be
    drawn (page coordinates) instead of drawing it."""

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


def _body_frame(pagesize: tuple[float, float], cls: type[Frame] = Frame) -> Frame:
    m = page_margins()
    width = pagesize[0] - m["leftMargin"] - m["rightMargin"]
    height = pagesize[1] - m["topMargin"] - m["bottomMargin"]
    return cls(m["leftMargin"], m["bottomMargin"], width, height, id="body")


def _frame_width(pagesize: tuple[float, float]) -> float:
    """What a flowable may fill: the frame minus its default 6 pt paddings."""
    m = page_margins()
    return float(pagesize[0] - m["leftMargin"] - m["rightMargin"] - 12)


def _freeze_wraps(flowables: Iterable[Any]) -> None:
    """Let laid-out paragraphs answer a repeated ``wrap`` at the same width from memory.

    A table re-wraps every paragraph of a cell each time it is drawn (to align the cell); a
    shared page is drawn once per file, so in one-file-per-participant mode that re-wrapping
    was a third of the time. The answer is the same: the width and the lines are unchanged.
    """
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            if "wrap" not in flowable.__dict__ and hasattr(flowable, "blPara"):
                _freeze_paragraph(flowable)
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    if isinstance(cell, list | tuple):
                        _freeze_wraps(cell)
                    elif isinstance(cell, Flowable):
                        _freeze_wraps([cell])


def _freeze_paragraph(paragraph: Paragraph) -> None:
    real = paragraph.wrap
    last = [paragraph.width, paragraph.height]

    def wrap(avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != last[0]:
            last[:] = real(avail_width, avail_height)
        return last[0], last[1]

    paragraph.wrap = wrap


class _SharedPages:
    """A section laid out once: per page, the flowables and where they go. Drawn into a
    canvas once as PDF forms (one per page) that every packet of that file references."""

    _counter = 0
    _lock = threading.Lock()

    def __init__(self, story: list[Flowable], pagesize: tuple[float, float]) -> None:
        with _SharedPages._lock:
            _SharedPages._counter += 1
            self.key = f"tdsh{_SharedPages._counter}"
        register_fonts()
        pages: list[list[Placed]] = []
        frame = _body_frame(pagesize, _RecordingFrame)

        def end_page(_canvas: Canvas, _doc: BaseDocTemplate) -> None:
            pages.append(frame.placed)
            frame.placed = []

        doc = BaseDocTemplate(io.BytesIO(), pagesize=pagesize, initialFontName=FONT, **page_margins())
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=end_page)])
        doc._doSave = 0  # nothing is written: only the placements are wanted
        with pages_fit("Paquetes de participantes"):
            doc.build(story)
        self.pages = [page for page in pages if page] or [[]]
        _freeze_wraps(placed[0] for page in self.pages for placed in page)

    def form(self, canvas: Canvas, index: int) -> str:
        """The form name of page ``index``, defined in ``canvas`` the first time it is asked."""
        name = f"{self.key}p{index}"
        defined: set[str] = canvas.__dict__.setdefault("_td_shared_forms", set())
        if name not in defined:
            canvas.beginForm(name)
            for flowable, x, y, s_w in self.pages[index]:
                flowable.drawOn(canvas, x, y, _sW=s_w)
            canvas.endForm()
            defined.add(name)
        return name

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for index in range(len(self.pages)):
            if index:
                out.append(PageBreak())
            out.append(_SharedPage(self, index))
        return out


class _SharedPage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """One page of a shared section, drawn by reference to its form (absolute coordinates)."""

    _ZEROSIZE = True

    def __init__(self, shared: _SharedPages, index: int) -> None:
        super().__init__()
        self._shared = shared
        self._index = index

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def drawOn(self, canvas: Canvas, _x: float, _y: float, _sW: float = 0) -> None:
        canvas.saveState()
        canvas.doForm(self._shared.form(canvas, self._index))
        canvas.restoreState()


class _SharedSections:
    """The directory (same for everyone) and the agenda per set of marked sessions, each laid
    out on first use and kept for the rest of the export."""

    def __init__(self, data: PacketsData, pagesize: tuple[float, float]) -> None:
        self._data = data
        self._pagesize = pagesize
        self._width = _frame_width(pagesize)
        self._st = _styles()
        self._agendas: dict[frozenset[int], _SharedPages] = {}
        self._directory: _SharedPages | None = None

    def agenda(self, marked: frozenset[int]) -> _SharedPages:
        shared = self._agendas.get(marked)
        if shared is None:
            story = agenda_section_story(self._data.agenda, marked, self._width, self._st)
            shared = self._agendas[marked] = _SharedPages(story, self._pagesize)
        return shared

    def directory(self) -> _SharedPages:
        if self._directory is None:
            story = directory_story(self._data.directory, self._data.event, self._width, self._st)
            self._directory = _SharedPages(story, self._pagesize)
        return self._directory


# -- the document ---------------------------------------------------------------------------------


def packet_story(
    person: PacketPerson,
    data: PacketsData,
    shared: _SharedSections,
    layout: LabelLayout,
    width: float,
    st: dict[str, ParagraphStyle],
    *,
    index: int = 0,
) -> list[Flowable]:
    """One packet, from its cover to its badge, each section on a new page."""
    story: list[Flowable] = [_Marker("packet", (index, person)), _Cover(person, data.event, st), PageBreak()]
    story += [_Marker("section", SECTION_LETTER)]
    story += letter_story(letter_text(data.letter_template, data.event, person), data.event, width, st)
    story += [PageBreak(), _Marker("section", SECTION_ITINERARY)]
    story += itinerary_story(person, data.agenda, width, st)
    story += [PageBreak(), _Marker("section", SECTION_AGENDA)]
    story += shared.agenda(data.agenda.sessions_of(person.id)).story()
    story += [PageBreak(), _Marker("section", SECTION_DIRECTORY)]
    story += shared.directory().story()
    story += [PageBreak(), _Marker("section", SECTION_BADGE), _BadgePage(person.badge, layout, st)]
    return story


class _Feed:
    """Placeholder at the end of the flowable list: replaced by the next packet (and itself)
    when layout reaches it, so only one packet's flowables exist at a time."""

    def __init__(self, packets: Iterator[list[Flowable]]) -> None:
        self._packets = packets

    def expand(self) -> list[Any]:
        packet = next(self._packets, None)
        if packet is None:
            return [None]  # platypus skips a None
        return [*packet, self]


def _footer_text(person: PacketPerson, room: float) -> str:
    """'Paquete de Ximena Peña Núñez · JI2027-0001', the name shortened with '…' if it would
    reach the page number (the code always stays)."""
    name = person.full_name
    tail = f" · {person.code}"
    text = f"Paquete de {name}{tail}"
    while stringWidth(text, FONT, 8) > room and len(name) > 1:
        name = name[:-1].rstrip()
        text = f"Paquete de {name}…{tail}"
    return text


class _PacketDoc(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
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
            [PageTemplate(id="page", frames=[_body_frame(pagesize)], onPageEnd=self._decorate)]
        )

    # layout hooks
    def filterFlowables(self, flowables: list[Any]) -> None:
        if flowables and isinstance(flowables[0], _Feed):
            flowables[0:1] = flowables[0].expand()

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

    def _endBuild(self) -> None:
        # Let platypus close the last page without saving, then define the last packet's total.
        self._doSave = 0
        super()._endBuild()
        self._close_packet(self.canv.getPageNumber() - 1)
        if self._outline_people:
            self.canv.showOutline()
        self.canv.save()


# -- the export -----------------------------------------------------------------------------------


def export_packets_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    participant_ids: Sequence[int] | None = None,
    separate_files: bool = False,
    badge_layout: str = DEFAULT_BADGE_LAYOUT,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Attendee packets of an event; ``rows`` of the result = packets written.

    ``participant_ids``: only those people (any status), else everyone still expected, in
    Spanish name order. ``separate_files``: ``out_path`` is a folder (created if missing, inside
    an existing folder) that receives one PDF per participant, named
    "JI2027-0001 Peña Núñez, Ximena.pdf"; files of the same name are replaced, other files are
    left alone, and nothing appears in the folder until every packet is written. Otherwise
    ``out_path`` is one .pdf with every packet. ``badge_layout``: the label layout whose label
    size the badge page uses (``badges.layout_names()``). ``page_size``: letter or a4.
    """
    pagesize = pagesize_of(page_size)
    layout = load_layout(badge_layout)
    target = Path(out_path).expanduser()
    if separate_files:
        _check_folder_target(target)
    check_abort(abort)
    with streaming_reader(sessions) as session:
        data = load_packets(session, event_id, participant_ids)
    if not data.people:
        raise TalentDeskError(f"No hay participantes a quienes preparar paquete en «{data.event.title}».")
    total = len(data.people)
    glyphs = check_packets(data)
    shared = _SharedSections(data, pagesize)
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
    shared: _SharedSections,
    layout: LabelLayout,
    pagesize: tuple[float, float],
    target: Path,
    progress: Progress | None,
    abort: threading.Event | None,
) -> None:
    total = len(data.people)
    st = _styles()
    width = _frame_width(pagesize)

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
            doc.build([_Feed(packets())])
        check_abort(abort)


def _write_one(
    person: PacketPerson,
    data: PacketsData,
    shared: _SharedSections,
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
        doc.build(packet_story(person, data, shared, layout, _frame_width(pagesize), _styles()))


# -- one file per participant ---------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_STEM = 120


def packet_file_name(person: PacketPerson) -> str:
    """'JI2027-0001 Peña Núñez, Ximena.pdf': readable, sorted by code, no path separators or
    characters Windows refuses, not too long."""
    stem = _UNSAFE.sub(" ", f"{person.code} {person.sorted_name}")
    stem = " ".join(stem.split()).replace(" ,", ",").strip(" .")[:MAX_STEM].rstrip(" .")
    stem = stem or f"participante-{person.id}"
    return f"{stem}.pdf"


def _unique_names(people: Sequence[PacketPerson]) -> list[str]:
    seen: set[str] = set()
    out = []
    for person in people:
        name = packet_file_name(person)
        stem, n = name[:-4], 2
        while name.casefold() in seen:
            name = f"{stem} ({n}).pdf"
            n += 1
        seen.add(name.casefold())
        out.append(name)
    return out


def _check_folder_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise TalentDeskError(
            f"«{target}» ya existe y no es una carpeta: para un archivo por participante indique una carpeta."
        )
    if not target.exists() and target.suffix.lower() == ".pdf":
        raise TalentDeskError(
            f"«{target.name}» parece un archivo: para un archivo por participante indique una carpeta "
            "(o use un solo PDF con todos los paquetes)."
        )
    parent = target.parent.resolve()
    if not parent.is_dir():
        raise TalentDeskError(f"No existe la carpeta «{parent}».")
    if not os.access(parent, os.W_OK):
        raise TalentDeskError(f"No se puede escribir en la carpeta «{parent}».")
    if target.is_dir() and not os.access(target, os.W_OK):
        raise TalentDeskError(f"No se puede escribir en la carpeta «{target}».")


def _write_folder(
    data: PacketsData,
    shared: _SharedSections,
    layout: LabelLayout,
    pagesize: tuple[float, float],
    target: Path,
    progress: Progress | None,
    abort: threading.Event | None,
) -> None:
    """Every file into a private work folder beside ``target`` (``files.work_folder``); moved
    in only when all succeeded, and then all or nothing (``_move_in``). The work folder is always
    removed, unless it holds old files that could not be put back (the error says where)."""
    parent = target.parent.resolve()
    names = _unique_names(data.people)
    total = len(data.people)
    try:
        with work_folder(parent) as work:
            temp = work.path
            for done, (person, name) in enumerate(zip(data.people, names, strict=True)):
                check_abort(abort)
                _write_one(person, data, shared, layout, pagesize, temp / name, abort)
                os.chmod(temp / name, output_mode())
                if progress is not None:
                    progress(done + 1, total)
            check_abort(abort)
            try:
                _move_in(temp, target, names)
            except _OldFilesKept:
                work.keep()
                raise
    except (ExportCancelled, TalentDeskError):
        raise
    except OSError as exc:
        raise TalentDeskError(f"No se pudo escribir en «{target}»: {os_reason(exc)}.") from exc


_OLD_FILES = "archivos-anteriores"  # inside the temporary folder; never a packet's name (.pdf)


class _OldFilesKept(TalentDeskError):
    """A failed move whose old files could not all be put back: they stay in the temporary folder."""


def _move_in(temp: Path, target: Path, names: Sequence[str]) -> None:
    """Move the written files ``names`` from ``temp`` into ``target``, all or nothing.

    Every name is checked first (a folder of that name in the way is an error before anything
    moves); files of the same name are moved aside into ``temp``, then the new ones moved in.
    If any move fails, the new files are taken out again and the old ones put back, so the
    folder is as it was; ``target`` is removed again if this made it.
    """
    in_the_way = [name for name in names if (target / name).is_dir() and not (target / name).is_symlink()]
    if in_the_way:
        raise TalentDeskError(
            f"En «{target}» hay una carpeta llamada «{in_the_way[0]}», el nombre de uno de los "
            "paquetes: cámbiele el nombre o quítela. No se guardó ningún archivo."
        )
    made = not target.exists()
    target.mkdir(exist_ok=True)
    aside = temp / _OLD_FILES
    moved_aside: list[str] = []
    moved_in: list[str] = []
    try:
        aside.mkdir()
        for name in names:
            if os.path.lexists(target / name):
                os.replace(target / name, aside / name)
                moved_aside.append(name)
        for name in names:
            os.replace(temp / name, target / name)
            moved_in.append(name)
    except BaseException:
        _move_back(target, aside, moved_in, moved_aside, made)
        raise


def _move_back(target: Path, aside: Path, moved_in: list[str], moved_aside: list[str], made: bool) -> None:
    """Undo a partial ``_move_in``: take the new files out, put the old ones back."""
    for name in moved_in:
        with contextlib.suppress(OSError):
            (target / name).unlink()
    lost = []
    for name in moved_aside:
        try:
            os.replace(aside / name, target / name)
        except OSError:
            lost.append(name)
    if made and not lost:
        with contextlib.suppress(OSError):
            target.rmdir()
    if lost:
        raise _OldFilesKept(
            f"No se pudieron guardar los paquetes en «{target}» ni devolver {len(lost)} archivo(s) "
            f"que ya estaban ahí (por ejemplo «{lost[0]}»): están en «{aside}». Cópielos de vuelta "
            "antes de borrar esa carpeta."
        )


__all__ = [
    "DEFAULT_BADGE_LAYOUT",
    "DirectoryEntry",
    "FlightLeg",
    "Itinerary",
    "PacketPerson",
    "PacketsData",
    "export_packets_pdf",
    "letter_text",
    "letter_values",
    "load_directory",
    "load_packets",
    "packet_file_name",
]
