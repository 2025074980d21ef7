"""Every export the window offers: the export dialog's entries, built from the one Qt-free
description of each kind (``exports/kinds.py``: options, format, default file name, defaults),
plus what only the window has: the title in the Export menu (translated) and how the screen's
selection becomes an ``ExportRequest``.

One dialog (``dialog.ExportDialog``) serves them all: it shows the options a kind lists in
``options`` and calls its ``run`` on the task runner. ``run`` builds an ``ExportRequest`` and calls
``exports.registry.run_export``, which looks the export function up in its
module when called (not at import), so tests can wrap a real export, and an export module that
is still missing only disables its own entry.

Default file names are Spanish, like the documents themselves.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from talentdesk.db.session import SessionFactory
from talentdesk.exports import kinds as described
from talentdesk.exports.columns import SheetColumn
from talentdesk.exports.files import ExportResult, Progress
from talentdesk.exports.kinds import (
    DEFAULT_GROUP_BY,
    DEFAULT_LAYOUT,
    DEFAULT_PACKET_BADGE,
    DEFAULT_PAGE_SIZE,
    EVENT,
    LINKAGE,
    MEMBERS,
    REPORT,
)
from talentdesk.exports.registry import UNLOGGED, ExportRequest, logged_export, run_export
from talentdesk.services.dashboard import DashboardFilter
from talentdesk.services.reports import YearRange
from talentdesk.services.search import MemberQuery

if TYPE_CHECKING:
    from talentdesk.services.matching import MatchCriteria


@dataclass(frozen=True)
class MembersSource:
    """What the members table shows when the export is asked for."""

    query: MemberQuery = field(default_factory=MemberQuery)
    selected_ids: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()  # visible column keys, in the order shown
    sort_key: str = "paternal_surname"
    descending: bool = False
    total: int = -1  # members shown (-1: not counted yet)
    #: A saved list shown (or exported) instead of the search: its name and members.
    list_name: str = ""
    list_ids: tuple[int, ...] | None = None

    @property
    def filtered(self) -> bool:
        return self.query != MemberQuery() or self.list_ids is not None


@dataclass(frozen=True)
class EventSource:
    """The event an export is about, and who is selected in its participants tab."""

    event_id: int
    name: str
    days: tuple[date, ...] = ()
    sessions: tuple[tuple[int, str], ...] = ()  # (id, label) in agenda order
    selected_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class TableSource:
    """A small table exactly as shown (chapters, sectors, organisations, the events list).

    Its values are collected on the GUI thread when the export is asked for (tens to hundreds
    of rows: cheaper than asking the database again, and it cannot disagree with the screen);
    the worker only writes them. Everything is immutable, so the worker may read it."""

    name: str  # Spanish name of what is listed: the sheet and the default file name
    title: str  # the area's title as the window shows it (translated), for the dialog
    columns: tuple[SheetColumn, ...]  # visible columns in their on-screen order, headers as shown
    rows: tuple[tuple[object, ...], ...]  # in the table's order, after the area's filter
    total: int = -1  # rows before the area's filter (-1: the area has no filter)
    selected_ids: tuple[int, ...] = ()  # unused: a table export is the table

    @property
    def filtered(self) -> bool:
        return self.total >= 0 and self.total != len(self.rows)


@dataclass(frozen=True)
class ReportSource:
    """The Tablero's filters when a report is asked for there, and the chapters and sectors a
    report may be about (read by the Tablero for its filter bar)."""

    filter: DashboardFilter = field(default_factory=DashboardFilter)
    years: YearRange = field(default_factory=YearRange)
    described: str = ""  # the filters as the Tablero shows them (translated)
    chapters: tuple[tuple[int, str], ...] = ()
    sectors: tuple[tuple[int, str], ...] = ()
    selected_ids: tuple[int, ...] = ()  # unused: a report is about groups, not a selection


@dataclass(frozen=True)
class LinkageSource:
    """What a Vinculación export is about: a programme (``program_id``), a need (``need_id``) or
    the criteria of a talent search (``match``, its first ``limit`` members)."""

    name: str  # the programme's or need's title, or "Buscar talento": the default file name
    scope: str  # the dialog's line saying what is exported (translated)
    program_id: int | None = None
    need_id: int | None = None
    match: MatchCriteria | None = None
    limit: int = 50
    selected_ids: tuple[int, ...] = ()  # unused: the whole list is exported


Source = MembersSource | EventSource | TableSource | ReportSource | LinkageSource


@dataclass(frozen=True)
class ExportOptions:
    """Everything a dialog can set; each kind reads the fields it uses. Frozen and comparable,
    so a preview can be reused when nothing changed."""

    group_by: str = DEFAULT_GROUP_BY
    title: str = ""
    page_size: str = DEFAULT_PAGE_SIZE
    layout: str = DEFAULT_LAYOUT
    start_slot: int = 1
    offset_mm: tuple[float, float] = (0.0, 0.0)
    cut_marks: bool = False
    external: bool = False
    only_selected: bool = False
    only_shown: bool = True
    signin_session: int | None = None
    signin_day: date | None = None
    separate_files: bool = False
    packet_badge: str = DEFAULT_PACKET_BADGE
    #: The sector, chapter or year a report is about.
    report_sector: int | None = None
    report_chapter: int | None = None
    report_year: int | None = None
    #: Other accounts of the computer may read the finished file (default: its owner only).
    shared: bool = False


class Runner(Protocol):
    """Runs one kind through ``exports.registry.run_export``; ``log=False`` only for a preview
    (its file stays inside the program; saving it is logged by :func:`logged_save`)."""

    def __call__(
        self,
        sessions: SessionFactory,
        source: Source,
        options: ExportOptions,
        out: Path,
        progress: Progress,
        abort: threading.Event,
        /,
        *,
        log: bool = True,
    ) -> ExportResult: ...


@dataclass(frozen=True)
class ExportKind:
    key: str
    scope: str  # MEMBERS, EVENT or RECORDS
    title: str  # English source text (translated in context "ExportKind")
    stem: str  # Spanish file name stem
    suffix: str  # ".xlsx" or ".pdf"
    options: tuple[str, ...]
    run: Runner
    module: str  # talentdesk.exports.<module>, checked for availability
    preview: bool = False

    def label(self) -> str:
        return QCoreApplication.translate("ExportKind", self.title)

    def writes_folder(self, options: ExportOptions) -> bool:
        return "separate_files" in self.options and options.separate_files

    def default_name(self, source: Source, options: ExportOptions, today: date | None = None) -> str:
        """A Spanish file (or folder) name: "Directorio por capítulo 2026-11-27.pdf",
        "Gafetes - Jornada Informativa 2027.pdf"."""
        stem = self.stem
        if self.key == "directory":
            stem = f"{stem} {GROUP_NAMES.get(options.group_by, '')}".strip()
        if self.key in ("members", "program_people", "need_candidates", "talent") and options.external:
            stem = f"{stem} (copia externa)"
        if isinstance(source, EventSource | LinkageSource):
            name = f"{stem} - {source.name}"
        elif isinstance(source, TableSource):
            name = f"{source.name} {(today or date.today()).isoformat()}"
        elif isinstance(source, MembersSource) and source.list_name:
            name = f"{stem} - {source.list_name} {(today or date.today()).isoformat()}"
        else:
            name = f"{stem} {(today or date.today()).isoformat()}"
        name = safe_file_name(name)
        return name if self.writes_folder(options) else name + self.suffix


GROUP_NAMES = {"chapter": "por capítulo", "sector": "por sector", "country": "por país"}


def safe_file_name(name: str) -> str:
    """No path separators or characters Windows refuses; no trailing dots or spaces."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", cleaned).strip(" .") or "exportacion"


