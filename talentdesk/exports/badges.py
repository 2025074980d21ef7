"""Name badges on label sheets.

Layouts are data: one JSON file per sheet in ``talentdesk/resources/layouts/`` (see
:class:`LabelLayout` for the keys). Labels are filled row by row, left to right, as the label
makers number them.

A badge (:func:`draw_badge`) has the event in a green band at the top, the given names large,
both surnames below (paternal and maternal on one line when they fit, else one per line), the
organisation (members: only if they allowed their employer, see :func:`consent.organization_is_public`)
and, for members of the Network, their chapter; a QR code of the participant code with the code
printed under it, and a band in the colour of the role with its Spanish name.
Names are never cut: a long name is set on two lines or shrunk until it fits.

Who gets a badge by default (:data:`DEFAULT_STATUSES`): everyone still expected or present —
invited, confirmed, registered, attended. Left out: those who declined or cancelled (they said
no) and no-shows (the event started without them; reprint theirs by id if they turn up).
``participant_ids`` reprints exactly those people, whatever their status.

The attendee packets reuse :func:`load_badges` / :func:`badge_data` and :func:`draw_badge`;
keep their signatures stable.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.dates import spanish_date_range
from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.events import Event, Participant
from talentdesk.core.i18n import N_, _
from talentdesk.core.models import Chapter, Member
from talentdesk.core.oserrors import os_reason
from talentdesk.core.text import full_name
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.consent import organization_is_public
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.kinds import DEFAULT_LAYOUT
from talentdesk.exports.pdf import FONT, FONT_BOLD, GREEN, GlyphCheck, new_canvas, register_fonts
from talentdesk.exports.qr import QUIET_ZONE, draw_qr
from talentdesk.resources import RESOURCES_DIR
from talentdesk.services.event_view import load_event

LAYOUTS_DIR = RESOURCES_DIR / "layouts"

S = ParticipantStatus
#: Printed when neither ``statuses`` nor ``participant_ids`` is given (see the module doc).
DEFAULT_STATUSES: tuple[ParticipantStatus, ...] = (S.INVITED, S.CONFIRMED, S.REGISTERED, S.ATTENDED)
#: A calibration offset larger than this is a typo, not a printer's drift.
MAX_OFFSET_MM = 20.0

# -- layouts --------------------------------------------------------------------------------------

_PAGES_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
_LENGTH_KEYS = (
    "label_width_mm",
    "label_height_mm",
    "left_margin_mm",
    "top_margin_mm",
    "horizontal_pitch_mm",
    "vertical_pitch_mm",
)
_TOLERANCE_MM = 0.05


#: The shipped sheets' labels, marked for the catalogue: the export dialog shows them in the
#: person's language (``LabelLayout.shown_label``); a sheet added by hand shows its own label.
SHIPPED_LABELS = frozenset(
    {
        N_("A4 — 4 gafetes de 99 × 142.5 mm por hoja"),
        N_("A6 — un gafete de 105 × 148 mm por hoja A6"),
        N_("Avery 5392 — 6 gafetes de 4 × 3 in por hoja carta"),
        N_("Avery L7418 — 8 gafetes de 86 × 55 mm por hoja A4"),
        N_("Carta — 4 gafetes de 4 × 5¼ in por hoja"),
    }
)


@dataclass(frozen=True)
class LabelLayout:
    """One label sheet, read from ``resources/layouts/<name>.json``.

    Keys of the file: ``name`` (= the file name), ``label`` (Spanish, shown to users),
    ``page`` ("letter", "a4" or [width, height] in mm), ``label_width_mm``,
    ``label_height_mm``, ``columns``, ``rows``, ``left_margin_mm`` and ``top_margin_mm`` (page
    edge to the first label), ``horizontal_pitch_mm`` and ``vertical_pitch_mm`` (from one
    label's left/top edge to the next one's), optional ``safe_margin_mm`` (how far inside the
    label the design stays: die-cut tolerance or the printer's unprintable border; default
    2.5) and ``source`` (where the geometry comes from).
    """

    name: str
    label: str
    page_width_mm: float
    page_height_mm: float
    label_width_mm: float
    label_height_mm: float
    columns: int
    rows: int
    left_margin_mm: float
    top_margin_mm: float
    horizontal_pitch_mm: float
    vertical_pitch_mm: float
    safe_margin_mm: float = 2.5

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def shown_label(self) -> str:
        """The label in the person's language (the shipped sheets are translated)."""
        return _(self.label) if self.label in SHIPPED_LABELS else self.label

    @property
    def page_size(self) -> tuple[float, float]:
        """In points, for the canvas."""
        return self.page_width_mm * mm, self.page_height_mm * mm

    def slot_mm(self, slot: int) -> tuple[float, float]:
        """Top-left corner of label ``slot`` (0-based, row by row) in mm from the page's
        top-left corner — the way label templates are measured."""
        row, col = divmod(slot, self.columns)
        return (
            self.left_margin_mm + col * self.horizontal_pitch_mm,
            self.top_margin_mm + row * self.vertical_pitch_mm,
        )

    def slot_rect(
        self, slot: int, offset_mm: tuple[float, float] = (0.0, 0.0)
    ) -> tuple[float, float, float, float]:
        """Label ``slot`` as (x, y, width, height) in PDF points (y up, bottom-left corner),
        shifted by a calibration offset in mm (x to the right, y down)."""
        left, top = self.slot_mm(slot)
        width, height = self.label_width_mm * mm, self.label_height_mm * mm
        x = (left + offset_mm[0]) * mm
        y = (self.page_height_mm - top - offset_mm[1]) * mm - height
        return x, y, width, height


