"""Jornadas: events, rooms, agenda, participants, travel, lodging, materials and tasks.

Every write validates, records the audit trail and leaves committing to the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import (
    EventStatus,
    LabeledEnum,
    MaterialStatus,
    ParticipantRole,
    ParticipantStatus,
    SessionKind,
)
from talentdesk.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
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
from talentdesk.core.models import Member, utcnow
from talentdesk.core.text import clean
from talentdesk.core.validation import (
    check_controls,
    error,
    normalize_country,
    normalize_email,
    normalize_phone,
    parse_date,
)
from talentdesk.core.validation import label as field_label
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes, snapshot

EVENT_FIELDS = (
    "name",
    "edition",
    "starts_on",
    "ends_on",
    "venue_name",
    "venue_address",
    "city",
    "description",
    "status",
    "timezone",
    "code_prefix",
)

# -- status workflow ------------------------------------------------------------------------------

S = ParticipantStatus
#: Which status may follow which. Attendance and no-shows also wait for the event to start.
TRANSITIONS: dict[ParticipantStatus, frozenset[ParticipantStatus]] = {
    S.INVITED: frozenset({S.CONFIRMED, S.DECLINED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.REGISTERED, S.ATTENDED, S.CANCELLED, S.NO_SHOW, S.INVITED}),
    S.REGISTERED: frozenset({S.ATTENDED, S.NO_SHOW, S.CANCELLED, S.CONFIRMED}),
    S.ATTENDED: frozenset({S.REGISTERED, S.NO_SHOW}),  # correcting a mistaken check-in
    S.DECLINED: frozenset({S.INVITED, S.CONFIRMED}),  # re-invited, or changed their mind
    S.CANCELLED: frozenset({S.INVITED, S.CONFIRMED}),
    S.NO_SHOW: frozenset({S.ATTENDED, S.REGISTERED}),  # arrived late after all
}
NEEDS_STARTED = frozenset({S.ATTENDED, S.NO_SHOW})
#: Statuses of people expected at the event.
COMING = frozenset({S.CONFIRMED, S.REGISTERED, S.ATTENDED})
#: Said no: left out of every list of who is expected (agenda speakers, rooming, arrivals).
NOT_COMING = frozenset({S.DECLINED, S.CANCELLED})


def can_change(participant: Participant, new: ParticipantStatus, today: date | None = None) -> str | None:
    """None if allowed, else the Spanish reason."""
    old = participant.status
    if new == old:
        return None
    if new not in TRANSITIONS[old]:
        return f"{participant.full_name}: no se puede pasar de «{old.label}» a «{new.label}»."
    if new in NEEDS_STARTED and (today or date.today()) < participant.event.starts_on:
        return (
            f"{participant.full_name}: «{new.label}» sólo puede registrarse a partir del inicio "
            f"del evento ({participant.event.starts_on:%d/%m/%Y})."
        )
    return None


def allowed_statuses(
    current: ParticipantStatus, starts_on: date, today: date | None = None
) -> list[ParticipantStatus]:
    """The statuses a participant in ``current`` may move to (the rules of :func:`can_change`)."""
    started = (today or date.today()) >= starts_on
    return [s for s in ParticipantStatus if s in TRANSITIONS[current] and (started or s not in NEEDS_STARTED)]


def change_status(
    session: Session, participant_ids: list[int], new: ParticipantStatus | str, *, today: date | None = None
) -> dict[int, ParticipantStatus]:
    """Move participants to a status; all or nothing. Returns their previous statuses."""
    status = new if isinstance(new, ParticipantStatus) else ParticipantStatus(_enum(ParticipantStatus, new))
    people = [get_participant(session, pid) for pid in dict.fromkeys(participant_ids)]
    problems = [reason for p in people if (reason := can_change(p, status, today))]
    if problems:
        raise ValidationError([FieldError("status", m) for m in problems])
    before: dict[int, ParticipantStatus] = {}
    for p in people:
        if p.status == status:
            continue
        before[p.id] = p.status
        _set_status(session, p, status)
    session.flush()
    return before



def _set_status(session: Session, p: Participant, status: ParticipantStatus) -> None:
    audit.record_changes(session, "participant", p.id, {"status": (p.status, status)})
    p.status = status
    p.status_changed_at = utcnow()
    p.history.append(StatusChange(status=status, at=p.status_changed_at))


# -- events ---------------------------------------------------------------------------------------


def list_events(session: Session) -> list[Event]:
    return list(session.scalars(select(Event).order_by(Event.starts_on.desc(), Event.id.desc())))


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(
        Event,
        event_id,
        options=[
            selectinload(Event.rooms),
            selectinload(Event.materials),
            selectinload(Event.tasks),
            selectinload(Event.sessions).selectinload(AgendaSession.speakers),
            selectinload(Event.participants).selectinload(Participant.travel),
            selectinload(Event.participants).selectinload(Participant.lodging),
        ],
    )
    if event is None:
        raise NotFoundError(f"No existe el evento con id {event_id}.")
    return event


def create_event(session: Session, values: Mapping[str, Any]) -> Event:
    data = {"status": EventStatus.PLANNING, "name": "", **values}
    event = Event(**_validate_event(data, None))
    session.add(event)
    session.flush()
    audit.record_create(session, "event", event.id, snapshot(event, EVENT_FIELDS))
    return event


def update_event(session: Session, event_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    event = get_event(session, event_id)
    return apply_changes(session, "event", event, _validate_event(dict(values), event))


def delete_event(session: Session, event_id: int) -> None:
    """Delete an event and all it owns; refused once constancias were issued for it (their
    codes would stop verifying, see :func:`_issued_certificates`)."""
    event = get_event(session, event_id)
    issued = _issued_certificates(session, Participant.event_id == event.id)
    if issued:
        count = len(issued)
        shown = "; ".join(f"{name}, {code}" for name, code in issued[:_LISTED])
        more = f"; y {count - _LISTED} más" if count > _LISTED else ""
        what = (
            "se emitió 1 constancia de participación y su código de verificación dejaría"
            if count == 1
            else f"se emitieron {count} constancias de participación y sus códigos de verificación dejarían"
        )
        raise ConflictError(
            f"No se puede eliminar «{_event_title(event)}»: ya {what} de existir ({shown}{more}). "
            "Las constancias impresas deben poder verificarse: conserve el evento."
        )
    audit.record_delete(session, "event", event.id, snapshot(event, EVENT_FIELDS))
    session.delete(event)
    session.flush()


def _validate_event(values: dict[str, Any], current: Event | None) -> dict[str, Any]:
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown event fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for field in (
        "name",
        "edition",
        "venue_name",
        "venue_address",
        "city",
        "description",
        "timezone",
        "code_prefix",
    ):
        if field in values:
            out[field] = clean(values[field]) or None
    if "name" in values and not out["name"]:
        errors.append(FieldError("name", "Nombre: es obligatorio."))
    if "timezone" in values and not out["timezone"]:
        out.pop("timezone")
    if "code_prefix" in values:
        prefix = (out.pop("code_prefix") or "JI").upper()
        if not prefix.isalnum() or len(prefix) > 8:
            errors.append(FieldError("code_prefix", "Prefijo de códigos: sólo letras y números, hasta 8."))
        out["code_prefix"] = prefix
    for field, label in (("starts_on", "Fecha de inicio"), ("ends_on", "Fecha de fin")):
        if field in values:
            value, err = parse_date(values[field], field)
            if err or value is None:
                errors.append(
                    FieldError(field, f"{label}: {'fecha no válida' if err else 'es obligatoria'}.")
                )
            out[field] = value
    if "status" in values:
        try:
            out["status"] = EventStatus(_enum(EventStatus, values["status"]))
        except ValueError:
            errors.append(FieldError("status", f"Estatus: valor desconocido «{values['status']}»."))
    starts = out.get("starts_on", current.starts_on if current else None)
    ends = out.get("ends_on", current.ends_on if current else None)
    if starts and ends and ends < starts:
        errors.append(FieldError("ends_on", "Fecha de fin: el evento termina antes de empezar."))
    if (
        current is None
        and (starts is None or ends is None)
        and not any(e.field in ("starts_on", "ends_on") for e in errors)
    ):
        errors.append(FieldError("starts_on", "Fechas: el evento necesita inicio y fin."))
    if errors:
        raise ValidationError(errors)
    return out


def _enum(kind: type[LabeledEnum], value: Any) -> str:
    if isinstance(value, kind):
        return str(value.value)
    return str(kind.parse(str(value)).value)


# -- rooms and agenda -----------------------------------------------------------------------------


def add_room(session: Session, event_id: int, name: str, capacity: int | None = None) -> Room:
    event = get_event(session, event_id)
    _check_text({"room": name})
    name = clean(name)
    if not name:
        raise ValidationError.single("name", "Nombre de la sala: es obligatorio.")
    if any(r.name.casefold() == name.casefold() for r in event.rooms):
        raise ValidationError.single("name", f"Nombre de la sala: ya existe «{name}» en este evento.")
    room = Room(event=event, name=name, capacity=capacity)
    session.add(room)
    session.flush()
    audit.record_create(session, "room", room.id, {"event_id": event_id, "name": name})
    return room


def add_session(session: Session, event_id: int, values: Mapping[str, Any]) -> AgendaSession:
    event = get_event(session, event_id)
    clean_values, speakers = _validate_session(session, event, dict(values), None)
    item = AgendaSession(event=event, **clean_values)
    if speakers is not None:
        item.speakers = speakers
    session.add(item)
    session.flush()
    audit.record_create(session, "session", item.id, {**clean_values, "event_id": event_id})
    return item


def update_session(
    session: Session, session_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    item = session.get(AgendaSession, session_id)
    if item is None:
        raise NotFoundError(f"No existe la sesión con id {session_id}.")
    clean_values, speakers = _validate_session(session, item.event, dict(values), item)
    changes = apply_changes(session, "session", item, clean_values)
    if speakers is not None:
        old = sorted(p.id for p in item.speakers)
        new = sorted(p.id for p in speakers)
        if old != new:
            item.speakers = speakers
            changes["speaker_ids"] = (old, new)
            audit.record_changes(session, "session", item.id, {"speaker_ids": (old, new)})
    return changes


def delete_session(session: Session, session_id: int) -> None:
    item = session.get(AgendaSession, session_id)
    if item is None:
        raise NotFoundError(f"No existe la sesión con id {session_id}.")
    audit.record_delete(session, "session", item.id, {"title": item.title})
    session.delete(item)
    session.flush()


def _validate_session(
    session: Session, event: Event, values: dict[str, Any], current: AgendaSession | None
) -> tuple[dict[str, Any], list[Participant] | None]:
    speaker_ids = values.pop("speaker_ids", None)
    allowed = {"title", "kind", "starts_at", "ends_at", "room_id", "moderator_id", "description"}
    if set(values) - allowed:
        raise ValueError(f"unknown session fields: {sorted(set(values) - allowed)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "title" in values or current is None:
        out["title"] = clean(values.get("title"))
        if not out["title"]:
            errors.append(FieldError("title", "Título: es obligatorio."))
    if "description" in values:
        out["description"] = clean(values["description"]) or None
    if "kind" in values:
        try:
            out["kind"] = SessionKind(_enum(SessionKind, values["kind"]))
        except ValueError:
            errors.append(FieldError("kind", f"Tipo: valor desconocido «{values['kind']}»."))
    for field, label in (("starts_at", "Inicio"), ("ends_at", "Fin")):
        if field in values or current is None:
            value = values.get(field)
            if isinstance(value, str):
                try:
                    value = datetime.fromisoformat(value)
                except ValueError:
                    value = None
            if not isinstance(value, datetime):
                errors.append(FieldError(field, f"{label}: fecha y hora no válidas (AAAA-MM-DD HH:MM)."))
            out[field] = value
    starts = out.get("starts_at", current.starts_at if current else None)
    ends = out.get("ends_at", current.ends_at if current else None)
    if isinstance(starts, datetime) and isinstance(ends, datetime) and ends <= starts:
        errors.append(FieldError("ends_at", "Fin: la sesión termina antes de empezar."))
    room_ids = {r.id for r in event.rooms}
    if values.get("room_id") is not None and values["room_id"] not in room_ids:
        errors.append(FieldError("room_id", "Sala: no pertenece a este evento."))
    if "room_id" in values:
        out["room_id"] = values["room_id"]
    participant_ids = {p.id for p in event.participants}
    if values.get("moderator_id") is not None and values["moderator_id"] not in participant_ids:
        errors.append(FieldError("moderator_id", "Moderador: no es participante de este evento."))
    if "moderator_id" in values:
        out["moderator_id"] = values["moderator_id"]
    speakers: list[Participant] | None = None
    if speaker_ids is not None:
        missing = [i for i in speaker_ids if i not in participant_ids]
        if missing:
            errors.append(FieldError("speaker_ids", "Ponentes: alguno no es participante de este evento."))
        speakers = [p for p in event.participants if p.id in set(speaker_ids)]
    if errors:
        raise ValidationError(errors)
    return out, speakers


# -- participants ---------------------------------------------------------------------------------

PARTICIPANT_FIELDS = (
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "organization",
    "email",
    "phone",
    "country",
    "role",
    "dietary_needs",
    "accessibility_needs",
    "notes",
)


def get_participant(session: Session, participant_id: int) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFoundError(f"No existe el participante con id {participant_id}.")
    return participant


def next_code(session: Session, event: Event) -> str:
    """Codes like JI2009-0001: the event's prefix and edition, then a number in the event."""
    stem = f"{event.code_prefix}{event.edition or event.starts_on.year}-"
    used = session.scalars(select(Participant.code).where(Participant.code.like(f"{stem}%")))
    numbers = [int(code[len(stem) :]) for code in used if code[len(stem) :].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:04d}"


