"""The statistics workbook: members by chapter, sector, country and degree, each sheet with
counts, percentages, a total and a native Excel chart that reads the sheet's own cells.

Counts come from two GROUP BY queries (members; member sectors), restricted to a search
through the same full-text expression the members table uses, so a million members are
counted by the database, never loaded into Python.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.core.countries import country_name
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.core.models import Chapter, ContributionType, Sector
from talentdesk.core.text import fold
from talentdesk.db.session import SessionFactory, streaming_reader
from talentdesk.exports.files import ExportResult, Progress, atomic_output, check_abort
from talentdesk.exports.xlsx import (
    PERCENT_FORMAT,
    SheetColumn,
    SheetWriter,
    new_workbook,
    save_workbook,
    styled_cell,
)
from talentdesk.services.search import MemberQuery
from talentdesk.services.statistics import MemberCounts, member_counts

#: Bars drawn in a chart: the largest groups (the table below lists them all).
CHART_BARS = 30


def export_stats_xlsx(
    sessions: SessionFactory,
    out_path: Path | str,
    *,
    query: MemberQuery | None = None,
    progress: Progress | None = None,
    abort: threading.Event | None = None,
) -> ExportResult:
    """Sheets "Resumen", "Por capítulo", "Por sector", "Por país", "Por nivel de estudios".
    Rows = members counted."""
    steps = 7
    check_abort(abort)
    with streaming_reader(sessions) as session, atomic_output(out_path, suffix=".xlsx") as temp:
        counts = member_counts(session, query)
        _step(1, steps, progress, abort)
        chapters = {c.id: c.name for c in session.scalars(select(Chapter))}
        sectors = {s.id: s.name for s in session.scalars(select(Sector))}
        selection = describe_query(session, query)
        workbook = new_workbook(temp)
        sheets: list[SheetWriter] = []
        try:
            sheets.append(_summary(workbook, counts, selection))
            _step(2, steps, progress, abort)
            sheets.append(
                _breakdown(
                    workbook,
                    "Por capítulo",
                    ("Capítulo", 30),
                    counts.chapter,
                    counts.total,
                    lambda k: chapters.get(k, f"Capítulo {k}") if k is not None else "Sin capítulo",
                    "Miembros por capítulo",
                )
            )
            _step(3, steps, progress, abort)
            sheets.append(_sectors(workbook, counts, sectors))
            _step(4, steps, progress, abort)
            sheets.append(
                _breakdown(
                    workbook,
                    "Por país",
                    ("País de residencia", 28),
                    counts.country,
                    counts.total,
                    lambda k: (country_name(k) or k) if k else "Sin país",
                    "Miembros por país de residencia",
                )
            )
            _step(5, steps, progress, abort)
            sheets.append(
                _breakdown(
                    workbook,
                    "Por nivel de estudios",
                    ("Nivel de estudios", 22),
                    counts.degree,
                    counts.total,
                    lambda k: DegreeLevel(k).label if k else "Sin dato",
                    "Miembros por nivel de estudios",
                    pie=True,
                )
            )
            _step(6, steps, progress, abort)
        except BaseException:
            for sheet in sheets:
                sheet.discard()
            raise
        for sheet in sheets:
            sheet.close()
        workbook.properties.title = "Estadísticas de miembros"
        save_workbook(workbook, temp)
        _step(7, steps, progress, None)
    return ExportResult(Path(out_path), counts.total)


def _step(done: int, total: int, progress: Progress | None, abort: threading.Event | None) -> None:
    check_abort(abort)
    if progress is not None:
        progress(done, total)


def share_cell(sheet: SheetWriter, part: int, total: int, *, bold: bool = False) -> Any:
    return styled_cell(sheet, part / total if total else 0.0, number_format=PERCENT_FORMAT, bold=bold)


def _summary(workbook: Any, counts: MemberCounts, selection: str) -> SheetWriter:
    sheet = SheetWriter(
        workbook, "Resumen", [SheetColumn("Concepto", 42), SheetColumn("Miembros", 14), SheetColumn("%", 9)]
    )
    sheet.row(["Selección", selection, None])
    sheet.row(["Fecha del informe", date.today(), None])
    sheet.row(["Miembros", counts.total, share_cell(sheet, counts.total, counts.total)])
    sheet.row(
        [
            "Aparecen en directorios (con consentimiento)",
            counts.consent,
            share_cell(sheet, counts.consent, counts.total),
        ]
    )
    first = sheet.rows + 2
    for status in MemberStatus:
        n = counts.status.get(status.value, 0)
        sheet.row([f"Estatus: {status.label}", n, share_cell(sheet, n, counts.total)])
    last = sheet.rows + 1
    chart = PieChart()
    chart.title = "Miembros por estatus"
    chart.add_data(Reference(sheet.sheet, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    _categories(chart, Reference(sheet.sheet, min_col=1, min_row=first, max_row=last))
    chart.dataLabels = _percent_labels()
    sheet.sheet.add_chart(chart, "E2")
    return sheet


def _ordered(counter: Counter[Any], name: Callable[[Any], str]) -> list[tuple[Any, str, int]]:
    """(key, label, count): largest groups first (ties by name, accent-blind), then the
    "not recorded" group."""
    known = [(k, name(k), n) for k, n in counter.items() if k is not None and n]
    known.sort(key=lambda r: (-r[2], fold(r[1]), r[1]))
    missing = counter.get(None, 0)
    return known + ([(None, name(None), missing)] if missing else [])


def _breakdown(
    workbook: Any,
    title: str,
    group: tuple[str, float],
    counter: Counter[Any],
    total: int,
    name: Callable[[Any], str],
    chart_title: str,
    *,
    pie: bool = False,
) -> SheetWriter:
    sheet = SheetWriter(
        workbook, title, [SheetColumn(*group), SheetColumn("Miembros", 12), SheetColumn("%", 9)]
    )
    rows = _ordered(counter, name)
    for _key, label, n in rows:
        sheet.row([label, n, share_cell(sheet, n, total)])
    total_row(sheet, [total, share_cell(sheet, total, total, bold=True)])
    _chart(sheet, rows, chart_title, pie=pie)
    return sheet


def _sectors(workbook: Any, counts: MemberCounts, sectors: dict[int, str]) -> SheetWriter:
    sheet = SheetWriter(
        workbook,
        "Por sector",
        [
            SheetColumn("Sector (principal)", 46),
            SheetColumn("Miembros", 12),
            SheetColumn("%", 9),
            SheetColumn("Con el sector entre los suyos", 16),
            SheetColumn("% de miembros", 11),
        ],
    )

    def name(k: int | None) -> str:
        return sectors.get(k, f"Sector {k}") if k is not None else "Sin sector principal"

    ranked = _ordered(counts.primary_sector, name)
    known = [r for r in ranked if r[0] is not None]
    # Sectors some member has, but nobody as primary: after the others, with 0 as primary.
    known += [
        (k, label, 0) for k, label, _n in _ordered(counts.any_sector, name) if not counts.primary_sector[k]
    ]
    rows = known + [r for r in ranked if r[0] is None]
    for key, label, n in rows:
        anywhere = counts.any_sector.get(key, 0) if key is not None else None
        share = share_cell(sheet, anywhere, counts.total) if anywhere is not None else None
        sheet.row([label, n, share_cell(sheet, n, counts.total), anywhere, share])
    total_row(sheet, [counts.total, share_cell(sheet, counts.total, counts.total, bold=True), None, None])
    _chart(sheet, rows, "Miembros por sector principal")
    return sheet


def total_row(sheet: SheetWriter, values: Sequence[Any]) -> None:
    """Bold, under the table and outside its autofilter, so sorting keeps it last."""
    cells = [styled_cell(sheet, "Total", bold=True)]
    cells += [v if isinstance(v, Cell) else styled_cell(sheet, v, bold=True) for v in values]
    sheet.sheet.append(cells)


def _chart(sheet: SheetWriter, rows: list[tuple[Any, str, int]], title: str, *, pie: bool = False) -> None:
    """A native chart over the count column (the largest groups when there are many)."""
    native_chart(sheet, len(rows), title, "pie" if pie else "bars")


def native_chart(sheet: SheetWriter, rows: int, title: str, kind: str = "bars", *, series: int = 1) -> None:
    """A native Excel chart over the sheet's own cells: labels in column A under a header row,
    the figures in column B (``series`` columns from B for "stacked"). ``kind``: "bars"
    (horizontal, the largest :data:`CHART_BARS`), "pie", "line" or "stacked" (columns).
    The statistics workbook and every report's workbook draw their charts here."""
    if not rows:
        return
    shown = rows if kind in ("line", "stacked") else min(rows, CHART_BARS)
    data = Reference(sheet.sheet, min_col=2, max_col=1 + series, min_row=1, max_row=shown + 1)
    labels = Reference(sheet.sheet, min_col=1, min_row=2, max_row=shown + 1)
    chart: BarChart | PieChart | LineChart
    if kind == "pie":
        chart = PieChart()
        chart.add_data(data, titles_from_data=True)
        chart.dataLabels = _percent_labels()
    elif kind == "line":
        chart = LineChart()
        chart.add_data(data, titles_from_data=True)
        chart.legend = None
        _visible_axes(chart)
        chart.width = 18
    else:
        chart = BarChart()
        chart.add_data(data, titles_from_data=True)
        _visible_axes(chart)
        if kind == "stacked":
            chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
            chart.width = 18
        else:
            chart.type = "bar"  # horizontal: long names stay readable
            chart.legend = None
            chart.x_axis.scaling.orientation = "maxMin"  # largest on top, as in the table
            chart.height = max(7.5, 0.6 * shown + 2)
            chart.width = 18
    _categories(chart, labels)
    chart.title = title if shown == rows else f"{title} ({shown} mayores)"
    sheet.sheet.add_chart(chart, f"{get_column_letter(len(sheet.columns) + 2)}2")


