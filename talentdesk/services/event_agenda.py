"""A Jornada's agenda: rooms and sessions (speakers, moderator, room, times)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.enums import SessionKind
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.events import AgendaSession, Event, Participant, Room
from talentdesk.core.i18n import _
from talentdesk.core.text import clean
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes
from talentdesk.services.event_fields import check_text, enum_value, found
from talentdesk.services.events import get_event


def add_room(session: Session, event_id: int, name: str, capacity: int | None = None) -> Room:
    event = get_event(session, event_id)
    check_text({"room": name})
    name = clean(name)
    if not name:
        raise ValidationError.single("name", _("Nombre de la sala: es obligatorio."))
    if any(r.name.casefold() == name.casefold() for r in event.rooms):
        raise ValidationError.single(
            "name",
            _("Nombre de la sala: ya existe «{name}» en este evento.").format(name=name),
        )
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
    item = _agenda_session(session, session_id)
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
    item = _agenda_session(session, session_id)
    audit.record_delete(session, "session", item.id, {"title": item.title})
    session.delete(item)
    session.flush()


def _agenda_session(session: Session, session_id: int) -> AgendaSession:
    return found(session.get(AgendaSession, session_id), _("la sesión"), session_id)


def _validate_session(
    session: Session,
    event: Event,
    values: dict[str, Any],
    current: AgendaSession | None,
) -> tuple[dict[str, Any], list[Participant] | None]:
    speaker_ids = values.pop("speaker_ids", None)
    allowed = {
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "room_id",
        "moderator_id",
        "description",
    }
    if set(values) - allowed:
        raise ValueError(f"unknown session fields: {sorted(set(values) - allowed)}")
    check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    if "title" in values or current is None:
        out["title"] = clean(values.get("title"))
        if not out["title"]:
            errors.append(FieldError("title", _("Título: es obligatorio.")))
    if "description" in values:
        out["description"] = clean(values["description"]) or None
    if "kind" in values:
        try:
            out["kind"] = SessionKind(enum_value(SessionKind, values["kind"]))
        except ValueError:
            errors.append(
                FieldError(
                    "kind",
                    _("Tipo: valor desconocido «{kind}».").format(kind=values["kind"]),
                )
            )
    for field, label in (("starts_at", "Inicio"), ("ends_at", "Fin")):
        if field in values or current is None:
            value = values.get(field)
            if isinstance(value, str):
                try:
                    value = datetime.fromisoformat(value)
                except ValueError:
                    value = None
            if not isinstance(value, datetime):
                errors.append(
                    FieldError(
                        field,
                        _("{label}: fecha y hora no válidas (AAAA-MM-DD HH:MM).").format(label=label),
                    )
                )
            out[field] = value
    starts = out.get("starts_at", current.starts_at if current else None)
    ends = out.get("ends_at", current.ends_at if current else None)
    if isinstance(starts, datetime) and isinstance(ends, datetime) and ends <= starts:
        errors.append(FieldError("ends_at", _("Fin: la sesión termina antes de empezar.")))
    room_ids = {r.id for r in event.rooms}
    if values.get("room_id") is not None and values["room_id"] not in room_ids:
        errors.append(FieldError("room_id", _("Sala: no pertenece a este evento.")))
    if "room_id" in values:
        out["room_id"] = values["room_id"]
    participant_ids = {p.id for p in event.participants}
    if values.get("moderator_id") is not None and values["moderator_id"] not in participant_ids:
        errors.append(FieldError("moderator_id", _("Moderador: no es participante de este evento.")))
    if "moderator_id" in values:
        out["moderator_id"] = values["moderator_id"]
    speakers: list[Participant] | None = None
    if speaker_ids is not None:
        missing = [i for i in speaker_ids if i not in participant_ids]
        if missing:
            errors.append(
                FieldError(
                    "speaker_ids",
                    _("Ponentes: alguno no es participante de este evento."),
                )
            )
        speakers = [p for p in event.participants if p.id in set(speaker_ids)]
    if errors:
        raise ValidationError(errors)
    return out, speakers
