"""A participant's travel (flights, airport transfer) and lodging (hotel, room, roommate)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.events import Lodging, Participant, Travel
from talentdesk.core.i18n import _
from talentdesk.core.text import clean
from talentdesk.core.validation import parse_date
from talentdesk.services._changes import apply_changes
from talentdesk.services.event_fields import (
    LODGING_FIELDS,
    TRAVEL_FIELDS,
    check_text,
    too_long,
)
from talentdesk.services.event_participants import get_participant


def set_travel(
    session: Session, participant_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    participant = get_participant(session, participant_id)
    unknown = set(values) - set(TRAVEL_FIELDS)
    if unknown:
        raise ValueError(f"unknown travel fields: {sorted(unknown)}")
    check_text(values)
    out: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, value in values.items():
        if key in ("arrival_at", "departure_at"):
            if isinstance(value, str) and value.strip():
                try:
                    value = datetime.fromisoformat(value.strip())
                except ValueError:
                    errors.append(
                        FieldError(
                            key,
                            _("«{value}» no es una fecha y hora válida (AAAA-MM-DD HH:MM).").format(
                                value=value
                            ),
                        )
                    )
                    continue
            out[key] = value or None
        elif key == "needs_transfer":
            out[key] = bool(value)
        else:
            out[key] = clean(value) or None
            errors += [err] if (err := too_long(key, out[key], Travel)) else []
    stored = participant.travel
    arrival = out.get("arrival_at", stored.arrival_at if stored else None)
    departure = out.get("departure_at", stored.departure_at if stored else None)
    if arrival and departure and departure < arrival:
        errors.append(
            FieldError(
                "departure_at",
                _("Salida: el vuelo de regreso sale antes de la llegada."),
            )
        )
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
    check_text(values)
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
                        FieldError(
                            key,
                            _("Comparte habitación con: no es otro participante del evento."),
                        )
                    )
            out[key] = value
        else:
            out[key] = clean(value) or None
            errors += [err] if (err := too_long(key, out[key], Lodging)) else []
    if errors:
        raise ValidationError(errors)
    lodging = participant.lodging or Lodging(participant=participant)
    session.add(lodging)
    return apply_changes(session, "lodging", lodging, out, entity_id=participant_id)
