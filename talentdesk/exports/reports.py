"""The Tablero export and the reports — Reporte sectorial (PNCS), Reporte de capítulo, Informe
anual — each one ``services.reports`` read model laid out by ``report_pdf`` (vector charts) or
``report_xlsx`` (native charts), chosen by the name of the file: the same numbers either way.

``rows`` of the result is the number of charts; ``member_ids`` the members whose names the file
prints (the sector directory, a chapter's board), for the export log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import SessionFactory
from talentdesk.exports.files import ExportResult, Progress
from talentdesk.exports.report_pdf import write_report_pdf
from talentdesk.exports.report_xlsx import write_report_xlsx
from talentdesk.services import reports
from talentdesk.services.dashboard import DashboardFilter
from talentdesk.services.reports import Report, YearRange


def write_report(
    sessions: SessionFactory,
    load: Callable[[Session], Report],
    out_path: Path | str,
    *,
    page_size: str = "letter",
    xlsx: bool = True,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """A PDF, or a workbook when ``out_path`` ends in .xlsx (and the report has one)."""
    suffix = Path(out_path).suffix.lower()
    if suffix == ".xlsx" and xlsx:
        return write_report_xlsx(sessions, load, out_path, progress=progress, abort=abort)
    if suffix != ".pdf":
        formats = ".pdf o .xlsx" if xlsx else ".pdf"
        raise TalentDeskError(f"El archivo «{Path(out_path).name}» debe terminar en {formats}.")
    return write_report_pdf(sessions, load, out_path, page_size=page_size, progress=progress, abort=abort)


def export_dashboard(
    sessions: SessionFactory,
    out_path: Path | str,
    *,
    flt: DashboardFilter | None = None,
    years: YearRange | None = None,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Every chart of the Tablero for the members ``flt`` selects, per-year charts cut to ``years``."""
    return write_report(
        sessions,
        lambda session: reports.dashboard_report(session, flt, years),
        out_path,
        page_size=page_size,
        progress=progress,
        abort=abort,
    )


def export_sector_report(
    sessions: SessionFactory,
    sector_id: int,
    out_path: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    return write_report(
        sessions,
        lambda session: reports.sector_report(session, sector_id),
        out_path,
        page_size=page_size,
        progress=progress,
        abort=abort,
    )


def export_chapter_report(
    sessions: SessionFactory,
    chapter_id: int,
    out_path: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    return write_report(
        sessions,
        lambda session: reports.chapter_report(session, chapter_id),
        out_path,
        page_size=page_size,
        progress=progress,
        abort=abort,
    )


def export_annual_report(
    sessions: SessionFactory,
    year: int,
    out_path: Path | str,
    *,
    page_size: str = "letter",
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    return write_report(
        sessions,
        lambda session: reports.annual_report(session, year),
        out_path,
        page_size=page_size,
        xlsx=False,
        progress=progress,
        abort=abort,
    )
