"""Chapters and boards, sectors and their contacts, organisations."""

from __future__ import annotations

from datetime import date

import pytest

from talentdesk.core.enums import BoardRole, ChapterStatus, OrganizationKind
from talentdesk.core.errors import ConflictError, NotFoundError, ValidationError
from talentdesk.db.session import Database
from talentdesk.services import audit, chapters, organizations, sectors
from talentdesk.services.members import get_member
from talentdesk.services.reference import find_chapter, find_contribution, find_sector
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add


def test_create_update_chapter_with_audit(db: Database) -> None:
    with db.session() as s:
        ch = chapters.create_chapter(
            s,
            {
                "name": "  Querétaro  ",
                "country": "Alemania",
                "founded_on": "01/02/2020",
                "contact_email": "Capitulo@Example.org",
                "sector_ids": [3, 1],
            },
        )
        cid = ch.id
        assert ch.name == "Querétaro" and ch.country == "DE" and ch.founded_on == date(2020, 2, 1)
        assert ch.contact_email == "capitulo@example.org" and ch.status is ChapterStatus.FORMING
        assert [x.id for x in ch.sectors] == [1, 3]
    with db.session() as s:
        changes = chapters.update_chapter(
            s, cid, {"status": "Formalizado", "city": "Berlín", "sector_ids": [1, 3]}
        )
        assert changes == {
            "status": (ChapterStatus.FORMING, ChapterStatus.FORMALIZED),
            "city": (None, "Berlín"),
        }
        assert chapters.update_chapter(s, cid, {"sector_ids": [2]}) == {"sector_ids": ([1, 3], [2])}
    with db.reader() as s:
        rows = audit.history(s, "chapter", cid)
        assert [(r.action, r.field) for r in rows] == [
            ("create", None),
            ("update", "city"),
            ("update", "status"),
            ("update", "sector_ids"),
        ]
        assert [c.name for c in chapters.list_chapters(s)] == [
            "Detroit",
            "Houston",
            "Querétaro",
            "Silicon Valley",
        ]


@pytest.mark.parametrize("name", ["houston", "HOUSTON", " Houston "])
def test_duplicate_chapter_name(db: Database, name: str) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        chapters.create_chapter(s, {"name": name})
    assert info.value.for_field("name") == [f"Nombre: ya existe un capítulo «{name.strip()}»."]


def test_duplicate_chapter_name_with_accented_capital(db: Database) -> None:
    with db.session() as s:
        chapters.create_chapter(s, {"name": "Los Ángeles"})
    for name in ("Los Ángeles", "LOS ÁNGELES", "los ángeles"):
        with db.session() as s, pytest.raises(ValidationError) as info:
            chapters.create_chapter(s, {"name": name})
        assert info.value.for_field("name")
    with db.session() as s:  # renaming to its own name is not a duplicate
        la = find_chapter(s, "los angeles")
        assert chapters.update_chapter(s, la.id, {"name": "Los Ángeles"}) == {}
        with pytest.raises(ValidationError):
            chapters.update_chapter(s, la.id, {"name": "detroit"})


