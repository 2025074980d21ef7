"""Revisión (talentdesk.services.event_checks): each kind of problem on a small hand-built event,
a near miss that must not be reported, and the demo Jornada with exactly one of each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.errors import NotFoundError
from talentdesk.core.events import AgendaSession, Event, Participant, Room
from talentdesk.db.session import Database
from talentdesk.services import event_agenda, event_logistics, event_participants, event_workflow
from talentdesk.services import events as ev
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.event_checks import KINDS, Problem, Record, check_event

S = ParticipantStatus
DAY1 = date(2027, 2, 18)
DAY2 = date(2027, 2, 19)
EVE = DAY1 - timedelta(days=1)

#: Steps from "invitado" to each status through the workflow.
PATH = {
    S.INVITED: [],
    S.CONFIRMED: [S.CONFIRMED],
    S.REGISTERED: [S.CONFIRMED, S.REGISTERED],
    S.DECLINED: [S.DECLINED],
    S.CANCELLED: [S.CANCELLED],
}


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


class Plan:
    """A small event built through the services, as a user would."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.event = ev.create_event(
            s, {"name": "Jornada de prueba", "edition": "2027", "starts_on": DAY1, "ends_on": DAY2}
        )

    def person(
        self,
        given: str,
        paternal: str,
        *,
        country: str = "MX",
        status: ParticipantStatus = S.CONFIRMED,
        **values: Any,
    ) -> Participant:
        p = event_participants.add_guest(
            self.s,
            self.event.id,
            {"given_names": given, "paternal_surname": paternal, "country": country, **values},
        )
        for step in PATH[status]:
            event_workflow.change_status(self.s, [p.id], step)
        return p

    def room(self, name: str) -> Room:
        return event_agenda.add_room(self.s, self.event.id, name)

    def session(
        self,
        title: str,
        start: datetime,
        end: datetime,
        *,
        room: Room | None = None,
        speakers: Sequence[Participant] = (),
        moderator: Participant | None = None,
    ) -> AgendaSession:
        return event_agenda.add_session(
            self.s,
            self.event.id,
            {
                "title": title,
                "starts_at": start,
                "ends_at": end,
                "room_id": room.id if room else None,
                "speaker_ids": [p.id for p in speakers],
                "moderator_id": moderator.id if moderator else None,
            },
        )

    def flight(
        self, p: Participant, arrival: datetime, flight: str = "AM 100", departure: datetime | None = None
    ) -> None:
        event_logistics.set_travel(
            self.s, p.id, {"arrival_flight": flight, "arrival_at": arrival, "departure_at": departure}
        )

    def hotel(self, p: Participant, check_in: date, check_out: date, hotel: str = "Hotel Sede") -> None:
        event_logistics.set_lodging(
            self.s, p.id, {"hotel": hotel, "check_in": check_in, "check_out": check_out}
        )

    def problems(self) -> list[Problem]:
        self.s.flush()
        self.s.expire_all()  # read back from the database, as the Revisión tab does
        return check_event(self.s, self.event.id)


@pytest.fixture()
def plan(db: Database) -> Iterator[Plan]:
    with db.session() as s:
        yield Plan(s)


def only(problems: list[Problem], kind: str) -> Problem:
    assert [p.kind for p in problems] == [kind], problems
    return problems[0]


def person_record(p: Participant) -> Record:
    return Record("participant", p.id, f"{p.full_name} ({p.code})")


# -- speaker_overlap --------------------------------------------------------------------------------


