"""Apply an import plan and keep it in the import history (``services/import_history``)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from talentdesk.core.models import Member
from talentdesk.db.backup import backup_before_import
from talentdesk.imports.apply import apply_import
from talentdesk.imports.plan import Action, ImportPlan, ImportResult
from talentdesk.services import import_history
from talentdesk.services.members import member_values

UPDATING = (Action.UPDATE, Action.FILL, Action.OVERWRITE)
CHUNK = 900


def _values(session: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(Member)
            .where(Member.id.in_(ids[start : start + CHUNK]))
            .options(selectinload(Member.sector_links), selectinload(Member.contributions))
        )
        out.update({m.id: member_values(m) for m in session.scalars(stmt)})
    return out


def apply_and_record(
    session: Session,
    plan: ImportPlan,
    *,
    valid_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    abort: threading.Event | None = None,
) -> tuple[ImportResult, int | None]:
    """Write the plan, then record what it created and, field by field, what it changed."""
    backup_before_import(session.get_bind().engine)  # under this session's write lock
    targets = sorted({r.target for r in plan.rows if r.ok and r.action in UPDATING and r.target is not None})
    before = _values(session, targets)
    result = apply_import(session, plan, valid_only=valid_only, progress=progress, abort=abort)
    session.flush()
    after = _values(session, sorted(result.updated_ids))
    changed = {}
    for member_id, now in after.items():
        old = before.get(member_id, {})
        fields = [k for k in now if old.get(k) != now[k]]
        if fields:
            changed[member_id] = ({k: old.get(k) for k in fields}, {k: now[k] for k in fields})
    summary = result.summary
    run_id = import_history.record_run(
        session,
        plan.source.name,
        rows=summary.rows,
        skipped=summary.skipped,
        errors=summary.errors,
        created_ids=result.created_ids,
        changed=changed,
    )
    return result, run_id
