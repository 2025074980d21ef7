"""Inviting a chosen group of members to a Jornada at once (from "Buscar talento" or the command
line): each becomes a participant «invitado» (``event_participants.add_member``); those already
in the event are reported, not added twice, and those who may not be invited are refused with the
reason, while the others are invited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ParticipantRole
from talentdesk.core.errors import ConflictError
from talentdesk.core.events import Participant
from talentdesk.core.i18n import _, ngettext
from talentdesk.core.models import Member
from talentdesk.services.event_participants import add_member
from talentdesk.services.events import get_event


@dataclass(frozen=True)
class Invitations:
    """What inviting a group did: the new participants, who was there already, who was refused."""

    event: str
    added: tuple[int, ...] = ()  # participant ids
    already: tuple[str, ...] = ()  # names of members already in the event
    refused: tuple[str, ...] = field(default=())  # one Spanish reason per member refused

    def summary(self) -> str:
        invited = ngettext(
            "Se invitó a {n} miembro a «{event}».", "Se invitó a {n} miembros a «{event}».", len(self.added)
        ).format(n=len(self.added), event=self.event)
        return _report(invited, self)


def _report(first: str, result: Invitations) -> str:
    parts = [first]
    if result.already:
        parts.append(
            ngettext(
                "{n} ya estaba en el evento: {names}.",
                "{n} ya estaban en el evento: {names}.",
                len(result.already),
            ).format(n=len(result.already), names=", ".join(result.already))
        )
    return " ".join(parts + list(result.refused))


def refusal(member: Member | None, member_id: int) -> str | None:
    """Why a member may not be invited (Spanish), or None."""
    if member is None:
        return _("No existe el miembro con id {member_id}.").format(member_id=member_id)
    if member.anonymized_at is not None:
        return _("El miembro {member_id} fue anonimizado: ya no se le puede invitar.").format(
            member_id=member_id
        )
    if member.no_contact:
        return _("{full_name} pidió no ser contactado (derecho de oposición): no se le invita.").format(
            full_name=member.full_name
        )
    return None


def invite_members(
    session: Session,
    event_id: int,
    member_ids: Sequence[int],
    role: ParticipantRole | str = ParticipantRole.ATTENDEE,
) -> Invitations:
    """Invite every member of ``member_ids`` who may be invited and is not in the event yet.
    Nothing to invite at all (every one already there or refused) is an error saying why."""
    event = get_event(session, event_id)
    there = set(
        session.scalars(
            select(Participant.member_id).where(
                Participant.event_id == event_id, Participant.member_id.is_not(None)
            )
        )
    )
    added: list[int] = []
    already: list[str] = []
    refused: list[str] = []
    for member_id in dict.fromkeys(member_ids):
        member = session.get(Member, member_id)
        reason = refusal(member, member_id)
        if reason is not None:
            refused.append(reason)
        elif member_id in there:
            assert member is not None
            already.append(member.full_name)
        else:
            added.append(add_member(session, event_id, member_id, role).id)
    result = Invitations(event.name, tuple(added), tuple(already), tuple(refused))
    if not added:
        raise ConflictError(_report(_("No se invitó a nadie a «{event}».").format(event=event.name), result))
    return result
