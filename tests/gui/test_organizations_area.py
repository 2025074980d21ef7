"""The organisations area: search as you type, kind filter, the form, delete and undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import OrganizationKind
from talentdesk.core.models import Organization
from talentdesk.ui.context import AppContext
from talentdesk.ui.organizations import OrganizationDialog, OrganizationsArea
from tests.gui.helpers import NO, YES, answer, click, error_of, field, read, show_area, type_text

pytestmark = pytest.mark.gui


@pytest.fixture()
def area(qtbot: QtBot, ctx: AppContext) -> OrganizationsArea:
    widget: OrganizationsArea = show_area(qtbot, OrganizationsArea(ctx), rows=60)
    return widget


def org(ctx: AppContext, name: str) -> dict[str, Any] | None:
    def query(session: Session) -> dict[str, Any] | None:
        found = session.scalar(select(Organization).where(Organization.name == name))
        if found is None:
            return None
        return {
            "id": found.id,
            "kind": found.kind,
            "state": found.state,
            "city": found.city,
            "contact_name": found.contact_name,
            "contact_email": found.contact_email,
            "contact_phone": found.contact_phone,
            "sectors": [s.number for s in found.sectors],
        }

    result: dict[str, Any] | None = read(ctx, query)
    return result


def count(ctx: AppContext) -> int:
    return int(read(ctx, lambda s: s.scalar(select(func.count()).select_from(Organization))))


def search(area: OrganizationsArea, qtbot: QtBot, text: str) -> None:
    area.focus_search()
    area.search.clear()
    type_text(area.search, text)
    generation = area.generation
    qtbot.waitUntil(lambda: area.generation > generation and not area.loading, timeout=5000)


def test_model_passes_the_model_tester(area: OrganizationsArea, qtmodeltester: Any) -> None:
    qtmodeltester.check(area.model)
    area.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    kinds = [r.kind.label for r in area.model.rows]
    assert kinds == sorted(kinds, key=str.casefold, reverse=True)
    qtmodeltester.check(area.model)


def test_search_and_kind_filter(area: OrganizationsArea, ctx: AppContext, qtbot: QtBot) -> None:
    assert area.count_label.text() == "60 organization(s)"
    search(area, qtbot, "investigación")
    research = [r for r in area.model.rows]
    assert research and all(
        "Investigación" in r.name or "investig" in (r.city or "").lower() for r in research
    )
    assert area.count_label.text() == f"{len(research)} of 60 organization(s)"

    search(area, qtbot, "")
    index = area.kind.findData(OrganizationKind.UNIVERSITY.value)
    generation = area.generation
    area.kind.setCurrentIndex(index)
    qtbot.waitUntil(lambda: area.generation > generation and not area.loading, timeout=5000)
    universities = read(
        ctx,
        lambda s: s.scalar(select(func.count()).where(Organization.kind == OrganizationKind.UNIVERSITY)),
    )
    assert area.model.rowCount() == universities > 0
    assert {r.kind for r in area.model.rows} == {OrganizationKind.UNIVERSITY}

    search(area, qtbot, "zzzz no existe")
    assert area.model.rowCount() == 0
    assert area.count_label.text() == "0 of 60 organization(s)"


def test_create_with_errors_then_save_then_undo(
    area: OrganizationsArea, ctx: AppContext, qtbot: QtBot
) -> None:
    area.new_item()
    dialog = area.dialog
    assert isinstance(dialog, OrganizationDialog) and dialog.row is None
    type_text(field(dialog, "name"), "Universidad Autónoma de Querétaro")
    field(dialog, "kind").set_value(OrganizationKind.UNIVERSITY)
    type_text(field(dialog, "state"), "Querétaro")
    type_text(field(dialog, "city"), "Santiago de Querétaro")
    qtbot.keyClicks(field(dialog, "contact_email"), "vinculacion@")
    qtbot.keyClicks(field(dialog, "contact_phone"), "abc")
    sectors = field(dialog, "sectors")
    sectors.set_checked([sectors.item(2).data(Qt.ItemDataRole.UserRole)])
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: bool(error_of(dialog, "contact_phone")), timeout=5000)
    assert "is not a valid e-mail address" in error_of(dialog, "contact_email")
    assert "is not a valid phone number" in error_of(dialog, "contact_phone")
    assert error_of(dialog, "name") == ""
    assert dialog.isVisible() and count(ctx) == 60

    email: QLineEdit = field(dialog, "contact_email")
    email.clear()
    qtbot.keyClicks(email, "vinculacion@uaq.mx")
    phone: QLineEdit = field(dialog, "contact_phone")
    phone.clear()
    qtbot.keyClicks(phone, "442 192 1200")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = org(ctx, "Universidad Autónoma de Querétaro")
    assert saved is not None
    assert saved["kind"] is OrganizationKind.UNIVERSITY
    assert (saved["state"], saved["city"]) == ("Querétaro", "Santiago de Querétaro")
    assert (saved["contact_email"], saved["contact_phone"]) == ("vinculacion@uaq.mx", "+524421921200")
    assert saved["sectors"] == [3]
    qtbot.waitUntil(lambda: area.model.rowCount() == 61, timeout=5000)
    current = area.current_row()
    assert current is not None and current.id == saved["id"]
    assert area.count_label.text() == "61 organization(s)"

    ctx.undo.undo()
    qtbot.waitUntil(lambda: count(ctx) == 60 and area.model.rowCount() == 60, timeout=5000)


def test_edit_from_the_list_and_undo(area: OrganizationsArea, ctx: AppContext, qtbot: QtBot) -> None:
    search(area, qtbot, "centro investigacion")
    area.focus_table()
    row = area.current_row()
    assert row is not None
    before = org(ctx, row.name)
    area.open_current()
    dialog = area.dialog
    assert isinstance(dialog, OrganizationDialog) and dialog.row == row
    assert field(dialog, "name").text() == row.name
    contact: QLineEdit = field(dialog, "contact_name")
    contact.clear()
    type_text(contact, "Dra. Inés Muñoz")
    sectors = field(dialog, "sectors")
    sectors.set_checked([sectors.item(0).data(Qt.ItemDataRole.UserRole)])
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    after = org(ctx, row.name)
    assert after is not None and (after["contact_name"], after["sectors"]) == ("Dra. Inés Muñoz", [1])
    qtbot.waitUntil(lambda: area.model.index(area.model.row_of(row.id) or 0, 4).data() == "Dra. Inés Muñoz")
    assert area.model.index(area.model.row_of(row.id) or 0, 6).data() == "1"

    ctx.undo.undo()
    qtbot.waitUntil(lambda: org(ctx, row.name) == before, timeout=5000)


def test_duplicate_name_is_shown_at_the_name(area: OrganizationsArea, ctx: AppContext, qtbot: QtBot) -> None:
    existing = area.model.rows[0].name
    area.new_item()
    dialog = area.dialog
    assert dialog is not None
    type_text(field(dialog, "name"), existing.upper())
    qtbot.keyClick(field(dialog, "name"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(error_of(dialog, "name")), timeout=5000)
    assert "already exists" in error_of(dialog, "name")
    assert count(ctx) == 60


def test_delete_asks_and_undo_restores(
    area: OrganizationsArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.table.selectRow(5)
    row = area.current_row()
    assert row is not None
    before = org(ctx, row.name)
    asked = answer(monkeypatch, NO)
    area.delete_selected()
    assert len(asked) == 1 and row.name in asked[0]
    assert count(ctx) == 60
    answer(monkeypatch, YES)
    area.delete_selected()
    qtbot.waitUntil(lambda: org(ctx, row.name) is None, timeout=5000)
    qtbot.waitUntil(lambda: area.model.rowCount() == 59, timeout=5000)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: org(ctx, row.name) == before, timeout=5000)
    qtbot.waitUntil(lambda: area.model.row_of(row.id) is not None, timeout=5000)
