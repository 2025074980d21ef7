"""Writing spreadsheets the same way everywhere: openpyxl write-only (rows stream to disk,
memory stays flat), Spanish headers in bold, frozen header row, autofilter, column widths,
real dates and numbers, and text always as text: a value starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is a string cell showing exactly that text, never a formula
(``compat.TextSheet``); characters a spreadsheet cannot hold are left out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from talentdesk.core.text import printable
from talentdesk.exports.columns import SheetColumn as SheetColumn  # re-exported
from talentdesk.exports.compat import TextSheet, add_sheet, discard_sheet
from talentdesk.exports.compat import save_workbook as compat_save

BOLD = Font(bold=True)
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


class SheetWriter:
    """One write-only sheet: call ``row`` for each record, then ``close`` before saving."""

    def __init__(self, workbook: Workbook, title: str, columns: Sequence[SheetColumn]) -> None:
        self.sheet: TextSheet = add_sheet(workbook, printable(title)[:31], workbook.spill_folder)
        self.columns = columns
        for i, column in enumerate(columns, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = column.width
        self.sheet.freeze_panes = "A2"
        header = []
        for column in columns:
            cell = WriteOnlyCell(self.sheet, value=column.header)
            cell.font = BOLD
            header.append(cell)
        self.sheet.append(header)
        self.rows = 0
        # One reusable cell per column for dates: rows are serialised as soon as they are
        # appended, and a new styled cell per value was a fifth of the export's time.
        self._dates = [self._cell(DATE_FORMAT) for _ in columns]
        self._datetimes = [self._cell(DATETIME_FORMAT) for _ in columns]
        declared = [i for i, c in enumerate(columns) if c.kind in ("date", "datetime")]
        self._date_columns: list[int] | None = declared if any(c.kind for c in columns) else None

    def _cell(self, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = number_format
        return cell

    def row(self, values: Sequence[Any]) -> None:
        out = list(values)
        indexes = range(len(out)) if self._date_columns is None else self._date_columns
        for i in indexes:
            value = out[i]
            if isinstance(value, date):
                cell = self._datetimes[i] if isinstance(value, datetime) else self._dates[i]
                cell.value = value
                out[i] = cell
        self.sheet.append(out)
        self.rows += 1

    def close(self) -> None:
        last = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"

    def discard(self) -> None:
        """After a failure: finish openpyxl's stream and delete its spill file."""
        discard_sheet(self.sheet)


def new_workbook(beside: Path) -> Workbook:
    """A write-only workbook whose sheets spill into ``beside``'s folder: the private work
    folder of ``files.atomic_output`` (pass the temporary path it yields)."""
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "TalentDesk"
    workbook.spill_folder = beside.parent
    return workbook


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save; if that fails (folder gone, disk full) nothing is written again and every sheet's
    stream is discarded (``compat.save_workbook``); the error goes on to
    ``atomic_output``."""
    compat_save(workbook, path)


TIME_FORMAT = "HH:MM"
PERCENT_FORMAT = "0.0%"
_BAD_TITLE_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def styled_cell(
    sheet: SheetWriter, value: Any, *, number_format: str | None = None, bold: bool = False
) -> Cell:
    """A cell with its own format or bold font, for the few values ``row`` does not type
    itself (times, percentages, a totals row); pass it to ``row`` among plain values."""
    cell = WriteOnlyCell(sheet.sheet, value=value)
    if number_format is not None:
        cell.number_format = number_format
    if bold:
        cell.font = BOLD
    return cell


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid sheet name for ``name`` (≤ 31 characters, none of []:*?/\\), unique among
    ``taken`` regardless of case as Excel requires; adds it to ``taken``. Long names are
    cut at a word ("Hotel Alterno Centro (demostración)" → "Hotel Alterno Centro")."""
    base = " ".join(printable(name).translate(_BAD_TITLE_CHARS).split()).strip("'") or "Hoja"
    title, n = _cut(base, 31), 1
    while title.casefold() in {t.casefold() for t in taken}:
        n += 1
        suffix = f" ({n})"
        title = _cut(base, 31 - len(suffix)) + suffix
    taken.add(title)
    return title


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2 :] and text[limit] != " ":
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;.-–—(") or text[:limit]
