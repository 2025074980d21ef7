"""Carrying out a member import plan in the caller's transaction (never committing).

New members go in with the bulk path (``db.bulk`` inside ``search_index.bulk_member_load``;
derived columns from ``core.models.member_search_text``; audit rows in bulk). Updates go
through ``services.members.update_member`` so only fields that really change are written and
audited. A cancelled or failed apply raises, and the caller's session rolls everything back.
With ``valid_only=False`` (all or nothing) a plan with errors is refused before anything is
written.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import MemberStatus, PrintField
from talentdesk.core.errors import ValidationError
from talentdesk.core.i18n import _
from talentdesk.core.models import (
    Base,
    Member,
    member_contributions,
    member_search_text,
    utcnow,
)
from talentdesk.core.text import name_sort_key
from talentdesk.db.search_index import bulk_member_load
from talentdesk.imports.duplicates import email_owners
from talentdesk.imports.errors import check_abort
from talentdesk.imports.plan import (
    CREATE_BATCH,
    FIRST_BATCH,
    Action,
    ImportHasErrors,
    ImportPlan,
    ImportResult,
    ImportSummary,
    Progress,
    RowPlan,
    current_values,
    merge_row_values,
    planned_updates,
)
from talentdesk.imports.values import RowError
from talentdesk.services import audit, consent_history
from talentdesk.services.members import TEXT_FIELDS, update_member

# -- apply -----------------------------------------------------------------------------------------


def apply_import(
    session: Session,
    plan: ImportPlan,
    *,
    valid_only: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ImportResult:
    """Write the plan in the caller's transaction; never commits.

    ``valid_only=False``: any error refuses the whole import (ImportHasErrors, nothing written).
    ``valid_only=True``: rows with errors are left out and the rest is written.
    """
    found = plan.errors()
    if found and not valid_only:
        raise ImportHasErrors(found)
    late: list[RowError] = []
    headers = {f: plan.source.headers[i] for i, f in enumerate(plan.columns) if f is not None}
    # The plan's own values, copied only for the rows later duplicates are merged into.
    work = {r.index: r.values for r in plan.rows if r.ok}
    copied: set[int] = set()
    merged = 0
    for row in plan.rows:
        dup = row.duplicate
        if not row.ok or dup is None or not dup.in_file or row.action not in (Action.FILL, Action.OVERWRITE):
            continue
        leader = plan.row(dup.row or 0)
        if leader.ok and leader.action is not Action.SKIP:
            if leader.index not in copied:
                work[leader.index] = dict(work[leader.index])
                copied.add(leader.index)
            merged += merge_row_values(work[leader.index], row.values, row.action)
    updates = [
        r
        for r in plan.rows
        if r.ok and r.action in (Action.UPDATE, Action.FILL, Action.OVERWRITE) and r.target is not None
    ]
    creates = [r for r in plan.rows if r.ok and r.action is Action.CREATE]
    total = len(updates) + len(creates)
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    updated_ids: list[int] = []
    origin = consent_history.imported(plan.source.name)
    for n, row in enumerate(updates):
        if n % 100 == 0:
            check_abort(abort)
        target = row.target
        assert target is not None
        try:
            current = current_values(session, [target], abort)[target]
            changes = planned_updates(row.action, work[row.index], row.blank, current)
            if changes and update_member(session, target, changes, origin=origin):
                updated_ids.append(target)
        except ValidationError as exc:
            errors = [_field_error(row, e.field, e.message, headers) for e in exc.errors]
            if not valid_only:
                raise ImportHasErrors(errors) from exc
            late += errors
        tick(1)
    creates, refused = _still_free(session, creates, work, headers)
    if refused and not valid_only:
        raise ImportHasErrors(refused)
    late += refused
    created_ids = _create(session, creates, work, tick, abort, origin)
    if created_ids or updated_ids:
        audit.record_event(
            session,
            "member",
            "import",
            f"Importación de «{plan.source.name}»: {len(created_ids):,} nuevos, {len(set(updated_ids)):,} actualizados.",
        )
    session.flush()
    check_abort(abort)
    base = plan.summary()
    written = len(created_ids) + len(set(updated_ids))
    late_rows = {e.row for e in late}
    summary = ImportSummary(
        rows=base.rows,
        new=len(created_ids),
        updated=len(set(updated_ids)) + merged,
        duplicates=base.duplicates,
        skipped=base.rows - len(created_ids) - len(set(updated_ids)) - merged - base.errors - len(late_rows),
        errors=base.errors + len(late_rows),
        written=written,
    )
    return ImportResult(summary, created_ids, sorted(set(updated_ids)), [*found, *late])


def _field_error(row: RowPlan, field_name: str, message: str, headers: dict[str, str]) -> RowError:
    source = {
        "chapter": "chapter",
        "sectors": "sectors",
        "primary_sector": "primary_sector",
        "contributions": "contributions",
    }
    column = headers.get(source.get(field_name, field_name))
    if column is None and field_name in ("given_names", "paternal_surname", "maternal_surname"):
        column = headers.get("full_name") or headers.get("surnames")
    value = row.values.get(field_name)
    return RowError(row.number, column, None if value is None else str(audit.as_text(value)), message)


def _still_free(
    session: Session, creates: list[RowPlan], work: dict[int, dict[str, Any]], headers: dict[str, str]
) -> tuple[list[RowPlan], list[RowError]]:
    """E-mails of new members, checked again: someone may have registered one meanwhile."""
    owners = email_owners(session, [work[r.index].get("email") or "" for r in creates])
    keep: list[RowPlan] = []
    refused: list[RowError] = []
    for row in creates:
        email = work[row.index].get("email")
        if email and email in owners:
            refused.append(
                RowError(
                    row.number,
                    headers.get("email"),
                    email,
                    _(
                        "Correo electrónico: «{email}» ya está registrado para otro miembro (id {owners})."
                    ).format(email=email, owners=owners[email]),
                )
            )
        else:
            keep.append(row)
    return keep, refused


def _code(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _create(
    session: Session,
    rows: list[RowPlan],
    work: dict[int, dict[str, Any]],
    tick: Callable[[int], None],
    abort: threading.Event | None,
    origin: consent_history.Origin,
) -> list[int]:
    """Bulk insert: one thread builds the next batch while another writes the previous one.

    SQLite does the inserting with the GIL released, so on two cores building rows in Python
    and writing them overlap (a third less time at 100,000 members). Only the writer thread
    touches the connection, and only while the builder waits for it or works on plain data.
    """
    if not rows:
        return []
    session.flush()
    conn = session.connection()
    now = utcnow()
    user = audit.current_user()
    created: list[int] = []
    with (
        bulk_member_load(conn),
        _quick_gil_handoff(),
        ThreadPoolExecutor(1, thread_name_prefix="import-writer") as writer,
    ):
        next_id = int(conn.execute(select(func.coalesce(func.max(Member.id), 0))).scalar_one()) + 1
        pending: Future[None] | None = None
        pending_size = 0
        try:
            for start, stop in _batches(len(rows)):
                check_abort(abort)
                batch = _Batch()
                for row in rows[start:stop]:
                    values = work[row.index]
                    record, sectors, contributions, snapshot = _new_member(next_id, values, now)
                    batch.add(record, sectors, contributions, snapshot, now, user)
                    if not consent_history.is_default(values):
                        batch.consents.append(
                            consent_history.bulk_row(
                                next_id, values, record["print_fields"], origin, now, user
                            )
                        )
                    created.append(next_id)
                    next_id += 1
                if pending is not None:
                    pending.result()
                    tick(pending_size)
                pending, pending_size = writer.submit(batch.write, conn), len(batch.members)
            if pending is not None:
                pending.result()
                tick(pending_size)
        finally:
            if pending is not None and not pending.done():
                concurrent.futures.wait([pending])  # never leave a write running on the connection
    return created


def _batches(count: int) -> list[tuple[int, int]]:
    """(start, stop) of each batch: a small first one so the writer starts sooner."""
    out: list[tuple[int, int]] = []
    start, size = 0, FIRST_BATCH
    while start < count:
        out.append((start, min(start + size, count)))
        start, size = start + size, CREATE_BATCH
    return out


#: GIL switch interval while the two threads share the work (Python's default is 5 ms).
LOAD_SWITCH_INTERVAL = 0.0005


@contextlib.contextmanager
def _quick_gil_handoff() -> Iterator[None]:
    """The writer thread needs the GIL back briefly after every row SQLite inserts (to bind the
    next one); with the default 5 ms interval it waits behind the builder thread each time,
    which made the write a tenth slower at 100,000 members. Restored afterwards."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, LOAD_SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


