"""The openpyxl internals TalentDesk relies on, fenced in one module (written against 3.1).

openpyxl's public API cannot say "this string is text": a value starting with ``=`` becomes a
formula and ``#N/A`` an error cell, and a control character raises ``IllegalCharacterError``.
``TextSheet`` is openpyxl's write-only sheet with one method replaced, the one that turns an
appended row into cells, so that every ``str`` of every row — whoever appends it — is written
as an inline string holding exactly the text, minus the characters XML cannot carry. This is
the OWASP advice for spreadsheets (text cells, never formulas) without the CSV prefix: the
cell shows what was typed, ``=1+1`` included.

Write-only sheets spill their rows to a temporary file until the workbook is saved; openpyxl
puts it in the shared system temp folder (``openpyxl.XXXX``), where a killed export left a full
copy of the members. ``TextSheet`` spills into the export's private work folder instead
(``files.work_folder``, beside the target). ``save_workbook`` closes a half-written package
without writing to a full disk again (``ZipFile.__del__`` did, printing "Exception ignored").

``tests/unit/test_exports_formulas.py`` and ``test_export_files.py`` read the files back: if a
new openpyxl changes these internals, those tests fail rather than the exports silently writing
formulas or spilling into the system temp folder.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet import _writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from talentdesk.core.text import printable

#: Excel's limit for the text of one cell (openpyxl cuts there too).
MAX_TEXT = 32_767


def as_text_cell(cell: Cell, text: str) -> Cell:
    """``cell`` holding ``text`` as a string: never a formula nor an error value."""
    cell._value = printable(text)[:MAX_TEXT]
    cell.data_type = "s"
    return cell


class TextSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet whose strings are always text cells and whose rows spill into
    ``spill_folder`` (see the module docstring)."""

    spill_folder: Path

    def _get_writer(self) -> None:
        # openpyxl 3.1's own, with the stream's file made by us, private, in our folder.
        if getattr(self, "_writer", None) is None:
            fd, name = tempfile.mkstemp(prefix="hoja-", suffix=".xml", dir=self.spill_folder)
            os.close(fd)
            _writer.ALL_TEMP_FILES.append(name)  # its cleanup() removes it from this list
            writer = _writer.WorksheetWriter(self, out=name)
            writer.write_top()
            self._writer = writer

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


def add_sheet(workbook: Workbook, title: str, spill_folder: Path) -> TextSheet:
    """``workbook.create_sheet(title)`` for a write-only workbook, as a ``TextSheet``."""
    sheet = TextSheet(parent=workbook, title=title)
    sheet.spill_folder = spill_folder
    workbook._add_sheet(sheet)
    return sheet


def discard_sheet(sheet: Any) -> None:
    """After a failure: finish the sheet's stream (no "Exception ignored" when it is collected)
    and delete its spill file."""
    writer = getattr(sheet, "_writer", None)
    if writer is None:  # nothing streamed yet
        return
    with contextlib.suppress(Exception):  # best effort: the export already failed
        sheet.close()
    with contextlib.suppress(OSError, ValueError):
        writer.cleanup()  # already gone if the save got as far as this sheet


def save_workbook(workbook: Workbook, path: Path) -> None:
    """openpyxl's ``save_workbook``, except on failure (folder gone, disk full): the package is
    closed without writing to the disk again and every sheet's stream is discarded; the error
    goes on to ``files.atomic_output``, which says it in Spanish."""
    archive: ZipFile | None = None
    try:
        archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
        workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()  # writes every part, then closes the archive
    except BaseException:
        if archive is not None:
            _abandon(archive)
        for sheet in workbook.worksheets:
            discard_sheet(sheet)
        raise


def _abandon(archive: ZipFile) -> None:
    """Let go of a package whose writing failed. ``ZipFile.close`` would append the central
    directory — to a full disk — and, failing, try again from ``__del__``."""
    handle = archive.fp
    archive.fp = None  # close() and __del__ now do nothing
    if handle is not None:
        with contextlib.suppress(OSError, ValueError):
            handle.close()
