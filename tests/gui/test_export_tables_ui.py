"""Ctrl+E in Capítulos, Sectores y PNCS, Organizaciones and the Jornadas list: the table exactly
as shown (filter, sort, visible columns in their on-screen order, translated headers) goes
through the export dialog into a spreadsheet, read back with calamine and compared with what
the table displays; numbers stay numbers and dates dates. The window's tables by default and
``talentdesk export chapters|sectors|organizations|events`` write the same rows."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTableView
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from talentdesk.core.enums import OrganizationKind
from talentdesk.exports import reference_xlsx
from talentdesk.ui.chapters import ChaptersArea
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.area import EventsArea
from talentdesk.ui.exports.dialog import ExportDialog
from talentdesk.ui.exports.kinds import TABLE_VIEW, TableSource
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.organizations import OrganizationsArea
from talentdesk.ui.record_area import RecordArea
from talentdesk.ui.sectors import SectorsArea
from talentdesk.ui.widgets.records import shown_table
from talentdesk.ui.widgets.tables import column_menu
from tests.gui.helpers import TIMEOUT, export_dialog, export_to

pytestmark = pytest.mark.gui

CHAPTERS, SECTORS, ORGANIZATIONS, EVENTS = 2, 3, 4, 5  # rows of the navigation (the Tablero first)


# -- helpers ------------------------------------------------------------------------------------


def go_to_area(qtbot: QtBot, window: MainWindow, row: int) -> Any:
    """Go to an area from the navigation and wait for its table."""
    window.nav.setCurrentRow(row)
    area = window.areas[row]
    assert isinstance(area, RecordArea)
    qtbot.waitUntil(lambda: area.loaded and not area.loading and area.model.rowCount() > 0, timeout=TIMEOUT)
    return area


def ctrl_e(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """Press Ctrl+E in the window; the one export dialog it opens."""
    assert window.act_export_current.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    return export_dialog(window)


def sheet(path: Path, name: str) -> list[list[Any]]:
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [name]
    rows: list[list[Any]] = book.get_sheet_by_name(name).to_python()
    return rows


def on_screen(table: QTableView) -> tuple[list[str], list[list[str]]]:
    """What the person sees: the headers and cell texts of the visible columns, left to right,
    top to bottom."""
    header, model = table.horizontalHeader(), table.model()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    cells = [[str(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())]
    return titles, cells


def as_text(value: Any) -> str:
    """A spreadsheet cell as the table writes it (dates dd/mm/yyyy, whole numbers plainly)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        raise AssertionError(f"a date cell came back with a time: {value!r}")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def assert_file_is_the_table(path: Path, sheet_name: str, table: QTableView) -> list[list[Any]]:
    titles, cells = on_screen(table)
    rows = sheet(path, sheet_name)
    assert rows[0] == titles
    assert [[as_text(v) for v in row] for row in rows[1:]] == cells
    return rows


def numbers_in(rows: list[list[Any]], column: int) -> list[float]:
    values = [row[column] for row in rows[1:]]
    assert values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values), values
    return [float(v) for v in values]


# -- chapters: filter, sort, a hidden and a moved column ---------------------------------------


def test_chapters_ctrl_e_exports_the_table_as_shown(
    qtbot: QtBot, spanish: None, window: MainWindow, tmp_path: Path
) -> None:
    area = go_to_area(qtbot, window, CHAPTERS)
    assert isinstance(area, ChaptersArea)
    assert window.act_export_current.isEnabled()

    area.search.setText("unidos")  # the chapters in the United States
    qtbot.waitUntil(lambda: 0 < area.model.rowCount() < len(area.all_rows), timeout=TIMEOUT)
    shown = area.model.rowCount()
    table, header = area.table, area.table.horizontalHeader()
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # Miembros, most first
    table.setColumnHidden(1, True)  # Ubicación
    header.moveSection(header.visualIndex(4), 0)  # Presidencia dragged to the front
    assert header.sectionsMovable()

    dialog = ctrl_e(qtbot, window)
    assert dialog.kind is TABLE_VIEW
    assert isinstance(dialog.source, TableSource)
    assert dialog.source.rows and len(dialog.source.rows) == shown
    scope = dialog.scope_label.text()
    assert scope.startswith(f"Capítulos: {shown} renglones que se muestran con el filtro actual, de 21")
    assert Path(dialog.path.text()).name.startswith("Capítulos ")
    out = tmp_path / "capítulos.xlsx"
    export_to(qtbot, dialog, out)

    rows = assert_file_is_the_table(out, "Capítulos", table)
    assert rows[0] == ["Presidencia", "Capítulo", "Estatus", "Miembros"]
    assert len(rows) - 1 == shown
    members = numbers_in(rows, 3)
    assert members == sorted(members, reverse=True)
    assert all(r.country == "US" for r in area.model.rows)
    dialog.close()


