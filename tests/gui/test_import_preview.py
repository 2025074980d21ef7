"""The import preview says why "Import" is disabled, lists problems from the first row down and
shows every message whole (issue 12, item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWizard
from pytestqt.qtbot import QtBot

from talentdesk.ui.context import AppContext
from talentdesk.ui.imports.wizard import ImportWizard

pytestmark = pytest.mark.gui

HEADERS = ["Nombre(s)", "Apellido paterno", "Correo electrónico", "Sector"]


def write_file(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADERS)
    ws.append(["Ana", "Ruiz", "ana@prueba-importacion.mx", "Salud"])
    ws.append(["Eva", "Luna", "eva@", "Salud"])  # row 3: bad e-mail
    ws.append(["Luis", "Soto", "luis@prueba-importacion.mx", "Aviones"])  # row 4: unknown sector
    ws.append(["Rosa", "Mar", "rosa@prueba-importacion.mx", "Aeronáutica"])  # a sector by its word
    ws.append(["Juan", "Paz", "juan@", "Criptomonedas y finanzas descentralizadas"])  # row 6: two
    path = tmp_path / "miembros.xlsx"
    wb.save(path)
    return path


def preview(qtbot: QtBot, ctx: AppContext, path: Path, size: tuple[int, int] = (1024, 700)) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.resize(*size)
    wizard.show()
    wizard.file_page.load(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    return wizard


def fits(table: QTableView, row: int, column: int) -> bool:
    """The cell's whole text fits its cell, wrapped (nothing elided)."""
    index = table.model().index(row, column)
    text = str(index.data())
    cell = table.visualRect(index)
    needed = table.fontMetrics().boundingRect(
        QRect(0, 0, cell.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, text
    )
    return needed.height() <= cell.height()


def test_import_disabled_says_why(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = preview(qtbot, ctx, write_file(tmp_path))
    page = wizard.preview_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    assert page.blocked.isVisible()
    text = page.blocked.text()
    assert "rows with problems: 3" in text and "Only the valid rows" in text
    page.valid_only.setChecked(True)
    assert commit.isEnabled()
    assert not page.blocked.isVisible()
    page.valid_only.setChecked(False)
    assert page.blocked.isVisible() and not commit.isEnabled()


def test_problems_in_ascending_row_order_and_never_cut(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    wizard = preview(qtbot, ctx, write_file(tmp_path))
    page = wizard.preview_page
    model = page.errors
    rows = [int(model.data(model.index(i, 0))) for i in range(model.rowCount())]
    assert rows == sorted(rows) and rows[0] == 3 and len(rows) >= 3
    table = page.error_table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()
    suggestion = next(i for i in range(model.rowCount()) if "Aviones" in str(model.data(model.index(i, 3))))
    assert "Transporte y Aeronáutica" in str(model.data(model.index(suggestion, 3)))
    for i in range(model.rowCount()):
        assert fits(table, i, 3), model.data(model.index(i, 3))
    # The selected problem is also shown whole below the table.
    table.setCurrentIndex(model.index(suggestion, 0))
    assert "Aviones" in page.detail.text() and "Transporte y Aeronáutica" in page.detail.text()
    assert page.detail.wordWrap()


def test_duplicate_descriptions_are_not_cut(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    from sqlalchemy import select

    from talentdesk.core.models import Member

    with ctx.db.reader() as s:
        given, paternal, maternal = s.execute(
            select(Member.given_names, Member.paternal_surname, Member.maternal_surname).limit(1)
        ).one()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Nombre(s)", "Apellido paterno", "Apellido materno", "Ciudad"])
    ws.append([given, paternal, maternal, "Ciudad Lejana De Ninguna Parte"])
    path = tmp_path / "dup.xlsx"
    wb.save(path)
    wizard = preview(qtbot, ctx, path)
    page = wizard.preview_page
    assert page.duplicates.rowCount() == 1
    assert "nothing else in common" in str(page.duplicates.data(page.duplicates.index(0, 3))) or (
        "ningún otro dato" in str(page.duplicates.data(page.duplicates.index(0, 3)))
    )
    table = page.dup_table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    assert table.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked
    assert fits(table, 0, 3)
