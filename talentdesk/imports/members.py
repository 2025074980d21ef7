"""The member import: a plan first (the dry run), the person's choices, then one apply.

How a wizard (or the CLI) uses it::

    source = read_source(path)                       # 1. file: ImportFileError if unusable
    columns = guess_mapping(source.headers)          # 2. mapping: one field or None per column
    problems = mapping_problems(source.headers, columns)      # shown beside the mapping
    with db.reader() as s:                           # 3. preview: nothing is written
        plan = prepare_import(s, source, columns, progress=..., abort=...)
    plan.summary(); plan.errors(); plan.duplicates()          # counts, problems, duplicates
    plan.choose(row_number, Action.FILL)             #    per duplicate: create/fill/overwrite/skip
    with db.session() as s:                          # 4. apply: one transaction
        result = apply_import(s, plan, valid_only=False, progress=..., abort=...)
    result.summary                                   # 5. what was written

``prepare_import`` reads the database but writes nothing, so it is the dry run. The plan holds
plain values (no ORM objects): it can be prepared in one session and applied in another.
``apply_import`` never commits: the caller's session does, or rolls back on any exception,
cancel included, so a cancelled import writes nothing. With ``valid_only=False`` (all or
nothing) a plan with errors is refused before anything is written.

New members go in with the bulk path (``db.bulk`` inside ``search_index.bulk_member_load``;
derived columns from ``core.models.member_search_text``; audit rows in bulk). Updates go
through ``services.members.update_member`` so only fields that really change are written and
audited.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import MemberStatus, PrintField
from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.core.models import (
    Base,
    Member,
    MemberSector,
    member_contributions,
    member_search_text,
    utcnow,
)
from talentdesk.core.text import clean, name_sort_key
from talentdesk.db.search_index import bulk_member_load
from talentdesk.imports.duplicates import Match, Probe, email_owners, find_duplicates
from talentdesk.imports.errors import ImportCancelled
from talentdesk.imports.mapping import ColumnMapping, check_mapping, guess_mapping
from talentdesk.imports.reading import SourceTable, column_letter
from talentdesk.imports.values import References, RowError, convert_column, convert_rows
from talentdesk.services import audit, consent_history
from talentdesk.services.members import TEXT_FIELDS, update_member

Progress = Callable[[int, int], None]
CHUNK = 500
CREATE_BATCH = 5000
FIRST_BATCH = 1000


class ImportHasErrors(TalentDeskError):
    """All or nothing, and some rows are wrong: nothing was written."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        rows = len({e.row for e in self.errors})
        super().__init__(
            f"La importación tiene errores en {rows:,} fila(s): no se guardó nada. Corrija el archivo "
            "o importe sólo las filas válidas."
        )


class Action(StrEnum):
    CREATE = "create"  # a new member
    UPDATE = "update"  # the member named in the Id column: every mapped field as in the file
    FILL = "fill"  # the duplicated member (or earlier row): only the fields it lacks
    OVERWRITE = "overwrite"  # the duplicated member: the file's non-empty values replace its own
    SKIP = "skip"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.CREATE: "Crear nuevo",
    Action.UPDATE: "Actualizar",
    Action.FILL: "Completar datos vacíos",
    Action.OVERWRITE: "Sobrescribir",
    Action.SKIP: "Omitir",
}

#: Values that count as "nothing there" when filling empty fields.
_EMPTY: tuple[Any, ...] = (None, "", [])
#: The value a blank cell sets in an update by id.
_CLEARED: dict[str, Any] = {
    "directory_consent": False,
    "no_contact": False,
    "print_fields": [],
    "sector_ids": [],
    "contribution_ids": [],
}


