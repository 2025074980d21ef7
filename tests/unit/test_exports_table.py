"""The members table exported as shown: the very order, columns and texts of the GUI table
(services.member_table), with real dates and numbers; plus the generic rows writer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

import talentdesk.exports.table_xlsx as table_module
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.errors import Cancelled, TalentDeskError
from talentdesk.db.session import Database
from talentdesk.exports.table_xlsx import export_rows_xlsx, export_table_xlsx
from talentdesk.services.member_table import BY_KEY, COLUMNS, display_value, fetch_rows, ordered_ids
from talentdesk.services.search import MemberQuery
from tests.unit.helpers import add

SHOWN = [
    "id",
    "given_names",
    "paternal_surname",
    "maternal_surname",
    "country",
    "chapter",
    "status",
    "joined_on",
]


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    database = Database.open(demo_db_path)
    yield database
    database.close()


def read(path: Path, sheet: str = "Miembros") -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def gui_table(
    db: Database, query: MemberQuery, sort_key: str, descending: bool
) -> list[tuple[int, tuple[Any, ...]]]:
    """What the table view shows: ordered ids, then row batches fetched as it paints them."""
    with db.reader() as session:
        ids = list(ordered_ids(session, query, sort_key, descending))
        rows: dict[int, tuple[Any, ...]] = {}
        for start in range(0, len(ids), 200):
            rows.update(fetch_rows(session, ids[start : start + 200]))
    return [(i, rows[i]) for i in ids]


@pytest.mark.parametrize(
    ("sort_key", "descending"),
    [
        ("paternal_surname", False),
        ("paternal_surname", True),
        ("country", True),
        ("chapter", False),
        ("joined_on", True),
    ],
)
def test_export_is_the_gui_table(demo: Database, tmp_path: Path, sort_key: str, descending: bool) -> None:
    query = MemberQuery(text="a", statuses=(MemberStatus.ACTIVE, MemberStatus.PROSPECT))
    out = tmp_path / "tabla.xlsx"
    result = export_table_xlsx(
        demo.sessions, query, out, columns=SHOWN, sort_key=sort_key, descending=descending
    )
    rows = read(out)
    expected = gui_table(demo, query, sort_key, descending)
    assert rows[0] == [BY_KEY[k].label for k in SHOWN]
    assert result.rows == len(rows) - 1 == len(expected) > 50
    index = {c.key: i for i, c in enumerate(COLUMNS)}
    for got, (member_id, values) in zip(rows[1:], expected, strict=True):
        assert got[0] == member_id  # a number: calamine returns 12.0 == 12
        for position, key in enumerate(SHOWN[1:], start=1):
            raw = values[index[key]]
            if key == "joined_on":
                assert got[position] == (date.fromisoformat(raw) if raw else "")
            else:
                assert got[position] == display_value(BY_KEY[key], raw)


def test_values_are_typed_and_in_spanish(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "tabla.xlsx"
    columns = ["id", "status", "degree_level", "country", "directory_consent", "joined_on", "email"]
    export_table_xlsx(demo.sessions, MemberQuery(), out, columns=columns)
    rows = read(out)
    col = {key: i for i, key in enumerate(columns)}
    body = rows[1:]
    assert {r[col["status"]] for r in body} <= {s.label for s in MemberStatus}
    assert {r[col["degree_level"]] for r in body} - {""} <= {d.label for d in DegreeLevel}
    assert "Maestría" in {r[col["degree_level"]] for r in body}
    assert "Estados Unidos" in {r[col["country"]] for r in body}
    assert {r[col["directory_consent"]] for r in body} == {"Sí", "No"}
    assert all(isinstance(r[col["joined_on"]], date) for r in body if r[col["joined_on"]] != "")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    first = sheet.cell(row=2, column=1)
    assert isinstance(first.value, int) and first.data_type == "n"
    joined = next(c for c in sheet["F"][1:] if c.value is not None)
    assert joined.is_date and isinstance(joined.value, datetime) and joined.number_format == "DD/MM/YYYY"
    assert all(isinstance(c.value, str) for c in sheet["B"][1:])  # status as text, not a code number


def test_spanish_name_order(demo: Database, tmp_path: Path) -> None:
    surnames = ["Ñandú", "Obregón", "Nuño", "Azuela", "Núñez", "Ávila", "Nunez", "Avendaño", "Narváez"]
    with demo.session() as session:
        for surname in surnames:
            add(session, "Prueba", surname, employer="Qqxlista")
    out = tmp_path / "orden.xlsx"
    export_table_xlsx(demo.sessions, MemberQuery(text="qqxlista"), out, columns=["paternal_surname"])
    assert [r[0] for r in read(out)[1:]] == [
        "Avendaño",
        "Ávila",
        "Azuela",
        "Narváez",
        "Nunez",
        "Núñez",
        "Nuño",
        "Ñandú",
        "Obregón",
    ]
    export_table_xlsx(
        demo.sessions, MemberQuery(text="qqxlista"), out, columns=["paternal_surname"], descending=True
    )
    assert [r[0] for r in read(out)[1:]][:2] == ["Obregón", "Ñandú"]


def test_sheet_is_formatted(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "tabla.xlsx"
    export_table_xlsx(
        demo.sessions, MemberQuery(), out, columns=["paternal_surname", "email", "primary_sector"]
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.title == "Miembros"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:C{sheet.max_row}" == "A1:C301"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["B"].width == 32


@pytest.mark.parametrize(
    ("columns", "sort_key", "message"),
    [
        (["paternal_surname", "salary"], "paternal_surname", "Columna desconocida.*«salary»"),
        ([], "paternal_surname", "No hay columnas visibles"),
        (["paternal_surname"], "shoe_size", "No se puede ordenar por «shoe_size»"),
    ],
)
def test_bad_columns_are_refused_in_spanish(
    demo: Database, tmp_path: Path, columns: list[str], sort_key: str, message: str
) -> None:
    with pytest.raises(TalentDeskError, match=message):
        export_table_xlsx(
            demo.sessions, MemberQuery(), tmp_path / "t.xlsx", columns=columns, sort_key=sort_key
        )
    assert list(tmp_path.iterdir()) == []


def test_cancel_before_and_during(demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "tabla.xlsx"
    out.write_bytes(b"yesterday's good table")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled, match="cancelada"):
        export_table_xlsx(demo.sessions, MemberQuery(), out, columns=["id"], abort=abort)
    abort.clear()
    monkeypatch.setattr(table_module, "CHUNK", 50)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        abort.set()  # cancel after the first chunk

    with pytest.raises(Cancelled):
        export_table_xlsx(demo.sessions, MemberQuery(), out, columns=["id"], progress=progress, abort=abort)
    assert seen == [(50, 300)]
    assert out.read_bytes() == b"yesterday's good table"
    assert [p.name for p in tmp_path.iterdir()] == ["tabla.xlsx"]


def test_progress_reaches_the_total(demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_module, "CHUNK", 128)
    seen: list[tuple[int, int]] = []
    export_table_xlsx(
        demo.sessions,
        MemberQuery(),
        tmp_path / "t.xlsx",
        columns=["id"],
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(128, 300), (256, 300), (300, 300)]


def test_rows_writer_keeps_types_and_order(tmp_path: Path) -> None:
    out = tmp_path / "capitulos.xlsx"
    rows = [("Silicon Valley", date(2006, 11, 1), 12), ("Houston", date(2007, 5, 1), 0), ("Núcleo", None, 3)]
    result = export_rows_xlsx(out, "Capítulos", ["Capítulo", "Fundado", "Miembros"], rows)
    assert result.rows == 3
    back = read(out, "Capítulos")
    assert back[0] == ["Capítulo", "Fundado", "Miembros"]
    assert back[1] == ["Silicon Valley", date(2006, 11, 1), 12.0]
    assert back[3] == ["Núcleo", "", 3.0]
    sheet = openpyxl.load_workbook(out)["Capítulos"]
    assert isinstance(sheet["C2"].value, int) and sheet["B2"].is_date
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C4" and sheet["A1"].font.bold


def test_rows_writer_cancel_and_bad_rows(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"keep me")
    abort = threading.Event()
    abort.set()
    with pytest.raises(Cancelled):
        export_rows_xlsx(out, "T", ["a"], [(1,)], abort=abort)
    with pytest.raises(ValueError, match="row 2 has 1 values for 2 columns"):
        export_rows_xlsx(out, "T", ["a", "b"], [(1, 2), (3,)])
    with pytest.raises(TalentDeskError, match="No hay columnas"):
        export_rows_xlsx(out, "T", [], [])
    assert out.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]