def _visible_axes(chart: BarChart | LineChart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None


def describe_query(session: Session, query: MemberQuery | None) -> str:
    """The selection in Spanish, as the filters read in the members view."""
    if query is None or query.is_everything():
        return "Todos los miembros"
    parts: list[str] = []
    if query.text.strip():
        parts.append(f"Texto «{query.text.strip()}»")

    def names(model: Any, ids: Iterable[int]) -> str:
        wanted = list(ids)
        found = {i: n for i, n in session.execute(select(model.id, model.name).where(model.id.in_(wanted)))}
        return ", ".join(found.get(i, str(i)) for i in wanted)

    groups: list[tuple[str, Sequence[Hashable], Callable[[], str]]] = [
        ("Capítulo", query.chapter_ids, lambda: names(Chapter, query.chapter_ids)),
        ("Sector", query.sector_ids, lambda: names(Sector, query.sector_ids)),
        ("País", query.countries, lambda: ", ".join(country_name(c) or c for c in query.countries)),
        ("Estatus", query.statuses, lambda: ", ".join(MemberStatus(s).label for s in query.statuses)),
        ("Estudios", query.degrees, lambda: ", ".join(DegreeLevel(d).label for d in query.degrees)),
        ("Aportación", query.contribution_ids, lambda: names(ContributionType, query.contribution_ids)),
    ]
    parts += [f"{label}: {text_of()}" for label, values, text_of in groups if values]
    if query.directory_consent is not None:
        parts.append(
            "Con consentimiento para directorios" if query.directory_consent else "Sin consentimiento"
        )
    return "; ".join(parts)


def _percent_labels() -> DataLabelList:
    # Every flag spelled out: LibreOffice shows series and category names when they are absent.
    return DataLabelList(
        showPercent=True, showVal=False, showSerName=False, showCatName=False, showLegendKey=False
    )


def _categories(chart: BarChart | PieChart | LineChart, labels: Reference) -> None:
    """Category labels as text references (openpyxl's ``set_categories`` declares numbers)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))
