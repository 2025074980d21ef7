"""Reading a spreadsheet into a plain table: headers, data rows and what is wrong with the file.

Two sources: Excel workbooks (.xlsx, read with python-calamine: about ten times faster than
openpyxl here) and CSV text (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
Windows-1252 or Latin-1; comma, semicolon or tab). The app's own members export is an .xlsx
like any other.

Problems with the whole file raise ``ImportFileError`` with a Spanish message and nothing else
happens. Reading is bounded: only regular files (a pipe or a device would block or never end),
at most ``MAX_FILE_BYTES`` read, and an .xlsx is checked before calamine sees it — the parts it
reads must unpack (really, not as their headers claim) to at most ``MAX_UNPACKED`` bytes, and a
sheet's cells must fit a grid of ``MAX_GRID_CELLS`` (calamine builds the whole rectangle from
A1 to the farthest cell: one cell at XFD1048576 asked for 512 GiB and aborted the process). Problems with single cells that the reader can see (merged cells, formulas, rows with
more cells than headers) are kept in ``SourceTable.cell_problems`` and become per-row errors.
Rows are numbered as the spreadsheet shows them (the header row is usually row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Literal, cast
from xml.etree import ElementTree

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.i18n import _
from talentdesk.core.oserrors import os_reason
from talentdesk.core.text import clean, readable_file_name

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
#: The largest file an import reads (a 100,000-member .xlsx is about 7 MB, a CSV about 20 MB).
MAX_FILE_BYTES = 64 * 2**20
#: What the parts of an .xlsx that are read may unpack to, in all (100,000 members ≈ 110 MB).
MAX_UNPACKED = 256 * 2**20
#: Rows × columns of the rectangle a sheet is read as (250,000 rows of 64 columns).
MAX_GRID_CELLS = 16_000_000
#: Parts in an .xlsx package (a workbook has tens; a zip of millions of names is an attack).
MAX_PARTS = 10_000

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
        """The file's name as text (it may hold bytes that are not UTF-8): shown and stored."""
        return readable_file_name(self.path.name)

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
            _(
                "«{name}» es un libro de Excel 97-2003 (.xls), que no se admite: ábralo en Excel y guárdelo como libro de Excel (.xlsx)."
            ).format(name=path.name)
        )
    if suffix not in XLSX_SUFFIXES | CSV_SUFFIXES:
        shown = f"«{suffix}»" if suffix else _("sin extensión")
        raise ImportFileError(
            _(
                "Formato no admitido ({shown}) en «{name}»: importe un libro de Excel (.xlsx) o un archivo de texto separado por comas (.csv)."
            ).format(shown=shown, name=path.name)
        )
    data = _read_bytes(path)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path, data, sheet)
    return _read_csv(path, data)


