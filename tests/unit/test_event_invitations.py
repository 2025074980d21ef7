"""Inviting chosen members to a Jornada in one step (issue 14): new ones become participants
«invitado», those already there are reported and not added twice, anonymised members and those
who objected to contact are refused with a Spanish reason; nothing to invite writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from talentdesk import ops
from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.errors import ConflictError
from talentdesk.core.events import Participant
from talentdesk.db.session import Database
from talentdesk.ops import events as event_ops
from talentdesk.services import events, privacy
from talentdesk.services.event_participants import add_member
from tests.unit.helpers import add


@pytest.fixture()
def setup(db: Database) -> dict[str, int]:
    with db.session() as s:
        event = events.create_event(
            s, {"name": "Jornada Houston", "starts_on": date(2027, 3, 1), "ends_on": date(2027, 3, 2)}
        )
        ids = {
            "ana": add(s, "Ana", "Torres", None, email="ana@example.org").id,
            "beto": add(s, "Beto", "Luna", None).id,
            "there": add(s, "Carla", "Mora", None).id,
            "objected": add(s, "Gala", "Ríos", None, no_contact=True).id,
            "gone": add(s, "Hugo", "Paz", None).id,
        }
        add_member(s, event.id, ids["there"])
        privacy.anonymize_member(s, ids["gone"])
        ids["event"] = event.id
    return ids


def participants(db: Database, event_id: int) -> list[tuple[int | None, ParticipantStatus]]:
    with db.reader() as s:
        return [
            (member_id, status)
            for member_id, status in s.execute(
                select(Participant.member_id, Participant.status)
                .where(Participant.event_id == event_id)
                .order_by(Participant.id)
            )
        ]


def test_invites_the_new_reports_the_rest_and_undoes(db: Database, setup: dict[str, int]) -> None:
    chosen = [setup[k] for k in ("ana", "there", "objected", "gone", "beto", "ana")]
    outcome = ops.perform(db, event_ops.invite_members(setup["event"], chosen))
    invitations = outcome.value
    assert len(invitations.added) == 2 and invitations.already == ("Carla Mora",)
    assert invitations.refused == (
        "Gala Ríos pidió no ser contactado (derecho de oposición): no se le invita.",
        f"El miembro {setup['gone']} fue anonimizado: ya no se le puede invitar.",
    )
    assert outcome.message == (
        "Se invitó a 2 miembros a «Jornada Houston». 1 ya estaba en el evento: Carla Mora. "
        + " ".join(invitations.refused)
    )
    assert participants(db, setup["event"]) == [
        (setup["there"], ParticipantStatus.INVITED),
        (setup["ana"], ParticipantStatus.INVITED),
        (setup["beto"], ParticipantStatus.INVITED),
    ]
    assert outcome.undo is not None
    ops.apply_step(db, outcome.undo)
    assert participants(db, setup["event"]) == [(setup["there"], ParticipantStatus.INVITED)]


def test_nobody_to_invite_is_an_error_that_writes_nothing(db: Database, setup: dict[str, int]) -> None:
    with pytest.raises(ConflictError) as raised:
        ops.perform(db, event_ops.invite_members(setup["event"], [setup["there"], setup["objected"]]))
    assert raised.value.message == (
        "No se invitó a nadie a «Jornada Houston». 1 ya estaba en el evento: Carla Mora. "
        "Gala Ríos pidió no ser contactado (derecho de oposición): no se le invita."
    )
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 1
