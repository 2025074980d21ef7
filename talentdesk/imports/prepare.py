"""The dry run of a member import: read the rows, convert and check every value, find duplicates
in the database and in the file, and return the plan. Reads the database, writes nothing.

How a wizard (or the CLI) uses the import::

    source = read_source(path)                       # 1. file: ImportFileError if unusable
    columns = guess_mapping(source.headers)          # 2. mapping: one field or None per column
    with db.reader() as s:                           # 3. preview: nothing is written
        plan = prepare_import(s, source, columns, progress=..., abort=...)
    plan.summary(); plan.errors(); plan.duplicates()
    plan.choose(row_number, Action.FILL)             #    per duplicate: create/fill/overwrite/skip
    with db.session() as s:                          # 4. apply (imports.apply): one transaction
        result = apply_import(s, plan, valid_only=False, progress=..., abort=...)
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.i18n import _, ngettext
from talentdesk.core.models import (
    Member,
)
from talentdesk.imports.duplicates import Probe, find_duplicates
from talentdesk.imports.errors import check_abort
from talentdesk.imports.mapping import ColumnMapping, check_mapping, guess_mapping
from talentdesk.imports.plan import (
    CHUNK,
    Action,
    ImportPlan,
    Progress,
    RowPlan,
    current_values,
)
from talentdesk.imports.reading import SourceTable
from talentdesk.imports.values import References, RowError, convert_column, convert_rows

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
        check_abort(abort)
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
            ngettext(
                "{count:,} fila tiene un correo ya registrado o repetido en el archivo: se omite "
                "(no puede haber dos miembros con el mismo correo).",
                "{count:,} filas tienen un correo ya registrado o repetido en el archivo: se omiten "
                "(no puede haber dos miembros con el mismo correo).",
                refused,
            ).format(count=refused)
        )
    if undecided:
        notices.append(
            ngettext(
                "{count:,} fila tiene el mismo nombre que un miembro o una fila anterior, pero ningún "
                "otro dato en común: se omite; decídala en el asistente de importación.",
                "{count:,} filas tienen el mismo nombre que un miembro o una fila anterior, pero ningún "
                "otro dato en común: se omiten; decida cada una en el asistente de importación.",
                undecided,
            ).format(count=undecided)
        )
    targets = sorted({t for r in rows if r.ok and (t := r.target) is not None})
    current = current_values(session, targets, abort)
    for row in rows:
        if row.ok and row.target is not None:
            row.current = current.get(row.target)
    step(1.0)
    return ImportPlan(source, columns, rows, notices)


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
                    _("Id: no existe el miembro con id {member_id}.").format(member_id=row.member_id),
                )
            )
        elif row.member_id in first:
            row.errors.append(
                RowError(
                    row.number,
                    headers.get("id"),
                    str(row.member_id),
                    _("Id: el miembro {member_id} ya aparece en la fila {first}.").format(
                        member_id=row.member_id, first=first[row.member_id]
                    ),
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
                    _(
                        "Correo electrónico: «{email}» ya está registrado para otro miembro (id {owner})."
                    ).format(email=email, owner=owner),
                )
            )
        elif email in seen:
            row.errors.append(
                RowError(
                    row.number,
                    column,
                    email,
                    _("Correo electrónico: «{email}» ya aparece en la fila {seen}.").format(
                        email=email, seen=seen[email]
                    ),
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
