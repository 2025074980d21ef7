"""``talentdesk export chapters|sectors|organizations|events``: each whole list with the columns
its table shows by default, Spanish headers, the table's default order (Spanish order for
names), numbers as numbers and dates as dates; read back with calamine and openpyxl."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from talentdesk.db.session import Database
from talentdesk.services import chapters as chapter_service
from talentdesk.services import events as event_service
from tests.cli._support import Result, query

Cli = Callable[..., Result]


def ok(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def sheet(path: Path, name: str) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [name]
    rows: list[list[object]] = book.get_sheet_by_name(name).to_python()
    return rows


def spanish(text: str) -> str:
    """An independent Spanish collation key: accents and case ignored, ñ a letter after n."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ñ", "n\U0010ffff")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(c if c.isalnum() or c == "\U0010ffff" else " " for c in stripped)


def numeric_cells(path: Path, column: int) -> list[str]:
    """openpyxl's data types of a column below the header ('n' for numbers, 'd' for dates)."""
    book = load_workbook(path, read_only=True)
    try:
        return [row[column].data_type for row in book.worksheets[0].iter_rows(min_row=2)]
    finally:
        book.close()  # a read-only workbook keeps its file open until closed


def test_chapters_in_spanish_order_with_member_counts(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    database = Database.open(demo_db_path)
    with database.session() as session:
        chapter_service.create_chapter(session, {"name": "Ñuñoa", "city": "Santiago", "country": "CL"})
        chapter_service.create_chapter(session, {"name": "Ámsterdam", "country": "NL"})
    database.close()
    out = tmp_path / "capítulos.xlsx"
    assert f"Se exportaron 23 capítulos a {out}." in ok(
        cli("--db", demo_db_path, "export", "chapters", "-o", out)
    )

    rows = sheet(out, "Capítulos")
    assert rows[0] == ["Capítulo", "Ubicación", "Estatus", "Miembros", "Presidencia"]
    names = [str(r[0]) for r in rows[1:]]
    in_db = [str(n) for (n,) in query(demo_db_path, "SELECT name FROM chapters")]
    assert sorted(names) == sorted(in_db) and len(names) == 23
    assert names == sorted(in_db, key=spanish)
    assert names.index("Ámsterdam") == names.index("Alemania") + 1  # with the A's, not after Z
    assert names.index("Ñuñoa") == names.index("Nueva York") + 1  # ñ after n

    counts = dict(
        query(
            demo_db_path,
            "SELECT c.name, count(m.id) FROM chapters c LEFT JOIN members m ON m.chapter_id = c.id GROUP BY c.id",
        )
    )
    assert {str(r[0]): r[3] for r in rows[1:]} == counts
    assert all(isinstance(r[3], int | float) for r in rows[1:])
    assert set(numeric_cells(out, 3)) == {"n"}
    by_name = {str(r[0]): r for r in rows[1:]}
    assert by_name["Ñuñoa"][1] == "Santiago, Chile" and by_name["Ñuñoa"][2] == "En formación"
    assert by_name["Ámsterdam"][1] == "Países Bajos" and by_name["Ámsterdam"][4] == ""  # empty cell
    assert by_name["Alemania"][4]  # the demo chapters have a president


def test_sectors_by_number(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "sectores.xlsx"
    assert "Se exportaron 9 sectores" in ok(cli("--db", demo_db_path, "export", "sectors", "-o", out))
    rows = sheet(out, "Sectores y PNCS")
    assert rows[0] == ["Núm.", "Sector", "Institución de contacto", "Contactos", "Miembros"]
    assert [r[0] for r in rows[1:]] == list(range(1, 10))
    expected = query(
        demo_db_path,
        "SELECT s.number, s.name, "
        "(SELECT count(*) FROM sector_contacts c WHERE c.sector_id = s.id), "
        "(SELECT count(*) FROM member_sectors m WHERE m.sector_id = s.id) FROM sectors s ORDER BY s.number",
    )
    assert [(r[0], r[1], r[3], r[4]) for r in rows[1:]] == expected
    for column in (0, 3, 4):
        assert set(numeric_cells(out, column)) == {"n"}


def test_organizations_every_one_in_spanish_order(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "organizaciones.xlsx"
    assert "Se exportaron 60 organizaciones" in ok(
        cli("--db", demo_db_path, "export", "organizations", "-o", out)
    )
    rows = sheet(out, "Organizaciones")
    assert rows[0] == ["Organización", "Tipo", "Estado", "Ciudad", "Contacto", "Correo", "Sectores"]
    in_db = query(demo_db_path, "SELECT name, state, contact_email FROM organizations")
    names = [str(r[0]) for r in rows[1:]]
    assert names == sorted((str(n) for n, _s, _e in in_db), key=spanish)
    assert {(r[0], r[2], r[5]) for r in rows[1:]} == set(in_db)
    kinds = {r[1] for r in rows[1:]}
    assert "Universidad" in kinds and "universidad" not in kinds  # the Spanish label, not the code


def test_events_newest_first_with_real_dates(cli: Cli, demo_db_path: Path, tmp_path: Path) -> None:
    one = tmp_path / "una.xlsx"
    assert f"Se exportó 1 jornada a {one}." in ok(cli("--db", demo_db_path, "export", "events", "-o", one))
    database = Database.open(demo_db_path)
    with database.session() as session:
        event_service.create_event(
            session,
            {
                "name": "Jornada anterior",
                "edition": "2026",
                "starts_on": "2026-03-05",
                "ends_on": "2026-03-06",
            },
        )
    database.close()
    out = tmp_path / "jornadas.xlsx"
    assert "Se exportaron 2 jornadas" in ok(cli("--db", demo_db_path, "export", "events", "-o", out))
    rows = sheet(out, "Jornadas")
    assert rows[0] == ["Evento", "Edición", "Empieza", "Termina", "Ciudad", "Estatus", "Participantes"]
    demo, earlier = rows[1], rows[2]
    assert str(demo[0]).startswith("Jornada Informativa") and earlier[0] == "Jornada anterior"
    assert (demo[2], demo[3]) == (date(2027, 2, 18), date(2027, 2, 19))
    assert (earlier[2], earlier[3], earlier[6]) == (date(2026, 3, 5), date(2026, 3, 6), 0)
    assert demo[6] == query(demo_db_path, "SELECT count(*) FROM participants")[0][0] == 151
    assert earlier[1] == "2026" and earlier[5] == "Planeación"
    assert numeric_cells(out, 2) == ["d", "d"] and numeric_cells(out, 6) == ["n", "n"]


@pytest.mark.parametrize("document", ["chapters", "sectors", "organizations", "events"])
def test_a_file_that_is_not_xlsx_is_refused_and_nothing_is_written(
    cli: Cli, demo_db_path: Path, tmp_path: Path, document: str
) -> None:
    result = cli("--db", demo_db_path, "export", document, "-o", tmp_path / "lista.csv")
    assert result.code == 1
    assert result.err.startswith("Error:") and ".xlsx" in result.err
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_tables(cli: Cli) -> None:
    result = cli("export", "--help")
    for document in ("chapters", "sectors", "organizations", "events"):
        assert document in result.out