def test_speaker_in_two_overlapping_sessions(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.session("Panel de salud", at(DAY1, 10), at(DAY1, 11), speakers=[ana])
    plan.session("Taller de energía", at(DAY1, 10, 30), at(DAY1, 12), speakers=[ana])
    problem = only(plan.problems(), "speaker_overlap")
    assert problem.record == person_record(ana)
    assert problem.message == (
        "Ana López está en «Panel de salud» (18/02 10:00–11:00) y en «Taller de energía» (18/02 10:30–12:00) "
        "a la misma hora."
    )


def test_moderator_of_one_and_speaker_of_another_at_once(plan: Plan) -> None:
    beto = plan.person("Beto", "Ruiz", role="moderador")
    plan.session("Panel A", at(DAY1, 10), at(DAY1, 11), moderator=beto)
    plan.session("Panel B", at(DAY1, 10, 59), at(DAY1, 12), speakers=[beto])
    problem = only(plan.problems(), "speaker_overlap")
    assert problem.record.type == "participant" and problem.record.id == beto.id
    assert (
        "Beto Ruiz" in problem.message and "«Panel A»" in problem.message and "«Panel B»" in problem.message
    )


def test_back_to_back_sessions_are_not_an_overlap(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.session("Panel de salud", at(DAY1, 10), at(DAY1, 11), speakers=[ana])
    plan.session("Taller de energía", at(DAY1, 11), at(DAY1, 12), speakers=[ana], moderator=ana)
    plan.session("Clausura", at(DAY2, 10), at(DAY2, 11), speakers=[ana])
    assert plan.problems() == []


# -- room_double_booked -----------------------------------------------------------------------------


def test_room_booked_twice(plan: Plan) -> None:
    sala = plan.room("Sala A")
    plan.session("Panel de salud", at(DAY1, 10), at(DAY1, 12), room=sala)
    extra = plan.session("Reunión de PNCS", at(DAY1, 11), at(DAY1, 11, 45), room=sala)
    problem = only(plan.problems(), "room_double_booked")
    assert problem.record == Record("session", extra.id, "Reunión de PNCS")
    assert problem.message == (
        "La sala «Sala A» tiene «Panel de salud» (18/02 10:00–12:00) y «Reunión de PNCS» (18/02 11:00–11:45) "
        "al mismo tiempo."
    )


def test_room_back_to_back_or_parallel_in_other_rooms_is_fine(plan: Plan) -> None:
    sala_a, sala_b = plan.room("Sala A"), plan.room("Sala B")
    plan.session("Panel de salud", at(DAY1, 10), at(DAY1, 11), room=sala_a)
    plan.session("Panel de energía", at(DAY1, 11), at(DAY1, 12), room=sala_a)
    plan.session("Taller", at(DAY1, 10), at(DAY1, 12), room=sala_b)
    plan.session("Sin sala 1", at(DAY1, 10), at(DAY1, 12))
    plan.session("Sin sala 2", at(DAY1, 10), at(DAY1, 12))
    assert plan.problems() == []


# -- session_outside_dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (at(EVE, 18), at(EVE, 20)),  # the evening before
        (at(DAY2 + timedelta(days=1), 10), at(DAY2 + timedelta(days=1), 13)),  # the day after
        (at(DAY2, 22), at(DAY2 + timedelta(days=1), 1)),  # runs past midnight of the last day
    ],
)
def test_session_outside_the_event_dates(plan: Plan, start: datetime, end: datetime) -> None:
    item = plan.session("Visita a un centro de investigación", start, end)
    problem = only(plan.problems(), "session_outside_dates")
    assert problem.record == Record("session", item.id, "Visita a un centro de investigación")
    assert problem.message.startswith("«Visita a un centro de investigación» (")
    assert problem.message.endswith("queda fuera de las fechas del evento (18/02/2027–19/02/2027).")


def test_sessions_from_first_morning_to_last_night_are_inside(plan: Plan) -> None:
    plan.session("Registro", at(DAY1, 0), at(DAY1, 8))
    plan.session("Cena de clausura", at(DAY2, 20), at(DAY2, 23, 59))
    assert plan.problems() == []


# -- missing_logistics ------------------------------------------------------------------------------


def test_confirmed_from_abroad_without_flight_nor_hotel(plan: Plan) -> None:
    ana = plan.person("Ana", "López", country="US")
    problem = only(plan.problems(), "missing_logistics")
    assert problem.record == person_record(ana)
    assert problem.message == "Ana López viene del extranjero y no tiene vuelo de llegada ni hotel."


def test_registered_from_abroad_with_flight_but_no_hotel(plan: Plan) -> None:
    beto = plan.person("Beto", "Ruiz", country="CA", status=S.REGISTERED)
    plan.flight(beto, at(EVE, 18))
    event_logistics.set_lodging(plan.s, beto.id, {"hotel": None, "check_in": EVE, "check_out": DAY2})
    problem = only(plan.problems(), "missing_logistics")
    assert problem.record.id == beto.id
    assert problem.message == "Beto Ruiz viene del extranjero y no tiene hotel."


