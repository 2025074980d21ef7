"""The agenda of a Jornada as a PDF, and the agenda story other documents reuse.

The agenda is read once into plain data (:class:`AgendaData`, a handful of queries whatever
the number of sessions) and drawn from it, so the attendee packets can print the same agenda
for hundreds of participants, each with their own sessions marked, without touching the
database again::

    with read_scope(sessions) as session:
        agenda = load_agenda(session, event_id)
    for person in people:
        story += agenda_story(agenda, agenda.sessions_of(person.id), width=doc.width)

Each day has a heading ("Jueves 18 de febrero de 2027") and one block per time slot; sessions
that overlap in time form one block with the time on the left and one row per room, so
parallel sessions read as alternatives. Speakers who declined or cancelled are left out of
the printed programme.

The Spanish date helpers used by every event document live here too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Set
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.dates import spanish_day, time_range
from talentdesk.core.enums import SessionKind
from talentdesk.core.events import AgendaSession, Participant, Room, session_speakers
from talentdesk.core.models import Member
from talentdesk.core.text import full_name
from talentdesk.db.session import SessionFactory, read_scope
from talentdesk.exports.compat import row_heights, set_table_cell, splitting_inside_rows
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
from talentdesk.services.event_workflow import NOT_COMING

# -- data read once -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaPerson:
    id: int
    name: str  # natural order: 'José María Núñez de la Garza'
    organization: str | None


@dataclass(frozen=True)
class AgendaItem:
    id: int
    title: str
    kind: SessionKind
    starts_at: datetime
    ends_at: datetime
    room: str | None
    room_order: int  # rooms in the order they were created (the agenda grid's columns)
    moderator: AgendaPerson | None
    speakers: tuple[AgendaPerson, ...]
    description: str | None


@dataclass(frozen=True)
class AgendaData:
    """An event's agenda as plain data: safe to keep, share between threads and draw many times."""

    event: EventInfo
    sessions: tuple[AgendaItem, ...]  # by start, then room

    def days(self) -> list[tuple[date, list[AgendaItem]]]:
        """Sessions grouped by their day, in order (a day outside the event's dates included)."""
        out: dict[date, list[AgendaItem]] = {}
        for item in self.sessions:
            out.setdefault(item.starts_at.date(), []).append(item)
        return sorted(out.items())

    def sessions_of(self, participant_id: int) -> frozenset[int]:
        """The sessions a participant speaks at or moderates: what a packet marks as theirs."""
        return frozenset(
            item.id
            for item in self.sessions
            if (item.moderator is not None and item.moderator.id == participant_id)
            or any(p.id == participant_id for p in item.speakers)
        )


#: Speakers with these statuses are not printed: the programme shows who will be there.


def load_agenda(session: Session, event_id: int) -> AgendaData:
    """Read the whole agenda in four queries (event, rooms, sessions, people)."""
    event = load_event(session, event_id)
    rooms = {
        rid: (order, name)
        for order, (rid, name) in enumerate(
            session.execute(select(Room.id, Room.name).where(Room.event_id == event_id).order_by(Room.id))
        )
    }
    rows = session.execute(
        select(
            AgendaSession.id,
            AgendaSession.title,
            AgendaSession.kind,
            AgendaSession.starts_at,
            AgendaSession.ends_at,
            AgendaSession.room_id,
            AgendaSession.moderator_id,
            AgendaSession.description,
        ).where(AgendaSession.event_id == event_id)
    ).all()
    people: dict[int, AgendaPerson] = {}
    speakers: dict[int, list[tuple[str, AgendaPerson]]] = {}
    link = session_speakers.c
    person_rows = session.execute(
        select(
            Participant.id,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.organization,
            Participant.member_id,
            Member.directory_consent,
            Member.print_fields_raw,
            Participant.status,
            Participant.sort_key,
            link.session_id,
        )
        .outerjoin(session_speakers, link.participant_id == Participant.id)
        .outerjoin(Member, Member.id == Participant.member_id)
        .where(Participant.event_id == event_id)
    )
    for (
        pid,
        given,
        paternal,
        maternal,
        org,
        member_id,
        consent,
        fields,
        status,
        sort_key,
        session_id,
    ) in person_rows:
        if status in NOT_COMING:
            continue
        # The programme is public: a member's organisation (their employer) only if allowed.
        shown = public_organization(org, member_id, consent, fields)
        person = people.setdefault(pid, AgendaPerson(pid, full_name(given, paternal, maternal), shown))
        if session_id is not None:
            speakers.setdefault(session_id, []).append((sort_key, person))
    items = []
    for sid, title, kind, starts_at, ends_at, room_id, moderator_id, description in rows:
        order, room = rooms.get(room_id, (len(rooms), None)) if room_id is not None else (len(rooms), None)
        items.append(
            AgendaItem(
                id=sid,
                title=title,
                kind=kind,
                starts_at=starts_at,
                ends_at=ends_at,
                room=room,
                room_order=order,
                moderator=people.get(moderator_id) if moderator_id is not None else None,
                speakers=tuple(
                    p for _key, p in sorted(speakers.get(sid, []), key=lambda kp: (kp[0], kp[1].id))
                ),
                description=description,
            )
        )
    items.sort(key=lambda s: (s.starts_at, s.room_order, s.ends_at, s.id))
    return AgendaData(event=event, sessions=tuple(items))


