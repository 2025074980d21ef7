"""A Jornada as plain frozen rows: the one read model of an event that the window and the
documents share, as ``record_lists`` is for the other records.

The Jornadas area lists :class:`EventInfo` rows and its tabs draw from one :class:`EventData`
snapshot, reloaded whole after each change (an event is small: a few hundred participants, a
few dozen sessions). The event documents print the same :class:`EventInfo` (title, dates,
place) and the spreadsheets list the same :class:`ParticipantRow`, travel and lodging the
participants tab shows. No ORM object leaves a loading function, and nothing here knows Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.dates import spanish_date_range
from talentdesk.core.enums import EventStatus, MaterialStatus, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.core.errors import NotFoundError
from talentdesk.core.events import Event, EventTask, Material, Participant
from talentdesk.core.i18n import _
from talentdesk.services import event_checks, event_reading, event_workflow
from talentdesk.services import events as service

# -- the event itself -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventInfo:
    """The event's own fields: a row of the Jornadas list, the header of its workspace and what
    every event document prints about it."""

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

    @property
    def title(self) -> str:
        """The name with the edition, unless the name already says it."""
        if self.edition and self.edition not in self.name:
            return f"{self.name} {self.edition}"
        return self.name

    @property
    def dates(self) -> str:
        """'10 y 11 de marzo de 2027', as documents write them."""
        return spanish_date_range(self.starts_on, self.ends_on)

    @property
    def place(self) -> str:
        """'Sede, Ciudad' (either may be missing)."""
        return ", ".join(p for p in (self.venue_name, self.city) if p)

    def days(self) -> list[date]:
        return [self.starts_on + timedelta(days=n) for n in range((self.ends_on - self.starts_on).days + 1)]


def event_info(event: Event, participants: int = 0) -> EventInfo:
    return EventInfo(
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


def load_event(session: Session, event_id: int) -> EventInfo:
    """The event's own fields in one query; a Spanish NotFoundError for an unknown id."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(_("No existe el evento con id {id}.").format(id=event_id))
    return event_info(event)


def load_events(session: Session) -> list[EventInfo]:
    """Every event, newest first, with its number of participants."""
    counts = event_reading.participant_counts(session)
    return [event_info(e, counts.get(e.id, 0)) for e in service.list_events(session)]


# -- what an event holds --------------------------------------------------------------------------


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
    """A participant as registered for the event (names and contact data copied then)."""

    id: int
    code: str
    member_id: int | None
    name: str  # natural order: 'José María Núñez de la Garza'
    given_names: str
    paternal_surname: str
    maternal_surname: str | None
    sort_key: str  # Spanish name order (paterno, materno, nombres)
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

    @property
    def from_abroad(self) -> bool:
        return bool(self.country) and self.country != "MX"

    def suggested_stay(self, event: EventInfo) -> tuple[date, date]:
        """Check-in and check-out a new booking starts from: the days the flights land and leave
        when known (what Revisión compares the hotel with), else the event's first and last days."""
        t = self.travel
        check_in = t.arrival_at.date() if t is not None and t.arrival_at is not None else event.starts_on
        check_out = t.departure_at.date() if t is not None and t.departure_at is not None else event.ends_on
        return check_in, check_out


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
    """Everything the event's workspace shows, read in one go."""

    event: EventInfo
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


def participant_row(p: Participant) -> ParticipantRow:
    t, lodging = p.travel, p.lodging
    return ParticipantRow(
        id=p.id,
        code=p.code,
        member_id=p.member_id,
        name=p.full_name,
        given_names=p.given_names,
        paternal_surname=p.paternal_surname,
        maternal_surname=p.maternal_surname,
        sort_key=p.sort_key,
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


def load_participants(session: Session, event_id: int) -> tuple[ParticipantRow, ...]:
    """The event's participants with travel and lodging, in Spanish name order (three queries)."""
    query = (
        select(Participant)
        .where(Participant.event_id == event_id)
        .options(selectinload(Participant.travel), selectinload(Participant.lodging))
        .order_by(Participant.sort_key, Participant.id)
    )
    return tuple(participant_row(p) for p in session.scalars(query))


def material_row(m: Material) -> MaterialRow:
    return MaterialRow(m.id, m.item, m.quantity, m.responsible, m.status)


def task_row(t: EventTask) -> TaskRow:
    return TaskRow(t.id, t.title, t.due_on, t.responsible, t.done)


def load_materials(session: Session, event_id: int) -> tuple[MaterialRow, ...]:
    """The materials in the order they were listed."""
    query = select(Material).where(Material.event_id == event_id).order_by(Material.id)
    return tuple(material_row(m) for m in session.scalars(query))


def load_tasks(session: Session, event_id: int) -> tuple[TaskRow, ...]:
    """The tasks by due date (undated first, as the database sorts NULL), then as listed."""
    query = select(EventTask).where(EventTask.event_id == event_id).order_by(EventTask.due_on, EventTask.id)
    return tuple(task_row(t) for t in session.scalars(query))


def load_event_data(session: Session, event_id: int) -> EventData:
    """Everything the workspace shows: rooms, agenda, participants, materials, tasks and the
    problems the Revisión tab lists."""
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
            _(event_checks.KINDS[p.kind]) if p.kind in event_checks.KINDS else p.kind,
            p.message,
            p.record.type,
            p.record.id,
            p.record.label,
        )
        for n, p in enumerate(event_checks.check_event(session, event_id))
    )
    participants = sorted(event.participants, key=lambda p: (p.sort_key, p.id))
    return EventData(
        event=event_info(event, len(event.participants)),
        rooms=tuple(RoomRow(r.id, r.name, r.capacity) for r in event.rooms),
        sessions=sessions,
        participants=tuple(participant_row(p) for p in participants),
        materials=tuple(material_row(m) for m in event.materials),
        tasks=tuple(task_row(t) for t in event.tasks),
        problems=problems,
    )
