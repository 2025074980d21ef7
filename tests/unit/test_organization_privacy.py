"""The organisation on badges and sign-in sheets follows the member's consent.

A participant registered from a member carries a copy of the member's employer
(``services.event_participants.add_member``). Badges are worn in public and sign-in sheets lie open on a
desk, so for a member the organisation is printed only when the member consented to appear
and allowed the "employer" field; otherwise the badge falls back to the chapter. Guests keep
the organisation they registered with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.events import Participant
from talentdesk.db.session import Database
from talentdesk.exports.badges import badge_data, export_badges_pdf, load_badges
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.signin_pdf import export_signin_pdf
from talentdesk.services import event_agenda, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.chapters import create_chapter
from talentdesk.services.members import update_member

from .helpers import add

S = ParticipantStatus
DAY = date(2027, 3, 9)

#: (given, paternal, employer, consent, print_fields) → is the employer printed?
MEMBERS = [
    ("Alicia", "Arce", "Laboratorio Alfa", True, ["employer"], True),
    ("Bruno", "Bernal", "Corporativo Beta", True, ["email", "phone", "city"], False),
    ("Carmen", "Cano", "Fundación Gamma", False, ["employer", "email"], False),
    ("Diego", "Duarte", "Consultora Delta", False, [], False),
]
GUEST_ORG = "Embajada de Épsilon"


@dataclass
class World:
    event_id: int
    participants: dict[str, int]  # paternal surname -> participant id
    members: dict[str, int]  # paternal surname -> member id


@pytest.fixture()
def world(db: Database) -> World:
    with db.session() as s:
        chapter = create_chapter(s, {"name": "Mérida Norte"})
        event = ev.create_event(
            s, {"name": "Jornada de Privacidad", "starts_on": DAY, "ends_on": DAY, "city": "Monterrey"}
        )
        members: dict[str, int] = {}
        participants: dict[str, int] = {}
        for given, paternal, employer, consent, fields, _shown in MEMBERS:
            member = add(
                s,
                given,
                paternal,
                employer=employer,
                directory_consent=consent,
                print_fields=fields,
                chapter_id=chapter.id,
            )
            members[paternal] = member.id
            participants[paternal] = event_participants.add_member(s, event.id, member.id).id
        guest = event_participants.add_guest(
            s, event.id, {"given_names": "Elena", "paternal_surname": "Esquivel", "organization": GUEST_ORG}
        )
        participants["Esquivel"] = guest.id
        event_workflow.change_status(s, list(participants.values()), S.CONFIRMED)
        return World(event.id, participants, members)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_registration_keeps_the_copy_for_staff(db: Database, world: World) -> None:
    """Decision: the participant record keeps the employer copied at registration (staff lists
    need it and consent may change later); what is printed for the public is decided at print."""
    with db.reader() as s:
        stored = {p.paternal_surname: p.organization for p in s.scalars(select(Participant))}
    assert stored == {**{m[1]: m[2] for m in MEMBERS}, "Esquivel": GUEST_ORG}


def test_badges_show_the_employer_only_when_allowed(db: Database, world: World, tmp_path: Path) -> None:
    with db.reader() as s:
        rows = {b.paternal_surname: b for b in load_badges(s, world.event_id)}
        orm = {
            p.paternal_surname: badge_data(p)
            for p in s.scalars(select(Participant).where(Participant.event_id == world.event_id))
        }
    for _given, paternal, employer, _consent, _fields, shown in MEMBERS:
        assert rows[paternal].organization_public is shown, paternal
        assert rows[paternal].organization == employer  # the packet's own cover and letter use it
        assert rows[paternal].chapter == "Mérida Norte"  # the fallback the badge shows
        assert orm[paternal] == rows[paternal]
    assert rows["Esquivel"].organization == GUEST_ORG and rows["Esquivel"].organization_public
    assert rows["Esquivel"].chapter is None
    assert orm["Esquivel"] == rows["Esquivel"]

    out = tmp_path / "gafetes.pdf"
    export_badges_pdf(db.sessions, world.event_id, out, layout="avery-l7418")
    text = pdf_text(out)
    for _given, _paternal, employer, _consent, _fields, shown in MEMBERS:
        assert (employer in text) is shown, employer
    assert GUEST_ORG in text
    assert text.count("Capítulo Mérida Norte") == len(MEMBERS)


def test_sign_in_sheet_shows_the_employer_only_when_allowed(
    db: Database, world: World, tmp_path: Path
) -> None:
    out = tmp_path / "firmas.pdf"
    export_signin_pdf(db.sessions, world.event_id, out)
    text = pdf_text(out)
    for given, paternal, employer, _consent, _fields, shown in MEMBERS:
        assert f"{paternal}, {given}" in text
        assert (employer in text) is shown, employer
    assert GUEST_ORG in text


def test_the_current_consent_counts_not_the_one_at_registration(
    db: Database, world: World, tmp_path: Path
) -> None:
    with db.session() as s:
        update_member(s, world.members["Arce"], {"print_fields": []})  # withdrawn after registering
        update_member(s, world.members["Bernal"], {"print_fields": ["employer"]})  # granted later
    with db.reader() as s:
        rows = {b.paternal_surname: b.organization_public for b in load_badges(s, world.event_id)}
    assert rows["Arce"] is False and rows["Bernal"] is True
    out = tmp_path / "firmas.pdf"
    export_signin_pdf(db.sessions, world.event_id, out)
    text = pdf_text(out)
    assert "Laboratorio Alfa" not in text and "Corporativo Beta" in text


def test_the_packet_badge_follows_the_rule_and_its_own_cover_keeps_the_employer(
    db: Database, world: World, tmp_path: Path
) -> None:
    """The badge inside the attendee packet is worn in public too; the cover and the letter are
    handed to that person only."""
    out = tmp_path / "paquetes.pdf"
    export_packets_pdf(db.sessions, world.event_id, out)
    pages = [page.extract_text() for page in PdfReader(out).pages]
    badge_pages = [text for text in pages if "Gafete · Jornada de Privacidad" in text]
    assert len(badge_pages) == len(MEMBERS) + 1
    for given, paternal, employer, _consent, _fields, shown in MEMBERS:
        (badge,) = [text for text in badge_pages if f"Paquete de {given} {paternal}" in text]
        assert (employer in badge) is shown, employer
        assert "Capítulo Mérida Norte" in badge
        assert any(employer in text for text in pages if text not in badge_pages)  # own cover, letter
    (guest_badge,) = [text for text in badge_pages if "Paquete de Elena Esquivel" in text]
    assert GUEST_ORG in guest_badge


def test_the_public_agenda_shows_a_speakers_employer_only_when_allowed(
    db: Database, world: World, tmp_path: Path
) -> None:
    from datetime import datetime

    from talentdesk.exports.agenda_pdf import export_agenda_pdf

    with db.session() as s:
        event_agenda.add_session(
            s,
            world.event_id,
            {
                "title": "Panel de privacidad",
                "starts_at": datetime(2027, 3, 9, 10, 0),
                "ends_at": datetime(2027, 3, 9, 11, 0),
                "speaker_ids": list(world.participants.values()),
            },
        )
    out = tmp_path / "agenda.pdf"
    export_agenda_pdf(db.sessions, world.event_id, out)
    text = pdf_text(out)
    for given, _paternal, employer, _consent, _fields, shown in MEMBERS:
        assert given in text
        assert (employer in text) is shown, employer
    assert GUEST_ORG in text
