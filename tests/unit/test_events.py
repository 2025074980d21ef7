"""Jornadas service (talentdesk.services.events): validation, agenda, participants, the status
workflow, logistics, materials and tasks, and copying a past edition."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import (
    EventStatus,
    MaterialStatus,
    ParticipantRole,
    ParticipantStatus,
    SessionKind,
)
from talentdesk.core.errors import ConflictError, NotFoundError, ValidationError
from talentdesk.core.events import (
    AgendaSession,
    Certificate,
    Event,
    EventTask,
    Lodging,
    Material,
    Participant,
    Room,
    StatusChange,
    Travel,
)
from talentdesk.core.models import AuditEntry
from talentdesk.db.session import Database
from talentdesk.services import (
    audit,
    event_agenda,
    event_copy,
    event_logistics,
    event_materials,
    event_participants,
    event_reading,
    event_workflow,
)
from talentdesk.services import events as ev
from talentdesk.services.certificates import issue_certificates, verify_certificate
from talentdesk.services.members import update_member

from .helpers import add

S = ParticipantStatus
DAY1 = date(2027, 2, 18)
DAY2 = date(2027, 2, 19)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


def make_event(s: Session, **values: Any) -> Event:
    return ev.create_event(
        s, {"name": "Jornada Informativa", "edition": "2027", "starts_on": DAY1, "ends_on": DAY2, **values}
    )


def guest(s: Session, event_id: int, given: str, paternal: str, **values: Any) -> Participant:
    return event_participants.add_guest(
        s, event_id, {"given_names": given, "paternal_surname": paternal, **values}
    )


def count(s: Session, model: type[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def audit_rows(s: Session, entity: str, entity_id: int | None = None) -> list[AuditEntry]:
    stmt = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    return list(s.scalars(stmt))


# -- events -----------------------------------------------------------------------------------------


def test_create_event_defaults_and_audit(db: Database) -> None:
    with db.session() as s:
        event = ev.create_event(
            s,
            {
                "name": "  Jornada   Informativa ",
                "starts_on": "18/02/2027",
                "ends_on": "2027-02-19",
                "city": " ",
            },
        )
        eid = event.id
    with db.reader() as s:
        event = ev.get_event(s, eid)
        assert event.name == "Jornada Informativa"
        assert (event.starts_on, event.ends_on) == (DAY1, DAY2)
        assert event.days() == [DAY1, DAY2]
        assert event.city is None
        assert event.status is EventStatus.PLANNING
        assert event.timezone == "America/Mexico_City"
        assert event.code_prefix == "JI"
        rows = audit.history(s, "event", eid)
        assert [r.action for r in rows] == ["create"]
        snap = json.loads(rows[0].new_value or "")
        assert snap["name"] == "Jornada Informativa" and snap["starts_on"] == "2027-02-18"


def test_create_event_end_before_start_names_the_field(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError) as info:
            make_event(s, starts_on=DAY2, ends_on=DAY1)
        assert info.value.for_field("ends_on") == ["Fecha de fin: el evento termina antes de empezar."]
        assert count(s, Event) == 0


@pytest.mark.parametrize("name", ["", "   ", None])
def test_create_event_without_name_is_refused(db: Database, name: str | None) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        make_event(s, name=name)
    assert info.value.for_field("name") == ["Nombre: es obligatorio."]


def test_create_event_without_name_key_is_refused(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        ev.create_event(s, {"starts_on": DAY1, "ends_on": DAY2})
    assert info.value.for_field("name") == ["Nombre: es obligatorio."]


def test_create_event_date_errors(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError) as info:
            ev.create_event(s, {"name": "X"})
        assert info.value.for_field("starts_on") == ["Fechas: el evento necesita inicio y fin."]
        with pytest.raises(ValidationError) as info:
            make_event(s, starts_on="31/02/2027")
        assert info.value.for_field("starts_on") == ["Fecha de inicio: fecha no válida."]
        with pytest.raises(ValidationError) as info:
            make_event(s, ends_on="")
        assert info.value.for_field("ends_on") == ["Fecha de fin: es obligatoria."]
        with pytest.raises(ValidationError) as info:
            make_event(s, code_prefix="J-I")
        assert info.value.for_field("code_prefix") == [
            "Prefijo de códigos: sólo letras de la A a la Z (sin acentos, ñ ni números), hasta 8."
        ]
        with pytest.raises(ValidationError) as info:
            make_event(s, status="pospuesto")
        assert info.value.for_field("status") == ["Estatus: valor desconocido «pospuesto»."]
        with pytest.raises(ValueError, match="unknown event fields"):
            make_event(s, colour="rojo")
        assert count(s, Event) == 0


def test_create_event_accepts_spanish_status_label_and_lowercase_prefix(db: Database) -> None:
    with db.session() as s:
        event = make_event(s, status="Abierto", code_prefix="rtm")
        assert event.status is EventStatus.OPEN
        assert event.code_prefix == "RTM"


def test_update_event_validates_against_stored_dates_and_audits(db: Database) -> None:
    with db.session() as s:
        eid = make_event(s).id
    with db.session() as s:
        with pytest.raises(ValidationError) as info:
            ev.update_event(s, eid, {"ends_on": date(2027, 2, 17)})
        assert info.value.for_field("ends_on") == ["Fecha de fin: el evento termina antes de empezar."]
        with pytest.raises(ValidationError) as info:
            ev.update_event(s, eid, {"name": " "})
        assert info.value.for_field("name") == ["Nombre: es obligatorio."]
        changes = ev.update_event(
            s, eid, {"ends_on": date(2027, 2, 20), "city": "Monterrey", "name": "Jornada Informativa"}
        )
        assert changes == {"ends_on": (DAY2, date(2027, 2, 20)), "city": (None, "Monterrey")}
    with db.reader() as s:
        event = ev.get_event(s, eid)
        assert event.ends_on == date(2027, 2, 20) and event.city == "Monterrey"
        updates = [(r.field, r.old_value, r.new_value) for r in audit.history(s, "event", eid)[1:]]
        assert sorted(updates, key=str) == [
            ("city", None, "Monterrey"),
            ("ends_on", "2027-02-19", "2027-02-20"),
        ]


def test_get_update_delete_unknown_event_not_found_in_spanish(db: Database) -> None:
    with db.session() as s:
        for call in (
            lambda: ev.get_event(s, 999),
            lambda: ev.update_event(s, 999, {"name": "X"}),
            lambda: ev.delete_event(s, 999),
        ):
            with pytest.raises(NotFoundError, match="No existe el evento con id 999"):
                call()


def test_delete_event_removes_everything_it_owns_and_audits(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        room = event_agenda.add_room(s, event.id, "Auditorio")
        p = guest(s, event.id, "Ana", "López", country="US")
        event_agenda.add_session(
            s,
            event.id,
            {
                "title": "Inauguración",
                "starts_at": at(DAY1, 9),
                "ends_at": at(DAY1, 10),
                "room_id": room.id,
                "speaker_ids": [p.id],
            },
        )
        event_logistics.set_travel(s, p.id, {"arrival_flight": "AM 100", "arrival_at": at(DAY1, 7)})
        event_logistics.set_lodging(s, p.id, {"hotel": "Hotel Sede", "check_in": DAY1, "check_out": DAY2})
        event_workflow.change_status(s, [p.id], S.CONFIRMED)
        event_materials.add_material(s, event.id, "Gafetes", 10)
        event_materials.add_task(s, event.id, "Reservar sede", date(2027, 1, 1))
        other = make_event(s, name="Otra jornada")
        guest(s, other.id, "Beto", "Ruiz")
        eid = event.id
    with db.session() as s:
        ev.delete_event(s, eid)
    with db.reader() as s:
        assert [e.name for e in ev.list_events(s)] == ["Otra jornada"]
        for model in (Room, AgendaSession, Travel, Lodging, Material, EventTask):
            assert count(s, model) == 0, model
        assert count(s, Participant) == 1  # only the other event's guest
        assert count(s, StatusChange) == 1
        assert audit.history(s, "event", eid)[-1].action == "delete"


def test_list_events_most_recent_first(db: Database) -> None:
    with db.session() as s:
        make_event(s, name="2025", starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 2))
        make_event(s, name="2027", starts_on=DAY1, ends_on=DAY2)
        make_event(s, name="2026", starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 1))
    with db.reader() as s:
        assert [e.name for e in ev.list_events(s)] == ["2027", "2026", "2025"]


# -- rooms and sessions -----------------------------------------------------------------------------


def test_rooms_duplicate_name_refused_in_same_event_only(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        other = make_event(s, name="Otra")
        room = event_agenda.add_room(s, event.id, "  Sala   A ", 80)
        assert (room.name, room.capacity, room.event_id) == ("Sala A", 80, event.id)
        with pytest.raises(ValidationError) as info:
            event_agenda.add_room(s, event.id, "sala a")
        assert info.value.for_field("name") == ["Nombre de la sala: ya existe «sala a» en este evento."]
        with pytest.raises(ValidationError, match="Nombre de la sala: es obligatorio"):
            event_agenda.add_room(s, event.id, "  ")
        event_agenda.add_room(s, other.id, "Sala A")  # another event may use the same name
        assert [r.name for r in ev.get_event(s, event.id).rooms] == ["Sala A"]
        assert [r.action for r in audit.history(s, "room", room.id)] == ["create"]


def test_add_session_with_room_speakers_and_moderator(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        room = event_agenda.add_room(s, event.id, "Auditorio")
        ana = guest(s, event.id, "Ana", "López")
        beto = guest(s, event.id, "Beto", "Álvarez")
        mod = guest(s, event.id, "Carla", "Díaz", role="moderador")
        item = event_agenda.add_session(
            s,
            event.id,
            {
                "title": " Panel de salud ",
                "kind": "Panel",
                "starts_at": "2027-02-18T10:00",
                "ends_at": "2027-02-18 11:30",
                "room_id": room.id,
                "speaker_ids": [ana.id, beto.id],
                "moderator_id": mod.id,
            },
        )
        sid = item.id
    with db.reader() as s:
        stored = s.get(AgendaSession, sid)
        assert stored is not None
        item = stored
        assert item.title == "Panel de salud" and item.kind is SessionKind.PANEL
        assert (item.starts_at, item.ends_at) == (at(DAY1, 10), at(DAY1, 11, 30))
        assert item.room is not None and item.room.name == "Auditorio"
        assert [p.full_name for p in item.speakers] == ["Beto Álvarez", "Ana López"]  # by surname
        assert item.moderator is not None and item.moderator.full_name == "Carla Díaz"
        assert [r.action for r in audit.history(s, "session", sid)] == ["create"]


def test_session_end_before_start_and_bad_times_refused(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        base = {"title": "Panel", "starts_at": at(DAY1, 10)}
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "ends_at": at(DAY1, 9)})
        assert info.value.for_field("ends_at") == ["Fin: la sesión termina antes de empezar."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "ends_at": at(DAY1, 10)})  # zero length
        assert info.value.for_field("ends_at") == ["Fin: la sesión termina antes de empezar."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "ends_at": "mañana a las once"})
        assert info.value.for_field("ends_at") == ["Fin: fecha y hora no válidas (AAAA-MM-DD HH:MM)."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(
                s, event.id, {"title": " ", "starts_at": at(DAY1, 10), "ends_at": at(DAY1, 11)}
            )
        assert info.value.for_field("title") == ["Título: es obligatorio."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "ends_at": at(DAY1, 11), "kind": "fiesta"})
        assert info.value.for_field("kind") == ["Tipo: valor desconocido «fiesta»."]
        assert count(s, AgendaSession) == 0


def test_session_room_and_people_of_another_event_refused(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        other = make_event(s, name="Otra")
        foreign_room = event_agenda.add_room(s, other.id, "Sala B")
        foreign_person = guest(s, other.id, "Diego", "Mora")
        mine = guest(s, event.id, "Ana", "López")
        base = {"title": "Panel", "starts_at": at(DAY1, 10), "ends_at": at(DAY1, 11)}
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "room_id": foreign_room.id})
        assert info.value.for_field("room_id") == ["Sala: no pertenece a este evento."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "speaker_ids": [mine.id, foreign_person.id]})
        assert info.value.for_field("speaker_ids") == ["Ponentes: alguno no es participante de este evento."]
        with pytest.raises(ValidationError) as info:
            event_agenda.add_session(s, event.id, {**base, "moderator_id": foreign_person.id})
        assert info.value.for_field("moderator_id") == ["Moderador: no es participante de este evento."]
        assert count(s, AgendaSession) == 0
        item = event_agenda.add_session(s, event.id, {**base, "speaker_ids": [mine.id]})
        with pytest.raises(ValidationError, match="Ponentes: alguno no es participante"):
            event_agenda.update_session(s, item.id, {"speaker_ids": [foreign_person.id]})
        assert [p.id for p in item.speakers] == [mine.id]


def test_update_session_validates_against_stored_times_and_audits_speakers(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        ana = guest(s, event.id, "Ana", "López")
        beto = guest(s, event.id, "Beto", "Ruiz")
        item = event_agenda.add_session(
            s,
            event.id,
            {"title": "Panel", "starts_at": at(DAY1, 10), "ends_at": at(DAY1, 11), "speaker_ids": [ana.id]},
        )
        with pytest.raises(ValidationError, match="Fin: la sesión termina antes de empezar"):
            event_agenda.update_session(s, item.id, {"starts_at": at(DAY1, 12)})
        changes = event_agenda.update_session(
            s, item.id, {"title": "Panel 2", "speaker_ids": [beto.id, ana.id]}
        )
        assert changes == {
            "title": ("Panel", "Panel 2"),
            "speaker_ids": ([ana.id], sorted([ana.id, beto.id])),
        }
        assert event_agenda.update_session(s, item.id, {"speaker_ids": [ana.id, beto.id]}) == {}
        fields = sorted(str(r.field) for r in audit.history(s, "session", item.id) if r.action == "update")
        assert fields == ["speaker_ids", "title"]  # the no-op update wrote nothing
        event_agenda.delete_session(s, item.id)
        assert count(s, AgendaSession) == 0
        assert audit.history(s, "session", item.id)[-1].action == "delete"
        with pytest.raises(NotFoundError, match="No existe la sesión con id"):
            event_agenda.update_session(s, item.id, {"title": "X"})


# -- participants -----------------------------------------------------------------------------------


def test_add_member_copies_names_and_contact_at_that_moment(db: Database) -> None:
    with db.session() as s:
        member = add(
            s,
            "María José",
            "Núñez",
            "Ávila",
            email="mj@example.org",
            phone="+1 415 555 2671",
            country="US",
            employer="Stanford",
        )
        event = make_event(s)
        p = event_participants.add_member(s, event.id, member.id, "Ponente")
        mid, pid = member.id, p.id
    with db.session() as s:
        update_member(s, mid, {"email": "nuevo@example.org", "employer": "MIT"})
    with db.reader() as s:
        p = event_participants.get_participant(s, pid)
        assert p.member_id == mid
        assert (p.given_names, p.paternal_surname, p.maternal_surname) == ("María José", "Núñez", "Ávila")
        assert (p.email, p.phone, p.country, p.organization) == (
            "mj@example.org",
            "+14155552671",
            "US",
            "Stanford",
        )
        assert p.role is ParticipantRole.SPEAKER and p.status is S.INVITED
        assert p.from_abroad
        assert [h.status for h in p.history] == [S.INVITED]
        snap = json.loads(audit.history(s, "participant", pid)[0].new_value or "")
        assert snap["member_id"] == str(mid) and snap["code"] == p.code


def test_add_member_twice_or_unknown_is_refused(db: Database) -> None:
    with db.session() as s:
        member = add(s, "Ana", "López")
        event = make_event(s)
        other = make_event(s, name="Otra")
        event_participants.add_member(s, event.id, member.id)
        with pytest.raises(ConflictError, match="Ana López ya está registrado en este evento"):
            event_participants.add_member(s, event.id, member.id)
        event_participants.add_member(s, other.id, member.id)  # another event is fine
        with pytest.raises(NotFoundError, match="No existe el miembro con id 999"):
            event_participants.add_member(s, event.id, 999)
        with pytest.raises(NotFoundError, match="No existe el evento con id 999"):
            event_participants.add_member(s, 999, member.id)
        assert count(s, Participant) == 2


def test_add_guest_validation(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        with pytest.raises(ValidationError) as info:
            guest(s, event.id, "Ana", "López", email="ana@@example")
        assert info.value.for_field("email") == [
            "Correo electrónico: «ana@@example» no es una dirección de correo válida."
        ]
        with pytest.raises(ValidationError) as info:
            guest(s, event.id, "Ana", "López", phone="55 1234 5678")  # national number, no country
        assert len(info.value.for_field("phone")) == 1
        assert "Teléfono" in info.value.for_field("phone")[0] and "+52" in info.value.for_field("phone")[0]
        with pytest.raises(ValidationError) as info:
            guest(s, event.id, "Ana", "López", country="Atlántida")
        assert info.value.for_field("country")[0].startswith("País: país desconocido «Atlántida»")
        with pytest.raises(ValidationError) as info:
            event_participants.add_guest(s, event.id, {"organization": "UNAM"})
        assert info.value.for_field("given_names") == ["Nombre(s): es obligatorio."]
        assert info.value.for_field("paternal_surname") == ["Apellido paterno: es obligatorio."]
        with pytest.raises(ValidationError) as info:
            guest(s, event.id, "Ana", "López", role="cantante")
        assert info.value.for_field("role") == ["Cargo: valor desconocido «cantante»."]
        assert count(s, Participant) == 0
        p = guest(
            s, event.id, "Ana", "López", email="Ana@Example.org", phone="55 1234 5678", country="México"
        )
        assert (p.email, p.phone, p.country) == ("ana@example.org", "+525512345678", "MX")
        assert not p.from_abroad
        assert p.role is ParticipantRole.ATTENDEE


def test_update_participant_phone_read_in_stored_country(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López", country="MX")
        changes = event_participants.update_participant(s, p.id, {"phone": "55 1234 5678"})
        assert changes == {"phone": (None, "+525512345678")}
        event_participants.update_participant(s, p.id, {"paternal_surname": "Zúñiga"})
        assert p.full_name == "Ana Zúñiga" and p.sort_key.startswith("zu")
        with pytest.raises(ValidationError, match="Apellido paterno: es obligatorio"):
            event_participants.update_participant(s, p.id, {"paternal_surname": ""})


def test_codes_are_unique_and_sequential(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        codes = [guest(s, event.id, f"Persona{n}", "Prueba").code for n in range(3)]
        assert codes == ["JI27-0001", "JI27-0002", "JI27-0003"]
        no_edition = make_event(
            s,
            name="Sin edición",
            edition=None,
            code_prefix="rtm",
            starts_on=date(2030, 1, 5),
            ends_on=date(2030, 1, 5),
        )
        assert guest(s, no_edition.id, "Ana", "López").code == "RTM30-0001"
        # a removed participant's number is not a hole that gets refilled out of order
        event_participants.remove_participant(s, ev.get_event(s, event.id).participants[1].id)
        assert guest(s, event.id, "Otra", "Persona").code == "JI27-0004"
        all_codes = list(s.scalars(select(Participant.code)))
        assert len(all_codes) == len(set(all_codes)) == 4
        assert all(re.fullmatch(r"(JI27|RTM30)-\d{4}", c) for c in all_codes)


#: What a participant code may look like: short, ASCII, letters then digits, easy to read aloud.
CODE = re.compile(r"[A-Z]{1,8}\d{2}-\d{4,}")


def test_codes_ignore_a_free_text_edition_and_stay_unique_across_editions(db: Database) -> None:
    """Issue 12, item 3: with edición «1.ª edición» the codes were «JI1.ª edición-0001»."""
    with db.session() as s:
        first = make_event(s, edition="1.ª edición")
        second = make_event(s, name="Jornada de otoño", edition="2.ª edición (otoño)")
        codes = [
            guest(s, e.id, f"Persona{n}", "Prueba").code for e in (first, second, first) for n in range(2)
        ]
        assert codes == ["JI27-0001", "JI27-0002", "JI27-0003", "JI27-0004", "JI27-0005", "JI27-0006"]
        assert all(CODE.fullmatch(c) and c.isascii() and len(c) <= 11 for c in codes)


def test_codes_stay_as_issued_when_the_event_is_edited(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        kept = [guest(s, event.id, f"Persona{n}", "Prueba").code for n in range(2)]
        ev.update_event(
            s,
            event.id,
            {
                "edition": "Edición especial",
                "code_prefix": "rtm",
                "starts_on": date(2028, 3, 1),
                "ends_on": date(2028, 3, 2),
            },
        )
        s.expire_all()
        assert [p.code for p in ev.get_event(s, event.id).participants] == kept
        assert guest(s, event.id, "Nueva", "Persona").code == "RTM28-0001"
        back = ev.update_event(s, event.id, {"code_prefix": "JI", "starts_on": DAY1, "ends_on": DAY2})
        assert back
        assert guest(s, event.id, "Otra", "Persona").code == "JI27-0003"  # never one issued before


@pytest.mark.parametrize("prefix", ["JIÑ", "JÍ", "JI2", "J I"])
def test_code_prefix_is_plain_letters(db: Database, prefix: str) -> None:
    with db.session() as s, pytest.raises(ValidationError) as info:
        make_event(s, code_prefix=prefix)
    assert info.value.for_field("code_prefix") == [
        "Prefijo de códigos: sólo letras de la A a la Z (sin acentos, ñ ni números), hasta 8."
    ]


def test_remove_participant_audits_and_unknown_not_found(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López")
        event_participants.remove_participant(s, p.id)
        assert count(s, Participant) == 0 and count(s, StatusChange) == 0
        assert audit.history(s, "participant", p.id)[-1].action == "delete"
        with pytest.raises(NotFoundError, match="No existe el participante con id"):
            event_participants.get_participant(s, p.id)


def _attended_with_certificate(s: Session, event_id: int, given: str, paternal: str) -> tuple[int, str]:
    p = guest(s, event_id, given, paternal)
    event_workflow.change_status(s, [p.id], S.CONFIRMED)
    event_workflow.change_status(s, [p.id], S.ATTENDED, today=DAY1)
    return p.id, issue_certificates(s, [p.id])[p.id]


def test_removing_someone_with_a_constancia_is_refused_and_the_code_stays_verifiable(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        pid, code = _attended_with_certificate(s, event.id, "Ana", "López")
        plain = guest(s, event.id, "Beto", "Ruiz").id
        eid = event.id
    with pytest.raises(ConflictError) as info, db.session() as s:
        event_participants.remove_participant(s, pid)
    message = info.value.message
    assert "Ana López" in message and code in message and "constancia" in message
    with db.session() as s:
        event_participants.remove_participant(s, plain)  # nobody else is held back
    with db.reader() as s:
        assert [p.id for p in s.scalars(select(Participant).where(Participant.event_id == eid))] == [pid]
        found = verify_certificate(s, code)
        assert found is not None and found["participant_id"] == pid
        assert [a.action for a in audit.history(s, "participant", pid)].count("delete") == 0


def test_deleting_an_event_with_constancias_is_refused_naming_them(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        issued = [
            _attended_with_certificate(s, event.id, g, p) for g, p in (("Ana", "López"), ("Íñigo", "Ñáñez"))
        ]
        guest(s, event.id, "Beto", "Ruiz")
        eid = event.id
        bare = make_event(s, name="Sin constancias")
        guest(s, bare.id, "Carla", "Soto")
        bare_id = bare.id
    with pytest.raises(ConflictError) as info, db.session() as s:
        ev.delete_event(s, eid)
    message = info.value.message
    assert "«Jornada Informativa 2027»" in message and "2 constancias" in message
    assert f"(Ana López, {issued[0][1]}; Íñigo Ñáñez, {issued[1][1]})" in message
    assert "Beto" not in message
    with db.session() as s:
        ev.delete_event(s, bare_id)  # an event without constancias still goes
    with db.reader() as s:
        assert [e.id for e in ev.list_events(s)] == [eid]
        assert count(s, Certificate) == 2
        assert all(verify_certificate(s, code) is not None for _pid, code in issued)


def test_deleting_an_event_with_many_constancias_names_ten_and_counts_the_rest(db: Database) -> None:
    with db.session() as s:
        event = make_event(s, edition=None)
        for n in range(12):
            _attended_with_certificate(s, event.id, "Ana", f"Apellido{n:02d}")
        with pytest.raises(ConflictError) as info:
            ev.delete_event(s, event.id)
    message = info.value.message
    assert message.startswith("No se puede eliminar «Jornada Informativa»: ya se emitieron 12 constancias")
    assert "Apellido09" in message and "Apellido10" not in message and "; y 2 más)." in message


def test_participant_text_longer_than_its_column_is_refused_naming_field_and_maximum(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        with pytest.raises(ValidationError) as info:
            guest(s, event.id, "Ana", "López", organization=("Instituto " * 450)[:4499])
        assert info.value.for_field("organization") == [
            "Organización: tiene 4,499 caracteres; el máximo es 200."
        ]
        with pytest.raises(ValidationError) as info:
            guest(
                s,
                event.id,
                "A" * 121,
                "López",
                maternal_surname="M" * 121,
                dietary_needs="x" * 301,
                accessibility_needs="y" * 301,
            )
        assert info.value.for_field("given_names") == ["Nombre(s): tiene 121 caracteres; el máximo es 120."]
        assert info.value.for_field("maternal_surname")[0].startswith("Apellido materno: tiene 121")
        assert info.value.for_field("dietary_needs")[0].startswith("Necesidades alimentarias: tiene 301")
        assert info.value.for_field("accessibility_needs")[0].endswith("el máximo es 300.")
        assert count(s, Participant) == 0
        p = guest(s, event.id, "A" * 120, "López", organization="U" * 200, notes="n" * 5000)
        with pytest.raises(ValidationError, match="Apellido paterno: tiene 121 caracteres"):
            event_participants.update_participant(s, p.id, {"paternal_surname": "P" * 121})
        assert p.paternal_surname == "López"


# -- the status workflow ----------------------------------------------------------------------------

#: The workflow as specified (written out, not read from the code).
ALLOWED = {
    (S.INVITED, S.CONFIRMED),
    (S.INVITED, S.DECLINED),
    (S.INVITED, S.CANCELLED),
    (S.CONFIRMED, S.REGISTERED),
    (S.CONFIRMED, S.ATTENDED),
    (S.CONFIRMED, S.CANCELLED),
    (S.CONFIRMED, S.NO_SHOW),
    (S.CONFIRMED, S.INVITED),
    (S.REGISTERED, S.ATTENDED),
    (S.REGISTERED, S.NO_SHOW),
    (S.REGISTERED, S.CANCELLED),
    (S.REGISTERED, S.CONFIRMED),
    (S.ATTENDED, S.REGISTERED),
    (S.ATTENDED, S.NO_SHOW),
    (S.DECLINED, S.INVITED),
    (S.DECLINED, S.CONFIRMED),
    (S.CANCELLED, S.INVITED),
    (S.CANCELLED, S.CONFIRMED),
    (S.NO_SHOW, S.ATTENDED),
    (S.NO_SHOW, S.REGISTERED),
}


@pytest.mark.parametrize("old", list(S))
def test_can_change_follows_the_workflow_once_the_event_started(old: ParticipantStatus) -> None:
    event = Event(name="X", starts_on=DAY1, ends_on=DAY2)
    p = Participant(given_names="Ana", paternal_surname="López", status=old, event=event)
    for new in S:
        reason = event_workflow.can_change(p, new, today=DAY1)
        if new == old or (old, new) in ALLOWED:
            assert reason is None, (old, new)
        else:
            assert reason == f"Ana López: no se puede pasar de «{old.label}» a «{new.label}».", (old, new)


def _walk(s: Session, pid: int, *steps: ParticipantStatus, today: date = DAY1) -> None:
    for step in steps:
        event_workflow.change_status(s, [pid], step, today=today)


def test_typical_path_and_history_rows_with_dates(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López")
        pid = p.id
        before_any = datetime.now()
        assert event_workflow.change_status(s, [pid], "Confirmado") == {pid: S.INVITED}
        assert event_workflow.change_status(s, [pid], S.REGISTERED) == {pid: S.CONFIRMED}
        assert event_workflow.change_status(s, [pid], "asistio", today=DAY1) == {pid: S.REGISTERED}
        assert event_workflow.change_status(s, [pid], S.ATTENDED, today=DAY1) == {}  # already there: nothing
    with db.reader() as s:
        p = event_participants.get_participant(s, pid)
        assert p.status is S.ATTENDED
        assert [h.status for h in p.history] == [S.INVITED, S.CONFIRMED, S.REGISTERED, S.ATTENDED]
        stamps = [h.at for h in p.history]
        assert stamps == sorted(stamps)
        assert all(isinstance(t, datetime) for t in stamps)
        assert stamps[-1] == p.status_changed_at
        assert abs(stamps[1] - before_any) < timedelta(hours=24)  # a real date, not a placeholder
        rows = [r for r in audit.history(s, "participant", pid) if r.action == "update"]
        assert [(r.field, r.old_value, r.new_value) for r in rows] == [
            ("status", "invitado", "confirmado"),
            ("status", "confirmado", "registrado"),
            ("status", "registrado", "asistio"),
        ]


def test_forbidden_transition_raises_spanish_message_and_changes_nothing(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López")
        with pytest.raises(ValidationError) as info:
            event_workflow.change_status(s, [p.id], S.ATTENDED, today=DAY1)
        assert info.value.for_field("status") == ["Ana López: no se puede pasar de «Invitado» a «Asistió»."]
        _walk(s, p.id, S.DECLINED)
        with pytest.raises(ValidationError, match="no se puede pasar de «Declinó» a «Registrado»"):
            event_workflow.change_status(s, [p.id], S.REGISTERED)
        assert p.status is S.DECLINED
        assert [h.status for h in p.history] == [S.INVITED, S.DECLINED]
        with pytest.raises(ValueError):
            event_workflow.change_status(s, [p.id], "desaparecido")


@pytest.mark.parametrize("status", [S.ATTENDED, S.NO_SHOW])
def test_attendance_waits_for_the_first_day(db: Database, status: ParticipantStatus) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López")
        _walk(s, p.id, S.CONFIRMED)
        with pytest.raises(ValidationError) as info:
            event_workflow.change_status(s, [p.id], status, today=DAY1 - timedelta(days=1))
        assert info.value.for_field("status") == [
            f"Ana López: «{status.label}» sólo puede registrarse a partir del inicio del evento (18/02/2027)."
        ]
        assert p.status is S.CONFIRMED
        assert event_workflow.change_status(s, [p.id], status, today=DAY1) == {p.id: S.CONFIRMED}
        assert p.status is status


def test_attendance_allowed_on_later_days_and_without_today_after_the_event(db: Database) -> None:
    with db.session() as s:
        past = make_event(s, starts_on=date(2020, 1, 10), ends_on=date(2020, 1, 11))
        p = guest(s, past.id, "Ana", "López")
        _walk(s, p.id, S.CONFIRMED)
        event_workflow.change_status(s, [p.id], S.NO_SHOW)  # defaults to the real today, long after 2020
        event_workflow.change_status(s, [p.id], S.ATTENDED, today=date(2020, 1, 11))
        assert p.status is S.ATTENDED


def test_reinviting_a_declined_participant(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López")
        q = guest(s, event.id, "Beto", "Ruiz")
        _walk(s, p.id, S.DECLINED, S.INVITED, S.CONFIRMED)
        _walk(s, q.id, S.DECLINED, S.CONFIRMED)  # changed their mind
        _walk(s, q.id, S.CANCELLED, S.INVITED)
        assert [h.status for h in p.history] == [S.INVITED, S.DECLINED, S.INVITED, S.CONFIRMED]
        assert [h.status for h in q.history] == [S.INVITED, S.DECLINED, S.CONFIRMED, S.CANCELLED, S.INVITED]


def test_change_status_is_all_or_nothing(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        ana = guest(s, event.id, "Ana", "López")
        beto = guest(s, event.id, "Beto", "Ruiz")
        carla = guest(s, event.id, "Carla", "Díaz")
        _walk(s, beto.id, S.DECLINED)
        audit_before = count(s, AuditEntry)
        history_before = count(s, StatusChange)
        with pytest.raises(ValidationError) as info:
            event_workflow.change_status(s, [ana.id, beto.id, carla.id], S.REGISTERED)
        # both refusals are reported, each naming its person
        assert info.value.for_field("status") == [
            "Ana López: no se puede pasar de «Invitado» a «Registrado».",
            "Beto Ruiz: no se puede pasar de «Declinó» a «Registrado».",
            "Carla Díaz: no se puede pasar de «Invitado» a «Registrado».",
        ]
        with pytest.raises(ValidationError) as info:
            event_workflow.change_status(s, [ana.id, beto.id, carla.id], S.CANCELLED)
        assert len(info.value.errors) == 1 and "Beto Ruiz" in info.value.errors[0].message
        assert [p.status for p in (ana, beto, carla)] == [S.INVITED, S.DECLINED, S.INVITED]
        assert count(s, AuditEntry) == audit_before
        assert count(s, StatusChange) == history_before
        before = event_workflow.change_status(
            s, [ana.id, carla.id, ana.id], S.CONFIRMED
        )  # duplicates collapse
        assert before == {ana.id: S.INVITED, carla.id: S.INVITED}
        assert count(s, StatusChange) == history_before + 2
        with pytest.raises(NotFoundError, match="No existe el participante con id 999"):
            event_workflow.change_status(s, [ana.id, 999], S.REGISTERED)
        assert ana.status is S.CONFIRMED


def test_set_travel_stores_parsed_times_and_audits(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López", country="US")
        changes = event_logistics.set_travel(
            s,
            p.id,
            {
                "arrival_flight": " AM 100 ",
                "arrival_at": "2027-02-17 18:30",
                "departure_at": at(DAY2, 20),
                "needs_transfer": 1,
            },
        )
        assert changes["arrival_at"] == (None, at(date(2027, 2, 17), 18, 30))
        pid = p.id
    with db.reader() as s:
        p = event_participants.get_participant(s, pid)
        assert p.travel is not None
        assert p.travel.arrival_flight == "AM 100" and p.travel.needs_transfer is True
        assert event_reading.participant_dict(p)["arrival"] == "2027-02-17T18:30"
        assert event_reading.participant_dict(p)["departure"] == "2027-02-19T20:00"
        assert {r.field for r in audit.history(s, "travel", pid)} >= {"arrival_flight", "arrival_at"}


def test_travel_departure_before_arrival_and_bad_text_refused(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        p = guest(s, event.id, "Ana", "López", country="US")
        with pytest.raises(ValidationError) as info:
            event_logistics.set_travel(s, p.id, {"arrival_at": at(DAY1, 12), "departure_at": at(DAY1, 8)})
        assert info.value.for_field("departure_at") == [
            "Salida: el vuelo de regreso sale antes de la llegada."
        ]
        with pytest.raises(ValidationError) as info:
            event_logistics.set_travel(s, p.id, {"arrival_at": "el martes"})
        assert info.value.for_field("arrival_at") == [
            "«el martes» no es una fecha y hora válida (AAAA-MM-DD HH:MM)."
        ]
        with pytest.raises(ValueError, match="unknown travel fields"):
            event_logistics.set_travel(s, p.id, {"seat": "12A"})
        s.flush()
        assert count(s, Travel) == 0  # nothing half-written by the refused calls
        event_logistics.set_travel(s, p.id, {"arrival_at": at(DAY1, 7)})
        # checked against what is stored, too
        with pytest.raises(ValidationError, match="Salida: el vuelo de regreso sale antes de la llegada"):
            event_logistics.set_travel(s, p.id, {"departure_at": at(DAY1, 6)})
        assert p.travel is not None and p.travel.departure_at is None


def test_travel_and_lodging_text_longer_than_its_column_is_refused(db: Database) -> None:
    """The itinerary of the attendee packet prints these: over-long text would not fit a page."""
    with db.session() as s:
        p = guest(s, make_event(s).id, "Ana", "López")
        with pytest.raises(ValidationError) as info:
            event_logistics.set_lodging(
                s, p.id, {"hotel": "Hotel Gran Plaza " * 600, "confirmation": "C" * 61}
            )
        assert info.value.for_field("hotel") == ["Hotel: tiene 10,199 caracteres; el máximo es 200."]
        assert info.value.for_field("confirmation") == ["Confirmación: tiene 61 caracteres; el máximo es 60."]
        with pytest.raises(
            ValidationError, match="Aerolínea de llegada: tiene 81 caracteres; el máximo es 80"
        ):
            event_logistics.set_travel(s, p.id, {"arrival_airline": "A" * 81})
        assert count(s, Lodging) == 0 and count(s, Travel) == 0
        event_logistics.set_lodging(s, p.id, {"hotel": "H" * 200})
        event_logistics.set_travel(s, p.id, {"arrival_airline": "A" * 80})


def test_lodging_shares_with_must_be_another_participant_of_the_event(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        other = make_event(s, name="Otra")
        ana = guest(s, event.id, "Ana", "López")
        beto = guest(s, event.id, "Beto", "Ruiz")
        stranger = guest(s, other.id, "Diego", "Mora")
        message = ["Comparte habitación con: no es otro participante del evento."]
        for bad in (ana.id, stranger.id, 9999):
            with pytest.raises(ValidationError) as info:
                event_logistics.set_lodging(s, ana.id, {"hotel": "Hotel Sede", "shares_with_id": bad})
            assert info.value.for_field("shares_with_id") == message
        with pytest.raises(ValidationError) as info:
            event_logistics.set_lodging(s, ana.id, {"check_in": "31/02/2027"})
        assert (
            len(info.value.for_field("check_in")) == 1 and "31/02/2027" in info.value.for_field("check_in")[0]
        )
        s.flush()
        assert count(s, Lodging) == 0
        event_logistics.set_lodging(
            s,
            ana.id,
            {
                "hotel": " Hotel Sede ",
                "room": "301",
                "check_in": "17/02/2027",
                "check_out": DAY2,
                "shares_with_id": beto.id,
            },
        )
        assert ana.lodging is not None
        assert ana.lodging.hotel == "Hotel Sede" and ana.lodging.check_in == date(2027, 2, 17)
        assert ana.lodging.shares_with is beto
        d = event_reading.participant_dict(ana)
        assert (d["hotel"], d["check_in"], d["check_out"]) == ("Hotel Sede", "2027-02-17", "2027-02-19")
        event_logistics.set_lodging(s, ana.id, {"shares_with_id": None})
        assert ana.lodging.shares_with_id is None
        assert {r.field for r in audit.history(s, "lodging", ana.id)} >= {"hotel", "shares_with_id"}


# -- materials and tasks ----------------------------------------------------------------------------


def test_materials(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        m = event_materials.add_material(s, event.id, " Gafetes ", 150, " Ana ")
        assert (m.item, m.quantity, m.responsible, m.status) == (
            "Gafetes",
            150,
            "Ana",
            MaterialStatus.PENDING,
        )
        with pytest.raises(ValidationError) as info:
            event_materials.add_material(s, event.id, "  ")
        assert info.value.for_field("item") == ["Material: es obligatorio."]
        with pytest.raises(ValidationError) as info:
            event_materials.add_material(s, event.id, "Carpetas", -1)
        assert info.value.for_field("quantity") == ["Cantidad: no puede ser negativa."]
        event_materials.set_material_status(s, m.id, "En proceso")
        assert s.get(Material, m.id).status is MaterialStatus.IN_PROGRESS  # type: ignore[union-attr]
        event_materials.set_material_status(s, m.id, MaterialStatus.READY)
        assert s.get(Material, m.id).status is MaterialStatus.READY  # type: ignore[union-attr]
        rows = [
            (r.old_value, r.new_value) for r in audit.history(s, "material", m.id) if r.action == "update"
        ]
        assert rows == [("pendiente", "en_proceso"), ("en_proceso", "listo")]
        with pytest.raises(NotFoundError, match="No existe el material con id 999"):
            event_materials.set_material_status(s, 999, "listo")
        assert count(s, Material) == 1


def test_tasks(db: Database) -> None:
    with db.session() as s:
        event = make_event(s)
        late = event_materials.add_task(s, event.id, "Imprimir gafetes", "2027-02-13", "Beto")
        early = event_materials.add_task(s, event.id, "Reservar sede", date(2026, 12, 1))
        with pytest.raises(ValidationError) as info:
            event_materials.add_task(s, event.id, " ")
        assert info.value.for_field("title") == ["Tarea: es obligatoria."]
        with pytest.raises(ValidationError) as info:
            event_materials.add_task(s, event.id, "Algo", "pronto")
        assert len(info.value.for_field("due_on")) == 1 and "«pronto»" in info.value.for_field("due_on")[0]
        event_materials.set_task_done(s, early.id, True)
        assert early.done and not late.done
        with pytest.raises(NotFoundError, match="No existe la tarea con id 999"):
            event_materials.set_task_done(s, 999, True)
        eid = event.id
    with db.reader() as s:
        tasks = ev.get_event(s, eid).tasks
        assert [(t.title, t.due_on, t.done) for t in tasks] == [
            ("Reservar sede", date(2026, 12, 1), True),
            ("Imprimir gafetes", date(2027, 2, 13), False),
        ]


# -- copy from a past edition -----------------------------------------------------------------------


def _source_event(s: Session) -> dict[str, Any]:
    event = make_event(s, venue_name="Auditorio", city="CDMX", code_prefix="JI")
    auditorio = event_agenda.add_room(s, event.id, "Auditorio", 300)
    sala = event_agenda.add_room(s, event.id, "Sala A", 80)
    event_agenda.add_room(s, event.id, "Sala B")  # no session uses it: copied all the same
    member = add(s, "Ana", "López", email="ana@example.org")
    ana = event_participants.add_member(s, event.id, member.id, ParticipantRole.SPEAKER)
    beto = guest(s, event.id, "Beto", "Ruiz", role="moderador", country="US")
    carla = guest(s, event.id, "Carla", "Díaz")
    _walk(s, ana.id, S.CONFIRMED)
    _walk(s, beto.id, S.CONFIRMED, S.REGISTERED)
    _walk(s, carla.id, S.DECLINED)
    event_logistics.set_travel(s, beto.id, {"arrival_flight": "UA 1", "arrival_at": at(DAY1, 6)})
    panel = event_agenda.add_session(
        s,
        event.id,
        {
            "title": "Panel",
            "kind": SessionKind.PANEL,
            "starts_at": at(DAY1, 10),
            "ends_at": at(DAY1, 11),
            "room_id": sala.id,
            "speaker_ids": [ana.id],
            "moderator_id": beto.id,
        },
    )
    event_agenda.add_session(
        s,
        event.id,
        {"title": "Clausura", "starts_at": at(DAY2, 17), "ends_at": at(DAY2, 18), "room_id": auditorio.id},
    )
    gafetes = event_materials.add_material(s, event.id, "Gafetes", 150, "Ana")
    event_materials.set_material_status(s, gafetes.id, MaterialStatus.READY)
    event_materials.add_material(s, event.id, "Carpetas", 100)
    done = event_materials.add_task(s, event.id, "Reservar sede", date(2026, 12, 1), "Beto")
    event_materials.set_task_done(s, done.id, True)
    event_materials.add_task(s, event.id, "Sin fecha")
    return {"event": event, "panel": panel, "ana": ana, "beto": beto, "carla": carla, "member": member}


NEW_START = date(2028, 2, 24)  # 371 days later
SHIFT = timedelta(days=371)


def test_copy_event_without_participants(db: Database) -> None:
    with db.session() as s:
        src = _source_event(s)
        copy = event_copy.copy_event(
            s, src["event"].id, name="Jornada 2028", edition="2028", starts_on=NEW_START
        )
        cid, sid = copy.id, src["event"].id
    with db.reader() as s:
        copy = ev.get_event(s, cid)
        assert (copy.name, copy.edition) == ("Jornada 2028", "2028")
        assert (copy.starts_on, copy.ends_on) == (NEW_START, DAY2 + SHIFT)
        assert (copy.venue_name, copy.city, copy.code_prefix) == ("Auditorio", "CDMX", "JI")
        assert copy.status is EventStatus.PLANNING
        assert [(r.name, r.capacity) for r in copy.rooms] == [
            ("Auditorio", 300),
            ("Sala A", 80),
            ("Sala B", None),
        ]
        source = ev.get_event(s, sid)
        assert {r.id for r in copy.rooms}.isdisjoint({r.id for r in source.rooms})
        assert [(x.title, x.kind, x.starts_at, x.ends_at) for x in copy.sessions] == [
            ("Panel", SessionKind.PANEL, at(DAY1, 10) + SHIFT, at(DAY1, 11) + SHIFT),
            ("Clausura", SessionKind.PLENARY, at(DAY2, 17) + SHIFT, at(DAY2, 18) + SHIFT),
        ]
        assert all(x.room is not None and x.room.event_id == cid for x in copy.sessions)
        assert [x.room.name for x in copy.sessions if x.room] == ["Sala A", "Auditorio"]
        assert all(x.speakers == [] and x.moderator_id is None for x in copy.sessions)
        assert copy.participants == []
        assert [(m.item, m.quantity, m.responsible, m.status) for m in copy.materials] == [
            ("Gafetes", 150, "Ana", MaterialStatus.PENDING),
            ("Carpetas", 100, None, MaterialStatus.PENDING),
        ]
        assert sorted((t.title, t.due_on, t.responsible, t.done) for t in copy.tasks) == [
            ("Reservar sede", date(2026, 12, 1) + SHIFT, "Beto", False),
            ("Sin fecha", None, None, False),
        ]
        # the source is untouched
        assert len(source.participants) == 3 and len(source.sessions) == 2
        assert source.materials[0].status is MaterialStatus.READY
        assert any(t.done for t in source.tasks)
        notes = [r.new_value for r in s.scalars(select(AuditEntry).where(AuditEntry.action == "copy"))]
        assert notes == [f"evento {cid} copiado del evento {sid}"]


def test_copy_event_with_participants_reinvites_with_new_codes(db: Database) -> None:
    with db.session() as s:
        src = _source_event(s)
        old_codes = {p.code for p in src["event"].participants}
        copy = event_copy.copy_event(
            s,
            src["event"].id,
            name="Jornada 2028",
            edition="2028",
            starts_on=NEW_START,
            with_participants=True,
        )
        cid, member_id = copy.id, src["member"].id
    with db.reader() as s:
        copy = ev.get_event(s, cid)
        people = {p.full_name: p for p in copy.participants}
        assert set(people) == {"Ana López", "Beto Ruiz", "Carla Díaz"}
        assert sorted(p.code for p in copy.participants) == ["JI28-0001", "JI28-0002", "JI28-0003"]
        assert old_codes.isdisjoint(p.code for p in copy.participants)
        assert all(p.status is S.INVITED for p in copy.participants)
        assert all([h.status for h in p.history] == [S.INVITED] for p in copy.participants)
        assert people["Ana López"].member_id == member_id and people["Beto Ruiz"].member_id is None
        assert people["Ana López"].role is ParticipantRole.SPEAKER
        assert (people["Beto Ruiz"].country, people["Ana López"].email) == ("US", "ana@example.org")
        assert people["Beto Ruiz"].travel is None  # logistics are per edition
        panel = copy.sessions[0]
        assert panel.title == "Panel"
        assert [p.id for p in panel.speakers] == [people["Ana López"].id]
        assert panel.moderator_id == people["Beto Ruiz"].id
        # the copies are new rows: the source keeps its own
        assert len(ev.get_event(s, cid - 1).participants) == 3


def test_copy_event_unknown_source(db: Database) -> None:
    with db.session() as s, pytest.raises(NotFoundError, match="No existe el evento con id 42"):
        event_copy.copy_event(s, 42, name="X", edition=None, starts_on=DAY1)


# -- reading ----------------------------------------------------------------------------------------


def test_event_detail_and_summary_shapes(db: Database) -> None:
    with db.session() as s:
        src = _source_event(s)
        eid = src["event"].id
    with db.reader() as s:
        detail = event_reading.event_detail(s, eid)
        assert detail["id"] == eid and detail["start"] == "2027-02-18" and detail["end"] == "2027-02-19"
        assert detail["participants"] and len(detail["participants"]) == 3
        assert detail["status"] == "planeacion"
        assert [r["name"] for r in detail["rooms"]] == ["Auditorio", "Sala A", "Sala B"]
        panel = detail["sessions"][0]
        codes = {p["full_name"]: p["code"] for p in detail["participants"]}
        assert panel == {
            "id": src["panel"].id,
            "title": "Panel",
            "kind": "panel",
            "start": "2027-02-18T10:00",
            "end": "2027-02-18T11:00",
            "room": "Sala A",
            "speakers": [codes["Ana López"]],
            "moderator": codes["Beto Ruiz"],
        }
        assert detail["sessions"][1]["speakers"] == [] and detail["sessions"][1]["moderator"] is None
        by_name = {p["full_name"]: p for p in detail["participants"]}
        assert by_name["Beto Ruiz"]["member_id"] is None and by_name["Beto Ruiz"]["status"] == "registrado"
        assert by_name["Beto Ruiz"]["arrival"] == "2027-02-18T06:00" and by_name["Beto Ruiz"]["hotel"] is None
        assert (
            by_name["Ana López"]["member_id"] == src["member"].id
            and by_name["Ana López"]["role"] == "ponente"
        )
        assert event_reading.participant_counts(s) == {eid: 3}
        assert event_reading.event_summary(ev.get_event(s, eid), 7)["participants"] == 7
