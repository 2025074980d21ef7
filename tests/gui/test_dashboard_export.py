"""The Tablero's Export menu (issue 15): the Tablero with its filters as set, and the sector and
chapter reports starting from the sector or chapter chosen in them, through the export dialog."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from talentdesk.ui.dashboard import DashboardArea
from talentdesk.ui.main_window import MainWindow
from tests.gui.helpers import TIMEOUT, export_dialog, export_to, find, trigger


def shown_board(qtbot: QtBot, window: MainWindow) -> DashboardArea:
    area = next(a for a in window.areas if isinstance(a, DashboardArea))
    window.nav.setCurrentRow(window.areas.index(area))
    qtbot.waitUntil(lambda: area.board is not None and not area.is_loading(), timeout=TIMEOUT)
    return area


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_export_the_tablero_as_filtered(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    area = shown_board(qtbot, window)
    qtbot.waitUntil(lambda: area.f_sector.count() > 3, timeout=TIMEOUT)
    area.f_sector.setCurrentIndex(3)
    sector = area.f_sector.currentText()
    qtbot.waitUntil(lambda: not area.is_loading(), timeout=TIMEOUT)
    trigger(area.export_button.menu(), "dashboard-export-dashboard")
    dialog = export_dialog(window)
    assert sector in find(dialog, "export-dashboard_filters").text()
    out = tmp_path / "tablero.pdf"
    export_to(qtbot, dialog, out)
    assert f"Sector: {sector}" in pdf_text(out)
    dialog.close()


def test_sector_report_starts_from_the_sector_filtered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    area = shown_board(qtbot, window)
    qtbot.waitUntil(lambda: area.f_sector.count() > 3, timeout=TIMEOUT)
    area.f_sector.setCurrentIndex(2)
    sector = area.f_sector.currentText()
    trigger(area.export_button.menu(), "dashboard-export-sector_report_xlsx")
    dialog = export_dialog(window)
    assert find(dialog, "export-sector").currentText() == sector
    out = tmp_path / "sector.xlsx"
    export_to(qtbot, dialog, out)
    assert dialog.last_result is not None and dialog.last_result.rows > 0
    dialog.close()

    trigger(area.export_button.menu(), "dashboard-export-annual_report")
    dialog = export_dialog(window)
    find(dialog, "export-year").setValue(2020)
    export_to(qtbot, dialog, tmp_path / "anual.pdf")
    assert "Año: 2020" in pdf_text(tmp_path / "anual.pdf")
