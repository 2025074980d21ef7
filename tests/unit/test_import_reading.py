"""Reading .xlsx and .csv files, and every kind of bad file refused with a clear message."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from talentdesk.imports.reading import ImportFileError, read_source

from .import_files import encrypted_xlsx, write_csv, write_xlsx

HEADER = ["Nombre(s)", "Apellido paterno", "Correo electrónico", "Ciudad"]
ROWS = [
    ["José", "Núñez", "jose@example.com", "San José"],
    ["Ana María", "de la Garza", "ana@example.org", "Zürich"],
]


def test_xlsx_rows_numbered_as_the_sheet_shows_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", [[], HEADER, ROWS[0], [None, None], ["", " "], ROWS[1], [date(2020, 1, 2)]]
    )
    table = read_source(path)
    assert table.kind == "xlsx" and table.sheet == "Hoja1" and table.header_row == 2
    assert table.headers == HEADER
    assert table.row_numbers == [3, 6, 7]  # empty rows skipped, numbers kept
    assert table.rows[0] == ROWS[0] and table.rows[1] == ROWS[1]
    assert table.rows[2][0] == date(2020, 1, 2)  # a real date cell, not text


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 con BOM"), ("cp1252", "Windows-1252"), ("utf-16", "UTF-16")],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, label: str, delimiter: str) -> None:
    rows = [HEADER, *ROWS, ["Renée", "O'Brien", "r@example.com", "Montréal, QC"]]
    table = read_source(write_csv(tmp_path / "a.csv", rows, encoding=encoding, delimiter=delimiter))
    assert table.encoding == label and table.delimiter == delimiter
    assert table.headers == HEADER
    assert table.rows == [list(r) for r in rows[1:]]
    assert table.row_numbers == [2, 3, 4]


def test_csv_latin1_bytes_undefined_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Nombre(s);Apellido paterno\nJosé;Ñúñez\x81\n".encode("latin-1"))
    table = read_source(path)
    assert table.encoding == "Latin-1" and table.rows == [["José", "Ñúñez\x81"]]


def test_csv_quotes_keep_delimiters_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('Nombre(s),Notas\n"Ana","uno, dos\ntres"\n\nLuis,x\n', encoding="utf-8")
    table = read_source(path)
    assert table.rows == [["Ana", "uno, dos\ntres"], ["Luis", "x"]]
    assert table.row_numbers == [2, 4]  # records, as a spreadsheet shows them


def test_csv_row_with_more_cells_than_headers_is_a_row_problem(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "Nombre(s),Apellido paterno\nAna,Pérez\nLuis,Gómez,extra,otra\nEva,Ruiz,,\n", encoding="utf-8"
    )
    table = read_source(path)
    assert list(table.cell_problems) == [(1, None)]
    assert "más celdas (4) que encabezados (2)" in table.cell_problems[(1, None)]
    assert table.rows[1] == ["Luis", "Gómez"] and table.rows[2] == ["Eva", "Ruiz"]


# -- bad files: each refused with a clear Spanish message ----------------------------------------


def refused(path: Path, *fragments: str) -> None:
    with pytest.raises(ImportFileError) as info:
        read_source(path)
    for fragment in fragments:
        assert fragment in info.value.message, info.value.message


@pytest.mark.parametrize("name", ["vacio.xlsx", "vacio.csv"])
def test_zero_byte_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    refused(tmp_path / name, "está vacío (0 bytes)")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("datos.pdf", "Formato no admitido («.pdf»)"),
        ("datos", "sin extensión"),
        ("datos.xls", "Excel 97-2003 (.xls)"),
    ],
)
def test_wrong_extension(tmp_path: Path, name: str, fragment: str) -> None:
    (tmp_path / name).write_bytes(b"Nombre,Apellido\nAna,Ruiz\n")
    refused(tmp_path / name, fragment)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    refused(tmp_path / "no.xlsx", "No existe el archivo")
    (tmp_path / "carpeta.csv").mkdir()
    refused(tmp_path / "carpeta.csv", "es una carpeta")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9, 0.99])
def test_truncated_workbook(tmp_path: Path, keep: float) -> None:
    good = write_xlsx(tmp_path / "bueno.xlsx", [HEADER, *ROWS] * 50)
    data = good.read_bytes()
    bad = tmp_path / "cortado.xlsx"
    bad.write_bytes(data[: int(len(data) * keep)])
    refused(bad, "dañado o incompleto")


def test_workbook_with_damaged_sheet_xml(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "bueno.xlsx", [HEADER, *ROWS])
    bad = tmp_path / "roto.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    refused(bad, "dañado o incompleto")


def test_encrypted_workbook(tmp_path: Path) -> None:
    refused(encrypted_xlsx(tmp_path / "secreto.xlsx"), "protegido con contraseña", "quite la contraseña")


def test_text_saved_as_xlsx_and_workbook_saved_as_csv(tmp_path: Path) -> None:
    text = write_csv(tmp_path / "x.csv", [HEADER, *ROWS])
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(text.read_bytes())
    refused(fake, "no es un libro de Excel (.xlsx) válido", "cambie la extensión a .csv")
    book = write_xlsx(tmp_path / "libro.xlsx", [HEADER, *ROWS])
    wrong = tmp_path / "libro.csv"
    wrong.write_bytes(book.read_bytes())
    refused(wrong, "es en realidad un libro de Excel")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"Nombre,Apellido\x00\x00\x01\x02\n")
    refused(binary, "no es un archivo de texto")


def test_no_header_row(tmp_path: Path) -> None:
    refused(
        write_xlsx(tmp_path / "a.xlsx", ROWS), "No se encontró la fila de encabezados", "jose@example.com"
    )
    refused(
        write_csv(tmp_path / "a.csv", [["15/03/2021", "Ana"], ["16/03/2021", "Luis"]]), "fila 1", "15/03/2021"
    )
    refused(write_xlsx(tmp_path / "n.xlsx", [[1, 2, 3], [4, 5, 6]]), "No se encontró la fila de encabezados")


def test_empty_files_and_header_only(tmp_path: Path) -> None:
    refused(write_xlsx(tmp_path / "a.xlsx", [[None], [" "]]), "no tiene datos")
    refused(write_xlsx(tmp_path / "b.xlsx", [HEADER]), "sólo tiene la fila de encabezados")
    (tmp_path / "c.csv").write_text("\n\n ; \n", encoding="utf-8")
    refused(tmp_path / "c.csv", "no tiene datos")


def test_merged_header_cells(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Nombre", None, "Correo"])
    sheet.append(["Ana", "Ruiz", "a@example.com"])
    sheet.merge_cells("A1:B1")
    workbook.save(tmp_path / "m.xlsx")
    refused(tmp_path / "m.xlsx", "celdas combinadas (A1:B1)")


def test_merged_data_cells_are_errors_of_the_rows_they_cover(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (
        [*HEADER],
        ["Ana", "Ruiz", "a@example.com", "Austin"],
        ["Luis", "Ruiz", "l@example.com", None],
    ):
        sheet.append(row)
    sheet.merge_cells("D2:D3")
    workbook.save(tmp_path / "m.xlsx")
    table = read_source(tmp_path / "m.xlsx")
    assert list(table.cell_problems) == [(1, 3)]
    assert "celda combinada (D2:D3)" in table.cell_problems[(1, 3)]


def test_formulas_are_refused_cell_by_cell(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx", [HEADER, ["Ana", "Ruiz", '=LOWER("A@EXAMPLE.COM")', "Austin"], ROWS[0]]
    )
    table = read_source(path)
    assert list(table.cell_problems) == [(0, 2)]
    assert "fórmula" in table.cell_problems[(0, 2)]
    refused(
        write_xlsx(tmp_path / "g.xlsx", [["Nombre(s)", '="Apellido"'], ["Ana", "Ruiz"]]),
        "fórmula en la celda B1",
    )


def test_hidden_sheets(tmp_path: Path) -> None:
    workbook = Workbook()
    visible = workbook.active
    assert visible is not None
    visible.title = "Portada"
    hidden = workbook.create_sheet("Datos")
    for row in (HEADER, *ROWS):
        hidden.append(row)
    hidden.sheet_state = "hidden"
    workbook.save(tmp_path / "h.xlsx")
    refused(tmp_path / "h.xlsx", "hoja oculta «Datos»")
    table = read_source(tmp_path / "h.xlsx", sheet="Datos")  # chosen explicitly: read
    assert table.rows == ROWS
    visible.append(HEADER)
    visible.append(ROWS[0])
    workbook.save(tmp_path / "h2.xlsx")
    table = read_source(tmp_path / "h2.xlsx")
    assert table.sheet == "Portada" and table.rows == [ROWS[0]]
    assert any("hojas ocultas: «Datos»" in n for n in table.notices)
    with pytest.raises(ImportFileError, match="no tiene la hoja «Otra»"):
        read_source(tmp_path / "h2.xlsx", sheet="Otra")


def test_huge_header_and_huge_csv_cells(tmp_path: Path) -> None:
    refused(write_xlsx(tmp_path / "a.xlsx", [["Nombre", "x" * 5000], ["Ana", "b"]]), "5,000 caracteres")
    path = tmp_path / "big.csv"
    path.write_text("Nombre(s),Notas\nAna," + "x" * 200_000 + "\n", encoding="utf-8")
    refused(path, "fila 2", "más de 131,072 caracteres")
