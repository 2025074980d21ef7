"""Issue 12 item 8: a "Columns…" dialog (tick, order, restore defaults) from the Actions menu of
the members area and the record areas, besides the header's own menu; kept like the header."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QTableView
from pytestqt.qtbot import QtBot

from talentdesk.ui.chapters import ChaptersArea
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.widgets.columns import ColumnsDialog
from talentdesk.ui.widgets.tables import column_menu
from tests.gui.helpers import click, show_area, visible_dialog


def titles(table: QTableView, *, shown_only: bool = True) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    return [
        str(model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal))
        for v in range(header.count())
        if not (shown_only and header.isSectionHidden(header.logicalIndex(v)))
    ]


def tick(dialog: ColumnsDialog, title: str, on: bool) -> None:
    items = dialog.list.findItems(title, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, title
    items[0].setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def select(dialog: ColumnsDialog, title: str) -> None:
    dialog.list.setCurrentItem(dialog.list.findItems(title, Qt.MatchFlag.MatchExactly)[0])


def test_members_columns_from_the_actions_menu(qtbot: QtBot, members: MembersArea, ctx: AppContext) -> None:
    assert members.act_columns in members.actions_menu.actions()
    members.act_columns.trigger()
    dialog = visible_dialog(members.window(), ColumnsDialog)
    assert [dialog.list.item(r).text() for r in range(dialog.list.count())] == titles(
        members.table, shown_only=False
    )
    tick(dialog, "E-mail", False)
    tick(dialog, "Phone", True)  # hidden by default
    select(dialog, "City")
    while dialog.up.isEnabled():
        click(qtbot, dialog, "columns-up")
    dialog.accept()
    shown = titles(members.table)
    assert shown[0] == "City"
    assert "E-mail" not in shown and "Phone" in shown

    members.save_state()  # as the window does when it closes: the next area comes back so
    again = MembersArea(ctx)
    qtbot.addWidget(again)
    assert titles(again.table) == shown

    again.act_columns.trigger()
    dialog = visible_dialog(again.window(), ColumnsDialog)
    click(qtbot, dialog, "columns-reset")
    dialog.accept()
    model = again.model
    default = [
        str(model.headerData(i, Qt.Orientation.Horizontal)) for i, c in enumerate(model.columns) if c.visible
    ]
    assert titles(again.table) == default


def test_a_table_keeps_one_column_at_least(qtbot: QtBot, members: MembersArea) -> None:
    members.act_columns.trigger()
    dialog = visible_dialog(members.window(), ColumnsDialog)
    for row in range(dialog.list.count()):
        dialog.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.ok.isEnabled()
    dialog.reject()


def test_record_area_columns_from_its_actions_and_the_header(qtbot: QtBot, ctx: AppContext) -> None:
    area = show_area(qtbot, ChaptersArea(ctx))
    table = area.table
    action = table.findChild(QAction, f"{table.objectName()}-columns")
    assert action is not None and action in table.actions()  # the table's context menu
    menu = column_menu(table)
    assert menu.actions()[-1].text() == "&Columns…"
    before = titles(table)
    action.trigger()
    dialog = visible_dialog(table.window(), ColumnsDialog)
    assert isinstance(dialog.list, QListWidget)
    tick(dialog, before[1], False)
    select(dialog, before[-1])
    click(qtbot, dialog, "columns-up")
    dialog.accept()
    after = titles(table)
    assert before[1] not in after
    assert after[-1] == before[-2] and after[-2] == before[-1]