# -- drawing --------------------------------------------------------------------------------------

MARK_LABEL = "★ Usted participa"
LEGEND = "Las sesiones sombreadas y marcadas con ★ son aquellas en las que usted participa."
MARK_FILL = colors.HexColor("#e3f1ea")
BREAK_FILL = colors.HexColor("#f3f4f5")
PARALLEL_FILL = colors.HexColor("#f4f8f6")
RULE = colors.HexColor("#c9d3ce")
LIGHT_RULE = colors.HexColor("#dfe5e2")
QUIET_KINDS = frozenset({SessionKind.BREAK, SessionKind.MEAL})
DAY_START_ROOM = 45 * mm  # a day starts on a new page unless this much room is left
LONG_ROW = 70 * mm
HEADER_SIZE, HEADER_MARGIN = (
    8.5,
    18 * mm,
)  # NumberedDocTemplate's running header  # a session this tall may break across pages; shorter ones move whole


def check_agenda(glyphs: GlyphCheck, agenda: AgendaData) -> None:
    """Record the agenda's texts the font cannot draw: titles, rooms, people, descriptions."""
    for item in agenda.sessions:
        where = f"sesión «{item.title}»" if len(item.title) <= 40 else "una sesión"
        glyphs.check(where, item.title)
        glyphs.check(where, item.room)
        glyphs.check(where, item.description)
        for person in (item.moderator, *item.speakers):
            if person is not None:
                glyphs.check(where, person.name)
                glyphs.check(where, person.organization)


