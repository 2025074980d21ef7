"""Attendee packets, read back: one packet per participant starting on its cover, the welcome
letter filled from the saved template, the itinerary, the agenda with only the participant's own
sessions marked, the consent-aware participants' directory, the badge; per-packet page numbers;
one file per participant in a folder; fonts, qpdf, cancel and bad input."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from reportlab.platypus import BaseDocTemplate, PageTemplate
from reportlab.platypus.flowables import Flowable
from sqlalchemy import select

from talentdesk.core.enums import Gender, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.core.errors import Cancelled, NotFoundError, TalentDeskError
from talentdesk.core.events import Participant
from talentdesk.core.models import Chapter, Member
from talentdesk.db.session import Database
from talentdesk.exports import packets_pdf
from talentdesk.exports.agenda_pdf import MARK_LABEL
from talentdesk.exports.badges import DEFAULT_STATUSES
from talentdesk.exports.consent import allowed_fields
from talentdesk.exports.directory_pdf import display_phone
from talentdesk.exports.packets_data import Itinerary, PacketPerson, load_directory, load_packets
from talentdesk.exports.packets_folder import packet_file_name
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.packets_sections import (
    SECTION_AGENDA,
    SECTION_BADGE,
    SECTION_DIRECTORY,
    SECTION_ITINERARY,
    SECTION_LETTER,
    SECTIONS,
    agenda_section_story,
    directory_story,
    letter_text,
    packet_styles,
)
from talentdesk.exports.pdf import body_frame, frame_width, page_margins
from talentdesk.services import event_agenda, event_logistics, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.document_settings import set_welcome_letter

from .helpers import add

S = ParticipantStatus
DAY1 = date(2027, 3, 10)
DAY2 = date(2027, 3, 11)
EVENT_TITLE = "Jornada Informativa Ñandú 2027"


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


@dataclass
class Small:
    db: Database
    event_id: int
    ids: dict[str, int]  # participant ids by nickname


@pytest.fixture()
def small(db: Database) -> Small:
    """A hand-made event: consenting members with different permissions, one without consent,
    a guest, one who declined, one who cancelled; two sessions; one full itinerary."""
    with db.session() as s:
        houston = s.scalar(select(Chapter.id).where(Chapter.name == "Houston"))
        event = ev.create_event(
            s,
            {
                "name": "Jornada Informativa Ñandú",
                "edition": "2027",
                "starts_on": DAY1,
                "ends_on": DAY2,
                "venue_name": "Auditorio Peñasco",
                "city": "Ciudad de México",
            },
        )
        room = event_agenda.add_room(s, event.id, "Sala Ámbar")
        ximena = add(
            s,
            "Ximena",
            "Peña",
            "Núñez",
            email="ximena@example.org",
            phone="+17135550101",
            city="Houston",
            employer="Acme Ñandú S.A.",
            country="US",
            chapter_id=houston,
            directory_consent=True,
            print_fields=["email", "city"],
        )
        jose = add(
            s,
            "José Ángel",
            "Álvarez",
            None,
            email="jose@example.org",
            phone="+17135550102",
            city="Austin",
            employer="Beta Corp",
            country="US",
            directory_consent=True,
            print_fields=[],
        )
        carla = add(
            s,
            "Carla",
            "Zúñiga",
            "Ortiz",
            email="carla@example.org",
            city="Denver",
            employer="Gamma LLC",
            country="US",
            directory_consent=False,
            print_fields=["email", "phone", "city", "employer"],
        )
        luis = add(
            s,
            "Luis",
            "Bravo",
            None,
            email="luis@example.org",
            phone="+17135550104",
            city="Dallas",
            employer="Delta Inc",
            country="US",
            directory_consent=True,
            print_fields=["email", "phone", "city", "employer"],
        )
        dora = add(
            s, "Dora", "Cano", None, email="dora@example.org", directory_consent=True, print_fields=["email"]
        )
        p_ximena = event_participants.add_member(s, event.id, ximena.id, ParticipantRole.SPEAKER)
        p_jose = event_participants.add_member(s, event.id, jose.id)
        p_carla = event_participants.add_member(s, event.id, carla.id)
        p_luis = event_participants.add_member(s, event.id, luis.id)
        p_dora = event_participants.add_member(s, event.id, dora.id)
        p_guest = event_participants.add_guest(
            s,
            event.id,
            {
                "given_names": "Inés",
                "paternal_surname": "Guerra",
                "email": "ines@example.org",
                "organization": "Universidad Externa",
                "role": ParticipantRole.MODERATOR,
            },
        )
        event_workflow.change_status(
            s, [p_ximena.id, p_jose.id, p_carla.id, p_luis.id, p_dora.id, p_guest.id], S.CONFIRMED
        )
        event_workflow.change_status(s, [p_luis.id], S.CANCELLED)
        event_agenda.add_session(
            s,
            event.id,
            {
                "title": "Panel de nanotecnología",
                "kind": SessionKind.PANEL,
                "starts_at": at(DAY1, 10),
                "ends_at": at(DAY1, 11, 30),
                "room_id": room.id,
                "speaker_ids": [p_ximena.id],
            },
        )
        event_agenda.add_session(
            s,
            event.id,
            {
                "title": "Taller de vinculación",
                "kind": SessionKind.WORKSHOP,
                "starts_at": at(DAY2, 12),
                "ends_at": at(DAY2, 13),
                "room_id": room.id,
                "moderator_id": p_guest.id,
            },
        )
        event_logistics.set_travel(
            s,
            p_ximena.id,
            {
                "arrival_flight": "AM 123",
                "arrival_airline": "Aeroméxico",
                "arrival_at": at(date(2027, 3, 9), 14, 30),
                "arrival_airport": "AICM (desde IAH)",
                "arrival_terminal": "2",
                "departure_flight": "AM 456",
                "departure_airline": "Aeroméxico",
                "departure_at": at(date(2027, 3, 12), 9, 5),
                "departure_airport": "AICM",
                "departure_terminal": "1",
                "needs_transfer": True,
            },
        )
        event_logistics.set_lodging(
            s,
            p_ximena.id,
            {
                "hotel": "Hotel Cañada",
                "room": "512",
                "check_in": date(2027, 3, 9),
                "check_out": date(2027, 3, 12),
                "confirmation": "CONF-7788",
                "shares_with_id": p_dora.id,
            },
        )
        ids = {
            "ximena": p_ximena.id,
            "jose": p_jose.id,
            "carla": p_carla.id,
            "luis": p_luis.id,
            "dora": p_dora.id,
            "guest": p_guest.id,
        }
        # Declined: no packet by default, not in the directory even though they consented.
        emma = add(
            s,
            "Emma",
            "Duarte",
            None,
            email="emma@example.org",
            directory_consent=True,
            print_fields=["email"],
        )
        p_emma = event_participants.add_member(s, event.id, emma.id)
        event_workflow.change_status(s, [p_emma.id], S.DECLINED)
        ids["emma"] = p_emma.id
        event_id = event.id
    return Small(db, event_id, ids)


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[tuple[Database, int]]:
    database = Database.open(demo_db_path)
    with database.reader() as s:
        event_id = s.scalar(select(Participant.event_id).limit(1))
    assert event_id is not None
    yield database, event_id
    database.close()


# -- reading packets back -------------------------------------------------------------------------


@dataclass
class Packet:
    title: str  # outline entry: 'Peña Núñez, Ximena · JI2027-0001'
    pages: list[str]
    sections: dict[str, list[str]]  # section -> its pages' text

    @property
    def cover(self) -> str:
        return self.pages[0]


def flat(text: str) -> str:
    return " ".join(text.split())


def read_packets(path: Path) -> list[Packet]:
    """Split a combined file into packets by its outline (person, then their sections)."""
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    outline = reader.outline
    starts: list[tuple[str, int, list[tuple[str, int]]]] = []
    for item in outline:
        if isinstance(item, list):
            starts[-1][2].extend((s.title, reader.get_destination_page_number(s)) for s in item)
        else:
            starts.append((item.title, reader.get_destination_page_number(item), []))
    packets = []
    for n, (title, first, sections) in enumerate(starts):
        end = starts[n + 1][1] if n + 1 < len(starts) else len(texts)
        by_section = {}
        for k, (name, page) in enumerate(sections):
            stop = sections[k + 1][1] if k + 1 < len(sections) else end
            by_section[name] = texts[page:stop]
        packets.append(Packet(title, texts[first:end], by_section))
    return packets


def read_single(path: Path) -> Packet:
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    marks = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    sections = {
        name: texts[page : marks[k + 1][1] if k + 1 < len(marks) else len(texts)]
        for k, (name, page) in enumerate(marks)
    }
    return Packet(str(reader.metadata.title), texts, sections)


def files(folder: Path) -> list[str]:
    """What an export left in a folder (the test database and its WAL files aside)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("talentdesk.sqlite"))


def pdffonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def export_small(small: Small, out: Path, **options: object) -> list[Packet]:
    result = export_packets_pdf(small.db.sessions, small.event_id, out, **options)  # type: ignore[arg-type]
    packets = read_packets(out)
    assert result.rows == len(packets)
    return packets


def by_name(packets: list[Packet], surname: str) -> Packet:
    (packet,) = [p for p in packets if p.title.startswith(surname)]
    return packet


# -- tests ----------------------------------------------------------------------------------------


def test_one_packet_per_expected_participant_each_from_its_cover(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "paquetes.pdf"
    packets = export_small(small, out)
    # Expected: not the one who cancelled nor the one who declined; Spanish order (Á after A, Ñ after N).
    assert [p.title.split(" · ")[0] for p in packets] == [
        "Álvarez, José Ángel",
        "Cano, Dora",
        "Guerra, Inés",
        "Peña Núñez, Ximena",
        "Zúñiga Ortiz, Carla",
    ]
    total = sum(len(p.pages) for p in packets)
    assert total == len(PdfReader(out).pages)
    for packet in packets:
        cover = flat(packet.cover)
        assert "PAQUETE DEL PARTICIPANTE" in cover
        surnames, given = packet.title.split(" · ")[0].split(", ")
        assert given in cover and surnames in cover
        assert EVENT_TITLE in cover and "10 y 11 de marzo de 2027" in cover and "Auditorio Peñasco" in cover
        assert list(packet.sections) == [
            SECTION_LETTER,
            SECTION_ITINERARY,
            SECTION_AGENDA,
            SECTION_DIRECTORY,
            SECTION_BADGE,
        ]
        # Page numbers restart with each packet: 'Página k de n' on every page after the cover.
        n = len(packet.pages)
        assert "Página" not in packet.cover
        for k, page in enumerate(packet.pages[1:], start=2):
            assert f"Página {k} de {n}" in flat(page), (packet.title, k)
            assert f"Paquete de {given} {surnames}" in flat(page)
    ximena = by_name(packets, "Peña")
    assert flat(ximena.cover).count("PONENTE") == 1 and "Acme Ñandú S.A." in ximena.cover
    assert "Capítulo Houston" in ximena.cover


def test_welcome_letter_from_the_saved_template(small: Small, tmp_path: Path) -> None:
    with small.db.session() as s:
        set_welcome_letter(
            s,
            "Querida {nombres}: {nombre} · {evento} · {edicion} · {fechas} · {sede} · {ciudad} · "
            "{organizacion} · {codigo}\n\nSegundo párrafo.",
        )
        code = s.get(Participant, small.ids["ximena"]).code  # type: ignore[union-attr]
    packets = export_small(small, tmp_path / "p.pdf")
    letter = flat(" ".join(by_name(packets, "Peña").sections[SECTION_LETTER]))
    assert (
        "Querida Ximena: Ximena Peña Núñez · Jornada Informativa Ñandú · 2027 · los días 10 y 11 de marzo de 2027 · "
        f"Auditorio Peñasco · Ciudad de México · Acme Ñandú S.A. · {code}"
    ) in letter
    assert "Segundo párrafo." in letter
    assert "{" not in letter
    # The guest has no chapter: their organisation fills the field.
    guest = flat(" ".join(by_name(packets, "Guerra").sections[SECTION_LETTER]))
    assert "Querida Inés: Inés Guerra ·" in guest and "· Universidad Externa ·" in guest


def test_default_letter_and_empty_fields_leave_no_gaps(small: Small) -> None:
    with small.db.reader() as s:
        data = load_packets(s, small.event_id)
    person = next(p for p in data.people if p.id == small.ids["ximena"])
    text = letter_text(data.letter_template, data.event, person)
    assert text.startswith("Estimado(a) Ximena Peña Núñez:")
    assert (
        "la Jornada Informativa Ñandú 2027, que se celebrará los días 10 y 11 de marzo de 2027 en el Auditorio Peñasco, Ciudad de México."
        in text
    )
    no_edition = type(data.event)(**{**data.event.__dict__, "edition": None})
    text = letter_text("a la {evento} {edicion}, en {sede}.", no_edition, person)
    assert text == "a la Jornada Informativa Ñandú, en Auditorio Peñasco."


def test_default_letter_greets_by_gender_and_gives_the_venue_its_article(small: Small) -> None:
    """Issue 12, item 14: «Estimado(a)» only when the gender is unknown (a guest, or a member who
    did not say), and «en el Auditorio…» rather than «en Auditorio…»."""
    with small.db.session() as s:
        for nickname, gender in (("ximena", Gender.FEMALE), ("jose", Gender.MALE), ("carla", Gender.OTHER)):
            member = s.get(Member, s.get(Participant, small.ids[nickname]).member_id)  # type: ignore[union-attr]
            assert member is not None
            member.gender = gender
    with small.db.reader() as s:
        data = load_packets(s, small.event_id)
    first_lines = {
        p.given_names: letter_text(data.letter_template, data.event, p).split("\n")[0] for p in data.people
    }
    assert first_lines["Ximena"] == "Estimada Ximena Peña Núñez:"
    assert first_lines["José Ángel"] == "Estimado José Ángel Álvarez:"
    assert first_lines["Carla"] == "Estimado(a) Carla Zúñiga Ortiz:"
    assert first_lines["Inés"] == "Estimado(a) Inés Guerra:"  # a guest: no gender on record
    ximena = next(p for p in data.people if p.given_names == "Ximena")
    consulate = type(data.event)(
        **{**data.event.__dict__, "venue_name": "Consulado General de México en Houston"}
    )
    assert "en el Consulado General de México en Houston, Ciudad de México." in letter_text(
        data.letter_template, consulate, ximena
    )


def test_itinerary_shows_flights_transfer_and_hotel(small: Small, tmp_path: Path) -> None:
    packets = export_small(small, tmp_path / "p.pdf")
    ximena = flat(" ".join(by_name(packets, "Peña").sections[SECTION_ITINERARY]))
    for expected in (
        "AM 123 · Aeroméxico",
        "Martes 9 de marzo de 2027, 14:30 h",
        "AICM (desde IAH) · Terminal 2",
        "AM 456 · Aeroméxico",
        "Viernes 12 de marzo de 2027, 9:05 h",
        "AICM · Terminal 1",
        "Traslado aeropuerto–hotel Sí",
        "Hotel Cañada",
        "Habitación 512",
        "Entrada (check-in) Martes 9 de marzo de 2027",
        "Salida (check-out) Viernes 12 de marzo de 2027",
        "Noches 3 noches",
        "Confirmación CONF-7788",
        "Comparte habitación con Dora Cano",
        "Panel de nanotecnología",
    ):
        assert expected in ximena, expected
    assert "Sin información de vuelo" not in ximena
    guest = flat(" ".join(by_name(packets, "Guerra").sections[SECTION_ITINERARY]))
    assert "Sin información de vuelo." in guest and "Sin hospedaje registrado." in guest
    assert "Taller de vinculación" in guest and "Sala Ámbar · Modera" in guest
    jose = flat(" ".join(by_name(packets, "Álvarez").sections[SECTION_ITINERARY]))
    assert "Sus sesiones" not in jose


def marked_titles(agenda_pages: list[str], titles: list[str]) -> set[str]:
    """The session titles followed by the mark before the next session title."""
    text = flat(" ".join(agenda_pages))
    found = set()
    positions = sorted((text.index(t), t) for t in titles)
    for k, (pos, title) in enumerate(positions):
        end = positions[k + 1][0] if k + 1 < len(positions) else len(text)
        if MARK_LABEL in text[pos:end]:
            found.add(title)
    return found


def test_agenda_marks_only_the_participants_own_sessions(small: Small, tmp_path: Path) -> None:
    packets = export_small(small, tmp_path / "p.pdf")
    titles = ["Panel de nanotecnología", "Taller de vinculación"]
    assert marked_titles(by_name(packets, "Peña").sections[SECTION_AGENDA], titles) == {titles[0]}
    assert marked_titles(by_name(packets, "Guerra").sections[SECTION_AGENDA], titles) == {titles[1]}
    for surname in ("Álvarez", "Cano", "Zúñiga"):
        agenda = by_name(packets, surname).sections[SECTION_AGENDA]
        assert marked_titles(agenda, titles) == set()
        assert all(t in flat(" ".join(agenda)) for t in titles)


def test_directory_in_the_small_event(small: Small, tmp_path: Path) -> None:
    packets = export_small(small, tmp_path / "p.pdf")
    directory = flat(" ".join(packets[0].sections[SECTION_DIRECTORY]))
    # Listed: consenting members still expected, in Spanish order.
    names = ["Álvarez, José Ángel", "Cano, Dora", "Peña Núñez, Ximena"]
    assert [directory.index(n) for n in names] == sorted(directory.index(n) for n in names)
    # Not listed: no consent (Carla), guest without a member record (Inés), cancelled (Luis), declined (Emma).
    for absent in ("Zúñiga", "Guerra", "Bravo", "Duarte", "carla@", "ines@", "luis@", "emma@"):
        assert absent not in directory, absent
    ximena = directory[directory.index("Peña Núñez, Ximena") :]
    assert "ximena@example.org" in ximena and "Houston, Estados Unidos" in ximena
    assert "Acme Ñandú" not in directory and display_phone("+17135550101") not in directory
    jose = directory[directory.index("Álvarez, José Ángel") : directory.index("Cano, Dora")]
    assert "Estados Unidos" in jose
    assert not any(v in jose for v in ("jose@example.org", "Austin", "Beta Corp", "555-0102"))
    assert "3 participantes en el directorio." in directory
    # Every packet carries the same directory.
    assert all(flat(" ".join(p.sections[SECTION_DIRECTORY])).startswith(directory[:200]) for p in packets)


def test_directory_obeys_consent_row_by_row_in_the_demo(demo: tuple[Database, int], tmp_path: Path) -> None:
    database, event_id = demo
    with database.reader() as s:
        rows = s.execute(
            select(
                Participant.id,
                Participant.status,
                Participant.email,
                Participant.phone,
                Participant.organization,
                Member.id,
                Member.directory_consent,
                Member.print_fields_raw,
                Member.city,
            )
            .outerjoin(Member, Member.id == Participant.member_id)
            .where(Participant.event_id == event_id)
            .order_by(Participant.sort_key, Participant.id)
        ).all()
        entries = load_directory(s, event_id)
        chapters = list(s.scalars(select(Chapter.name)))
    people = {row[0]: row for row in rows}
    expected_ids = [row[0] for row in rows if row[5] is not None and row[6] and row[1] in DEFAULT_STATUSES]
    assert [e.participant_id for e in entries] == expected_ids
    assert len(expected_ids) < sum(1 for row in rows if row[1] in DEFAULT_STATUSES)  # some are left out
    # The rule, field by field: (printed value, what the participant has, permission code).
    checks: dict[int, list[tuple[str | None, str | None, str]]] = {}
    hidden = shown = 0
    for entry in entries:
        _pid, _status, email, phone, organization, _mid, consent, raw, city = people[entry.participant_id]
        allowed = {f.value for f in allowed_fields(consent, raw)}
        checks[entry.participant_id] = [
            (entry.email, email, "email"),
            (entry.phone, display_phone(phone) if phone else None, "phone"),
            (entry.city, city, "city"),
            (entry.organization, organization, "employer"),
        ]
        for printed, value, code in checks[entry.participant_id]:
            assert printed == (value if code in allowed else None), (entry.name, code)
            hidden += bool(value) and code not in allowed
            shown += bool(value) and code in allowed
    assert hidden > 10 and shown > 10  # the demo exercises both sides of the rule

    out = tmp_path / "p.pdf"
    export_packets_pdf(database.sessions, event_id, out, participant_ids=[expected_ids[0]])
    (packet,) = read_packets(out)
    text = flat(" ".join(packet.sections[SECTION_DIRECTORY]))
    # Row by row in the printed pages: each listed name, then only what that member allowed.
    positions = [text.index(e.name) for e in entries]
    assert positions == sorted(positions)
    for k, entry in enumerate(entries):
        row = text[positions[k] : positions[k + 1] if k + 1 < len(entries) else len(text)]
        for chapter in chapters:  # members live near their chapter: «Capítulo San Diego» is no city
            row = row.replace(f"Capítulo {chapter}", "")
        row = row.replace(" ", "")  # a long e-mail may be set on two lines
        for printed, value, _code in checks[entry.participant_id]:
            if printed:
                assert printed.replace(" ", "") in row, (entry.name, printed)
            elif value:
                assert value.replace(" ", "") not in row, (entry.name, value)
    for pid, _status, email, *_rest in rows:
        if pid not in checks and email:
            assert email not in text, email  # guests, no consent, declined or cancelled


def test_badge_page_shows_the_badge(small: Small, tmp_path: Path) -> None:
    packets = export_small(small, tmp_path / "p.pdf", badge_layout="avery-5392")
    for packet in packets:
        (badge,) = packet.sections[SECTION_BADGE]
        surnames, given = packet.title.split(" · ")[0].split(", ")
        code = packet.title.split(" · ")[1]
        assert "Recorte el gafete" in badge
        for word in given.split() + surnames.split() + [code]:
            assert word in badge, word


Run = tuple[str, float, float]  # a text run and where it starts on the page (x, y in points)

#: How far a replayed text may be from where a direct layout puts it: rounding only.
POSITION_TOLERANCE = 0.01


def text_runs(page: PageObject) -> list[Run]:
    """Every text run of a page with its page position, forms (replayed pages) included."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return runs


def section_pages(reader: PdfReader) -> dict[str, list[int]]:
    """Page indexes of each section of a one-packet file, from its outline."""
    marks: list[tuple[str, int]] = []
    for item in reader.outline:
        for entry in item if isinstance(item, list) else [item]:
            if entry.title in SECTIONS:
                marks.append((entry.title, reader.get_destination_page_number(entry)))
    ends = [page for _name, page in marks[1:]] + [len(reader.pages)]
    return {name: list(range(first, end)) for (name, first), end in zip(marks, ends, strict=True)}


def direct_layout(story: list[Flowable], pagesize: tuple[float, float], path: Path) -> list[PageObject]:
    """``story`` laid out and drawn by platypus the ordinary way, in the packets' body frame."""
    doc = BaseDocTemplate(str(path), pagesize=pagesize, initialFontName="DejaVuSans", **page_margins())
    doc.addPageTemplates([PageTemplate(id="p", frames=[body_frame(pagesize)])])
    doc.build(story)
    return list(PdfReader(path).pages)


def assert_same_positions(direct: list[Run], replayed: list[Run], where: str) -> None:
    """Every text of the direct page at the same place on the replayed page, and nothing more."""
    left = list(replayed)
    for text, x, y in direct:
        candidates = [run for run in left if run[0] == text]
        assert candidates, f"{where}: «{text}» is missing"
        best = min(candidates, key=lambda run: abs(run[1] - x) + abs(run[2] - y))
        assert abs(best[1] - x) < POSITION_TOLERANCE and abs(best[2] - y) < POSITION_TOLERANCE, (
            f"{where}: «{text}» at ({best[1]:.3f}, {best[2]:.3f}), direct layout ({x:.3f}, {y:.3f})"
        )
        left.remove(best)
    assert not left, f"{where}: text the direct layout does not have: {left[:3]}"


@pytest.mark.parametrize("separate", [False, True], ids=["one-pdf", "file-each"])
def test_replayed_pages_put_text_where_a_direct_layout_does(
    demo: tuple[Database, int], tmp_path: Path, separate: bool
) -> None:
    """The agenda and the directory are laid out once and replayed as PDF forms
    (``exports.replay`` over ``compat.RecordingFrame``): each replayed page must show every
    text exactly where platypus puts it when it lays out and draws the same story directly.
    The demo's agenda and directory take several pages, so page breaks inside tables are
    compared too."""
    database, event_id = demo
    pagesize = (612.0, 792.0)
    with database.reader() as s:
        data = load_packets(s, event_id)
    person = max(data.people, key=lambda p: len(data.agenda.sessions_of(p.id)))  # a speaker
    marked = data.agenda.sessions_of(person.id)
    assert marked
    out = tmp_path / ("paquetes" if separate else "p.pdf")
    export_packets_pdf(database.sessions, event_id, out, participant_ids=[person.id], separate_files=separate)
    reader = PdfReader(next(out.iterdir()) if separate else out)
    pages = section_pages(reader)
    top = pagesize[1] - page_margins()["topMargin"]
    bottom = page_margins()["bottomMargin"]
    width, st = frame_width(pagesize), packet_styles()
    stories = {
        SECTION_AGENDA: agenda_section_story(data.agenda, marked, width, st),
        SECTION_DIRECTORY: directory_story(data.directory, data.event, width, st),
    }
    for section, story in stories.items():
        direct = direct_layout(story, pagesize, tmp_path / f"{section}.pdf")
        replayed = [reader.pages[i] for i in pages[section]]
        assert len(direct) > 1 and len(replayed) == len(direct), section
        for n, (mine, theirs) in enumerate(zip(replayed, direct, strict=True)):
            body = [run for run in text_runs(mine) if bottom <= run[2] <= top]  # not header/footer
            assert_same_positions(text_runs(theirs), body, f"{section}, page {n + 1}")


def test_fonts_metadata_and_qpdf(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    export_packets_pdf(small.db.sessions, small.event_id, out, page_size="a4")
    fonts = pdffonts(out)
    assert fonts and all(" yes " in line and "DejaVuSans" in line for line in fonts), fonts
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(out)
    assert reader.metadata.title == f"Paquetes de participantes — {EVENT_TITLE}"
    assert "Instituto de los Mexicanos en el Exterior" in str(reader.metadata.author)
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]


def test_reprint_selected_people_in_name_order(small: Small, tmp_path: Path) -> None:
    ids = [small.ids["ximena"], small.ids["luis"], small.ids["jose"]]  # the cancelled one on purpose
    packets = export_small(small, tmp_path / "p.pdf", participant_ids=[*ids, ids[0]])
    assert [p.title.split(" · ")[0] for p in packets] == [
        "Álvarez, José Ángel",
        "Bravo, Luis",
        "Peña Núñez, Ximena",
    ]


def test_default_selection_in_the_demo(demo: tuple[Database, int], tmp_path: Path) -> None:
    database, event_id = demo
    with database.reader() as s:
        data = load_packets(s, event_id)
        expected = list(
            s.scalars(
                select(Participant.id)
                .where(Participant.event_id == event_id, Participant.status.in_(DEFAULT_STATUSES))
                .order_by(Participant.sort_key, Participant.id)
            )
        )
        statuses = set(s.scalars(select(Participant.status).where(Participant.event_id == event_id)))
    assert {S.DECLINED, S.CANCELLED} <= statuses  # the demo has people to leave out
    assert [p.id for p in data.people] == expected
    assert sum(1 for p in data.people if p.itinerary.has_flights) > 20
    assert any(not p.itinerary.has_flights for p in data.people)


def test_separate_files_one_per_participant(small: Small, tmp_path: Path) -> None:
    folder = tmp_path / "paquetes"
    progress: list[tuple[int, int]] = []
    result = export_packets_pdf(
        small.db.sessions,
        small.event_id,
        folder,
        separate_files=True,
        progress=lambda d, t: progress.append((d, t)),
    )
    with small.db.reader() as s:
        codes = {p.paternal_surname: p.code for p in s.scalars(select(Participant))}
    expected = sorted(
        [
            f"{codes['Álvarez']} Álvarez, José Ángel.pdf",
            f"{codes['Cano']} Cano, Dora.pdf",
            f"{codes['Guerra']} Guerra, Inés.pdf",
            f"{codes['Peña']} Peña Núñez, Ximena.pdf",
            f"{codes['Zúñiga']} Zúñiga Ortiz, Carla.pdf",
        ]
    )
    assert result.rows == 5 and result.path == folder
    assert sorted(p.name for p in folder.iterdir()) == expected
    assert files(tmp_path) == ["paquetes"]  # no leftovers
    assert progress[-1] == (5, 5)
    ximena = read_single(folder / f"{codes['Peña']} Peña Núñez, Ximena.pdf")
    assert ximena.title == f"Paquete de Ximena Peña Núñez — {EVENT_TITLE}"
    assert "PAQUETE DEL PARTICIPANTE" in ximena.cover and "Ximena" in ximena.cover
    assert list(ximena.sections) == [
        SECTION_LETTER,
        SECTION_ITINERARY,
        SECTION_AGENDA,
        SECTION_DIRECTORY,
        SECTION_BADGE,
    ]
    n = len(ximena.pages)
    assert f"Página {n} de {n}" in flat(ximena.pages[-1])
    for path in folder.iterdir():
        assert pdffonts(path) and all(" yes " in line and "DejaVuSans" in line for line in pdffonts(path))
        assert len(PdfReader(path).pages) >= 6
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr


def test_separate_files_replace_same_names_and_keep_others(small: Small, tmp_path: Path) -> None:
    folder = tmp_path / "paquetes"
    folder.mkdir()
    export_packets_pdf(small.db.sessions, small.event_id, folder, separate_files=True)
    name = sorted(p.name for p in folder.iterdir())[0]
    (folder / name).write_bytes(b"old")
    (folder / "notas.txt").write_text("mine")
    export_packets_pdf(small.db.sessions, small.event_id, folder, separate_files=True)
    assert (folder / name).read_bytes().startswith(b"%PDF")
    assert (folder / "notas.txt").read_text() == "mine"
    assert len(list(folder.iterdir())) == 6


def test_file_names_are_safe() -> None:
    person = PacketPerson(
        id=7,
        code="JI2027-0007",
        given_names='Ana "La/Jefa"',
        paternal_surname="O'Neil:Ruiz",
        maternal_surname="de la Peña\\Sol?",
        role=ParticipantRole.ATTENDEE,
        organization=None,
        chapter=None,
        itinerary=Itinerary(),
        badge=None,  # type: ignore[arg-type]
    )
    name = packet_file_name(person)
    assert name == "JI2027-0007 O'Neil Ruiz de la Peña Sol, Ana La Jefa.pdf"
    assert not re.search(r'[/\\:*?"<>|]', name)


def test_cancel_leaves_no_file_and_keeps_the_old_one(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "paquetes.pdf"
    out.write_bytes(b"the good file from yesterday")
    abort = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done >= 2:
            abort.set()

    with pytest.raises(Cancelled, match="cancelada"):
        export_packets_pdf(small.db.sessions, small.event_id, out, progress=progress, abort=abort)
    assert out.read_bytes() == b"the good file from yesterday"
    assert files(tmp_path) == ["paquetes.pdf"]
    abort.set()
    with pytest.raises(Cancelled):
        export_packets_pdf(small.db.sessions, small.event_id, out, abort=abort)
    assert out.read_bytes() == b"the good file from yesterday"


@pytest.mark.parametrize("existing", [False, True])
def test_cancel_in_folder_mode_leaves_nothing_new(small: Small, tmp_path: Path, existing: bool) -> None:
    folder = tmp_path / "paquetes"
    with small.db.reader() as s:
        data = load_packets(s, small.event_id)
    first = packet_file_name(data.people[0])
    if existing:
        folder.mkdir()
        (folder / first).write_bytes(b"old packet")
    abort = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 3:
            abort.set()

    with pytest.raises(Cancelled):
        export_packets_pdf(
            small.db.sessions, small.event_id, folder, separate_files=True, progress=progress, abort=abort
        )
    if existing:
        assert [p.name for p in folder.iterdir()] == [first]
        assert (folder / first).read_bytes() == b"old packet"
    else:
        assert not folder.exists()
    assert files(tmp_path) == (["paquetes"] if existing else [])


def test_failure_midway_in_folder_mode_leaves_nothing(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = packets_pdf._write_one

    def failing(*args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(packets_pdf, "_write_one", failing)
    with pytest.raises(TalentDeskError, match="No se pudo escribir"):
        export_packets_pdf(small.db.sessions, small.event_id, tmp_path / "out", separate_files=True)
    assert files(tmp_path) == []


def test_bad_input_is_refused_in_spanish_before_writing(small: Small, tmp_path: Path) -> None:
    sessions, event_id = small.db.sessions, small.event_id
    (tmp_path / "archivo.pdf").write_bytes(b"x")
    (tmp_path / "carpeta").mkdir()
    before = files(tmp_path)
    cases: list[tuple[dict[str, object], str, type[Exception]]] = [
        ({"event_id": 999}, "No existe el evento con id 999", NotFoundError),
        ({"badge_layout": "enorme"}, "No existe la plantilla de gafetes «enorme»", TalentDeskError),
        ({"page_size": "legal"}, "Tamaño de página desconocido «legal»", TalentDeskError),
        ({"participant_ids": [123456]}, "No están inscritos", TalentDeskError),
        ({"out": "carpeta"}, "es una carpeta", TalentDeskError),
        ({"out": "p.txt"}, "debe terminar en .pdf", TalentDeskError),
        ({"out": "falta/p.pdf"}, "No existe la carpeta", TalentDeskError),
        ({"out": "archivo.pdf", "separate_files": True}, "no es una carpeta", TalentDeskError),
        ({"out": "nuevo.pdf", "separate_files": True}, "indique una carpeta", TalentDeskError),
        ({"out": "falta/sub", "separate_files": True}, "No existe la carpeta", TalentDeskError),
    ]
    for options, message, kind in cases:
        options = dict(options)
        out = tmp_path / str(options.pop("out", "p.pdf"))
        event = int(options.pop("event_id", event_id))  # type: ignore[call-overload]
        with pytest.raises(kind, match=message):
            export_packets_pdf(sessions, event, out, **options)  # type: ignore[arg-type]
        assert files(tmp_path) == before, options
    assert list((tmp_path / "carpeta").iterdir()) == []


def test_event_with_nobody_expected_is_refused(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        event = ev.create_event(s, {"name": "Vacía", "starts_on": DAY1, "ends_on": DAY1})
    with pytest.raises(TalentDeskError, match="No hay participantes"):
        export_packets_pdf(db.sessions, event.id, tmp_path / "p.pdf")
    assert files(tmp_path) == []


# -- folder mode: all or nothing ------------------------------------------------------------------


def _old_folder(small: Small, tmp_path: Path) -> tuple[Path, list[str], dict[str, bytes]]:
    """A folder holding yesterday's packets of the same names (different bytes) and a file of
    the office's own; returns it, the packet names in order and every file's bytes."""
    folder = tmp_path / "paquetes"
    folder.mkdir()
    with small.db.reader() as s:
        names = [packet_file_name(p) for p in load_packets(s, small.event_id).people]
    for n, name in enumerate(names):
        (folder / name).write_bytes(f"yesterday's packet {n}".encode())
    (folder / "notas.txt").write_text("mine")
    return folder, names, {p.name: p.read_bytes() for p in folder.iterdir()}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_folder_mode_a_folder_in_the_way_moves_nothing(small: Small, tmp_path: Path) -> None:
    folder, names, before = _old_folder(small, tmp_path)
    (folder / names[3]).unlink()
    (folder / names[3]).mkdir()  # a folder with a packet's name, after others in the move order
    del before[names[3]]
    with pytest.raises(TalentDeskError, match=f"hay una carpeta llamada «{re.escape(names[3])}»") as caught:
        export_packets_pdf(small.db.sessions, small.event_id, folder, separate_files=True)
    assert "No se guardó ningún archivo" in str(caught.value)
    assert _contents(folder) == before  # byte-identical, nothing replaced
    assert (folder / names[3]).is_dir() and list((folder / names[3]).iterdir()) == []
    assert files(tmp_path) == ["paquetes"]  # the temporary folder is gone


@pytest.mark.parametrize("existing", [True, False])
def test_folder_mode_failure_while_moving_in_puts_the_old_files_back(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    if existing:
        folder, names, before = _old_folder(small, tmp_path)
    else:
        folder, names, before = tmp_path / "paquetes", [], {}
    real = os.replace
    moved_in: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(src).parent.name.endswith(".partial"):  # a new packet going into the folder
            if len(moved_in) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            moved_in.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(TalentDeskError, match="no hay espacio en el disco"):
        export_packets_pdf(small.db.sessions, small.event_id, folder, separate_files=True)
    assert len(moved_in) == 2  # two new files had gone in when it failed
    if existing:
        assert _contents(folder) == before and len(before) == len(names) + 1
    else:
        assert not folder.exists()  # made for this export, removed again
    assert files(tmp_path) == (["paquetes"] if existing else [])


def test_folder_mode_old_files_that_cannot_be_put_back_are_kept_and_named(
    small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, names, before = _old_folder(small, tmp_path)
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(src).parent.name.endswith(".partial") or Path(dst).parent == folder:
            raise OSError(errno.EIO, "Input/output error")  # neither in nor back
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(TalentDeskError, match="ni devolver 5 archivo") as caught:
        export_packets_pdf(small.db.sessions, small.event_id, folder, separate_files=True)
    kept = Path(re.findall(r"están en «([^»]+)»", str(caught.value))[0])
    assert kept.is_dir() and kept.parent.parent == tmp_path
    assert {p.name: p.read_bytes() for p in kept.iterdir()} == {n: before[n] for n in names}
    assert _contents(folder) == {"notas.txt": b"mine"}


def test_a_letter_saved_with_a_format_before_the_rule_is_a_spanish_error(
    small: Small, tmp_path: Path
) -> None:
    from talentdesk.core.models import DocumentSetting
    from talentdesk.services.document_settings import WELCOME_LETTER

    with small.db.session() as s:  # as an older version stored it, unchecked
        s.add(DocumentSetting(key=WELCOME_LETTER, value="Estimado(a) {nombre:d}:"))
    for out, separate in ((tmp_path / "p.pdf", False), (tmp_path / "carpeta", True)):
        with pytest.raises(TalentDeskError, match=r"carta de bienvenida guardada.*sin formato"):
            export_packets_pdf(small.db.sessions, small.event_id, out, separate_files=separate)
    assert files(tmp_path) == []
