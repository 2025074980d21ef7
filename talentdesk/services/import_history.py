"""Import history: what each import did, and undoing an import as one step, later.

An import of 100,000 rows is too large for the row journal (``talentdesk.ops.journal`` keeps
every touched row in memory), and it must stay undoable after the window is closed. So the
import records what it did here: the members it created, and for the members it changed the
fields it changed, before and after. Undoing a run deletes the members it created and puts the
changed fields back — only while nothing touched them since; otherwise it refuses and names
what blocks it (edited since, added to a Jornada or a board since…).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

import talentdesk.core.programs  # noqa: F401  (registers the linkage tables that point at members)
from talentdesk.core.dates import local_stamp
from talentdesk.core.errors import ConflictError, NotFoundError
from talentdesk.core.i18n import N_, _, ngettext
from talentdesk.core.jobs import Job
from talentdesk.core.models import AuditEntry, Base, ImportRun, ImportRunMember, Member, utcnow
from talentdesk.services import audit, consent_history
from talentdesk.services.members import member_values, update_member

#: Tables an import writes along with the member (undoing it removes them with the member).
IMPORT_WRITES = frozenset({"members", "member_sectors", "member_contributions", "consent_changes"})
#: Where a member can be used after an import, as a refusal names it.
USED_IN = {
    "board_positions": N_("una mesa directiva"),
    "participants": N_("una Jornada"),
    "program_people": N_("un programa de vinculación"),
    "need_candidates": N_("una solicitud"),
    "saved_list_members": N_("una lista guardada"),
}
CHUNK = 900  # ids per IN (...): under SQLite's default limit of bound parameters
SHOWN = 10  # blockers named in a refusal


@dataclass(frozen=True)
class RunSummary:
    id: int
    at: datetime
    user: str
    file_name: str
    rows: int
    created: int
    updated: int
    skipped: int
    errors: int
    undone_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "user": self.user,
            "file": self.file_name,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": self.errors,
            "undone_at": self.undone_at.isoformat(timespec="seconds") if self.undone_at else None,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _json(values: Mapping[str, Any]) -> str:
    return json.dumps({k: _plain(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def record_run(
    session: Session,
    file_name: str,
    *,
    rows: int,
    skipped: int,
    errors: int,
    created_ids: Sequence[int],
    changed: Mapping[int, tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> int | None:
    """Keep what an import did (``changed``: member id → (fields before, fields after)).
    Returns the run's id, or None when it wrote nothing (nothing to list or undo)."""
    if not created_ids and not changed:
        return None
    run = ImportRun(
        user=audit.current_user(),
        file_name=file_name[:255],
        rows=rows,
        created=len(created_ids),
        updated=len(changed),
        skipped=skipped,
        errors=errors,
    )
    session.add(run)
    session.flush()
    values: list[dict[str, Any]] = [
        {"run_id": run.id, "member_id": i, "created": True, "before": None, "after": None}
        for i in created_ids
    ]
    values += [
        {"run_id": run.id, "member_id": i, "created": False, "before": _json(b), "after": _json(a)}
        for i, (b, a) in changed.items()
    ]
    for start in range(0, len(values), 5000):
        session.execute(insert(ImportRunMember), values[start : start + 5000])
    return run.id


def list_runs(session: Session, limit: int = 200) -> list[RunSummary]:
    stmt = select(ImportRun).order_by(ImportRun.id.desc()).limit(limit)
    return [
        RunSummary(
            r.id, r.at, r.user, r.file_name, r.rows, r.created, r.updated, r.skipped, r.errors, r.undone_at
        )
        for r in session.scalars(stmt)
    ]


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _referencing_tables() -> list[tuple[Table, str]]:
    """Every (table, column) that points at a member and is not written by the import itself."""
    out = []
    for table in Base.metadata.sorted_tables:
        if table.name in IMPORT_WRITES:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "members":
                out.append((table, fk.parent.name))
    return out


def _name(session: Session, member_id: int) -> str:
    member = session.get(Member, member_id)
    return member.full_name if member is not None else _("el miembro {id}").format(id=member_id)


