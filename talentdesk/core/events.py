"""Jornadas Informativas: events, their agenda, participants and logistics.

Participants keep their own copy of the names and contact data they were registered with:
badges and certificates print what was true for the event, and deleting a member later does
not erase who attended.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from talentdesk.core.enums import (
    EventStatus,
    MaterialStatus,
    ParticipantRole,
    ParticipantStatus,
    SessionKind,
)
from talentdesk.core.models import Base, Member, enum_column, utcnow
from talentdesk.core.text import full_name, name_sort_key

DEFAULT_TIMEZONE = "America/Mexico_City"

session_speakers = Table(
    "session_speakers",
    Base.metadata,
    Column("session_id", ForeignKey("event_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    edition: Mapped[str | None] = mapped_column(String(40))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    venue_name: Mapped[str | None] = mapped_column(String(200))
    venue_address: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[EventStatus] = mapped_column(enum_column(EventStatus), default=EventStatus.PLANNING)
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIMEZONE)
    code_prefix: Mapped[str] = mapped_column(String(16), default="JI")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    rooms: Mapped[list[Room]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Room.id"
    )
    sessions: Mapped[list[AgendaSession]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="AgendaSession.starts_at"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Participant.sort_key"
    )
    materials: Mapped[list[Material]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Material.id"
    )
    tasks: Mapped[list[EventTask]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventTask.due_on"
    )

    def days(self) -> list[date]:
        return [date.fromordinal(d) for d in range(self.starts_on.toordinal(), self.ends_on.toordinal() + 1)]


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="rooms")


class AgendaSession(Base):
    """A session of the agenda (named so to stay clear of SQLAlchemy's Session)."""

    __tablename__ = "event_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[SessionKind] = mapped_column(enum_column(SessionKind), default=SessionKind.PLENARY)
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"), index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"))
    description: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="sessions")
    room: Mapped[Room | None] = relationship()
    moderator: Mapped[Participant | None] = relationship(foreign_keys=[moderator_id])
    speakers: Mapped[list[Participant]] = relationship(
        secondary=session_speakers, order_by="Participant.sort_key"
    )


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (Index("ix_participants_event_sort", "event_id", "sort_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"), index=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    given_names: Mapped[str] = mapped_column(String(120))
    paternal_surname: Mapped[str] = mapped_column(String(120))
    maternal_surname: Mapped[str | None] = mapped_column(String(120))
    organization: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    role: Mapped[ParticipantRole] = mapped_column(
        enum_column(ParticipantRole), default=ParticipantRole.ATTENDEE
    )
    status: Mapped[ParticipantStatus] = mapped_column(
        enum_column(ParticipantStatus), default=ParticipantStatus.INVITED
    )
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    dietary_needs: Mapped[str | None] = mapped_column(String(300))
    accessibility_needs: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    sort_key: Mapped[str] = mapped_column(String(400), default="")

    event: Mapped[Event] = relationship(back_populates="participants")
    member: Mapped[Member | None] = relationship()
    travel: Mapped[Travel | None] = relationship(
        back_populates="participant", cascade="all, delete-orphan", uselist=False
    )
    lodging: Mapped[Lodging | None] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        uselist=False,
        foreign_keys="Lodging.participant_id",
    )
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="participant", cascade="all, delete-orphan", order_by="StatusChange.id"
    )

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.paternal_surname, self.maternal_surname)

    @property
    def from_abroad(self) -> bool:
        return bool(self.country) and self.country != "MX"

    def refresh_sort_key(self) -> None:
        self.sort_key = name_sort_key(self.paternal_surname, self.maternal_surname, self.given_names)


class StatusChange(Base):
    """The date of each status change of a participant."""

    __tablename__ = "participant_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    status: Mapped[ParticipantStatus] = mapped_column(enum_column(ParticipantStatus))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[Participant] = relationship(back_populates="history")


class Travel(Base):
    __tablename__ = "travels"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    arrival_flight: Mapped[str | None] = mapped_column(String(16))
    arrival_airline: Mapped[str | None] = mapped_column(String(80))
    arrival_at: Mapped[datetime | None] = mapped_column(DateTime)
    arrival_airport: Mapped[str | None] = mapped_column(String(80))
    arrival_terminal: Mapped[str | None] = mapped_column(String(16))
    departure_flight: Mapped[str | None] = mapped_column(String(16))
    departure_airline: Mapped[str | None] = mapped_column(String(80))
    departure_at: Mapped[datetime | None] = mapped_column(DateTime)
    departure_airport: Mapped[str | None] = mapped_column(String(80))
    departure_terminal: Mapped[str | None] = mapped_column(String(16))
    needs_transfer: Mapped[bool] = mapped_column(Boolean, default=False)

    participant: Mapped[Participant] = relationship(back_populates="travel")


class Lodging(Base):
    __tablename__ = "lodgings"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    )
    hotel: Mapped[str | None] = mapped_column(String(200))
    room: Mapped[str | None] = mapped_column(String(40))
    check_in: Mapped[date | None] = mapped_column(Date)
    check_out: Mapped[date | None] = mapped_column(Date)
    shares_with_id: Mapped[int | None] = mapped_column(ForeignKey("participants.id", ondelete="SET NULL"))
    confirmation: Mapped[str | None] = mapped_column(String(60))

    participant: Mapped[Participant] = relationship(back_populates="lodging", foreign_keys=[participant_id])
    shares_with: Mapped[Participant | None] = relationship(foreign_keys=[shares_with_id])


class Material(Base):
    __tablename__ = "materials"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    responsible: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[MaterialStatus] = mapped_column(
        enum_column(MaterialStatus), default=MaterialStatus.PENDING
    )

    event: Mapped[Event] = relationship(back_populates="materials")


class EventTask(Base):
    __tablename__ = "event_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    responsible: Mapped[str | None] = mapped_column(String(120))
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="tasks")


class Certificate(Base):
    """A *constancia de participación* issued to a participant who attended.

    The code is random, unique and printed on the document; it is kept so that a later
    reprint shows the same code and anyone can check a code against the database.
    """

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), unique=True
    )
    code: Mapped[str] = mapped_column(String(20), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    participant: Mapped[Participant] = relationship()
