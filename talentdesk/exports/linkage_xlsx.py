"""Vinculación spreadsheets: a programme's people, a need's candidates, and the ranked list of
"Buscar talento" (issue 14).

Each reads the same service the window shows (``program_views.program_detail``,
``program_views.need_detail``, ``matching.match_members``), so the file lists what the screen
lists, in its order. ``external=True`` makes the copy that may leave IME (``exports.consent``):
only members who consented to appear in directories and did not object to being contacted, each
with only the contact fields they allowed; internal notes and the matching's reasons (they
describe the person's profile as staff read it) are left out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import PrintField
from talentdesk.core.models import Member
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.consent import allowed_fields, may_appear
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook, save_workbook
from talentdesk.services.matching import MatchCriteria, match_members
from talentdesk.services.program_views import need_detail, program_detail

#: Contact columns every sheet ends with, blanked in the external copy unless allowed.
CONTACT_COLUMNS = (
    SheetColumn("Correo electrónico", 30),
    SheetColumn("Teléfono", 16),
    SheetColumn("Ciudad", 16),
    SheetColumn("Empleador", 26),
)
PEOPLE_COLUMNS = (
    SheetColumn("Rol", 20),
    SheetColumn("Nombre", 32),
    SheetColumn("Capítulo", 18),
    SheetColumn("Desde", 12, "date"),
    SheetColumn("Hasta", 12, "date"),
    SheetColumn("Horas", 8),
    *CONTACT_COLUMNS,
)
CANDIDATE_COLUMNS = (
    SheetColumn("Etapa", 12),
    SheetColumn("Desde", 12, "date"),
    SheetColumn("Nombre", 32),
    SheetColumn("Capítulo", 18),
    *CONTACT_COLUMNS,
)
TALENT_COLUMNS = (
    SheetColumn("Lugar", 7),
    SheetColumn("Puntaje", 9),
    SheetColumn("Nombre", 32),
    SheetColumn("País", 16),
    SheetColumn("Capítulo", 18),
    SheetColumn("Puesto", 24),
    *CONTACT_COLUMNS,
)
#: Columns only the internal copy has (appended after the others).
INTERNAL_PEOPLE = (SheetColumn("Notas", 40),)
INTERNAL_CANDIDATES = (SheetColumn("Por qué se propuso", 60), SheetColumn("Notas", 30))
INTERNAL_TALENT = (SheetColumn("Por qué", 70),)


@dataclass(frozen=True)
class _Contact:
    email: str | None
    phone: str | None
    city: str | None
    employer: str | None
    consent: bool | None
    no_contact: bool
    print_fields: str | None


def _contacts(session: Session, ids: Iterable[int]) -> dict[int, _Contact]:
    wanted = sorted(set(ids))
    found: dict[int, _Contact] = {}
    for start in range(0, len(wanted), 500):
        for row in session.execute(
            select(
                Member.id,
                Member.email,
                Member.phone,
                Member.city,
                Member.employer,
                Member.directory_consent,
                Member.no_contact,
                Member.print_fields_raw,
            ).where(Member.id.in_(wanted[start : start + 500]))
        ):
            found[row[0]] = _Contact(*row[1:5], row[5], bool(row[6]), row[7])
    return found


def _contact_values(contact: _Contact | None, external: bool) -> list[Any] | None:
    """The contact cells of a member, or None when the external copy must leave them out."""
    if contact is None:  # a member deleted since (a programme keeps the role)
        return None if external else [None] * len(CONTACT_COLUMNS)
    values = [contact.email, contact.phone, contact.city, contact.employer]
    if not external:
        return values
    if not may_appear(contact.consent, contact.no_contact):
        return None
    allowed = allowed_fields(contact.consent, contact.print_fields)
    shown = (PrintField.EMAIL, PrintField.PHONE, PrintField.CITY, PrintField.EMPLOYER)
    return [v if field in allowed else None for v, field in zip(values, shown, strict=True)]


def _write(
    out_path: Path | str,
    title: str,
    heading: str,
    columns: Sequence[SheetColumn],
    rows: Iterable[tuple[int | None, list[Any]]],
    progress: Progress | None,
    abort: threading.Event | None,
) -> ExportResult:
    """One sheet: a title line, a blank line, then the table; ``rows`` yields (member id, values)."""
    members: list[int] = []
    with atomic_output(out_path, suffix=".xlsx") as temp:
        workbook = new_workbook(temp)
        sheet = SheetWriter(workbook, title, columns)
        try:
            for member_id, values in rows:
                sheet.row(values)
                if member_id is not None:
                    members.append(member_id)
                if sheet.rows % 200 == 0:
                    check_abort(abort)
            check_abort(abort)
        except BaseException:
            sheet.discard()
            raise
        sheet.close()
        workbook.properties.title = heading
        save_workbook(workbook, temp)
    if progress is not None:
        progress(len(members), len(members))
    return ExportResult(Path(out_path), sheet.rows, member_ids=members)


def _day(value: datetime | date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def export_program_people_xlsx(
    sessions: SessionFactory,
    program_id: int,
    out_path: Path | str,
    *,
    external: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheet "Personas": each person of the programme with role, dates, hours and contact."""
    with streaming_reader(sessions) as session:
        detail = program_detail(session, program_id)
        contacts = _contacts(session, (p.member_id for p in detail.people if p.member_id is not None))
    columns = PEOPLE_COLUMNS if external else (*PEOPLE_COLUMNS, *INTERNAL_PEOPLE)

    def rows() -> Iterable[tuple[int | None, list[Any]]]:
        for person in detail.people:
            found = contacts.get(person.member_id) if person.member_id is not None else None
            contact = _contact_values(found, external)
            if contact is None:
                continue
            values: list[Any] = [person.role.label, person.name, person.chapter, person.starts_on]
            values += [person.ends_on, person.hours, *contact]
            yield person.member_id, values if external else [*values, person.notes]

    return _write(out_path, "Personas", detail.row.title, columns, rows(), progress, abort)


