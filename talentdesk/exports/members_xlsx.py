"""Members, full: one row per member, every field, sectors and contributions joined.

``external=True`` makes the copy that may leave IME: only members who consented to appear in
directories and did not object to being contacted, and for each only the contact fields they
allowed (LFPDPPP, ``exports.consent``); internal fields (notes, consent record, timestamps) are
left out.
"""

from __future__ import annotations

import threading
from array import array
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, Gender, MemberStatus, PrintField
from talentdesk.core.models import (
    Chapter,
    ContributionType,
    Member,
    Sector,
)
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.consent import CONTACT_FIELDS, allowed_fields, may_appear
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook, save_workbook
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
    ("joined_on", SheetColumn("Fecha de ingreso", 12, "date")),
    ("directory_consent", SheetColumn("Aparece en directorios", 10)),
    ("print_fields", SheetColumn("Datos que se pueden imprimir", 22)),
    ("consent_date", SheetColumn("Fecha del consentimiento", 12, "date")),
    ("consent_source", SheetColumn("Origen del consentimiento", 18)),
    ("no_contact", SheetColumn("No contactar", 10)),
    ("notes", SheetColumn("Notas", 30)),
    ("created_at", SheetColumn("Creado", 16, "datetime")),
    ("updated_at", SheetColumn("Actualizado", 16, "datetime")),
)
INTERNAL_ONLY = {
    # Not for outside IME: personal data a directory never shows, and the consent record itself.
    "gender",
    "website",
    "notes",
    "consent_date",
    "consent_source",
    "created_at",
    "updated_at",
    "print_fields",
    "directory_consent",
    "no_contact",
}

KEYS = [key for key, _col in COLUMNS]
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
    Member.no_contact,
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
    keep = [i for i, key in enumerate(KEYS) if not (external and key in INTERNAL_ONLY)]
    with streaming_reader(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        ids = list(matching_ids(session, selection) if isinstance(selection, MemberQuery) else selection)
        workbook = new_workbook(temp)
        sheet = SheetWriter(workbook, "Miembros", [COLUMNS[i][1] for i in keep])
        written = array("q")
        try:
            _write(session, sheet, ids, keep, external, progress, abort, written)
        except BaseException:
            sheet.discard()
            raise
        sheet.close()
        save_workbook(workbook, temp)
    return ExportResult(Path(out_path), len(written), member_ids=written)


def _write(
    session: Session,
    sheet: SheetWriter,
    ids: list[int],
    keep: list[int],
    external: bool,
    progress: Progress | None,
    abort: threading.Event | None,
    written: array[int],
) -> None:
    """Append the members' rows; the ids of those written go to ``written`` (the export log)."""
    lookups = _Lookups.read(session)
    everything = len(keep) == len(KEYS)
    for start in range(0, len(ids), CHUNK):
        check_abort(abort)
        for row in rows_for(session, ids[start : start + CHUNK], lookups, external=external):
            sheet.row(row if everything else [row[i] for i in keep])
            written.append(row[0])  # type: ignore[arg-type]
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))
    check_abort(abort)


class _Lookups:
    """Names of chapters, sectors and contribution types, read once per export."""

    def __init__(
        self, chapters: dict[int, str], sectors: dict[int, str], contributions: dict[int, str]
    ) -> None:
        self.chapters = chapters
        self.sectors = sectors
        self.contributions = contributions

    @classmethod
    def read(cls, session: Session) -> _Lookups:
        return cls(
            dict(session.execute(select(Chapter.id, Chapter.name)).all()),
            dict(session.execute(select(Sector.id, Sector.name)).all()),
            dict(session.execute(select(ContributionType.id, ContributionType.name)).all()),
        )


_MEMBER_SQL = ", ".join(column.name for column in _MEMBER_COLUMNS)


def _date(value: object) -> object:
    # SQLite hands dates back as ISO text; PostgreSQL's driver as date objects.
    return date.fromisoformat(value) if isinstance(value, str) else value


def _datetime(value: object) -> object:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


# Each contact column with the permission it needs; the state goes with the city (a place).
_CONTACT_INDEXES = [(KEYS.index(field.value), field) for field in CONTACT_FIELDS] + [
    (KEYS.index("state"), PrintField.CITY)
]


def rows_for(
    session: Session, ids: Sequence[int], lookups: _Lookups, *, external: bool = False
) -> list[list[object]]:
    """A chunk of members in the order of ``ids``, as the sheet shows them (every column of
    COLUMNS, in order). ``external`` drops members without consent and blanks each contact
    field the member did not allow.

    Read through the driver's own cursor: the ORM's per-row work was most of the time an
    export spent outside openpyxl (figures in docs/benchmarks.md).
    """
    # Bound parameters, not inlined ids: every full chunk is then the same statement, which
    # the driver prepares once (inlined ids filled its statement cache with large programs).
    ids = [int(i) for i in ids]
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"
    marks = ",".join([mark] * len(ids))
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            f"SELECT member_id, sector_id, is_primary FROM member_sectors WHERE member_id IN ({marks})", ids
        )
        member_sectors: dict[int, list[tuple[bool, int]]] = defaultdict(list)
        for member_id, sector_id, primary in cursor.fetchall():
            member_sectors[member_id].append((not primary, sector_id))
        cursor.execute(
            f"SELECT member_id, contribution_id FROM member_contributions WHERE member_id IN ({marks})", ids
        )
        member_contribs: dict[int, list[int]] = defaultdict(list)
        for member_id, contribution_id in cursor.fetchall():
            member_contribs[member_id].append(contribution_id)
        cursor.execute(f"SELECT {_MEMBER_SQL} FROM members WHERE id IN ({marks})", ids)
        by_id = {row[0]: row for row in cursor.fetchall()}
    finally:
        cursor.close()
    chapters, sectors, contributions = lookups.chapters, lookups.sectors, lookups.contributions
    out: list[list[object]] = []
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
            no_contact,
            notes,
            created,
            updated,
        ) = row
        if external and not may_appear(consent, no_contact):
            continue
        linked = member_sectors.get(mid)
        ordered_sectors = [sectors[s] for _p, s in sorted(linked)] if linked else None
        contributed = member_contribs.get(mid)
        values: list[object] = [
            mid,
            paternal,
            maternal,
            given,
            preferred,
            GENDER.get(gender) if gender else None,
            email,
            phone,
            country_name(country) or None,
            country,
            state,
            city,
            chapters.get(chapter_id) if chapter_id else None,
            ordered_sectors[0] if ordered_sectors else None,
            "; ".join(ordered_sectors) if ordered_sectors else None,
            expertise,
            DEGREE.get(degree) if degree else None,
            field,
            institution,
            employer,
            job,
            languages,
            website,
            "; ".join(contributions[c] for c in sorted(contributed)) if contributed else None,
            STATUS[status],
            _date(joined),
            "Sí" if consent else "No",
            print_fields or "",
            _date(consent_date),
            consent_source,
            "Sí" if no_contact else "No",
            notes,
            _datetime(created),
            _datetime(updated),
        ]
        if external:
            allowed = allowed_fields(consent, print_fields)
            for index, field in _CONTACT_INDEXES:
                if field not in allowed:
                    values[index] = None
        out.append(values)
    return out
