"""Any report of ``services.reports`` as a workbook: "Resumen" (what it is about, the filters,
the figures), one sheet per chart with its numbers and a native chart over them (drawn by the
statistics workbook's ``native_chart``), one sheet per table, and — for a report that lists
members — a directory sheet under the consent rule (only members who may appear, only the
contact fields each allowed).

Atomic, cancellable between sheets, Spanish. Same numbers as the PDF: both lay out one ``Report``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import PrintField
from talentdesk.core.models import Chapter, Member, MemberSector, Sector, primary_link
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.consent import allowed_fields, may_appear
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.report_charts import group_header, stacked_headers
from talentdesk.exports.stats_xlsx import native_chart, share_cell, total_row
from talentdesk.exports.xlsx import SheetColumn, SheetWriter, new_workbook, save_workbook, sheet_title
from talentdesk.services.dashboard import Chart, ChartKind
from talentdesk.services.reports import Report, Table

CHUNK = 2000  # directory members read at a time


def write_report_xlsx(
    sessions: SessionFactory,
    load: Callable[[Session], Report],
    out_path: Path | str,
    *,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """``rows``: the charts written; ``member_ids``: the members the directory sheet lists."""
    check_abort(abort)
    with streaming_reader(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        report = load(session)
        workbook = new_workbook(temp)
        taken: set[str] = set()
        sheets: list[SheetWriter] = []
        listed: list[int] = []
        steps = 2 + sum(len(s.charts) + len(s.tables) for s in report.sections)
        done = 0

        def step() -> None:
            nonlocal done
            check_abort(abort)
            done += 1
            if progress is not None:
                progress(min(done, steps), steps)

        try:
            sheets.append(_summary(workbook, report, taken))
            step()
            for section in report.sections:
                for chart in section.charts:
                    sheets.append(_chart_sheet(workbook, chart, taken))
                    step()
                for table in section.tables:
                    sheets.append(_table_sheet(workbook, table, taken))
                    step()
            if report.directory is not None:
                sheets.append(_directory_sheet(workbook, session, report, taken, listed, abort))
            step()
        except BaseException:
            for sheet in sheets:
                sheet.discard()
            raise
        for sheet in sheets:
            sheet.close()
        workbook.properties.title = f"{report.title} — {report.subject}"
        save_workbook(workbook, temp)
    people = listed if report.directory is not None else list(report.people)
    return ExportResult(Path(out_path), len(report.charts), member_ids=people, people=len(people))


def _summary(workbook: Any, report: Report, taken: set[str]) -> SheetWriter:
    sheet = SheetWriter(
        workbook, sheet_title("Resumen", taken), [SheetColumn("Concepto", 48), SheetColumn("Valor", 40)]
    )
    sheet.row(["Reporte", report.title])
    sheet.row(["Sobre", report.subject])
    for label, value in report.filters:
        sheet.row([label, value])
    sheet.row(["Fecha del reporte", date.today()])
    for label, figure in report.figures:
        sheet.row([label, figure])
    return sheet


def _chart_sheet(workbook: Any, chart: Chart, taken: set[str]) -> SheetWriter:
    title = sheet_title(chart.title, taken)
    if chart.kind is ChartKind.STACKED:
        return _stacked_sheet(workbook, chart, title)
    sheet = SheetWriter(
        workbook,
        title,
        [SheetColumn(group_header(chart), 46), SheetColumn("Cantidad", 12), SheetColumn("%", 9)],
    )
    total = chart.total
    for bar in chart.bars:
        sheet.row([bar.label, bar.count, share_cell(sheet, bar.count, total)])
    total_row(sheet, [total, share_cell(sheet, total, total, bold=True)])
    kind = {ChartKind.PIE: "pie", ChartKind.LINE: "line"}.get(chart.kind, "bars")
    native_chart(sheet, len(chart.bars), chart.title, kind)
    return sheet


def _stacked_sheet(workbook: Any, chart: Chart, title: str) -> SheetWriter:
    """One row per bar, one column per part (the Jornadas by participant status, …)."""
    labels = list(dict.fromkeys(b.label for b in chart.bars))
    series = list(dict.fromkeys(b.series for b in chart.bars))
    count = {(b.label, b.series): b.count for b in chart.bars}
    columns = [
        SheetColumn(stacked_headers(chart)[0], 30),
        *(SheetColumn(s, 13) for s in series),
        SheetColumn("Total", 11),
    ]
    sheet = SheetWriter(workbook, title, columns)
    for label in labels:
        values = [count.get((label, s), 0) for s in series]
        sheet.row([label, *values, sum(values)])
    total_row(sheet, [sum(count.get((label, s), 0) for label in labels) for s in series] + [chart.total])
    native_chart(sheet, len(labels), chart.title, "stacked", series=len(series))
    return sheet


def _table_sheet(workbook: Any, table: Table, taken: set[str]) -> SheetWriter:
    widths = [
        min(max([len(h), *(len(str(r[i])) for r in table.rows if r[i] is not None)]) + 2, 60)
        for i, h in enumerate(table.columns)
    ]
    kinds = [
        "date" if any(isinstance(r[i], date) for r in table.rows) else "" for i in range(len(table.columns))
    ]
    columns = [SheetColumn(h, w, kind) for h, w, kind in zip(table.columns, widths, kinds, strict=True)]
    sheet = SheetWriter(workbook, sheet_title(table.title, taken), columns)
    for row in table.rows:
        sheet.row(list(row))
    return sheet


DIRECTORY_COLUMNS = (
    SheetColumn("Apellidos", 26),
    SheetColumn("Nombre", 20),
    SheetColumn("Puesto", 30),
    SheetColumn("Empresa o institución", 30),
    SheetColumn("Ciudad", 18),
    SheetColumn("País de residencia", 20),
    SheetColumn("Capítulo", 18),
    SheetColumn("Sector principal", 34),
    SheetColumn("Correo", 32),
    SheetColumn("Teléfono", 18),
)


def _directory_sheet(
    workbook: Any,
    session: Session,
    report: Report,
    taken: set[str],
    listed: list[int],
    abort: threading.Event | None,
) -> SheetWriter:
    """The members the report lists who may appear, with only the contact fields they allowed."""
    part = report.directory
    assert part is not None
    sheet = SheetWriter(workbook, sheet_title("Directorio", taken), DIRECTORY_COLUMNS)
    for member_id, values in _directory_rows(session, part.member_ids, abort):
        sheet.row(values)
        listed.append(member_id)
    return sheet


def _directory_rows(
    session: Session, ids: Sequence[int], abort: threading.Event | None
) -> Iterator[tuple[int, list[Any]]]:
    """In Spanish name order (the sort keys of the selection first, then a chunk at a time)."""
    chapters = {k: v for k, v in session.execute(select(Chapter.id, Chapter.name))}
    sectors = {k: f"{n}. {v}" for k, n, v in session.execute(select(Sector.id, Sector.number, Sector.name))}
    keys: list[tuple[str, int]] = []
    for start in range(0, len(ids), CHUNK):
        check_abort(abort)
        chunk = list(ids[start : start + CHUNK])
        keys += [
            (k or "", int(i))
            for i, k in session.execute(select(Member.id, Member.sort_key).where(Member.id.in_(chunk)))
        ]
    ordered = [i for _k, i in sorted(keys)]
    stmt = select(
        Member.id,
        Member.paternal_surname,
        Member.maternal_surname,
        Member.given_names,
        Member.job_title,
        Member.employer,
        Member.city,
        Member.country,
        Member.chapter_id,
        MemberSector.sector_id,
        Member.email,
        Member.phone,
        Member.directory_consent,
        Member.no_contact,
        Member.print_fields_raw,
    ).outerjoin(MemberSector, and_(MemberSector.member_id == Member.id, primary_link()))
    seen: set[int] = set()
    for start in range(0, len(ordered), CHUNK):
        check_abort(abort)
        chunk = ordered[start : start + CHUNK]
        found = {row[0]: row for row in session.execute(stmt.where(Member.id.in_(chunk)))}
        for member_id in chunk:
            row = found.get(member_id)
            if row is None or member_id in seen:
                continue
            (mid, paternal, maternal, given, job, employer, city, country, chapter, sector) = row[:10]
            email, phone, consent, no_contact, fields = row[10:]
            if not may_appear(consent, no_contact):
                continue
            seen.add(mid)
            allowed = allowed_fields(consent, fields)
            yield (
                int(mid),
                [
                    " ".join(p for p in (paternal, maternal) if p),
                    given,
                    job,
                    employer if PrintField.EMPLOYER in allowed else None,
                    city if PrintField.CITY in allowed else None,
                    country_name(country) if country else None,
                    chapters.get(chapter) if chapter is not None else None,
                    sectors.get(sector) if sector is not None else None,
                    email if PrintField.EMAIL in allowed else None,
                    phone if PrintField.PHONE in allowed else None,
                ],
            )
