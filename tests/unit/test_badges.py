"""Name badges, read back: page counts per layout and start slot, every badge's text, where the
badges land on the sheet (to 0.5 mm), calibration offsets, reprints, long names that must
shrink and never leave the label, fonts embedded, qpdf-clean files, cancel and bad input;
and the QR codes: the same symbol as ReportLab's widget, drawn as one exact path."""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import shutil
import string
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

import talentdesk.exports.badges as badges_module
from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.errors import Cancelled, NotFoundError, TalentDeskError
from talentdesk.core.events import Event, Participant
from talentdesk.core.models import Chapter, Member
from talentdesk.db.session import Database
from talentdesk.exports.badges import (
    DEFAULT_STATUSES,
    BadgeData,
    LabelLayout,
    badge_data,
    draw_badge,
    event_line,
    export_badges_pdf,
    layout_names,
    list_layouts,
    load_badges,
    load_layout,
)
from talentdesk.exports.pdf import register_fonts
from talentdesk.exports.qr import QUIET_ZONE, _penalty, dark_rectangles, draw_qr, qr_matrix, qr_rects
from talentdesk.services import event_participants
from talentdesk.services import events as ev
from talentdesk.services.demo_event import DEMO_NAME

MM = mm  # points per millimetre
CODE = re.compile(r"[A-Z0-9]+-\d{4}")
TOL = 0.5 * MM  # the tolerance for badge positions

LONG_GIVEN = "María de los Ángeles Guadalupe"
LONG_PATERNAL = "Fernández de Córdoba y Villaseñor"
LONG_MATERNAL = "Ruiz-Esparza Ñúñez"
PEOPLE = [
    # given, paternal, maternal, organisation, role
    (LONG_GIVEN, LONG_PATERNAL, LONG_MATERNAL, "Universidad Nacional Autónoma de México", "ponente"),
    ("Ana", "Li", None, None, "asistente"),
    ("José Ñoño", "Peña", "Íñiguez", "Instituto Tecnológico de Monterrey", "moderador"),
    ("Ximena", "Zúñiga", "Ávalos", "El Universal", "prensa"),
    ("Juan Pablo", "González", "Martínez", "Aeroméxico", "invitado_especial"),
]


# -- fixtures and helpers -------------------------------------------------------------------------


@pytest.fixture()
def small(db: Database) -> tuple[Database, int]:
    """An event of five guests with accents, ñ and one very long compound name."""
    with db.session() as session:
        event = ev.create_event(
            session,
            {
                "name": "Encuentro de Talentos en Monterrey",
                "starts_on": date(2027, 3, 10),
                "ends_on": date(2027, 3, 11),
                "city": "Monterrey",
            },
        )
        for given, paternal, maternal, org, role in PEOPLE:
            event_participants.add_guest(
                session,
                event.id,
                {
                    "given_names": given,
                    "paternal_surname": paternal,
                    "maternal_surname": maternal,
                    "organization": org,
                    "role": role,
                },
            )
        event_id = event.id
    return db, event_id


@pytest.fixture()
def out_dir(tmp_path: Path) -> Path:
    """Exports go here, apart from the database (whose -wal/-shm files live in tmp_path)."""
    folder = tmp_path / "salida"
    folder.mkdir()
    return folder


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[tuple[Database, int]]:
    database = Database.open(demo_db_path)
    with database.reader() as session:
        event_id = session.scalar(select(Event.id).where(Event.name == DEMO_NAME))
    assert event_id is not None
    yield database, event_id
    database.close()


@dataclass(frozen=True)
class Text:
    text: str
    x: float
    y: float
    font: str  # base font name without the subset prefix
    size: float

    @property
    def width(self) -> float:
        return float(stringWidth(self.text, self.font, self.size))


@dataclass(frozen=True)
class Shape:
    x0: float
    y0: float
    x1: float
    y1: float