def add_member(
    session: Session,
    event_id: int,
    member_id: int,
    role: ParticipantRole | str = ParticipantRole.ATTENDEE,
    *,
    despite_no_contact: bool = False,
) -> Participant:
    """Register a member: their names and contact data are copied at this moment.

    A member who objected to being contacted (``Member.no_contact``, the oposición that
    ``exports.consent.may_contact`` applies to every list) is refused unless the caller says the
    person asked to take part themselves (``despite_no_contact``).

    The employer is copied into ``organization`` whatever the member allowed to print: the
    participant record is for staff (lists, logistics), like the e-mail and phone copied with
    it, and consent may be granted or withdrawn after registering. Public documents (badges,
    sign-in sheets, the packets' directory) decide at print time from the member's current
    consent (``exports.consent.public_organization``), so withholding the copy here would not
    be enough anyway and would lose it if the member allows it later.
    """
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError(f"No existe el miembro con id {member_id}.")
    event = get_event(session, event_id)
    if any(p.member_id == member_id for p in event.participants):
        raise ConflictError(f"{member.full_name} ya está registrado en este evento.")
    if member.no_contact and not despite_no_contact:
        raise ConflictError(
            f"{member.full_name} pidió no ser contactado (derecho de oposición): no debe recibir "
            "invitaciones. Regístrelo sólo si la propia persona pidió participar."
        )
    values = {
        "given_names": member.given_names,
        "paternal_surname": member.paternal_surname,
        "maternal_surname": member.maternal_surname,
        "organization": member.employer,
        "email": member.email,
        "phone": member.phone,
        "country": member.country,
        "role": role,
    }
    return _add_participant(session, event, values, member_id)


