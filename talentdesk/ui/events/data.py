"""What the Jornadas views show: plain frozen rows, loaded in the background in one read.

An event is small (a few hundred participants, a few dozen sessions): every tab draws from one
:class:`EventData` snapshot, reloaded whole after each change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from talentdesk.core.enums import EventStatus, MaterialStatus, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.core.events import Event, Participant
from talentdesk.services import event_checks, event_reading, event_workflow
from talentdesk.services import events as service


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    edition: str | None
    starts_on: date
    ends_on: date
    venue_name: str | None
    venue_address: str | None
    city: str | None
    description: str | None
    status: EventStatus
    timezone: str
    code_prefix: str
    participants: int = 0

    def days(self) -> list[date]:
        return [self.starts_on + timedelta(days=n) for n in range((self.ends_on - self.starts_on).days + 1)]


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    capacity: int | None


@dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    kind: SessionKind
    starts_at: datetime
    ends_at: datetime
    room_id: int | None
    room_name: str
    moderator_id: int | None
    moderator_name: str
    speaker_ids: tuple[int, ...]
    speaker_names: tuple[str, ...]
    description: str | None

    def when(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


@dataclass(frozen=True)
class TravelRow:
    arrival_flight: str | None
    arrival_airline: str | None
    arrival_at: datetime | None
    arrival_airport: str | None
    arrival_terminal: str | None
    departure_flight: str | None
    departure_airline: str | None
    departure_at: datetime | None
    departure_airport: str | None
    departure_terminal: str | None
    needs_transfer: bool


@dataclass(frozen=True)
class LodgingRow:
    hotel: str | None
    room: str | None
    check_in: date | None
    check_out: date | None
    shares_with_id: int | None
    confirmation: str | None

    def nights(self) -> list[date]:
        if self.check_in is None or self.check_out is None or self.check_out <= self.check_in:
            return []
        return [self.check_in + timedelta(days=n) for n in range((self.check_out - self.check_in).days)]


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    code: str
    member_id: int | None
    name: str
    given_names: str
    paternal_surname: str
    maternal_surname: str | None
    organization: str | None
    email: str | None
    phone: str | None
    country: str | None
    role: ParticipantRole
    status: ParticipantStatus
    dietary_needs: str | None
    accessibility_needs: str | None
    notes: str | None
    travel: TravelRow | None
    lodging: LodgingRow | None

    @property
    def coming(self) -> bool:
        return self.status in event_workflow.COMING


@dataclass(frozen=True)
class MaterialRow:
    id: int
    item: str
    quantity: int
    responsible: str | None
    status: MaterialStatus


@dataclass(frozen=True)
class TaskRow:
    id: int
    title: str
    due_on: date | None
    responsible: str | None
    done: bool


@dataclass(frozen=True)
class ProblemRow:
    id: int  # position in the list
    kind: str
    kind_label: str
    message: str
    record_type: str
    record_id: int
    record_label: str


@dataclass(frozen=True)
class EventData:
    event: EventRow
    rooms: tuple[RoomRow, ...]
    sessions: tuple[SessionRow, ...]
    participants: tuple[ParticipantRow, ...]
    materials: tuple[MaterialRow, ...]
    tasks: tuple[TaskRow, ...]
    problems: tuple[ProblemRow, ...]

    def participant(self, participant_id: int | None) -> ParticipantRow | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def session(self, session_id: int | None) -> SessionRow | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def agenda_days(self) -> list[date]:
        """The event's days, plus any day a session was (wrongly) put on."""
        days = set(self.event.days()) | {s.starts_at.date() for s in self.sessions}
        return sorted(days)


def event_row(event: Event, participants: int = 0) -> EventRow:
    return EventRow(
        id=event.id,
        name=event.name,
        edition=event.edition,
        starts_on=event.starts_on,
        ends_on=event.ends_on,
        venue_name=event.venue_name,
        venue_address=event.venue_address,
        city=event.city,
        description=event.description,
        status=event.status,
        timezone=event.timezone,
        code_prefix=event.code_prefix,
        participants=participants,
    )


def load_events(session: Session) -> list[EventRow]:
    counts = event_reading.participant_counts(session)
    return [event_row(e, counts.get(e.id, 0)) for e in service.list_events(session)]


def _participant_row(p: Participant) -> ParticipantRow:
    t, lodging = p.travel, p.lodging
    return ParticipantRow(
        id=p.id,
        code=p.code,
        member_id=p.member_id,
        name=p.full_name,
        given_names=p.given_names,
        paternal_surname=p.paternal_surname,
        maternal_surname=p.maternal_surname,
        organization=p.organization,
        email=p.email,
        phone=p.phone,
        country=p.country,
        role=p.role,
        status=p.status,
        dietary_needs=p.dietary_needs,
        accessibility_needs=p.accessibility_needs,
        notes=p.notes,
        travel=None
        if t is None
        else TravelRow(
            t.arrival_flight,
            t.arrival_airline,
            t.arrival_at,
            t.arrival_airport,
            t.arrival_terminal,
            t.departure_flight,
            t.departure_airline,
            t.departure_at,
            t.departure_airport,
            t.departure_terminal,
            bool(t.needs_transfer),
        ),
        lodging=None
        if lodging is None
        else LodgingRow(
            lodging.hotel,
            lodging.room,
            lodging.check_in,
            lodging.check_out,
            lodging.shares_with_id,
            lodging.confirmation,
        ),
    )


def load_event(session: Session, event_id: int) -> EventData:
    event = service.get_event(session, event_id)
    people = {p.id: p for p in event.participants}
    rooms = {r.id: r.name for r in event.rooms}
    sessions = tuple(
        SessionRow(
            id=s.id,
            title=s.title,
            kind=s.kind,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            room_id=s.room_id,
            room_name=rooms.get(s.room_id, "") if s.room_id is not None else "",
            moderator_id=s.moderator_id,
            moderator_name=people[s.moderator_id].full_name if s.moderator_id in people else "",
            speaker_ids=tuple(p.id for p in s.speakers),
            speaker_names=tuple(p.full_name for p in s.speakers),
            description=s.description,
        )
        for s in event.sessions
    )
    problems = tuple(
        ProblemRow(
            n,
            p.kind,
            event_checks.KINDS.get(p.kind, p.kind),
            p.message,
            p.record.type,
            p.record.id,
            p.record.label,
        )
        for n, p in enumerate(event_checks.check_event(session, event_id))
    )
    return EventData(
        event=event_row(event, len(event.participants)),
        rooms=tuple(RoomRow(r.id, r.name, r.capacity) for r in event.rooms),
        sessions=sessions,
        participants=tuple(_participant_row(p) for p in event.participants),
        materials=tuple(
            MaterialRow(m.id, m.item, m.quantity, m.responsible, m.status) for m in event.materials
        ),
        tasks=tuple(TaskRow(t.id, t.title, t.due_on, t.responsible, t.done) for t in event.tasks),
        problems=problems,
    )