def _apply(cm: list[float], x: float, y: float) -> tuple[float, float]:
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def read_page(page: object) -> tuple[list[Text], list[Shape]]:
    """Text runs with their position, font and size; bounding boxes of every filled path."""
    texts: list[Text] = []
    shapes: list[Shape] = []
    points: list[tuple[float, float]] = []

    def on_text(text: str, cm: list[float], tm: list[float], font: dict[str, object], size: float) -> None:
        if not text.strip():
            return
        x, y = _apply(cm, tm[4], tm[5])
        base = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        texts.append(Text(text.strip(), x, y, base, size * tm[0] * cm[0]))

    def on_operator(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        values = [float(a) for a in args] if op in (b"m", b"l", b"c", b"re") else []  # type: ignore[arg-type]
        if op in (b"m", b"l", b"c"):
            points.extend(_apply(cm, values[i], values[i + 1]) for i in range(0, len(values), 2))
        elif op == b"re":
            x, y, w, h = values
            points.extend((_apply(cm, x, y), _apply(cm, x + w, y + h)))
        elif op in (b"f", b"f*", b"F"):
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            shapes.append(Shape(min(xs), min(ys), max(xs), max(ys)))
            points.clear()
        elif op == b"n":
            points.clear()

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)  # type: ignore[attr-defined]
    return texts, shapes


def slot_of(layout: LabelLayout, x: float, y: float, offset: tuple[float, float] = (0, 0)) -> int | None:
    for slot in range(layout.per_sheet):
        sx, sy, w, h = layout.slot_rect(slot, offset)
        if sx <= x <= sx + w and sy <= y <= sy + h:
            return slot
    return None


def codes_by_page(path: Path, layout: LabelLayout) -> list[list[tuple[int, str]]]:
    """For each page, (slot, participant code) of each badge, in slot order."""
    pages = []
    for page in PdfReader(path).pages:
        texts, _shapes = read_page(page)
        found = [(slot_of(layout, t.x, t.y), t.text) for t in texts if CODE.fullmatch(t.text)]
        pages.append(sorted((s, code) for s, code in found if s is not None))
    return pages


def event_codes(database: Database, event_id: int, statuses: tuple[ParticipantStatus, ...]) -> list[str]:
    with database.reader() as session:
        return list(
            session.scalars(
                select(Participant.code)
                .where(Participant.event_id == event_id, Participant.status.in_(statuses))
                .order_by(Participant.sort_key, Participant.id)
            )
        )


def pdffonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


# -- layouts --------------------------------------------------------------------------------------


def test_shipped_layouts_are_valid_and_real() -> None:
    names = layout_names()
    assert {"avery-5392", "avery-l7418", "a6", "letter-4up", "a4-4up"} <= set(names)
    layouts = {layout.name: layout for layout in list_layouts()}
    assert sorted(layouts) == names
    avery = layouts["avery-5392"]  # 4 × 3 in, 2 × 3 on Letter, 0.25 in sides, 1 in top
    assert (avery.page_width_mm, avery.page_height_mm) == (215.9, 279.4)
    assert (avery.label_width_mm, avery.label_height_mm, avery.columns, avery.rows) == (101.6, 76.2, 2, 3)
    assert (avery.left_margin_mm, avery.top_margin_mm) == (6.35, 25.4)
    l7418 = layouts["avery-l7418"]  # 86 × 55 mm, 2 × 4 on A4
    assert (l7418.page_width_mm, l7418.page_height_mm) == (210, 297)
    assert (l7418.label_width_mm, l7418.label_height_mm, l7418.per_sheet) == (86, 55, 8)
    assert layouts["a6"].page_size == pytest.approx((105 * MM, 148 * MM))
    assert layouts["a6"].per_sheet == 1
    for name in ("letter-4up", "a4-4up"):
        assert (layouts[name].columns, layouts[name].rows) == (2, 2)
    for layout in layouts.values():
        assert layout.label.strip() and layout.per_sheet >= 1
        page_w, page_h = layout.page_size
        for slot in range(layout.per_sheet):  # inside the page, no two labels overlap
            x, y, w, h = layout.slot_rect(slot)
            assert x >= -0.01 and x + w <= page_w + 0.01 and y >= -0.01 and y + h <= page_h + 0.01
            for other in range(slot):
                ox, oy, ow, oh = layout.slot_rect(other)
                assert x >= ox + ow - 0.01 or ox >= x + w - 0.01 or y >= oy + oh - 0.01 or oy >= y + h - 0.01


