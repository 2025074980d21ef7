"""Control characters (issue 10, item 3): refused where text comes in — the services, the
import — with a Spanish message naming the field; and every export still works (and leaves them
out) when a database already holds some, written there by an older version or another program.

White space is not refused: a tab or line break in a one-line field becomes a space, as
before; the welcome letter (multi-line) keeps its line breaks."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.errors import ValidationError
from talentdesk.core.events import Event
from talentdesk.core.models import Chapter, Member
from talentdesk.db.session import Database
from talentdesk.exports import event_xlsx
from talentdesk.exports.agenda_pdf import export_agenda_pdf
from talentdesk.exports.badges import export_badges_pdf
from talentdesk.exports.directory_pdf import export_directory_pdf
from talentdesk.exports.files import ExportResult
from talentdesk.exports.members_xlsx import export_members_xlsx
from talentdesk.exports.packets_pdf import export_packets_pdf
from talentdesk.exports.reference_xlsx import export_reference_xlsx
from talentdesk.exports.signin_pdf import export_signin_pdf
from talentdesk.exports.stats_xlsx import export_stats_xlsx
from talentdesk.exports.table_xlsx import export_table_xlsx
from talentdesk.imports.apply import apply_import
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops.import_report import write_error_report
from talentdesk.services import (
    chapters,
    document_settings,
    event_agenda,
    event_logistics,
    event_materials,
    event_participants,
    import_mappings,
    organizations,
    sectors,
)
from talentdesk.services import events as ev
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.members import create_member, update_member
from talentdesk.services.search import MemberQuery
from tests.unit.hostile_text import CONTROLS, plant, run_sql, texts, without_controls, xlsx_cells
from tests.unit.import_files import write_csv

ESC = "Beto\x1b[1m"
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# -- the text helpers -----------------------------------------------------------------------------


def test_which_characters_count_as_control_characters() -> None:
    from talentdesk.core.text import first_control

    assert first_control(ESC) == 4
    assert first_control("Ana\x00") == 3
    assert first_control("Acme\x9b31m") == 4  # C1
    assert first_control("Ana\x7f") == 3  # DEL
    for white in ("Ana\tMaría", "Ana\nMaría", "Ana\rMaría", "Ana\x0bMaría", "Ana\x1fMaría", "Ana\x85"):
        assert first_control(white) is None  # clean() makes these a space
    assert first_control("línea\nlínea\ttab", multiline=True) is None
    assert first_control("línea\x0blínea", multiline=True) == 5  # kept as is there: refused
    assert first_control("Ñoño Peña 北京 🎉") is None


def test_documents_leave_out_what_they_cannot_hold() -> None:
    from talentdesk.core.text import printable

    assert printable("Nu\x00ñez\x1b[1m\x9b\ufffe\tok\n") == "Nuñez[1m\tok\n"
    assert printable("José") == "José"


def test_terminals_get_visible_escapes() -> None:
    from talentdesk.core.text import escape_controls

    assert escape_controls(ESC) == "Beto\\u001b[1m"
    assert escape_controls("a\rb\x07\x9b") == "a\\u000db\\u0007\\u009b"
    assert escape_controls("Ñoño\tPeña\n") == "Ñoño\tPeña\n"


def test_bidirectional_overrides_count_as_control_characters() -> None:
    """U+202E hidden in a name shows "Ana\u202efdp.exe" as "Anaexe.pdf": refused like a control,
    dropped from documents and escaped in a terminal; Arabic or Hebrew text needs none of them."""
    from talentdesk.core.text import escape_controls, first_control, printable

    for bidi in ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"):
        assert first_control(f"Ana{bidi}fdp.exe") == 3
        assert first_control(f"nota{bidi}", multiline=True) == 4
        assert printable(f"Ana{bidi}fdp") == "Anafdp"
        assert escape_controls(f"Ana{bidi}") == f"Ana\\u{ord(bidi):04x}"
    assert first_control("مريم كوهين שרה") is None  # right-to-left scripts are letters


def test_a_member_named_with_an_override_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.session() as session:
        create_member(session, {"given_names": "Ana\u202efdp.exe", "paternal_surname": "Pérez"})
    assert "U+202E" in str(caught.value)


# -- refused at the services ---------------------------------------------------------------------


def _event(s: Session) -> int:
    return ev.create_event(
        s, {"name": "Jornada", "starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
    ).id


def _guest(s: Session) -> int:
    return event_participants.add_guest(s, _event(s), {"given_names": "Ana", "paternal_surname": "Pérez"}).id


WRITES: dict[str, tuple[Callable[[Session], Any], str]] = {
    "member add": (
        lambda s: create_member(s, {"given_names": ESC, "paternal_surname": "Pérez"}),
        "Nombre(s)",
    ),
    "member update": (
        lambda s: update_member(
            s,
            create_member(s, {"given_names": "Ana", "paternal_surname": "Pérez"}).id,
            {"city": "Mon\x07terrey"},
        ),
        "Ciudad",
    ),
    "member e-mail": (
        lambda s: create_member(
            s, {"given_names": "Ana", "paternal_surname": "P", "email": "a\x1b@example.com"}
        ),
        "Correo electrónico",
    ),
    "chapter": (lambda s: chapters.create_chapter(s, {"name": "Austin\x1b[2J"}), "Nombre"),
    "organization": (
        lambda s: organizations.create_organization(s, {"name": "UNAM", "notes": "x\x00y"}),
        "Notas",
    ),
    "sector": (lambda s: sectors.update_sector(s, 1, {"notes": "\x9bnota"}), "Notas"),
    "sector contact": (lambda s: sectors.add_contact(s, 1, {"name": "Luz\x08"}), "Nombre"),
    "event": (
        lambda s: ev.create_event(
            s, {"name": "Jornada\x1b", "starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
        ),
        "Nombre",
    ),
    "room": (lambda s: event_agenda.add_room(s, _event(s), "Sala\x1b"), "Nombre de la sala"),
    "agenda session": (lambda s: event_agenda.add_session(s, _event(s), {"title": "Panel\x1b"}), "Título"),
    "guest": (
        lambda s: event_participants.add_guest(
            s, _event(s), {"given_names": ESC, "paternal_surname": "Pérez"}
        ),
        "Nombre(s)",
    ),
    "participant": (
        lambda s: event_participants.update_participant(s, _guest(s), {"organization": "Org\x07"}),
        "Organización",
    ),
    "travel": (
        lambda s: event_logistics.set_travel(s, _guest(s), {"arrival_flight": "AM\x1b1"}),
        "Vuelo de llegada",
    ),
    "lodging": (lambda s: event_logistics.set_lodging(s, _guest(s), {"hotel": "Hotel\x1b"}), "Hotel"),
    "material": (lambda s: event_materials.add_material(s, _event(s), "Carpetas\x1b"), "Material"),
    "task": (lambda s: event_materials.add_task(s, _event(s), "Llamar\x1b"), "Título"),
    "column mapping": (
        lambda s: import_mappings.save_mapping(s, "Mi\x1b", {"Nombre": "given_names"}),
        "Nombre",
    ),
    "welcome letter": (
        lambda s: document_settings.set_welcome_letter(s, "Estimado {nombre}:\n\x1b[31m"),
        "Carta de bienvenida",
    ),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_control_characters_are_refused_where_text_comes_in(db: Database, name: str) -> None:
    write, label = WRITES[name]
    with pytest.raises(ValidationError) as caught, db.session() as session:
        write(session)
    message = str(caught.value)
    assert message.startswith(f"{label}: tiene un carácter de control invisible (U+")
    assert "bórrelo" in message
    assert RAW.search(message) is None  # the message itself never carries the character


def test_white_space_controls_become_a_space_and_letters_stay(db: Database) -> None:
    with db.session() as session:
        member = create_member(
            session, {"given_names": "Ana\tMaría", "paternal_surname": "Peña\x0bLópez", "city": "北京"}
        )
        assert (member.given_names, member.paternal_surname, member.city) == (
            "Ana María",
            "Peña López",
            "北京",
        )
        document_settings.set_welcome_letter(session, "Estimado {nombre}:\n\n\tBienvenido.")
        assert document_settings.welcome_letter(session) == "Estimado {nombre}:\n\n\tBienvenido."


def test_a_refused_member_leaves_nothing(db: Database) -> None:
    with pytest.raises(ValidationError), db.session() as session:
        create_member(session, {"given_names": ESC, "paternal_surname": "Pérez"})
    with db.reader() as session:
        assert session.scalars(select(Member)).all() == []


# -- refused at the import -----------------------------------------------------------------------


def xlsx_with_escaped_controls(path: Path) -> Path:
    """What Excel writes for a control character in a cell: the _x001B_ escape."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nombre(s)</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Apellido paterno</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Beto_x001B_[1m</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Pérez</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Ana</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>López</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_import_refuses_the_row_and_says_why(db: Database, tmp_path: Path, kind: str) -> None:
    if kind == "csv":
        source = write_csv(
            tmp_path / "alta.csv", [["Nombre(s)", "Apellido paterno"], [ESC, "Pérez"], ["Ana", "López"]]
        )
    else:
        source = xlsx_with_escaped_controls(tmp_path / "alta.xlsx")
    with db.session() as session:
        plan = prepare_import(session, read_source(source))
        errors = plan.errors()
        assert [(e.row, e.column) for e in errors] == [(2, "Nombre(s)")]
        assert errors[0].message.startswith(
            "Nombre(s): tiene un carácter de control invisible (U+001B, posición 5)"
        )
        apply_import(session, plan, valid_only=True)
    with db.reader() as session:
        assert [m.given_names for m in session.scalars(select(Member))] == ["Ana"]
    report = tmp_path / "errores.xlsx"
    write_error_report(plan, report)  # the offending value is in the report, minus the control
    assert "Beto[1m" in texts(report)


