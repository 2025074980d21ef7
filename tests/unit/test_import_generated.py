"""Generated files (hypothesis): whatever the cells hold, the import never crashes. Each file
is either refused as a whole with a Spanish TalentDeskError, or read into rows that are
imported or reported one by one; nothing is written for a refused file or a row with errors."""

from __future__ import annotations

import shutil
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.models import Member
from talentdesk.db.session import Database
from talentdesk.imports.apply import apply_import
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source

KNOWN = [
    "Id",
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Nombre completo",
    "Correo electrónico",
    "Teléfono",
    "País",
    "Código de país",
    "Ciudad",
    "Capítulo",
    "Sector(es)",
    "Sector principal",
    "Fecha de ingreso",
    "Estatus",
    "Género",
    "Nivel de estudios",
    "Aparece en directorios",
    "Datos que se pueden imprimir",
    "Aportaciones",
    "Sitio web",
    "Notas",
    "Empleador",
    "Apellidos",
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
PLAUSIBLE = st.sampled_from(
    [
        "Ana",
        "Pérez",
        "ana@example.com",
        "MX",
        "México",
        "Houston",
        "Salud; 3",
        "15/03/2021",
        "Activo",
        "Sí",
        "email,phone",
        "+52 55 1234 5678",
        "https://example.com",
        "de la Garza",
        "45000",
        "1",
        "",
        " ",
    ]
)
CELL = st.one_of(
    st.none(),
    PLAUSIBLE,
    TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.times(),
)
HEADER = st.one_of(st.sampled_from(KNOWN), TEXT)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> tuple[Path, Path]:
    return tmp_path_factory.mktemp("generated"), template_db


def _import(workdir: tuple[Path, Path], path: Path) -> None:
    folder, template = workdir
    db_path = folder / f"{uuid.uuid4().hex}.sqlite"
    shutil.copyfile(template, db_path)
    db = Database.open(db_path)
    try:
        try:
            source = read_source(path)
        except TalentDeskError as exc:
            assert len(exc.message) > 20 and "Traceback" not in exc.message
            event("file refused")
            return
        assert len(source.rows) == len(source.row_numbers) and all(
            len(r) == len(source.headers) for r in source.rows
        )
        try:
            with db.reader() as s:
                plan = prepare_import(s, source)
        except TalentDeskError as exc:
            assert "asignación de columnas" in exc.message
            event("mapping refused")
            return
        for err in plan.errors():
            assert err.row in source.row_numbers and err.message
        summary = plan.summary()
        assert summary.rows == summary.new + summary.updated + summary.skipped + summary.errors
        with db.session() as s:
            result = apply_import(s, plan, valid_only=True)
        with db.reader() as s:
            members = int(s.scalar(select(func.count()).select_from(Member)) or 0)
        assert members == len(result.created_ids) == result.summary.new
        event("imported: some rows written" if members else "imported: every row reported")
    finally:
        db.close()
        db_path.unlink(missing_ok=True)


NAMES = st.sampled_from([[], ["Nombre(s)", "Apellido paterno"], ["Nombre completo"], ["Id"]])
NAME_CELL = st.one_of(
    st.sampled_from(["Ana", "Luis Pérez", "José de la Garza Ruiz", "Ñúñez", "", None]), CELL
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=NAMES,
    headers=st.lists(HEADER, min_size=1, max_size=8),
    rows=st.lists(
        st.tuples(st.lists(NAME_CELL, min_size=2, max_size=2), st.lists(CELL, max_size=9)), max_size=8
    ),
    blank_top=st.integers(min_value=0, max_value=2),
)
def test_generated_workbooks_never_crash(
    workdir: tuple[Path, Path],
    names: list[str],
    headers: list[Any],
    rows: list[tuple[list[Any], list[Any]]],
    blank_top: int,
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for _ in range(blank_top):
        sheet.append([])
    cells = [[*first[: len(names)], *rest] for first, rest in rows]
    for row in [[*names, *headers], *cells]:
        sheet.append([_excel_safe(v) for v in row])
    path = workdir[0] / f"{uuid.uuid4().hex}.xlsx"
    workbook.save(path)
    _import(workdir, path)


def _excel_safe(value: Any) -> Any:
    # openpyxl refuses control characters in strings; Excel files cannot hold them either.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    return value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    headers=st.lists(st.one_of(st.sampled_from(KNOWN), TEXT), min_size=1, max_size=7),
    rows=st.lists(st.lists(st.one_of(PLAUSIBLE, TEXT), max_size=9), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_generated_csv_files_never_crash(
    workdir: tuple[Path, Path], headers: list[str], rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in [headers, *rows]:
        writer.writerow(row)
    path = workdir[0] / f"{uuid.uuid4().hex}.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    _import(workdir, path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_never_crash(workdir: tuple[Path, Path], data: bytes, suffix: str) -> None:
    path = workdir[0] / f"{uuid.uuid4().hex}{suffix}"
    path.write_bytes(data)
    _import(workdir, path)
