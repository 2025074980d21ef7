"""The Tablero drives real widgets: charts drawn from the figures, each with its table, a filter
that narrows every chart, and a click on a bar that opens the members list of exactly those
members (the count on the bar is the count of the list)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QPieSeries
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from talentdesk.services.dashboard import load_dashboard
from talentdesk.ui.context import AppContext
from talentdesk.ui.dashboard import DashboardArea
from talentdesk.ui.main_window import MainWindow
from tests.gui.helpers import TIMEOUT, click, read, wait_members


def shown_board(qtbot: QtBot, window: MainWindow) -> DashboardArea:
    area = next(a for a in window.areas if isinstance(a, DashboardArea))
    window.nav.setCurrentRow(window.areas.index(area))
    qtbot.waitUntil(lambda: area.board is not None and not area.is_loading(), timeout=TIMEOUT)
    return area


def test_every_chart_draws_the_figures_and_its_table_lists_them(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, qtmodeltester: Any
) -> None:
    area = shown_board(qtbot, window)
    expected = read(ctx, load_dashboard)
    assert area.board == expected
    for chart in expected.charts:
        panel = area.panels[chart.key]
        qtmodeltester.check(panel.model)
        assert panel.model.rowCount() == len(chart.bars)
        drawn = panel.view.chart().series()
        assert len(drawn) == 1
        series = drawn[0]
        if isinstance(series, QPieSeries):
            assert [int(s.value()) for s in series.slices()] == [b.count for b in chart.bars]
        elif isinstance(series, QAbstractBarSeries):
            assert sum(sum(s.at(i) for i in range(s.count())) for s in series.barSets()) == chart.total
        else:  # the growth line: one point a year
            assert [int(p.y()) for p in series.points()] == [b.count for b in chart.bars]
    panel = area.panels["chapter"]
    click(qtbot, area, "chart-toggle-chapter")
    assert panel.pages.currentWidget() is panel.table and panel.table.isVisible()
    click(qtbot, area, "chart-copy-chapter")
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 1 + len(expected.chart("chapter").bars)
    first = expected.chart("chapter").bars[0]
    assert lines[1].split("\t")[:2] == [first.label, f"{first.count:,}"]


def test_clicking_a_bar_opens_exactly_those_members(qtbot: QtBot, window: MainWindow) -> None:
    area = shown_board(qtbot, window)
    chart = area.board.chart("sector") if area.board else None
    assert chart is not None
    index = 2
    bar = chart.bars[index]
    series = area.panels["sector"].view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    bars_drawn = series.barSets()[0]
    bars_drawn.clicked.emit(len(chart.bars) - 1 - index)  # drawn bottom-up: the third from the top
    members = window.current_area()
    assert members is not None and members.objectName() == "members-area"
    wait_members(qtbot, members)
    assert members.last_total == bar.count
    assert members.current_query() == bar.query


def test_a_filter_narrows_every_chart(qtbot: QtBot, window: MainWindow) -> None:
    area = shown_board(qtbot, window)
    before = area.board
    assert before is not None
    qtbot.waitUntil(lambda: area.f_chapter.count() > 1, timeout=TIMEOUT)
    area.f_chapter.setCurrentIndex(1)
    chapter = area.f_chapter.currentData()
    qtbot.waitUntil(
        lambda: area.board is not None and area.board != before and not area.is_loading(), timeout=TIMEOUT
    )
    narrowed = area.board
    assert narrowed is not None
    only = [b for b in narrowed.chart("chapter").bars if b.query is not None]
    assert [b.query.chapter_ids for b in only if b.query] == [(chapter,)]
    assert narrowed.members == only[0].count == narrowed.chart("degree").total < before.members
    click(qtbot, area, "dashboard-clear")
    qtbot.waitUntil(lambda: area.board == before and not area.is_loading(), timeout=TIMEOUT)


def test_only_the_last_filter_s_figures_are_shown(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    area = shown_board(qtbot, window)
    qtbot.waitUntil(lambda: area.f_chapter.count() > 2, timeout=TIMEOUT)
    area.f_chapter.setCurrentIndex(1)
    area.f_chapter.setCurrentIndex(2)  # before the first one's figures arrive
    flt = area.current_filter()
    qtbot.waitUntil(lambda: not area.is_loading(), timeout=TIMEOUT)
    assert area.board == read(ctx, lambda s: load_dashboard(s, flt))


def test_clicking_a_region_opens_the_members_of_all_its_countries(qtbot: QtBot, window: MainWindow) -> None:
    area = shown_board(qtbot, window)
    chart = area.board.chart("region") if area.board else None
    assert chart is not None
    index, bar = next((i, b) for i, b in enumerate(chart.bars) if b.query and len(b.query.countries) > 1)
    series = area.panels["region"].view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    series.barSets()[0].clicked.emit(len(chart.bars) - 1 - index)
    members = window.current_area()
    assert members is not None and members.objectName() == "members-area"
    wait_members(qtbot, members)
    assert members.last_total == bar.count
    assert members.current_query() == bar.query
    assert members.f_country.currentText() == bar.label  # the region's name, not one country


def test_clicking_a_programmes_bar_opens_exactly_those_programmes(qtbot: QtBot, window: MainWindow) -> None:
    from talentdesk.ui.vinculacion.area import VinculacionArea

    area = shown_board(qtbot, window)
    chart = area.board.chart("programs") if area.board else None
    assert chart is not None
    bar = max(chart.bars, key=lambda b: b.count)
    assert bar.count > 0 and bar.programs is not None
    drawn = area.panels["programs"].view.chart()
    series = drawn.series()[0]
    assert isinstance(series, QAbstractBarSeries)
    layer = next(s for s in series.barSets() if s.label() == bar.series)
    categories = next(a for a in drawn.axes() if isinstance(a, QBarCategoryAxis)).categories()
    assert sorted(categories) == sorted({b.label for b in chart.bars})
    layer.clicked.emit(categories.index(bar.label))  # as drawn (long kind names: one a line, top down)
    vinculacion = window.current_area()
    assert isinstance(vinculacion, VinculacionArea)
    programs = vinculacion.programs
    assert vinculacion.tabs.currentWidget() is programs
    qtbot.waitUntil(lambda: programs.loaded and not programs.loading, timeout=TIMEOUT)
    assert programs.model.rowCount() == bar.count
    assert programs.criteria() == bar.programs
    assert programs.kind.currentData() == bar.programs.kind_id
    assert bar.programs.status is not None and programs.status.currentData() == bar.programs.status.value
    programs.kind.setCurrentIndex(0)  # a filter changed here: the list follows the combos again
    qtbot.waitUntil(lambda: not programs.loading, timeout=TIMEOUT)
    assert programs.criteria().kind_id is None and programs.model.rowCount() >= bar.count


def test_a_year_range_cuts_the_charts_drawn_by_year_and_goes_to_the_export(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    from talentdesk.services.reports import YearRange, within_years

    area = shown_board(qtbot, window)
    before = area.board
    assert before is not None
    years = [int(b.label) for b in before.chart("growth").bars]
    assert len(years) > 4
    first, last = years[1], years[3]
    area.f_to.setValue(first)  # typed in either order: the range is the same
    area.f_from.setValue(last)
    assert area.current_years() == YearRange(first, last)
    qtbot.waitUntil(
        lambda: area.board is not None and area.board != before and not area.is_loading(), timeout=TIMEOUT
    )
    board = area.board
    assert board is not None
    assert [int(b.label) for b in board.chart("growth").bars] == [first, first + 1, first + 2]
    assert all(first <= int(b.label) <= last for b in board.chart("outcomes").bars)
    assert board.members == before.members  # the member counts are every year's
    expected = read(ctx, lambda s: within_years(s, load_dashboard(s), YearRange(first, last)))
    assert board == expected
    opened: list[Any] = []
    import talentdesk.ui.dashboard as dashboard_module

    original = dashboard_module.open_export
    dashboard_module.open_export = lambda _ctx, _key, source, _parent: opened.append(source)  # type: ignore[assignment]
    try:
        area.export("dashboard")
    finally:
        dashboard_module.open_export = original
    assert opened and opened[0].years == YearRange(first, last)
    click(qtbot, area, "dashboard-clear")
    assert area.current_years().is_all()
    qtbot.waitUntil(lambda: area.board == before and not area.is_loading(), timeout=TIMEOUT)
