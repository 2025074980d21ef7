"""The Tablero: the network at a glance, drawn with Qt's own charts (QtCharts).

A filter bar (chapter, sector, country) narrows every chart at once; the figures are counted in
the background (``services.dashboard``) and each chart can be shown as its table, copyable.
Clicking a bar or a slice that stands for a list of members opens the members area filtered to
exactly those members: the same query, so the same count.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.countries import countries
from talentdesk.services import reference
from talentdesk.services.dashboard import (
    Chart,
    ChartKind,
    Dashboard,
    DashboardFilter,
    growth_chart,
    load_dashboard,
)
from talentdesk.services.reports import FIRST_YEAR, LAST_YEAR, YearRange, within_years
from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.exports.actions import fill_menu, open_export
from talentdesk.ui.exports.kinds import REPORT_KINDS, ReportSource
from talentdesk.ui.tasks import Task
from talentdesk.ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex
#: A chart's least height, and the room each bar of a bar chart gets (its label must fit).
CHART_HEIGHT = 300
BAR_HEIGHT = 26


class ChartTableModel(QAbstractTableModel):
    """A chart's numbers: one row per bar (label, part of a stacked bar, count, share)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None

    def set_chart(self, chart: Chart) -> None:
        self.beginResetModel()
        self.chart = chart
        self.endResetModel()

    def _stacked(self) -> bool:
        return self.chart is not None and self.chart.kind is ChartKind.STACKED

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.chart is None else len(self.chart.bars)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (4 if self._stacked() else 3)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("Group"), self.tr("Members"), self.tr("Share")]
        if self.chart is not None and self.chart.key == "programs":
            names = [self.tr("Kind"), self.tr("Status"), self.tr("Programs"), self.tr("Share")]
        elif self.chart is not None and self.chart.key == "outcomes":
            names = [self.tr("Year"), self.tr("Outcome"), self.tr("Quantity"), self.tr("Share")]
        elif self._stacked():
            names = [self.tr("Jornada"), self.tr("Status"), self.tr("Participants"), self.tr("Share")]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.chart is None or not 0 <= index.row() < len(self.chart.bars):
            return None
        bar = self.chart.bars[index.row()]
        values: list[Any] = [bar.label, bar.count]
        if self._stacked():
            values.insert(1, bar.series)
        total = self.chart.total
        values.append(f"{bar.count / total:.1%}" if total else "—")
        column = index.column()
        if not 0 <= column < len(values):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[column]
            return f"{value:,}" if isinstance(value, int) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= len(values) - 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def as_text(self) -> str:
        """The table as tab-separated lines, for the clipboard (a spreadsheet pastes it)."""
        rows = [[str(self.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.columnCount())]]
        for r in range(self.rowCount()):
            rows.append([str(self.data(self.index(r, c))) for c in range(self.columnCount())])
        return "\n".join("\t".join(row) for row in rows)


class ChartPanel(QWidget):
    """One chart with its title, and its table a click away."""

    drill = Signal(object, str)  # the MemberQuery and the label of the bar or slice clicked
    drill_programs = Signal(object)  # the ProgramFilter of the bar clicked

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart-{key}")
        self.chart_data: Chart | None = None
        self.title = QLabel()
        self.title.setObjectName(f"chart-title-{key}")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName(f"chart-note-{key}")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # drawn in the palette's quieter colour
        self.note.hide()
        self.toggle = QPushButton(self.tr("Table"))
        self.toggle.setObjectName(f"chart-toggle-{key}")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_table)
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.setObjectName(f"chart-copy-{key}")
        self.copy.setToolTip(self.tr("Copy the numbers (a spreadsheet pastes them as a table)"))
        self.copy.clicked.connect(self.copy_numbers)
        self.view = QChartView()
        self.view.setObjectName(f"chart-view-{key}")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(CHART_HEIGHT)
        self.model = ChartTableModel(self)
        self.table = make_table(self.model, f"chart-table-{key}", sortable=False)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_numbers)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.table)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.toggle)
        head.addWidget(self.copy)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addWidget(self.note)
        box.addWidget(self.pages)

    def _show_table(self, on: bool) -> None:
        self.pages.setCurrentIndex(1 if on else 0)
        self.toggle.setText(self.tr("Chart") if on else self.tr("Table"))

    def copy_numbers(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_text())

    def show_chart(self, chart: Chart) -> None:
        self.chart_data = chart
        self.title.setText(
            f"{chart.title} ({chart.total:,})" if chart.kind is not ChartKind.STACKED else chart.title
        )
        self.note.setText(chart.note)
        self.note.setVisible(bool(chart.note))
        self.model.set_chart(chart)
        old = self.view.chart()
        if chart.kind is ChartKind.BARS:
            self.view.setMinimumHeight(max(CHART_HEIGHT, BAR_HEIGHT * len(chart.bars) + 70))
        self.view.setChart(_draw(chart, self.clicked))
        if old is not None:
            old.deleteLater()

    def clicked(self, index: int) -> None:
        """The bar or slice at ``index`` of the chart's bars was clicked."""
        if self.chart_data is not None and 0 <= index < len(self.chart_data.bars):
            bar = self.chart_data.bars[index]
            if bar.query is not None:
                self.drill.emit(bar.query, bar.label)
            elif bar.programs is not None:
                self.drill_programs.emit(bar.programs)


