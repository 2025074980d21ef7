"""Reading a spreadsheet into a plain table: headers, data rows and what is wrong with the file.

Two sources: Excel workbooks (.xlsx, read with python-calamine: about ten times faster than
openpyxl here) and CSV text (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
Windows-1252 or Latin-1; comma, semicolon or tab). The app's own members export is an .xlsx
like any other.

Problems with the whole file raise ``ImportFileError`` with a Spanish message and nothing else
happens. Problems with single cells that the reader can see (merged cells, formulas, rows with
more cells than headers) are kept in ``SourceTable.cell_problems`` and become per-row errors.
Rows are numbered as the spreadsheet shows them (the header row is usually row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Literal
from xml.etree import ElementTree

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.text import clean

#: What a cell may hold once read: calamine's types, or text for CSV.
Cell = str | int | float | bool | date | datetime | time | timedelta | None

XLSX_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
#: Excel keeps at most this many characters in a cell; anything longer did not come from Excel.
MAX_CELL = 32_767
#: How far down the first non-empty row (the header) may be.
MAX_LEADING_EMPTY = 1000

_DATEISH = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
_NUMBERISH = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_XML = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')


class ImportFileError(TalentDeskError):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass
class SourceTable:
    """A sheet or CSV file as rows of cells under one header row."""

    path: Path
    kind: Literal["xlsx", "csv"]
    headers: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int]
    header_row: int = 1
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    notices: list[str] = field(default_factory=list)
    #: (index in ``rows``, column or None for the whole row) -> Spanish reason.
    cell_problems: dict[tuple[int, int | None], str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    def preview(self, count: int = 20) -> list[list[str]]:
        """The first rows as text, for a wizard's preview grid."""
        return [[cell_text(c) for c in row] for row in self.rows[:count]]


def cell_text(value: Cell) -> str:
    """A cell as a person would read it in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VERDADERO" if value else "FALSO"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time() else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_source(path: Path | str, *, sheet: str | None = None) -> SourceTable:
    """Read an .xlsx or .csv file; raises ImportFileError with a Spanish message."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            f"«{path.name}» es un libro de Excel 97-2003 (.xls), que no se admite: "
            "ábralo en Excel y guárdelo como libro de Excel (.xlsx)."
        )
    if suffix not in XLSX_SUFFIXES | CSV_SUFFIXES:
        shown = f"«{suffix}»" if suffix else "sin extensión"
        raise ImportFileError(
            f"Formato no admitido ({shown}) en «{path.name}»: importe un libro de Excel (.xlsx) "
            "o un archivo de texto separado por comas (.csv)."
        )
    data = _read_bytes(path)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, data, sheet)
    return _read_csv(path, data)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ImportFileError(f"No existe el archivo «{path}».")
    if path.is_dir():
        raise ImportFileError(f"«{path}» es una carpeta, no un archivo.")
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise ImportFileError(f"No se tiene permiso para leer «{path.name}».") from exc
    except OSError as exc:
        raise ImportFileError(f"No se pudo leer «{path.name}»: {exc.strerror or exc}.") from exc
    if not data:
        raise ImportFileError(f"El archivo «{path.name}» está vacío (0 bytes).")
    return data


# -- Excel ---------------------------------------------------------------------------------------