def _read_bytes(path: Path) -> bytes:
    """The whole file, if it is a regular file of at most ``MAX_FILE_BYTES``.

    Opened without blocking (a named pipe would wait for a writer), then checked on the open
    descriptor, so what is read is what was checked; read with a limit even so (it may grow)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise ImportFileError(_("No existe el archivo «{path}».").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise ImportFileError(_("«{path}» es una carpeta, no un archivo.").format(path=path)) from exc
    except PermissionError as exc:
        raise ImportFileError(_("No se tiene permiso para leer «{name}».").format(name=path.name)) from exc
    except OSError as exc:
        raise ImportFileError(
            _("No se pudo abrir «{name}»: {os_reason}.").format(name=path.name, os_reason=os_reason(exc))
        ) from exc
    try:
        mode = os.fstat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise ImportFileError(
            _("No se pudo leer «{name}»: {os_reason}.").format(name=path.name, os_reason=os_reason(exc))
        ) from exc
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise ImportFileError(_("«{path}» es una carpeta, no un archivo.").format(path=path))
        raise ImportFileError(
            _(
                "«{name}» no es un archivo común (es una tubería, un dispositivo o un socket): guarde los datos en un archivo .xlsx o .csv e impórtelo."
            ).format(name=path.name)
        )
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ImportFileError(
                _("No se pudo leer «{name}»: {os_reason}.").format(name=path.name, os_reason=os_reason(exc))
            ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _(
                "«{name}» es demasiado grande para importarlo de una vez (más de {number} MB): divídalo en varios archivos."
            ).format(name=path.name, number=MAX_FILE_BYTES // 2**20)
        )
    if not data:
        raise ImportFileError(_("El archivo «{name}» está vacío (0 bytes).").format(name=path.name))
    return data


# -- Excel ---------------------------------------------------------------------------------------


def _read_xlsx(path: Path, data: bytes, wanted: str | None) -> SourceTable:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise ImportFileError(
                _(
                    "El libro «{name}» está protegido con contraseña (cifrado) y no se puede leer: ábralo en Excel, quite la contraseña (Archivo › Información › Proteger libro) y guárdelo de nuevo."
                ).format(name=path.name)
            )
        raise ImportFileError(
            _(
                "«{name}» es un libro de Excel 97-2003 con extensión .xlsx: ábralo en Excel y guárdelo como libro de Excel (.xlsx)."
            ).format(name=path.name)
        )
    if not data.startswith(ZIP_MAGIC):
        hint = (
            _(" Parece un archivo de texto: si es CSV, cambie la extensión a .csv.")
            if _looks_like_text(data)
            else ""
        )
        raise ImportFileError(
            _("«{name}» no es un libro de Excel (.xlsx) válido.{hint}").format(name=path.name, hint=hint)
        )
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    damaged = _damaged(path)
    package = _Package(path, data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise ImportFileError(
            _("El libro «{name}» está protegido con contraseña.").format(name=path.name)
        ) from exc
    except BaseException as exc:  # calamine parses untrusted bytes: any failure means a broken file
        raise _calamine_failure(exc, damaged) from exc
    with workbook:
        metas = [m for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        visible = [m.name for m in metas if m.visible == SheetVisibleEnum.Visible]
        hidden = [m.name for m in metas if m.visible != SheetVisibleEnum.Visible]
        if not metas:
            raise ImportFileError(_("El libro «{name}» no tiene hojas de cálculo.").format(name=path.name))
        try:
            if wanted is not None:
                if wanted not in [m.name for m in metas]:
                    names = ", ".join(f"«{n}»" for n in visible + hidden)
                    raise ImportFileError(
                        _("El libro no tiene la hoja «{wanted}» (hojas: {names}).").format(
                            wanted=wanted, names=names
                        )
                    )
                chosen = wanted
                grid, merged = _sheet_grid(workbook, package, chosen)
            else:
                chosen, grid, merged = _first_sheet_with_data(workbook, package, visible, hidden, path)
        except ImportFileError:
            raise
        except BaseException as exc:  # broken sheet XML inside a valid zip
            raise _calamine_failure(exc, damaged) from exc
    notices: list[str] = []
    if hidden and wanted is None:
        notices.append(
            _("Se omitieron las hojas ocultas: {sheets}.").format(sheets=", ".join(f"«{n}»" for n in hidden))
        )
    others = [n for n in visible if n != chosen]
    if others:
        notices.append(
            _("Se lee la hoja «{sheet}»; el libro tiene también: {others}.").format(
                sheet=chosen, others=", ".join(f"«{n}»" for n in others)
            )
        )
    table = _table_from_grid(path, "xlsx", grid, notices)
    table.sheet = chosen
    table.sheets = visible + hidden
    _check_merged(table, merged)
    if package.scans[chosen].has_formula:
        _mark_formulas(table, package, chosen)
    return table


def _damaged(path: Path) -> str:
    return _(
        "El libro «{name}» está dañado o incompleto (¿se copió a medias?): ábralo en Excel y guárdelo de nuevo."
    ).format(name=path.name)


def _calamine_failure(exc: BaseException, damaged: str) -> BaseException:
    """What to raise when calamine fails: a Spanish message for a broken file, including its
    Rust panics (``pyo3_runtime.PanicException`` derives from BaseException); an interrupt or
    a ``MemoryError`` stays what it is."""
    if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
        return ImportFileError(damaged)
    return exc


Merged = list[tuple[tuple[int, int], tuple[int, int]]]


def _sheet_grid(workbook: object, package: _Package, name: str) -> tuple[list[list[Cell]], Merged]:
    """The sheet's cells from A1, and its merged ranges (one parse of the sheet for both);
    the sheet is checked first (``_Package.check_sheet``): calamine reads it whole."""
    package.check_sheet(name)
    sheet = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
    grid: list[list[Cell]] = sheet.to_python(skip_empty_area=False)
    merged: Merged = sheet.merged_cell_ranges or []
    return grid, merged


def _first_sheet_with_data(
    workbook: object, package: _Package, visible: list[str], hidden: list[str], path: Path
) -> tuple[str, list[list[Cell]], Merged]:
    for name in visible:
        grid, merged = _sheet_grid(workbook, package, name)
        if _has_data(grid):
            return name, grid, merged
    for name in hidden:
        if _has_data(_sheet_grid(workbook, package, name)[0]):
            raise ImportFileError(
                _(
                    "Los datos de «{name}» están en la hoja oculta «{name2}»: muéstrela en Excel (clic derecho en las pestañas › Mostrar) o elíjala explícitamente."
                ).format(name=path.name, name2=name)
            )
    raise ImportFileError(
        _("El libro «{name}» no tiene datos: sus hojas están vacías.").format(name=path.name)
    )


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
                _(
                    "El encabezado tiene celdas combinadas ({ref}): sepárelas (Inicio › Combinar y centrar) para que cada columna tenga su propio nombre."
                ).format(ref=ref)
            )
        for r in range(r0, r1 + 1):
            index = by_number.get(r + 1)
            if index is None:
                continue
            for c in range(c0, min(c1, len(table.headers) - 1) + 1):
                if (r, c) != (r0, c0):
                    table.cell_problems[(index, c)] = _(
                        "celda combinada ({ref}): sepárela y escriba el valor en cada fila."
                    ).format(ref=ref)


def _mark_formulas(table: SourceTable, package: _Package, sheet: str) -> None:
    """Formulas are refused cell by cell: what they show may not be what is stored."""
    xml = package.sheet_xml(sheet)
    if xml is None:
        return
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
                _(
                    "El encabezado tiene una fórmula en la celda {decode}{number}: escriba los nombres de las columnas como texto."
                ).format(decode=ref.group(1).decode(), number=number)
            )
        index = by_number.get(number)
        if index is not None and column < len(table.headers):
            table.cell_problems[(index, column)] = _(
                "la celda tiene una fórmula: copie la columna y péguela como valores (Pegado especial › Valores)."
            )


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the package part that holds it."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") or "" for r in rels}
    members: dict[str, str] = {}
    for node in workbook.iterfind("m:sheets/m:sheet", ns):
        target = targets.get(node.get(f"{{{ns['r']}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        members.setdefault(node.get("name") or "", member)
    return members


def _has_formula(window: bytes) -> bool:
    """Any formula tag here? Plain substring tests first: a regex over tens of MB is slow."""
    return (
        (b"<f" in window or b":f" in window)  # two scans of the chunk, not six, usually
        and any(tag in window for tag in (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/"))
        and _FORMULA_TAG.search(window) is not None
    )


#: A reference beyond column BL (64), or a row number of 250,000 or more (rows and cells): an
#: ordinary sheet has none, so finding none is proof enough that calamine's rectangle is at most
#: 249,999 × 64 cells; finding one sends the sheet to the exact count (``_cell_extent``).
#: The leading ``r`` is a literal with a look-behind (``\br`` would be the same test) so the
#: regular expression engine jumps from one "r" to the next: 2.4× faster over 115 MB of XML.
_FAR_REFERENCE = re.compile(
    rb"r(?<!\wr)\s*=\s*[\"']\s*(?:[A-Za-z]{3}|[C-Zc-z][A-Za-z]|[Bb][M-Zm-z]|[A-Za-z]{0,3}(?:\d{7}|[3-9]\d{5}|2[5-9]\d{4}))"
)
_NEAR_ROWS, _NEAR_COLUMNS = 249_999, 64
#: The cell tags the scan counts: ``<c r="`` must be as many as ``<c `` and ``<c>`` together
#: (every cell names its place), and no cell may have a namespace prefix.
_CELL_TAGS = (b"<c ", b"<c>", b'<c r="', b":c ", b":c>")
_CELL_TAG_MAX = max(len(t) for t in _CELL_TAGS)
_CHUNK = 1 << 22


@dataclass
class _SheetScan:
    """What one pass over a sheet's XML found, before calamine reads it."""

    has_formula: bool = False
    #: Every cell names its place (``<c r="B7"``) and none is far: the sheet is known to be small.
    near: bool = True