# -- already stored: every export still works ----------------------------------------------------


@pytest.fixture()
def stored(demo_db_path: Path) -> tuple[Path, int, int]:
    """The demo database with control characters written by raw SQL, past any validation."""
    db = Database.open(demo_db_path)
    try:
        with db.reader() as session:
            member_id = int(session.scalars(select(Member.id).order_by(Member.id).limit(1)).one())
            event_id = int(session.scalars(select(Event.id).where(Event.name == DEMO_NAME)).one())
            chapter_id = int(session.scalars(select(Chapter.id).order_by(Chapter.id).limit(1)).one())
    finally:
        db.close()
    plant(demo_db_path, member_id, CONTROLS)
    run_sql(demo_db_path, "UPDATE members SET chapter_id = ? WHERE id = ?", (chapter_id, member_id))
    run_sql(demo_db_path, "UPDATE chapters SET name = name || ? WHERE id = ?", ("\x1b[2J", chapter_id))
    run_sql(demo_db_path, "UPDATE participants SET given_names = ?, organization = ?", (ESC, "Org\x07"))
    run_sql(demo_db_path, "UPDATE lodgings SET hotel = hotel || ?, room = ?", ("\x1b", "1\x01"))
    run_sql(demo_db_path, "UPDATE travels SET arrival_flight = ?", ("AM\x1b1",))
    run_sql(demo_db_path, "UPDATE materials SET item = ?", ("Carpetas\x9b",))
    run_sql(demo_db_path, "UPDATE event_tasks SET title = ?", ("Llamar\x1b",))
    run_sql(demo_db_path, "UPDATE events SET name = name || ?, venue_name = ?", ("\x1b]0;x\x07", "Sede\x1b"))
    run_sql(demo_db_path, "UPDATE event_sessions SET title = title || ?", ("\x1b[31m",))
    return demo_db_path, member_id, event_id


