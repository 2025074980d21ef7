"""Issue 12 item 6: every area usable on a small screen (1024×700): nothing in an area, an event
tab or a long event title makes the window wider, and the size saved is the size chosen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from talentdesk.ui.context import AppContext
from talentdesk.ui.i18n import install_translations, remove_translations
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.record_area import RecordArea
from talentdesk.ui.resources import apply_app_font
from tests.gui.helpers import go_to_members, open_event, wait_area, wait_members

LONG_TITLE = (
    "Jornada Internacional de Talento Mexicano en Ciencia, Tecnología, Innovación y "
    "Emprendimiento Social 2026"
)
SMALL = (1024, 700)


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Both languages, in the app's own font (Spanish labels are the longer ones)."""
    font = qapp.font()
    apply_app_font(qapp)
    install_translations(qapp, request.param)
    yield request.param
    remove_translations(qapp)
    qapp.setFont(font)


def fits(window: MainWindow) -> None:
    QApplication.processEvents()
    area = window.current_area()
    assert area is not None
    room = window.stack.width()
    assert area.minimumSizeHint().width() <= room, area.objectName()
    assert window.minimumSizeHint().width() <= SMALL[0], area.objectName()
    assert window.width() == SMALL[0], area.objectName()


def test_every_area_and_event_tab_fits_1024_by_700(qtbot: QtBot, ctx: AppContext, language: str) -> None:
    with ctx.db.engine.begin() as conn:
        event_id = conn.execute(text("SELECT min(id) FROM events")).scalar_one()
        conn.execute(
            text("UPDATE events SET name = :name WHERE id = :id"), {"name": LONG_TITLE, "id": event_id}
        )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(*SMALL)
    for row, area in enumerate(window.areas):
        window.nav.setCurrentRow(row)
        if isinstance(area, MembersArea):
            wait_members(qtbot, area)
        elif isinstance(area, RecordArea):
            wait_area(qtbot, area)
        fits(window)
    events = window._area_named("events-area")
    open_event(qtbot, events, event_id)
    workspace = events.workspace
    assert workspace.title.text() == LONG_TITLE
    for tab in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(tab)
        fits(window)
    assert workspace.title.toolTip() == LONG_TITLE  # elided on screen, whole in the tooltip


def columns_in_view(table: QTableView, *, whole_titles: bool = True) -> list[str]:
    """The headers of the columns shown in the table's viewport: whole columns, or (with
    ``whole_titles``) columns whose title is not cut."""
    header = table.horizontalHeader()
    model = table.model()
    width = table.viewport().width()
    shown = []
    for column in range(header.count()):
        left = header.sectionViewportPosition(column)
        if header.isSectionHidden(column) or left < 0:
            continue
        size = header.sectionSize(column)
        if (
            min(size, width - left) >= header.sectionSizeHint(column)
            if whole_titles
            else left + size <= width
        ):
            shown.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return shown


def test_default_column_widths_come_from_the_content(qtbot: QtBot, ctx: AppContext, language: str) -> None:
    """At 1280×800 the members table showed ~5 columns and the events list cut "Participantes"."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)
    members = go_to_members(qtbot, window)
    assert isinstance(members, MembersArea)
    QApplication.processEvents()
    assert len(columns_in_view(members.table, whole_titles=False)) >= 6
    events = window._area_named("events-area")
    window.nav.setCurrentRow(window.areas.index(events))
    wait_area(qtbot, events)
    QApplication.processEvents()
    shown = columns_in_view(events.table)
    assert len(shown) == events.model.columnCount(), shown
