"""A spreadsheet column as the writers and the window's tables describe it. Kept apart from
``exports/xlsx.py`` so the window can describe its columns without importing openpyxl."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetColumn:
    header: str
    width: float = 16
    #: "date" or "datetime" when every value is one (or None): the writer then looks only at
    #: those columns. When no column of a sheet says, every value is checked for dates.
    kind: str = ""
