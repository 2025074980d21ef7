"""Set validated values on a record and audit what really changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.services import audit


def apply_changes(
    session: Session, entity: str, record: Any, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    changes = {}
    for field, new in values.items():
        old = getattr(record, field)
        if old != new:
            changes[field] = (old, new)
            setattr(record, field, new)
    if changes and record.id is not None:
        session.flush()
        audit.record_changes(session, entity, record.id, changes)
    return changes


def snapshot(record: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(record, f) for f in fields}
