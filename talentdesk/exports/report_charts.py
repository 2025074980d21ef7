"""The reports' charts as vector drawings (reportlab.graphics), one function for any Tablero
``Chart`` — bars, pie, line or stacked bars — so a chart the Tablero gains is drawn without new
code, and under it the chart's numbers as a table (label, count, share).

Every string is drawn in the embedded DejaVu Sans (reportlab's charts default to Helvetica,
which is never embedded).
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from talentdesk.exports.pdf import FONT, FONT_BOLD, GREEN, GREY, fit_text, register_fonts, styles
from talentdesk.services.dashboard import Chart, ChartKind

#: Series colours: the flag's green first, then distinct, print-friendly tones.
PALETTE = tuple(
    colors.HexColor(c)
    for c in (
        "#006847",
        "#ce1126",
        "#1a73e8",
        "#f9ab00",
        "#8e24aa",
        "#00897b",
        "#6d4c41",
        "#5f6368",
        "#c0ca33",
        "#3949ab",
    )
)
BAR_PITCH = 15.0  # points per horizontal bar
LABEL_SIZE = 7.5
#: Pie slices drawn one by one; the rest are one grey slice (the table lists them all).
PIE_SLICES = 9


def chart_drawing(chart: Chart, width: float) -> Drawing | None:
    """The chart drawn ``width`` points wide; None when it has nothing to draw."""
    register_fonts()
    if not chart.bars or chart.total == 0:
        return None
    draw = {ChartKind.PIE: _pie, ChartKind.LINE: _line, ChartKind.STACKED: _stacked}.get(chart.kind, _bars)
    drawing = draw(chart, width)
    drawing.initialFontName = FONT  # the renderer's starting font: else it names Helvetica
    return drawing


def _bars(chart: Chart, width: float) -> Drawing:
    bars = chart.bars
    label_width = min(width * 0.42, max(_text_width(b.label) for b in bars) + 6)
    height = len(bars) * BAR_PITCH + 26
    drawing = Drawing(width, height)
    plot = HorizontalBarChart()
    plot.x, plot.y = label_width, 18
    plot.width, plot.height = width - label_width - 34, height - 24
    # reportlab draws the first category at the bottom: reverse, so the largest is on top.
    plot.data = [[b.count for b in reversed(bars)]]
    plot.categoryAxis.categoryNames = [
        fit_text(b.label, FONT, LABEL_SIZE, label_width - 6) for b in reversed(bars)
    ]
    plot.bars[0].fillColor = GREEN
    plot.bars.strokeColor = None
    plot.barLabelFormat = "{:,}".format
    plot.barLabels.fontName, plot.barLabels.fontSize = FONT, 6.5
    plot.barLabels.boxAnchor, plot.barLabels.dx = "w", 2
    _axes(plot, plot.categoryAxis, plot.valueAxis)
    plot.categoryAxis.labels.boxAnchor = "e"
    plot.categoryAxis.visibleTicks = False
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    drawing.add(plot)
    return drawing


def _stacked(chart: Chart, width: float) -> Drawing:
    labels = list(dict.fromkeys(b.label for b in chart.bars))
    series = list(dict.fromkeys(b.series for b in chart.bars))
    count = {(b.label, b.series): b.count for b in chart.bars}
    height = 190
    drawing = Drawing(width, height)
    plot = VerticalBarChart()
    plot.x, plot.y = 40, 40
    plot.width, plot.height = min(width - 170, 70 * len(labels) + 30), height - 55  # no bar too wide
    plot.data = [[count.get((label, s), 0) for label in labels] for s in series]
    plot.categoryAxis.style = "stacked"
    plot.categoryAxis.categoryNames = [fit_text(label, FONT, LABEL_SIZE, 70) for label in labels]
    plot.bars.strokeColor = None
    for i in range(len(series)):
        plot.bars[i].fillColor = PALETTE[i % len(PALETTE)]
    _axes(plot, plot.categoryAxis, plot.valueAxis)
    if len(labels) > 6:
        plot.categoryAxis.labels.angle = 30
        plot.categoryAxis.labels.boxAnchor = "ne"
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    drawing.add(plot)
    drawing.add(
        _legend(
            plot.x + plot.width + 20,
            height - 20,
            [(PALETTE[i % len(PALETTE)], s) for i, s in enumerate(series)],
        )
    )
    return drawing


def _line(chart: Chart, width: float) -> Drawing:
    height = 170
    drawing = Drawing(width, height)
    plot = HorizontalLineChart()
    plot.x, plot.y = 40, 30
    plot.width, plot.height = width - 60, height - 45
    plot.data = [[b.count for b in chart.bars]]
    names = [b.label for b in chart.bars]
    step = -(-len(names) // 12)  # at most a dozen labels under the axis
    plot.categoryAxis.categoryNames = [n if i % step == 0 else "" for i, n in enumerate(names)]
    plot.lines[0].strokeColor = GREEN
    plot.lines[0].strokeWidth = 1.6
    _axes(plot, plot.categoryAxis, plot.valueAxis)
    plot.valueAxis.valueMin = 0
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e0e0e0")
    plot.joinedLines = 1
    drawing.add(plot)
    return drawing


def _pie(chart: Chart, width: float) -> Drawing:
    bars = sorted(chart.bars, key=lambda b: -b.count)
    shown = list(bars[:PIE_SLICES])
    rest = sum(b.count for b in bars[PIE_SLICES:])
    items = [(b.label, b.count) for b in shown if b.count] + ([("Otros", rest)] if rest else [])
    height = max(150, 14 * len(items) + 20)
    drawing = Drawing(width, height)
    pie = Pie()
    size = min(height - 20, 140)
    pie.x, pie.y = 10, (height - size) / 2
    pie.width = pie.height = size
    pie.data = [n for _label, n in items]
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    for i in range(len(items)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)] if i < PIE_SLICES else colors.HexColor("#bdbdbd")
    drawing.add(pie)
    total = chart.total
    legend = [
        (
            PALETTE[i % len(PALETTE)] if i < PIE_SLICES else colors.HexColor("#bdbdbd"),
            fit_text(f"{label}: {n:,} ({n / total:.1%})", FONT, LABEL_SIZE, width - size - 50),
        )
        for i, (label, n) in enumerate(items)
    ]
    drawing.add(_legend(size + 30, height - 10, legend))
    return drawing


def _legend(x: float, y: float, items: list[tuple[Any, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = FONT, LABEL_SIZE
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 30
    legend.dx = legend.dy = 7
    legend.deltay = 12
    legend.strokeColor = None
    legend.colorNamePairs = items
    return legend


def _axes(plot: Any, category: Any, value: Any) -> None:
    for axis in (category, value):
        axis.labels.fontName = FONT
        axis.labels.fontSize = LABEL_SIZE
        axis.strokeColor = GREY
    value.labelTextFormat = "{:,.0f}".format
    value.forceZero = 1
    stacked = getattr(category, "style", "") == "stacked"
    top = max(
        (sum(col) for col in zip(*plot.data, strict=True)) if stacked else (max(row) for row in plot.data)
    )
    value.valueStep = whole_step(top)


def whole_step(top: float) -> int:
    """A step of 1, 2 or 5 × 10ⁿ giving about five gridlines: counts never get 0.5 ticks."""
    step = 1
    while top / step > 6:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if top / step <= 6:
                break
    return step


def _text_width(label: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(label, FONT, LABEL_SIZE))


#: The first column's header of a chart's numbers, by chart key (others: "Grupo").
GROUP_HEADERS = {
    "chapter": "Capítulo",
    "sector": "Sector",
    "country": "País",
    "degree": "Nivel de estudios",
    "contribution": "Aportación",
    "growth": "Año",
    "programs": "Estatus",
    "jornadas": "Jornada",
}


#: A stacked chart's numbers: (bar, part of the bar, what is counted), by chart key.
STACKED_HEADERS = {
    "jornadas": ("Jornada", "Estatus", "Participantes"),
    "programs": ("Tipo", "Estado", "Programas"),
    "outcomes": ("Año", "Resultado", "Cantidad"),
}


def stacked_headers(chart: Chart) -> tuple[str, str, str]:
    return STACKED_HEADERS.get(chart.key, ("Grupo", "Parte", "Cantidad"))


def group_header(chart: Chart) -> str:
    if chart.bars and all(b.label.isdecimal() and len(b.label) == 4 for b in chart.bars):
        return "Año"
    return GROUP_HEADERS.get(chart.key, "Grupo")


def numbers_table(chart: Chart, width: float) -> Flowable:
    """The chart's numbers: one row per bar, a total row; stacked charts name each part."""
    s = styles()
    stacked = chart.kind is ChartKind.STACKED
    header = [*stacked_headers(chart), "%"] if stacked else [group_header(chart), "Cantidad", "%"]
    total = chart.total
    rows: list[list[Any]] = [[Paragraph(h, s["cell_bold"]) for h in header]]
    for bar in chart.bars:
        share = f"{bar.count / total:.1%}" if total else "—"
        label = Paragraph(_escape(bar.label), s["cell"])
        rows.append(
            [label, bar.series, f"{bar.count:,}", share] if stacked else [label, f"{bar.count:,}", share]
        )
    total_row = ["Total", "", f"{total:,}", "100.0%" if total else "—"]
    rows.append(total_row if stacked else [total_row[0], *total_row[2:]])
    numbers = [0.13, 0.11] if not stacked else [0.16, 0.11]
    label_share = 1 - sum(numbers) - (0.2 if stacked else 0)
    widths = [width * label_share] + ([width * 0.2] if stacked else []) + [width * n for n in numbers]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5),
                ("ALIGN", (-2, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREEN),
                ("LINEABOVE", (0, -1), (-1, -1), 0.4, GREY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f5f7f6")]),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _escape(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(value)