_AUDIT_COLUMNS = ("at", "user", "entity", "entity_id", "action", "field", "old_value", "new_value")


@dataclass
class _Batch:
    """One batch of new members as plain tuples, made by the builder thread.

    Tuples, not dicts: the writer thread then hands them straight to the driver and holds the
    GIL as little as possible while the builder makes the next batch.
    """

    member_columns: tuple[str, ...] = ()
    members: list[tuple[Any, ...]] = field(default_factory=list)
    sectors: list[tuple[int, int, bool]] = field(default_factory=list)
    contributions: list[tuple[int, int]] = field(default_factory=list)
    audit: list[tuple[Any, ...]] = field(default_factory=list)
    consents: list[tuple[Any, ...]] = field(default_factory=list)

    def add(
        self,
        record: dict[str, Any],
        sectors: list[dict[str, Any]],
        contributions: list[int],
        snapshot: str,
        now: Any,
        user: str,
    ) -> None:
        member_id = record["id"]
        if not self.member_columns:
            self.member_columns = tuple(record)
        self.members.append(tuple(record.values()))  # every record has the same keys, in order
        self.sectors += [(s["member_id"], s["sector_id"], s["is_primary"]) for s in sectors]
        self.contributions += [(member_id, c) for c in contributions]
        self.audit.append((now, user, "member", member_id, "create", None, None, snapshot))

    def write(self, conn: Connection) -> None:
        tables = Base.metadata.tables
        _insert(conn, tables["members"], self.member_columns, self.members)
        _insert(conn, tables["member_sectors"], ("member_id", "sector_id", "is_primary"), self.sectors)
        _insert(conn, member_contributions, ("member_id", "contribution_id"), self.contributions)
        _insert(conn, tables["audit_log"], _AUDIT_COLUMNS, self.audit)
        _insert(conn, tables["consent_changes"], consent_history.BULK_COLUMNS, self.consents)