def blockers(session: Session, run_id: int, job: Job | None = None) -> list[str]:
    """Why the run cannot be undone now, one line per member (empty: it can)."""
    run = _run(session, run_id)
    created = list(
        session.scalars(
            select(ImportRunMember.member_id).where(
                ImportRunMember.run_id == run_id, ImportRunMember.created.is_(True)
            )
        )
    )
    problems: list[str] = []
    for ids in _chunks(created):
        if job is not None:
            job.check()
        gone = set(ids) - set(session.scalars(select(Member.id).where(Member.id.in_(ids))))
        problems += [
            _("{name}: ya no existe.").format(name=_("el miembro {id}").format(id=i)) for i in sorted(gone)
        ]
        edited = session.scalars(select(Member.id).where(Member.id.in_(ids), Member.updated_at > run.at))
        problems += [
            _("{name}: se editó después de la importación.").format(name=_name(session, i)) for i in edited
        ]
        for table, column in _referencing_tables():
            col = table.c[column]
            used = session.scalars(select(col).where(col.in_(ids)).distinct())
            problems += [
                _("{name}: está en {where} desde la importación.").format(
                    name=_name(session, i),
                    where=_(USED_IN[table.name]) if table.name in USED_IN else table.name,
                )
                for i in used
            ]
    changed = session.scalars(
        select(ImportRunMember).where(ImportRunMember.run_id == run_id, ImportRunMember.created.is_(False))
    )
    for row in changed:
        member = session.get(Member, row.member_id)
        if member is None:
            problems.append(
                _("{name}: ya no existe.").format(name=_("el miembro {id}").format(id=row.member_id))
            )
            continue
        now = {k: _plain(v) for k, v in member_values(member).items()}
        after = json.loads(row.after or "{}")
        if any(now.get(k) != v for k, v in after.items()):
            problems.append(_("{name}: se editó después de la importación.").format(name=member.full_name))
    return problems


def _run(session: Session, run_id: int) -> ImportRun:
    run = session.get(ImportRun, run_id)
    if run is None:
        raise NotFoundError(_("No existe la importación {id}.").format(id=run_id))
    return run


def undo_run(session: Session, run_id: int, job: Job | None = None) -> RunSummary:
    """Delete what the run created and put back what it changed; all or nothing."""
    job = job if job is not None else Job()
    run = _run(session, run_id)
    if run.undone_at is not None:
        raise ConflictError(
            _("La importación de «{file}» ya se deshizo el {when}.").format(
                file=run.file_name, when=local_stamp(run.undone_at)
            )
        )
    problems = blockers(session, run_id, job)
    if problems:
        more = len(problems) - SHOWN
        listed = "\n".join(f"• {p}" for p in problems[:SHOWN])
        tail = ("\n" + ngettext("…y {n} más.", "…y {n} más.", more).format(n=more)) if more > 0 else ""
        raise ConflictError(
            _("No se puede deshacer la importación de «{file}»; cambió desde entonces:").format(
                file=run.file_name
            )
            + "\n"
            + listed
            + tail
        )
    rows = list(session.scalars(select(ImportRunMember).where(ImportRunMember.run_id == run_id)))
    changed = [r for r in rows if not r.created]
    created = [r.member_id for r in rows if r.created]
    total = len(rows) or 1
    origin = consent_history.imported(run.file_name).undoing()
    for n, row in enumerate(changed, start=1):
        if n % 200 == 0:
            job.check()
            job.progress(n, total)
        update_member(session, row.member_id, json.loads(row.before or "{}"), origin=origin)
    session.flush()
    now = utcnow()
    user = audit.current_user()
    for n, ids in enumerate(_chunks(created), start=1):
        job.check()
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": now,
                    "user": user,
                    "entity": "member",
                    "entity_id": i,
                    "action": "delete",
                    "old_value": json.dumps({"importación deshecha": run.file_name}, ensure_ascii=False),
                }
                for i in ids
            ],
        )
        session.execute(delete(Member).where(Member.id.in_(ids)))  # links go with them (cascade)
        job.progress(len(changed) + n * CHUNK, total)
    run.undone_at, run.undone_by = now, user
    audit.record_event(session, "import", "undo", f"importación {run.id} «{run.file_name}» deshecha")
    session.flush()
    return RunSummary(
        run.id,
        run.at,
        run.user,
        run.file_name,
        run.rows,
        run.created,
        run.updated,
        run.skipped,
        run.errors,
        run.undone_at,
    )


def count_runs(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ImportRun)) or 0)