def export_need_candidates_xlsx(
    sessions: SessionFactory,
    need_id: int,
    out_path: Path | str,
    *,
    external: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheet "Candidatos": the need's candidates by stage, as the needs tab lists them."""
    with streaming_reader(sessions) as session:
        detail = need_detail(session, need_id)
        contacts = _contacts(session, (c.member_id for c in detail.candidates))
    columns = CANDIDATE_COLUMNS if external else (*CANDIDATE_COLUMNS, *INTERNAL_CANDIDATES)

    def rows() -> Iterable[tuple[int | None, list[Any]]]:
        for candidate in detail.candidates:
            contact = _contact_values(contacts.get(candidate.member_id), external)
            if contact is None:
                continue
            values = [
                candidate.stage.label,
                _day(candidate.stage_changed_at),
                candidate.name,
                candidate.chapter,
                *contact,
            ]
            yield candidate.member_id, values if external else [*values, candidate.reasons, candidate.notes]

    return _write(out_path, "Candidatos", detail.row.title, columns, rows(), progress, abort)


def export_talent_xlsx(
    sessions: SessionFactory,
    criteria: MatchCriteria,
    out_path: Path | str,
    *,
    limit: int = 50,
    external: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheet "Talento": the first ``limit`` members ranked for ``criteria``, best first, with
    their place in the ranking and score (the reasons in the internal copy only)."""
    with streaming_reader(sessions) as session:
        result = match_members(session, criteria, limit=limit)
        contacts = _contacts(session, (i.member_id for i in result.items))
    columns = TALENT_COLUMNS if external else (*TALENT_COLUMNS, *INTERNAL_TALENT)

    def rows() -> Iterable[tuple[int | None, list[Any]]]:
        for rank, item in enumerate(result.items, start=1):
            contact = _contact_values(contacts.get(item.member_id), external)
            if contact is None:
                continue
            values = [
                rank,
                item.score,
                item.name,
                country_name(item.country) if item.country else None,
                item.chapter,
                item.job_title,
                *contact,
            ]
            yield item.member_id, values if external else [*values, item.why]

    return _write(out_path, "Talento", "Buscar talento", columns, rows(), progress, abort)