def test_no_logistics_needed_from_mexico_or_when_not_coming(plan: Plan) -> None:
    plan.person("Carla", "Díaz", country="MX")  # from Mexico, no hotel nor flight
    plan.person("Diego", "Mora", country="US", status=S.DECLINED)  # declined: no flight needed
    plan.person("Elena", "Soto", country="US", status=S.INVITED)  # has not confirmed yet
    plan.person("Fausto", "Vega", country="US", status=S.CANCELLED)
    gil = plan.person("Gil", "Ochoa", country="US")  # confirmed with both: fine
    plan.flight(gil, at(EVE, 18))
    plan.hotel(gil, EVE, DAY2)
    assert plan.problems() == []


# -- arrives_late -----------------------------------------------------------------------------------


def test_speaker_arriving_after_their_first_session(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.session("Clausura", at(DAY2, 17), at(DAY2, 18), speakers=[ana])
    plan.session("Inauguración", at(DAY1, 9, 30), at(DAY1, 10, 30), speakers=[ana])
    plan.flight(ana, at(DAY1, 16, 40))
    problem = only(plan.problems(), "arrives_late")
    assert problem.record == person_record(ana)
    assert problem.message == (
        "Ana López llega el 18/02 a las 16:40, después del inicio de «Inauguración» (18/02 09:30–10:30)."
    )


def test_moderator_landing_while_their_session_is_on(plan: Plan) -> None:
    beto = plan.person("Beto", "Ruiz", role="moderador", status=S.REGISTERED)
    plan.session("Panel", at(DAY1, 10), at(DAY1, 11), moderator=beto)
    plan.flight(beto, at(DAY1, 10, 5))
    problem = only(plan.problems(), "arrives_late")
    assert problem.record.id == beto.id
    assert "después del inicio de «Panel» (18/02 10:00–11:00)" in problem.message


def test_arriving_in_time_or_without_sessions_is_fine(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.session("Inauguración", at(DAY1, 9, 30), at(DAY1, 10, 30), speakers=[ana])
    plan.flight(ana, at(EVE, 20))
    beto = plan.person("Beto", "Ruiz")  # an attendee: no session of their own to be late for
    plan.flight(beto, at(DAY1, 16, 40))
    carla = plan.person("Carla", "Díaz", status=S.DECLINED)  # not coming
    plan.session("Clausura", at(DAY2, 17), at(DAY2, 18), speakers=[carla])
    plan.flight(carla, at(DAY2, 19))
    assert plan.problems() == []


# -- checkout_before_checkin ------------------------------------------------------------------------


def test_checkout_before_checkin(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.hotel(ana, DAY2, DAY1)
    problem = only(plan.problems(), "checkout_before_checkin")  # and not also "nights_short"
    assert problem.record == person_record(ana)
    assert (
        problem.message == "Ana López: la salida del hotel (18/02/2027) es antes de la entrada (19/02/2027)."
    )


def test_checkout_before_checkin_even_when_not_coming(plan: Plan) -> None:
    beto = plan.person("Beto", "Ruiz", status=S.DECLINED)
    plan.hotel(beto, DAY2, DAY1)
    assert only(plan.problems(), "checkout_before_checkin").record.id == beto.id


def test_stay_in_order_is_fine(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.hotel(ana, EVE, DAY2 + timedelta(days=1))
    beto = plan.person("Beto", "Ruiz")
    event_logistics.set_lodging(
        plan.s, beto.id, {"hotel": "Hotel Sede", "check_in": DAY2}
    )  # no check-out yet
    assert plan.problems() == []


# -- nights_short -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check_in", "check_out", "shown"),
    [
        (EVE, DAY1, "17/02–18/02"),  # leaves before the last day
        (DAY2, DAY2 + timedelta(days=1), "19/02–20/02"),  # arrives after the first day
    ],
)
def test_nights_that_do_not_cover_the_event(plan: Plan, check_in: date, check_out: date, shown: str) -> None:
    ana = plan.person("Ana", "López")
    plan.hotel(ana, check_in, check_out)
    problem = only(plan.problems(), "nights_short")
    assert problem.record == person_record(ana)
    assert problem.message == f"Ana López: el hotel ({shown}) no cubre sus días en el evento (18/02–19/02)."


def test_nights_short_of_a_speakers_own_days(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.session("Clausura", at(DAY2, 17), at(DAY2, 18), speakers=[ana])
    plan.hotel(ana, DAY2 + timedelta(days=1), DAY2 + timedelta(days=1))  # checks in too late
    problem = only(plan.problems(), "nights_short")
    assert "sus días en el evento (19/02–19/02)" in problem.message


def test_nights_covering_the_days_are_fine(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.hotel(ana, DAY1, DAY2)  # exactly the event's days
    beto = plan.person("Beto", "Ruiz")  # speaks only on the first day: one night is enough
    plan.session("Inauguración", at(DAY1, 9), at(DAY1, 10), speakers=[beto])
    plan.hotel(beto, EVE, DAY1)
    carla = plan.person("Carla", "Díaz", status=S.CANCELLED)  # not coming: her booking is no concern
    plan.hotel(carla, EVE, DAY1)
    assert plan.problems() == []


# -- hotel_vs_arrival, hotel_vs_departure (issue 12, item 4) ----------------------------------------


def test_nights_paid_before_landing(plan: Plan) -> None:
    """The issue's case: a hotel from the 17th for someone landing on the 18th at 07:10."""
    ana = plan.person("Ana", "López")
    plan.flight(ana, at(DAY1, 7, 10))
    plan.hotel(ana, EVE, DAY2)
    problem = only(plan.problems(), "hotel_vs_arrival")
    assert problem.record == person_record(ana)
    assert problem.message == (
        "Ana López: el hotel empieza el 17/02, pero llega el 18/02 a las 07:10: "
        "noches pagadas antes de su llegada."
    )


def test_nights_paid_after_leaving(plan: Plan) -> None:
    ana = plan.person("Ana", "López", status=S.INVITED)  # still invited: the booking is paid all the same
    plan.flight(ana, at(EVE, 20), departure=at(DAY2, 18))
    plan.hotel(ana, EVE, DAY2 + timedelta(days=2))
    problem = only(plan.problems(), "hotel_vs_departure")
    assert problem.message == (
        "Ana López: el hotel termina el 21/02, pero sale el 19/02 a las 18:00: "
        "noches pagadas después de su salida."
    )


def test_arrival_night_without_hotel(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.flight(ana, at(EVE, 20, 30))
    plan.hotel(ana, DAY1, DAY2)  # covers the event's days, not the night she lands
    problem = only(plan.problems(), "hotel_vs_arrival")
    assert problem.message == (
        "Ana López: llega el 17/02 a las 20:30, pero el hotel empieza el 18/02: "
        "la noche de su llegada no tiene hotel."
    )


def test_last_night_without_hotel(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.flight(ana, at(EVE, 20), departure=at(DAY2 + timedelta(days=1), 10))
    plan.hotel(ana, EVE, DAY2)
    problem = only(plan.problems(), "hotel_vs_departure")
    assert problem.message == (
        "Ana López: sale el 20/02 a las 10:00, pero el hotel termina el 19/02: "
        "la noche antes de su salida no tiene hotel."
    )


def test_hotel_matching_the_flights_is_fine(plan: Plan) -> None:
    ana = plan.person("Ana", "López")
    plan.flight(ana, at(EVE, 20), departure=at(DAY2 + timedelta(days=1), 9))
    plan.hotel(ana, EVE, DAY2 + timedelta(days=1))
    beto = plan.person("Beto", "Ruiz")  # flight known, no hotel dates yet
    plan.flight(beto, at(EVE, 22), departure=at(DAY2, 21))
    event_logistics.set_lodging(plan.s, beto.id, {"hotel": "Hotel Sede", "check_in": EVE})
    carla = plan.person("Carla", "Díaz", status=S.DECLINED)  # not coming: her booking is no concern here
    plan.flight(carla, at(DAY1, 7, 10))
    plan.hotel(carla, EVE, DAY2)
    dora = plan.person("Dora", "Paz")  # the nights short of the event are reported once, as such
    plan.flight(dora, at(EVE, 20), departure=at(DAY2, 21))
    plan.hotel(dora, EVE, DAY1)
    assert [p.kind for p in plan.problems()] == ["nights_short"]


# -- duplicate_participant --------------------------------------------------------------------------


def test_same_person_registered_twice_by_name(plan: Plan) -> None:
    first = plan.person("José", "Pérez", maternal_surname="Núñez")
    again = plan.person("jose", "PEREZ", maternal_surname="nunez", status=S.INVITED)
    problem = only(plan.problems(), "duplicate_participant")
    assert problem.record == person_record(again)
    assert problem.message == (
        f"jose PEREZ nunez ({again.code}) parece estar registrado dos veces (también como {first.code})."
    )


def test_same_email_under_another_name_is_a_duplicate(plan: Plan) -> None:
    first = plan.person("Ana", "López", email="ana@example.org")
    again = plan.person("Ana María", "López", email="ANA@example.org")
    problem = only(plan.problems(), "duplicate_participant")
    assert problem.record.id == again.id and f"también como {first.code}" in problem.message


def test_guest_with_a_members_email_is_a_duplicate(plan: Plan) -> None:
    from .helpers import add

    member = add(plan.s, "Ana", "López", email="ana@example.org")
    first = event_participants.add_member(plan.s, plan.event.id, member.id, ParticipantRole.SPEAKER)
    again = plan.person("Anita", "López", email="ana@example.org", status=S.INVITED)
    problem = only(plan.problems(), "duplicate_participant")
    assert problem.record.id == again.id and first.code in problem.message


def test_namesakes_of_another_surname_are_not_duplicates(plan: Plan) -> None:
    plan.person("José", "Pérez", maternal_surname="Núñez", email="jose1@example.org")
    plan.person("José", "Pérez", maternal_surname="Ruiz", email="jose2@example.org")
    plan.person("Josefina", "Pérez", maternal_surname="Núñez")
    assert plan.problems() == []


# -- the whole -------------------------------------------------------------------------------------


def test_several_problems_are_all_reported_and_serialise(plan: Plan) -> None:
    ana = plan.person("Ana", "López", country="US")
    sala = plan.room("Sala A")
    plan.session("Panel 1", at(DAY1, 10), at(DAY1, 11), room=sala, speakers=[ana])
    plan.session("Panel 2", at(DAY1, 10, 30), at(DAY1, 11, 30), room=sala, speakers=[ana])
    problems = plan.problems()
    assert Counter(p.kind for p in problems) == {
        "speaker_overlap": 1,
        "room_double_booked": 1,
        "missing_logistics": 1,
    }
    data = problems[0].as_dict()
    assert set(data) == {"kind", "message", "record"}
    assert set(data["record"]) == {"type", "id", "label"}
    assert set(KINDS) == {
        "speaker_overlap",
        "room_double_booked",
        "session_outside_dates",
        "missing_logistics",
        "arrives_late",
        "checkout_before_checkin",
        "nights_short",
        "hotel_vs_arrival",
        "hotel_vs_departure",
        "duplicate_participant",
    }


def test_unknown_event(db: Database) -> None:
    with db.reader() as s, pytest.raises(NotFoundError, match="No existe el evento con id 404"):
        check_event(s, 404)


def test_empty_event_has_no_problems(plan: Plan) -> None:
    assert plan.problems() == []


# -- the demo Jornada -------------------------------------------------------------------------------


def test_demo_jornada_has_exactly_one_problem_of_each_kind(demo_db_path: Path) -> None:
    database = Database.open(demo_db_path)
    try:
        with database.reader() as s:
            event_id = s.scalar(select(Event.id).where(Event.name == DEMO_NAME))
            assert event_id is not None
            problems = check_event(s, event_id)
            assert Counter(p.kind for p in problems) == dict.fromkeys(KINDS, 1)
            event = ev.get_event(s, event_id)
            ids = {
                "participant": {p.id for p in event.participants},
                "session": {x.id for x in event.sessions},
            }
            for problem in problems:
                assert problem.record.id in ids[problem.record.type], problem
                assert problem.record.label.split(" (")[0] in problem.message  # names the person or session
            by_kind = {p.kind: p for p in problems}
            assert by_kind["room_double_booked"].record.label == "Reunión de PNCS (sala por confirmar)"
            assert by_kind["session_outside_dates"].record.label == "Visita a un centro de investigación"
            assert "no tiene hotel" in by_kind["missing_logistics"].message
    finally:
        database.close()