@dataclass(slots=True)
class RowPlan:
    """One data row of the file and what will happen to it."""

    index: int
    number: int  # as the spreadsheet shows it
    values: dict[str, Any]
    blank: set[str]
    errors: list[RowError]
    member_id: int | None = None  # from the Id column: update that member
    duplicate: Match | None = None
    action: Action = Action.CREATE
    current: dict[str, Any] | None = None  # the target member's values when prepared

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def target(self) -> int | None:
        """The existing member this row would update."""
        if self.member_id is not None:
            return self.member_id
        if self.duplicate is not None and self.duplicate.member_id is not None:
            return self.duplicate.member_id
        return None

    def allowed_actions(self) -> tuple[Action, ...]:
        if not self.ok:
            return ()
        if self.member_id is not None:
            return (Action.UPDATE, Action.SKIP)
        if self.duplicate is None:
            return (Action.CREATE, Action.SKIP)
        if self.duplicate.reason == "email":  # two members cannot share an e-mail
            return (Action.FILL, Action.OVERWRITE, Action.SKIP)
        return (Action.CREATE, Action.FILL, Action.OVERWRITE, Action.SKIP)

    def takes(self, action: Action) -> bool:
        """Whether a choice made for all duplicates at once applies to this row: a merge needs
        more than the same name (a person decides that row by row)."""
        if action not in self.allowed_actions():
            return False
        merging = action in (Action.FILL, Action.OVERWRITE)
        return not (merging and self.duplicate is not None and self.duplicate.needs_person)

    def changes(self) -> dict[str, tuple[Any, Any]]:
        """{field: (now, after)} this row would make to an existing member (preview)."""
        if self.current is None or self.action not in (Action.UPDATE, Action.FILL, Action.OVERWRITE):
            return {}
        updates = planned_updates(self.action, self.values, self.blank, self.current)
        return {f: (self.current.get(f), v) for f, v in updates.items()}


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    new: int
    updated: int
    duplicates: int
    skipped: int
    errors: int  # rows with at least one error
    written: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "written": self.written,
        }


@dataclass
class ImportPlan:
    source: SourceTable
    columns: ColumnMapping
    rows: list[RowPlan]
    notices: list[str] = field(default_factory=list)
    _by_number: dict[int, RowPlan] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_number = {r.number: r for r in self.rows}

    def row(self, number: int) -> RowPlan:
        try:
            return self._by_number[number]
        except KeyError:
            raise TalentDeskError(f"El archivo no tiene la fila {number} (o está vacía).") from None

    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    def duplicates(self) -> list[RowPlan]:
        return [r for r in self.rows if r.ok and r.duplicate is not None]

    def choose(self, number: int, action: Action | str) -> None:
        """What to do with one row (the wizard's per-row choice)."""
        row = self.row(number)
        wanted = Action(action)
        if wanted not in row.allowed_actions():
            allowed = ", ".join(a.label for a in row.allowed_actions()) or "ninguna (la fila tiene errores)"
            raise TalentDeskError(f"Fila {number}: no se puede «{wanted.label}» (opciones: {allowed}).")
        row.action = wanted

    def choose_duplicates(self, action: Action | str) -> int:
        """The same choice for every duplicate that allows it; returns how many took it."""
        wanted = Action(action)
        count = 0
        for row in self.duplicates():
            if row.takes(wanted):
                row.action = wanted
                count += 1
        return count

    def summary(self, written: int = 0) -> ImportSummary:
        new = updated = skipped = duplicates = bad = 0
        merging = self._merges()
        for row in self.rows:
            if not row.ok:
                bad += 1
                continue
            if row.duplicate is not None:
                duplicates += 1
            if row.action is Action.CREATE:
                new += 1
            elif row.action is Action.SKIP:
                skipped += 1
            elif row.duplicate is not None and row.duplicate.in_file:
                updated += row.number in merging
                skipped += row.number not in merging
            elif row.changes():
                updated += 1
            else:
                skipped += 1  # nothing to change
        return ImportSummary(len(self.rows), new, updated, duplicates, skipped, bad, written)

    def _merges(self) -> set[int]:
        """Rows merged into an earlier row of the file that will be written."""
        out: set[int] = set()
        for row in self.rows:
            if (
                row.ok
                and row.duplicate is not None
                and row.duplicate.in_file
                and row.action in (Action.FILL, Action.OVERWRITE)
            ):
                leader = self._by_number.get(row.duplicate.row or 0)
                if leader is not None and leader.ok and leader.action is not Action.SKIP:
                    out.add(row.number)
        return out

    def report(self, written: int = 0, extra_errors: Sequence[RowError] = ()) -> dict[str, Any]:
        """The CLI's --json: counts and every problem with its row, column, value and reason."""
        data: dict[str, Any] = self.summary(written).as_dict()
        data["errors"] = [e.as_dict() for e in [*self.errors(), *extra_errors]]
        return data