def _draw(chart: Chart, on_click: Any) -> QChart:
    """A QChart for ``chart``; a click calls ``on_click`` with the index of the bar in ``chart.bars``."""
    qchart = QChart()
    qchart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    qchart.legend().setVisible(chart.kind in (ChartKind.PIE, ChartKind.STACKED))
    qchart.setMargins(qchart.margins() * 0)
    if chart.kind is ChartKind.PIE:
        qchart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        pie = QPieSeries()
        for i, bar in enumerate(chart.bars):
            part = pie.append(f"{bar.label} ({bar.count:,})", bar.count)
            part.clicked.connect(lambda i=i: on_click(i))
        qchart.addSeries(pie)
        return qchart
    if chart.kind is ChartKind.LINE:
        line = QLineSeries()
        for bar in chart.bars:
            line.append(int(bar.label), bar.count)
        qchart.addSeries(line)
        years = QValueAxis()
        years.setLabelFormat("%d")
        if chart.bars:
            years.setRange(int(chart.bars[0].label), int(chart.bars[-1].label))
        years.setTickCount(min(len(chart.bars), 8) or 2)
        qchart.addAxis(years, Qt.AlignmentFlag.AlignBottom)
        line.attachAxis(years)
        joined = _count_axis(max((b.count for b in chart.bars), default=0))  # from 0: growth at its scale
        qchart.addAxis(joined, Qt.AlignmentFlag.AlignLeft)
        line.attachAxis(joined)
        return qchart
    if chart.kind is ChartKind.STACKED:
        return _draw_stacked(chart, on_click, qchart)
    bars = list(reversed(chart.bars))  # a horizontal bar chart draws its first category at the bottom
    series = QHorizontalBarSeries()
    counts = QBarSet("")
    counts.append([float(b.count) for b in bars])
    counts.clicked.connect(lambda i: on_click(len(bars) - 1 - i))
    series.append(counts)
    series.setLabelsVisible(True)
    # Beside the bar, not in it: a short bar has no room for its number.
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    counts.setLabelColor(QGuiApplication.palette().color(QPalette.ColorRole.WindowText))
    qchart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([b.label for b in bars])
    qchart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    qchart.addAxis(
        _count_axis(max((b.count for b in bars), default=0), room=1.15), Qt.AlignmentFlag.AlignBottom
    )
    series.attachAxis(qchart.axes(Qt.Orientation.Horizontal)[0])
    return qchart


#: Labels longer than this draw a stacked chart sideways: each category on its own line.
SIDEWAYS_LABEL = 14


def _draw_stacked(chart: Chart, on_click: Any, qchart: QChart) -> QChart:
    """Parts of each category stacked (Jornada statuses, programme statuses, outcome kinds); the
    categories drawn across, or down when their names are long (programme kinds)."""
    categories = list(dict.fromkeys(b.label for b in chart.bars))
    sideways = any(len(c) > SIDEWAYS_LABEL for c in categories)
    stacked: QAbstractBarSeries = QHorizontalStackedBarSeries() if sideways else QStackedBarSeries()
    order = list(reversed(categories)) if sideways else categories  # sideways: the first on top
    for status in dict.fromkeys(b.series for b in chart.bars):
        layer = QBarSet(status)
        parts = {b.label: i for i, b in enumerate(chart.bars) if b.series == status}
        at_of = [parts.get(c) for c in order]
        layer.append([float(chart.bars[i].count) if i is not None else 0.0 for i in at_of])
        layer.clicked.connect(
            lambda at, at_of=at_of: (
                on_click(at_of[at]) if 0 <= at < len(at_of) and at_of[at] is not None else None
            )
        )
        stacked.append(layer)
    qchart.addSeries(stacked)
    names = QBarCategoryAxis()
    names.append(order)
    qchart.addAxis(names, Qt.AlignmentFlag.AlignLeft if sideways else Qt.AlignmentFlag.AlignBottom)
    stacked.attachAxis(names)
    totals: Counter[str] = Counter()
    for bar in chart.bars:
        totals[bar.label] += bar.count
    counts = _count_axis(max(totals.values(), default=0))
    qchart.addAxis(counts, Qt.AlignmentFlag.AlignBottom if sideways else Qt.AlignmentFlag.AlignLeft)
    stacked.attachAxis(counts)
    return qchart


