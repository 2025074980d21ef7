"""The event PDFs read back: the agenda (and its reusable story with marked sessions), sign-in
sheets, and the constancias with their verification codes (service and document).

Every document is checked for its text (pypdf), page count, embedded fonts only (pdffonts) and
a clean structure (qpdf --check); cancelling leaves no file and keeps an existing one intact.
"""

from __future__ import annotations

import re
import subprocess
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from sqlalchemy import func, select

from talentdesk.core.dates import spanish_date_range, spanish_dates_phrase, spanish_day
from talentdesk.core.enums import Gender, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.core.errors import Cancelled, NotFoundError, TalentDeskError, ValidationError
from talentdesk.core.events import Certificate, Participant
from talentdesk.core.models import AuditEntry
from talentdesk.core.text import name_sort_key
from talentdesk.db.session import Database, read_scope
from talentdesk.exports import certificates_pdf
from talentdesk.exports.agenda_pdf import MARK_LABEL, agenda_story, export_agenda_pdf, load_agenda
from talentdesk.exports.certificates_pdf import export_certificates_pdf
from talentdesk.exports.pdf import FONT_BOLD, NumberedDocTemplate
from talentdesk.exports.signin_pdf import export_signin_pdf
from talentdesk.services import event_agenda, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.certificates import (
    ALPHABET,
    issue_certificates,
    normalize_code,
    verify_certificate,
)

from .helpers import add as add_member_helper

