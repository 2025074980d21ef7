"""The small lists of the window as spreadsheets: chapters, sectors (PNCS), organisations and
the Jornadas, each with the columns its table shows by default and in its default order.

This is what ``talentdesk export chapters|sectors|organizations|events`` writes. The rows come
from the loaders the GUI tables use (``services/record_lists.py``; the events list from
``services/event_view.py``, as the Jornadas area), and the headers are the Spanish ones
the tables show, so the command line and the window agree (a GUI test compares them). In the
window, "Export what is shown" writes the table as it is on screen instead: its filter, its
sort and its visible columns (``ui/exports/kinds.TABLE_VIEW``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory, read_scope
from talentdesk.exports.columns import SheetColumn
from talentdesk.exports.files import ExportResult, Progress, check_abort
from talentdesk.services.event_view import load_events
from talentdesk.services.record_lists import (
    ChapterRow,
    OrganizationRow,
    SectorRow,
    cell_key,
    load_chapters,
    load_organizations,
    load_sectors,
)


@dataclass(frozen=True)
class ListColumn:
    header: str  # Spanish, as the table's header reads in Spanish
    value: Callable[[Any], object]  # the cell: numbers and dates as such
    width: float = 16


@dataclass(frozen=True)
class ReferenceList:
    key: str  # the CLI's name: chapters, sectors, organizations, events
    title: str  # Spanish: the sheet, and the default file name in the window
    columns: tuple[ListColumn, ...]
    load: Callable[[Session], Sequence[Any]]
    sort_key: Callable[[Any], Any]  # the table's default sort column…
    descending: bool = False  # …and direction

    def headers(self) -> list[SheetColumn]:
        return [SheetColumn(c.header, c.width) for c in self.columns]

    def rows(self, session: Session) -> list[list[object]]:
        """Every row, in the table's default order (a stable sort of the loader's order, as the
        table does it), with the default columns' values."""
        items = sorted(self.load(session), key=self.sort_key, reverse=self.descending)
        return [[_cell(c.value(item)) for c in self.columns] for item in items]


def _chapters(session: Session) -> list[ChapterRow]:
    return load_chapters(session).chapters


def _organizations(session: Session) -> list[OrganizationRow]:
    return load_organizations(session).rows


def _chapter_president(row: ChapterRow) -> str:
    return row.president()


def _contacts(row: SectorRow) -> int:
    return len(row.contacts)


def _sector_numbers(row: OrganizationRow) -> str:
    return ", ".join(str(n) for n in row.sector_numbers)


CHAPTERS = ReferenceList(
    "chapters",
    "Capítulos",
    (
        ListColumn("Capítulo", lambda r: r.name, 24),
        ListColumn("Ubicación", lambda r: r.place, 30),
        ListColumn("Estatus", lambda r: r.status.label, 14),
        ListColumn("Miembros", lambda r: r.members, 10),
        ListColumn("Presidencia", _chapter_president, 30),
    ),
    _chapters,
    lambda r: cell_key(r.name),
)
SECTORS = ReferenceList(
    "sectors",
    "Sectores y PNCS",
    (
        ListColumn("Núm.", lambda r: r.number, 7),
        ListColumn("Sector", lambda r: r.name, 50),
        ListColumn("Institución de contacto", lambda r: r.contact_institution, 40),
        ListColumn("Contactos", _contacts, 11),
        ListColumn("Miembros", lambda r: r.members, 10),
    ),
    load_sectors,
    lambda r: cell_key(r.number),
)
ORGANIZATIONS = ReferenceList(
    "organizations",
    "Organizaciones",
    (
        ListColumn("Organización", lambda r: r.name, 40),
        ListColumn("Tipo", lambda r: r.kind.label, 22),
        ListColumn("Estado", lambda r: r.state, 18),
        ListColumn("Ciudad", lambda r: r.city, 18),
        ListColumn("Contacto", lambda r: r.contact_name, 24),
        ListColumn("Correo", lambda r: r.contact_email, 30),
        ListColumn("Sectores", _sector_numbers, 10),
    ),
    _organizations,
    lambda r: cell_key(r.name),
)
EVENTS = ReferenceList(
    "events",
    "Jornadas",
    (
        ListColumn("Evento", lambda r: r.name, 50),
        ListColumn("Edición", lambda r: r.edition, 10),
        ListColumn("Empieza", lambda r: r.starts_on, 12),
        ListColumn("Termina", lambda r: r.ends_on, 12),
        ListColumn("Ciudad", lambda r: r.city, 18),
        ListColumn("Estatus", lambda r: r.status.label, 14),
        ListColumn("Participantes", lambda r: r.participants, 13),
    ),
    load_events,
    lambda r: r.starts_on,
    descending=True,
)
LISTS: dict[str, ReferenceList] = {t.key: t for t in (CHAPTERS, SECTORS, ORGANIZATIONS, EVENTS)}


def reference_list(key: str) -> ReferenceList:
    try:
        return LISTS[key]
    except KeyError:
        raise TalentDeskError(
            f"No hay una lista «{key}» que exportar. Listas posibles: {', '.join(LISTS)}."
        ) from None


def export_reference_xlsx(
    sessions: SessionFactory,
    table: str,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """The whole list ``table`` (a key of :data:`LISTS`) as its table shows it by default:
    one sheet, the default columns with Spanish headers, the default order, numbers as
    numbers and dates as dates."""
    from talentdesk.exports.table_xlsx import export_rows_xlsx  # openpyxl: on first use only

    spec = reference_list(table)
    check_abort(abort)
    with read_scope(sessions) as session:
        rows = spec.rows(session)
    return export_rows_xlsx(
        out_path, spec.title, spec.headers(), rows, total=len(rows), progress=progress, abort=abort
    )


def _cell(value: object) -> object:
    """Empty texts are empty cells; everything else goes in as it is (already typed)."""
    return None if value == "" else value