Run = Callable[[Database, int, Path], ExportResult]
STORED_EXPORTS: dict[str, Run] = {
    "members": lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out),
    "external": lambda db, _e, out: export_members_xlsx(db.sessions, MemberQuery(), out, external=True),
    "table": lambda db, _e, out: export_table_xlsx(
        db.sessions,
        MemberQuery(),
        out,
        columns=["paternal_surname", "given_names", "city", "employer", "chapter"],
    ),
    "chapters": lambda db, _e, out: export_reference_xlsx(db.sessions, "chapters", out),
    "events": lambda db, _e, out: export_reference_xlsx(db.sessions, "events", out),
    "stats": lambda db, _e, out: export_stats_xlsx(db.sessions, out),
    "participants": lambda db, e, out: event_xlsx.export_participants_xlsx(db.sessions, e, out),
    "rooming": lambda db, e, out: event_xlsx.export_rooming_xlsx(db.sessions, e, out),
    "arrivals": lambda db, e, out: event_xlsx.export_arrivals_xlsx(db.sessions, e, out),
    "materials": lambda db, e, out: event_xlsx.export_materials_xlsx(db.sessions, e, out),
    "directory.pdf": lambda db, _e, out: export_directory_pdf(db.sessions, MemberQuery(), out),
    "badges.pdf": lambda db, e, out: export_badges_pdf(db.sessions, e, out),
    "signin.pdf": lambda db, e, out: export_signin_pdf(db.sessions, e, out),
    "agenda.pdf": lambda db, e, out: export_agenda_pdf(db.sessions, e, out),
    "packets.pdf": lambda db, e, out: export_packets_pdf(db.sessions, e, out),
}


def _document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        return "".join(page.extract_text() for page in reader.pages) + str(reader.metadata)
    found = xlsx_cells(path)
    return "\n".join(c.text for c in found if c.text) + "\n".join(
        zipfile.ZipFile(path).read(n).decode() for n in zipfile.ZipFile(path).namelist() if n.endswith(".xml")
    )


@pytest.mark.parametrize("name", list(STORED_EXPORTS))
def test_every_export_copes_with_stored_control_characters(
    stored: tuple[Path, int, int], tmp_path: Path, name: str
) -> None:
    path, _member_id, event_id = stored
    out = tmp_path / (name if name.endswith(".pdf") else f"{name}.xlsx")
    db = Database.open(path)
    try:
        STORED_EXPORTS[name](db, event_id, out)
    finally:
        db.close()
    text = _document_text(out)
    assert RAW.search(text) is None
    assert "\x00" not in text  # not even as the PDF's missing-glyph code


def test_the_members_sheet_keeps_the_rest_of_the_text(stored: tuple[Path, int, int], tmp_path: Path) -> None:
    path, member_id, _event_id = stored
    out = tmp_path / "miembros.xlsx"
    db = Database.open(path)
    try:
        export_members_xlsx(db.sessions, [member_id], out)
    finally:
        db.close()
    assert {without_controls(v) for v in CONTROLS.values()} <= texts(out)
