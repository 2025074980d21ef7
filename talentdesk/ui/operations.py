"""Undoable create and update operations, built the same way for every kind of record.

Services report what an update really changed as ``{field: (old, new)}``; undo sets the old
values back and redo the new ones through the same service. A create is undone by deleting the
record after keeping a snapshot, and redone by restoring that snapshot (the same id when free).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.ui.context import Changes, OpResult
from talentdesk.ui.tasks import Task

Update = Callable[[Session, int, dict[str, Any]], Mapping[str, tuple[Any, Any]]]


def undoable_update(
    session: Session, record_id: int, values: dict[str, Any], update: Update, changes: Changes
) -> OpResult[int]:
    changed = update(session, record_id, values)
    if not changed:
        return OpResult(record_id, Changes())
    before = {field: old for field, (old, _new) in changed.items()}
    after = {field: new for field, (_old, new) in changed.items()}
    return OpResult(
        record_id,
        changes,
        undo=lambda s, _t: update(s, record_id, before),
        redo=lambda s, _t: update(s, record_id, after),
    )


def undoable_create(
    record_id: int,
    changes: Changes,
    *,
    snapshot: Callable[[Session, int], dict[str, Any]],
    delete: Callable[[Session, int], object],
    restore: Callable[[Session, dict[str, Any]], Any],
) -> OpResult[int]:
    current = [record_id]
    saved: dict[str, Any] = {}

    def undo(s: Session, _t: Task) -> None:
        saved.update(snapshot(s, current[0]))
        delete(s, current[0])

    def redo(s: Session, _t: Task) -> None:
        current[0] = restore(s, saved).id

    return OpResult(record_id, changes, undo=undo, redo=redo)
