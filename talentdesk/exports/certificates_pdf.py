"""*Constancias de participación*: one landscape page per participant who attended.

Each constancia carries a verification code (``services.certificates``). The codes are
issued and committed in their own transaction once the output path is known to be writable
and before anything is drawn, so a reprint, or a retry after a cancelled or failed export,
prints the same codes (and an unwritable path issues none). Only participants whose
status is «Asistió» get one; the name is printed as large as fits, and long names shrink (or
take two lines) rather than being cut.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.dates import spanish_date, spanish_dates_phrase
from talentdesk.core.enums import Gender, ParticipantRole, ParticipantStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.events import Participant
from talentdesk.core.models import Member
from talentdesk.core.text import full_name
from talentdesk.db.session import SessionFactory, read_scope, session_scope
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.pdf import FONT, FONT_BOLD, GREEN, GREY, GlyphCheck, new_canvas, pagesize_of
from talentdesk.services.certificates import issue_certificates
from talentdesk.services.event_view import EventInfo, load_event

ISSUER = "Instituto de los Mexicanos en el Exterior"
GOLD = colors.HexColor("#b08d3c")
INK = colors.HexColor("#202124")
NAME_MAX, NAME_MIN = 34.0, 16.0
SIGNATURE_Y = 44 * mm
SIGNATURES = (
    "Dirección Ejecutiva del\nInstituto de los Mexicanos en el Exterior",
    "Coordinación de la\nRed de Talentos Mexicanos",
)

#: How the role reads in "por su participación como …" (feminine form when known).
ROLE_PHRASE: dict[ParticipantRole, tuple[str, str]] = {
    ParticipantRole.SPEAKER: ("Ponente", "Ponente"),
    ParticipantRole.MODERATOR: ("Moderador", "Moderadora"),
    ParticipantRole.ATTENDEE: ("Asistente", "Asistente"),
    ParticipantRole.SPECIAL_GUEST: ("Invitado especial", "Invitada especial"),
    ParticipantRole.STAFF: ("parte del equipo organizador", "parte del equipo organizador"),
    ParticipantRole.PRESS: ("representante de los medios", "representante de los medios"),
}


@dataclass(frozen=True)
class _Recipient:
    id: int
    name: str
    role: ParticipantRole
    female: bool
    sort_key: str
    code: str


def export_certificates_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    participant_ids: Sequence[int] | None = None,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """One constancia per participant (all who attended by default, else ``participant_ids``),
    in Spanish name order; ``rows`` is the number of constancias."""
    size = landscape(pagesize_of(page_size))
    check_abort(abort)
    with read_scope(sessions) as session:
        event = load_event(session, event_id)
        people = _recipients(session, event, participant_ids)
    check_abort(abort)
    total = len(people)
    glyphs = GlyphCheck()
    for person in people:
        glyphs.check(f"participante {person.code}", person.name)
    # Entering atomic_output checks the target (folder exists and is writable, .pdf): a path
    # that cannot be written must be refused before codes are issued, committed and audited.
    with atomic_output(out_path, suffix=".pdf") as temp:
        with session_scope(sessions) as session:
            codes = issue_certificates(session, [p.id for p in people])
        canvas = new_canvas(
            temp,
            f"Constancias de participación — {event.title}",
            size,
            subject=f"{event.title}, {event.dates}",
        )
        for n, person in enumerate(people, start=1):
            check_abort(abort)
            draw_certificate(canvas, size, event, person.name, _role_phrase(person), codes[person.id])
            canvas.showPage()
            if progress is not None:
                progress(n, total)
        check_abort(abort)
        canvas.save()
    return ExportResult(Path(out_path), total, glyphs.warnings(), participant_ids=[p.id for p in people])


def _recipients(
    session: Session, event: EventInfo, participant_ids: Sequence[int] | None
) -> list[_Recipient]:
    query = (
        select(
            Participant.id,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.role,
            Participant.status,
            Participant.sort_key,
            Member.gender,
            Participant.code,
        )
        .outerjoin(Member, Member.id == Participant.member_id)
        .where(Participant.event_id == event.id)
    )
    if participant_ids is None:
        query = query.where(Participant.status == ParticipantStatus.ATTENDED)
    else:
        query = query.where(Participant.id.in_(list(participant_ids)))
    rows = session.execute(query).all()
    if participant_ids is not None:
        found = {row[0] for row in rows}
        stray = [pid for pid in participant_ids if pid not in found]
        if stray:
            raise TalentDeskError(f"El participante con id {stray[0]} no pertenece a «{event.title}».")
        refused = [row for row in rows if row[5] != ParticipantStatus.ATTENDED]
        if refused:
            names = "; ".join(f"{full_name(r[1], r[2], r[3])} («{r[5].label}»)" for r in refused)
            raise TalentDeskError(
                f"Sólo quien asistió recibe constancia; no asistieron según su estatus: {names}."
            )
    if not rows:
        raise TalentDeskError(
            f"Nadie tiene el estatus «{ParticipantStatus.ATTENDED.label}» en «{event.title}»: marque la "
            "asistencia de los participantes antes de imprimir constancias."
        )
    people = [
        _Recipient(pid, full_name(given, paternal, maternal), role, gender == Gender.FEMALE, sort_key, code)
        for pid, given, paternal, maternal, role, _status, sort_key, gender, code in rows
    ]
    people.sort(key=lambda p: (p.sort_key, p.id))
    return people


def _role_phrase(person: _Recipient) -> str:
    male, female = ROLE_PHRASE[person.role]
    return female if person.female else male


def fit_font_size(text: str, font: str, width: float, largest: float, smallest: float) -> float:
    """The largest size (in 0.5 pt steps) at which ``text`` fits ``width``, at least ``smallest``."""
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _name_lines(name: str, width: float) -> tuple[list[str], float]:
    """One line if the name fits at NAME_MIN or more, else two balanced lines (never cut)."""
    size = fit_font_size(name, FONT_BOLD, width, NAME_MAX, NAME_MIN)
    if stringWidth(name, FONT_BOLD, size) <= width:
        return [name], size
    words = name.split()
    best = min(
        range(1, len(words)),
        key=lambda i: max(
            stringWidth(" ".join(words[:i]), FONT_BOLD, 10), stringWidth(" ".join(words[i:]), FONT_BOLD, 10)
        ),
        default=1,
    )
    lines = [" ".join(words[:best]), " ".join(words[best:])] if len(words) > 1 else [name]
    size = min(fit_font_size(line, FONT_BOLD, width, NAME_MAX - 6, 6) for line in lines)
    return lines, size


def draw_certificate(
    canvas: Canvas, size: tuple[float, float], event: EventInfo, name: str, role: str, code: str
) -> None:
    """One constancia on the current page of ``canvas`` (the caller calls ``showPage``)."""
    width, height = size
    _border(canvas, width, height)
    cx = width / 2
    text_width = width - 2 * 40 * mm

    canvas.setFillColor(GREY)
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawCentredString(cx, height - 30 * mm, ISSUER.upper())
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(cx, height - 35 * mm, "Red de Talentos Mexicanos")

    canvas.setFillColor(GREEN)
    canvas.setFont(FONT_BOLD, 27)
    canvas.drawCentredString(cx, height - 52 * mm, "CONSTANCIA DE PARTICIPACIÓN")
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.line(cx - 30 * mm, height - 57 * mm, cx + 30 * mm, height - 57 * mm)

    # The middle block (presentation, name, reason, place and date) is measured first, then
    # set a little above the centre of the space between the title and the signatures.
    lines, name_size = _name_lines(name, text_width)
    name_leading = name_size * 1.15
    event_name = escape(event.title)
    # "el evento «…», celebrado": an article or participle guessed from the event's name is
    # wrong too often (el Cumbre, la Foro… celebrada), this reads right whatever it is called.
    sentence = (
        f"por su participación como <b>{escape(role)}</b> en el evento <b>«{event_name}»</b>, "
        f"celebrado {spanish_dates_phrase(event.starts_on, event.ends_on)}"
    )
    if event.place:
        sentence += f" en {escape(event.place)}"
    space_top = height - 60 * mm
    space_bottom = SIGNATURE_Y + 16 * mm  # room to sign above the lines
    fixed = 12 * mm + len(lines) * name_leading + 12 * mm + 10 * mm  # intro, name, rule, date line
    font_size = 12.5
    while True:  # a very long event name or venue: smaller text, never over the signatures
        body = ParagraphStyle(
            "certificate",
            fontName=FONT,
            fontSize=font_size,
            leading=font_size * 1.36,
            alignment=TA_CENTER,
            textColor=INK,
        )
        paragraph = Paragraph(sentence + ".", body)
        _w, h = paragraph.wrapOn(canvas, text_width, space_top)
        if fixed + h <= space_top - space_bottom or font_size <= 8:
            break
        font_size -= 0.5
    slack = max(0.0, space_top - space_bottom - fixed - h)
    y = space_top - slack * 0.4

    canvas.setFillColor(INK)
    canvas.setFont(FONT, 12.5)
    canvas.drawCentredString(cx, y - 4 * mm, f"El {ISSUER} otorga la presente a")
    y -= 12 * mm
    canvas.setFont(FONT_BOLD, name_size)
    for line in lines:
        y -= name_leading
        canvas.drawCentredString(cx, y + name_leading - name_size, line)
    rule_y = y - 3 * mm
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(0.6)
    canvas.line(cx - text_width / 2 + 10 * mm, rule_y, cx + text_width / 2 - 10 * mm, rule_y)
    y -= 12 * mm
    paragraph.drawOn(canvas, cx - text_width / 2, y - h)
    y -= h + 8 * mm

    canvas.setFont(FONT, 11)
    place = event.city or event.venue_name
    issued = (
        f"{place}, a {spanish_date(event.ends_on)}." if place else f"{capital(spanish_date(event.ends_on))}."
    )
    canvas.drawCentredString(cx, y, issued)

    _signatures(canvas, width)
    _verification(canvas, cx, code)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _border(canvas: Canvas, width: float, height: float) -> None:
    canvas.saveState()
    outer = 9 * mm
    canvas.setStrokeColor(GREEN)
    canvas.setLineWidth(3)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    inner = 12 * mm
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    innermost = 13.2 * mm
    canvas.setLineWidth(0.3)
    canvas.rect(innermost, innermost, width - 2 * innermost, height - 2 * innermost)
    # corner ornaments: a small diamond on each inner corner
    canvas.setFillColor(GREEN)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    d = 3.2 * mm
    for x, y in (
        (inner, inner),
        (width - inner, inner),
        (inner, height - inner),
        (width - inner, height - inner),
    ):
        path = canvas.beginPath()
        path.moveTo(x, y - d)
        path.lineTo(x + d, y)
        path.lineTo(x, y + d)
        path.lineTo(x - d, y)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()


def _signatures(canvas: Canvas, width: float) -> None:
    line_w = 72 * mm
    y = SIGNATURE_Y
    centres = (width / 2 - 58 * mm, width / 2 + 58 * mm)
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.setFillColor(INK)
    for x, label in zip(centres, SIGNATURES, strict=True):
        canvas.line(x - line_w / 2, y, x + line_w / 2, y)
        canvas.setFont(FONT, 8.5)
        for n, text in enumerate(label.split("\n")):
            canvas.drawCentredString(x, y - 4.5 * mm - n * 3.8 * mm, text)
    canvas.restoreState()


def _verification(canvas: Canvas, cx: float, code: str) -> None:
    canvas.saveState()
    canvas.setFillColor(GREY)
    canvas.setFont(FONT_BOLD, 8.5)
    canvas.drawCentredString(cx, 22.5 * mm, f"Código de verificación: {code}")
    canvas.setFont(FONT, 7.5)
    canvas.drawCentredString(cx, 18.5 * mm, f"Verifique en TalentDesk: talentdesk certificates verify {code}")
    canvas.restoreState()