def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = base["body"]
    return {
        **base,
        "event_kicker": ParagraphStyle("event_kicker", parent=base["muted"], alignment=1, fontSize=9),
        "event_title": ParagraphStyle(
            "event_title", parent=base["title"], fontSize=19, leading=24, textColor=GREEN, spaceAfter=4
        ),
        "event_line": ParagraphStyle("event_line", parent=body, alignment=1, fontSize=10.5, leading=14),
        "event_muted": ParagraphStyle(
            "event_muted", parent=base["muted"], alignment=1, fontSize=9, leading=12
        ),
        "day": ParagraphStyle(
            "day",
            parent=base["h1"],
            fontSize=13.5,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "colhead": ParagraphStyle(
            "colhead", parent=base["muted"], fontName=FONT_BOLD, fontSize=7.5, leading=9
        ),
        "time": ParagraphStyle("time", parent=body, fontName=FONT_BOLD, fontSize=9, leading=12),
        "time_note": ParagraphStyle("time_note", parent=base["muted"], fontSize=7.5, leading=9.5),
        "room": ParagraphStyle("room", parent=body, fontSize=9, leading=11.5),
        "session_title": ParagraphStyle(
            "session_title", parent=body, fontName=FONT_BOLD, fontSize=10, leading=12.5
        ),
        "quiet_title": ParagraphStyle("quiet_title", parent=body, fontSize=9.5, leading=12, textColor=GREY),
        "kind": ParagraphStyle("kind", parent=base["muted"], fontSize=7.5, leading=9.5, spaceAfter=1.5),
        "mark": ParagraphStyle(
            "mark", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10.5, textColor=GREEN, spaceAfter=1
        ),
        "person": ParagraphStyle(
            "person", parent=body, fontSize=8.5, leading=10.8, leftIndent=8, firstLineIndent=-8
        ),
        "description": ParagraphStyle(
            "description", parent=base["muted"], fontSize=8, leading=10.3, spaceBefore=2, textColor=GREY
        ),
        "legend": ParagraphStyle("legend", parent=base["muted"], alignment=1, fontSize=8.5, leading=11),
    }


def _column_widths(width: float) -> tuple[float, float, float]:
    time_w = 27 * mm  # '10:45–12:00' on one line
    room_w = 26 * mm
    return time_w, room_w, width - time_w - room_w


def _person(person: AgendaPerson) -> str:
    text = escape(person.name)
    if person.organization:
        text += f' <font color="#5f6368">— {escape(person.organization)}</font>'
    return text


def _session_cell(
    item: AgendaItem,
    block_range: str,
    marked: bool,
    mark_label: str,
    st: dict[str, ParagraphStyle],
) -> list[Flowable]:
    quiet = item.kind in QUIET_KINDS
    cell: list[Flowable] = [Paragraph(escape(item.title), st["quiet_title" if quiet else "session_title"])]
    details = [item.kind.label]
    own_range = time_range(item.starts_at, item.ends_at)
    if own_range != block_range:
        details.append(own_range)
    if not quiet:
        cell.append(Paragraph(" · ".join(details), st["kind"]))
    if marked:
        cell.append(Paragraph(escape(mark_label), st["mark"]))
    if item.moderator is not None:
        cell.append(Paragraph(f"<b>Modera:</b> {_person(item.moderator)}", st["person"]))
    if item.speakers:
        label = "Ponente" if len(item.speakers) == 1 else "Ponentes"
        if len(item.speakers) == 1:
            cell.append(Paragraph(f"<b>{label}:</b> {_person(item.speakers[0])}", st["person"]))
        else:
            cell.append(Paragraph(f"<b>{label}:</b>", st["person"]))
            cell.extend(Paragraph(f"• {_person(p)}", st["person"]) for p in item.speakers)
    if item.description:
        cell.append(Paragraph(escape(item.description), st["description"]))
    return cell


def _blocks(items: list[AgendaItem]) -> list[list[AgendaItem]]:
    """Sessions whose times overlap (directly or through another) go in one block."""
    out: list[list[AgendaItem]] = []
    block_end: datetime | None = None
    for item in items:
        if out and block_end is not None and item.starts_at < block_end:
            out[-1].append(item)
            block_end = max(block_end, item.ends_at)
        else:
            out.append([item])
            block_end = item.ends_at
    return out


def _block_table(
    block: list[AgendaItem],
    marked_ids: Set[int],
    mark_label: str,
    widths: tuple[float, float, float],
    st: dict[str, ParagraphStyle],
) -> Table:
    starts = min(i.starts_at for i in block)
    ends = max(i.ends_at for i in block)
    block_range = time_range(starts, ends)
    time_cell: list[Flowable] = [Paragraph(block_range, st["time"])]
    if len(block) > 1:
        time_cell.append(Paragraph(f"{len(block)} sesiones simultáneas", st["time_note"]))
    data = []
    for n, item in enumerate(block):
        room = escape(item.room) if item.room else '<font color="#5f6368">Sala por confirmar</font>'
        data.append(
            [
                time_cell if n == 0 else "",
                Paragraph(room, st["room"]),
                _session_cell(item, block_range, item.id in marked_ids, mark_label, st),
            ]
        )
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too, else Helvetica is named
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.7, RULE),
    ]
    if len(block) > 1:
        # No SPAN for the time cell: a spanned block cannot break across pages.
        commands += [
            ("BACKGROUND", (0, 0), (0, len(block) - 1), PARALLEL_FILL),
            ("LINEABOVE", (1, 1), (-1, -1), 0.4, LIGHT_RULE),
            ("LINEBEFORE", (1, 0), (1, -1), 0.4, LIGHT_RULE),
        ]
    for n, item in enumerate(block):
        if item.id in marked_ids:
            commands += [
                ("BACKGROUND", (1, n), (-1, n), MARK_FILL),
                ("LINEBEFORE", (1, n), (1, n), 2.2, GREEN),
            ]
        elif item.kind in QUIET_KINDS:
            commands.append(("BACKGROUND", (0, n), (-1, n), BREAK_FILL))
    table = _BlockTable(data, colWidths=list(widths), splitByRow=1)
    table.setStyle(TableStyle(commands))
    table.continued = lambda: [Paragraph(block_range, st["time"]), Paragraph("(continúa)", st["time_note"])]
    return table


class _BlockTable(Table):  # type: ignore[misc]  # reportlab is untyped
    """A time block that repeats its time when a page break falls inside it."""

    continued: Callable[[], list[Flowable]] | None = None

    def split(self, avail_width: float, avail_height: float) -> list[Table]:
        parts: list[Table] = super().split(avail_width, avail_height)
        inside_row = False
        if not parts and max(row_heights(self) or [0]) > LONG_ROW:
            inside_row = True  # a very long session: break inside it rather than leave a gap
            with splitting_inside_rows(self):
                parts = super().split(avail_width, avail_height)
        # (inside a row the remainder's height is already fixed: the time is not repeated there)
        if len(parts) == 2 and self.continued is not None and not inside_row:
            set_table_cell(parts[1], 0, 0, self.continued())
            if isinstance(parts[1], _BlockTable):
                parts[1].continued = self.continued
        return parts


def _column_header(widths: tuple[float, float, float], st: dict[str, ParagraphStyle]) -> Table:
    table = Table(
        [
            [
                Paragraph("HORA", st["colhead"]),
                Paragraph("SALA", st["colhead"]),
                Paragraph("SESIÓN", st["colhead"]),
            ]
        ],
        colWidths=list(widths),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, 0), 1, GREEN),
            ]
        )
    )
    return table