def _count_axis(largest: int, room: float = 1.0) -> QValueAxis:
    """An axis of whole numbers from 0, with round ticks, a little past ``largest`` when a
    number is drawn beside the longest bar."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(largest * room, 4))
    axis.applyNiceNumbers()
    return axis


CHART_KEYS = (
    "chapter",
    "sector",
    "country",
    "region",
    "degree",
    "contribution",
    "growth",
    "outcomes",
    "programs",
    "jornadas",
)
#: Charts as wide as the area (years or editions side by side); the others go two a row.
WIDE_CHARTS = frozenset({"growth", "outcomes", "programs", "jornadas"})


class DashboardArea(Area):
    """The Tablero area: the filter bar over a scrolling grid of chart panels."""

    #: A bar was clicked: the members list should show exactly these members.
    open_members = Signal(object, str)
    #: A programmes bar was clicked: the programmes list should show exactly these programmes.
    open_programs = Signal(object)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("dashboard-area")
        self.board: Dashboard | None = None
        self.generation = 0  # of the filter: figures counted for an older one are dropped
        self.loaded_reference = False
        self.stale = True
        self.loading: Task | None = None
        self.f_chapter = self._combo("dashboard-chapter")
        self.f_sector = self._combo("dashboard-sector")
        self.f_country = self._combo("dashboard-country")
        for code, name in countries():
            self.f_country.addItem(name, code)
        self.f_from = self._year("dashboard-from-year")
        self.f_to = self._year("dashboard-to-year")
        clear = QPushButton(self.tr("C&lear filters"))
        clear.setObjectName("dashboard-clear")
        clear.clicked.connect(self.clear_filters)
        self.status = QLabel()
        self.status.setObjectName("dashboard-status")
        bar = QHBoxLayout()
        for label, combo in (
            (self.tr("C&hapter"), self.f_chapter),
            (self.tr("&Sector"), self.f_sector),
            (self.tr("Co&untry"), self.f_country),
        ):
            text = QLabel(label)
            text.setBuddy(combo)
            bar.addWidget(text)
            bar.addWidget(combo, 1)
        bar.addWidget(clear)
        self.export_button = QPushButton(self.tr("E&xport"))
        self.export_button.setObjectName("dashboard-export")
        self.export_button.setMenu(QMenu(self.export_button))
        fill_menu(self.export_button.menu(), [k.key for k in REPORT_KINDS], self.export, "dashboard-export")
        bar.addWidget(self.export_button)
        self.panels = {key: ChartPanel(key) for key in CHART_KEYS}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(18)
        cell = 0  # two a row, the wide ones across both
        for key in CHART_KEYS:
            panel = self.panels[key]
            panel.drill.connect(self.open_members.emit)
            panel.drill_programs.connect(self.open_programs.emit)
            wide = key in WIDE_CHARTS
            cell += cell % 2 if wide else 0
            grid.addWidget(panel, cell // 2, cell % 2, 1, 2 if wide else 1)
            cell += 2 if wide else 1
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        second = QHBoxLayout()  # the year range under the filters: 1024 pixels hold both rows
        second.addWidget(self.status, 1)
        for label, year in ((self.tr("Years &from"), self.f_from), (self.tr("&to"), self.f_to)):
            text = QLabel(label)
            text.setBuddy(year)
            second.addWidget(text)
            second.addWidget(year)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addLayout(second)
        box.addWidget(scroll, 1)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("All"), None)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i: self.reload())
        return combo

    def _year(self, name: str) -> QSpinBox:
        """A year of the range, or "All" (its lowest value): the charts drawn per year (joined,
        outcomes, Jornadas) keep the years between the two; the member counts are all years."""
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(FIRST_YEAR - 1, LAST_YEAR)
        box.setSpecialValueText(self.tr("All"))
        box.setValue(box.minimum())
        box.setToolTip(self.tr("Years shown in the charts by year (members joined, outcomes, Jornadas)"))
        box.setKeyboardTracking(False)  # typing 2015 must not count 2, 20 and 201 first
        box.valueChanged.connect(lambda _v: self.reload())
        return box

    def current_years(self) -> YearRange:
        """The year range set (either end open), its ends in order whichever was typed first."""
        ends = [None if b.value() == b.minimum() else b.value() for b in (self.f_from, self.f_to)]
        first, last = ends
        if first is not None and last is not None and first > last:
            first, last = last, first
        return YearRange(first, last)

    def title(self) -> str:
        return self.tr("Dashboard")

    def activated(self) -> None:
        if not self.loaded_reference:
            self.loaded_reference = True
            self._load_reference()
        if self.stale:
            self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.members or changes.events or changes.chapters or changes.sectors or changes.programs:
            self.stale = True
            if self.isVisible():
                self.reload()

    def current_filter(self) -> DashboardFilter:
        return DashboardFilter(
            chapter_id=self.f_chapter.currentData(),
            sector_id=self.f_sector.currentData(),
            country=self.f_country.currentData(),
        )

    def export(self, key: str) -> None:
        """The export dialog of the Tablero (its filters as set) or of a report (the sector or
        chapter chosen in them comes first)."""
        combos = (
            (self.tr("Chapter"), self.f_chapter),
            (self.tr("Sector"), self.f_sector),
            (self.tr("Country"), self.f_country),
        )
        shown = "; ".join(f"{label}: {c.currentText()}" for label, c in combos if c.currentIndex() > 0)
        years = self.current_years()
        if not years.is_all():
            shown = "; ".join(p for p in (shown, self.tr("Years: %1").replace("%1", years.describe())) if p)

        def items(combo: QComboBox) -> tuple[tuple[int, str], ...]:
            return tuple((combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count()))

        source = ReportSource(
            self.current_filter(),
            years=years,
            described=shown,
            chapters=items(self.f_chapter),
            sectors=items(self.f_sector),
        )
        open_export(self.ctx, key, source, self)

    def clear_filters(self) -> None:
        for combo in (self.f_chapter, self.f_sector, self.f_country):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for year in (self.f_from, self.f_to):
            year.blockSignals(True)
            year.setValue(year.minimum())
            year.blockSignals(False)
        self.reload()

    def _load_reference(self) -> None:
        def query(session: Session, _task: Task) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
            return (
                [(c.id, c.name) for c in reference.chapters(session)],
                [(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)],
            )

        self.ctx.read(query, self._fill_reference, owner=self)

    def _fill_reference(self, data: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> None:
        for combo, items in zip((self.f_chapter, self.f_sector), data, strict=True):
            combo.blockSignals(True)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.blockSignals(False)

    def reload(self) -> None:
        """Count again in the background; the charts shown stay until the new ones arrive."""
        if self.loading is not None:
            self.loading.abort.set()
        self.stale = False
        self.generation += 1
        generation = self.generation
        flt, years = self.current_filter(), self.current_years()
        self.status.setText(self.tr("Counting…"))

        def query(session: Session, _task: Task) -> Dashboard:
            return within_years(session, load_dashboard(session, flt, growth=False), years)

        self.loading = self.ctx.read(
            query, lambda board: self._show(board, flt, years, generation), owner=self
        )

    def is_loading(self) -> bool:
        return self.loading is not None

    def _show(self, board: Dashboard, flt: DashboardFilter, years: YearRange, generation: int) -> None:
        """The charts counted; for all members every chart but the growth line (a read of the
        year-joined index: counted next). A filtered board has it already."""
        if generation != self.generation:
            return  # the filter changed meanwhile: its own figures are on their way
        for chart in board.charts:
            self.panels[chart.key].show_chart(chart)
        self.status.setText(self.tr("%Ln member(s). Click a bar to see those members.", "", board.members))
        if any(chart.key == "growth" for chart in board.charts):
            self.loading = None
            self.board = board
            return

        def joined(session: Session, _task: Task) -> Chart:
            return within_years(session, Dashboard(0, (growth_chart(session, flt),)), years).charts[0]

        self.loading = self.ctx.read(
            joined, lambda chart: self._show_growth(board, chart, generation), owner=self
        )

    def _show_growth(self, board: Dashboard, growth: Chart, generation: int) -> None:
        if generation != self.generation:
            return
        self.loading = None
        self.panels[growth.key].show_chart(growth)
        charts = list(board.charts)  # where load_dashboard puts it: after the contributions
        charts.insert(next(i for i, c in enumerate(charts) if c.key == "contribution") + 1, growth)
        self.board = Dashboard(board.members, tuple(charts))
