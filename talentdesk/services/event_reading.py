"""Jornadas as the CLI prints them (JSON): an event's summary and detail, participant counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.events import Event, Participant
from talentdesk.services.events import get_event


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