# -- runners ------------------------------------------------------------------------------------


def _members(source: Source) -> MembersSource:
    assert isinstance(source, MembersSource)
    return source


def _event(source: Source) -> EventSource:
    assert isinstance(source, EventSource)
    return source


def _table(source: Source) -> TableSource:
    assert isinstance(source, TableSource)
    return source


def _member_ids(source: MembersSource, options: ExportOptions) -> tuple[int, ...] | None:
    return source.selected_ids if options.only_selected and source.selected_ids else source.list_ids


def _participant_ids(source: EventSource, options: ExportOptions) -> tuple[int, ...] | None:
    return source.selected_ids if options.only_selected and source.selected_ids else None


def _request(key: str, source: Source, o: ExportOptions) -> tuple[str, ExportRequest]:
    """The registry kind and request for what the dialog shows (``exports/registry.py`` runs it)."""
    if key == "rows":
        t = _table(source)
        return "rows", ExportRequest(sheet_name=t.name, sheet_columns=t.columns, rows=t.rows)
    if isinstance(source, ReportSource):
        return key, ExportRequest(
            dashboard=source.filter,
            years=source.years,
            sector_id=o.report_sector,
            chapter_id=o.report_chapter,
            year=o.report_year,
            page_size=o.page_size,
        )
    if isinstance(source, LinkageSource):
        return key, ExportRequest(
            program_id=source.program_id,
            need_id=source.need_id,
            match=source.match,
            limit=source.limit,
            external=o.external,
        )
    if key == "table":
        m = _members(source)
        return key, ExportRequest(
            query=m.query,
            member_ids=m.list_ids,
            columns=m.columns,
            sort_key=m.sort_key,
            descending=m.descending,
        )
    if key in ("members", "directory", "stats"):
        m = _members(source)
        return key, ExportRequest(
            query=(m.query if o.only_shown and m.filtered else None) if key == "stats" else m.query,
            member_ids=_member_ids(m, o),
            external=o.external,
            group_by=o.group_by,
            title=o.title.strip() or None,
            page_size=o.page_size,
        )
    e = _event(source)
    return key, ExportRequest(
        event_id=e.event_id,
        participant_ids=_participant_ids(e, o),
        layout=o.layout,
        start_slot=o.start_slot,
        offset_mm=o.offset_mm,
        cut_marks=o.cut_marks,
        separate_files=o.separate_files,
        badge_layout=o.packet_badge,
        session_id=o.signin_session,
        day=o.signin_day,
        page_size=o.page_size,
    )