class _Package:
    """An .xlsx as a zip, checked before calamine reads it (see the module docstring).

    Sizes are counted by unpacking the parts as calamine will, not taken from the headers
    (which can lie), and the count stops as soon as it is over the limit: nothing is read
    whole before it is known to fit."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        self.left = MAX_UNPACKED
        self.scans: dict[str, _SheetScan] = {}
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ImportFileError(_damaged(path)) from exc
        if len(infos) > MAX_PARTS:
            raise ImportFileError(
                _("«{name}» tiene {count:,} partes dentro: no es un libro de Excel común.").format(
                    name=path.name, count=len(infos)
                )
            )
        xml_parts = [i for i in infos if i.filename.lower().endswith((".xml", ".rels"))]
        if sum(i.file_size for i in xml_parts) > MAX_UNPACKED:
            raise self._too_big()
        try:
            self.members = _sheet_members(self.archive)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ImportFileError(_damaged(path)) from exc
        sheets = set(self.members.values())
        for info in xml_parts:
            if info.filename not in sheets:
                for _chunk in self._unpack(info):
                    pass

    def _too_big(self) -> ImportFileError:
        return ImportFileError(
            _(
                "«{name}» ocupa más de {number} MB al descomprimirlo: es demasiado grande para importarlo de una vez (o está dañado). Divídalo en varios archivos."
            ).format(name=self.path.name, number=MAX_UNPACKED // 2**20)
        )

    def _unpack(self, info: zipfile.ZipInfo, *, counted: bool = True) -> Iterator[bytes]:
        """The part's bytes as really stored, in chunks, charged to what may still be unpacked."""
        offset = info.header_offset
        header = self.data[offset : offset + 30]
        if len(header) < 30 or header[:4] != ZIP_MAGIC:
            raise ImportFileError(_damaged(self.path))
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        start = offset + 30 + name_length + extra_length
        raw = memoryview(self.data)[start : start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            pieces: Iterator[bytes] = (bytes(raw[i : i + _CHUNK]) for i in range(0, len(raw), _CHUNK))
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            pieces = self._inflate(raw)
        else:
            raise ImportFileError(
                _(
                    "«{name}» usa una compresión que no se puede leer: ábralo en Excel y guárdelo de nuevo."
                ).format(name=self.path.name)
            )
        for piece in pieces:
            if counted:
                self.left -= len(piece)
                if self.left < 0:
                    raise self._too_big()
            yield piece

    def _inflate(self, raw: memoryview) -> Iterator[bytes]:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        position = 0
        try:
            while not inflater.eof:
                if inflater.unconsumed_tail:
                    piece = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                elif position < len(raw):
                    piece = inflater.decompress(raw[position : position + (1 << 20)], _CHUNK)
                    position += 1 << 20
                else:
                    break  # the stream ends without its last block: calamine will say it is damaged
                if piece:
                    yield piece
        except zlib.error as exc:
            raise ImportFileError(_damaged(self.path)) from exc

    def check_sheet(self, name: str) -> None:
        """Scan the sheet's XML once (formulas, size, far cells); refuse it if calamine's
        rectangle from A1 to its farthest cell would be over ``MAX_GRID_CELLS``.

        The scan is a few substring counts and one regular expression that ordinary sheets never
        match; only a sheet it cannot vouch for is parsed to count exactly (``_cell_extent``)."""
        member = self.members.get(name)
        if member is None or name in self.scans:
            return
        try:
            info = self.archive.getinfo(member)
        except KeyError:
            return  # calamine will say what is wrong
        scan = self.scans[name] = _SheetScan()
        counts = dict.fromkeys(_CELL_TAGS, 0)
        tail = b""
        start = 0  # where in ``window`` the tags not counted yet may begin
        for chunk in self._unpack(info):
            window = tail + chunk
            if not scan.has_formula and _has_formula(window):
                scan.has_formula = True
            if scan.near:
                scan.near = _FAR_REFERENCE.search(window) is None
                # Tags beginning before ``cut`` lie whole in this window; the rest are counted
                # with the next chunk (a chunk may end inside one: ``<c r`` | ``="B7"``).
                cut = max(len(window) - _CELL_TAG_MAX + 1, start)
                for tag in _CELL_TAGS:
                    counts[tag] += window.count(tag, start, cut + len(tag) - 1)
                tail = window[-64:]
                start = cut - (len(window) - len(tail))
            else:
                tail = window[-64:]
        if scan.near:
            for tag in _CELL_TAGS:
                counts[tag] += tail.count(tag, start)
            # Excel, LibreOffice and openpyxl write r="…" first in every cell.
            scan.near = (
                counts[b"<c "] + counts[b"<c>"] == counts[b'<c r="']
                and counts[b":c "] == 0
                and counts[b":c>"] == 0
            )
        if scan.near:
            return
        rows, columns = self._cell_extent(info)
        if rows * columns > MAX_GRID_CELLS:
            raise ImportFileError(
                _(
                    "La hoja «{name}» de «{name2}» tiene datos hasta la columna {column_letter} y la fila {rows:,}: leerla ocuparía {number:,} celdas (máximo {MAX_GRID_CELLS:,}). Borre lo que haya en celdas lejanas, o copie sólo la tabla a un libro nuevo, y vuelva a importarla."
                ).format(
                    name=name,
                    name2=self.path.name,
                    column_letter=column_letter(columns - 1),
                    rows=rows,
                    number=rows * columns,
                    MAX_GRID_CELLS=MAX_GRID_CELLS,
                )
            )

    def _cell_extent(self, info: zipfile.ZipInfo) -> tuple[int, int]:
        """The last row and column (1-based) holding a cell with content, placed as calamine
        places them: by the cell's reference, else after the previous cell of its row (whose
        number is the row's reference, else the previous row's plus one)."""
        parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(
            events=("start", "end")
        )
        row = column = last_row = last_column = 0
        here = (0, 0)
        parent: ElementTree.Element | None = None
        try:
            for chunk in self._unpack(info, counted=False):
                parser.feed(chunk)
                for item in parser.read_events():
                    event, element = cast(tuple[str, ElementTree.Element], item)  # start/end events
                    tag = element.tag.rpartition("}")[2]
                    if event == "start":
                        if tag == "sheetData":
                            parent = element
                        elif tag == "row":
                            number = element.get("r", "").strip()
                            row = int(number) if number.isdigit() else row + 1
                            column = 0
                        elif tag == "c":
                            place = _reference(element.get("r"))
                            column = place[1] if place else column + 1
                            here = place or (row, column)
                    elif tag == "c":
                        if len(element):  # a value, an inline string or a formula
                            last_row, last_column = max(last_row, here[0]), max(last_column, here[1])
                        element.clear()
                    elif tag == "row" and parent is not None:
                        parent.clear()  # rows already counted need no memory
            parser.close()
        except (ElementTree.ParseError, ValueError) as exc:
            raise ImportFileError(_damaged(self.path)) from exc
        return last_row, last_column

    def sheet_xml(self, name: str) -> bytes | None:
        """The sheet's XML, already checked by ``check_sheet`` (so its size is known to fit)."""
        member = self.members.get(name)
        if member is None or name not in self.scans:
            return None
        return b"".join(self._unpack(self.archive.getinfo(member), counted=False))


_REFERENCE = re.compile(r"\s*([A-Za-z]{1,3})(\d{1,7})\s*")


def _reference(text: str | None) -> tuple[int, int] | None:
    """A cell reference ("B7", "xfd1048576") as (row, column), 1-based; None if there is none."""
    found = _REFERENCE.fullmatch(text) if text else None
    if found is None:
        return None
    return int(found.group(2)), _column_index(found.group(1).upper()) + 1


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


# -- CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path, data: bytes) -> SourceTable:
    if data.startswith(ZIP_MAGIC):
        raise ImportFileError(
            _(
                "«{name}» es en realidad un libro de Excel: cambie la extensión a .xlsx o guárdelo como CSV."
            ).format(name=path.name)
        )
    if data.startswith(OLE_MAGIC):
        raise ImportFileError(
            _("«{name}» es un archivo de Office, no un CSV: guárdelo como CSV (UTF-8).").format(
                name=path.name
            )
        )
    text, encoding = _decode(path, data)
    if "\x00" in text:
        raise ImportFileError(
            _("«{name}» no es un archivo de texto (tiene bytes nulos): guárdelo como CSV.").format(
                name=path.name
            )
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
                _(
                    "La fila {line} de «{name}» tiene una celda de más de {field_size_limit:,} caracteres: no parece una lista de miembros."
                ).format(line=line, name=path.name, field_size_limit=csv.field_size_limit())
            ) from exc
        raise ImportFileError(
            _("«{name}» no se puede leer como CSV (fila {line}): revise las comillas de esa fila.").format(
                name=path.name, line=line
            )
        ) from exc
    shown = {",": _("coma"), ";": _("punto y coma"), "\t": _("tabulador")}[delimiter]
    table = _table_from_grid(path, "csv", grid, [])
    table.encoding = encoding
    table.delimiter = delimiter
    table.notices.insert(
        0,
        _("Archivo de texto {encoding}, separado por {separator}.").format(
            encoding=encoding, separator=shown
        ),
    )
    width = len(table.headers)
    for index, row in enumerate(table.rows):
        extra = [c for c in row[width:] if not _blank(c)]
        if extra:
            table.cell_problems[(index, None)] = _(
                "la fila tiene más celdas ({cells}) que encabezados ({headers}): revise el separador o las comillas."
            ).format(cells=width + len(extra), headers=width)
        del row[width:]
    return table


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), _("UTF-8 con BOM")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("«{name}» dice ser UTF-8 pero tiene bytes que no lo son.").format(name=path.name)
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("«{name}» dice ser UTF-16 pero está dañado.").format(name=path.name)
            ) from exc
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
        raise ImportFileError(
            _("«{name}» no tiene datos: todas sus filas están vacías.").format(name=path.name)
        )
    if header_index >= MAX_LEADING_EMPTY:
        raise ImportFileError(
            _(
                "La primera fila con datos de «{name}» es la {number}: quite las filas vacías de arriba para que la primera sea la de encabezados."
            ).format(name=path.name, number=header_index + 1)
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
            _("Columnas sin encabezado (no se importan salvo que las asigne): {columns}.").format(
                columns=", ".join(unnamed)
            )
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
        raise ImportFileError(
            _("«{name}» sólo tiene la fila de encabezados: no hay filas de datos.").format(name=path.name)
        )
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
                _(
                    "No se encontró la fila de encabezados: la fila {number} de «{name}» tiene datos («{text}» en la columna {column_letter}), no nombres de columnas. Agregue arriba una fila con los nombres (p. ej. Nombre(s), Apellido paterno, Correo electrónico)."
                ).format(number=number, name=path.name, text=text[:60], column_letter=column_letter(i))
            )
        if len(text) > 200:
            raise ImportFileError(
                _(
                    "La fila {number} de «{name}» no parece de encabezados: la columna {column_letter} tiene un texto de {count:,} caracteres."
                ).format(number=number, name=path.name, column_letter=column_letter(i), count=len(text))
            )


def iter_cells(table: SourceTable, column: int) -> Iterator[Cell]:
    for row in table.rows:
        yield row[column]
