"""A new edition of a Jornada from a past one."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.events import AgendaSession, Event, EventTask, Material, Participant, Room, StatusChange
from talentdesk.services import audit
from talentdesk.services.event_fields import PARTICIPANT_FIELDS
from talentdesk.services.event_participants import next_code
from talentdesk.services.events import create_event, get_event


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