def event_title_block(event: EventInfo, kicker: str, width: float) -> list[Flowable]:
    """The event's name, dates and venue, centred: the top of the agenda and sign-in sheets."""
    st = _styles()
    out: list[Flowable] = [
        Paragraph(escape(kicker.upper()), st["event_kicker"]),
        Spacer(1, 2),
        Paragraph(escape(event.title), st["event_title"]),
        Paragraph(escape(capitalized(event.dates)), st["event_line"]),
    ]
    if event.place:
        out.append(Paragraph(escape(event.place), st["event_line"]))
    if event.venue_address:
        out.append(Paragraph(escape(event.venue_address), st["event_muted"]))
    out += [Spacer(1, 5), HRFlowable(width=width, thickness=1.2, color=GREEN, spaceAfter=2)]
    return out


def agenda_story(
    agenda: AgendaData,
    marked_session_ids: Set[int] = frozenset(),
    *,
    width: float,
    title_block: bool = True,
    mark_label: str = MARK_LABEL,
    after_block: Callable[[], Flowable | None] | None = None,
) -> list[Flowable]:
    """The agenda as platypus flowables, to put into any document.

    ``agenda`` comes from :func:`load_agenda` (read once, drawn as often as needed);
    ``marked_session_ids`` are shaded, with a green bar and ``mark_label`` ("★ Usted
    participa"), e.g. ``agenda.sessions_of(participant_id)`` in an attendee packet; ``width``
    is the frame width the tables fill (``doc.width``). ``title_block=False`` leaves out the
    event's name, dates and venue (a packet has its own cover). ``after_block`` may return a
    flowable to put after each time block (the agenda export uses it for its progress bar).
    """
    st = _styles()
    widths = _column_widths(width)
    story: list[Flowable] = []
    if title_block:
        story += event_title_block(agenda.event, "Agenda", width)
    if marked_session_ids:
        story.append(Paragraph(LEGEND, st["legend"]))
    if not agenda.sessions:
        story.append(Spacer(1, 8))
        story.append(Paragraph("La agenda de este evento aún no tiene sesiones.", st["legend"]))
    event_days = set(agenda.event.days())
    for day, items in agenda.days():
        heading = capitalized(spanish_day(day))
        if day not in event_days:
            heading += ' <font size="9" color="#5f6368">(fuera de las fechas del evento)</font>'
        story.append(CondPageBreak(DAY_START_ROOM))  # no heading alone at the foot of a page
        story.append(Paragraph(heading, st["day"]))
        story.append(_column_header(widths, st))
        for block in _blocks(items):
            story.append(_block_table(block, marked_session_ids, mark_label, widths, st))
            extra = after_block() if after_block is not None else None
            if extra is not None:
                story.append(extra)
        story.append(HRFlowable(width=width, thickness=0.7, color=RULE, spaceBefore=0, spaceAfter=4))
    return story


class ProgressTick(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An invisible flowable that moves the progress bar when the layout reaches it."""

    def __init__(self, doc: NumberedDocTemplate, done: int) -> None:
        super().__init__()
        self._doc = doc
        self._done = done

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self._doc.report(self._done)


def export_agenda_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """The event's agenda, day by day; ``rows`` is the number of sessions printed."""
    size = pagesize_of(page_size)
    check_abort(abort)
    with read_scope(sessions) as session:
        agenda = load_agenda(session, event_id)
    total = len(agenda.sessions)
    glyphs = GlyphCheck()
    check_agenda(glyphs, agenda)
    width = size[0] - 2 * HEADER_MARGIN
    header = fit_text(f"Agenda · {agenda.event.title}", FONT_BOLD, HEADER_SIZE, width)
    with atomic_output(out_path, suffix=".pdf") as temp:
        doc = NumberedDocTemplate(
            temp,
            title=f"Agenda — {agenda.event.title}",
            subject=f"Agenda, {agenda.event.dates}",
            pagesize=size,
            header=lambda d: header if d.page > 1 else "",
            progress=progress,
            progress_total=total,
            abort=abort,
        )
        done = 0
        blocks = iter(len(b) for _day, items in agenda.days() for b in _blocks(items))

        def tick() -> Flowable:
            nonlocal done
            done += next(blocks)
            return ProgressTick(doc, done)

        doc.build(agenda_story(agenda, width=doc.width, after_block=tick))
    if progress is not None:
        progress(total, total)
    named = {p.id for item in agenda.sessions for p in (*item.speakers, item.moderator) if p is not None}
    return ExportResult(
        Path(out_path), total, glyphs.warnings(), participant_ids=sorted(named), people=len(named)
    )
