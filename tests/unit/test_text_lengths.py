"""Text longer than its column is refused with a Spanish message naming the field and the limit,
before anything is written, on SQLite (which would keep it) and PostgreSQL (which would refuse it
with a driver error)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from talentdesk.core.errors import ValidationError
from talentdesk.core.events import Event, Room
from talentdesk.core.models import AuditEntry, Chapter, Member, Organization
from talentdesk.core.programs import Program
from talentdesk.core.validation import length_error, max_length
from talentdesk.db.session import Database
from talentdesk.services.chapters import create_chapter, update_chapter
from talentdesk.services.event_agenda import add_room
from talentdesk.services.events import create_event
from talentdesk.services.members import create_member
from talentdesk.services.organizations import create_organization
from talentdesk.services.programs import create_program


def _count(db: Database, model: type) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _refused(db: Database, action: object) -> ValidationError:
    audit = _count(db, AuditEntry)
    with pytest.raises(ValidationError) as info, db.session() as s:
        action(s)  # type: ignore[operator]
    assert _count(db, AuditEntry) == audit  # nothing written, not even the audit
    return info.value


def test_the_limit_is_the_models_declared_length() -> None:
    assert max_length(Member, "given_names") == 120
    assert max_length(Member, "print_fields_raw") == 80  # the attribute, whatever the column's name
    assert max_length(Member, "notes") is None  # Text
    assert max_length(Member, "id") is None
    err = length_error(Member, "given_names", "x" * 140)
    assert err is not None and err.message == "Nombre(s): tiene 140 caracteres; el máximo es 120."
    assert length_error(Member, "given_names", "x" * 120) is None


def test_member_names_too_long(db: Database) -> None:
    error = _refused(db, lambda s: create_member(s, {"given_names": "A" * 121, "paternal_surname": "B" * 130}))
    assert error.for_field("given_names") == ["Nombre(s): tiene 121 caracteres; el máximo es 120."]
    assert error.for_field("paternal_surname") == ["Apellido paterno: tiene 130 caracteres; el máximo es 120."]
    assert _count(db, Member) == 0


def test_chapter_too_long_on_create_and_update(db: Database) -> None:
    chapters = _count(db, Chapter)
    error = _refused(db, lambda s: create_chapter(s, {"name": "C" * 201}))
    assert error.for_field("name") == ["Nombre: tiene 201 caracteres; el máximo es 200."]
    assert _count(db, Chapter) == chapters
    with db.session() as s:
        chapter_id = create_chapter(s, {"name": "Capítulo Berlín"}).id
    error = _refused(db, lambda s: update_chapter(s, chapter_id, {"city": "B" * 121}))
    assert error.for_field("city") == ["Ciudad: tiene 121 caracteres; el máximo es 120."]
    with db.reader() as s:
        assert s.get(Chapter, chapter_id).city is None  # type: ignore[union-attr]


def test_organization_too_long(db: Database) -> None:
    error = _refused(db, lambda s: create_organization(s, {"name": "O" * 301}))
    assert error.for_field("name") == ["Nombre: tiene 301 caracteres; el máximo es 300."]
    assert _count(db, Organization) == 0


def test_event_and_room_too_long(db: Database) -> None:
    days = {"starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
    error = _refused(db, lambda s: create_event(s, {"name": "Jornada", "venue_name": "S" * 250, **days}))
    assert error.for_field("venue_name") == ["Sede: tiene 250 caracteres; el máximo es 200."]
    assert _count(db, Event) == 0
    with db.session() as s:
        event_id = create_event(s, {"name": "Jornada", **days}).id
    error = _refused(db, lambda s: add_room(s, event_id, "R" * 121))
    assert error.for_field("name") == ["Nombre de la sala: tiene 121 caracteres; el máximo es 120."]
    assert _count(db, Room) == 0


def test_programme_title_too_long(db: Database) -> None:
    with db.reader() as s:
        from talentdesk.core.programs import ProgramKind

        kind_id = s.scalars(select(ProgramKind.id)).first()
    error = _refused(db, lambda s: create_program(s, {"title": "T" * 301, "kind_id": kind_id}))
    assert error.for_field("title") == [
        f"Título: tiene 301 caracteres; el máximo es {max_length(Program, 'title'):,}."
    ]
    assert _count(db, Program) == 0