# -- organisations, sectors and the Jornadas list, more briefly -------------------------------


def test_organizations_kind_filter_sort_and_hidden_column(
    qtbot: QtBot, spanish: None, window: MainWindow, tmp_path: Path
) -> None:
    area = go_to_area(qtbot, window, ORGANIZATIONS)
    assert isinstance(area, OrganizationsArea)
    generation = area.generation
    area.kind.setCurrentIndex(area.kind.findData(OrganizationKind.UNIVERSITY.value))
    qtbot.waitUntil(lambda: area.generation > generation and not area.loading, timeout=TIMEOUT)
    shown = area.model.rowCount()
    assert 0 < shown < 60
    area.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # Estado, Z to A
    area.table.setColumnHidden(5, True)  # Correo

    dialog = ctrl_e(qtbot, window)
    assert dialog.kind is TABLE_VIEW
    assert f"{shown} renglones que se muestran con el filtro actual, de 60" in dialog.scope_label.text()
    out = tmp_path / "organizaciones.xlsx"
    export_to(qtbot, dialog, out)
    rows = assert_file_is_the_table(out, "Organizaciones", area.table)
    assert rows[0] == ["Organización", "Tipo", "Estado", "Ciudad", "Contacto", "Sectores"]
    assert {row[1] for row in rows[1:]} == {OrganizationKind.UNIVERSITY.label}
    dialog.close()


def test_sectors_sorted_by_members_with_a_moved_column(
    qtbot: QtBot, spanish: None, window: MainWindow, tmp_path: Path
) -> None:
    area = go_to_area(qtbot, window, SECTORS)
    assert isinstance(area, SectorsArea)
    area.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # Miembros
    header = area.table.horizontalHeader()
    header.moveSection(header.visualIndex(4), 1)  # Miembros right after Núm.

    dialog = ctrl_e(qtbot, window)
    assert dialog.scope_label.text().startswith("Sectores y PNCS: 9 renglones — ")
    out = tmp_path / "sectores.xlsx"
    export_to(qtbot, dialog, out)
    rows = assert_file_is_the_table(out, "Sectores y PNCS", area.table)
    assert rows[0] == ["Núm.", "Miembros", "Sector", "Institución de contacto", "Contactos"]
    assert len(rows) == 10
    members = numbers_in(rows, 1)
    assert members == sorted(members, reverse=True)
    assert sorted(numbers_in(rows, 0)) == list(range(1, 10))
    dialog.close()


def test_events_list_exports_as_shown_and_the_open_event_its_participants(
    qtbot: QtBot, spanish: None, window: MainWindow, tmp_path: Path
) -> None:
    area = go_to_area(qtbot, window, EVENTS)
    assert isinstance(area, EventsArea)
    area.search.setText("jornada")
    area.table.setColumnHidden(1, True)  # Edición

    dialog = ctrl_e(qtbot, window)
    assert dialog.kind is TABLE_VIEW  # the list, not the selected event's participants
    out = tmp_path / "jornadas.xlsx"
    export_to(qtbot, dialog, out)
    rows = assert_file_is_the_table(out, "Jornadas", area.table)
    assert rows[0] == ["Evento", "Empieza", "Termina", "Ciudad", "Estatus", "Participantes"]
    event = area.model.rows[0]
    assert rows[1][1] == event.starts_on and rows[1][2] == event.ends_on  # real dates
    assert numbers_in(rows, 5) == [float(event.participants)]
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)

    # With an event open, what is shown is that event: Ctrl+E offers its participants.
    area.open_event(event.id)
    qtbot.waitUntil(lambda: area.workspace.data is not None and not area.workspace.loading, timeout=TIMEOUT)
    dialog = ctrl_e(qtbot, window)
    assert dialog.kind.key == "participants"
    dialog.close()