def test_chapter_validation_messages(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        chapters.create_chapter(
            s, {"name": "", "contact_email": "no-correo", "country": "Atlántida", "founded_on": "31/02/2020"}
        )
    err = info.value
    assert err.for_field("name") == ["Nombre: es obligatorio."]
    assert err.for_field("contact_email")[0].startswith("Correo de contacto:")
    assert err.for_field("country")[0].startswith("País:")
    assert err.for_field("founded_on")[0].startswith("Fecha de formalización:")
    with db.session() as s, pytest.raises(ValidationError) as info:
        chapters.create_chapter(s, {"name": "Nuevo", "sector_ids": [1, 77], "status": "cerrado"})
    assert info.value.for_field("sectors") and info.value.for_field("status")
    with db.session() as s, pytest.raises(NotFoundError):
        chapters.update_chapter(s, 999, {"city": "x"})


def test_board_positions_and_president_conflict(db: Database) -> None:
    with db.session() as s:
        a, b, c = add(s, "Ana", "Uno").id, add(s, "Beto", "Dos").id, add(s, "Carla", "Tres").id
        p1 = chapters.add_board_position(s, 1, a, "Presidente", "01/01/2024", "31/12/2025")
        assert p1.role is BoardRole.PRESIDENT
        chapters.add_board_position(s, 1, b, BoardRole.TREASURER, date(2024, 1, 1), None)
    with db.session() as s, pytest.raises(ConflictError, match="ya tiene presidente"):
        chapters.add_board_position(s, 1, c, BoardRole.PRESIDENT, "2025-06-01", "2027-01-01")
    with db.session() as s, pytest.raises(ConflictError):
        chapters.add_board_position(s, 1, c, "presidente")  # open-ended overlaps everything
    with db.session() as s:  # after the term, or in another chapter: fine
        chapters.add_board_position(s, 1, c, "presidente", "2026-01-01", "2027-12-31")
        chapters.add_board_position(s, 2, c, "presidente", "2024-01-01", "2025-12-31")
    with db.session() as s, pytest.raises(ValidationError) as info:
        chapters.add_board_position(s, 1, 999, "emperador", "2025-01-01", "2024-01-01")
    assert {e.field for e in info.value.errors} == {"member", "role", "term_end"}
    with db.session() as s:
        board = chapters.get_chapter(s, 1).board
        assert [(p.member.given_names, p.role) for p in board] == [
            ("Ana", BoardRole.PRESIDENT),
            ("Beto", BoardRole.TREASURER),
            ("Carla", BoardRole.PRESIDENT),
        ]
        chapters.remove_board_position(s, p1.id)
        assert [r.action for r in audit.history(s, "board_position", p1.id)] == ["create", "delete"]
    with db.session() as s:
        assert len(chapters.get_chapter(s, 1).board) == 2
        with pytest.raises(NotFoundError):
            chapters.remove_board_position(s, p1.id)


def test_deleting_a_chapter_keeps_members_without_it(db: Database) -> None:
    with db.session() as s:
        ch = chapters.create_chapter(s, {"name": "Toronto"})
        cid = ch.id
        mid = add(s, "Ana", "Pérez", chapter_id=cid).id
        other = add(s, "Luis", "Pérez", chapter_id=1).id
        chapters.add_board_position(s, cid, mid, "presidente")
    with db.reader() as s:
        assert search_members(s, MemberQuery(chapter_ids=(cid,))).ids == [mid]
        assert chapters.member_counts(s) == {cid: 1, 1: 1}
    with db.session() as s:
        chapters.delete_chapter(s, cid)
    with db.reader() as s:
        member = get_member(s, mid)
        assert member.chapter_id is None and member.given_names == "Ana"
        assert search_members(s, MemberQuery(chapter_ids=(cid,))).total == 0
        assert search_members(s, MemberQuery(text="perez")).ids == [mid, other]
        assert search_members(s, MemberQuery(chapter_ids=(1,))).ids == [other]
        assert chapters.member_counts(s) == {1: 1}
        assert [r.action for r in audit.history(s, "chapter", cid)] == ["create", "delete"]
        with pytest.raises(NotFoundError):
            chapters.get_chapter(s, cid)


def test_sector_contacts_and_counts(db: Database) -> None:
    with db.session() as s:
        contact = sectors.add_contact(
            s,
            3,
            {
                "name": " Dra. Ana  López ",
                "role": "Titular",
                "email": "ANA@salud.gob.mx",
                "phone": "55 1234 5678",
            },
        )
        assert (contact.name, contact.email, contact.phone) == (
            "Dra. Ana López",
            "ana@salud.gob.mx",
            "+525512345678",
        )
        cid = contact.id
    with db.session() as s, pytest.raises(ValidationError) as info:
        sectors.add_contact(s, 3, {"name": "", "email": "x@", "phone": "abc"})
    assert {e.field for e in info.value.errors} == {"name", "email", "phone"}
    assert info.value.for_field("email")[0].startswith("Correo electrónico:")
    with db.session() as s:
        assert sectors.update_contact(s, cid, {"role": "Enlace"}) == {"role": ("Titular", "Enlace")}
        assert sectors.update_sector(s, 3, {"contact_institution": " Secretaría de Salud "}) == {
            "contact_institution": (None, "Secretaría de Salud")
        }
        with pytest.raises(ValueError):
            sectors.update_sector(s, 3, {"name": "Otra"})
        add(s, "Ana", "Uno", sector_ids=[3, 4])
        add(s, "Beto", "Dos", sector_ids=[3])
    with db.session() as s:
        assert sectors.member_counts(s) == {3: 2, 4: 1}
        assert [c.role for c in sectors.get_sector(s, 3).contacts] == ["Enlace"]
        sectors.remove_contact(s, cid)
        assert [r.action for r in audit.history(s, "sector_contact", cid)] == ["create", "update", "delete"]
    with db.reader() as s:
        assert sectors.get_sector(s, 3).contacts == []
        assert len(sectors.list_sectors(s)) == 9
        with pytest.raises(NotFoundError):
            sectors.get_sector(s, 10)
    with db.session() as s, pytest.raises(NotFoundError):
        sectors.remove_contact(s, cid)


def test_organizations(db: Database) -> None:
    with db.session() as s:
        org = organizations.create_organization(
            s,
            {
                "name": "Universidad Autónoma de Querétaro",
                "kind": "Universidad",
                "city": "Querétaro",
                "contact_phone": "442 123 4567",
                "sector_ids": [2],
            },
        )
        oid = org.id
        assert org.kind is OrganizationKind.UNIVERSITY and org.contact_phone == "+524421234567"
        organizations.create_organization(s, {"name": "Ánfora Ingeniería", "kind": OrganizationKind.COMPANY})
    with db.session() as s, pytest.raises(ValidationError) as info:
        organizations.create_organization(
            s, {"name": "ÁNFORA INGENIERÍA", "contact_email": "mal", "kind": "nave"}
        )
    assert {e.field for e in info.value.errors} == {"name", "contact_email", "kind"}
    with db.session() as s:
        assert [o.name for o in organizations.search_organizations(s, "queretaro")] == [
            "Universidad Autónoma de Querétaro"
        ]
        assert [o.name for o in organizations.search_organizations(s, "", OrganizationKind.COMPANY)] == [
            "Ánfora Ingeniería"
        ]
        assert len(organizations.search_organizations(s)) == 2
        assert organizations.update_organization(s, oid, {"state": "Querétaro", "sector_ids": [2]}) == {
            "state": (None, "Querétaro")
        }
        organizations.delete_organization(s, oid)
        assert [r.action for r in audit.history(s, "organization", oid)] == ["create", "update", "delete"]
        with pytest.raises(NotFoundError):
            organizations.get_organization(s, oid)


def test_reference_lookups(db: Database) -> None:
    with db.reader() as s:
        assert find_chapter(s, "silicon").name == "Silicon Valley"
        assert find_chapter(s, "2").name == "Houston"
        assert find_sector(s, "salud").number == 3
        assert find_sector(s, "9").name == "Transporte y Aeronáutica"
        assert find_contribution(s, "pasantias").code == "pasantias"
        with pytest.raises(ValidationError) as info:
            find_chapter(s, "Marte")
        assert "Capítulo: no existe el capítulo «Marte»" in info.value.message
        with pytest.raises(ValidationError):
            find_sector(s, "t")  # Tecnologías or Transporte: ambiguous, never a guess
        assert find_sector(s, "medio").number == 7  # a unique prefix is enough
