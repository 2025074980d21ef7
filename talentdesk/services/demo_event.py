"""The demo Jornada: two days, three rooms, ~25 sessions, ~150 participants with travel and
lodging, and one deliberate problem of each kind for the Revisión checks to find.

Everything is generated (Faker es_MX for guests, demo members for the rest): no real people.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from faker import Faker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import EventStatus, MaterialStatus, ParticipantRole, ParticipantStatus, SessionKind
from talentdesk.core.events import AgendaSession, Event, Participant, Room
from talentdesk.core.models import Member
from talentdesk.services import (
    event_agenda,
    event_logistics,
    event_materials,
    event_participants,
    event_workflow,
)
from talentdesk.services import events as ev

DEMO_NAME = "Jornada Informativa de la Red de Talentos Mexicanos (demostración)"
FIRST_DAY = date(2027, 2, 18)

PANELS = [
    "Tecnologías de la información: nearshoring y talento",
    "Salud: investigación clínica binacional",
    "Energías alternativas e hidrógeno verde",
    "Nanotecnología y nuevos materiales",
    "Agricultura de precisión y biotecnología",
    "Cambio climático y ciudades",
    "Industria automotriz: electromovilidad",
    "Aeronáutica: cadenas de proveeduría",
    "Cooperación internacional para el desarrollo",
    "Emprendimiento de base tecnológica",
    "Pasantías en empresas de la diáspora",
    "Mentoría a programas académicos",
    "Misiones comerciales y alianzas estratégicas",
    "Transferencia de conocimiento a PyMEs",
]
HOTELS = ["Hotel Sede (demostración)", "Hotel Alterno Centro (demostración)"]
AIRLINES = [
    ("AM", "Aeroméxico"),
    ("Y4", "Volaris"),
    ("VB", "Viva Aerobus"),
    ("UA", "United"),
    ("AA", "American"),
]
AIRPORTS = ["SFO", "IAH", "DTW", "LAX", "ORD", "JFK", "DFW", "YYZ", "MAD", "SEA"]


def create_demo_event(session: Session, rng: random.Random) -> Event | None:
    """Once per database: returns None when the demo Jornada is already there."""
    if session.scalar(select(func.count()).select_from(Event).where(Event.name == DEMO_NAME)):
        return None
    fake = Faker("es_MX")
    fake.seed_instance(rng.randint(0, 10**6))
    event = ev.create_event(
        session,
        {
            "name": DEMO_NAME,
            "edition": "2027",
            "starts_on": FIRST_DAY,
            "ends_on": FIRST_DAY + timedelta(days=1),
            "venue_name": "Sede de demostración — Auditorio principal",
            "venue_address": "Av. Ejemplo 123, Col. Centro, 06000 Ciudad de México",
            "city": "Ciudad de México",
            "description": "Encuentro anual de la Red con los Puntos Nacionales de Contacto Sectorial.",
            "status": EventStatus.OPEN,
            "code_prefix": "JI",
        },
    )
    rooms = [
        event_agenda.add_room(session, event.id, name, cap)
        for name, cap in (("Auditorio", 300), ("Sala A", 80), ("Sala B", 60))
    ]

    people = _participants(session, event, rng, fake)
    speakers = [p for p in people if p.role == ParticipantRole.SPEAKER]
    moderators = [p for p in people if p.role == ParticipantRole.MODERATOR]
    sessions = _agenda(session, event, rooms, speakers, moderators, rng)
    _logistics(session, event, people, sessions, rng)
    _materials_and_tasks(session, event, fake)
    _deliberate_problems(session, event, people, sessions, rooms)
    session.flush()
    return event


def _participants(session: Session, event: Event, rng: random.Random, fake: Faker) -> list[Participant]:
    member_ids = list(session.scalars(select(Member.id).order_by(Member.id).limit(4000)))
    chosen = rng.sample(member_ids, min(110, len(member_ids)))
    roles = (
        [ParticipantRole.SPEAKER] * 26
        + [ParticipantRole.MODERATOR] * 8
        + [ParticipantRole.SPECIAL_GUEST] * 6
        + [ParticipantRole.STAFF] * 5
        + [ParticipantRole.PRESS] * 4
    )
    people: list[Participant] = []
    for n in range(150):
        role = roles[n] if n < len(roles) else ParticipantRole.ATTENDEE
        if n < len(chosen) and role not in (ParticipantRole.STAFF, ParticipantRole.PRESS):
            people.append(event_participants.add_member(session, event.id, chosen[n], role))
        else:
            mexican = rng.random() < 0.8
            people.append(
                event_participants.add_guest(
                    session,
                    event.id,
                    {
                        "given_names": fake.first_name(),
                        "paternal_surname": fake.last_name(),
                        "maternal_surname": fake.last_name(),
                        "organization": fake.company()
                        if rng.random() < 0.6
                        else f"Universidad {fake.last_name()}",
                        "email": f"invitado{n}@example.org",
                        "country": "MX" if mexican else "US",
                        "role": role,
                    },
                )
            )
    flow = {
        ParticipantStatus.CONFIRMED: 70,
        ParticipantStatus.REGISTERED: 15,
        ParticipantStatus.INVITED: 8,
        ParticipantStatus.DECLINED: 5,
        ParticipantStatus.CANCELLED: 2,
    }
    for p in people:
        if p.role in (ParticipantRole.SPEAKER, ParticipantRole.MODERATOR, ParticipantRole.STAFF):
            target = ParticipantStatus.CONFIRMED
        else:
            target = rng.choices(list(flow), list(flow.values()))[0]
        if target in (ParticipantStatus.REGISTERED,):
            event_workflow.change_status(session, [p.id], ParticipantStatus.CONFIRMED)
        if target != ParticipantStatus.INVITED:
            event_workflow.change_status(session, [p.id], target)
    return people


def _at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(FIRST_DAY + timedelta(days=day), time(hh, mm))


def _agenda(
    session: Session,
    event: Event,
    rooms: list[Room],
    speakers: list[Participant],
    moderators: list[Participant],
    rng: random.Random,
) -> list[AgendaSession]:
    auditorio, sala_a, sala_b = rooms
    panels = iter(PANELS)
    speaker_cycle = iter(speakers * 3)
    moderator_cycle = iter(moderators * 4)
    made: list[AgendaSession] = []

    def add(
        title: str,
        kind: SessionKind,
        day: int,
        start: tuple[int, int],
        end: tuple[int, int],
        room: Room,
        n_speakers: int = 0,
        moderated: bool = False,
    ) -> None:
        made.append(
            event_agenda.add_session(
                session,
                event.id,
                {
                    "title": title,
                    "kind": kind,
                    "starts_at": _at(day, *start),
                    "ends_at": _at(day, *end),
                    "room_id": room.id,
                    "speaker_ids": [next(speaker_cycle).id for _ in range(n_speakers)],
                    "moderator_id": next(moderator_cycle).id if moderated else None,
                },
            )
        )

    for day in (0, 1):
        add(
            "Registro y bienvenida" if day == 0 else "Café de bienvenida",
            SessionKind.OTHER,
            day,
            (8, 30),
            (9, 30),
            auditorio,
        )
        add(
            "Inauguración" if day == 0 else "Conferencia magistral",
            SessionKind.PLENARY,
            day,
            (9, 30),
            (10, 30),
            auditorio,
            n_speakers=2,
        )
        for room in (sala_a, sala_b):
            add(next(panels), SessionKind.PANEL, day, (10, 45), (12, 0), room, n_speakers=3, moderated=True)
        add("Receso", SessionKind.BREAK, day, (12, 0), (12, 30), auditorio)
        for room in (auditorio, sala_a, sala_b):
            add(next(panels), SessionKind.WORKSHOP, day, (12, 30), (14, 0), room, n_speakers=2)
        add("Comida", SessionKind.MEAL, day, (14, 0), (15, 30), auditorio)
        for room in (sala_a, sala_b):
            add(next(panels), SessionKind.PANEL, day, (15, 30), (17, 0), room, n_speakers=3, moderated=True)
        add(
            "Conclusiones del día" if day == 0 else "Clausura",
            SessionKind.PLENARY,
            day,
            (17, 15),
            (18, 0),
            auditorio,
            n_speakers=1,
        )
    return made


def _logistics(
    session: Session,
    event: Event,
    people: list[Participant],
    sessions: list[AgendaSession],
    rng: random.Random,
) -> None:
    for n, p in enumerate(people):
        if not p.from_abroad or p.status not in event_workflow.COMING:
            continue
        code, airline = rng.choice(AIRLINES)
        airport = rng.choice(AIRPORTS)
        arrival = _at(-1, rng.randint(10, 21), rng.choice((0, 15, 30, 45)))
        departure = _at(2, rng.randint(8, 20), rng.choice((0, 15, 30, 45)))
        event_logistics.set_travel(
            session,
            p.id,
            {
                "arrival_flight": f"{code} {rng.randint(100, 999)}",
                "arrival_airline": airline,
                "arrival_at": arrival,
                "arrival_airport": f"AICM (desde {airport})",
                "arrival_terminal": rng.choice("12"),
                "departure_flight": f"{code} {rng.randint(100, 999)}",
                "departure_airline": airline,
                "departure_at": departure,
                "departure_airport": "AICM",
                "departure_terminal": rng.choice("12"),
                "needs_transfer": rng.random() < 0.8,
            },
        )
        event_logistics.set_lodging(
            session,
            p.id,
            {
                "hotel": HOTELS[n % 5 == 0],
                "room": str(300 + n),
                "check_in": FIRST_DAY - timedelta(days=1),
                "check_out": FIRST_DAY + timedelta(days=2),
                "confirmation": f"DEMO-{rng.randint(10000, 99999)}",
            },
        )


def _materials_and_tasks(session: Session, event: Event, fake: Faker) -> None:
    for item, qty, status in (
        ("Gafetes con código QR", 160, MaterialStatus.IN_PROGRESS),
        ("Carpetas de bienvenida", 160, MaterialStatus.PENDING),
        ("Programas impresos", 200, MaterialStatus.READY),
        ("Constancias de participación", 150, MaterialStatus.PENDING),
        ("Señalética de salas", 12, MaterialStatus.READY),
        ("Listas de asistencia por sesión", 25, MaterialStatus.PENDING),
    ):
        material = event_materials.add_material(session, event.id, item, qty, fake.name())
        if status != MaterialStatus.PENDING:
            event_materials.set_material_status(session, material.id, status)
    for title, days_before in (
        ("Confirmar sede y salas", 60),
        ("Enviar invitaciones", 45),
        ("Reservar bloque de hotel", 40),
        ("Confirmar vuelos de ponentes", 20),
        ("Imprimir gafetes y carpetas", 5),
        ("Ensayo técnico en el auditorio", 1),
    ):
        task = event_materials.add_task(
            session, event.id, title, FIRST_DAY - timedelta(days=days_before), fake.name()
        )
        if days_before >= 40:
            event_materials.set_task_done(session, task.id, True)


def _deliberate_problems(
    session: Session,
    event: Event,
    people: list[Participant],
    sessions: list[AgendaSession],
    rooms: list[Room],
) -> None:
    """One of each, so the Revisión tab and `talentdesk events check` have something to show."""
    abroad = [
        p for p in people if p.from_abroad and p.status in event_workflow.COMING and p.lodging is not None
    ]
    panels = [s for s in sessions if s.kind == SessionKind.PANEL]
    # A speaker in two sessions at once (the two parallel panels of the first morning).
    event_agenda.update_session(
        session,
        panels[1].id,
        {"speaker_ids": [*(p.id for p in panels[1].speakers), panels[0].speakers[0].id]},
    )
    # A room double-booked: an extra meeting in Sala A during the first panel.
    event_agenda.add_session(
        session,
        event.id,
        {
            "title": "Reunión de PNCS (sala por confirmar)",
            "kind": SessionKind.OTHER,
            "starts_at": _at(0, 11),
            "ends_at": _at(0, 11, 45),
            "room_id": rooms[1].id,
        },
    )
    # A session outside the event's dates.
    event_agenda.add_session(
        session,
        event.id,
        {
            "title": "Visita a un centro de investigación",
            "kind": SessionKind.OTHER,
            "starts_at": _at(2, 10),
            "ends_at": _at(2, 13),
        },
    )
    # Confirmed from abroad without hotel.
    event_logistics.set_lodging(session, abroad[0].id, {"hotel": None})
    # Arriving after their first session (their hotel, booked from the eve, is then paid for a
    # night before they land: the one "hotel_vs_arrival").
    speaker = next(p for p in abroad if any(p in s.speakers for s in sessions) and p.travel is not None)
    event_logistics.set_travel(
        session, speaker.id, {"arrival_at": _at(0, 16, 40), "departure_at": _at(2, 18)}
    )
    # A night paid after the flight home.
    stays_on = next(p for p in abroad[4:] if p is not speaker)
    event_logistics.set_lodging(session, stays_on.id, {"check_out": FIRST_DAY + timedelta(days=3)})
    # Check-out before check-in, and nights that do not cover the event.
    event_logistics.set_lodging(
        session, abroad[2].id, {"check_in": FIRST_DAY + timedelta(days=1), "check_out": FIRST_DAY}
    )
    event_logistics.set_lodging(
        session, abroad[3].id, {"check_in": FIRST_DAY - timedelta(days=1), "check_out": FIRST_DAY}
    )
    # Registered twice: the same guest added again by hand.
    guest = next(p for p in people if p.member_id is None and p.role == ParticipantRole.ATTENDEE)
    event_participants.add_guest(
        session,
        event.id,
        {
            "given_names": guest.given_names,
            "paternal_surname": guest.paternal_surname,
            "maternal_surname": guest.maternal_surname,
            "country": guest.country,
            "organization": guest.organization,
        },
    )
