"""Spreadsheet formula injection (issue 10, item 2): whatever a person typed reaches every xlsx
as a text cell, exactly as typed — never a formula, never an error value — in every
spreadsheet the app writes. Checked in the file's XML (cell types, no <f>) and, for the members
sheet, in LibreOffice, which must show the text rather than a computed value."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.events import Event
from talentdesk.core.models import Member
from talentdesk.db.session import Database
from talentdesk.exports import event_xlsx
from talentdesk.exports.files import ExportResult
from talentdesk.exports.members_xlsx import INTERNAL_ONLY, export_members_xlsx
from talentdesk.exports.reference_xlsx import export_reference_xlsx
from talentdesk.exports.stats_xlsx import export_stats_xlsx
from talentdesk.exports.table_xlsx import export_rows_xlsx, export_table_xlsx
from talentdesk.imports.apply import apply_import
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops.import_report import write_error_report
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.search import MemberQuery
from tests.unit.hostile_text import FORMULA_EMAIL, FORMULAS, plant, run_sql, texts, xlsx_cells
from tests.unit.import_files import write_csv
from tests.unit.test_exports_libreoffice import convert

CHAPTER = "=9+9"
ORGANIZATION = "=ORG()"
HOTEL = "=HOTEL()"
EVENT_TEXTS = {
    "organization": "=1+1",
    "dietary": "+vegano",
    "accessibility": "-silla",
    "room": "+101",
    "confirmation": "=5*5",
    "arrival": "=AM1",
    "departure": "@AM2",
    "material": "=1+1 carpetas",
    "responsible": "-Ana",
    "task": "@tarea",
}


@pytest.fixture()
def planted(demo_db_path: Path) -> tuple[Path, int, int]:
    """The demo database with formula-like text in a member, a chapter, an organisation and
    the demo Jornada (participants, lodging, travel, materials, tasks)."""
    db = Database.open(demo_db_path)
    try:
        with db.reader() as session:
            member_id = int(session.scalars(select(Member.id).order_by(Member.id).limit(1)).one())
            chapter_id = session.scalar(select(Member.chapter_id).where(Member.id == member_id))
            event_id = int(session.scalars(select(Event.id).where(Event.name == DEMO_NAME)).one())
    finally:
        db.close()
    plant(demo_db_path, member_id, FORMULAS, email=FORMULA_EMAIL)
    if chapter_id is None:
        run_sql(demo_db_path, "UPDATE members SET chapter_id = 1 WHERE id = ?", (member_id,))
        chapter_id = 1
    run_sql(demo_db_path, "UPDATE chapters SET name = ? WHERE id = ?", (CHAPTER, chapter_id))
    run_sql(
        demo_db_path,
        "UPDATE organizations SET name = ? WHERE id = (SELECT min(id) FROM organizations)",
        (ORGANIZATION,),
    )
    t = EVENT_TEXTS
    run_sql(
        demo_db_path,
        "UPDATE participants SET organization = ?, dietary_needs = ?, accessibility_needs = ? WHERE event_id = ?",
        (t["organization"], t["dietary"], t["accessibility"], event_id),
    )
    run_sql(demo_db_path, "UPDATE lodgings SET room = ?, confirmation = ?", (t["room"], t["confirmation"]))
    run_sql(
        demo_db_path,
        "UPDATE lodgings SET hotel = ? WHERE hotel = (SELECT min(hotel) FROM lodgings WHERE hotel IS NOT NULL)",
        (HOTEL,),
    )
    run_sql(
        demo_db_path,
        "UPDATE travels SET arrival_flight = ?, departure_flight = ?",
        (t["arrival"], t["departure"]),
    )
    run_sql(demo_db_path, "UPDATE materials SET item = ?, responsible = ?", (t["material"], t["responsible"]))
    run_sql(demo_db_path, "UPDATE event_tasks SET title = ?", (t["task"],))
    return demo_db_path, member_id, event_id


MEMBER_TEXTS = {*FORMULAS.values(), FORMULA_EMAIL, CHAPTER}
EXTERNAL_TEXTS = {v for k, v in FORMULAS.items() if k not in INTERNAL_ONLY} | {FORMULA_EMAIL, CHAPTER}

Run = Callable[[Database, int, Path], ExportResult]
CASES: dict[str, tuple[Run, set[str]]] = {
    "members": (lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out), MEMBER_TEXTS),
    "external": (
        lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out, external=True),
        EXTERNAL_TEXTS,
    ),
    "table": (
        lambda db, _e, out: export_table_xlsx(
            db.sessions,
            MemberQuery(),
            out,
            columns=[
                "paternal_surname",
                "maternal_surname",
                "given_names",
                "email",
                "city",
                "employer",
                "chapter",
            ],
        ),
        {FORMULAS[k] for k in ("paternal_surname", "maternal_surname", "given_names", "city", "employer")}
        | {FORMULA_EMAIL, CHAPTER},
    ),
    "rows": (
        lambda _db, _e, out: export_rows_xlsx(out, "Filas", ["A", "B"], [["=1+1", "@x"], ["+1", "-1"]]),
        {"=1+1", "@x", "+1", "-1"},
    ),
    "chapters": (lambda db, _e, out: export_reference_xlsx(db.sessions, "chapters", out), {CHAPTER}),
    "organizations": (
        lambda db, _e, out: export_reference_xlsx(db.sessions, "organizations", out),
        {ORGANIZATION},
    ),
    "stats": (lambda db, _e, out: export_stats_xlsx(db.sessions, out), {CHAPTER}),
    "participants": (
        lambda db, e, out: event_xlsx.export_participants_xlsx(db.sessions, e, out),
        {
            EVENT_TEXTS[k]
            for k in (
                "organization",
                "dietary",
                "accessibility",
                "room",
                "confirmation",
                "arrival",
                "departure",
            )
        }
        | {HOTEL},
    ),
    "rooming": (
        lambda db, e, out: event_xlsx.export_rooming_xlsx(db.sessions, e, out),
        {EVENT_TEXTS["room"], EVENT_TEXTS["confirmation"]},
    ),
    "arrivals": (
        lambda db, e, out: event_xlsx.export_arrivals_xlsx(db.sessions, e, out),
        {EVENT_TEXTS["arrival"], EVENT_TEXTS["departure"], HOTEL},
    ),
    "materials": (
        lambda db, e, out: event_xlsx.export_materials_xlsx(db.sessions, e, out),
        {EVENT_TEXTS["material"], EVENT_TEXTS["responsible"], EVENT_TEXTS["task"]},
    ),
}


def assert_only_text(path: Path, expected: set[str]) -> None:
    cells = xlsx_cells(path)
    assert [c for c in cells if c.formula] == []
    assert [c for c in cells if c.type in ("e", "str")] == []  # an error value or a formula result
    missing = expected - texts(path)
    assert missing == set(), f"not written as text cells: {sorted(missing)}"


@pytest.mark.parametrize("name", list(CASES))
def test_formula_like_text_is_written_as_text(
    planted: tuple[Path, int, int], tmp_path: Path, name: str
) -> None:
    path, _member_id, event_id = planted
    run, expected = CASES[name]
    db = Database.open(path)
    try:
        out = tmp_path / f"{name}.xlsx"
        run(db, event_id, out)
    finally:
        db.close()
    assert_only_text(out, expected)


def test_the_import_error_report_writes_values_as_text(db: Database, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "alta.csv",
        [
            ["Nombre(s)", "Apellido paterno", "Correo electrónico", "País"],
            ["Ana", "=1+1", '=HYPERLINK("http://x")', "@pais"],
        ],
    )
    with db.reader() as session:
        plan = prepare_import(session, read_source(source))
    out = tmp_path / "errores.xlsx"
    write_error_report(plan, out)
    assert_only_text(out, {'=HYPERLINK("http://x")', "@pais"})


def test_imported_formula_like_text_is_kept_as_typed(db: Database, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "alta.csv",
        [
            ["Nombre(s)", "Apellido paterno", "Ciudad", "Empleador", "Puesto", "Institución"],
            ["Ana", "Pérez", "=1+1", "@Acme", "+Gerente", "-UNAM"],
        ],
    )
    with db.session() as session:
        plan = prepare_import(session, read_source(source))
        apply_import(session, plan)
    with db.reader() as session:
        member = session.scalars(select(Member)).one()
        assert (member.city, member.employer, member.job_title, member.institution) == (
            "=1+1",
            "@Acme",
            "+Gerente",
            "-UNAM",
        )


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_text_and_computes_nothing(
    planted: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, member_id, _event_id = planted
    db = Database.open(path)
    try:
        out = tmp_path / "miembros.xlsx"
        export_members_xlsx(db.sessions, [member_id], out)
    finally:
        db.close()
    converted = convert(out, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    with converted.open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    shown = dict(zip(header, row, strict=True))
    assert shown["Nombre(s)"] == "=1+1"  # not 2
    assert shown["Apellido paterno"] == FORMULAS["paternal_surname"]  # not a link
    assert shown["Apellido materno"] == "+1+1"
    assert shown["Ciudad"] == "-1+1"
    assert shown["Estado / región"] == "@SUM(1+1)"
    assert shown["Institución"] == "#N/A"  # text, not the error value
    assert shown["Área de estudio"] == "#REF!"
    assert shown["Especialidad / palabras clave"] == FORMULAS["expertise"]
    assert shown["Notas"] == "=2+2"
    assert shown["Correo electrónico"] == FORMULA_EMAIL
    assert shown["Capítulo"] == CHAPTER
