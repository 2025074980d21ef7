"""Changes to many members at once (undo comes from the row journal: talentdesk/ops).

Bulk changes go through the ORM in batches so that each member's derived search words and
the audit trail stay right; they report progress and honour an abort event between batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.enums import MemberStatus
from talentdesk.core.errors import NotFoundError
from talentdesk.core.i18n import _
from talentdesk.core.jobs import check_abort
from talentdesk.core.models import Chapter, Member, MemberSector, Sector
from talentdesk.services import audit
from talentdesk.services.members import member_values

Progress = Callable[[int, int], None]
BATCH = 500

#: Per member id, the values of the fields a bulk change touched, before it.
Before = dict[int, dict[str, Any]]


def _members(session: Session, ids: Sequence[int]) -> list[Member]:
    stmt = (
        select(Member)
        .where(Member.id.in_(ids))
        .options(selectinload(Member.sector_links), selectinload(Member.contributions))
    )
    return list(session.scalars(stmt))


def _each_batch(
    session: Session,
    ids: Sequence[int],
    progress: Progress | None,
    abort: threading.Event | None,
) -> Any:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), BATCH):
        check_abort(abort)
        yield _members(session, unique[start : start + BATCH])
        session.flush()
        if progress is not None:
            progress(min(start + BATCH, len(unique)), len(unique))


def set_field(
    session: Session,
    ids: Sequence[int],
    field: str,
    value: Any,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> Before:
    """Set chapter_id or status on many members; returns the old values of those changed."""
    if field == "chapter_id":
        if value is not None and session.get(Chapter, value) is None:
            raise NotFoundError(_("No existe el capítulo con id {value}.").format(value=value))
    elif field == "status":
        value = MemberStatus(value)
    else:
        raise ValueError(field)
    before: Before = {}
    for batch in _each_batch(session, ids, progress, abort):
        for member in batch:
            old = getattr(member, field)
            if old != value:
                before[member.id] = {field: old}
                setattr(member, field, value)
                audit.record_changes(session, "member", member.id, {field: (old, value)})
    return before


def add_sector(
    session: Session,
    ids: Sequence[int],
    sector_id: int,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> Before:
    if session.get(Sector, sector_id) is None:
        raise NotFoundError(_("No existe el sector con id {sector_id}.").format(sector_id=sector_id))
    before: Before = {}
    for batch in _each_batch(session, ids, progress, abort):
        for member in batch:
            old = member_values(member)
            if sector_id in old["sector_ids"]:
                continue
            before[member.id] = {
                "sector_ids": old["sector_ids"],
                "primary_sector_id": old["primary_sector_id"],
            }
            member.sector_links.append(MemberSector(sector_id=sector_id, is_primary=not member.sector_links))
            member.refresh_derived()
            audit.record_changes(
                session,
                "member",
                member.id,
                {"sector_ids": (old["sector_ids"], sorted(member.sector_ids))},
            )
    return before


def remove_sector(
    session: Session,
    ids: Sequence[int],
    sector_id: int,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> Before:
    before: Before = {}
    for batch in _each_batch(session, ids, progress, abort):
        for member in batch:
            old = member_values(member)
            if sector_id not in old["sector_ids"]:
                continue
            before[member.id] = {
                "sector_ids": old["sector_ids"],
                "primary_sector_id": old["primary_sector_id"],
            }
            member.sector_links = [link for link in member.sector_links if link.sector_id != sector_id]
            if member.sector_links and not any(link.is_primary for link in member.sector_links):
                member.sector_links[0].is_primary = True
            member.refresh_derived()
            audit.record_changes(
                session,
                "member",
                member.id,
                {"sector_ids": (old["sector_ids"], sorted(member.sector_ids))},
            )
    return before