def _insert(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """``db.bulk.bulk_insert`` for rows that already are tuples in ``columns`` order."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    style = conn.dialect.paramstyle
    marks = {"qmark": "?", "format": "%s", "pyformat": "%s"}
    if style == "numeric":
        values = ", ".join(f":{i}" for i in range(1, len(columns) + 1))
    else:
        values = ", ".join([marks[style]] * len(columns))
    sql = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES ({values})"
    conn.exec_driver_sql(sql, list(rows))


#: ``json.dumps(value, ensure_ascii=False)`` without making a new encoder for every member.
_snapshot_json = json.JSONEncoder(ensure_ascii=False).encode


def _new_member(
    member_id: int, values: dict[str, Any], now: Any
) -> tuple[dict[str, Any], list[dict[str, Any]], list[int], str]:
    """The members row, its sector links, contributions and the audit text of a new member."""
    v = values
    text = {f: v.get(f) for f in TEXT_FIELDS}
    status = v.get("status") or MemberStatus.PROSPECT
    sector_ids: list[int] = list(dict.fromkeys(v.get("sector_ids") or []))
    primary = v.get("primary_sector_id")
    if primary not in sector_ids:
        primary = sector_ids[0] if sector_ids else None
    contributions: list[int] = list(dict.fromkeys(v.get("contribution_ids") or []))
    chosen = set(v.get("print_fields") or [])
    print_codes = [f.value for f in PrintField if f in chosen]
    consent = bool(v.get("directory_consent", False))
    email, country, chapter_id = v.get("email"), v.get("country"), v.get("chapter_id")
    gender, degree = v.get("gender"), v.get("degree_level")
    record = {
        "id": member_id,
        **text,
        "gender": _code(gender),
        "email": email,
        "phone": v.get("phone"),
        "country": country,
        "chapter_id": chapter_id,
        "degree_level": _code(degree),
        "website": v.get("website"),
        "status": _code(status),
        "joined_on": v.get("joined_on"),
        "directory_consent": consent,
        "print_fields": ",".join(print_codes),
        "no_contact": bool(v.get("no_contact", False)),
        "consent_date": v.get("consent_date"),
        "created_at": now,
        "updated_at": now,
        "sort_key": name_sort_key(text["paternal_surname"], text["maternal_surname"], text["given_names"]),
        "search_text": member_search_text(
            texts=(
                text["given_names"],
                text["paternal_surname"],
                text["maternal_surname"],
                text["preferred_name"],
                email,
                text["employer"],
                text["job_title"],
                text["city"],
                text["expertise"],
            ),
            chapter_id=chapter_id,
            sector_ids=sector_ids,
            country=country,
            status=status,
            degree=degree,
            contribution_ids=contributions,
            directory_consent=consent,
        ),
    }
    sectors = [{"member_id": member_id, "sector_id": s, "is_primary": s == primary} for s in sector_ids]
    # What audit.record_create(member_values(member)) writes, made straight from the values
    # (the generic path costs a third of the whole write at 100,000 members).
    snap: dict[str, str] = {k: t for k, t in text.items() if t}
    if gender is not None:
        snap["gender"] = _code(gender)
    if degree is not None:
        snap["degree_level"] = _code(degree)
    snap["status"] = _code(status)
    for key in ("email", "phone", "country", "website"):
        if v.get(key):
            snap[key] = v[key]
    for key in ("joined_on", "consent_date"):
        if v.get(key) is not None:
            snap[key] = v[key].isoformat()
    snap["directory_consent"] = str(consent)
    if print_codes:
        snap["print_fields"] = ",".join(print_codes)
    snap["no_contact"] = str(bool(v.get("no_contact", False)))
    if chapter_id is not None:
        snap["chapter_id"] = str(chapter_id)
    if sector_ids:
        snap["sector_ids"] = ",".join(str(i) for i in sorted(sector_ids))
    if primary is not None:
        snap["primary_sector_id"] = str(primary)
    if contributions:
        snap["contribution_ids"] = ",".join(str(i) for i in sorted(contributions))
    return record, sectors, contributions, _snapshot_json(snap)
