"""Who takes part in a Jornada: members (their data copied as it is when registered) and
guests, their codes, changes and removal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from talentdesk.core.events import Event, Participant, StatusChange
from talentdesk.core.i18n import _
from talentdesk.core.models import Member
from talentdesk.core.text import clean
from talentdesk.core.validation import (
    error,
    normalize_country,
    normalize_email,
    normalize_phone,
)
from talentdesk.services import audit
from talentdesk.services._changes import apply_changes
from talentdesk.services.event_fields import (
    PARTICIPANT_FIELDS,
    check_text,
    enum_value,
    found,
    too_long,
)
from talentdesk.services.events import get_event, issued_certificates


def get_participant(session: Session, participant_id: int) -> Participant:
    return found(session.get(Participant, participant_id), _("el participante"), participant_id)


def next_code(session: Session, event: Event) -> str:
    """Codes like JI27-0001: the event's prefix (plain letters), the two last digits of the year
    it starts in, then a number.

    Short, ASCII and read aloud without spelling (letters, then digits); the free-text edition
    is left out («1.ª edición» made «JI1.ª edición-0001»). The number runs on across every event
    with the same prefix and year, so two editions in one year never share a code, and a code
    is kept as issued: editing the event later changes no code and never reissues a number.
    """
    stem = f"{event.code_prefix}{event.starts_on.year % 100:02d}-"
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
        raise NotFoundError(_("No existe el miembro con id {member_id}.").format(member_id=member_id))
    event = get_event(session, event_id)
    if any(p.member_id == member_id for p in event.participants):
        raise ConflictError(
            _("{full_name} ya está registrado en este evento.").format(full_name=member.full_name)
        )
    if member.no_contact and not despite_no_contact:
        raise ConflictError(
            _(
                "{full_name} pidió no ser contactado (derecho de oposición): no debe recibir invitaciones. Regístrelo sólo si la propia persona pidió participar."
            ).format(full_name=member.full_name)
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
        {
            "event_id": event.id,
            "member_id": member_id,
            "code": participant.code,
            **clean_values,
        },
    )
    return participant


def update_participant(
    session: Session, participant_id: int, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    participant = get_participant(session, participant_id)
    changes = apply_changes(
        session,
        "participant",
        participant,
        _validate_participant(dict(values), current=participant),
    )
    participant.refresh_sort_key()
    return changes


def remove_participant(session: Session, participant_id: int) -> None:
    """Remove someone from an event; refused once they received a constancia (its code would
    stop verifying): correcting their status marks the constancia as no longer valid instead."""
    participant = get_participant(session, participant_id)
    issued = issued_certificates(session, Participant.id == participant.id)
    if issued:
        raise ConflictError(
            _(
                "No se puede quitar a {full_name} del evento: ya se le emitió la constancia {issued}, cuyo código de verificación dejaría de existir. Si la asistencia fue un error, cambie su estatus: la constancia dejará de ser válida al verificarla."
            ).format(full_name=participant.full_name, issued=issued[0][1])
        )
    audit.record_delete(
        session,
        "participant",
        participant.id,
        {"code": participant.code, "name": participant.full_name},
    )
    session.delete(participant)
    session.flush()


def _validate_participant(values: dict[str, Any], current: Participant | None = None) -> dict[str, Any]:
    """``current`` for a partial update: missing fields are kept, a national phone is read in its country."""
    unknown = set(values) - set(PARTICIPANT_FIELDS)
    if unknown:
        raise ValueError(f"unknown participant fields: {sorted(unknown)}")
    check_text(values)
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
            errors += [err] if (err := too_long(field, out[field])) else []
    for field in ("given_names", "paternal_surname"):
        if (field in values or current is None) and not out.get(field):
            errors.append(error(field, _("es obligatorio.")))
    if "country" in values:
        out["country"], err = normalize_country(values["country"])
        errors += [err] if err else []
    if "email" in values:
        out["email"], err = normalize_email(values["email"])
        errors += [err] if (err := err or too_long("email", out["email"])) else []
    if "phone" in values:
        country = out.get("country", current.country if current else None)
        out["phone"], err = normalize_phone(values["phone"], country)
        errors += [err] if err else []
    if "role" in values:
        try:
            out["role"] = ParticipantRole(enum_value(ParticipantRole, values["role"]))
        except ValueError:
            errors.append(error("role", _("valor desconocido «{role}».").format(role=values["role"])))
    if errors:
        raise ValidationError(errors)
    return out
