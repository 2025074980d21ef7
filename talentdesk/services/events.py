"""Jornadas: the event itself — list, read, create, change and delete an edition.

The rest of a Jornada has its own module: ``event_agenda`` (rooms and sessions),
``event_participants``, ``event_workflow`` (participant statuses), ``event_logistics`` (travel
and lodging), ``event_materials`` (materials and tasks), ``event_copy`` (a new edition from a
past one), ``event_reading`` (the CLI's read model); ``event_fields`` holds what they share.
Every write validates, records the audit trail and leaves committing to the caller.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import EventStatus
from talentdesk.core.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from talentdesk.core.events import AgendaSession, Certificate, Event, Participant
from talentdesk.core.i18n import N_, _, ngettext
from talentdesk.core.text import clean
from talentdesk.core.validation import parse_date
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes, snapshot
from talentdesk.services.event_fields import EVENT_FIELDS, check_text, enum_value

#: A participant code's prefix: plain capital letters, so a code (JI27-0001) is ASCII and read
#: aloud as letters then digits (services.event_participants.next_code).
CODE_PREFIX = re.compile(r"[A-Z]{1,8}")


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
        raise NotFoundError(_("No existe el evento con id {event_id}.").format(event_id=event_id))
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
    issued = issued_certificates(session, Participant.event_id == event.id)
    if issued:
        count = len(issued)
        shown = "; ".join(f"{name}, {code}" for name, code in issued[:_LISTED])
        more = _("; y {count} más").format(count=count - _LISTED) if count > _LISTED else ""
        raise ConflictError(
            ngettext(
                "No se puede eliminar «{event}»: ya se emitió {count} constancia de participación y su código "
                "de verificación dejaría de existir ({shown}{more}). Las constancias impresas deben poder "
                "verificarse: conserve el evento.",
                "No se puede eliminar «{event}»: ya se emitieron {count} constancias de participación y sus "
                "códigos de verificación dejarían de existir ({shown}{more}). Las constancias impresas deben "
                "poder verificarse: conserve el evento.",
                count,
            ).format(event=_event_title(event), count=count, shown=shown, more=more)
        )
    audit.record_delete(session, "event", event.id, snapshot(event, EVENT_FIELDS))
    session.delete(event)
    session.flush()


def _validate_event(values: dict[str, Any], current: Event | None) -> dict[str, Any]:
    unknown = set(values) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown event fields: {sorted(unknown)}")
    check_text(values)
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
        errors.append(FieldError("name", _("Nombre: es obligatorio.")))
    if "timezone" in values and not out["timezone"]:
        out.pop("timezone")
    if "code_prefix" in values:
        prefix = (out.pop("code_prefix") or "JI").upper()
        if not CODE_PREFIX.fullmatch(prefix):
            errors.append(
                FieldError(
                    "code_prefix",
                    _("Prefijo de códigos: sólo letras de la A a la Z (sin acentos, ñ ni números), hasta 8."),
                )
            )
        out["code_prefix"] = prefix
    for field, label in (
        ("starts_on", N_("Fecha de inicio")),
        ("ends_on", N_("Fecha de fin")),
    ):
        if field in values:
            value, err = parse_date(values[field], field)
            if err or value is None:
                problem = _("{field}: fecha no válida.") if err else _("{field}: es obligatoria.")
                errors.append(FieldError(field, problem.format(field=_(label))))
            out[field] = value
    if "status" in values:
        try:
            out["status"] = EventStatus(enum_value(EventStatus, values["status"]))
        except ValueError:
            errors.append(
                FieldError(
                    "status",
                    _("Estatus: valor desconocido «{status}».").format(status=values["status"]),
                )
            )
    starts = out.get("starts_on", current.starts_on if current else None)
    ends = out.get("ends_on", current.ends_on if current else None)
    if starts and ends and ends < starts:
        errors.append(FieldError("ends_on", _("Fecha de fin: el evento termina antes de empezar.")))
    if (
        current is None
        and (starts is None or ends is None)
        and not any(e.field in ("starts_on", "ends_on") for e in errors)
    ):
        errors.append(FieldError("starts_on", _("Fechas: el evento necesita inicio y fin.")))
    if errors:
        raise ValidationError(errors)
    return out


#: How many people a refusal names before it says "y N más".
_LISTED = 10


def issued_certificates(session: Session, where: ColumnElement[bool]) -> list[tuple[str, str]]:
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
