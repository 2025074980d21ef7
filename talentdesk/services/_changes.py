"""Set validated values on a record and audit what really changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.models import Sector
from talentdesk.services import audit


def apply_changes(
    session: Session, entity: str, record: Any, values: Mapping[str, Any], *, entity_id: int | None = None
) -> dict[str, tuple[Any, Any]]:
    """``entity_id`` for records keyed otherwise than by ``id`` (travel, lodging: the participant)."""
    changes = {}
    for field, new in values.items():
        old = getattr(record, field)
        if old != new:
            changes[field] = (old, new)
            setattr(record, field, new)
    key = entity_id if entity_id is not None else getattr(record, "id", None)
    if changes and key is not None:
        session.flush()
        audit.record_changes(session, entity, key, changes)
    return changes


def snapshot(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(record, f) for f in fields}


def sectors_by_ids(session: Session, ids: list[int]) -> list[Sector]:
    """The sectors with these ids, in PNCS order (unknown ids are simply absent)."""
    return list(session.scalars(select(Sector).where(Sector.id.in_(ids)).order_by(Sector.number)))


def replace_sectors(
    session: Session, entity: str, record: Any, sector_ids: list[int], changes: dict[str, tuple[Any, Any]]
) -> None:
    """Set a record's sector links (chapters, organisations), auditing and reporting a real change."""
    old = [s.id for s in record.sectors]
    if sorted(old) != sorted(sector_ids):
        record.sectors = sectors_by_ids(session, sector_ids)
        changes["sector_ids"] = (old, sector_ids)
        audit.record_changes(session, entity, record.id, {"sector_ids": (old, sector_ids)})
