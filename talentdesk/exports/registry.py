"""One way to run any export by name: the CLI and the export dialog both build an
``ExportRequest`` and call ``run_export``, so the mapping "options → export call" exists once.

It is also where every export with personal data enters the export log
(``services.export_log``): an entry "en curso" is committed before the file is written, then
completed with the people and members in the file, or removed if the export fails or is
cancelled (:func:`logged_export`).

Each runner imports its export module when called and looks the function up on the module
object, not at import: tests can wrap or monkeypatch a real export, and a module that is still
missing fails only its own kind. Qt-free (the GUI imports this, not the other way round).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from talentdesk.core import i18n
from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory, session_scope
from talentdesk.exports.files import ExportResult, Progress, shared_output
from talentdesk.exports.kinds import DEFAULT_GROUP_BY, DEFAULT_LAYOUT, DEFAULT_PACKET_BADGE, DEFAULT_PAGE_SIZE

if TYPE_CHECKING:
    from talentdesk.exports.xlsx import SheetColumn
    from talentdesk.services.dashboard import DashboardFilter
    from talentdesk.services.matching import MatchCriteria
    from talentdesk.services.reports import YearRange
    from talentdesk.services.search import MemberQuery


@dataclass(frozen=True)
class ExportRequest:
    """Every option any export takes; each kind reads the fields it uses. Defaults are the
    export functions' own defaults, so a caller sets only what its user chose."""

    # members
    query: MemberQuery | None = None  # members, directory, table: required; stats: None = all
    member_ids: tuple[int, ...] | None = None  # members, directory: these instead of the query
    external: bool = False
    group_by: str = DEFAULT_GROUP_BY
    title: str | None = None
    columns: tuple[str, ...] = ()  # table: visible column keys in order
    sort_key: str = "paternal_surname"
    descending: bool = False
    # events
    event_id: int | None = None
    participant_ids: tuple[int, ...] | None = None  # None: every participant
    layout: str = DEFAULT_LAYOUT
    start_slot: int = 1
    offset_mm: tuple[float, float] = (0.0, 0.0)
    cut_marks: bool = False
    separate_files: bool = False
    badge_layout: str = DEFAULT_PACKET_BADGE
    session_id: int | None = None
    day: date | None = None
    # PDFs
    page_size: str = DEFAULT_PAGE_SIZE
    # reference lists (chapters, sectors, organizations, events) and tables as shown
    table: str = ""
    sheet_name: str = ""
    sheet_columns: tuple[SheetColumn, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    # the Tablero and the reports
    dashboard: DashboardFilter | None = None
    years: YearRange | None = None
    sector_id: int | None = None
    chapter_id: int | None = None
    year: int | None = None
    # Vinculación: a programme's people, a need's candidates, a talent search's ranking
    program_id: int | None = None
    need_id: int | None = None
    match: MatchCriteria | None = None
    limit: int = 50
    # every export: the file (or the packets' files) readable by the computer's other accounts;
    # by default only the person's own account may read it (it holds personal data)
    shared: bool = False

    def member_selection(self) -> MemberQuery | list[int]:
        if self.member_ids is not None:
            return list(self.member_ids)
        return self._query()

    def _query(self) -> MemberQuery:
        if self.query is None:
            raise ValueError("ExportRequest: this export needs a member query")
        return self.query

    def event(self) -> int:
        if self.event_id is None:
            raise ValueError("ExportRequest: this export needs an event_id")
        return self.event_id

    def participants(self) -> list[int] | None:
        return None if self.participant_ids is None else list(self.participant_ids)


# Short names for the runners' one-line signatures.
Out = Path | str
Prog = Progress | None
Abort = threading.Event | None
_Runner = Callable[[SessionFactory, ExportRequest, Out, Prog, Abort], ExportResult]


def _members(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import members_xlsx

    return members_xlsx.export_members_xlsx(
        s, r.member_selection(), out, external=r.external, progress=p, abort=a
    )


def _table(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import table_xlsx

    return table_xlsx.export_table_xlsx(
        s,
        r.member_selection(),
        out,
        columns=list(r.columns),
        sort_key=r.sort_key,
        descending=r.descending,
        progress=p,
        abort=a,
    )


def _directory(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import directory_pdf

    return directory_pdf.export_directory_pdf(
        s,
        r.member_selection(),
        out,
        group_by=r.group_by,
        page_size=r.page_size,
        title=r.title,
        progress=p,
        abort=a,
    )


def _stats(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import stats_xlsx

    return stats_xlsx.export_stats_xlsx(s, out, query=r.query, progress=p, abort=a)


def _participants(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import event_xlsx

    return event_xlsx.export_participants_xlsx(
        s, r.event(), out, participant_ids=r.participants(), progress=p, abort=a
    )


def _rooming(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import event_xlsx

    return event_xlsx.export_rooming_xlsx(s, r.event(), out, progress=p, abort=a)


def _arrivals(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import event_xlsx

    return event_xlsx.export_arrivals_xlsx(s, r.event(), out, progress=p, abort=a)


def _materials(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import event_xlsx

    return event_xlsx.export_materials_xlsx(s, r.event(), out, progress=p, abort=a)


def _badges(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import badges

    return badges.export_badges_pdf(
        s,
        r.event(),
        out,
        layout=r.layout,
        participant_ids=r.participants(),
        start_slot=r.start_slot,
        offset_mm=r.offset_mm,
        cut_marks=r.cut_marks,
        progress=p,
        abort=a,
    )


def _packets(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import packets_pdf

    return packets_pdf.export_packets_pdf(
        s,
        r.event(),
        out,
        participant_ids=r.participants(),
        separate_files=r.separate_files,
        badge_layout=r.badge_layout,
        page_size=r.page_size,
        progress=p,
        abort=a,
    )


def _certificates(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import certificates_pdf

    return certificates_pdf.export_certificates_pdf(
        s, r.event(), out, participant_ids=r.participants(), page_size=r.page_size, progress=p, abort=a
    )


def _signin(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import signin_pdf

    return signin_pdf.export_signin_pdf(
        s,
        r.event(),
        out,
        session_id=r.session_id,
        day=r.day,
        page_size=r.page_size,
        progress=p,
        abort=a,
    )


def _agenda(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import agenda_pdf

    return agenda_pdf.export_agenda_pdf(s, r.event(), out, page_size=r.page_size, progress=p, abort=a)


def _reference(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    """A whole list as its table shows it by default (``exports/reference_xlsx.py``)."""
    from talentdesk.exports import reference_xlsx

    return reference_xlsx.export_reference_xlsx(s, r.table, out, progress=p, abort=a)


def _personal(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    """The person's data (derecho de acceso): ``member_ids`` holds the one member, ``out`` is a folder."""
    from talentdesk.exports import personal

    if r.member_ids is None or len(r.member_ids) != 1:
        raise ValueError("ExportRequest: the personal data export needs exactly one member id")
    return personal.export_personal_data(s, r.member_ids[0], out, page_size=r.page_size, progress=p, abort=a)


def _rows(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    """Rows already collected (a small table exactly as shown): nothing is read from the database."""
    from talentdesk.exports import table_xlsx

    return table_xlsx.export_rows_xlsx(
        out, r.sheet_name, r.sheet_columns, r.rows, total=len(r.rows), progress=p, abort=a
    )


def _dashboard(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import reports

    return reports.export_dashboard(
        s, out, flt=r.dashboard, years=r.years, page_size=r.page_size, progress=p, abort=a
    )


def _sector_report(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import reports

    if r.sector_id is None:
        raise ValueError("ExportRequest: the sector report needs a sector_id")
    return reports.export_sector_report(s, r.sector_id, out, page_size=r.page_size, progress=p, abort=a)


def _chapter_report(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import reports

    if r.chapter_id is None:
        raise ValueError("ExportRequest: the chapter report needs a chapter_id")
    return reports.export_chapter_report(s, r.chapter_id, out, page_size=r.page_size, progress=p, abort=a)


def _annual_report(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import reports

    if r.year is None:
        raise ValueError("ExportRequest: the annual report needs a year")
    return reports.export_annual_report(s, r.year, out, page_size=r.page_size, progress=p, abort=a)
def _program_people(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import linkage_xlsx

    if r.program_id is None:
        raise ValueError("ExportRequest: this export needs a program_id")
    return linkage_xlsx.export_program_people_xlsx(
        s, r.program_id, out, external=r.external, progress=p, abort=a
    )


def _need_candidates(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import linkage_xlsx

    if r.need_id is None:
        raise ValueError("ExportRequest: this export needs a need_id")
    return linkage_xlsx.export_need_candidates_xlsx(
        s, r.need_id, out, external=r.external, progress=p, abort=a
    )


def _talent(s: SessionFactory, r: ExportRequest, out: Out, p: Prog, a: Abort) -> ExportResult:
    from talentdesk.exports import linkage_xlsx
    from talentdesk.services.matching import MatchCriteria

    return linkage_xlsx.export_talent_xlsx(
        s, r.match or MatchCriteria(), out, limit=r.limit, external=r.external, progress=p, abort=a
    )


_RUNNERS: dict[str, _Runner] = {
    "members": _members,
    "table": _table,
    "directory": _directory,
    "stats": _stats,
    "participants": _participants,
    "rooming": _rooming,
    "arrivals": _arrivals,
    "materials": _materials,
    "badges": _badges,
    "packets": _packets,
    "certificates": _certificates,
    "signin": _signin,
    "agenda": _agenda,
    "reference": _reference,
    "rows": _rows,
    "personal": _personal,
    "dashboard": _dashboard,
    "dashboard_xlsx": _dashboard,
    "sector_report": _sector_report,
    "sector_report_xlsx": _sector_report,
    "chapter_report": _chapter_report,
    "chapter_report_xlsx": _chapter_report,
    "annual_report": _annual_report,
    "program_people": _program_people,
    "need_candidates": _need_candidates,
    "talent": _talent,
}
#: Every kind ``run_export`` knows.
KINDS: tuple[str, ...] = tuple(_RUNNERS)


#: Kinds the export log leaves out: statistics, the Tablero and the annual report are counts,
#: and materials and tasks name only the staff responsible. Everything else carries someone's
#: personal data (a sector report's directory, a chapter's board).
UNLOGGED = frozenset({"stats", "materials", "dashboard", "dashboard_xlsx", "annual_report"})


def run_export(
    kind: str,
    sessions: SessionFactory,
    request: ExportRequest,
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
    log: bool = True,
) -> ExportResult:
    """Run the export ``kind`` with the options of ``request``; what it raises passes through.
    The document is Spanish whatever the UI language (``i18n.spanish``).

    ``log=False`` only for a file that does not leave the program (the dialog's preview): saving
    it later goes through :func:`logged_export` like any export."""
    try:
        runner = _RUNNERS[kind]
    except KeyError:
        raise ValueError(f"unknown export kind {kind!r}") from None
    with shared_output(request.shared), i18n.spanish():  # documents stay Spanish (Mexican institutions)
        if not log or kind in UNLOGGED:
            return runner(sessions, request, out_path, progress, abort)
        with logged_export(kind, sessions, request, out_path) as finish:
            return finish(runner(sessions, request, out_path, progress, abort))


@contextmanager
def logged_export(
    kind: str, sessions: SessionFactory, request: ExportRequest, out_path: Path | str
) -> Iterator[Callable[[ExportResult], ExportResult]]:
    """Around writing one export: the log entry is committed first (a database that cannot
    record it refuses the export before any file is touched), ``finish(result)`` completes it
    once the file is in place, and an export that fails or is cancelled removes it."""
    from talentdesk.services import export_log

    target = str(Path(out_path).expanduser().absolute())
    try:
        with session_scope(sessions) as session:
            entry_id = export_log.begin(session, kind, describe(session, kind, request), target)
    except TalentDeskError as exc:
        raise TalentDeskError(
            "No se exportó nada: cada exportación con datos personales queda en la bitácora de "
            f"exportaciones, y no se pudo registrar. {exc.message}"
        ) from exc
    written = False

    def finish(result: ExportResult) -> ExportResult:
        nonlocal written
        written = True
        people = result.people if result.people is not None else result.rows
        try:
            with session_scope(sessions) as session:
                members = list(result.member_ids)
                if result.participant_ids:
                    members += export_log.members_of_participants(session, result.participant_ids)
                export_log.complete(
                    session,
                    entry_id,
                    people=people,
                    member_ids=members,
                    file_name=str(Path(result.path).expanduser().absolute()),
                )
        except TalentDeskError as exc:
            raise TalentDeskError(
                f"Se escribió «{result.path}», pero la bitácora de exportaciones no pudo completarse: "
                f"queda como «en curso». {exc.message}"
            ) from exc
        return result

    try:
        yield finish
    except BaseException:
        if not written:
            try:
                with session_scope(sessions) as session:
                    export_log.discard(session, entry_id)
            except Exception:  # the entry stays "en curso": an outcome never recorded, as it says
                pass
        raise


def describe(session: Session, kind: str, request: ExportRequest) -> dict[str, Any]:
    """The filters and options of an export as the log shows them (Spanish keys, names not ids)."""
    from talentdesk.services import reference

    out: dict[str, Any] = {}
    if kind == "personal":
        return {"Miembro": request.member_ids[0] if request.member_ids else None}
    query = request.query
    if kind in ("members", "table", "directory", "stats") and request.member_ids is not None:
        out["Miembros seleccionados"] = len(request.member_ids)
    elif query is not None:
        chapters = {c.id: c.name for c in reference.chapters(session)}
        sectors = {s.id: f"{s.number}. {s.name}" for s in reference.sectors(session)}
        contributions = {c.id: c.name for c in reference.contribution_types(session)}
        if query.text.strip():
            out["Texto"] = query.text.strip()
        for label, ids, names in (
            ("Capítulo", query.chapter_ids, chapters),
            ("Sector", query.sector_ids, sectors),
            ("Aportación", query.contribution_ids, contributions),
        ):
            if ids:
                out[label] = [names.get(i, str(i)) for i in ids]
        if query.countries:
            out["País"] = list(query.countries)
        if query.statuses:
            out["Estatus"] = [s.label for s in query.statuses]
        if query.degrees:
            out["Estudios"] = [d.label for d in query.degrees]
        if query.directory_consent is not None:
            out["En directorios"] = query.directory_consent
    if kind in ("program_people", "need_candidates", "talent"):
        out.update(_describe_linkage(session, kind, request))
    if kind == "members":
        out["Copia externa"] = request.external
    if kind == "directory":
        out["Agrupado por"] = {"chapter": "capítulo", "sector": "sector", "country": "país"}.get(
            request.group_by, request.group_by
        )
    if kind == "table":
        out["Columnas"] = list(request.columns)
    if request.event_id is not None:
        from talentdesk.core.events import Event

        event = session.get(Event, request.event_id)
        out["Evento"] = f"{event.name} (id {event.id})" if event is not None else f"id {request.event_id}"
        if request.participant_ids is not None:
            out["Participantes seleccionados"] = len(request.participant_ids)
        if kind == "signin" and request.day is not None:
            out["Día"] = request.day.isoformat()
        if kind == "signin" and request.session_id is not None:
            out["Sesión"] = request.session_id
    if kind == "reference":
        out["Lista"] = request.table
    if request.sector_id is not None:
        out["Sector"] = {s.id: f"{s.number}. {s.name}" for s in reference.sectors(session)}.get(
            request.sector_id, request.sector_id
        )
    if request.chapter_id is not None:
        out["Capítulo"] = {c.id: c.name for c in reference.chapters(session)}.get(
            request.chapter_id, request.chapter_id
        )
    if kind == "rows":
        out["Tabla"] = request.sheet_name
    return out


def _describe_linkage(session: Session, kind: str, request: ExportRequest) -> dict[str, Any]:
    """What a Vinculación export was about: the programme, the need, or the search's criteria."""
    from talentdesk.core.programs import Need, Program

    out: dict[str, Any] = {}
    if kind == "program_people" and request.program_id is not None:
        program = session.get(Program, request.program_id)
        out["Programa"] = program.title if program is not None else request.program_id
    if kind == "need_candidates" and request.need_id is not None:
        need = session.get(Need, request.need_id)
        out["Solicitud"] = need.title if need is not None else request.need_id
    if kind == "talent" and request.match is not None:
        criteria = request.match
        wanted = {
            "Palabras clave": criteria.keywords.strip(),
            "País": criteria.country,
            "Ciudad": criteria.city,
            "Idiomas": criteria.languages.strip(),
            "Sectores": len(criteria.sector_ids),
        }
        out.update({label: value for label, value in wanted.items() if value})
        out["Primeros"] = request.limit
    out["Copia externa"] = request.external
    return out
