"""The attendee packets' data, read once: the event, its agenda, the selected participants with
their travel and lodging, the consent-aware participants' directory and the letter template —
a handful of queries whatever the number of packets, then plain frozen values that are safe to
keep and draw many times.

Consent (LFPDPPP): the participants' directory lists only the participants linked to a member
who consented to appear in printed directories, each with only the contact fields that member
allowed (``exports.consent``). Guests without a member record gave no consent on record and
are not listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from talentdesk.core.countries import country_name
from talentdesk.core.enums import Gender, ParticipantRole, PrintField
from talentdesk.core.events import Lodging, Participant, Travel
from talentdesk.core.models import Chapter, Member
from talentdesk.core.text import full_name
from talentdesk.exports.agenda_pdf import AgendaData, load_agenda
from talentdesk.exports.badges import DEFAULT_STATUSES, BadgeData, load_badges
from talentdesk.exports.consent import allowed_fields, listed_clause
from talentdesk.exports.directory_pdf import display_phone
from talentdesk.services.document_settings import welcome_letter
from talentdesk.services.event_view import EventInfo

CHUNK = 500  # ids per IN (...) query


@dataclass(frozen=True)
class FlightLeg:
    flight: str | None
    airline: str | None
    at: datetime | None
    airport: str | None
    terminal: str | None

    @property
    def empty(self) -> bool:
        return not any((self.flight, self.airline, self.at, self.airport, self.terminal))


@dataclass(frozen=True)
class Itinerary:
    """Travel and lodging of one participant (None: nothing recorded)."""

    arrival: FlightLeg | None = None
    departure: FlightLeg | None = None
    needs_transfer: bool | None = None  # None: no travel record at all
    hotel: str | None = None
    room: str | None = None
    check_in: date | None = None
    check_out: date | None = None
    confirmation: str | None = None
    shares_with: str | None = None  # the roommate's name

    @property
    def has_flights(self) -> bool:
        return any(leg is not None and not leg.empty for leg in (self.arrival, self.departure))

    @property
    def has_lodging(self) -> bool:
        return any((self.hotel, self.room, self.check_in, self.check_out, self.confirmation))

    @property
    def nights(self) -> int | None:
        if self.check_in is None or self.check_out is None or self.check_out <= self.check_in:
            return None
        return (self.check_out - self.check_in).days


@dataclass(frozen=True)
class PacketPerson:
    """One packet's participant, as plain values."""

    id: int
    code: str
    given_names: str
    paternal_surname: str
    maternal_surname: str | None
    role: ParticipantRole
    organization: str | None
    chapter: str | None
    itinerary: Itinerary
    badge: BadgeData
    gender: Gender | None = None  # the member's, at print time; None for a guest or when not said

    @property
    def full_name(self) -> str:
        return full_name(self.given_names, self.paternal_surname, self.maternal_surname)

    @property
    def surnames(self) -> str:
        return " ".join(p for p in (self.paternal_surname, self.maternal_surname) if p)

    @property
    def sorted_name(self) -> str:
        """'Peña Núñez, Ximena' — as lists sorted the Spanish way print it."""
        return f"{self.surnames}, {self.given_names}" if self.given_names else self.surnames


@dataclass(frozen=True)
class DirectoryEntry:
    """A participant as the participants' directory may show them (consent applied)."""

    participant_id: int
    name: str  # 'Peña Núñez, Ximena'
    role: ParticipantRole
    chapter: str | None
    organization: str | None  # only if the member allowed 'employer'
    city: str | None  # only if allowed
    country: str | None  # country name; not a contact field
    email: str | None  # only if allowed
    phone: str | None  # only if allowed, formatted


@dataclass(frozen=True)
class PacketsData:
    """Everything the packets print, read in one go (safe to keep and draw many times)."""

    event: EventInfo
    agenda: AgendaData
    people: tuple[PacketPerson, ...]
    directory: tuple[DirectoryEntry, ...]
    letter_template: str