def layout_names() -> list[str]:
    return sorted(path.stem for path in LAYOUTS_DIR.glob("*.json"))


def list_layouts() -> list[LabelLayout]:
    """Every shipped layout, by name."""
    return [load_layout(name) for name in layout_names()]


def load_layout(name: str) -> LabelLayout:
    """The layout called ``name``; a Spanish error naming the valid ones if there is none."""
    names = layout_names()
    if name not in names:
        raise TalentDeskError(
            _("No existe la plantilla de gafetes «{name}». Plantillas disponibles: {names}.").format(
                name=name, names=", ".join(names)
            )
        )
    return _read_layout(LAYOUTS_DIR / f"{name}.json")


def _read_layout(path: Path) -> LabelLayout:
    def bad(reason: str) -> TalentDeskError:
        return TalentDeskError(f"La plantilla de gafetes «{path.name}» no es válida: {reason}.")

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise bad(f"no se pudo leer: {os_reason(exc)}") from exc
    except UnicodeDecodeError as exc:
        raise bad("no es texto UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise bad(f"no es JSON válido (línea {exc.lineno}, columna {exc.colno})") from exc
    if not isinstance(data, dict):
        raise bad("se esperaba un objeto JSON")
    missing = [key for key in ("name", "label", "page", "columns", "rows", *_LENGTH_KEYS) if key not in data]
    if missing:
        raise bad(f"faltan {', '.join(missing)}")
    if data["name"] != path.stem:
        raise bad(f"«name» es «{data['name']}» pero el archivo se llama «{path.stem}»")
    if not isinstance(data["label"], str) or not data["label"].strip():
        raise bad("«label» debe ser un texto")
    page = data["page"]
    if isinstance(page, str) and page.lower() in _PAGES_MM:
        page_w, page_h = _PAGES_MM[page.lower()]
    elif isinstance(page, list) and len(page) == 2 and all(_is_number(v) and v > 0 for v in page):
        page_w, page_h = float(page[0]), float(page[1])
    else:
        raise bad('«page» debe ser "letter", "a4" o [ancho, alto] en mm')
    lengths: dict[str, float] = {}
    for key in _LENGTH_KEYS:
        value = data[key]
        if not _is_number(value) or value < 0 or (key.startswith("label_") and value == 0):
            raise bad(f"«{key}» debe ser un número positivo")
        lengths[key] = float(value)
    counts: dict[str, int] = {}
    for key in ("columns", "rows"):
        if not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 1:
            raise bad(f"«{key}» debe ser un entero mayor que cero")
        counts[key] = data[key]
    safe = data.get("safe_margin_mm", 2.5)
    if not _is_number(safe) or safe < 0:
        raise bad("«safe_margin_mm» debe ser un número no negativo")
    layout = LabelLayout(
        name=data["name"],
        label=data["label"].strip(),
        page_width_mm=page_w,
        page_height_mm=page_h,
        columns=counts["columns"],
        rows=counts["rows"],
        safe_margin_mm=float(safe),
        **lengths,
    )
    if layout.columns > 1 and layout.horizontal_pitch_mm < layout.label_width_mm - _TOLERANCE_MM:
        raise bad("las etiquetas se enciman a lo ancho (paso horizontal menor que el ancho)")
    if layout.rows > 1 and layout.vertical_pitch_mm < layout.label_height_mm - _TOLERANCE_MM:
        raise bad("las etiquetas se enciman a lo alto (paso vertical menor que el alto)")
    right, bottom = layout.slot_mm(layout.per_sheet - 1)
    if right + layout.label_width_mm > page_w + _TOLERANCE_MM:
        raise bad("las etiquetas no caben a lo ancho de la página")
    if bottom + layout.label_height_mm > page_h + _TOLERANCE_MM:
        raise bad("las etiquetas no caben a lo alto de la página")
    if 2 * layout.safe_margin_mm >= min(layout.label_width_mm, layout.label_height_mm) / 2:
        raise bad("«safe_margin_mm» deja muy poco espacio para el gafete")
    return layout


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# -- what a badge shows ---------------------------------------------------------------------------


def event_line(starts_on: date, ends_on: date, city: str | None) -> str:
    """The second line of the event band: dates and city."""
    dates = spanish_date_range(starts_on, ends_on)
    return f"{dates} · {city}" if city else dates


@dataclass(frozen=True)
class BadgeData:
    """Everything one badge shows, as plain values (drawing needs no database session)."""

    participant_id: int
    code: str  # the participant code, printed and encoded in the QR code
    given_names: str
    paternal_surname: str
    maternal_surname: str | None
    role: ParticipantRole
    organization: str | None  # as registered; the badge prints it only if ``organization_public``
    chapter: str | None  # the member's chapter ("Houston"); None for guests and unassigned members
    event_name: str
    event_line: str  # dates and city, in Spanish (see :func:`event_line`)
    #: False for a member who did not allow their employer (:func:`consent.organization_is_public`):
    #: the badge, worn in public, then shows the chapter only. The packet's own cover and
    #: letter, handed to that person, may still use ``organization``.
    organization_public: bool = True


def badge_data(participant: Participant, *, chapter: str | None = None) -> BadgeData:
    """The badge of one ORM participant. ``chapter`` defaults to the member's chapter, which is
    loaded lazily: for many participants use :func:`load_badges` (three queries in all)."""
    member = participant.member
    if chapter is None and member is not None and member.chapter is not None:
        chapter = member.chapter.name
    public = organization_is_public(
        participant.member_id,
        member.directory_consent if member is not None else None,
        member.print_fields_raw if member is not None else None,
    )
    event = participant.event
    return BadgeData(
        participant_id=participant.id,
        code=participant.code,
        given_names=participant.given_names,
        paternal_surname=participant.paternal_surname,
        maternal_surname=participant.maternal_surname,
        role=participant.role,
        organization=participant.organization,
        chapter=chapter,
        event_name=event.name,
        event_line=event_line(event.starts_on, event.ends_on, event.city),
        organization_public=public,
    )


def load_badges(
    session: Session,
    event_id: int,
    *,
    participant_ids: Sequence[int] | None = None,
    statuses: Sequence[ParticipantStatus] | None = None,
) -> list[BadgeData]:
    """The badges of an event in Spanish name order (paterno, materno, nombres), read as plain
    rows. ``participant_ids`` selects those people (every one must belong to the event);
    ``statuses`` keeps only those statuses — by default :data:`DEFAULT_STATUSES`, or every
    status when ``participant_ids`` is given."""
    event = load_event(session, event_id)
    name, line = event.name, event_line(event.starts_on, event.ends_on, event.city)
    if statuses is None and participant_ids is None:
        statuses = DEFAULT_STATUSES
    query = (
        select(
            Participant.id,
            Participant.code,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.role,
            Participant.organization,
            Chapter.name,
            Participant.member_id,
            Member.directory_consent,
            Member.print_fields_raw,
        )
        .select_from(Participant)
        .outerjoin(Member, Member.id == Participant.member_id)
        .outerjoin(Chapter, Chapter.id == Member.chapter_id)
        .where(Participant.event_id == event_id)
        .order_by(Participant.sort_key, Participant.id)
    )
    if statuses is not None:
        query = query.where(Participant.status.in_([ParticipantStatus(s) for s in statuses]))
    rows = list(session.execute(query))
    if participant_ids is not None:
        wanted = set(participant_ids)
        in_event = set(session.scalars(select(Participant.id).where(Participant.event_id == event_id)))
        strangers = sorted(wanted - in_event)
        if strangers:
            listed = ", ".join(str(pid) for pid in strangers[:10]) + ("…" if len(strangers) > 10 else "")
            raise TalentDeskError(f"No están inscritos en «{name}» los participantes con id {listed}.")
        rows = [row for row in rows if row[0] in wanted]
    return [
        BadgeData(
            participant_id=pid,
            code=code,
            given_names=given,
            paternal_surname=paternal,
            maternal_surname=maternal,
            role=ParticipantRole(role),
            organization=organization,
            chapter=chapter,
            event_name=name,
            event_line=line,
            organization_public=organization_is_public(member_id, consent, print_fields),
        )
        for pid, code, given, paternal, maternal, role, organization, chapter, member_id, consent, print_fields in rows
    ]


def check_badge(glyphs: GlyphCheck, badge: BadgeData) -> None:
    """Record the badge's texts the font cannot draw: name, printed organisation, chapter."""
    where = f"participante {badge.code}"
    glyphs.check(where, full_name(badge.given_names, badge.paternal_surname, badge.maternal_surname))
    if badge.organization_public:
        glyphs.check(where, badge.organization)
    glyphs.check(where, badge.chapter)


# -- drawing one badge ----------------------------------------------------------------------------

INK = colors.HexColor("#1d1d1f")
SURNAME_INK = colors.HexColor("#3a3d42")
MUTED = colors.HexColor("#5f6368")
BAND_TEXT = colors.white
BAND_SUBTEXT = colors.HexColor("#cfe6dc")
#: Role bands: Mexican guinda for speakers, dark gold for moderators, calm blue for the many
#: attendees; each readable with white bold text.
ROLE_COLORS: dict[ParticipantRole, colors.Color] = {
    ParticipantRole.SPEAKER: colors.HexColor("#9d2449"),
    ParticipantRole.MODERATOR: colors.HexColor("#7a5a21"),
    ParticipantRole.ATTENDEE: colors.HexColor("#1f4e79"),
    ParticipantRole.SPECIAL_GUEST: colors.HexColor("#5b2c83"),
    ParticipantRole.STAFF: colors.HexColor("#2b2b2b"),
    ParticipantRole.PRESS: colors.HexColor("#b4531b"),
}
#: Words that should not end a line of a name ("María de los / Ángeles" reads badly).
PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "van", "von", "der", "di"}
)
ASCENT = 0.93  # top of an accented capital (Á, É) in em, DejaVu Sans
DESCENT = 0.24
LEADING = 1.08  # names: tight lines read as one block
CORNER = 1.8 * mm
MIN_CARD_MM = (40, 60)  # smaller than a business card's printable area: no room for a badge