def test_the_filter_that_hides_everything_exports_only_the_headers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    area = go_to_area(qtbot, window, CHAPTERS)
    area.search.setText("zzzz no existe")
    qtbot.waitUntil(lambda: area.model.rowCount() == 0, timeout=TIMEOUT)
    dialog = ctrl_e(qtbot, window)
    assert "0 row(s) shown with the current filter, of 21" in dialog.scope_label.text()
    out = tmp_path / "nada.xlsx"
    export_to(qtbot, dialog, out)
    assert sheet(out, "Capítulos") == [["Chapter", "Location", "Status", "Members", "President"]]
    dialog.close()


# -- where the export is offered ----------------------------------------------------------------


def test_ctrl_e_is_enabled_in_every_table_area_and_each_has_an_export_entry(
    qtbot: QtBot, window: MainWindow
) -> None:
    for row, prefix in (
        (CHAPTERS, "chapter"),
        (SECTORS, "sector"),
        (ORGANIZATIONS, "organization"),
        (EVENTS, "event-list"),
    ):
        area = go_to_area(qtbot, window, row)
        assert window.act_export_current.isEnabled(), prefix
        button = area.findChild(QPushButton, f"{prefix}-export")
        assert button is not None and button.isVisible() and button.text() == "Export…", prefix
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = export_dialog(area)
        assert dialog.kind is TABLE_VIEW and isinstance(dialog.source, TableSource)
        dialog.close()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=TIMEOUT)

        action = area.table.findChild(QAction, f"{prefix}-export-table")
        assert action is not None and action in area.table.actions(), prefix
        assert area.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        action.trigger()
        dialog = export_dialog(area)
        assert dialog.kind is TABLE_VIEW
        dialog.close()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=TIMEOUT)


def test_the_header_menu_hides_and_shows_columns_but_never_the_last_one(
    qtbot: QtBot, ctx: AppContext
) -> None:
    area = SectorsArea(ctx)
    qtbot.addWidget(area)
    area.show()
    area.activated()
    qtbot.waitUntil(lambda: area.model.rowCount() == 9 and not area.loading, timeout=TIMEOUT)
    table = area.table
    menu = column_menu(table)
    *entries, separator, dialog = menu.actions()  # then "Columns…", the dialog for them all
    assert [a.text() for a in entries] == ["No.", "Sector", "Contact institution", "Contacts", "Members"]
    assert separator.isSeparator() and dialog.text() == "&Columns…"
    entries[2].setChecked(False)
    assert table.isColumnHidden(2)
    entries[2].setChecked(True)
    assert not table.isColumnHidden(2)
    menu.deleteLater()
    for column in range(1, 5):
        table.setColumnHidden(column, True)
    menu = column_menu(table)
    assert not menu.actions()[0].isEnabled()  # the only column left stays
    assert all(a.isEnabled() for a in menu.actions()[1:] if not a.isSeparator())
    menu.deleteLater()
    columns, rows = shown_table(table)
    assert [c.header for c in columns] == ["No."]
    assert [r for (r,) in rows] == list(range(1, 10))


# -- the window's tables and the command line agree ---------------------------------------------


@pytest.mark.parametrize(
    ("row", "key"),
    [(CHAPTERS, "chapters"), (SECTORS, "sectors"), (ORGANIZATIONS, "organizations"), (EVENTS, "events")],
)
def test_default_table_equals_the_command_line_list(
    qtbot: QtBot, spanish: None, window: MainWindow, ctx: AppContext, row: int, key: str
) -> None:
    area = go_to_area(qtbot, window, row)
    dialog = area.export_table()
    assert dialog is not None
    source = dialog.source
    assert isinstance(source, TableSource)
    spec = reference_xlsx.LISTS[key]
    assert source.name == spec.title
    assert [c.header for c in source.columns] == [c.header for c in spec.columns]
    with ctx.db.reader() as session:
        expected = spec.rows(session)
    assert [list(r) for r in source.rows] == expected
    assert len(expected) == area.model.rowCount() > 0
    dialog.close()