def load_packets(
    session: Session, event_id: int, participant_ids: Sequence[int] | None = None
) -> PacketsData:
    """The event, its agenda and directory and the selected participants, in Spanish name order.

    Default selection: everyone still expected (``badges.DEFAULT_STATUSES``: invited,
    confirmed, registered, attended). ``participant_ids``: exactly those, whatever their status;
    an id from another event is a Spanish error.
    """
    agenda = load_agenda(session, event_id)  # NotFoundError for an unknown event
    badges = load_badges(session, event_id, participant_ids=participant_ids)
    ids = [b.participant_id for b in badges]
    rows: dict[int, tuple[Any, ...]] = {}
    roommates: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = (
            select(
                Participant.id,
                Travel.arrival_flight,
                Travel.arrival_airline,
                Travel.arrival_at,
                Travel.arrival_airport,
                Travel.arrival_terminal,
                Travel.departure_flight,
                Travel.departure_airline,
                Travel.departure_at,
                Travel.departure_airport,
                Travel.departure_terminal,
                Travel.needs_transfer,
                Travel.participant_id,
                Lodging.hotel,
                Lodging.room,
                Lodging.check_in,
                Lodging.check_out,
                Lodging.confirmation,
                Lodging.shares_with_id,
                Member.gender,
            )
            .outerjoin(Travel, Travel.participant_id == Participant.id)
            .outerjoin(Lodging, Lodging.participant_id == Participant.id)
            .outerjoin(Member, Member.id == Participant.member_id)
            .where(Participant.id.in_(chunk))
        )
        for found in session.execute(query):
            values: tuple[Any, ...] = tuple(found)
            rows[values[0]] = values
            if values[18] is not None:
                roommates[values[0]] = values[18]
    names: dict[int, str] = {}
    if roommates:
        mate_ids = sorted(set(roommates.values()))
        for start in range(0, len(mate_ids), CHUNK):
            for pid, given, paternal, maternal in session.execute(
                select(
                    Participant.id,
                    Participant.given_names,
                    Participant.paternal_surname,
                    Participant.maternal_surname,
                ).where(Participant.id.in_(mate_ids[start : start + CHUNK]))
            ):
                names[pid] = full_name(given, paternal, maternal)
    people = []
    for badge in badges:
        row = rows[badge.participant_id]
        travel = row[12] is not None
        itinerary = Itinerary(
            arrival=FlightLeg(*row[1:6]) if travel else None,
            departure=FlightLeg(*row[6:11]) if travel else None,
            needs_transfer=bool(row[11]) if travel else None,
            hotel=row[13],
            room=row[14],
            check_in=row[15],
            check_out=row[16],
            confirmation=row[17],
            shares_with=names.get(row[18]) if row[18] is not None else None,
        )
        people.append(
            PacketPerson(
                id=badge.participant_id,
                code=badge.code,
                given_names=badge.given_names,
                paternal_surname=badge.paternal_surname,
                maternal_surname=badge.maternal_surname,
                role=badge.role,
                organization=badge.organization,
                chapter=badge.chapter,
                itinerary=itinerary,
                badge=badge,
                gender=row[19],
            )
        )
    return PacketsData(
        event=agenda.event,
        agenda=agenda,
        people=tuple(people),
        directory=tuple(load_directory(session, event_id)),
        letter_template=welcome_letter(session),
    )


def load_directory(session: Session, event_id: int) -> list[DirectoryEntry]:
    """The participants' directory: expected participants linked to a member who consented,
    with only the contact fields that member allowed, in Spanish name order.

    E-mail, phone and organisation are the participant's own copies (what they registered
    with for this event; the organisation is the member's employer, so it follows the
    'employer' permission); the city is the member's.
    """
    chapter = aliased(Chapter)
    query = (
        select(
            Participant.id,
            Participant.given_names,
            Participant.paternal_surname,
            Participant.maternal_surname,
            Participant.role,
            Participant.organization,
            Participant.email,
            Participant.phone,
            Participant.country,
            Member.city,
            chapter.name,
            Member.directory_consent,
            Member.print_fields_raw,
        )
        .join(Member, Member.id == Participant.member_id)
        .outerjoin(chapter, chapter.id == Member.chapter_id)
        .where(
            Participant.event_id == event_id,
            Participant.status.in_(DEFAULT_STATUSES),
            listed_clause(),
        )
        .order_by(Participant.sort_key, Participant.id)
    )
    out = []
    for (
        pid,
        given,
        paternal,
        maternal,
        role,
        org,
        email,
        phone,
        country,
        city,
        chap,
        consent,
        raw,
    ) in session.execute(query):
        allowed = allowed_fields(consent, raw)
        surnames = " ".join(p for p in (paternal, maternal) if p)
        out.append(
            DirectoryEntry(
                participant_id=pid,
                name=f"{surnames}, {given}" if given else surnames,
                role=ParticipantRole(role),
                chapter=chap,
                organization=org if PrintField.EMPLOYER in allowed else None,
                city=city if PrintField.CITY in allowed else None,
                country=country_name(country) or None if country else None,
                email=email if PrintField.EMAIL in allowed else None,
                phone=display_phone(phone) if phone and PrintField.PHONE in allowed else None,
            )
        )
    return out