def add_guest(session: Session, event_id: int, values: Mapping[str, Any]) -> Participant:
    """An external guest (not a member of the Network)."""
    event = get_event(session, event_id)
    return _add_participant(session, event, {"given_names": "", "paternal_surname": "", **values}, None)


def _add_participant(
    session: Session, event: Event, values: Mapping[str, Any], member_id: int | None
) -> Participant:
    clean_values = _validate_participant(dict(values))
    participant = Participant(
        event=event, member_id=member_id, code=next_code(session, event), **clean_values
    )
    participant.refresh_sort_key()
    participant.status = ParticipantStatus.INVITED
    participant.history = [StatusChange(status=ParticipantStatus.INVITED)]
    session.add(participant)
    session.flush()
    audit.record_create(
        session,
        "participant",
        participant.id,
        {"event_id": event.id, "member_id": member_id, "code": participant.code, **clean_values},
    )
    return participant


def update_participant(
    session: Session, participant_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    participant = get_participant(session, participant_id)
    changes = apply_changes(
        session, "participant", participant, _validate_participant(dict(values), current=participant)
    )
    participant.refresh_sort_key()
    return changes


def remove_participant(session: Session, participant_id: int) -> None:
    """Remove someone from an event; refused once they received a constancia (its code would
    stop verifying): correcting their status marks the constancia as no longer valid instead."""
    participant = get_participant(session, participant_id)
    issued = _issued_certificates(session, Participant.id == participant.id)
    if issued:
        raise ConflictError(
            f"No se puede quitar a {participant.full_name} del evento: ya se le emitió la constancia "
            f"{issued[0][1]}, cuyo código de verificación dejaría de existir. Si la asistencia fue un "
            "error, cambie su estatus: la constancia dejará de ser válida al verificarla."
        )
    audit.record_delete(
        session, "participant", participant.id, {"code": participant.code, "name": participant.full_name}
    )
    session.delete(participant)
    session.flush()


#: How many people a refusal names before it says "y N más".
_LISTED = 10


def _issued_certificates(session: Session, where: ColumnElement[bool]) -> list[tuple[str, str]]:
    """(name, code) of the constancias issued to the participants ``where`` selects.

    Certificates go with their participant (ON DELETE CASCADE), so removing either would make
    a printed code unknown to ``talentdesk certificates verify``: the services refuse instead.
    """
    rows = session.execute(
        select(Participant, Certificate.code)
        .join(Certificate, Certificate.participant_id == Participant.id)
        .where(where)
        .order_by(Participant.sort_key, Participant.id)
    )
    return [(participant.full_name, str(code)) for participant, code in rows]


def _event_title(event: Event) -> str:
    if event.edition and event.edition not in event.name:
        return f"{event.name} {event.edition}"
    return event.name


#: Labels of the participant fields that core.validation does not name.
_PARTICIPANT_LABELS = {
    "organization": "Organización",
    "dietary_needs": "Necesidades alimentarias",
    "accessibility_needs": "Necesidades de accesibilidad",
}


#: Labels of the travel and lodging fields (the itinerary of the attendee packet).
_LOGISTICS_LABELS = {
    "arrival_flight": "Vuelo de llegada",
    "arrival_airline": "Aerolínea de llegada",
    "arrival_airport": "Aeropuerto de llegada",
    "arrival_terminal": "Terminal de llegada",
    "departure_flight": "Vuelo de salida",
    "departure_airline": "Aerolínea de salida",
    "departure_airport": "Aeropuerto de salida",
    "departure_terminal": "Terminal de salida",
    "hotel": "Hotel",
    "room": "Habitación",
    "confirmation": "Confirmación",
}


#: Labels of the other free-text fields of an event, for the control-character check.
_TEXT_LABELS = {
    **_PARTICIPANT_LABELS,
    **_LOGISTICS_LABELS,
    "edition": "Edición",
    "venue_name": "Sede",
    "venue_address": "Dirección de la sede",
    "description": "Descripción",
    "timezone": "Zona horaria",
    "code_prefix": "Prefijo de códigos",
    "room": "Nombre de la sala",
    "title": "Título",
    "item": "Material",
    "responsible": "Responsable",
}


def _check_text(values: Mapping[str, Any]) -> None:
    """No control characters in any typed text of an event (``check_controls``)."""
    check_controls(values, labels=_TEXT_LABELS)


def _too_long(field: str, text: str | None, model: type[Any] = Participant) -> FieldError | None:
    """The column's length is the limit: longer text is refused here rather than stored and
    then breaking the printed documents (a table row taller than a page)."""
    limit = model.__table__.c[field].type.length
    if text is None or not isinstance(limit, int) or len(text) <= limit:
        return None
    name = _PARTICIPANT_LABELS.get(field) or _LOGISTICS_LABELS.get(field) or field_label(field)
    return FieldError(field, f"{name}: tiene {len(text):,} caracteres; el máximo es {limit:,}.")


def _validate_participant(values: dict[str, Any], current: Participant | None = None) -> dict[str, Any]:
    """``current`` for a partial update: missing fields are kept, a national phone is read in its country."""
    unknown = set(values) - set(PARTICIPANT_FIELDS)
    if unknown:
        raise ValueError(f"unknown participant fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for field in (
        "given_names",
        "paternal_surname",
        "maternal_surname",
        "organization",
        "dietary_needs",
        "accessibility_needs",
        "notes",
    ):
        if field in values:
            out[field] = clean(values[field]) or None
            errors += [err] if (err := _too_long(field, out[field])) else []
    for field in ("given_names", "paternal_surname"):
        if (field in values or current is None) and not out.get(field):
            errors.append(error(field, "es obligatorio."))
    if "country" in values:
        out["country"], err = normalize_country(values["country"])
        errors += [err] if err else []
    if "email" in values:
        out["email"], err = normalize_email(values["email"])
        errors += [err] if (err := err or _too_long("email", out["email"])) else []
    if "phone" in values:
        country = out.get("country", current.country if current else None)
        out["phone"], err = normalize_phone(values["phone"], country)
        errors += [err] if err else []
    if "role" in values:
        try:
            out["role"] = ParticipantRole(_enum(ParticipantRole, values["role"]))
        except ValueError:
            errors.append(error("role", f"valor desconocido «{values['role']}»."))
    if errors:
        raise ValidationError(errors)
    return out


# -- travel and lodging ---------------------------------------------------------------------------

TRAVEL_FIELDS = (
    "arrival_flight",
    "arrival_airline",
    "arrival_at",
    "arrival_airport",
    "arrival_terminal",
    "departure_flight",
    "departure_airline",
    "departure_at",
    "departure_airport",
    "departure_terminal",
    "needs_transfer",
)
LODGING_FIELDS = ("hotel", "room", "check_in", "check_out", "shares_with_id", "confirmation")


def set_travel(
    session: Session, participant_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    participant = get_participant(session, participant_id)
    unknown = set(values) - set(TRAVEL_FIELDS)
    if unknown:
        raise ValueError(f"unknown travel fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, value in values.items():
        if key in ("arrival_at", "departure_at"):
            if isinstance(value, str) and value.strip():
                try:
                    value = datetime.fromisoformat(value.strip())
                except ValueError:
                    errors.append(
                        FieldError(key, f"«{value}» no es una fecha y hora válida (AAAA-MM-DD HH:MM).")
                    )
                    continue
            out[key] = value or None
        elif key == "needs_transfer":
            out[key] = bool(value)
        else:
            out[key] = clean(value) or None
            errors += [err] if (err := _too_long(key, out[key], Travel)) else []
    stored = participant.travel
    arrival = out.get("arrival_at", stored.arrival_at if stored else None)
    departure = out.get("departure_at", stored.departure_at if stored else None)
    if arrival and departure and departure < arrival:
        errors.append(FieldError("departure_at", "Salida: el vuelo de regreso sale antes de la llegada."))
    if errors:
        raise ValidationError(errors)  # before creating the record: a refusal leaves nothing behind
    travel = stored or Travel(participant=participant)
    session.add(travel)
    return apply_changes(session, "travel", travel, out, entity_id=participant_id)


def set_lodging(
    session: Session, participant_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    participant = get_participant(session, participant_id)
    unknown = set(values) - set(LODGING_FIELDS)
    if unknown:
        raise ValueError(f"unknown lodging fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, value in values.items():
        if key in ("check_in", "check_out"):
            out[key], err = parse_date(value, key)
            errors += [err] if err else []
        elif key == "shares_with_id":
            if value is not None:
                other = session.get(Participant, value)
                if other is None or other.event_id != participant.event_id or other.id == participant_id:
                    errors.append(
                        FieldError(key, "Comparte habitación con: no es otro participante del evento.")
                    )
            out[key] = value
        else:
            out[key] = clean(value) or None
            errors += [err] if (err := _too_long(key, out[key], Lodging)) else []
    if errors:
        raise ValidationError(errors)
    lodging = participant.lodging or Lodging(participant=participant)
    session.add(lodging)
    return apply_changes(session, "lodging", lodging, out, entity_id=participant_id)


# -- materials and tasks --------------------------------------------------------------------------


def add_material(
    session: Session, event_id: int, item: str, quantity: int = 1, responsible: str | None = None
) -> Material:
    event = get_event(session, event_id)
    _check_text({"item": item, "responsible": responsible})
    if not clean(item):
        raise ValidationError.single("item", "Material: es obligatorio.")
    if quantity < 0:
        raise ValidationError.single("quantity", "Cantidad: no puede ser negativa.")
    material = Material(
        event=event, item=clean(item), quantity=quantity, responsible=clean(responsible) or None
    )
    session.add(material)
    session.flush()
    audit.record_create(session, "material", material.id, {"event_id": event_id, "item": material.item})
    return material


def set_material_status(session: Session, material_id: int, status: MaterialStatus | str) -> None:
    material = session.get(Material, material_id)
    if material is None:
        raise NotFoundError(f"No existe el material con id {material_id}.")
    apply_changes(session, "material", material, {"status": MaterialStatus(_enum(MaterialStatus, status))})


def update_material(
    session: Session, material_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """Change a material's item, quantity, responsible or status."""
    material = session.get(Material, material_id)
    if material is None:
        raise NotFoundError(f"No existe el material con id {material_id}.")
    unknown = set(values) - {"item", "quantity", "responsible", "status"}
    if unknown:
        raise ValueError(f"unknown material fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "item" in values:
        out["item"] = clean(values["item"])
        if not out["item"]:
            errors.append(FieldError("item", "Material: es obligatorio."))
    if "quantity" in values:
        quantity = values["quantity"]
        if not isinstance(quantity, int) or quantity < 0:
            errors.append(FieldError("quantity", "Cantidad: no puede ser negativa."))
        out["quantity"] = quantity
    if "responsible" in values:
        out["responsible"] = clean(values["responsible"]) or None
    if "status" in values:
        try:
            out["status"] = MaterialStatus(_enum(MaterialStatus, values["status"]))
        except ValueError:
            errors.append(FieldError("status", f"Estatus: valor desconocido «{values['status']}»."))
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "material", material, out)


def delete_material(session: Session, material_id: int) -> dict[str, Any]:
    """Remove a material; returns what :func:`add_material` needs to put it back."""
    material = session.get(Material, material_id)
    if material is None:
        raise NotFoundError(f"No existe el material con id {material_id}.")
    saved = snapshot(material, ("event_id", "item", "quantity", "responsible", "status"))
    audit.record_delete(session, "material", material.id, saved)
    session.delete(material)
    session.flush()
    return saved


def add_task(
    session: Session, event_id: int, title: str, due_on: Any = None, responsible: str | None = None
) -> EventTask:
    event = get_event(session, event_id)
    due, err = parse_date(due_on, "due_on")
    if err:
        raise ValidationError([err])
    _check_text({"title": title, "responsible": responsible})
    if not clean(title):
        raise ValidationError.single("title", "Tarea: es obligatoria.")
    task = EventTask(event=event, title=clean(title), due_on=due, responsible=clean(responsible) or None)
    session.add(task)
    session.flush()
    audit.record_create(session, "event_task", task.id, {"event_id": event_id, "title": task.title})
    return task


def set_task_done(session: Session, task_id: int, done: bool) -> None:
    update_task(session, task_id, {"done": done})


def update_task(session: Session, task_id: int, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Change a task's title, due date, responsible or done mark."""
    task = session.get(EventTask, task_id)
    if task is None:
        raise NotFoundError(f"No existe la tarea con id {task_id}.")
    unknown = set(values) - {"title", "due_on", "responsible", "done"}
    if unknown:
        raise ValueError(f"unknown task fields: {sorted(unknown)}")
    _check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "title" in values:
        out["title"] = clean(values["title"])
        if not out["title"]:
            errors.append(FieldError("title", "Tarea: es obligatoria."))
    if "due_on" in values:
        out["due_on"], err = parse_date(values["due_on"], "due_on")
        errors += [err] if err else []
    if "responsible" in values:
        out["responsible"] = clean(values["responsible"]) or None
    if "done" in values:
        out["done"] = bool(values["done"])
    if errors:
        raise ValidationError(errors)
    return apply_changes(session, "event_task", task, out)


def delete_task(session: Session, task_id: int) -> dict[str, Any]:
    """Remove a task; returns what :func:`add_task` (and ``done``) need to put it back."""
    task = session.get(EventTask, task_id)
    if task is None:
        raise NotFoundError(f"No existe la tarea con id {task_id}.")
    saved = snapshot(task, ("event_id", "title", "due_on", "responsible", "done"))
    audit.record_delete(session, "event_task", task.id, saved)
    session.delete(task)
    session.flush()
    return saved


# -- copy from a past edition ---------------------------------------------------------------------


def copy_event(
    session: Session,
    source_id: int,
    *,
    name: str,
    edition: str | None,
    starts_on: date,
    with_participants: bool = False,
) -> Event:
    """A new edition from a past one: rooms, agenda skeleton and materials (and tasks), dates shifted.

    Speakers and moderators come along only with the participants (then re-invited).
    """
    source = get_event(session, source_id)
    shift = timedelta(days=starts_on.toordinal() - source.starts_on.toordinal())
    event = create_event(
        session,
        {
            "name": name,
            "edition": edition,
            "starts_on": starts_on,
            "ends_on": source.ends_on + shift,
            "venue_name": source.venue_name,
            "venue_address": source.venue_address,
            "city": source.city,
            "description": source.description,
            "timezone": source.timezone,
            "code_prefix": source.code_prefix,
        },
    )
    rooms = {r.id: Room(event=event, name=r.name, capacity=r.capacity, notes=r.notes) for r in source.rooms}
    session.add_all(rooms.values())  # rooms no session uses must be saved too
    people: dict[int, Participant] = {}
    if with_participants:
        for p in source.participants:
            # one at a time: each new code must see the previous one (codes are unique)
            copy = Participant(
                event=event,
                member_id=p.member_id,
                code=next_code(session, event),
                **{f: getattr(p, f) for f in PARTICIPANT_FIELDS},
            )
            copy.refresh_sort_key()
            copy.history = [StatusChange(status=ParticipantStatus.INVITED)]
            people[p.id] = copy
            session.add(copy)
            session.flush()
    for s in source.sessions:
        session.add(
            AgendaSession(
                event=event,
                title=s.title,
                kind=s.kind,
                starts_at=s.starts_at + shift,
                ends_at=s.ends_at + shift,
                room=rooms.get(s.room_id) if s.room_id else None,
                description=s.description,
                moderator=people.get(s.moderator_id) if s.moderator_id else None,
                speakers=[people[p.id] for p in s.speakers if p.id in people],
            )
        )
    for m in source.materials:
        session.add(Material(event=event, item=m.item, quantity=m.quantity, responsible=m.responsible))
    for t in source.tasks:
        session.add(
            EventTask(
                event=event,
                title=t.title,
                responsible=t.responsible,
                due_on=t.due_on + shift if t.due_on else None,
            )
        )
    session.flush()
    audit.record_event(session, "event", "copy", f"evento {event.id} copiado del evento {source_id}")
    return event


# -- reading for the CLI --------------------------------------------------------------------------


def event_summary(event: Event, participants: int | None = None) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "edition": event.edition,
        "start": event.starts_on.isoformat(),
        "end": event.ends_on.isoformat(),
        "venue": event.venue_name,
        "city": event.city,
        "status": event.status.value,
        "timezone": event.timezone,
        "participants": participants if participants is not None else len(event.participants),
    }


def participant_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(Participant.event_id, func.count()).group_by(Participant.event_id))
    return {int(e): int(n) for e, n in rows}


def event_detail(session: Session, event_id: int) -> dict[str, Any]:
    event = get_event(session, event_id)
    rooms = {r.id: r.name for r in event.rooms}
    return {
        **event_summary(event),
        "venue_address": event.venue_address,
        "description": event.description,
        "rooms": [{"id": r.id, "name": r.name, "capacity": r.capacity} for r in event.rooms],
        "sessions": [
            {
                "id": s.id,
                "title": s.title,
                "kind": s.kind.value,
                "start": s.starts_at.isoformat(timespec="minutes"),
                "end": s.ends_at.isoformat(timespec="minutes"),
                "room": rooms.get(s.room_id) if s.room_id else None,
                "speakers": [p.code for p in s.speakers],
                "moderator": s.moderator.code if s.moderator else None,
            }
            for s in event.sessions
        ],
        "participants": [participant_dict(p) for p in event.participants],
    }


def participant_dict(p: Participant) -> dict[str, Any]:
    travel, lodging = p.travel, p.lodging
    return {
        "id": p.id,
        "code": p.code,
        "member_id": p.member_id,
        "role": p.role.value,
        "status": p.status.value,
        "given_names": p.given_names,
        "paternal_surname": p.paternal_surname,
        "maternal_surname": p.maternal_surname,
        "full_name": p.full_name,
        "organization": p.organization,
        "email": p.email,
        "phone": p.phone,
        "country": p.country,
        "arrival": travel.arrival_at.isoformat(timespec="minutes") if travel and travel.arrival_at else None,
        "departure": travel.departure_at.isoformat(timespec="minutes")
        if travel and travel.departure_at
        else None,
        "hotel": lodging.hotel if lodging else None,
        "check_in": lodging.check_in.isoformat() if lodging and lodging.check_in else None,
        "check_out": lodging.check_out.isoformat() if lodging and lodging.check_out else None,
    }


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)
