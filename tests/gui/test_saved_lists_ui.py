"""The members area's saved lists, driven as a user would: save the search (Ctrl+Shift+S) and the
chosen rows, open a list (the table says which, and goes back to all members), rename, delete with
confirmation, undo; export with the list as the audience; the lists model passes qtmodeltester."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talentdesk.core.programs import SavedListKind
from talentdesk.services import saved_lists
from talentdesk.services.search import MemberQuery, count_members
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.members.saved_lists import SavedListsModel
from tests.gui.helpers import trigger, type_text, wait_members

pytestmark = pytest.mark.gui


def names_typed(monkeypatch: pytest.MonkeyPatch, area: MembersArea, *answers: str | None) -> None:
    """The next name prompts answer these, in order (None: Cancel)."""
    queue = list(answers)
    monkeypatch.setattr(area.lists_panel, "ask_name", lambda *_a, **_k: queue.pop(0))


def wait_lists(qtbot: QtBot, area: MembersArea, count: int) -> None:
    qtbot.waitUntil(lambda: area.lists_panel.pending is None and area.lists_panel.model.rowCount() == count)


def shown_ids(area: MembersArea) -> list[int]:
    return [area.model.member_id(r) for r in range(area.model.rowCount())]  # type: ignore[misc]


def choose_list(area: MembersArea, name: str) -> None:
    model = area.lists_panel.model
    row = next(i for i, info in enumerate(model.rows) if info.name == name)
    area.lists_panel.view.setCurrentIndex(model.index(row, 0))


def select_rows(area: MembersArea, rows: range) -> list[int]:
    selection = area.table.selectionModel()
    selection.clear()
    for row in rows:
        selection.select(
            area.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return area.selected_ids()


def test_save_a_search_then_open_it_again(
    qtbot: QtBot, members: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = members
    type_text(area.search, "a")
    qtbot.waitUntil(lambda: not area.debounce.isActive())
    area.f_status.setCurrentIndex(area.f_status.findData("activo"))
    wait_members(qtbot, area)
    expected = area.last_total
    names_typed(monkeypatch, area, "Activos con a")
    qtbot.keyClick(
        area.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_lists(qtbot, area, 1)
    info = area.lists_panel.model.rows[0]
    assert (info.name, info.kind) == ("Activos con a", SavedListKind.SMART)
    with ctx.db.reader() as s:
        assert saved_lists.loaded_query(s, info.id).query == MemberQuery(
            text="a", statuses=(area.current_query().statuses)
        )

    area.clear_filters()
    area.search.clear()
    qtbot.waitUntil(lambda: not area.debounce.isActive())
    wait_members(qtbot, area)
    assert area.last_total == 300
    choose_list(area, "Activos con a")
    area.lists_panel.open_button.click()
    wait_members(qtbot, area)
    assert area.last_total == expected
    assert area.list_bar.isVisible()
    assert "Activos con a" in area.list_label.text() and "«a»" in area.list_label.text()
    assert area.export_source().list_ids == tuple(shown_ids(area))
    # back to every member
    area.back_button.click()
    wait_members(qtbot, area)
    assert area.last_total == 300 and not area.list_bar.isVisible()


def test_save_selection_rename_delete_and_undo(
    qtbot: QtBot, members: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = members
    chosen = select_rows(area, range(2, 5))
    names_typed(monkeypatch, area, "Mentores", "Mentores de salud")
    trigger(area, "save-selection")
    wait_lists(qtbot, area, 1)
    assert area.lists_panel.model.rows[0].size == 3
    assert area.lists_panel.model.data(area.lists_panel.model.index(0, 0)) == "Mentores (3)"

    choose_list(area, "Mentores")
    area.lists_panel.view.activated.emit(area.lists_panel.view.currentIndex())  # Enter / double click
    wait_members(qtbot, area)
    assert sorted(shown_ids(area)) == sorted(chosen)
    # remove one from the list shown: the table follows
    select_rows(area, range(0, 1))
    trigger(area, "remove-from-list")
    qtbot.waitUntil(lambda: area.last_total == 2 and not area.is_loading())

    area.lists_panel.rename_button.click()
    qtbot.waitUntil(lambda: [i.name for i in area.lists_panel.model.rows] == ["Mentores de salud"])

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    choose_list(area, "Mentores de salud")
    area.lists_panel.delete_button.click()
    wait_lists(qtbot, area, 0)
    qtbot.waitUntil(ctx.undo.can_undo)
    ctx.undo.undo()
    wait_lists(qtbot, area, 1)
    assert area.lists_panel.model.rows[0].name == "Mentores de salud"
    assert area.lists_panel.model.rows[0].size == 2


def test_a_name_clash_is_refused_and_nothing_is_saved(
    qtbot: QtBot, members: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    area = members
    shown = errors
    select_rows(area, range(0, 2))
    names_typed(monkeypatch, area, "Elegidos", "ELEGIDOS", None)
    trigger(area, "save-selection")
    wait_lists(qtbot, area, 1)
    trigger(area, "save-search")
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["A list called “Elegidos” already exists: choose another name."]  # English UI
    trigger(area, "save-search")  # cancelled: nothing happens
    with ctx.db.reader() as s:
        assert len(saved_lists.lists(s)) == 1


def test_export_a_list_opens_the_dialog_with_the_list_as_audience(
    qtbot: QtBot, members: MembersArea, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = members
    opened: list[tuple[str, Any]] = []
    monkeypatch.setattr(
        "talentdesk.ui.members.area.open_export",
        lambda _ctx, key, source, _parent: opened.append((key, source)),
    )
    with ctx.db.session() as s:
        saved_lists.save_search(s, "Houston", MemberQuery(chapter_ids=(1,)))
        expected = count_members(s, MemberQuery(chapter_ids=(1,)))
    area.lists_panel.reload()
    wait_lists(qtbot, area, 1)
    choose_list(area, "Houston")
    trigger(area.lists_panel, "saved-list-export-directory")
    qtbot.waitUntil(lambda: bool(opened))
    key, source = opened[0]
    assert key == "directory" and source.list_name == "Houston" and len(source.list_ids) == expected
    assert source.filtered and source.total == expected
    from talentdesk.ui.exports.kinds import ExportOptions, _request

    _kind, request = _request("directory", source, ExportOptions())
    assert request.member_ids == source.list_ids


def test_lists_model_passes_qtmodeltester(ctx: AppContext, qtmodeltester: Any) -> None:
    with ctx.db.session() as s:
        saved_lists.save_search(s, "Todos", MemberQuery())
        saved_lists.save_fixed(s, "Tres", [1, 2, 3])
    model = SavedListsModel()
    with ctx.db.reader() as s:
        model.set_rows(saved_lists.lists(s))
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "Fixed list: 3 chosen member(s)"
    assert (
        model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
        == "Saved search, run again when opened: All members"
    )
