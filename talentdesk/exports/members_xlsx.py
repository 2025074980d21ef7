"""Members, full: one row per member, every field, sectors and contributions joined.

``external=True`` makes the copy that may leave IME: only members who consented to appear in
directories, and for each only the contact fields they allowed (LFPDPPP); internal fields
(notes, consent record, timestamps) are left out.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, Gender, MemberStatus
from talentdesk.core.models import (
    Chapter,
    ContributionType,
    Member,
    MemberSector,
    Sector,
    member_contributions,
)
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook
from talentdesk.services.search import MemberQuery, matching_ids

CHUNK = 2000

COLUMNS: tuple[tuple[str, SheetColumn], ...] = (
    ("id", SheetColumn("Id", 9)),
    ("paternal_surname", SheetColumn("Apellido paterno", 18)),
    ("maternal_surname", SheetColumn("Apellido materno", 18)),
    ("given_names", SheetColumn("Nombre(s)", 20)),
    ("preferred_name", SheetColumn("Nombre preferido", 14)),
    ("gender", SheetColumn("Género", 11)),
    ("email", SheetColumn("Correo electrónico", 32)),
    ("phone", SheetColumn("Teléfono", 16)),
    ("country", SheetColumn("País", 16)),
    ("country_code", SheetColumn("Código de país", 9)),
    ("state", SheetColumn("Estado / región", 16)),
    ("city", SheetColumn("Ciudad", 16)),
    ("chapter", SheetColumn("Capítulo", 16)),
    ("primary_sector", SheetColumn("Sector principal", 30)),
    ("sectors", SheetColumn("Sectores", 40)),
    ("expertise", SheetColumn("Especialidad / palabras clave", 34)),
    ("degree_level", SheetColumn("Nivel de estudios", 14)),
    ("field_of_study", SheetColumn("Área de estudio", 24)),
    ("institution", SheetColumn("Institución", 24)),
    ("employer", SheetColumn("Empleador", 26)),
    ("job_title", SheetColumn("Puesto", 24)),
    ("languages", SheetColumn("Idiomas", 10)),
    ("website", SheetColumn("Sitio web / LinkedIn", 24)),
    ("contributions", SheetColumn("Aportaciones", 40)),
    ("status", SheetColumn("Estatus", 10)),
    ("joined_on", SheetColumn("Fecha de ingreso", 12)),
    ("directory_consent", SheetColumn("Aparece en directorios", 10)),
    ("print_fields", SheetColumn("Datos que se pueden imprimir", 22)),
    ("consent_date", SheetColumn("Fecha del consentimiento", 12)),
    ("consent_source", SheetColumn("Origen del consentimiento", 18)),
    ("notes", SheetColumn("Notas", 30)),
    ("created_at", SheetColumn("Creado", 16)),
    ("updated_at", SheetColumn("Actualizado", 16)),
)
INTERNAL_ONLY = {
    "notes",
    "consent_date",
    "consent_source",
    "created_at",
    "updated_at",
    "print_fields",
    "directory_consent",
}
#: Contact fields printed only when the member allowed them; value = print_fields code.
CONTACT = {"email": "email", "phone": "phone", "city": "city", "employer": "employer"}

GENDER = {g.value: g.label for g in Gender}
DEGREE = {d.value: d.label for d in DegreeLevel}
STATUS = {s.value: s.label for s in MemberStatus}

_MEMBER_COLUMNS = (
    Member.id,
    Member.paternal_surname,
    Member.maternal_surname,
    Member.given_names,
    Member.preferred_name,
    Member.gender,
    Member.email,
    Member.phone,
    Member.country,
    Member.state,
    Member.city,
    Member.chapter_id,
    Member.expertise,
    Member.degree_level,
    Member.field_of_study,
    Member.institution,
    Member.employer,
    Member.job_title,
    Member.languages,
    Member.website,
    Member.status,
    Member.joined_on,
    Member.directory_consent,
    Member.print_fields_raw,
    Member.consent_date,
    Member.consent_source,
    Member.notes,
    Member.created_at,
    Member.updated_at,
)


def export_members_xlsx(
    sessions: SessionFactory,
    selection: MemberQuery | Sequence[int],
    out_path: Path | str,
    *,
    external: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    columns = [(key, col) for key, col in COLUMNS if not (external and key in INTERNAL_ONLY)]
    with streaming_reader(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        ids = list(matching_ids(session, selection) if isinstance(selection, MemberQuery) else selection)
        workbook = new_workbook()
        sheet = SheetWriter(workbook, "Miembros", [col for _key, col in columns])
        try:
            written = _write(session, sheet, ids, columns, external, progress, abort)
        except BaseException:
            sheet.discard()
            raise
        sheet.close()
        workbook.save(temp)
    return ExportResult(Path(out_path), written)


def _write(
    session: Session,
    sheet: SheetWriter,
    ids: list[int],
    columns: list[tuple[str, SheetColumn]],
    external: bool,
    progress: Progress | None,
    abort: threading.Event | None,
) -> int:
    chapters = {c.id: c.name for c in session.scalars(select(Chapter))}
    sectors = {s.id: s.name for s in session.scalars(select(Sector))}
    contributions = {c.id: c.name for c in session.scalars(select(ContributionType))}
    written = 0
    for start in range(0, len(ids), CHUNK):
        check_abort(abort)
        chunk = ids[start : start + CHUNK]
        for values in _rows(session, chunk, chapters, sectors, contributions):
            if external and not values["directory_consent"]:
                continue
            if external:
                allowed = set(values["print_fields"].split(",")) if values["print_fields"] else set()
                for key, code in CONTACT.items():
                    if code not in allowed:
                        values[key] = None
            values["directory_consent"] = "Sí" if values["directory_consent"] else "No"
            sheet.row([values[key] for key, _col in columns])
            written += 1
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))
    check_abort(abort)
    return written


def _rows(
    session: Session,
    ids: Sequence[int],
    chapters: dict[int, str],
    sectors: dict[int, str],
    contributions: dict[int, str],
) -> list[dict[str, Any]]:
    """A chunk of members in the order of ``ids``, in the form the sheet shows them."""
    member_sectors: dict[int, list[tuple[bool, int]]] = defaultdict(list)
    for member_id, sector_id, primary in session.execute(
        select(MemberSector.member_id, MemberSector.sector_id, MemberSector.is_primary).where(
            MemberSector.member_id.in_(ids)
        )
    ):
        member_sectors[member_id].append((not primary, sector_id))
    member_contribs: dict[int, list[int]] = defaultdict(list)
    link = member_contributions.c
    for member_id, contribution_id in session.execute(
        select(link.member_id, link.contribution_id).where(link.member_id.in_(ids))
    ):
        member_contribs[member_id].append(contribution_id)
    by_id = {row[0]: row for row in session.execute(select(*_MEMBER_COLUMNS).where(Member.id.in_(ids)))}
    out = []
    for member_id in ids:
        row = by_id.get(member_id)
        if row is None:  # deleted since the list was made
            continue
        (
            mid,
            paternal,
            maternal,
            given,
            preferred,
            gender,
            email,
            phone,
            country,
            state,
            city,
            chapter_id,
            expertise,
            degree,
            field,
            institution,
            employer,
            job,
            languages,
            website,
            status,
            joined,
            consent,
            print_fields,
            consent_date,
            consent_source,
            notes,
            created,
            updated,
        ) = row
        ordered_sectors = [sectors[s] for _p, s in sorted(member_sectors.get(mid, []))]
        out.append(
            {
                "id": mid,
                "paternal_surname": paternal,
                "maternal_surname": maternal,
                "given_names": given,
                "preferred_name": preferred,
                "gender": Gender(gender).label if gender else None,
                "email": email,
                "phone": phone,
                "country": country_name(country) or None,
                "country_code": country,
                "state": state,
                "city": city,
                "chapter": chapters.get(chapter_id) if chapter_id else None,
                "primary_sector": ordered_sectors[0] if ordered_sectors else None,
                "sectors": "; ".join(ordered_sectors) or None,
                "expertise": expertise,
                "degree_level": DegreeLevel(degree).label if degree else None,
                "field_of_study": field,
                "institution": institution,
                "employer": employer,
                "job_title": job,
                "languages": languages,
                "website": website,
                "contributions": "; ".join(contributions[c] for c in sorted(member_contribs.get(mid, [])))
                or None,
                "status": STATUS[status],
                "joined_on": joined,
                "directory_consent": bool(consent),
                "print_fields": print_fields or "",
                "consent_date": consent_date,
                "consent_source": consent_source,
                "notes": notes,
                "created_at": created,
                "updated_at": updated,
            }
        )
    return out
