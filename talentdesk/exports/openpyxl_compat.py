"""The openpyxl internals TalentDesk relies on, fenced in one module (written against 3.1).

openpyxl's public API cannot say "this string is text": a value starting with ``=`` becomes a
formula and ``#N/A`` an error cell, and a control character raises ``IllegalCharacterError``.
``TextSheet`` is openpyxl's write-only sheet with one method replaced, the one that turns an
appended row into cells, so that every ``str`` of every row — whoever appends it — is written
as an inline string holding exactly the text, minus the characters XML cannot carry. This is
the OWASP advice for spreadsheets (text cells, never formulas) without the CSV prefix: the
cell shows what was typed, ``=1+1`` included.

``tests/unit/test_exports_formulas.py`` reads the written XML back: if a new openpyxl changes
these internals, those tests fail rather than the exports silently writing formulas.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from talentdesk.core.text import printable

#: Excel's limit for the text of one cell (openpyxl cuts there too).
MAX_TEXT = 32_767


def as_text_cell(cell: Cell, text: str) -> Cell:
    """``cell`` holding ``text`` as a string: never a formula nor an error value."""
    cell._value = printable(text)[:MAX_TEXT]
    cell.data_type = "s"
    return cell


class TextSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet whose strings are always text cells (see the module docstring)."""

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        # openpyxl 3.1's own loop, with strings bound by as_text_cell instead of Cell.value.
        cell = WriteOnlyCell(self)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                out = value
                if type(out._value) is str:
                    as_text_cell(out, out._value)
            else:
                out = cell
                if type(value) is str:
                    as_text_cell(out, value)
                else:
                    out.value = value
            out.column = col_idx
            out.row = row_idx
            if out.hyperlink is not None:
                out.hyperlink.ref = out.coordinate
            yield out
            if out is cell and (cell.has_style or cell.hyperlink):
                cell = WriteOnlyCell(self)  # a date format was set: the next value starts plain


def add_sheet(workbook: Workbook, title: str) -> TextSheet:
    """``workbook.create_sheet(title)`` for a write-only workbook, as a ``TextSheet``."""
    sheet = TextSheet(parent=workbook, title=title)
    workbook._add_sheet(sheet)
    return sheet