def test_slot_positions_by_hand() -> None:
    """Where labels are, computed by hand from the Avery templates (not with slot_rect's code)."""
    avery = load_layout("avery-5392")
    # 4th label = row 2, column 2: 0.25 + 4 in from the left, 1 + 3 in from the top of 11 in
    assert avery.slot_rect(3) == pytest.approx((4.25 * 72, (11 - 4 - 3) * 72, 4 * 72, 3 * 72))
    assert avery.slot_rect(0, (1.0, 2.0)) == pytest.approx((0.25 * 72 + MM, 7 * 72 - 2 * MM, 4 * 72, 3 * 72))
    l7418 = load_layout("avery-l7418")
    # 8th label = row 4, column 2: 14 + 96 mm from the left, 21.5 + 3 * 66 mm from the top
    assert l7418.slot_rect(7) == pytest.approx((110 * MM, (297 - 219.5 - 55) * MM, 86 * MM, 55 * MM))
    assert l7418.slot_mm(2) == pytest.approx((14, 87.5))


def test_symmetric_avery_sheets() -> None:
    """The Avery geometries leave equal margins left and right (a typo would not)."""
    for name in ("avery-5392", "avery-l7418"):
        layout = load_layout(name)
        right = layout.page_width_mm - (layout.slot_mm(layout.columns - 1)[0] + layout.label_width_mm)
        assert right == pytest.approx(layout.left_margin_mm)