def _runner(key: str) -> Runner:
    def run(
        sessions: SessionFactory,
        source: Source,
        options: ExportOptions,
        out: Path,
        progress: Progress,
        abort: threading.Event,
        /,
        *,
        log: bool = True,
    ) -> ExportResult:
        kind, request = _request(key, source, options)
        request = replace(request, shared=options.shared)
        return run_export(kind, sessions, request, out, progress=progress, abort=abort, log=log)

    return run


def logged_save(
    key: str, sessions: SessionFactory, source: Source, options: ExportOptions, target: Path
) -> AbstractContextManager[Callable[[ExportResult], ExportResult]]:
    """Around copying a previewed file to ``target``: the same export-log entry a direct export
    makes (``exports.registry.logged_export``)."""
    kind, request = _request(key, source, options)
    if kind in UNLOGGED:
        return nullcontext(lambda result: result)
    return logged_export(kind, sessions, request, target)


#: What the Export menu and the dialog call each kind (English source, translated in context
#: "ExportKind"); the rest of an entry comes from ``exports/kinds.py``.
TITLES = {
    "table": QT_TRANSLATE_NOOP("ExportKind", "Members table as shown"),
    "members": QT_TRANSLATE_NOOP("ExportKind", "Members, all fields"),
    "directory": QT_TRANSLATE_NOOP("ExportKind", "Member directory (PDF)"),
    "stats": QT_TRANSLATE_NOOP("ExportKind", "Statistics"),
    "participants": QT_TRANSLATE_NOOP("ExportKind", "Participants"),
    "rooming": QT_TRANSLATE_NOOP("ExportKind", "Rooming list"),
    "arrivals": QT_TRANSLATE_NOOP("ExportKind", "Arrivals and departures"),
    "materials": QT_TRANSLATE_NOOP("ExportKind", "Materials and tasks"),
    "badges": QT_TRANSLATE_NOOP("ExportKind", "Name badges (PDF)"),
    "packets": QT_TRANSLATE_NOOP("ExportKind", "Attendee packets (PDF)"),
    "certificates": QT_TRANSLATE_NOOP("ExportKind", "Certificates of participation (PDF)"),
    "signin": QT_TRANSLATE_NOOP("ExportKind", "Sign-in sheets (PDF)"),
    "agenda": QT_TRANSLATE_NOOP("ExportKind", "Agenda (PDF)"),
    "rows": QT_TRANSLATE_NOOP("ExportKind", "Table as shown"),
    "dashboard": QT_TRANSLATE_NOOP("ExportKind", "Dashboard (PDF)"),
    "dashboard_xlsx": QT_TRANSLATE_NOOP("ExportKind", "Dashboard (spreadsheet)"),
    "sector_report": QT_TRANSLATE_NOOP("ExportKind", "Sector report (PDF)"),
    "sector_report_xlsx": QT_TRANSLATE_NOOP("ExportKind", "Sector report (spreadsheet)"),
    "chapter_report": QT_TRANSLATE_NOOP("ExportKind", "Chapter report (PDF)"),
    "chapter_report_xlsx": QT_TRANSLATE_NOOP("ExportKind", "Chapter report (spreadsheet)"),
    "annual_report": QT_TRANSLATE_NOOP("ExportKind", "Annual report of the network (PDF)"),
    "program_people": QT_TRANSLATE_NOOP("ExportKind", "People of the program"),
    "need_candidates": QT_TRANSLATE_NOOP("ExportKind", "Candidates of the need"),
    "talent": QT_TRANSLATE_NOOP("ExportKind", "Ranked members"),
}