S = ParticipantStatus
DAY1 = date(2027, 3, 9)  # a Tuesday
DAY2 = date(2027, 3, 10)
CODE = re.compile(r"RTM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


# -- reading documents back -----------------------------------------------------------------------


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def assert_sound_pdf(path: Path, title_start: str) -> None:
    """Only embedded DejaVu fonts, qpdf finds nothing wrong, title and author set."""
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    for row in rows:
        assert "DejaVuSans" in row[0], fonts
        assert row[-5] == "yes", fonts  # emb
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors found" in check.stdout
    meta = PdfReader(path).metadata
    assert meta is not None and meta.title is not None and meta.title.startswith(title_start)
    assert meta.author is not None and "Instituto de los Mexicanos en el Exterior" in meta.author


def assert_page_numbers(texts: list[str]) -> None:
    for n, text in enumerate(texts, start=1):
        assert re.search(rf"Página {n} de ?{len(texts)}\b", text), text[-80:]


# -- data -----------------------------------------------------------------------------------------


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


@dataclass
class Small:
    event_id: int
    people: dict[str, int]  # paternal surname -> participant id
    sessions: dict[str, int]  # title -> session id
    rooms: dict[str, int]


#: (given, paternal, maternal, organisation, role, status)
SMALL_PEOPLE = [
    ("Ana", "Ortiz", "Luna", "UNAM", ParticipantRole.SPEAKER, S.ATTENDED),
    ("José María", "Núñez", "de la Garza", "Tec de Monterrey", ParticipantRole.SPEAKER, S.ATTENDED),
    ("Lucía", "Nuño", "Paz", "CINVESTAV", ParticipantRole.MODERATOR, S.CONFIRMED),
    ("Íñigo", "Ñáñez", None, "Nanotec", ParticipantRole.ATTENDEE, S.REGISTERED),
    ("Elena", "Muñoz", "Ávila", "Conacyt", ParticipantRole.ATTENDEE, S.ATTENDED),
    ("Pedro", "Nava", "Ruiz", "Pemex", ParticipantRole.SPEAKER, S.DECLINED),
    ("Sara", "Zamora", "Ibarra", "IPN", ParticipantRole.ATTENDEE, S.CANCELLED),
    ("Raúl", "Beltrán", "Soto", "UAM", ParticipantRole.ATTENDEE, S.INVITED),
    ("Olga", "Cruz", "Vega", "UdeG", ParticipantRole.PRESS, S.NO_SHOW),
]
EXPECTED_ORDER = ["Muñoz", "Núñez", "Nuño", "Ñáñez", "Ortiz"]  # Spanish order, expected statuses only


def build_small(database: Database) -> Small:
    with database.session() as s:
        event = ev.create_event(
            s,
            {
                "name": "Jornada Informativa de Prueba",
                "edition": "2027",
                "starts_on": DAY1,
                "ends_on": DAY2,
                "venue_name": "Auditorio Sede",
                "venue_address": "Plaza Juárez 20, Centro",
                "city": "Ciudad de México",
            },
        )
        rooms = {
            name: event_agenda.add_room(s, event.id, name).id
            for name in ("Auditorio", "Sala Ñandú", "Sala B")
        }
        people: dict[str, int] = {}
        for given, paternal, maternal, org, role, _status in SMALL_PEOPLE:
            p = event_participants.add_guest(
                s,
                event.id,
                {
                    "given_names": given,
                    "paternal_surname": paternal,
                    "maternal_surname": maternal,
                    "organization": org,
                    "role": role,
                },
            )
            people[paternal] = p.id
        sessions: dict[str, int] = {}

        def add(
            title: str, kind: SessionKind, start: datetime, end: datetime, room: str | None, **v: Any
        ) -> None:
            values = {"title": title, "kind": kind, "starts_at": start, "ends_at": end, **v}
            values["room_id"] = rooms[room] if room else None
            sessions[title] = event_agenda.add_session(s, event.id, values).id

        add(
            "Inauguración",
            SessionKind.PLENARY,
            at(DAY1, 9),
            at(DAY1, 10),
            "Auditorio",
            speaker_ids=[people["Ortiz"]],
        )
        add(
            "Panel de nanotecnología",
            SessionKind.PANEL,
            at(DAY1, 10, 30),
            at(DAY1, 12),
            "Sala Ñandú",
            speaker_ids=[people["Núñez"], people["Nava"]],
            moderator_id=people["Nuño"],
            description="Materiales avanzados y su transferencia a la industria.",
        )
        add("Taller de patentes", SessionKind.WORKSHOP, at(DAY1, 10, 30), at(DAY1, 12), "Sala B")
        add("Reunión de enlaces", SessionKind.OTHER, at(DAY1, 11), at(DAY1, 11, 45), None)
        add("Comida", SessionKind.MEAL, at(DAY1, 12), at(DAY1, 13, 30), "Auditorio")
        add(
            "Clausura",
            SessionKind.PLENARY,
            at(DAY2, 17),
            at(DAY2, 18),
            "Auditorio",
            speaker_ids=[people["Ortiz"]],
        )
    with database.session() as s:
        for _given, paternal, *_rest, status in SMALL_PEOPLE:
            pid = people[paternal]
            if status in (S.REGISTERED, S.ATTENDED, S.NO_SHOW):
                event_workflow.change_status(s, [pid], S.CONFIRMED)
            if status == S.REGISTERED:
                event_workflow.change_status(s, [pid], S.REGISTERED)
            if status != S.INVITED:
                event_workflow.change_status(s, [pid], status, today=DAY1)
    return Small(event.id, people, sessions, rooms)


@pytest.fixture()
def small(db: Database) -> Small:
    return build_small(db)


@pytest.fixture()
def out_dir(tmp_path: Path) -> Path:
    """Where documents go (``tmp_path`` also holds the test's database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# -- Spanish dates --------------------------------------------------------------------------------


def test_spanish_dates() -> None:
    assert spanish_day(DAY1) == "martes 9 de marzo de 2027"
    assert spanish_day(date(2027, 2, 20)) == "sábado 20 de febrero de 2027"
    assert spanish_date_range(DAY1, DAY1) == "9 de marzo de 2027"
    assert spanish_date_range(DAY1, DAY2) == "9 y 10 de marzo de 2027"
    assert spanish_date_range(DAY1, date(2027, 3, 12)) == "del 9 al 12 de marzo de 2027"
    assert spanish_date_range(date(2027, 3, 30), date(2027, 4, 1)) == "del 30 de marzo al 1 de abril de 2027"
    assert (
        spanish_date_range(date(2026, 12, 30), date(2027, 1, 2))
        == "del 30 de diciembre de 2026 al 2 de enero de 2027"
    )
    assert spanish_dates_phrase(DAY1, DAY1) == "el 9 de marzo de 2027"
    assert spanish_dates_phrase(DAY1, DAY2) == "los días 9 y 10 de marzo de 2027"
    assert spanish_dates_phrase(DAY1, date(2027, 3, 11)) == "del 9 al 11 de marzo de 2027"


# -- agenda ---------------------------------------------------------------------------------------


def test_demo_agenda_has_every_session_by_day(demo: Database, out_dir: Path) -> None:
    out = out_dir / "agenda.pdf"
    seen: list[tuple[int, int]] = []
    result = export_agenda_pdf(demo.sessions, 1, out, progress=lambda d, t: seen.append((d, t)))
    texts = pages(out)
    text = " ".join(texts)
    with demo.reader() as s:
        event = ev.get_event(s, 1)
        titles = [x.title for x in event.sessions]
        speakers = {
            p.full_name
            for x in event.sessions
            for p in x.speakers
            if p.status not in (S.DECLINED, S.CANCELLED)
        }
        rooms = [r.name for r in event.rooms]
    assert result.rows == len(titles) == 26
    assert len(texts) >= 2
    assert_page_numbers(texts)
    assert_sound_pdf(out, "Agenda — Jornada Informativa de la Red de Talentos Mexicanos")
    assert texts[0].startswith(
        "AGENDA Jornada Informativa de la Red de Talentos Mexicanos (demostración) 2027"
    )
    assert "18 y 19 de febrero de 2027" in texts[0]
    assert "Sede de demostración — Auditorio principal, Ciudad de México" in texts[0]
    headings = [m.group(0) for m in re.finditer(r"(Jueves|Viernes|Sábado) \d+ de febrero de 2027", text)]
    assert headings == [
        "Jueves 18 de febrero de 2027",
        "Viernes 19 de febrero de 2027",
        "Sábado 20 de febrero de 2027",
    ]
    assert "(fuera de las fechas del evento)" in text  # the demo's deliberate stray session
    for title in titles:
        assert title in text
    for name in speakers:
        assert name in text
    for room in rooms:
        assert room in text
    for label in ("Plenaria", "Panel", "Taller"):
        assert label in text
    assert "3 sesiones simultáneas" in text  # two panels and the double-booked meeting
    assert seen[-1] == (26, 26) and [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_small_agenda_reads_parallel_sessions_and_leaves_out_declined_speakers(
    db: Database, small: Small, out_dir: Path
) -> None:
    out = out_dir / "agenda.pdf"
    export_agenda_pdf(db.sessions, small.event_id, out, page_size="a4")
    texts = pages(out)
    text = " ".join(texts)
    width, height = PdfReader(out).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (595, 842)
    assert_sound_pdf(out, "Agenda — Jornada Informativa de Prueba 2027")
    assert "9 y 10 de marzo de 2027" in text
    assert "Martes 9 de marzo de 2027" in text and "Miércoles 10 de marzo de 2027" in text
    # The panel, the workshop and the meeting overlap: one block, the meeting with its own time.
    block = text[text.index("10:30–12:00") : text.index("Comida")]
    assert "3 sesiones simultáneas" in block
    assert block.index("Sala Ñandú") < block.index("Panel de nanotecnología") < block.index("Sala B")
    assert "Reunión de enlaces" in block and "11:00–11:45" in block and "Sala por confirmar" in block
    assert "Modera: Lucía Nuño Paz — CINVESTAV" in text
    assert "Ponente: José María Núñez de la Garza — Tec de Monterrey" in text
    assert "Nava" not in text  # declined: not printed in the programme
    assert "Materiales avanzados y su transferencia a la industria." in text
    assert "Usted participa" not in text


def test_agenda_story_marks_exactly_the_given_sessions(db: Database, small: Small, out_dir: Path) -> None:
    with read_scope(db.sessions) as s:
        agenda = load_agenda(s, small.event_id)
    ortiz = agenda.sessions_of(small.people["Ortiz"])
    assert ortiz == {small.sessions["Inauguración"], small.sessions["Clausura"]}
    assert agenda.sessions_of(small.people["Nuño"]) == {small.sessions["Panel de nanotecnología"]}
    assert agenda.sessions_of(small.people["Muñoz"]) == frozenset()
    out = out_dir / "paquete.pdf"
    doc = NumberedDocTemplate(out, title="Paquete de prueba")
    story = agenda_story(agenda, ortiz, width=doc.width, title_block=False)
    doc.build(story)
    text = " ".join(pages(out))
    assert text.count(MARK_LABEL) == 2
    assert "Jornada Informativa de Prueba" not in text  # no title block asked for
    titles = [
        "Inauguración",
        "Panel de nanotecnología",
        "Taller de patentes",
        "Reunión de enlaces",
        "Comida",
        "Clausura",
    ]
    starts = [text.index(t) for t in titles]
    assert starts == sorted(starts)
    for n, title in enumerate(titles):
        end = starts[n + 1] if n + 1 < len(titles) else len(text)
        assert (MARK_LABEL in text[starts[n] : end]) == (small.sessions[title] in ortiz), title
    assert_sound_pdf(out, "Paquete de prueba")


def test_agenda_story_is_drawn_from_data_without_the_database(
    db: Database, small: Small, out_dir: Path
) -> None:
    with read_scope(db.sessions) as s:
        agenda = load_agenda(s, small.event_id)
    db.close()  # the story must not need a session any more
    for n in range(2):
        doc = NumberedDocTemplate(out_dir / f"a{n}.pdf", title="x")
        doc.build(agenda_story(agenda, {small.sessions["Comida"]}, width=doc.width))
    assert " ".join(pages(out_dir / "a1.pdf")).count(MARK_LABEL) == 1


def test_agenda_of_an_empty_event_says_so(db: Database, out_dir: Path) -> None:
    with db.session() as s:
        event_id = ev.create_event(s, {"name": "Jornada vacía", "starts_on": DAY1, "ends_on": DAY1}).id
    out = out_dir / "agenda.pdf"
    assert export_agenda_pdf(db.sessions, event_id, out).rows == 0
    assert "aún no tiene sesiones" in " ".join(pages(out))


# -- sign-in sheets -------------------------------------------------------------------------------


def test_demo_signin_sheets_one_section_per_day(demo: Database, out_dir: Path) -> None:
    out = out_dir / "asistencia.pdf"
    result = export_signin_pdf(demo.sessions, 1, out)
    texts = pages(out)
    assert_page_numbers(texts)
    assert_sound_pdf(out, "Lista de asistencia — Jornada Informativa de la Red de Talentos Mexicanos")
    with demo.reader() as s:
        people = list(s.scalars(select(Participant).where(Participant.event_id == 1)))
        s.expunge_all()  # plain objects from here on
    expected = sorted(
        (p for p in people if p.status in event_workflow.COMING), key=lambda p: (p.sort_key, p.id)
    )
    others = [p for p in people if p.status not in event_workflow.COMING]
    assert others and {p.status for p in others} >= {S.DECLINED, S.INVITED}
    assert result.rows == 2 * len(expected)
    days = ["Jueves 18 de febrero de 2027", "Viernes 19 de febrero de 2027"]
    sections = [[t for t in texts if day in t] for day in days]
    assert len(sections[0]) + len(sections[1]) == len(texts)  # every page names its day
    assert len(sections[0]) == len(sections[1]) >= 2
    assert texts.index(sections[1][0]) == len(sections[0])  # the second day starts on a new page
    expected_names = Counter(
        f"{p.paternal_surname} {p.maternal_surname or ''}".strip() + f", {p.given_names}" for p in expected
    )
    for section in sections:
        text = " ".join(section)
        for page in section:
            assert "No. Nombre Organización Firma" in page
        for n, p in enumerate(expected, start=1):
            name = " ".join(x for x in (p.paternal_surname, p.maternal_surname) if x) + f", {p.given_names}"
            assert f" {n} {name} " in f" {text} ", name
        for name, count in expected_names.items():
            assert text.count(name) >= count
        for p in others:
            name = " ".join(x for x in (p.paternal_surname, p.maternal_surname) if x) + f", {p.given_names}"
            assert text.count(name) == expected_names.get(name, 0), name
        # Blank rows for walk-ins (at most 5) only where the last page has room: no page of
        # blank rows alone.
        last = expected[-1]
        assert f"{last.paternal_surname} {last.maternal_surname or ''}".strip() in section[-1]
        assert f" {len(expected) + 6} " not in text


def test_long_session_sheet_repeats_title_and_headers_on_every_page(db: Database, out_dir: Path) -> None:
    paternal = ["Núñez", "Nava", "Ñáñez", "Ortiz", "Muñoz", "Álvarez", "Zúñiga", "Ibáñez", "Peña", "Chávez",
                "De la Cruz", "Lozano", "Llamas", "Úrsula", "Castañeda"]  # fmt: skip
    given = ["Ana", "Íker", "José", "María", "Ñusta", "Óscar", "Raúl", "Sofía", "Tomás", "Úrsula"]
    with db.session() as s:
        event = ev.create_event(s, {"name": "Jornada grande", "starts_on": DAY1, "ends_on": DAY2})
        room = event_agenda.add_room(s, event.id, "Auditorio")
        ids = []
        for n in range(150):
            p = event_participants.add_guest(
                s,
                event.id,
                {
                    "given_names": given[n % 10],
                    "paternal_surname": paternal[n // 10],
                    "maternal_surname": f"Materno{n:03d}",
                    "organization": f"Organización {n}",
                },
            )
            ids.append(p.id)
        event_workflow.change_status(s, ids, S.CONFIRMED)
        sid = event_agenda.add_session(
            s,
            event.id,
            {
                "title": "Mesa de trabajo sobre movilidad",
                "kind": SessionKind.WORKSHOP,
                "starts_at": at(DAY2, 16),
                "ends_at": at(DAY2, 17, 30),
                "room_id": room.id,
                "speaker_ids": [ids[0]],
            },
        ).id
        names = {p.id: (p.paternal_surname, p.maternal_surname, p.given_names) for p in event.participants}
    out = out_dir / "sesion.pdf"
    assert export_signin_pdf(db.sessions, event.id, out, session_id=sid, blank_rows=0).rows == 150
    texts = pages(out)
    assert len(texts) >= 5
    for page in texts:
        assert "LISTA DE ASISTENCIA · TALLER" in page
        assert "Mesa de trabajo sobre movilidad" in page
        assert "Miércoles 10 de marzo de 2027 · 16:00–17:30 · Auditorio" in page
        assert "No. Nombre Organización Firma" in page
    text = " ".join(texts)
    order = sorted(names.values(), key=lambda n: name_sort_key(*n))
    positions = []
    for n, (pat, mat, giv) in enumerate(order, start=1):
        line = f" {n} {pat} {mat}, {giv} "
        assert text.count(line) == 1, line
        positions.append(text.index(line))
    assert positions == sorted(positions)
    assert (
        text.index("Nava Materno")
        < text.index("Núñez Materno")
        < text.index("Ñáñez Materno")
        < text.index("Ortiz")
    )
    assert text.count("Ponente en esta sesión") == 1
    assert " 151 " not in text


def test_small_signin_filters_statuses_and_days(db: Database, small: Small, out_dir: Path) -> None:
    out = out_dir / "dia.pdf"
    export_signin_pdf(db.sessions, small.event_id, out, day=DAY1, blank_rows=2)
    texts = pages(out)
    assert len(texts) == 1
    text = texts[0]
    assert "Martes 9 de marzo de 2027" in text and "Miércoles" not in text
    assert "Auditorio Sede, Ciudad de México" in text
    found = [s for s in EXPECTED_ORDER if s in text]
    assert found == EXPECTED_ORDER
    assert [text.index(s) for s in EXPECTED_ORDER] == sorted(text.index(s) for s in EXPECTED_ORDER)
    assert (
        " 1 Muñoz Ávila, Elena " in text
        and " 5 Ortiz Luna, Ana " in text
        and " 7 " in text
        and " 8 " not in text
    )
    for absent in ("Nava", "Zamora", "Beltrán", "Cruz"):  # declined, cancelled, invited, no-show
        assert absent not in text
    # Another list of statuses, by code or label.
    export_signin_pdf(db.sessions, small.event_id, out, day=DAY2, statuses=["invitado", "No se presentó"])
    text = pages(out)[0]
    assert "Beltrán Soto, Raúl" in text and "Cruz Vega, Olga" in text and "Ortiz" not in text


def test_small_session_sheet_tags_its_speakers_and_moderator(
    db: Database, small: Small, out_dir: Path
) -> None:
    out = out_dir / "panel.pdf"
    export_signin_pdf(db.sessions, small.event_id, out, session_id=small.sessions["Panel de nanotecnología"])
    text = pages(out)[0]
    assert "LISTA DE ASISTENCIA · PANEL" in text
    assert "Martes 9 de marzo de 2027 · 10:30–12:00 · Sala Ñandú" in text
    assert "Núñez de la Garza, José María Ponente en esta sesión" in text
    assert "Nuño Paz, Lucía Modera esta sesión" in text
    assert text.count("esta sesión") == 2  # Nava declined: not listed, not tagged
    assert_sound_pdf(out, "Lista de asistencia — Jornada Informativa de Prueba 2027")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"session_id": 10_000}, "No existe la sesión con id 10000"),
        (
            {"day": date(2027, 3, 11)},
            "El 11 de marzo de 2027 no es un día de «Jornada Informativa de Prueba 2027»",
        ),
        ({"day": DAY1, "session_id": 1}, "una sesión o un día, no ambos"),
        ({"statuses": ["asistido"]}, "Estatus desconocido «asistido»"),
        ({"statuses": []}, "al menos un estatus"),
        ({"page_size": "legal"}, "Tamaño de página desconocido «legal»"),
    ],
)
def test_signin_refuses_bad_options(
    db: Database, small: Small, out_dir: Path, options: dict[str, Any], message: str
) -> None:
    out = out_dir / "x.pdf"
    with pytest.raises(TalentDeskError, match=message):
        export_signin_pdf(db.sessions, small.event_id, out, **options)
    assert list(out_dir.iterdir()) == []


def test_signin_of_a_session_of_another_event_is_refused(db: Database, small: Small, out_dir: Path) -> None:
    with db.session() as s:
        other = ev.create_event(s, {"name": "Otra", "starts_on": DAY1, "ends_on": DAY1}).id
        event_participants.add_guest(s, other, {"given_names": "A", "paternal_surname": "B"})
    with pytest.raises(NotFoundError, match=r"No existe la sesión con id \d+ en «Otra»"):
        export_signin_pdf(db.sessions, other, out_dir / "x.pdf", session_id=small.sessions["Comida"])


def test_signin_with_nobody_expected_says_so(db: Database, out_dir: Path) -> None:
    with db.session() as s:
        event_id = ev.create_event(
            s, {"name": "Jornada sin confirmados", "starts_on": DAY1, "ends_on": DAY1}
        ).id
        event_participants.add_guest(s, event_id, {"given_names": "Ana", "paternal_surname": "Ruiz"})
    with pytest.raises(
        TalentDeskError, match="no tiene participantes con estatus «Confirmado», «Registrado», «Asistió»"
    ):
        export_signin_pdf(db.sessions, event_id, out_dir / "x.pdf")


# -- certificate codes (service) ------------------------------------------------------------------


def test_codes_are_issued_once_unique_and_audited(db: Database, small: Small) -> None:
    attended = [small.people[n] for n in ("Ortiz", "Núñez", "Muñoz")]
    with db.session() as s:
        codes = issue_certificates(s, attended)
    assert list(codes) == attended
    assert all(CODE.fullmatch(c) for c in codes.values())
    assert len(set(codes.values())) == 3
    with db.session() as s:
        assert issue_certificates(s, reversed(attended)) == {pid: codes[pid] for pid in reversed(attended)}
        assert s.scalar(select(func.count()).select_from(Certificate)) == 3
        audited = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "certificate")))
    assert len(audited) == 3
    assert {a.action for a in audited} == {"create"}
    assert all(any(code in (a.new_value or "") for a in audited) for code in codes.values())


def test_issuing_never_commits(db: Database, small: Small) -> None:
    with read_scope(db.sessions) as s:
        issue_certificates(s, [small.people["Ortiz"]])
        s.flush()
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


def test_only_attended_participants_get_codes(db: Database, small: Small) -> None:
    with pytest.raises(ValidationError) as caught, db.session() as s:
        issue_certificates(s, [small.people["Ortiz"], small.people["Nuño"], small.people["Cruz"]])
    messages = caught.value.errors
    assert len(messages) == 2
    assert "Lucía Nuño Paz" in messages[0].message and "«Confirmado»" in messages[0].message
    assert "Olga Cruz Vega" in messages[1].message and "«No se presentó»" in messages[1].message
    assert "sólo quien asistió" in messages[0].message
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0
    with pytest.raises(NotFoundError, match="No existe el participante con id 99999"), db.session() as s:
        issue_certificates(s, [99999])


def test_verify_reads_codes_leniently(db: Database, small: Small) -> None:
    pid = small.people["Núñez"]
    with db.session() as s:
        code = issue_certificates(s, [pid])[pid]
    body = code[4:].replace("-", "")
    typed = [
        code,
        code.lower(),
        f"  {code.lower().replace('-', ' ')} ",
        body,
        f"{body[:4]} {body[4:]}".lower(),
        "rtm" + body,
        code.replace("0", "O").replace("1", "l"),
    ]
    with db.reader() as s:
        for text in typed:
            info = verify_certificate(s, text)
            assert info is not None, text
            assert info["code"] == code
            assert info["participant"] == "José María Núñez de la Garza"
            assert info["event"] == "Jornada Informativa de Prueba"
            assert (info["starts_on"], info["ends_on"]) == (DAY1, DAY2)
            assert info["attended"] is True and info["role"] == "Ponente"
            assert isinstance(info["issued_at"], datetime)
        for wrong in ("", "RTM-", "hola", "RTM-AAAA-AAA", "RTM-UUUU-UUUU", "RTM-0000-0000"):
            assert verify_certificate(s, wrong) is None, wrong
    with db.session() as s:
        event_workflow.change_status(s, [pid], S.NO_SHOW, today=DAY1)  # attendance corrected afterwards
    with db.reader() as s:
        info = verify_certificate(s, code)
    assert info is not None and info["attended"] is False and info["status"] == "No se presentó"


def test_code_alphabet_has_no_ambiguous_letters() -> None:
    assert len(ALPHABET) == 32 and not set("ILOU") & set(ALPHABET)
    assert normalize_code("rtm-abcd-efgh") == "RTM-ABCD-EFGH"
    assert normalize_code("RTM-ABCD-EFGU") is None


# -- certificates (document) ----------------------------------------------------------------------


def mark_attended(database: Database, count: int) -> list[Participant]:
    with database.session() as s:
        people = [
            p
            for p in s.scalars(select(Participant).where(Participant.event_id == 1).order_by(Participant.id))
            if p.status in (S.CONFIRMED, S.REGISTERED)
        ][:count]
        event_workflow.change_status(s, [p.id for p in people], S.ATTENDED, today=date(2027, 2, 18))
    return people


def test_demo_certificates_one_page_each_with_stable_codes(demo: Database, out_dir: Path) -> None:
    people = mark_attended(demo, 8)
    out = out_dir / "constancias.pdf"
    seen: list[tuple[int, int]] = []
    result = export_certificates_pdf(demo.sessions, 1, out, progress=lambda d, t: seen.append((d, t)))
    texts = pages(out)
    assert result.rows == len(texts) == 8
    assert seen == [(n, 8) for n in range(1, 9)]
    assert_sound_pdf(
        out, "Constancias de participación — Jornada Informativa de la Red de Talentos Mexicanos"
    )
    reader = PdfReader(out)
    assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)  # landscape
    ordered = sorted(people, key=lambda p: (p.sort_key, p.id))
    codes = []
    for person, text in zip(ordered, texts, strict=True):
        assert text.startswith(
            "INSTITUTO DE LOS MEXICANOS EN EL EXTERIOR Red de Talentos Mexicanos CONSTANCIA DE PARTICIPACIÓN"
        )
        assert (
            f"El Instituto de los Mexicanos en el Exterior otorga la presente a {person.full_name} por su participación como"
            in text
        )
        role = {ParticipantRole.SPEAKER: "Ponente", ParticipantRole.ATTENDEE: "Asistente"}.get(person.role)
        if role:
            assert (
                f"como {role} en el evento «Jornada Informativa de la Red de Talentos Mexicanos (demostración) 2027»"
                in text
            )
        assert (
            "», celebrado los días 18 y 19 de febrero de 2027 en Sede de demostración — Auditorio principal, Ciudad de México."
            in text
        )
        assert "Ciudad de México, a 19 de febrero de 2027." in text
        found = CODE.findall(text)
        assert len(found) == 2 and found[0] == found[1]
        assert f"Código de verificación: {found[0]}" in text
        assert f"Verifique en TalentDesk: talentdesk certificates verify {found[0]}" in text
        codes.append(found[0])
    assert len(set(codes)) == 8
    with demo.reader() as s:
        for person, code in zip(ordered, codes, strict=True):
            info = verify_certificate(s, code.lower().replace("-", " "))
            assert info is not None and info["participant_id"] == person.id
    # A reprint of two of them shows the same codes.
    again = out_dir / "reimpresion.pdf"
    export_certificates_pdf(demo.sessions, 1, again, participant_ids=[ordered[3].id, ordered[1].id])
    reprinted = pages(again)
    assert [CODE.findall(t)[0] for t in reprinted] == [codes[1], codes[3]]  # Spanish order


def test_certificates_only_for_attended(db: Database, small: Small, out_dir: Path) -> None:
    out = out_dir / "c.pdf"
    with pytest.raises(TalentDeskError, match=r"Sólo quien asistió .*Lucía Nuño Paz \(«Confirmado»\)"):
        export_certificates_pdf(
            db.sessions, small.event_id, out, participant_ids=[small.people["Ortiz"], small.people["Nuño"]]
        )
    assert not out.exists()
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0  # nothing issued either
    with pytest.raises(TalentDeskError, match="no pertenece a «Jornada Informativa de Prueba 2027»"):
        export_certificates_pdf(db.sessions, small.event_id, out, participant_ids=[99999])
    result = export_certificates_pdf(db.sessions, small.event_id, out)
    text = " ".join(pages(out))
    assert result.rows == 3
    assert [
        n for n in ("Elena Muñoz Ávila", "José María Núñez de la Garza", "Ana Ortiz Luna") if n in text
    ] == [
        "Elena Muñoz Ávila",
        "José María Núñez de la Garza",
        "Ana Ortiz Luna",
    ]
    assert text.index("Elena Muñoz") < text.index("José María Núñez") < text.index("Ana Ortiz")
    assert (
        "como Ponente en el evento «Jornada Informativa de Prueba 2027», celebrado los días 9 y 10 de marzo de 2027"
        in text
    )
    assert "como Asistente" in text and "Lucía" not in text


def test_certificates_with_nobody_attended_say_so(demo: Database, out_dir: Path) -> None:
    with pytest.raises(TalentDeskError, match="Nadie tiene el estatus «Asistió»"):
        export_certificates_pdf(demo.sessions, 1, out_dir / "c.pdf")
    with pytest.raises(TalentDeskError, match="Nadie tiene el estatus «Asistió»"):
        export_certificates_pdf(demo.sessions, 1, out_dir / "c.pdf", participant_ids=[])
    assert list(out_dir.iterdir()) == []


def test_long_names_shrink_or_wrap_but_are_never_cut(db: Database, out_dir: Path) -> None:
    width = 200.0 * 72 / 25.4
    for name in ("Ana Ruiz", "María de los Ángeles Guadalupe Fernández de Córdova y Villaseñor Hernández"):
        lines, size = certificates_pdf._name_lines(name, width)
        assert " ".join(lines) == name
        assert all(stringWidth(line, FONT_BOLD, size) <= width for line in lines)
    assert certificates_pdf._name_lines("Ana Ruiz", width) == (["Ana Ruiz"], certificates_pdf.NAME_MAX)
    long = "María de los Ángeles Guadalupe Fernández de Córdova y Villaseñor Hernández-Ñúñez Arriaga"
    with db.session() as s:
        event_id = ev.create_event(
            s,
            {
                "name": "Encuentro de la Red",
                "starts_on": DAY1,
                "ends_on": DAY1,
                "venue_name": "Sede",
                "city": "Monterrey",
            },
        ).id
        p = event_participants.add_guest(s, event_id, {"given_names": "María de los Ángeles Guadalupe",
                                       "paternal_surname": "Fernández de Córdova y Villaseñor",
                                       "maternal_surname": "Hernández-Ñúñez Arriaga",
                                       "role": ParticipantRole.MODERATOR})  # fmt: skip
        event_workflow.change_status(s, [p.id], S.CONFIRMED)
        event_workflow.change_status(s, [p.id], S.ATTENDED, today=DAY1)
    out = out_dir / "c.pdf"
    export_certificates_pdf(db.sessions, event_id, out)
    text = pages(out)[0]
    assert long in text
    assert (
        "como Moderador en el evento «Encuentro de la Red», celebrado el 9 de marzo de 2027 en Sede, Monterrey."
        in text
    )
    assert "Monterrey, a 9 de marzo de 2027." in text


def _one_attended(database: Database, name: str, given: str, paternal: str, role: ParticipantRole) -> int:
    with database.session() as s:
        event_id = ev.create_event(
            s, {"name": name, "starts_on": DAY1, "ends_on": DAY2, "venue_name": "Sede", "city": "Mérida"}
        ).id
        p = event_participants.add_guest(
            s, event_id, {"given_names": given, "paternal_surname": paternal, "role": role}
        )
        event_workflow.change_status(s, [p.id], S.CONFIRMED)
        event_workflow.change_status(s, [p.id], S.ATTENDED, today=DAY1)
    return event_id


@pytest.mark.parametrize(
    "name",
    [
        "Foro Binacional de Talento",  # was «en el Foro…, celebrada»
        "Cumbre de Innovación",  # was «el Cumbre»
        "Noche de Talentos Mexicanos",  # was «el Noche»
        "Red de Mentores en Texas",  # was «el Red»
        "Las Jornadas de Otoño",
        "Jornada Informativa",
    ],
)
def test_certificate_wording_is_right_whatever_the_event_is_called(
    db: Database, out_dir: Path, name: str
) -> None:
    """No article guessed from the name: «en el evento «…», celebrado …» is always right."""
    event_id = _one_attended(db, name, "Ana", "Ortiz", ParticipantRole.SPEAKER)
    out = out_dir / "c.pdf"
    export_certificates_pdf(db.sessions, event_id, out)
    text = pages(out)[0]
    assert (
        f"por su participación como Ponente en el evento «{name}», celebrado los días 9 y 10 de marzo de 2027 "
        "en Sede, Mérida." in text
    )
    for wrong in ("celebrada", " el Cumbre", " el Noche", " el Red", " en la ", " en el Foro", " en las "):
        assert wrong not in text, wrong


def test_certificate_keeps_the_feminine_role_of_a_member(db: Database, out_dir: Path) -> None:
    event_id = _one_attended(db, "Foro de Ciencia", "Elena", "Muñoz", ParticipantRole.ATTENDEE)
    with db.session() as s:
        member = add_member_helper(s, "Lucía", "Nuño", gender=Gender.FEMALE)
        p = event_participants.add_member(s, event_id, member.id, ParticipantRole.MODERATOR)
        event_workflow.change_status(s, [p.id], S.CONFIRMED)
        event_workflow.change_status(s, [p.id], S.ATTENDED, today=DAY1)
    out = out_dir / "c.pdf"
    export_certificates_pdf(db.sessions, event_id, out)
    texts = pages(out)
    assert "como Asistente en el evento «Foro de Ciencia», celebrado" in texts[0]
    assert "como Moderadora en el evento «Foro de Ciencia», celebrado" in texts[1]


def test_certificates_check_the_target_before_issuing_codes(
    db: Database, small: Small, tmp_path: Path
) -> None:
    """A path that cannot be written is refused before any code is issued or audited."""
    bad_targets = [tmp_path / "no-existe" / "c.pdf", tmp_path / "c.txt", tmp_path]
    for target in bad_targets:
        with pytest.raises(TalentDeskError):
            export_certificates_pdf(db.sessions, small.event_id, target)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0
        assert (
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "certificate"))
            == 0
        )
    assert not (tmp_path / "no-existe").exists() and not (tmp_path / "c.txt").exists()
    result = export_certificates_pdf(db.sessions, small.event_id, tmp_path / "c.pdf")
    assert result.rows == 3
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 3


# -- shared promises: unknown event, cancel -------------------------------------------------------

Export = Callable[..., Any]
EXPORTS: list[tuple[str, Export]] = [
    ("agenda", export_agenda_pdf),
    ("signin", export_signin_pdf),
    ("certificates", export_certificates_pdf),
]


@pytest.mark.parametrize(("_name", "export"), EXPORTS)
def test_unknown_event_is_a_spanish_error(db: Database, out_dir: Path, _name: str, export: Export) -> None:
    with pytest.raises(NotFoundError, match="No existe el evento con id 4242"):
        export(db.sessions, 4242, out_dir / "x.pdf")
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(("_name", "export"), EXPORTS)
def test_cancel_before_start_writes_nothing(
    db: Database, small: Small, out_dir: Path, _name: str, export: Export
) -> None:
    out = out_dir / "doc.pdf"
    out.write_bytes(b"the good file from yesterday")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled):
        export(db.sessions, small.event_id, out, abort=abort)
    assert out.read_bytes() == b"the good file from yesterday"
    assert [p.name for p in out_dir.iterdir()] == ["doc.pdf"]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


@pytest.mark.parametrize(("_name", "export"), EXPORTS)
def test_cancel_midway_keeps_the_old_file(
    db: Database, small: Small, out_dir: Path, _name: str, export: Export
) -> None:
    out = out_dir / "doc.pdf"
    out.write_bytes(b"the good file from yesterday")
    abort = threading.Event()

    def progress(_done: int, _total: int) -> None:
        abort.set()

    with pytest.raises(Cancelled):
        export(db.sessions, small.event_id, out, progress=progress, abort=abort)
    assert out.read_bytes() == b"the good file from yesterday"
    assert [p.name for p in out_dir.iterdir()] == ["doc.pdf"]
