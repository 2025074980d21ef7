"""The sectors area: the nine sectors with counts, contacts added, edited and removed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.models import Sector, SectorContact
from talentdesk.services import sectors as service
from talentdesk.ui.context import AppContext
from talentdesk.ui.sectors import ContactDialog, SectorDialog, SectorsArea
from tests.gui.helpers import YES, answer, click, error_of, field, read, show_area, type_text

pytestmark = pytest.mark.gui


@pytest.fixture()
def area(qtbot: QtBot, ctx: AppContext) -> SectorsArea:
    widget: SectorsArea = show_area(qtbot, SectorsArea(ctx), rows=9)
    return widget


def contacts(ctx: AppContext, sector_number: int) -> list[tuple[str, str | None, str | None, str | None]]:
    def query(session: Any) -> list[tuple[str, str | None, str | None, str | None]]:
        sector = session.scalar(select(Sector).where(Sector.number == sector_number))
        return [(c.name, c.role, c.email, c.phone) for c in sector.contacts]

    result: list[tuple[str, str | None, str | None, str | None]] = read(ctx, query)
    return result


def test_models_pass_the_model_tester(area: SectorsArea, qtmodeltester: Any) -> None:
    qtmodeltester.check(area.model)
    assert area.contacts.model.rowCount() == 2
    qtmodeltester.check(area.contacts.model)


def test_nine_sectors_with_institution_and_member_counts(area: SectorsArea, ctx: AppContext) -> None:
    counts = read(ctx, service.member_counts)
    assert [r.number for r in area.model.rows] == list(range(1, 10))
    for i, row in enumerate(area.model.rows):
        assert area.model.index(i, 4).data() == str(counts.get(row.id, 0))
        assert area.model.index(i, 2).data() == f"Institución PNCS (demo) {row.number}"
        assert area.model.index(i, 3).data() == "2"
    area.table.selectRow(2)
    assert area.findChild(QLabel, "sector-title").text() == f"3. {area.model.rows[2].name}"
    assert area.findChild(QLabel, "sector-members").text() == f"{counts[area.model.rows[2].id]} member(s)"
    assert [c[0] for c in contacts(ctx, 3)] == [c.name for c in area.contacts.model.rows]


def test_add_contact_shows_errors_then_saves_and_undo_removes_it(
    area: SectorsArea, ctx: AppContext, qtbot: QtBot
) -> None:
    area.table.selectRow(4)
    area.new_item()
    dialog = area.dialog
    assert isinstance(dialog, ContactDialog) and dialog.contact is None
    qtbot.keyClicks(field(dialog, "email"), "sin arroba")
    qtbot.keyClicks(field(dialog, "phone"), "12")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: bool(error_of(dialog, "name")), timeout=5000)
    assert "is required" in error_of(dialog, "name")
    assert "is not a valid e-mail address" in error_of(dialog, "email")
    assert "is not a valid phone number" in error_of(dialog, "phone")
    assert dialog.isVisible() and len(contacts(ctx, 5)) == 2

    type_text(field(dialog, "name"), "Begoña Ruiz")
    qtbot.keyClicks(field(dialog, "role"), "Enlace de vinculacion")
    email: QLineEdit = field(dialog, "email")
    email.clear()
    qtbot.keyClicks(email, "begona@example.org")
    phone: QLineEdit = field(dialog, "phone")
    phone.clear()
    qtbot.keyClicks(phone, "55 1234 5678")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    added = ("Begoña Ruiz", "Enlace de vinculacion", "begona@example.org", "+525512345678")
    assert contacts(ctx, 5)[-1] == added
    qtbot.waitUntil(lambda: area.contacts.model.rowCount() == 3, timeout=5000)
    current = area.contacts.current()
    assert current is not None and current.name == "Begoña Ruiz"
    assert area.model.index(4, 3).data() == "3"

    ctx.undo.undo()
    qtbot.waitUntil(lambda: len(contacts(ctx, 5)) == 2, timeout=5000)
    qtbot.waitUntil(lambda: area.contacts.model.rowCount() == 2, timeout=5000)
    ctx.undo.redo()
    qtbot.waitUntil(lambda: len(contacts(ctx, 5)) == 3, timeout=5000)
    assert contacts(ctx, 5)[-1] == added


def test_edit_contact_and_undo(area: SectorsArea, ctx: AppContext, qtbot: QtBot) -> None:
    before = contacts(ctx, 1)
    area.contacts.table.setFocus()
    area.contacts.table.selectRow(0)
    area.open_current()  # Enter in the contacts table edits the contact
    dialog = area.dialog
    assert isinstance(dialog, ContactDialog) and dialog.contact is not None
    role: QLineEdit = field(dialog, "role")
    role.clear()
    type_text(role, "Titular de vinculación")
    qtbot.keyClick(role, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    name = " ".join(before[0][0].split())  # the service tidies spaces in the name it saves
    assert contacts(ctx, 1)[0] == (name, "Titular de vinculación", before[0][2], before[0][3])
    qtbot.waitUntil(lambda: area.contacts.model.index(0, 1).data() == "Titular de vinculación", timeout=5000)
    ctx.undo.undo()  # exact: the contact as it was stored, untidy spaces included
    qtbot.waitUntil(lambda: contacts(ctx, 1)[0] == before[0], timeout=5000)
    qtbot.waitUntil(lambda: area.contacts.model.index(0, 1).data() == before[0][1], timeout=5000)


def test_remove_contact_asks_and_undo_restores(
    area: SectorsArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = contacts(ctx, 2)
    area.table.selectRow(1)
    area.contacts.table.selectRow(1)
    removed = area.contacts.current()
    assert removed is not None
    asked = answer(monkeypatch, YES)
    area.delete_selected()
    assert len(asked) == 1 and removed.name in asked[0]
    qtbot.waitUntil(lambda: contacts(ctx, 2) == before[:1], timeout=5000)
    qtbot.waitUntil(lambda: area.contacts.model.rowCount() == 1, timeout=5000)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: contacts(ctx, 2) == before, timeout=5000)
    assert read(ctx, lambda s: s.get(SectorContact, removed.id)) is not None


def test_edit_sector_institution_and_undo(area: SectorsArea, ctx: AppContext, qtbot: QtBot) -> None:
    area.table.selectRow(6)
    area.open_current()
    dialog = area.dialog
    assert isinstance(dialog, SectorDialog)
    institution: QLineEdit = field(dialog, "contact_institution")
    institution.clear()
    type_text(institution, "Secretaría de Medio Ambiente")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    def institution_of(session: Any) -> str | None:
        return session.scalar(select(Sector.contact_institution).where(Sector.number == 7))

    assert read(ctx, institution_of) == "Secretaría de Medio Ambiente"
    qtbot.waitUntil(
        lambda: area.findChild(QLabel, "sector-institution").text() == "Secretaría de Medio Ambiente",
        timeout=5000,
    )
    ctx.undo.undo()
    qtbot.waitUntil(lambda: read(ctx, institution_of) == "Institución PNCS (demo) 7", timeout=5000)


def test_cancel_with_edits_asks_first(
    area: SectorsArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.new_item()
    dialog = area.dialog
    assert dialog is not None
    qtbot.keyClicks(field(dialog, "name"), "Someone")
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    click(qtbot, dialog, "cancel")
    assert len(asked) == 1 and dialog.isVisible()
    answer(monkeypatch, YES)
    click(qtbot, dialog, "cancel")
    assert not dialog.isVisible()
    assert len(contacts(ctx, 1)) == 2