def test_unknown_layout_lists_the_valid_ones() -> None:
    with pytest.raises(TalentDeskError, match="No existe la plantilla de gafetes «avery-9999»") as info:
        load_layout("avery-9999")
    for name in layout_names():
        assert name in info.value.message
    with pytest.raises(TalentDeskError, match="No existe"):
        load_layout("../layouts/avery-5392")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"columns": 0}, "«columns» debe ser un entero"),
        ({"label_width_mm": "ancho"}, "«label_width_mm» debe ser un número"),
        ({"horizontal_pitch_mm": 50}, "se enciman a lo ancho"),
        ({"columns": 3}, "no caben a lo ancho"),
        ({"page": "tabloide"}, "«page» debe ser"),
        ({"name": "otra"}, "«name» es «otra»"),
    ],
)
def test_broken_layout_files_are_refused_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: dict[str, object], message: str
) -> None:
    data = json.loads((badges_module.LAYOUTS_DIR / "avery-5392.json").read_text(encoding="utf-8"))
    data.update(change)
    (tmp_path / "avery-5392.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(badges_module, "LAYOUTS_DIR", tmp_path)
    with pytest.raises(TalentDeskError, match=message):
        load_layout("avery-5392")


def test_event_line_in_spanish() -> None:
    assert event_line(date(2027, 2, 18), date(2027, 2, 19), "Ciudad de México") == (
        "18 y 19 de febrero de 2027 · Ciudad de México"
    )
    assert event_line(date(2027, 3, 10), date(2027, 3, 10), None) == "10 de marzo de 2027"


# -- the sheet ------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout_name", ["avery-5392", "avery-l7418", "a6", "letter-4up", "a4-4up"])
def test_every_layout_prints_every_badge_in_its_slot(
    small: tuple[Database, int], out_dir: Path, layout_name: str
) -> None:
    database, event_id = small
    layout = load_layout(layout_name)
    out = out_dir / "gafetes.pdf"
    calls: list[tuple[int, int]] = []
    result = export_badges_pdf(
        database.sessions, event_id, out, layout=layout_name, progress=lambda d, t: calls.append((d, t))
    )
    assert result.rows == len(PEOPLE) and result.path == out
    assert calls[-1] == (5, 5)
    reader = PdfReader(out)
    assert len(reader.pages) == math.ceil(len(PEOPLE) / layout.per_sheet)
    assert reader.metadata is not None
    assert reader.metadata.title == "Gafetes — Encuentro de Talentos en Monterrey"
    assert reader.metadata.author and "Instituto de los Mexicanos en el Exterior" in reader.metadata.author
    page_w, page_h = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (page_w, page_h) == pytest.approx(layout.page_size, abs=0.01)

    with database.reader() as session:
        expected = load_badges(session, event_id)  # Spanish name order
    assert [b.paternal_surname for b in expected] == [
        "Fernández de Córdoba y Villaseñor",
        "González",
        "Li",
        "Peña",
        "Zúñiga",
    ]
    safe = layout.safe_margin_mm * MM
    for index, badge in enumerate(expected):
        page, slot = divmod(index, layout.per_sheet)
        texts, shapes = read_page(reader.pages[page])
        x, y, w, h = layout.slot_rect(slot)
        mine = [t for t in texts if x <= t.x <= x + w and y <= t.y <= y + h]
        words = " ".join(t.text for t in mine).split()
        for part in (badge.given_names, badge.paternal_surname, badge.maternal_surname, badge.organization):
            for word in (part or "").split():
                assert word in words, (word, layout_name)
        assert badge.code in words
        assert badge.role.label.upper().replace(" ", "") in "".join(words)
        assert "Encuentro" in words and "Monterrey" in words and "10" in words  # the event band
        for t in mine:  # nothing leaves the label, nothing enters its safe margin
            assert t.x >= x + safe - TOL and t.x + t.width <= x + w - safe + TOL, (t, layout_name)
            assert y + safe - TOL <= t.y <= y + h - safe + TOL
        # The badge sits where the layout says: its event band spans the label's width and
        # touches its top safe line, its role band its bottom one.
        bands = [s for s in shapes if abs(s.x0 - (x + safe)) <= TOL and abs(s.x1 - (x + w - safe)) <= TOL]
        assert any(abs(s.y1 - (y + h - safe)) <= TOL for s in bands), layout_name
        assert any(abs(s.y0 - (y + safe)) <= TOL for s in bands), layout_name
        for s in shapes:
            if x <= (s.x0 + s.x1) / 2 <= x + w and y <= (s.y0 + s.y1) / 2 <= y + h:
                assert s.x0 >= x + safe - TOL and s.x1 <= x + w - safe + TOL
                assert s.y0 >= y + safe - TOL and s.y1 <= y + h - safe + TOL


@pytest.mark.parametrize(
    ("layout_name", "count", "start", "pages"),
    [
        ("avery-5392", 6, 1, 1),
        ("avery-5392", 6, 2, 2),
        ("avery-5392", 7, 6, 2),
        ("avery-5392", 1, 6, 1),
        ("avery-l7418", 9, 1, 2),
        ("avery-l7418", 9, 8, 2),
        ("avery-l7418", 10, 8, 3),
        ("a6", 3, 1, 3),
        ("letter-4up", 5, 4, 2),
        ("a4-4up", 4, 2, 2),
    ],
)
def test_page_count_follows_start_slot(
    db: Database, out_dir: Path, layout_name: str, count: int, start: int, pages: int
) -> None:
    with db.session() as session:
        event = ev.create_event(
            session, {"name": "Conteo", "starts_on": date(2027, 1, 5), "ends_on": date(2027, 1, 5)}
        )
        for n in range(count):
            event_participants.add_guest(
                session, event.id, {"given_names": f"Persona {n}", "paternal_surname": f"Apellido{n:02d}"}
            )
        event_id = event.id
    out = out_dir / "g.pdf"
    assert export_badges_pdf(db.sessions, event_id, out, layout=layout_name, start_slot=start).rows == count
    assert (
        len(PdfReader(out).pages)
        == pages
        == math.ceil((start - 1 + count) / load_layout(layout_name).per_sheet)
    )


def test_start_slot_leaves_the_first_labels_empty(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    layout = load_layout("avery-l7418")
    out = out_dir / "g.pdf"
    export_badges_pdf(database.sessions, event_id, out, layout="avery-l7418", start_slot=5)
    pages = codes_by_page(out, layout)
    assert [slot for slot, _code in pages[0]] == [4, 5, 6, 7]  # slots 1-4 already used
    assert [slot for slot, _code in pages[1]] == [0]  # the next sheet starts at its first label
    texts, shapes = read_page(PdfReader(out).pages[0])
    for slot in range(4):
        x, y, w, h = layout.slot_rect(slot)
        assert not [t for t in texts if x <= t.x <= x + w and y <= t.y <= y + h]
        assert not [s for s in shapes if x <= s.x0 <= x + w and y <= s.y0 <= y + h]


def test_offset_moves_everything_by_exactly_that(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    export_badges_pdf(database.sessions, event_id, out_dir / "a.pdf", cut_marks=True)
    export_badges_pdf(database.sessions, event_id, out_dir / "b.pdf", cut_marks=True, offset_mm=(1.5, -2.25))
    plain_texts, plain_shapes = read_page(PdfReader(out_dir / "a.pdf").pages[0])
    moved_texts, moved_shapes = read_page(PdfReader(out_dir / "b.pdf").pages[0])
    assert len(plain_texts) == len(moved_texts) > 20
    for a, b in zip(plain_texts, moved_texts, strict=True):
        assert (a.text, a.size) == (b.text, b.size)
        assert b.x - a.x == pytest.approx(1.5 * MM, abs=0.01)  # x to the right
        assert b.y - a.y == pytest.approx(2.25 * MM, abs=0.01)  # y down: -2.25 mm moves up
    for a2, b2 in zip(plain_shapes, moved_shapes, strict=True):
        assert b2.x0 - a2.x0 == pytest.approx(1.5 * MM, abs=0.02)
        assert b2.y1 - a2.y1 == pytest.approx(2.25 * MM, abs=0.02)


def test_reprint_prints_only_the_selected_in_name_order(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    with database.reader() as session:
        people = {
            surname: (pid, code)
            for pid, code, surname in session.execute(
                select(Participant.id, Participant.code, Participant.paternal_surname).where(
                    Participant.event_id == event_id
                )
            )
        }
    picked = [people["Zúñiga"][0], people["Li"][0]]
    out = out_dir / "g.pdf"
    result = export_badges_pdf(database.sessions, event_id, out, participant_ids=picked, start_slot=3)
    assert result.rows == 2
    layout = load_layout("avery-5392")
    assert codes_by_page(out, layout) == [[(2, people["Li"][1]), (3, people["Zúñiga"][1])]]
    text = PdfReader(out).pages[0].extract_text()
    assert "Peña" not in text and "González" not in text and "Zúñiga" in text


def test_reprint_of_someone_from_another_event_is_refused(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    with pytest.raises(
        TalentDeskError,
        match="No están inscritos en «Encuentro de Talentos en Monterrey» los participantes con id 999",
    ):
        export_badges_pdf(database.sessions, event_id, out_dir / "g.pdf", participant_ids=[999])
    assert list(out_dir.iterdir()) == []


def test_long_names_shrink_and_stay_inside(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    for layout_name in ("avery-l7418", "avery-5392", "a6"):
        layout = load_layout(layout_name)
        out = out_dir / f"{layout_name}.pdf"
        export_badges_pdf(database.sessions, event_id, out, layout=layout_name)
        texts, _shapes = read_page(PdfReader(out).pages[0])
        x, y, w, h = layout.slot_rect(0)  # the long name sorts first (Fernández)
        mine = [t for t in texts if x <= t.x <= x + w and y <= t.y <= y + h]
        words = " ".join(t.text for t in mine).split()
        for word in f"{LONG_GIVEN} {LONG_PATERNAL} {LONG_MATERNAL}".split():
            assert word in words  # nothing cut
        safe = layout.safe_margin_mm * MM
        for t in mine:
            assert x + safe - TOL <= t.x and t.x + t.width <= x + w - safe + TOL, (layout_name, t)
        given_long = max(t.size for t in mine if t.text in LONG_GIVEN and t.font == "DejaVuSans-Bold")
        other, _ = read_page(PdfReader(out).pages[0 if layout.per_sheet > 1 else 1])
        given_short = max(t.size for t in other if t.text == "Juan Pablo")  # González sorts second
        assert given_long < given_short  # shrunk (or set on two lines at a smaller size)


def test_default_selection_leaves_out_who_said_no(demo: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = demo
    out = out_dir / "g.pdf"
    result = export_badges_pdf(database.sessions, event_id, out, layout="avery-l7418")
    expected = event_codes(database, event_id, DEFAULT_STATUSES)
    left_out = event_codes(database, event_id, (ParticipantStatus.DECLINED, ParticipantStatus.CANCELLED))
    assert left_out and result.rows == len(expected) < 151
    printed = [code for page in codes_by_page(out, load_layout("avery-l7418")) for _slot, code in page]
    assert printed == expected  # every expected badge, in Spanish name order
    assert not set(printed) & set(left_out)


def test_statuses_option_and_member_chapter(demo: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = demo
    out = out_dir / "g.pdf"
    export_badges_pdf(database.sessions, event_id, out, statuses=[ParticipantStatus.DECLINED])
    declined = event_codes(database, event_id, (ParticipantStatus.DECLINED,))
    printed = [code for page in codes_by_page(out, load_layout("avery-5392")) for _slot, code in page]
    assert printed == declined
    with database.reader() as session:
        member_badge = next(
            b for b in load_badges(session, event_id) if b.chapter is not None and b.organization
        )
        chapter = session.scalar(
            select(Chapter.name)
            .join(Member, Member.chapter_id == Chapter.id)
            .join(Participant, Participant.member_id == Member.id)
            .where(Participant.id == member_badge.participant_id)
        )
    assert member_badge.chapter == chapter
    out2 = out_dir / "m.pdf"
    export_badges_pdf(database.sessions, event_id, out2, participant_ids=[member_badge.participant_id])
    text = PdfReader(out2).pages[0].extract_text()
    assert f"Capítulo {chapter}" in text


def test_fonts_embedded_and_qpdf_clean(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    out = out_dir / "g.pdf"
    export_badges_pdf(database.sessions, event_id, out, cut_marks=True)
    fonts = pdffonts(out)
    assert fonts and all("DejaVuSans" in line for line in fonts)
    assert all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    assert not any("Helvetica" in line for line in fonts)
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_cut_marks_stay_outside_every_label(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    for layout_name in ("avery-l7418", "a4-4up", "avery-5392"):
        layout = load_layout(layout_name)
        segments = badges_module._cut_marks(layout, range(layout.per_sheet), (0.0, 0.0))
        assert segments
        page_w, page_h = layout.page_size
        for x1, y1, x2, y2 in segments:
            assert (x1 == x2) or (y1 == y2)
            assert min(x1, x2) >= 0 and max(x1, x2) <= page_w and min(y1, y2) >= 0 and max(y1, y2) <= page_h
            for slot in range(layout.per_sheet):
                x, y, w, h = layout.slot_rect(slot)
                for t in (0.0, 0.5, 1.0):  # no point of a mark is inside a label
                    px, py = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
                    assert not (x < px < x + w and y < py < y + h), (layout_name, slot)
        # each mark continues a label edge
        edges_x = {round(layout.slot_rect(s)[0], 3) for s in range(layout.per_sheet)} | {
            round(layout.slot_rect(s)[0] + layout.slot_rect(s)[2], 3) for s in range(layout.per_sheet)
        }
        for x1, _y1, x2, _y2 in segments:
            if x1 == x2:
                assert round(x1, 3) in edges_x
    strokes = {}
    for marks in (True, False):
        out = out_dir / f"{marks}.pdf"
        export_badges_pdf(database.sessions, event_id, out, layout="avery-l7418", cut_marks=marks)
        ops: list[bytes] = []
        PdfReader(out).pages[0].extract_text(visitor_operand_before=lambda op, *_a, seen=ops: seen.append(op))
        strokes[marks] = ops.count(b"S")
    assert strokes == {True: 1, False: 0}  # all marks in one stroked path, none when not asked


@pytest.mark.parametrize(
    ("start", "layout_name"), [(0, "avery-5392"), (7, "avery-5392"), (9, "avery-l7418"), (2, "a6")]
)
def test_start_slot_out_of_range_is_refused(
    small: tuple[Database, int], out_dir: Path, start: int, layout_name: str
) -> None:
    database, event_id = small
    per_sheet = load_layout(layout_name).per_sheet
    with pytest.raises(
        TalentDeskError, match=f"Etiqueta inicial fuera de rango: .* tiene {per_sheet} etiquetas por hoja"
    ):
        export_badges_pdf(
            database.sessions, event_id, out_dir / "g.pdf", layout=layout_name, start_slot=start
        )
    assert list(out_dir.iterdir()) == []


def test_bad_input_is_refused_in_spanish(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    out = out_dir / "g.pdf"
    with pytest.raises(NotFoundError, match="No existe el evento con id 4242"):
        export_badges_pdf(database.sessions, 4242, out)
    with pytest.raises(TalentDeskError, match="No existe la plantilla de gafetes «carta»"):
        export_badges_pdf(database.sessions, event_id, out, layout="carta")
    with pytest.raises(TalentDeskError, match="Desplazamiento de calibración no válido"):
        export_badges_pdf(database.sessions, event_id, out, offset_mm=(0, 35))
    with pytest.raises(TalentDeskError, match="No hay participantes a quienes imprimir gafete"):
        export_badges_pdf(database.sessions, event_id, out, statuses=[ParticipantStatus.NO_SHOW])
    with pytest.raises(TalentDeskError, match=r"debe terminar en \.pdf"):
        export_badges_pdf(database.sessions, event_id, out_dir / "g.png")
    assert list(out_dir.iterdir()) == []


def test_cancel_leaves_no_file_and_keeps_the_old_one(small: tuple[Database, int], out_dir: Path) -> None:
    database, event_id = small
    out = out_dir / "gafetes.pdf"
    out.write_bytes(b"yesterday's good badges")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export_badges_pdf(database.sessions, event_id, out, abort=abort)
    assert out.read_bytes() == b"yesterday's good badges"
    assert [p.name for p in out_dir.iterdir()] == ["gafetes.pdf"]


def test_cancel_midway_leaves_nothing(
    small: tuple[Database, int], out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, event_id = small
    abort = threading.Event()
    drawn: list[str] = []
    real = badges_module.draw_badge

    def drawing(canvas: Canvas, badge: BadgeData, *args: float, **kwargs: float) -> None:
        real(canvas, badge, *args, **kwargs)
        drawn.append(badge.code)
        if len(drawn) == 2:
            abort.set()  # the user presses Cancel while the sheet is being drawn

    monkeypatch.setattr(badges_module, "draw_badge", drawing)
    with pytest.raises(Cancelled):
        export_badges_pdf(database.sessions, event_id, out_dir / "g.pdf", abort=abort)
    assert len(drawn) == 2
    assert list(out_dir.iterdir()) == []


def test_badge_data_from_an_orm_participant_matches_the_rows(demo: tuple[Database, int]) -> None:
    database, event_id = demo
    with database.reader() as session:
        rows = {b.participant_id: b for b in load_badges(session, event_id, statuses=list(ParticipantStatus))}
        for participant in session.scalars(select(Participant).where(Participant.event_id == event_id)):
            assert badge_data(participant) == rows[participant.id]


def test_draw_badge_on_any_canvas(out_dir: Path) -> None:
    """The packet helper draws a single badge on its own page: it must be self-contained."""
    register_fonts()
    badge = BadgeData(
        participant_id=1,
        code="JI2027-0001",
        given_names=LONG_GIVEN,
        paternal_surname=LONG_PATERNAL,
        maternal_surname=LONG_MATERNAL,
        role=ParticipantRole.SPECIAL_GUEST,
        organization="Centro de Investigación y de Estudios Avanzados",
        chapter="Silicon Valley",
        event_name="Jornada Informativa de la Red de Talentos Mexicanos (edición de prueba con un nombre largo)",
        event_line="18 y 19 de febrero de 2027 · Ciudad de México",
    )
    out = out_dir / "uno.pdf"
    canvas = Canvas(str(out), pagesize=(300, 300), initialFontName="DejaVuSans")
    draw_badge(canvas, badge, 20, 40, 86 * MM, 55 * MM)
    canvas.showPage()
    canvas.save()
    texts, _shapes = read_page(PdfReader(out).pages[0])
    words = " ".join(t.text for t in texts).split()
    for word in f"{LONG_GIVEN} {LONG_PATERNAL} {LONG_MATERNAL} Capítulo Silicon Valley JI2027-0001".split():
        assert word in words
    for t in texts:
        assert t.x >= 20 + 2.5 * MM - TOL and t.x + t.width <= 20 + 86 * MM - 2.5 * MM + TOL, t
    with pytest.raises(ValueError, match="at least 40"):
        draw_badge(canvas, badge, 0, 0, 60 * MM, 40 * MM)


# -- QR codes -------------------------------------------------------------------------------------

QR_TEXTS = [
    "JI2027-0001",
    "JI2027-0158",
    "ji2027-0001",
    "12345678901234567890",
    "https://example.org/constancias/ABCD-1234",
    "Ñandú ü €",
    "x",
]


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_matrix_is_the_one_reportlab_widget_draws(level: str) -> None:
    rng = random.Random(level)
    texts = QR_TEXTS + [
        "".join(rng.choice(string.printable) for _ in range(rng.randint(1, 90))) for _ in range(25)
    ]
    for text in texts:
        widget = QrCodeWidget(text, barLevel=level)
        widget.qr.make()
        assert qr_matrix(text, level) == [[bool(m) for m in row] for row in widget.qr.modules], text


def test_fast_mask_score_equals_reportlabs() -> None:
    for text in QR_TEXTS:
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(text)
        qr.version = qr.calculate_version()
        for mask in range(8):
            qr.makeImpl(True, mask)
            assert _penalty(qr.modules) == qrencoder.QRUtil.getLostPoint(qr), (text, mask)


def test_rectangles_cover_exactly_the_dark_modules() -> None:
    for text in QR_TEXTS:
        matrix = qr_matrix(text)
        size = len(matrix)
        painted = [[0] * size for _ in range(size)]
        rects = dark_rectangles(matrix)
        for col, row, width, height in rects:
            for r, c in itertools.product(range(row, row + height), range(col, col + width)):
                painted[r][c] += 1
        assert painted == [[int(m) for m in row] for row in matrix]  # all dark, once; nothing light
        runs = sum(1 for row in matrix for k, _g in itertools.groupby(row) if k)
        assert len(rects) < runs  # runs were merged downwards


def test_path_geometry_in_points() -> None:
    x, y, size = 100.0, 200.0, 25 * MM
    for text in QR_TEXTS:
        matrix = qr_matrix(text)
        unit = size / (len(matrix) + 2 * QUIET_ZONE)
        rects = qr_rects(matrix, x, y, size)
        dark = sum(map(sum, matrix))
        assert sum(w * h for _x, _y, w, h in rects) == pytest.approx(dark * unit * unit)
        quiet = QUIET_ZONE * unit
        for rx, ry, rw, rh in rects:  # inside the box, clear of the quiet zone
            assert x + quiet - 1e-9 <= rx and rx + rw <= x + size - quiet + 1e-9
            assert y + quiet - 1e-9 <= ry and ry + rh <= y + size - quiet + 1e-9
        # the three finder patterns touch the quiet zone on all four sides
        assert min(r[0] for r in rects) == pytest.approx(x + quiet)
        assert min(r[1] for r in rects) == pytest.approx(y + quiet)
        assert max(r[0] + r[2] for r in rects) == pytest.approx(x + size - quiet)
        assert max(r[1] + r[3] for r in rects) == pytest.approx(y + size - quiet)


def test_draw_qr_writes_one_filled_path(out_dir: Path) -> None:
    out = out_dir / "qr.pdf"
    canvas = Canvas(str(out), pagesize=(200, 200), initialFontName="DejaVuSans")
    register_fonts()
    modules = draw_qr(canvas, "JI2027-0042", 40, 50, 29 * 4)  # 4 pt per module
    canvas.showPage()
    canvas.save()
    matrix = qr_matrix("JI2027-0042")
    assert modules == len(matrix) + 2 * QUIET_ZONE == 29
    rects: list[tuple[float, float, float, float]] = []
    fills: list[bytes] = []

    def on_operator(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op == b"re":
            rx, ry, rw, rh = (float(a) for a in args)  # type: ignore[arg-type]
            x0, y0 = _apply(cm, rx, ry)
            x1, y1 = _apply(cm, rx + rw, ry + rh)
            rects.append((x0, y0, x1 - x0, y1 - y0))
        elif op in (b"f", b"f*", b"F", b"S", b"s", b"B", b"B*", b"b", b"b*"):
            fills.append(op)

    PdfReader(out).pages[0].extract_text(visitor_operand_before=on_operator)
    assert fills == [b"f"]  # one fill, no stroke
    expected = qr_rects(matrix, 40, 50, 116)
    assert sorted(tuple(round(a, 6) for a in r) for r in rects) == sorted(
        tuple(round(a, 6) for a in r) for r in expected
    )
    assert sum(w * h for _x, _y, w, h in rects) == pytest.approx(sum(map(sum, matrix)) * 16)


def test_qdpf_and_pdftoppm_available() -> None:
    """The checks above rely on poppler-utils and qpdf being installed."""
    assert shutil.which("pdffonts") and shutil.which("qpdf")
