"""The members workspace driven as a user would: search, filters, sorting, bulk edits, undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from talentdesk.core.enums import MemberStatus
from talentdesk.core.text import fold, name_sort_key
from talentdesk.services import members as member_service
from talentdesk.services.search import MemberQuery, count_members
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.members.model import PLACEHOLDER, MemberTableModel
from tests.gui.helpers import go_to_members, type_text, wait_members

pytestmark = pytest.mark.gui


@pytest.fixture()
def area(members: MembersArea) -> MembersArea:
    return members


def search_for(qtbot: QtBot, area: MembersArea, text: str) -> None:
    area.search.clear()
    type_text(area.search, text)
    qtbot.waitUntil(lambda: area.generation > 0 and not area.debounce.isActive(), timeout=5000)
    wait_members(qtbot, area)


def shown_ids(area: MembersArea) -> list[int]:
    return [area.model.member_id(r) for r in range(area.model.rowCount())]  # type: ignore[misc]


def db_count(ctx: AppContext, query: MemberQuery) -> int:
    with ctx.db.reader() as session:
        return count_members(session, query)


def test_model_passes_qtmodeltester(area: MembersArea, qtmodeltester: Any) -> None:
    assert area.model.rowCount() == 300
    qtmodeltester.check(area.model)


def test_model_shows_placeholders_until_all_ids_arrive(ctx: AppContext, qtmodeltester: Any) -> None:
    model = MemberTableModel(ctx.db)
    with ctx.db.reader() as session:
        ids = member_service.members_as_dicts(session, list(range(1, 6)))
    model.show_page(10, [m["id"] for m in ids])
    qtmodeltester.check(model)
    assert model.data(model.index(7, 0)) == PLACEHOLDER
    assert model.data(model.index(0, 0)) == ids[0]["paternal_surname"]
    model.show_all(__import__("array").array("q", list(range(1, 11))))
    assert model.is_complete()
    assert model.data(model.index(7, 0)) != PLACEHOLDER
    qtmodeltester.check(model)


def test_everyone_in_spanish_order(area: MembersArea, ctx: AppContext) -> None:
    assert area.count_label.text().startswith("300")
    with ctx.db.reader() as session:
        people = member_service.members_as_dicts(session, shown_ids(area))
    keys = [name_sort_key(p["paternal_surname"], p["maternal_surname"], p["given_names"]) for p in people]
    assert keys == sorted(keys)


@pytest.mark.parametrize("typed", ["nunez", "Núñez", "NUÑEZ"])
def test_search_ignores_accents_and_case(
    qtbot: QtBot, area: MembersArea, ctx: AppContext, typed: str
) -> None:
    search_for(qtbot, area, typed)
    expected = db_count(ctx, MemberQuery(text="nunez"))
    assert expected > 0, "the demo data should hold some Núñez"
    assert area.model.rowCount() == expected
    with ctx.db.reader() as session:
        people = member_service.members_as_dicts(session, shown_ids(area))
    for person in people:
        words = fold(
            " ".join(
                filter(
                    None,
                    (
                        person["given_names"],
                        person["paternal_surname"],
                        person["maternal_surname"],
                        person["email"],
                        person["employer"],
                        person["job_title"],
                        person["city"],
                        person["expertise"],
                    ),
                )
            )
        ).split()
        assert any(w.startswith("nunez") for w in words)


def test_filters_combine_with_text(qtbot: QtBot, area: MembersArea, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: area.f_chapter.count() > 1, timeout=5000)
    houston = area.f_chapter.findText("Houston")
    area.f_chapter.setCurrentIndex(houston)
    wait_members(qtbot, area)
    chapter_id = area.f_chapter.currentData()
    assert area.model.rowCount() == db_count(ctx, MemberQuery(chapter_ids=(chapter_id,)))
    area.f_status.setCurrentIndex(area.f_status.findData(MemberStatus.ACTIVE.value))
    wait_members(qtbot, area)
    both = MemberQuery(chapter_ids=(chapter_id,), statuses=(MemberStatus.ACTIVE,))
    assert area.model.rowCount() == db_count(ctx, both)
    search_for(qtbot, area, "a")
    assert area.model.rowCount() == db_count(
        ctx, MemberQuery(text="a", chapter_ids=(chapter_id,), statuses=(MemberStatus.ACTIVE,))
    )
    area.clear_filters()
    wait_members(qtbot, area)
    assert area.model.rowCount() == db_count(ctx, MemberQuery(text="a"))


def test_sort_by_city_then_back(qtbot: QtBot, area: MembersArea, ctx: AppContext) -> None:
    city_col = next(i for i, c in enumerate(area.model.columns) if c.key == "city")
    area.model.sort(city_col, Qt.SortOrder.AscendingOrder)
    wait_members(qtbot, area)
    cities = [area.model.data(area.model.index(r, city_col)) or "" for r in range(area.model.rowCount())]
    folded = [fold(c) for c in cities if c]
    assert folded == sorted(folded)
    assert area.model.rowCount() == 300
    area.model.sort(city_col, Qt.SortOrder.DescendingOrder)
    wait_members(qtbot, area)
    desc = [fold(area.model.data(area.model.index(r, city_col)) or "") for r in range(area.model.rowCount())]
    desc = [c for c in desc if c]
    assert desc == sorted(desc, reverse=True)


def pick(monkeypatch: pytest.MonkeyPatch, choice: str) -> None:
    def fake(_parent: Any, _title: str, _label: str, items: list[str], *_a: Any) -> tuple[str, bool]:
        assert choice in items
        return choice, True

    monkeypatch.setattr(QInputDialog, "getItem", fake)


def chapters_of(ctx: AppContext, ids: list[int]) -> list[str | None]:
    with ctx.db.reader() as session:
        return [m["chapter"] for m in member_service.members_as_dicts(session, ids)]


def test_bulk_set_chapter_with_undo_and_redo(
    qtbot: QtBot, area: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.table.selectRow(0)
    for row in (1, 2, 3, 4):
        area.table.selectionModel().select(
            area.model.index(row, 0),
            area.table.selectionModel().SelectionFlag.Select | area.table.selectionModel().SelectionFlag.Rows,
        )
    ids = area.selected_ids()
    assert len(ids) == 5
    before = chapters_of(ctx, ids)
    pick(monkeypatch, "Detroit")
    area.bulk_set_chapter()
    qtbot.waitUntil(lambda: chapters_of(ctx, ids) == ["Detroit"] * 5, timeout=5000)
    qtbot.waitUntil(lambda: ctx.undo.can_undo(), timeout=5000)
    with ctx.db.reader() as session:
        from talentdesk.services.audit import history

        assert any(e.field == "chapter_id" for e in history(session, "member", ids[0]))
    ctx.undo.undo()
    qtbot.waitUntil(lambda: chapters_of(ctx, ids) == before, timeout=5000)
    qtbot.waitUntil(lambda: ctx.undo.can_redo(), timeout=5000)
    ctx.undo.redo()
    qtbot.waitUntil(lambda: chapters_of(ctx, ids) == ["Detroit"] * 5, timeout=5000)


def test_bulk_sector_add_and_remove(
    qtbot: QtBot, area: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.table.selectRow(3)
    (member_id,) = area.selected_ids()
    sector_label = area.sectors[4][1]  # "5. Nanotecnología y Nuevos Materiales"

    def sectors() -> list[str]:
        with ctx.db.reader() as session:
            return member_service.members_as_dicts(session, [member_id])[0]["sectors"]

    pick(monkeypatch, sector_label)
    area.bulk_sector(add=True)
    qtbot.waitUntil(lambda: "Nanotecnología y Nuevos Materiales" in sectors(), timeout=5000)
    qtbot.waitUntil(ctx.undo.can_undo, timeout=5000)  # pushed in the callback that starts the refresh
    wait_members(qtbot, area)  # the table refreshed and kept the selection
    assert area.selected_ids() == [member_id]
    area.bulk_sector(add=False)
    qtbot.waitUntil(lambda: "Nanotecnología y Nuevos Materiales" not in sectors(), timeout=5000)


def test_delete_asks_and_undo_brings_them_back(
    qtbot: QtBot, area: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.table.selectRow(0)
    (member_id,) = area.selected_ids()
    with ctx.db.reader() as session:
        original = member_service.members_as_dicts(session, [member_id])[0]

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    area.delete_selected()
    assert db_count(ctx, MemberQuery()) == 300

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    area.delete_selected()
    qtbot.waitUntil(lambda: db_count(ctx, MemberQuery()) == 299, timeout=5000)
    qtbot.waitUntil(lambda: area.model.rowCount() == 299, timeout=5000)
    assert member_id not in shown_ids(area)

    qtbot.waitUntil(lambda: ctx.undo.can_undo(), timeout=5000)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: db_count(ctx, MemberQuery()) == 300, timeout=5000)
    with ctx.db.reader() as session:
        restored = member_service.members_as_dicts(session, [member_id])[0]
    for key in ("given_names", "paternal_surname", "email", "phone", "chapter", "sectors", "print_fields"):
        assert restored[key] == original[key]
    qtbot.waitUntil(lambda: member_id in shown_ids(area), timeout=5000)


def test_ctrl_f_focuses_search_and_escape_clears(qtbot: QtBot, window: Any) -> None:
    area = go_to_members(qtbot, window)
    window.activateWindow()
    area.table.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: area.search.hasFocus(), timeout=2000)
    type_text(area.search, "zz")
    assert area.search.text() == "zz"
    QTest.keyClick(area.search, Qt.Key.Key_Escape)
    assert area.search.text() == ""
    assert isinstance(area.search, QLineEdit)


@pytest.mark.parametrize("typed", ["%%%", "-", "¿?"])
def test_symbols_only_show_a_hint_instead_of_everyone(
    qtbot: QtBot, area: MembersArea, ctx: AppContext, typed: str
) -> None:
    """Such text has no word to look for: the search used to list all 300 members."""
    search_for(qtbot, area, typed)
    assert area.count_label.text() == "Type letters or numbers"
    assert area.model.rowCount() == 0
    assert not area.export_button.isEnabled()  # nothing is shown, nothing to export

    search_for(qtbot, area, "nunez")
    assert area.model.rowCount() == db_count(ctx, MemberQuery(text="nunez")) > 0
    assert area.export_button.isEnabled()


@pytest.mark.parametrize("searched", [False, True])
def test_down_from_the_search_selects_a_row_so_actions_apply(
    qtbot: QtBot, area: MembersArea, searched: bool
) -> None:
    """↓ from the search box must select (not only focus) a row: Supr, Eliminar and every bulk
    action act on the selection, and were greyed out after ↓ (issue 12, item 2)."""
    if searched:
        search_for(qtbot, area, "garcia")
    area.table.clearSelection()
    area.search.setFocus()
    QTest.keyClick(area.search, Qt.Key.Key_Down)
    assert area.table.hasFocus()
    selected = area.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [area.table.currentIndex().row()]
    assert area.act_delete.isEnabled() and area.act_status.isEnabled()