@dataclass
class ImportResult:
    summary: ImportSummary
    created_ids: list[int]
    updated_ids: list[int]
    errors: list[RowError]  # the plan's and any found while writing (valid rows only)


# -- prepare (dry run) ---------------------------------------------------------------------------


def prepare_import(
    session: Session,
    source: SourceTable,
    columns: ColumnMapping | None = None,
    *,
    on_duplicate: Action | str = Action.SKIP,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Validate every row and find duplicates; reads the database, writes nothing."""
    columns = list(columns) if columns is not None else guess_mapping(source.headers)
    check_mapping(source.headers, columns)
    total = max(len(source.rows), 1) * 2

    def step(fraction: float) -> None:
        _check(abort)
        if progress is not None:
            progress(min(int(fraction * total), total), total)

    refs = References.load(session)
    today = today or date.today()
    countries: dict[int, str | None] = {}
    if "id" in columns:
        ids = [
            v for v in convert_column(source, columns.index("id"), "id", refs, today) if isinstance(v, int)
        ]
        countries = _member_countries(session, ids)
    converted = convert_rows(
        source,
        columns,
        refs,
        today=today,
        member_countries=countries,
        on_column=lambda d, t: step(0.5 * d / t),
    )
    rows = [
        RowPlan(i, source.row_numbers[i], r.values, r.blank, r.errors, r.member_id)
        for i, r in enumerate(converted)
    ]
    notices = list(source.notices)
    headers = {f: source.headers[i] for i, f in enumerate(columns) if f is not None}
    _check_ids(rows, countries, headers)
    step(0.55)
    probes = [_probe(r, headers) for r in rows if r.ok and r.member_id is None]
    id_emails = [
        r.values["email"] for r in rows if r.ok and r.member_id is not None and r.values.get("email")
    ]
    result = find_duplicates(
        session,
        probes,
        extra_emails=id_emails,
        progress=lambda d, t: step(0.6 + 0.35 * d / max(t, 1)),
        abort=abort,
    )
    _check_id_emails(rows, result.email_owners, headers)
    wanted = Action(on_duplicate)
    refused = undecided = 0
    for row in rows:
        if not row.ok:
            continue
        if row.member_id is not None:
            row.action = Action.UPDATE
            continue
        row.duplicate = result.matches.get(row.index)
        if row.duplicate is None:
            row.action = Action.CREATE
        elif row.takes(wanted):
            row.action = wanted
        else:
            row.action = Action.SKIP
            if wanted in row.allowed_actions():
                undecided += 1
            else:
                refused += 1
    if refused:
        notices.append(
            f"{refused:,} fila(s) tienen un correo ya registrado o repetido en el archivo: se omiten "
            "(no puede haber dos miembros con el mismo correo)."
        )
    if undecided:
        notices.append(
            f"{undecided:,} fila(s) tienen el mismo nombre que un miembro o una fila anterior, pero "
            "ningún otro dato en común: se omiten; decida cada una en el asistente de importación."
        )
    targets = sorted({t for r in rows if r.ok and (t := r.target) is not None})
    current = _current_values(session, targets, abort)
    for row in rows:
        if row.ok and row.target is not None:
            row.current = current.get(row.target)
    step(1.0)
    return ImportPlan(source, columns, rows, notices)


def _check(abort: threading.Event | None) -> None:
    if abort is not None and abort.is_set():
        raise ImportCancelled()


def _member_countries(session: Session, ids: Sequence[int]) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        out.update(
            (i, c) for i, c in session.execute(select(Member.id, Member.country).where(Member.id.in_(chunk)))
        )
    return out


def _check_ids(rows: list[RowPlan], existing: dict[int, str | None], headers: dict[str, str]) -> None:
    first: dict[int, int] = {}
    for row in rows:
        if row.member_id is None:
            continue
        if row.member_id not in existing:
            row.errors.append(
                RowError(
                    row.number,
                    headers.get("id"),
                    str(row.member_id),
                    f"Id: no existe el miembro con id {row.member_id}.",
                )
            )
        elif row.member_id in first:
            row.errors.append(
                RowError(
                    row.number,
                    headers.get("id"),
                    str(row.member_id),
                    f"Id: el miembro {row.member_id} ya aparece en la fila {first[row.member_id]}.",
                )
            )
        else:
            first[row.member_id] = row.number


def _check_id_emails(rows: list[RowPlan], owners: dict[str, int], headers: dict[str, str]) -> None:
    """An update by id may not take an e-mail another member (or another updated row) has."""
    seen: dict[str, int] = {}
    for row in rows:
        email = row.values.get("email")
        if not row.ok or row.member_id is None or not email:
            continue
        owner = owners.get(email)
        column = headers.get("email")
        if owner is not None and owner != row.member_id:
            row.errors.append(
                RowError(
                    row.number,
                    column,
                    email,
                    f"Correo electrónico: «{email}» ya está registrado para otro miembro (id {owner}).",
                )
            )
        elif email in seen:
            row.errors.append(
                RowError(
                    row.number,
                    column,
                    email,
                    f"Correo electrónico: «{email}» ya aparece en la fila {seen[email]}.",
                )
            )
        else:
            seen[email] = row.number


def _probe(row: RowPlan, headers: dict[str, str]) -> Probe:
    v = row.values
    return Probe(
        index=row.index,
        number=row.number,
        given=v["given_names"],
        paternal=v["paternal_surname"],
        maternal=v.get("maternal_surname"),
        email=v.get("email"),
        city=v.get("city"),
        employer=v.get("employer"),
        phone=v.get("phone"),
    )


_VALUE_COLUMNS = (
    *(getattr(Member, f) for f in TEXT_FIELDS),
    Member.gender,
    Member.degree_level,
    Member.status,
    Member.email,
    Member.phone,
    Member.country,
    Member.website,
    Member.joined_on,
    Member.consent_date,
    Member.directory_consent,
    Member.print_fields_raw,
    Member.no_contact,
    Member.chapter_id,
)
_VALUE_NAMES = (
    *TEXT_FIELDS,
    "gender",
    "degree_level",
    "status",
    "email",
    "phone",
    "country",
    "website",
    "joined_on",
    "consent_date",
    "directory_consent",
    "print_fields",
    "no_contact",
    "chapter_id",
)


def _current_values(
    session: Session, ids: Sequence[int], abort: threading.Event | None
) -> dict[int, dict[str, Any]]:
    """``services.members.member_values`` of many members, read with three queries per chunk."""
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        _check(abort)
        chunk = list(ids[start : start + CHUNK])
        for member_id, *row in session.execute(
            select(Member.id, *_VALUE_COLUMNS).where(Member.id.in_(chunk))
        ):
            values = dict(zip(_VALUE_NAMES, row, strict=True))
            raw = values["print_fields"] or ""
            values["print_fields"] = [PrintField(code) for code in raw.split(",") if code]
            values["directory_consent"] = bool(values["directory_consent"])
            values["no_contact"] = bool(values["no_contact"])
            values.update(sector_ids=[], primary_sector_id=None, contribution_ids=[])
            out[member_id] = values
        stmt = select(MemberSector.member_id, MemberSector.sector_id, MemberSector.is_primary).where(
            MemberSector.member_id.in_(chunk)
        )
        for member_id, sector_id, primary in session.execute(stmt):
            out[member_id]["sector_ids"].append(sector_id)
            if primary:
                out[member_id]["primary_sector_id"] = sector_id
        link = member_contributions.c
        for member_id, contribution_id in session.execute(
            select(link.member_id, link.contribution_id).where(link.member_id.in_(chunk))
        ):
            out[member_id]["contribution_ids"].append(contribution_id)
        for member_id in chunk:
            if member_id in out:
                out[member_id]["sector_ids"].sort()
                out[member_id]["contribution_ids"].sort()
    return out


# -- what an update changes ----------------------------------------------------------------------


def _differs(field_name: str, old: Any, new: Any) -> bool:
    if field_name in ("sector_ids", "contribution_ids"):
        return sorted(old or []) != sorted(new or [])
    if isinstance(old, str) and isinstance(new, str):
        # Imported text is cleaned; an old value with stray spaces (bulk-loaded data) is the same.
        return clean(old) != new
    return bool(old != new)


def planned_updates(
    action: Action, values: dict[str, Any], blank: Iterable[str], current: dict[str, Any]
) -> dict[str, Any]:
    """The fields to pass to ``update_member``: only those that change.

    UPDATE (by id) sets every mapped field as the file has it, empty cells clearing; OVERWRITE
    sets the file's non-empty values; FILL sets only fields the member has empty.
    """
    out: dict[str, Any] = {}
    for name, new in values.items():
        if name == "primary_sector_id":
            continue
        old = current.get(name)
        if action is Action.FILL:
            if old in _EMPTY and new not in _EMPTY:
                out[name] = new
        elif _differs(name, old, new):
            out[name] = new
    if action is Action.UPDATE:
        for name in blank:
            if name == "primary_sector_id":
                continue
            empty = _CLEARED.get(name)
            if _differs(name, current.get(name), empty):
                out[name] = empty
    if "sector_ids" in values:
        primary = values.get("primary_sector_id")
        if "sector_ids" in out or (action is not Action.FILL and primary != current.get("primary_sector_id")):
            out["sector_ids"] = values["sector_ids"]
            out["primary_sector_id"] = primary
    elif "sector_ids" in out:  # cleared
        out["primary_sector_id"] = None
    return out


def _merge(into: dict[str, Any], values: dict[str, Any], action: Action) -> bool:
    """A later duplicate row into its earlier row's values; True if anything changed."""
    changed = False
    for name, new in values.items():
        if action is Action.FILL and into.get(name) not in _EMPTY:
            continue
        if name == "primary_sector_id" and "sector_ids" not in values:
            continue
        if into.get(name) != new:
            into[name] = new
            changed = True
    if changed and "sector_ids" in into and into.get("primary_sector_id") not in into["sector_ids"]:
        into["primary_sector_id"] = into["sector_ids"][0] if into["sector_ids"] else None
    return changed


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
            merged += _merge(work[leader.index], row.values, row.action)
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
            _check(abort)
        target = row.target
        assert target is not None
        try:
            current = _current_values(session, [target], abort)[target]
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
    _check(abort)
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
                    f"Correo electrónico: «{email}» ya está registrado para otro miembro (id {owners[email]}).",
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
                _check(abort)
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


def error_column_letter(plan: ImportPlan, header: str | None) -> str | None:
    """The spreadsheet letter of a header (for a report that points at the cell)."""
    if header is None or header not in plan.source.headers:
        return None
    return column_letter(plan.source.headers.index(header))
