"""Members service: validation, audit trail in the same transaction, JSON shape."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from talentdesk.core.enums import DegreeLevel, MemberStatus, PrintField
from talentdesk.core.errors import NotFoundError, ValidationError
from talentdesk.core.models import AuditEntry, Member
from talentdesk.core.text import clean, first_control, fold
from talentdesk.db.session import Database
from talentdesk.services import audit
from talentdesk.services.members import (
    count_members,
    create_member,
    delete_member,
    get_member,
    member_to_dict,
    members_as_dicts,
    update_member,
)
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add


def _audit_rows(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_create_get_and_audit_create_row(db: Database) -> None:
    with db.session() as s:
        m = add(s, "  José  Luis ", "Núñez", "Ávila", email="JOSE@Example.com", country="México")
        mid = m.id
    with db.reader() as s:
        m = get_member(s, mid)
        assert (m.given_names, m.paternal_surname, m.maternal_surname) == ("José Luis", "Núñez", "Ávila")
        assert m.email == "jose@example.com" and m.country == "MX"
        assert m.status is MemberStatus.PROSPECT
        assert m.full_name == "José Luis Núñez Ávila"
        rows = audit.history(s, "member", mid)
        assert [r.action for r in rows] == ["create"]
        snap = json.loads(rows[0].new_value or "")
        assert snap["paternal_surname"] == "Núñez" and snap["email"] == "jose@example.com"
        assert rows[0].user


def test_get_missing_member_raises_not_found(db: Database) -> None:
    with db.reader() as s, pytest.raises(NotFoundError, match="id 999"):
        get_member(s, 999)


def test_update_returns_only_changed_fields_and_audits_each(db: Database) -> None:
    with db.session() as s:
        mid = add(s, "Ana", "López", email="ana@example.com", city="Houston").id
    with db.session() as s:
        changes = update_member(
            s, mid, {"given_names": "Ana", "email": "ANA@EXAMPLE.COM", "city": "Austin", "employer": "Rice"}
        )
    assert changes == {"city": ("Houston", "Austin"), "employer": (None, "Rice")}
    with db.session() as s:
        assert update_member(s, mid, {"city": " Austin "}) == {}
    with db.reader() as s:
        rows = audit.history(s, "member", mid)
        assert [(r.action, r.field) for r in rows] == [
            ("create", None),
            ("update", "city"),
            ("update", "employer"),
        ]
        assert (rows[1].old_value, rows[1].new_value) == ("Houston", "Austin")


def test_delete_member_audits_and_removes(db: Database) -> None:
    with db.session() as s:
        mid = add(s, "Ana", "López", sector_ids=[1, 2], contribution_ids=[3]).id
    with db.session() as s:
        delete_member(s, mid)
    with db.reader() as s:
        with pytest.raises(NotFoundError):
            get_member(s, mid)
        assert [r.action for r in audit.history(s, "member", mid)] == ["create", "delete"]
        assert json.loads(audit.history(s, "member", mid)[1].old_value or "")["given_names"] == "Ana"
        assert count_members(s) == 0
    with db.session() as s, pytest.raises(NotFoundError):
        delete_member(s, mid)


def test_rollback_leaves_neither_member_nor_audit(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        add(s, "Ana", "López")
        assert count_members(s) == 1
        raise RuntimeError("boom")
    assert _audit_rows(db) == 0
    with db.reader() as s:
        assert count_members(s) == 0


def test_update_rollback_undoes_change_and_its_audit(db: Database) -> None:
    with db.session() as s:
        mid = add(s, "Ana", "López").id
    before = _audit_rows(db)
    with pytest.raises(RuntimeError), db.session() as s:
        update_member(s, mid, {"city": "Austin"})
        raise RuntimeError("boom")
    assert _audit_rows(db) == before
    with db.reader() as s:
        assert get_member(s, mid).city is None


@pytest.mark.parametrize("paternal", ["", "   ", None])
def test_missing_apellido_paterno(db: Database, paternal: str | None) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_member(s, {"given_names": "Ana", "paternal_surname": paternal})
    assert info.value.for_field("paternal_surname") == ["Apellido paterno: es obligatorio."]
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_member(s, {"paternal_surname": "López"})
    assert info.value.for_field("given_names")


def test_errors_are_collected_for_every_bad_field(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Ana", "", email="x", country="Narnia", joined_on="31/02/2020", status="jubilado")
    fields = {e.field for e in info.value.errors}
    assert fields == {"paternal_surname", "email", "country", "joined_on", "status"}


def test_duplicate_email_case_insensitive(db: Database) -> None:
    with db.session() as s:
        first = add(s, "José", "Pérez", email="JOSE@x.com")
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Josefa", "Pérez", email="jose@x.com")
    [message] = info.value.for_field("email")
    assert message.startswith("Correo electrónico:") and f"id {first.id}" in message
    with db.session() as s:
        other = add(s, "Luis", "Pérez", email="luis@x.com")
    with db.session() as s, pytest.raises(ValidationError) as info:
        update_member(s, other.id, {"email": "Jose@X.com"})
    assert info.value.for_field("email")
    with db.session() as s:  # a member keeps its own address
        assert update_member(s, first.id, {"email": "jose@X.COM"}) == {}


def test_phone_validated_against_member_country(db: Database) -> None:
    with db.session() as s:
        es = add(s, "Ana", "López", country="ES", phone="612 34 56 78")
        assert es.phone == "+34612345678"
        mx = add(s, "Luis", "Pérez", country="MX", phone="55 1234 5678")
        assert mx.phone == "+525512345678"
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Eva", "Ruiz", country="MX", phone="612 34 56 78")
    [message] = info.value.for_field("phone")
    assert message.startswith("Teléfono:") and "México" in message
    with db.session() as s:  # a national number on update is read in the stored country
        assert update_member(s, mx.id, {"phone": "33 1234 5678"}) == {
            "phone": ("+525512345678", "+523312345678")
        }
    with db.session() as s:  # country and phone together: the new country counts
        update_member(s, mx.id, {"country": "España", "phone": "612 00 00 00"})
        assert get_member(s, mx.id).phone == "+34612000000"


def test_sectors_with_primary(db: Database) -> None:
    with db.session() as s:
        m = add(s, "Ana", "López", sector_ids=[3, 5], primary_sector_id=5)
        assert sorted(m.sector_ids) == [3, 5] and m.primary_sector_id == 5
        d = add(s, "Luis", "Pérez", sector_ids=[7, 2])
        assert d.primary_sector_id == 7  # the first one listed by default
        mid = m.id
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Eva", "Ruiz", sector_ids=[1], primary_sector_id=2)
    assert info.value.for_field("primary_sector")
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Eva", "Ruiz", sector_ids=[1, 42])
    assert "42" in info.value.for_field("sectors")[0]
    with db.session() as s:
        assert update_member(s, mid, {"primary_sector_id": 3}) == {"primary_sector_id": (5, 3)}
        assert update_member(s, mid, {"sector_ids": [5, 3]}) == {}  # order is not a change
        changes = update_member(s, mid, {"sector_ids": [5]})  # primary dropped: falls back to 5
        assert changes == {"sector_ids": ([3, 5], [5]), "primary_sector_id": (3, 5)}
    with db.reader() as s:
        m = get_member(s, mid)
        assert m.sector_ids == [5] and m.primary_sector_id == 5


def test_contributions(db: Database) -> None:
    with db.session() as s:
        m = add(s, "Ana", "López", contribution_ids=[4, 1, 4])
        mid = m.id
    with db.reader() as s:
        assert [c.id for c in get_member(s, mid).contributions] == [1, 4]
        assert member_to_dict(get_member(s, mid))["contributions"] == [
            "vision_estrategica",
            "mejores_practicas",
        ]
    with db.session() as s, pytest.raises(ValidationError) as info:
        update_member(s, mid, {"contribution_ids": [1, 99]})
    assert info.value.for_field("contributions")
    with db.session() as s:
        assert update_member(s, mid, {"contribution_ids": []}) == {"contribution_ids": ([1, 4], [])}


def test_print_fields_and_consent(db: Database) -> None:
    with db.session() as s:
        m = add(s, "Ana", "López", directory_consent="sí", print_fields="Teléfono, email, email")
        assert m.directory_consent is True
        assert m.print_fields == [PrintField.EMAIL, PrintField.PHONE]
        assert m.print_fields_raw == "email,phone"
        mid = m.id
    with db.session() as s, pytest.raises(ValidationError) as info:
        update_member(s, mid, {"print_fields": ["email", "fax"], "directory_consent": "quizá"})
    assert info.value.for_field("print_fields") and info.value.for_field("directory_consent")
    with db.session() as s:
        changes = update_member(s, mid, {"print_fields": [PrintField.CITY], "directory_consent": "no"})
        assert changes["print_fields"] == ([PrintField.EMAIL, PrintField.PHONE], [PrintField.CITY])
        assert changes["directory_consent"] == (True, False)


def test_dates_enums_and_limits(db: Database) -> None:
    with db.session() as s:
        m = add(s, "Ana", "López", joined_on="15/03/2019", degree_level="Maestría", status="activo")
        assert m.joined_on == date(2019, 3, 15)
        assert m.degree_level is DegreeLevel.MAESTRIA and m.status is MemberStatus.ACTIVE
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Ana", "López", joined_on=date(2999, 1, 1))
    assert "en el futuro" in info.value.for_field("joined_on")[0]
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "A" * 121, "López")
    assert info.value.for_field("given_names") == ["Nombre(s): tiene 121 caracteres; el máximo es 120."]
    with db.session() as s, pytest.raises(ValidationError) as info:
        add(s, "Ana", "López", chapter_id=999)
    assert info.value.for_field("chapter")
    with db.session() as s, pytest.raises(ValueError, match="unknown member fields"):
        create_member(s, {"given_names": "A", "paternal_surname": "B", "shoe_size": 9})


JSON_KEYS = {
    "id",
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "email",
    "phone",
    "country",
    "city",
    "employer",
    "chapter",
    "sectors",
    "status",
    "directory_consent",
    "print_fields",
}


def test_member_to_dict_and_members_as_dicts_shape(db: Database) -> None:
    with db.session() as s:
        a = add(
            s,
            "Ana",
            "López",
            "Pérez",
            email="ana@example.com",
            phone="+52 55 1234 5678",
            country="MX",
            city="Monterrey",
            employer="ITESM",
            chapter_id=2,
            sector_ids=[2, 4],
            primary_sector_id=4,
            status="activo",
            directory_consent=True,
            print_fields=["city", "email"],
        )
        b = add(s, "Luis", "Ávila")
        ids = [b.id, a.id, 12345]
    with db.reader() as s:
        rows = members_as_dicts(s, ids)
    assert [r["id"] for r in rows] == [b.id, a.id]  # order of ids, unknown ids skipped
    assert members_as_dicts(s, []) == []
    ana = rows[1]
    assert ana.keys() >= JSON_KEYS
    json.dumps(rows)  # JSON-ready
    assert ana["chapter"] == "Houston"
    assert ana["sectors"][0] == "Alimentos, Agricultura, Pesquería y Biotecnología"  # primary first
    assert ana["sectors"][1] == "Tecnologías de la Información y Comunicación"
    assert ana["status"] == "activo"
    assert ana["directory_consent"] is True
    assert ana["print_fields"] == ["email", "city"]
    assert ana["country"] == "MX" and ana["country_name"] == "México"
    assert ana["phone"] == "+525512345678"
    luis = rows[0]
    assert luis["directory_consent"] is False and luis["print_fields"] == [] and luis["sectors"] == []
    assert luis["chapter"] is None and luis["maternal_surname"] is None and luis["status"] == "prospecto"


unicode_name = st.text(min_size=1, max_size=40).filter(
    lambda t: clean(t) != "" and len(clean(t)) <= 120 and first_control(t) is None  # controls: refused
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_names=unicode_name, paternal=unicode_name, maternal=st.one_of(st.none(), unicode_name))
def test_create_member_round_trips_unicode_names(
    db: Database, given_names: str, paternal: str, maternal: str | None
) -> None:
    session = db.sessions()
    try:
        m = create_member(
            session, {"given_names": given_names, "paternal_surname": paternal, "maternal_surname": maternal}
        )
        session.flush()
        session.expire_all()
        stored = session.get(Member, m.id)
        assert stored is not None
        assert stored.given_names == clean(given_names)
        assert stored.paternal_surname == clean(paternal)
        assert stored.maternal_surname == (clean(maternal) if maternal else None)
        word = next(iter(fold(stored.paternal_surname).split()), None)
        if word is not None:  # the folded surname finds the member
            page = search_members(session, MemberQuery(text=word), limit=1000)
            assert m.id in page.ids
    finally:
        session.rollback()
        session.close()
