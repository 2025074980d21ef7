"""Revisión: what is wrong with an event's plan, each problem with the record it concerns."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.events import AgendaSession, Event, Lodging, Participant, Travel
from talentdesk.core.i18n import N_, _
from talentdesk.core.text import fold
from talentdesk.services.event_workflow import COMING, NOT_COMING
from talentdesk.services.events import get_event


@dataclass(frozen=True)
class Record:
    type: str  # 'session', 'participant' or 'room'
    id: int
    label: str


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    record: Record

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


KINDS = {
    "speaker_overlap": N_("Ponente o moderador en dos sesiones a la vez"),
    "room_double_booked": N_("Sala ocupada dos veces"),
    "session_outside_dates": N_("Sesión fuera de las fechas del evento"),
    "missing_logistics": N_("Confirmado del extranjero sin vuelo u hotel"),
    "arrives_late": N_("Llega después de su primera sesión"),
    "checkout_before_checkin": N_("Salida del hotel antes de la entrada"),
    "nights_short": N_("Noches de hotel que no cubren sus días"),
    "hotel_vs_arrival": N_("Hotel que no coincide con la llegada"),
    "hotel_vs_departure": N_("Hotel que no coincide con la salida"),
    "duplicate_participant": N_("Participante registrado dos veces"),
}


def _overlap(a: AgendaSession, b: AgendaSession) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def _when(s: AgendaSession) -> str:
    return f"{s.starts_at:%d/%m %H:%M}–{s.ends_at:%H:%M}"


def _session(s: AgendaSession) -> Record:
    return Record("session", s.id, s.title)


def _person(p: Participant) -> Record:
    return Record("participant", p.id, f"{p.full_name} ({p.code})")


def check_event(session: Session, event_id: int) -> list[Problem]:
    event = get_event(session, event_id)
    problems: list[Problem] = []
    problems += _people_in_two_places(event)
    problems += _rooms_double_booked(event)
    problems += _sessions_outside_dates(event)
    problems += _logistics(event)
    problems += _duplicates(event)
    return problems


def _sessions_of(event: Event) -> dict[int, list[AgendaSession]]:
    """Participant id -> sessions where they speak or moderate."""
    mine: dict[int, list[AgendaSession]] = defaultdict(list)
    for s in event.sessions:
        for p in s.speakers:
            mine[p.id].append(s)
        if s.moderator_id is not None and s not in mine[s.moderator_id]:
            mine[s.moderator_id].append(s)
    return mine


def _people_in_two_places(event: Event) -> list[Problem]:
    people = {p.id: p for p in event.participants}
    problems = []
    for pid, sessions in _sessions_of(event).items():
        for a, b in combinations(sorted(sessions, key=lambda s: s.starts_at), 2):
            if _overlap(a, b) and pid in people:
                problems.append(
                    Problem(
                        "speaker_overlap",
                        _(
                            "{full_name} está en «{title}» ({when}) y en «{title2}» ({when2}) a la misma hora."
                        ).format(
                            full_name=people[pid].full_name,
                            title=a.title,
                            when=_when(a),
                            title2=b.title,
                            when2=_when(b),
                        ),
                        _person(people[pid]),
                    )
                )
    return problems


def _rooms_double_booked(event: Event) -> list[Problem]:
    by_room: dict[int, list[AgendaSession]] = defaultdict(list)
    for s in event.sessions:
        if s.room_id is not None:
            by_room[s.room_id].append(s)
    names = {r.id: r.name for r in event.rooms}
    problems = []
    for room_id, sessions in by_room.items():
        for a, b in combinations(sorted(sessions, key=lambda s: s.starts_at), 2):
            if _overlap(a, b):
                problems.append(
                    Problem(
                        "room_double_booked",
                        _(
                            "La sala «{get}» tiene «{title}» ({when}) y «{title2}» ({when2}) al mismo tiempo."
                        ).format(
                            get=names.get(room_id, room_id),
                            title=a.title,
                            when=_when(a),
                            title2=b.title,
                            when2=_when(b),
                        ),
                        _session(b),
                    )
                )
    return problems


def _sessions_outside_dates(event: Event) -> list[Problem]:
    return [
        Problem(
            "session_outside_dates",
            _(
                "«{title}» ({when}) queda fuera de las fechas del evento ({starts_on:%d/%m/%Y}–{ends_on:%d/%m/%Y})."
            ).format(title=s.title, when=_when(s), starts_on=event.starts_on, ends_on=event.ends_on),
            _session(s),
        )
        for s in event.sessions
        if s.starts_at.date() < event.starts_on or s.ends_at.date() > event.ends_on
    ]


def _attend_days(event: Event, sessions: list[AgendaSession]) -> tuple[date, date]:
    if sessions:
        return min(s.starts_at.date() for s in sessions), max(s.ends_at.date() for s in sessions)
    return event.starts_on, event.ends_on


def _logistics(event: Event) -> list[Problem]:
    mine = _sessions_of(event)
    problems = []
    for p in event.participants:
        travel, lodging = p.travel, p.lodging
        coming = p.status in COMING
        if coming and p.from_abroad:
            no_flight = travel is None or not travel.arrival_flight
            no_hotel = lodging is None or not lodging.hotel
            if no_flight and no_hotel:
                lacks = _("{name} viene del extranjero y no tiene vuelo de llegada ni hotel.")
            elif no_flight:
                lacks = _("{name} viene del extranjero y no tiene vuelo de llegada.")
            elif no_hotel:
                lacks = _("{name} viene del extranjero y no tiene hotel.")
            else:
                lacks = ""
            if lacks:
                problems.append(Problem("missing_logistics", lacks.format(name=p.full_name), _person(p)))
        sessions = sorted(mine.get(p.id, []), key=lambda s: s.starts_at)
        if coming and travel is not None and travel.arrival_at is not None and sessions:
            first = sessions[0]
            if travel.arrival_at > first.starts_at:
                problems.append(
                    Problem(
                        "arrives_late",
                        _(
                            "{full_name} llega el {arrival_at:%d/%m a las %H:%M}, después del inicio de «{title}» ({when})."
                        ).format(
                            full_name=p.full_name,
                            arrival_at=travel.arrival_at,
                            title=first.title,
                            when=_when(first),
                        ),
                        _person(p),
                    )
                )
        if lodging is not None and lodging.check_in and lodging.check_out:
            if lodging.check_out < lodging.check_in:
                problems.append(
                    Problem(
                        "checkout_before_checkin",
                        _(
                            "{full_name}: la salida del hotel ({check_out:%d/%m/%Y}) es antes de la entrada ({check_in:%d/%m/%Y})."
                        ).format(
                            full_name=p.full_name, check_out=lodging.check_out, check_in=lodging.check_in
                        ),
                        _person(p),
                    )
                )
            else:
                short = False
                if coming:
                    first_day, last_day = _attend_days(event, sessions)
                    short = lodging.check_in > first_day or lodging.check_out < last_day
                if short:
                    problems.append(
                        Problem(
                            "nights_short",
                            _(
                                "{full_name}: el hotel ({check_in:%d/%m}–{check_out:%d/%m}) no cubre sus días en el evento ({first_day:%d/%m}–{last_day:%d/%m})."
                            ).format(
                                full_name=p.full_name,
                                check_in=lodging.check_in,
                                check_out=lodging.check_out,
                                first_day=first_day,
                                last_day=last_day,
                            ),
                            _person(p),
                        )
                    )
                if travel is not None and p.status not in NOT_COMING:
                    problems += _stay_against_flights(p, travel, lodging, report_short=not short)
    return problems


def _stay_against_flights(
    p: Participant, travel: Travel, lodging: Lodging, *, report_short: bool
) -> list[Problem]:
    """Hotel dates that do not match the flights: nights paid before the person lands or after
    they leave, or the night they land (or the last one before leaving) without a room. Anyone
    not declined or cancelled counts: a booking for someone still invited is paid all the same.
    A stay already reported as short of the event's days is not reported short again."""
    assert lodging.check_in is not None and lodging.check_out is not None
    out = []
    arrival, departure = travel.arrival_at, travel.departure_at
    values = {
        "name": p.full_name,
        "check_in": f"{lodging.check_in:%d/%m}",
        "check_out": f"{lodging.check_out:%d/%m}",
    }
    if arrival is not None:
        values.update(day=f"{arrival:%d/%m}", time=f"{arrival:%H:%M}")
        if lodging.check_in < arrival.date():
            message = _(
                "{name}: el hotel empieza el {check_in}, pero llega el {day} a las {time}: "
                "noches pagadas antes de su llegada."
            )
            out.append(Problem("hotel_vs_arrival", message.format(**values), _person(p)))
        elif lodging.check_in > arrival.date() and report_short:
            message = _(
                "{name}: llega el {day} a las {time}, pero el hotel empieza el {check_in}: "
                "la noche de su llegada no tiene hotel."
            )
            out.append(Problem("hotel_vs_arrival", message.format(**values), _person(p)))
    if departure is not None:
        values.update(day=f"{departure:%d/%m}", time=f"{departure:%H:%M}")
        if lodging.check_out > departure.date():
            message = _(
                "{name}: el hotel termina el {check_out}, pero sale el {day} a las {time}: "
                "noches pagadas después de su salida."
            )
            out.append(Problem("hotel_vs_departure", message.format(**values), _person(p)))
        elif lodging.check_out < departure.date() and report_short:
            message = _(
                "{name}: sale el {day} a las {time}, pero el hotel termina el {check_out}: "
                "la noche antes de su salida no tiene hotel."
            )
            out.append(Problem("hotel_vs_departure", message.format(**values), _person(p)))
    return out


def _duplicates(event: Event) -> list[Problem]:
    seen: dict[tuple[str, str], Participant] = {}
    problems = []
    for p in sorted(event.participants, key=lambda p: p.id):
        keys = [("name", fold(p.full_name))]
        if p.member_id is not None:
            keys.append(("member", str(p.member_id)))
        if p.email:
            keys.append(("email", p.email.lower()))
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            problems.append(
                Problem(
                    "duplicate_participant",
                    _(
                        "{full_name} ({code}) parece estar registrado dos veces (también como {code2})."
                    ).format(full_name=p.full_name, code=p.code, code2=first.code),
                    _person(p),
                )
            )
        for k in keys:
            seen.setdefault(k, p)
    return problems
