"""A participant's status workflow: which status may follow which, and moving participants
along it (each change kept in their history and audited)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import FieldError, ValidationError
from talentdesk.core.events import Participant, StatusChange
from talentdesk.core.i18n import _
from talentdesk.core.models import utcnow
from talentdesk.services import audit
from talentdesk.services.event_fields import enum_value
from talentdesk.services.event_participants import get_participant

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
        return _("{name}: no se puede pasar de «{old}» a «{new}».").format(
            name=participant.full_name, old=old.label, new=new.label
        )
    if new in NEEDS_STARTED and (today or date.today()) < participant.event.starts_on:
        return _("{name}: «{status}» sólo puede registrarse a partir del inicio del evento ({date}).").format(
            name=participant.full_name,
            status=new.label,
            date=f"{participant.event.starts_on:%d/%m/%Y}",
        )
    return None


def allowed_statuses(
    current: ParticipantStatus, starts_on: date, today: date | None = None
) -> list[ParticipantStatus]:
    """The statuses a participant in ``current`` may move to (the rules of :func:`can_change`)."""
    started = (today or date.today()) >= starts_on
    return [s for s in ParticipantStatus if s in TRANSITIONS[current] and (started or s not in NEEDS_STARTED)]


def change_status(
    session: Session,
    participant_ids: list[int],
    new: ParticipantStatus | str,
    *,
    today: date | None = None,
) -> dict[int, ParticipantStatus]:
    """Move participants to a status; all or nothing. Returns their previous statuses."""
    status = (
        new if isinstance(new, ParticipantStatus) else ParticipantStatus(enum_value(ParticipantStatus, new))
    )
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