def _entry(kind: described.Kind) -> ExportKind:
    return ExportKind(
        kind.key,
        kind.scope,
        str(TITLES[kind.key]),
        kind.stem,
        kind.suffix,
        kind.options,
        _runner(kind.key),
        kind.module,
        kind.preview,
    )


#: The documents the Export menu lists (members and event documents), in the description's order.
KINDS: tuple[ExportKind, ...] = tuple(
    _entry(k) for k in described.KINDS if k.dialog and k.scope in (MEMBERS, EVENT)
)
# Any small table as shown (Ctrl+E in Capítulos, Sectores, Organizaciones and the Jornadas
# list). Not one of the Export menu's documents: the menu's "Export what is shown" reaches it.
TABLE_VIEW = _entry(described.BY_KEY["rows"])
#: The Tablero and the reports: the Tablero's Export menu (``ui/dashboard.py``).
REPORT_KINDS: tuple[ExportKind, ...] = tuple(
    _entry(k) for k in described.KINDS if k.dialog and k.scope == REPORT
)
#: Vinculación's lists (a programme's people, a need's candidates, a talent search): offered by
#: their own buttons in that area, not in the Export menu.
LINKAGE_KINDS: tuple[ExportKind, ...] = tuple(
    _entry(k) for k in described.KINDS if k.dialog and k.scope in LINKAGE
)
BY_KEY = {kind.key: kind for kind in (*KINDS, TABLE_VIEW, *REPORT_KINDS, *LINKAGE_KINDS)}


def kind(key: str) -> ExportKind:
    return BY_KEY[key]


def available(kind: ExportKind) -> bool:
    """False while the export module is not in this build (e.g. being written)."""
    import importlib.util

    return importlib.util.find_spec(f"talentdesk.exports.{kind.module}") is not None
