"""Merge two members that are the same person: one is kept, the other folded into it.

The caller chooses, per field, whose value survives ('keep' or 'drop'). Sectors and
contributions are joined; event participations, board positions, programme participations and
candidacies move to the kept member;
the other member is deleted. Everything lands in the audit trail (the other member's delete,
each changed field of the kept one, and one 'merge' entry tying them); the audit entries of
the deleted member stay where they are. Never commits: the caller's session does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.enums import ConsentChannel
from talentdesk.core.errors import ValidationError
from talentdesk.core.events import Participant
from talentdesk.core.i18n import _
from talentdesk.core.models import AuditEntry, BoardPosition
from talentdesk.services import audit, consent_history, needs, programs
from talentdesk.services.consent_history import Origin
from talentdesk.services.members import (
    FIELDS,
    delete_member,
    get_member,
    member_values,
    update_member,
)

Side = Literal["keep", "drop"]

#: The fields whose value is chosen side by side (sectors and contributions are joined).
CHOOSABLE = tuple(f for f in FIELDS if f not in ("sector_ids", "primary_sector_id", "contribution_ids"))
_EMPTY: tuple[Any, ...] = (None, "", [])


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    dropped_id: int
    changed: tuple[str, ...]  # fields of the kept member that changed
    participations: int  # moved to the kept member
    board_positions: int  # moved to the kept member


def default_choices(keep: Mapping[str, Any], drop: Mapping[str, Any]) -> dict[str, Side]:
    """The kept member's value, unless it is empty and the other one has something."""
    return {f: ("drop" if keep.get(f) in _EMPTY and drop.get(f) not in _EMPTY else "keep") for f in CHOOSABLE}


def merge_members(
    session: Session,
    keep_id: int,
    drop_id: int,
    choices: Mapping[str, str] | None = None,
) -> MergeResult:
    """Fold member ``drop_id`` into ``keep_id``; fields not in ``choices`` use
    :func:`default_choices`."""
    if keep_id == drop_id:
        raise ValidationError.single("drop_id", "Combinar: elija dos miembros distintos.")
    bad = [f for f in (choices or {}) if f not in CHOOSABLE]
    if bad:
        raise ValidationError.single("choices", _("Combinar: campo desconocido «{bad}».").format(bad=bad[0]))
    wrong = [f for f, side in (choices or {}).items() if side not in ("keep", "drop")]
    if wrong:
        raise ValidationError.single(
            "choices",
            _("Combinar: para «{wrong}» elija 'keep' o 'drop', no «{value}».").format(
                wrong=wrong[0], value=(choices or {})[wrong[0]]
            ),
        )
    keep = get_member(session, keep_id)
    drop = get_member(session, drop_id)
    for member in (keep, drop):
        if member.anonymized_at is not None:
            raise ValidationError.single(
                "drop_id",
                _("Combinar: el miembro {id} fue anonimizado; sus datos ya no se combinan con otro.").format(
                    id=member.id
                ),
            )
    kept_values = member_values(keep)
    dropped_values = member_values(drop)
    chosen: dict[str, Any] = dict(default_choices(kept_values, dropped_values))
    chosen.update(choices or {})

    wanted: dict[str, Any] = {f: dropped_values[f] for f, side in chosen.items() if side == "drop"}
    sectors = sorted(set(kept_values["sector_ids"]) | set(dropped_values["sector_ids"]))
    if sectors != kept_values["sector_ids"]:
        wanted["sector_ids"] = sectors
        wanted["primary_sector_id"] = kept_values["primary_sector_id"] or dropped_values["primary_sector_id"]
    contributions = sorted(set(kept_values["contribution_ids"]) | set(dropped_values["contribution_ids"]))
    if contributions != kept_values["contribution_ids"]:
        wanted["contribution_ids"] = contributions

    # Participations: to the kept member, unless it already takes part in that event.
    kept_events = set(session.scalars(select(Participant.event_id).where(Participant.member_id == keep_id)))
    moved = 0
    for participant in session.scalars(select(Participant).where(Participant.member_id == drop_id)):
        if participant.event_id in kept_events:
            participant.member_id = None
            continue
        participant.member_id = keep_id
        kept_events.add(participant.event_id)
        moved += 1
    # Board positions: to the kept member, unless it already holds the same one.
    held = {
        (b.chapter_id, b.role, b.term_start, b.term_end)
        for b in session.scalars(select(BoardPosition).where(BoardPosition.member_id == keep_id))
    }
    boards = 0
    for position in session.scalars(select(BoardPosition).where(BoardPosition.member_id == drop_id)):
        key = (
            position.chapter_id,
            position.role,
            position.term_start,
            position.term_end,
        )
        if key in held:
            session.delete(position)
            continue
        position.member_id = keep_id
        held.add(key)
        boards += 1
    # The consent history is the same person's: it stays with the kept member.
    consent_history.move(session, drop_id, keep_id)
    programs.move_member(session, drop_id, keep_id)
    needs.move_member(session, drop_id, keep_id)
    session.flush()

    delete_member(session, drop_id)  # audited; frees its e-mail for the kept member
    origin = Origin(ConsentChannel.MERGE, f"combinado con el miembro {drop_id}")
    changes = update_member(session, keep_id, wanted, origin=origin) if wanted else {}
    session.add(
        AuditEntry(
            user=audit.current_user(),
            entity="member",
            entity_id=keep_id,
            action="merge",
            old_value=audit.snapshot_text(dropped_values),
            new_value=json.dumps(
                {
                    "merged_id": drop_id,
                    "from_other": sorted(f for f, side in chosen.items() if side == "drop"),
                    "participations": moved,
                    "board_positions": boards,
                },
                ensure_ascii=False,
            ),
        )
    )
    session.flush()
    return MergeResult(keep_id, drop_id, tuple(sorted(changes)), moved, boards)