def _read_xlsx(path: Path, data: bytes, wanted: str | None) -> SourceTable:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise ImportFileError(
                f"El libro «{path.name}» está protegido con contraseña (cifrado) y no se puede leer: "
                "ábralo en Excel, quite la contraseña (Archivo › Información › Proteger libro) "
                "y guárdelo de nuevo."
            )
        raise ImportFileError(
            f"«{path.name}» es un libro de Excel 97-2003 con extensión .xlsx: ábralo en Excel y "
            "guárdelo como libro de Excel (.xlsx)."
        )
    if not data.startswith(ZIP_MAGIC):
        hint = (
            " Parece un archivo de texto: si es CSV, cambie la extensión a .csv."
            if _looks_like_text(data)
            else ""
        )
        raise ImportFileError(f"«{path.name}» no es un libro de Excel (.xlsx) válido.{hint}")
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    damaged = (
        f"El libro «{path.name}» está dañado o incompleto (¿se copió a medias?): "
        "ábralo en Excel y guárdelo de nuevo."
    )
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise ImportFileError(f"El libro «{path.name}» está protegido con contraseña.") from exc
    except Exception as exc:  # calamine parses untrusted bytes: any failure means a broken file
        raise ImportFileError(damaged) from exc
    with workbook:
        metas = [m for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        visible = [m.name for m in metas if m.visible == SheetVisibleEnum.Visible]
        hidden = [m.name for m in metas if m.visible != SheetVisibleEnum.Visible]
        if not metas:
            raise ImportFileError(f"El libro «{path.name}» no tiene hojas de cálculo.")
        try:
            if wanted is not None:
                if wanted not in [m.name for m in metas]:
                    names = ", ".join(f"«{n}»" for n in visible + hidden)
                    raise ImportFileError(f"El libro no tiene la hoja «{wanted}» (hojas: {names}).")
                chosen = wanted
                grid, merged = _sheet_grid(workbook, chosen)
            else:
                chosen, grid, merged = _first_sheet_with_data(workbook, visible, hidden, path)
        except ImportFileError:
            raise
        except Exception as exc:  # broken sheet XML inside a valid zip
            raise ImportFileError(damaged) from exc
    notices: list[str] = []
    if hidden and wanted is None:
        notices.append("Se omitieron las hojas ocultas: " + ", ".join(f"«{n}»" for n in hidden) + ".")
    others = [n for n in visible if n != chosen]
    if others:
        notices.append(
            f"Se lee la hoja «{chosen}»; el libro tiene también: " + ", ".join(f"«{n}»" for n in others) + "."
        )
    table = _table_from_grid(path, "xlsx", grid, notices)
    table.sheet = chosen
    table.sheets = visible + hidden
    _check_merged(table, merged)
    _mark_formulas(table, data, chosen)
    return table


Merged = list[tuple[tuple[int, int], tuple[int, int]]]


def _sheet_grid(workbook: object, name: str) -> tuple[list[list[Cell]], Merged]:
    """The sheet's cells from A1, and its merged ranges (one parse of the sheet for both)."""
    sheet = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
    grid: list[list[Cell]] = sheet.to_python(skip_empty_area=False)
    merged: Merged = sheet.merged_cell_ranges or []
    return grid, merged


def _first_sheet_with_data(
    workbook: object, visible: list[str], hidden: list[str], path: Path
) -> tuple[str, list[list[Cell]], Merged]:
    for name in visible:
        grid, merged = _sheet_grid(workbook, name)
        if _has_data(grid):
            return name, grid, merged
    for name in hidden:
        if _has_data(_sheet_grid(workbook, name)[0]):
            raise ImportFileError(
                f"Los datos de «{path.name}» están en la hoja oculta «{name}»: muéstrela en Excel "
                "(clic derecho en las pestañas › Mostrar) o elíjala explícitamente."
            )
    raise ImportFileError(f"El libro «{path.name}» no tiene datos: sus hojas están vacías.")


def _has_data(grid: list[list[Cell]]) -> bool:
    return any(not _blank(c) for row in grid for c in row)


def _check_merged(table: SourceTable, merged: Merged) -> None:
    """Merged header cells refuse the file; merged data cells are errors in the rows they cover."""
    header_index = table.header_row - 1
    by_number = {n: i for i, n in enumerate(table.row_numbers)}
    for (r0, c0), (r1, c1) in merged:
        ref = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        if r0 <= header_index <= r1:
            raise ImportFileError(
                f"El encabezado tiene celdas combinadas ({ref}): sepárelas (Inicio › Combinar y "
                "centrar) para que cada columna tenga su propio nombre."
            )
        for r in range(r0, r1 + 1):
            index = by_number.get(r + 1)
            if index is None:
                continue
            for c in range(c0, min(c1, len(table.headers) - 1) + 1):
                if (r, c) != (r0, c0):
                    table.cell_problems[(index, c)] = (
                        f"celda combinada ({ref}): sepárela y escriba el valor en cada fila."
                    )


def _mark_formulas(table: SourceTable, data: bytes, sheet: str) -> None:
    """Formulas are refused cell by cell: what they show may not be what is stored."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _sheet_member(archive, sheet)
            if member is None or not _has_formula(archive, member):
                return
            xml = archive.read(member)
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return  # calamine read the values; an odd package layout only loses this check
    by_number = {n: i for i, n in enumerate(table.row_numbers)}
    for match in _CELL_XML.finditer(xml):
        body = match.group(2)
        ref = _CELL_REF.search(match.group(1))
        if body is None or ref is None or not _FORMULA_TAG.search(body):
            continue
        column = _column_index(ref.group(1).decode())
        number = int(ref.group(2))
        if number == table.header_row:
            raise ImportFileError(
                f"El encabezado tiene una fórmula en la celda {ref.group(1).decode()}{number}: "
                "escriba los nombres de las columnas como texto."
            )
        index = by_number.get(number)
        if index is not None and column < len(table.headers):
            table.cell_problems[(index, column)] = (
                "la celda tiene una fórmula: copie la columna y péguela como valores "
                "(Pegado especial › Valores)."
            )


def _sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") or "" for r in rels}
    for node in workbook.iterfind("m:sheets/m:sheet", ns):
        if node.get("name") == sheet:
            target = targets.get(node.get(f"{{{ns['r']}}}id"), "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


def _has_formula(archive: zipfile.ZipFile, member: str) -> bool:
    """Any formula tag in the sheet? Plain substring tests first: a regex over tens of MB is slow."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 22):
            window = tail + chunk
            if (
                (b"<f" in window or b":f" in window)  # two scans of the chunk, not six, usually
                and any(tag in window for tag in (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/"))
                and _FORMULA_TAG.search(window)
            ):
                return True
            tail = chunk[-16:]
    return False


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


# -- CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path, data: bytes) -> SourceTable:
    if data.startswith(ZIP_MAGIC):
        raise ImportFileError(
            f"«{path.name}» es en realidad un libro de Excel: cambie la extensión a .xlsx o guárdelo como CSV."
        )
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(f"«{path.name}» es un archivo de Office, no un CSV: guárdelo como CSV (UTF-8).")
    text, encoding = _decode(path, data)
    if "\x00" in text:
        raise ImportFileError(
            f"«{path.name}» no es un archivo de texto (tiene bytes nulos): guárdelo como CSV."
        )
    delimiter = _sniff_delimiter(text)
    grid: list[list[Cell]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            grid.append(list(record))
    except csv.Error as exc:
        line = len(grid) + 1
        if "field larger than field limit" in str(exc):
            raise ImportFileError(
                f"La fila {line} de «{path.name}» tiene una celda de más de {csv.field_size_limit():,} "
                "caracteres: no parece una lista de miembros."
            ) from exc
        raise ImportFileError(f"«{path.name}» no se puede leer como CSV (fila {line}): {exc}.") from exc
    shown = {",": "coma", ";": "punto y coma", "\t": "tabulador"}[delimiter]
    table = _table_from_grid(path, "csv", grid, [])
    table.encoding = encoding
    table.delimiter = delimiter
    table.notices.insert(0, f"Archivo de texto {encoding}, separado por {shown}.")
    width = len(table.headers)
    for index, row in enumerate(table.rows):
        extra = [c for c in row[width:] if not _blank(c)]
        if extra:
            table.cell_problems[(index, None)] = (
                f"la fila tiene más celdas ({width + len(extra)}) que encabezados ({width}): "
                "revise el separador o las comillas."
            )
        del row[width:]
    return table


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "UTF-8 con BOM"
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"«{path.name}» dice ser UTF-8 pero tiene bytes que no lo son.") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"«{path.name}» dice ser UTF-16 pero está dañado.") from exc
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _sniff_delimiter(text: str) -> str:
    """The candidate that splits the first lines into the most, and most regular, columns."""
    sample = [line for line in text[:65536].splitlines()[:30] if line.strip()]
    best, best_score = ",", 0.0
    for delimiter in (";", ",", "\t"):
        try:
            counts = [len(r) for r in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        regular = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = counts[0] * regular
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


# -- both ----------------------------------------------------------------------------------------


def _blank(value: Cell) -> bool:
    return value is None or (type(value) is str and not value.strip())


def _table_from_grid(
    path: Path, kind: Literal["xlsx", "csv"], grid: list[list[Cell]], notices: list[str]
) -> SourceTable:
    header_index = next((i for i, row in enumerate(grid) if any(not _blank(c) for c in row)), None)
    if header_index is None:
        raise ImportFileError(f"«{path.name}» no tiene datos: todas sus filas están vacías.")
    if header_index >= MAX_LEADING_EMPTY:
        raise ImportFileError(
            f"La primera fila con datos de «{path.name}» es la {header_index + 1}: "
            "quite las filas vacías de arriba para que la primera sea la de encabezados."
        )
    raw_headers = grid[header_index]
    _check_header(path, raw_headers, header_index + 1)
    data_width = max((_last_filled(row) for row in grid[header_index + 1 :]), default=0)
    width = max(_last_filled(raw_headers), data_width if kind == "xlsx" else 0)
    headers: list[str] = []
    unnamed: list[str] = []
    for i in range(width):
        text = clean(cell_text(raw_headers[i])) if i < len(raw_headers) else ""
        if not text:
            text = f"(columna {column_letter(i)})"
            unnamed.append(column_letter(i))
        headers.append(text)
    if unnamed:
        notices.append(
            "Columnas sin encabezado (no se importan salvo que las asigne): " + ", ".join(unnamed) + "."
        )
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    for i in range(header_index + 1, len(grid)):
        row = grid[i]
        if all(_blank(c) for c in row):
            continue
        if len(row) < width:
            row = [*row, *([""] * (width - len(row)))]
        rows.append(row)
        numbers.append(i + 1)
    if not rows:
        raise ImportFileError(f"«{path.name}» sólo tiene la fila de encabezados: no hay filas de datos.")
    return SourceTable(path, kind, headers, rows, numbers, header_index + 1, notices=notices)


def _last_filled(row: list[Cell]) -> int:
    for i in range(len(row) - 1, -1, -1):
        if not _blank(row[i]):
            return i + 1
    return 0


def _check_header(path: Path, headers: list[Cell], number: int) -> None:
    """The first non-empty row must name the columns; refuse one that is plainly data."""
    for i, value in enumerate(headers):
        if _blank(value):
            continue
        text = cell_text(value)
        looks_like_data = (
            isinstance(value, (int, float, date, time, timedelta))
            or "@" in text
            or bool(_DATEISH.match(text.strip()))
            or bool(_NUMBERISH.match(text.strip()))
        )
        if looks_like_data:
            raise ImportFileError(
                f"No se encontró la fila de encabezados: la fila {number} de «{path.name}» tiene datos "
                f"(«{text[:60]}» en la columna {column_letter(i)}), no nombres de columnas. Agregue arriba "
                "una fila con los nombres (p. ej. Nombre(s), Apellido paterno, Correo electrónico)."
            )
        if len(text) > 200:
            raise ImportFileError(
                f"La fila {number} de «{path.name}» no parece de encabezados: la columna "
                f"{column_letter(i)} tiene un texto de {len(text):,} caracteres."
            )


def iter_cells(table: SourceTable, column: int) -> Iterator[Cell]:
    for row in table.rows:
        yield row[column]
