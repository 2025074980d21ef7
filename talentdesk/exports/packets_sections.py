"""The attendee packet's sections as platypus stories and flowables: the cover, the welcome
letter (filled from the saved template), the personal itinerary, the agenda with the
participant's sessions marked, the participants' directory and the badge page.

Pure functions of :mod:`packets_data` values; the document (:mod:`packets_pdf`) puts them in
order and decides which are laid out once and replayed (:mod:`replay`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from talentdesk.core.dates import spanish_dates_phrase, spanish_day, time_range
from talentdesk.core.spanish import salutation, with_article
from talentdesk.exports.agenda_pdf import AgendaData, agenda_story
from talentdesk.exports.badges import PARTICLES, ROLE_COLORS, BadgeData, LabelLayout, draw_badge
from talentdesk.exports.packets_data import DirectoryEntry, FlightLeg, PacketPerson
from talentdesk.exports.pdf import FONT, FONT_BOLD, GREEN, GREY, capitalized, styles
from talentdesk.services.document_settings import fill_template
from talentdesk.services.event_view import EventInfo

NETWORK = "Red de Talentos Mexicanos"
INSTITUTE = "Instituto de los Mexicanos en el Exterior"
INK = colors.HexColor("#1d1d1f")
RULE = colors.HexColor("#c9d3ce")
LABEL_FILL = colors.HexColor("#f4f8f6")

SECTION_LETTER = "Carta de bienvenida"
SECTION_ITINERARY = "Itinerario personal"
SECTION_AGENDA = "Agenda"
SECTION_DIRECTORY = "Directorio de participantes"
SECTION_BADGE = "Gafete"
SECTIONS = (SECTION_LETTER, SECTION_ITINERARY, SECTION_AGENDA, SECTION_DIRECTORY, SECTION_BADGE)
NO_FLIGHT = "Sin información de vuelo"
NO_LODGING = "Sin hospedaje registrado"

# -- the welcome letter's text ----------------------------------------------------------------------


def letter_values(event: EventInfo, person: PacketPerson) -> dict[str, str]:
    """The welcome letter's fields (``document_settings.WELCOME_FIELDS``) for one participant.

    ``fechas`` is written as inside a sentence ("los días 18 y 19 de febrero de 2027"), the way
    the default letter uses it ("que se celebrará {fechas} en {sede}").
    """
    organization = person.organization or (f"Capítulo {person.chapter}" if person.chapter else "")
    return {
        "estimado": salutation(person.gender),
        "nombre": person.full_name,
        "nombres": person.given_names,
        "evento": event.name,
        "edicion": event.edition or "",
        "fechas": spanish_dates_phrase(event.starts_on, event.ends_on),
        "sede": event.venue_name or "",
        "sede_con_articulo": with_article(event.venue_name or ""),
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


def packet_styles() -> dict[str, ParagraphStyle]:
    """The packet's paragraph styles: the shared ones (``pdf.styles``) plus its own."""
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


# -- the cover and the badge page: flowables drawn directly ------------------------------------------


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


class _WholePage(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A flowable drawn directly that takes the rest of the frame (1 pt short, so rounding
    never pushes it to the next page); ``_size`` is that room once wrapped."""

    def __init__(self, st: dict[str, ParagraphStyle]) -> None:
        super().__init__()
        self._st = st
        self._size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._size = (avail_width, avail_height - 1)
        return self._size


class Cover(_WholePage):
    """The first page of a packet: the event at the top, the participant's name large in the
    middle, role, affiliation and code, and what the packet holds at the bottom."""

    def __init__(self, person: PacketPerson, event: EventInfo, st: dict[str, ParagraphStyle]) -> None:
        super().__init__(st)
        self._person = person
        self._event = event

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


class BadgePage(_WholePage):
    """The participant's badge at the layout's label size, centred, with cut marks at its
    corners (outside the badge) and a line saying what to do with it."""

    def __init__(self, badge: BadgeData, layout: LabelLayout, st: dict[str, ParagraphStyle]) -> None:
        super().__init__(st)
        self._badge = badge
        self._layout = layout

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
