"""Changes to many members at once, and what undo needs: snapshots and their restore.

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
from talentdesk.core.errors import NotFoundError, TalentDeskError
from talentdesk.core.models import Chapter, ConsentChange, ContributionType, Member, MemberSector, Sector
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
        if abort is not None and abort.is_set():
            raise TalentDeskError("Operación cancelada: no se guardó nada.")
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
            raise NotFoundError(f"No existe el capítulo con id {value}.")
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
        raise NotFoundError(f"No existe el sector con id {sector_id}.")
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
                session, "member", member.id, {"sector_ids": (old["sector_ids"], sorted(member.sector_ids))}
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
                session, "member", member.id, {"sector_ids": (old["sector_ids"], sorted(member.sector_ids))}
            )
    return before


def restore_fields(
    session: Session,
    before: Before,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> Before:
    """Put back what a bulk change replaced (undo); returns what it replaced in turn (redo)."""
    after: Before = {}
    ids = list(before)
    for batch in _each_batch(session, ids, progress, abort):
        for member in batch:
            old = before[member.id]
            current = member_values(member)
            after[member.id] = {k: current[k] for k in old}
            changes = {k: (current[k], v) for k, v in old.items() if current[k] != v}
            if "chapter_id" in old:
                member.chapter_id = old["chapter_id"]
            if "status" in old:
                member.status = old["status"]
            if "sector_ids" in old:
                existing = {link.sector_id: link for link in member.sector_links}
                member.sector_links = [
                    existing.get(s) or MemberSector(sector_id=s) for s in old["sector_ids"]
                ]
                for link in member.sector_links:
                    link.is_primary = link.sector_id == old["primary_sector_id"]
            member.refresh_derived()
            if changes:
                audit.record_changes(session, "member", member.id, changes)
    return after


def snapshot(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Everything needed to bring members back after a delete (undo), their consent history
    included (it is deleted with the member)."""
    history: dict[int, list[dict[str, Any]]] = {}
    for row in session.scalars(select(ConsentChange).where(ConsentChange.member_id.in_(ids))):
        history.setdefault(row.member_id, []).append(
            {c.key: getattr(row, c.key) for c in ConsentChange.__table__.columns if c.key != "id"}
        )
    return [{"id": m.id, **member_values(m), _HISTORY: history.get(m.id, [])} for m in _members(session, ids)]


_HISTORY = "consent_history"


def restore_members(session: Session, snapshots: Sequence[dict[str, Any]]) -> list[int]:
    """Re-create deleted members with their original ids (undo of a delete)."""
    restored = []
    for snap in snapshots:
        values = dict(snap)
        member_id = values.pop("id")
        history = values.pop(_HISTORY, [])
        if session.get(Member, member_id) is not None:
            raise TalentDeskError(f"El miembro {member_id} ya existe: no se puede restaurar.")
        sector_ids = values.pop("sector_ids")
        primary = values.pop("primary_sector_id")
        contribution_ids = values.pop("contribution_ids")
        print_fields = values.pop("print_fields")
        member = Member(id=member_id, **values)
        member.print_fields = print_fields
        member.sector_links = [MemberSector(sector_id=s, is_primary=s == primary) for s in sector_ids]
        if contribution_ids:
            member.contributions = list(
                session.scalars(select(ContributionType).where(ContributionType.id.in_(contribution_ids)))
            )
        session.add(member)
        session.flush()
        session.add_all(ConsentChange(**row) for row in history)
        audit.record_create(
            session,
            "member",
            member.id,
            {"restored": True, **{k: v for k, v in snap.items() if k != _HISTORY}},
        )
        restored.append(member_id)
    return restored
