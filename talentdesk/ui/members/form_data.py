"""What the member form loads in the background before it can be edited: the reference lists,
the member's values in the shape the services take, and the consent history."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.models import Member
from talentdesk.services import consent_history, reference
from talentdesk.services.history import HistoryRow, member_history
from talentdesk.services.members import get_member, member_values


@dataclass(frozen=True)
class FormData:
    chapters: list[tuple[int, str]]
    sectors: list[tuple[int, str]]
    contributions: list[tuple[int, str, str]]  # id, code, name
    values: dict[str, Any] | None  # None for a new member
    consent_history: list[consent_history.ConsentRecord] = dataclasses.field(default_factory=list)
    anonymized_at: datetime | None = None
    history: list[HistoryRow] = dataclasses.field(default_factory=list)  # programmes, needs, Jornadas


def load_form_data(session: Session, member_id: int | None) -> FormData:
    member = get_member(session, member_id) if member_id is not None else None
    return FormData(
        chapters=[(c.id, c.name) for c in reference.chapters(session)],
        sectors=[(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)],
        contributions=[(c.id, c.code, c.label) for c in reference.contribution_types(session)],
        values=member_values(member) if member is not None else None,
        consent_history=consent_history.records(session, member.id) if member is not None else [],
        anonymized_at=member.anonymized_at if member is not None else None,
        history=member_history(session, member.id) if member is not None else [],
    )


def max_length(field: str) -> int:
    """The column's length limit (0: none), so a text field never takes more than it can keep."""
    length = getattr(Member.__table__.c[field].type, "length", None)
    return int(length) if length else 0