@lru_cache(maxsize=8192)
def _width(text: str, font: str) -> float:
    """Width at 1 pt (widths scale linearly with the size)."""
    return float(stringWidth(text, font, 1))


@dataclass(frozen=True)
class _Block:
    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def leading(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        """From the top of the first line's accents to the last line's descenders."""
        if not self.lines:
            return 0.0
        return self.size * (ASCENT + DESCENT) + (len(self.lines) - 1) * self.leading

    def scaled(self, factor: float) -> _Block:
        return _Block(self.lines, self.font, self.size * factor)


def _fit_words(
    words: Sequence[str],
    font: str,
    width: float,
    max_size: float,
    max_lines: int,
    *,
    natural_break: int | None = None,
    line_penalty: float = 1.2,
) -> _Block:
    """The largest size (≤ max_size) at which ``words`` fit ``width`` on at most ``max_lines``
    lines. A layout with more lines must allow a size ``line_penalty`` times larger to be
    chosen; lines do not end in a particle ("de", "los"…) when that can be helped, and a
    break at ``natural_break`` (between paternal and maternal surname) counts as shorter."""
    words = [w for w in words if w]
    if not words:
        return _Block((), font, max_size)
    space = _width(" ", font)
    widths = [_width(w, font) for w in words]

    def line_width(i: int, j: int) -> float:
        return sum(widths[i:j]) + space * (j - i - 1)

    best: _Block | None = None
    best_size = 0.0
    for count in range(1, min(max_lines, len(words)) + 1):
        choice: tuple[float, tuple[int, ...]] | None = None
        fallback: tuple[float, tuple[int, ...]] | None = None
        for breaks in itertools.combinations(range(1, len(words)), count - 1):
            bounds = (0, *breaks, len(words))
            widest = max(line_width(a, b) for a, b in itertools.pairwise(bounds))
            score = widest * (0.85 if natural_break is not None and breaks == (natural_break,) else 1.0)
            if fallback is None or score < fallback[0]:
                fallback = (score, breaks)
            if any(words[b - 1].casefold() in PARTICLES for b in breaks):
                continue
            if choice is None or score < choice[0]:
                choice = (score, breaks)
        assert fallback is not None
        _score, breaks = choice or fallback
        bounds = (0, *breaks, len(words))
        widest = max(line_width(a, b) for a, b in itertools.pairwise(bounds))
        size = min(max_size, width / widest) if widest else max_size
        if best is None or size > best_size * line_penalty:
            lines = tuple(" ".join(words[a:b]) for a, b in itertools.pairwise(bounds))
            best, best_size = _Block(lines, font, size), size
    assert best is not None
    return best


def _names(badge: BadgeData, width: float, height: float, given_max: float) -> tuple[_Block, _Block]:
    """Given names and surnames fitted together into (width, height); never cut."""
    given_words = badge.given_names.split()
    paternal = badge.paternal_surname.split()
    surname_words = paternal + (badge.maternal_surname or "").split()
    natural = len(paternal) if badge.maternal_surname else None
    g_max, s_max = given_max, given_max * 0.6
    gap = given_max * 0.12
    for _attempt in range(8):
        given = _fit_words(given_words, FONT_BOLD, width, g_max, 2, line_penalty=1.25)
        surnames = _fit_words(
            surname_words,
            FONT_BOLD,
            width,
            min(s_max, given.size * 0.72),
            3,
            natural_break=natural,
            line_penalty=1.2,
        )
        needed = given.height + gap + surnames.height
        if needed <= height:
            return given, surnames
        factor = height / needed * 0.99
        g_max, s_max, gap = given.size * factor, surnames.size * factor, gap * factor
    factor = height / needed  # still too tall after re-fitting: shrink as set, never cut
    return given.scaled(factor), surnames.scaled(factor)


def _draw_block(
    canvas: Canvas, block: _Block, x: float, top: float, color: colors.Color, *, center: float | None = None
) -> float:
    """Draw lines from ``top`` down (left at x, or centred on ``center``); return the bottom."""
    if not block.lines:
        return top
    canvas.setFont(block.font, block.size)
    canvas.setFillColor(color)
    baseline = top - block.size * ASCENT
    for line in block.lines:
        if center is None:
            canvas.drawString(x, baseline, line)
        else:
            canvas.drawCentredString(center, baseline, line)
        baseline -= block.leading
    return top - block.height


@dataclass(frozen=True)
class _Band:
    """The event band: same for every badge of an export, so computed once."""

    name: _Block
    line: _Block
    height: float
    padding: float


@lru_cache(maxsize=64)
def _event_band(event_name: str, event_line_text: str, width: float, scale: float, portrait: bool) -> _Band:
    padding = (4 if portrait else 3.2) * mm * scale
    inner = width - 2 * padding
    name_max, line_max = (11.0, 8.5) if portrait else (8.5, 7.0)
    name = _fit_words(event_name.split(), FONT_BOLD, inner, name_max * scale, 2, line_penalty=1.0)
    line = _fit_words(event_line_text.split(), FONT, inner, line_max * scale, 1)
    gap = 0.8 * mm * scale if line.lines else 0.0
    height = 2 * padding * 0.7 + name.height + gap + line.height
    return _Band(name, line, height, padding)


@lru_cache(maxsize=64)
def _role_label(role: ParticipantRole) -> str:
    return role.label.upper()


def draw_badge(
    canvas: Canvas,
    badge: BadgeData,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    safe_margin: float = 2.5 * mm,
) -> None:
    """Draw one badge in the box (x, y, width, height), in points, bottom-left corner at (x, y).

    Nothing is drawn within ``safe_margin`` of the box edges (die-cut tolerance, a printer's
    unprintable border); what is left must be at least 40 × 60 mm (ValueError otherwise).
    Landscape boxes put the QR code beside the names, portrait boxes (A6, quarter pages)
    under them. Stable API: the attendee packet draws its badge with it.
    """
    register_fonts()
    left, bottom = x + safe_margin, y + safe_margin
    card_w, card_h = width - 2 * safe_margin, height - 2 * safe_margin
    if min(card_w, card_h) < MIN_CARD_MM[0] * mm or max(card_w, card_h) < MIN_CARD_MM[1] * mm:
        raise ValueError(
            f"a badge needs at least {MIN_CARD_MM[0]} × {MIN_CARD_MM[1]} mm inside its safe margins"
        )
    portrait = card_h > card_w * 1.05
    scale = (
        min(card_w / (95 * mm), card_h / (138 * mm))
        if portrait
        else min(card_w / (96 * mm), card_h / (71 * mm))
    )
    top = bottom + card_h
    canvas.saveState()

    band = _event_band(badge.event_name, badge.event_line, card_w, scale, portrait)
    canvas.setFillColor(GREEN)
    canvas.roundRect(left, top - band.height, card_w, band.height, CORNER, stroke=0, fill=1)
    text_top = top - band.padding * 0.7
    text_top = _draw_block(canvas, band.name, left + band.padding, text_top, BAND_TEXT)
    if band.line.lines:
        _draw_block(canvas, band.line, left + band.padding, text_top - 0.8 * mm * scale, BAND_SUBTEXT)

    role_h = max(6 * mm, 7.5 * mm * scale)
    canvas.setFillColor(ROLE_COLORS.get(badge.role, GREEN))
    canvas.roundRect(left, bottom, card_w, role_h, CORNER, stroke=0, fill=1)
    label = _role_label(badge.role)
    role_size = min(10 * scale, role_h * 0.5)
    spacing = role_size * 0.12
    role_w = _width(label, FONT_BOLD) * role_size + spacing * (len(label) - 1)
    if role_w > card_w - 4 * mm:  # a long role name on a small badge: shrink, never cut
        role_size *= (card_w - 4 * mm) / role_w
        spacing = role_size * 0.12
        role_w = card_w - 4 * mm
    canvas.setFont(FONT_BOLD, role_size)
    canvas.setFillColor(colors.white)
    canvas.drawString(
        left + (card_w - role_w) / 2, bottom + (role_h - role_size * 0.72) / 2, label, charSpace=spacing
    )

    gap = 3 * mm * scale
    mid_top = top - band.height - gap
    mid_bottom = bottom + role_h + gap
    code_size = max(6.0, (8.5 if portrait else 7) * scale)
    if portrait:
        _portrait_body(canvas, badge, left, card_w, mid_top, mid_bottom, scale, code_size)
    else:
        _landscape_body(canvas, badge, left, card_w, mid_top, mid_bottom, scale, code_size)
    canvas.restoreState()


def _affiliation(badge: BadgeData, width: float, scale: float) -> list[tuple[_Block, colors.Color]]:
    blocks: list[tuple[_Block, colors.Color]] = []
    if badge.organization and badge.organization_public:
        org_max = 9 * scale
        block = _fit_words(badge.organization.split(), FONT, width, org_max, 2, line_penalty=1.15)
        blocks.append((block, INK))
    if badge.chapter:
        chapter = f"Capítulo {badge.chapter}"
        blocks.append((_fit_words(chapter.split(), FONT, width, 8 * scale, 1), MUTED))
    return blocks


def _affiliation_height(blocks: list[tuple[_Block, colors.Color]], gap: float) -> float:
    return sum(block.height for block, _c in blocks) + gap * max(0, len(blocks) - 1)


def _landscape_body(
    canvas: Canvas,
    badge: BadgeData,
    left: float,
    card_w: float,
    mid_top: float,
    mid_bottom: float,
    scale: float,
    code_size: float,
) -> None:
    mid_h = mid_top - mid_bottom
    qr_box = min(25 * mm * scale, mid_h - code_size * 1.4)
    qr_left = left + card_w - qr_box
    column = mid_bottom + (mid_h - qr_box - code_size * 1.3) / 2  # QR and code, centred
    modules = draw_qr(canvas, badge.code, qr_left, column + code_size * 1.3, qr_box)
    quiet = qr_box * QUIET_ZONE / modules
    canvas.setFont(FONT, code_size)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(qr_left + qr_box / 2, column + code_size * 0.25, badge.code)

    text_left = left + 3.2 * mm * scale
    text_w = qr_left + quiet * 0.5 - text_left - 2 * mm * scale
    gap = 1 * mm * scale
    blocks = _affiliation(badge, text_w, scale)
    aff_h = _affiliation_height(blocks, gap)
    names_h = mid_h - aff_h - (2.5 * mm * scale if blocks else 0)
    given, surnames = _names(badge, text_w, names_h, 30 * scale)
    after = _draw_block(canvas, given, text_left, mid_top, INK)
    _draw_block(canvas, surnames, text_left, after - given.size * 0.12, SURNAME_INK)
    cursor = mid_bottom + aff_h
    for block, color in blocks:
        cursor = _draw_block(canvas, block, text_left, cursor, color) - gap


def _portrait_body(
    canvas: Canvas,
    badge: BadgeData,
    left: float,
    card_w: float,
    mid_top: float,
    mid_bottom: float,
    scale: float,
    code_size: float,
) -> None:
    center = left + card_w / 2
    mid_h = mid_top - mid_bottom
    qr_box = min(card_w * 0.45, mid_h * 0.42)
    draw_qr(canvas, badge.code, center - qr_box / 2, mid_bottom + code_size * 1.3, qr_box)
    canvas.setFont(FONT, code_size)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(center, mid_bottom + code_size * 0.25, badge.code)

    text_w = card_w - 2 * 4 * mm * scale
    gap = 1.2 * mm * scale
    blocks = _affiliation(badge, text_w, scale * 1.15)
    aff_h = _affiliation_height(blocks, gap)
    region_bottom = mid_bottom + code_size * 1.3 + qr_box + 2 * mm * scale
    names_h = mid_top - region_bottom - aff_h - (3 * mm * scale if blocks else 0)
    given, surnames = _names(badge, text_w, names_h, 40 * scale)
    name_gap = given.size * 0.12
    block_h = given.height + name_gap + surnames.height + (3 * mm * scale if blocks else 0) + aff_h
    cursor = mid_top - max(0.0, (mid_top - region_bottom - block_h) / 2)
    cursor = _draw_block(canvas, given, 0, cursor, INK, center=center) - name_gap
    cursor = _draw_block(canvas, surnames, 0, cursor, SURNAME_INK, center=center)
    cursor -= 3 * mm * scale
    for block, color in blocks:
        cursor = _draw_block(canvas, block, 0, cursor, color, center=center) - gap


# -- the sheet ------------------------------------------------------------------------------------

CUT_MARK_GAP = 1.5 * mm  # from the label corner to the start of the mark
CUT_MARK_LENGTH = 4 * mm
CUT_MARK_CLEARANCE = 0.3 * mm  # marks keep this far from every label on the sheet


def _cut_marks(
    layout: LabelLayout, slots: Sequence[int], offset_mm: tuple[float, float]
) -> list[tuple[float, float, float, float]]:
    """Short lines continuing the edges of the printed labels outwards from their corners,
    clipped so that they never touch a label of the sheet (printed or not) nor leave the page."""
    labels = [layout.slot_rect(s, offset_mm) for s in range(layout.per_sheet)]
    page_w, page_h = layout.page_size
    c = CUT_MARK_CLEARANCE
    segments: list[tuple[float, float, float, float]] = []
    for slot in slots:
        x, y, w, h = labels[slot]
        for cx, sx in ((x, -1), (x + w, 1)):
            for cy, sy in ((y, -1), (y + h, 1)):
                # horizontal mark on the line y = cy, going away from the label
                for a, b in _clip(
                    sorted((cx + sx * CUT_MARK_GAP, cx + sx * (CUT_MARK_GAP + CUT_MARK_LENGTH))),
                    [(lx - c, lx + lw + c) for lx, ly, lw, lh in labels if ly - c <= cy <= ly + lh + c],
                    (0.0, page_w),
                ):
                    segments.append((a, cy, b, cy))
                for a, b in _clip(
                    sorted((cy + sy * CUT_MARK_GAP, cy + sy * (CUT_MARK_GAP + CUT_MARK_LENGTH))),
                    [(ly - c, ly + lh + c) for lx, ly, lw, lh in labels if lx - c <= cx <= lx + lw + c],
                    (0.0, page_h),
                ):
                    segments.append((cx, a, cx, b))
    return segments


def _clip(
    span: list[float], blocked: list[tuple[float, float]], page: tuple[float, float]
) -> list[tuple[float, float]]:
    pieces = [(max(span[0], page[0]), min(span[1], page[1]))]
    for lo, hi in blocked:
        pieces = [
            part for a, b in pieces for part in ((a, min(b, lo)), (max(a, hi), b)) if part[1] - part[0] > 1e-6
        ]
    return [(a, b) for a, b in pieces if b - a >= 1 * mm]


def _draw_cut_marks(canvas: Canvas, segments: list[tuple[float, float, float, float]]) -> None:
    if not segments:
        return
    path = canvas.beginPath()
    for x1, y1, x2, y2 in segments:
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.3)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def export_badges_pdf(
    sessions: SessionFactory,
    event_id: int,
    out_path: Path | str,
    *,
    layout: str = DEFAULT_LAYOUT,
    participant_ids: Sequence[int] | None = None,
    start_slot: int = 1,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    cut_marks: bool = False,
    statuses: Sequence[ParticipantStatus] | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Badges of an event on label sheets; ``rows`` of the result = badges printed.

    ``layout``: a name from :func:`layout_names`. ``participant_ids``: reprint only those (in
    name order). ``start_slot``: the first label to use on the first sheet, 1-based (a partly
    used sheet). ``offset_mm``: (x to the right, y down) moves everything for a printer that
    prints off-centre. ``cut_marks``: short crop marks at the label corners, outside the labels.
    ``statuses``: who is printed (default :data:`DEFAULT_STATUSES`, see the module doc).
    """
    sheet = load_layout(layout)
    if (
        isinstance(start_slot, bool)
        or not isinstance(start_slot, int)
        or not 1 <= start_slot <= sheet.per_sheet
    ):
        raise TalentDeskError(
            f"Etiqueta inicial fuera de rango: «{sheet.label}» tiene {sheet.per_sheet} etiquetas por hoja "
            f"(de 1 a {sheet.per_sheet}); se indicó {start_slot}."
        )
    dx, dy = (float(v) for v in offset_mm)
    if not all(math.isfinite(v) and abs(v) <= MAX_OFFSET_MM for v in (dx, dy)):
        raise TalentDeskError(
            f"Desplazamiento de calibración no válido ({dx:g}, {dy:g} mm): cada valor debe estar entre "
            f"-{MAX_OFFSET_MM:g} y {MAX_OFFSET_MM:g} mm."
        )
    check_abort(abort)
    with streaming_reader(sessions) as session:
        badges = load_badges(session, event_id, participant_ids=participant_ids, statuses=statuses)
        if not badges:
            event_name = session.scalar(select(Event.name).where(Event.id == event_id))
            raise TalentDeskError(f"No hay participantes a quienes imprimir gafete en «{event_name}».")
    total = len(badges)
    glyphs = GlyphCheck()
    for badge in badges:
        check_badge(glyphs, badge)
    with atomic_output(out_path, suffix=".pdf") as temp:
        canvas = new_canvas(
            temp, f"Gafetes — {badges[0].event_name}", sheet.page_size, subject=f"Gafetes: {sheet.label}"
        )
        safe = sheet.safe_margin_mm * mm
        slot = start_slot - 1
        used: list[int] = []
        for done, badge in enumerate(badges, start=1):
            check_abort(abort)
            if slot == sheet.per_sheet:
                _finish_sheet(canvas, sheet, used, (dx, dy), cut_marks)
                slot, used = 0, []
            x, y, w, h = sheet.slot_rect(slot, (dx, dy))
            draw_badge(canvas, badge, x, y, w, h, safe_margin=safe)
            used.append(slot)
            slot += 1
            if progress is not None and (done % 20 == 0 or done == total):
                progress(done, total)
        _finish_sheet(canvas, sheet, used, (dx, dy), cut_marks)
        check_abort(abort)
        canvas.save()
    return ExportResult(
        Path(out_path), total, glyphs.warnings(), participant_ids=[b.participant_id for b in badges]
    )


def _finish_sheet(
    canvas: Canvas, sheet: LabelLayout, used: list[int], offset_mm: tuple[float, float], cut_marks: bool
) -> None:
    if cut_marks:
        _draw_cut_marks(canvas, _cut_marks(sheet, used, offset_mm))
    canvas.showPage()
