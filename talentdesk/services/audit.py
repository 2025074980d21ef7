"""The audit trail: written in the same transaction as the change it describes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.models import AuditEntry
from talentdesk.core.user import current_user as current_user  # callers know it as audit.current_user


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(str(as_text(v)) for v in value)
    return str(value)


def snapshot_text(values: Mapping[str, Any]) -> str:
    """The JSON a create or delete entry keeps: every non-empty value as text."""
    snapshot = {k: as_text(v) for k, v in values.items() if v not in (None, "", [], ())}
    return json.dumps(snapshot, ensure_ascii=False)


def record_create(session: Session, entity: str, entity_id: int, values: Mapping[str, Any]) -> None:
    session.add(
        AuditEntry(
            user=current_user(),
            entity=entity,
            entity_id=entity_id,
            action="create",
            new_value=snapshot_text(values),
        )
    )


def record_changes(
    session: Session, entity: str, entity_id: int, changes: Mapping[str, tuple[Any, Any]]
) -> None:
    for field, (old, new) in changes.items():
        session.add(
            AuditEntry(
                user=current_user(),
                entity=entity,
                entity_id=entity_id,
                action="update",
                field=field,
                old_value=as_text(old),
                new_value=as_text(new),
            )
        )


def record_delete(session: Session, entity: str, entity_id: int, values: Mapping[str, Any]) -> None:
    session.add(
        AuditEntry(
            user=current_user(),
            entity=entity,
            entity_id=entity_id,
            action="delete",
            old_value=snapshot_text(values),
        )
    )


def record_event(session: Session, entity: str, action: str, note: str) -> None:
    """A change that concerns many records at once (demo data, bulk loads)."""
    session.add(AuditEntry(user=current_user(), entity=entity, action=action, new_value=note))


def history(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(stmt))


def record_reverted(
    session: Session,
    label: str,
    entity: str,
    entity_id: int | None,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> None:
    """One row put back by undo or redo (``action``: "undo"/"redo"); ``label`` names the step."""
    if action not in ("undo", "redo"):
        raise ValueError(action)
    fields = sorted(set(before or {}) | set(after or {}))
    changed = [f for f in fields if (before or {}).get(f) != (after or {}).get(f)]
    session.add(
        AuditEntry(
            user=current_user(),
            entity=entity,
            entity_id=entity_id,
            action=action,
            field=",".join(changed)[:60] or None,
            old_value=snapshot_text({"paso": label, **{f: (before or {}).get(f) for f in changed}}),
            new_value=snapshot_text({f: (after or {}).get(f) for f in changed}),
        )
    )
