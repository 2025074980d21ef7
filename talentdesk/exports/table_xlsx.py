"""A table as the user sees it: the members table with its filter, sort and visible columns,
and a plain writer for the other small tables of the GUI (chapters, organisations…).

The members table export goes through ``services.member_table`` (the columns, ``ordered_ids``
and ``fetch_rows`` the view itself uses), so the spreadsheet cannot disagree with the screen.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook, save_workbook
from talentdesk.services.member_table import (
    BY_KEY,
    COLUMNS,
    Column,
    display_value,
    fetch_rows,
    ordered_among,
    ordered_ids,
)
from talentdesk.services.search import MemberQuery

CHUNK = 1000

#: Column widths in the spreadsheet (characters); the rest get the default.
WIDTHS = {
    "paternal_surname": 18,
    "maternal_surname": 18,
    "given_names": 20,
    "email": 32,
    "phone": 16,
    "country": 18,
    "state": 16,
    "city": 16,
    "chapter": 18,
    "primary_sector": 34,
    "employer": 26,
    "job_title": 24,
    "degree_level": 14,
    "status": 11,
    "directory_consent": 10,
    "joined_on": 12,
    "id": 9,
}


def export_table_xlsx(
    sessions: SessionFactory,
    query: MemberQuery | Sequence[int],
    out_path: Path | str,
    *,
    columns: Sequence[str],
    sort_key: str = "paternal_surname",
    descending: bool = False,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """The members matching ``query`` (or these ids: a saved list) in the table's order, with the
    given visible columns (keys of ``member_table.COLUMNS``, in the order shown)."""
    chosen = _columns(columns)
    if sort_key not in BY_KEY:
        raise TalentDeskError(
            f"No se puede ordenar por «{sort_key}»: no es una columna de la tabla de miembros."
        )
    index = {c.key: i for i, c in enumerate(COLUMNS)}
    picks = [index[c.key] for c in chosen]
    with streaming_reader(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        check_abort(abort)
        try:
            if isinstance(query, MemberQuery):
                ids = ordered_ids(session, query, sort_key, descending, abort=abort)
            else:
                ids = ordered_among(session, query, sort_key, descending, abort=abort)
        except TalentDeskError:
            check_abort(abort)  # ordered_ids says "Búsqueda cancelada": this is an export
            raise
        workbook = new_workbook(temp)
        sheet = SheetWriter(
            workbook, "Miembros", [SheetColumn(c.label, WIDTHS.get(c.key, 16), _kind(c)) for c in chosen]
        )
        written = array("q")
        try:
            for start in range(0, len(ids), CHUNK):
                check_abort(abort)
                chunk = ids[start : start + CHUNK]
                rows = fetch_rows(session, chunk)
                for member_id in chunk:
                    row = rows.get(member_id)
                    if row is None:  # deleted since the list was made
                        continue
                    sheet.row([cell_value(c, row[i]) for c, i in zip(chosen, picks, strict=True)])
                    written.append(member_id)
                if progress is not None:
                    progress(min(start + CHUNK, len(ids)), len(ids))
            check_abort(abort)
        except BaseException:
            sheet.discard()
            raise
        sheet.close()
        save_workbook(workbook, temp)
    return ExportResult(Path(out_path), len(written), member_ids=written)


def cell_value(column: Column, value: Any) -> Any:
    """The table's value typed for a spreadsheet: dates as dates, ids as numbers, the rest as
    the text the table shows (status, degree and country in Spanish)."""
    if value is None:
        return None
    if column.key == "id":
        return int(value)
    if column.key == "joined_on":
        if isinstance(value, datetime):  # other databases may return a timestamp
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
    return display_value(column, value) or None


def _kind(column: Column) -> str:
    """Declared so the sheet writer looks for dates in that column only."""
    return "date" if column.key == "joined_on" else ""


def _columns(keys: Sequence[str]) -> list[Column]:
    if isinstance(keys, str):  # a single key passed by mistake would split into letters
        keys = [keys]
    unknown = [k for k in keys if k not in BY_KEY]
    if unknown:
        known = ", ".join(c.key for c in COLUMNS)
        raise TalentDeskError(
            f"Columna desconocida de la tabla de miembros: «{unknown[0]}». Columnas posibles: {known}."
        )
    if not keys:
        raise TalentDeskError("No hay columnas visibles que exportar.")
    return [BY_KEY[k] for k in dict.fromkeys(keys)]


def export_rows_xlsx(
    out_path: Path | str,
    title: str,
    headers: Sequence[str | SheetColumn],
    rows: Iterable[Sequence[Any]],
    *,
    total: int | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Any simple table already in memory (chapters, organisations, an event's participants
    as listed): one sheet named ``title``, one row per item, values written as given (pass
    dates and numbers, not text). ``total`` is only for ``progress``."""
    columns = [h if isinstance(h, SheetColumn) else SheetColumn(h, _width(h)) for h in headers]
    if not columns:
        raise TalentDeskError("No hay columnas que exportar.")
    with atomic_output(out_path, suffix=".xlsx") as temp:
        workbook = new_workbook(temp)
        sheet = SheetWriter(workbook, title or "Tabla", columns)
        try:
            for n, values in enumerate(rows, start=1):
                if len(values) != len(columns):
                    raise ValueError(f"row {n} has {len(values)} values for {len(columns)} columns")
                sheet.row([None if v == "" else v for v in values])
                if n % 500 == 0:
                    check_abort(abort)
                    if progress is not None:
                        progress(n, max(total or 0, n))
            check_abort(abort)
            if progress is not None:
                progress(sheet.rows, max(total or 0, sheet.rows))
        except BaseException:
            sheet.discard()
            raise
        sheet.close()
        save_workbook(workbook, temp)
    return ExportResult(Path(out_path), sheet.rows)


def _width(header: str) -> float:
    return float(min(max(len(header) + 4, 10), 40))
