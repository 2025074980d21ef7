"""The main window: areas, counts in the status bar, shortcuts routed to the current area."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_areas_and_counts(window: MainWindow, qtbot: QtBot) -> None:
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [a.title() for a in window.areas]
    assert [a.objectName() for a in window.areas] == [
        "dashboard-area",
        "members-area",
        "chapters-area",
        "sectors-area",
        "organizations-area",
        "events-area",
        "vinculacion-area",
    ]
    assert window.current_area() is window.areas[0]  # a fresh start opens the Tablero
    qtbot.waitUntil(lambda: "300" in window.count_label.text(), timeout=5000)
    assert "21" in window.count_label.text()
    assert window.ctx.db.display_name in window.db_label.text()


def test_switching_areas_enables_what_the_area_supports(window: MainWindow) -> None:
    window.nav.setCurrentRow(1)  # the members
    assert window.act_new.isEnabled() and window.act_search.isEnabled()
    window.nav.setCurrentRow(0)  # the Tablero: nothing to create or delete
    assert not window.act_new.isEnabled() and not window.act_delete.isEnabled()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.areas[row]
        assert window.act_delete.isEnabled() == window.areas[row].supports("delete")


def test_layout_is_remembered(qtbot: QtBot, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    default_height = first.height()
    first.resize(first.width(), 520)  # the offscreen screen is 800×600: change the height only
    assert first.height() == 520 != default_height
    first.nav.setCurrentRow(2)
    first.close()
    assert ctx.settings.get(S.CURRENT_AREA) == "chapters-area"
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert second.nav.currentRow() == 2
    assert second.size().height() == 520


def test_an_area_saved_by_index_before_the_tablero_came_first_is_still_found(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.settings.store.setValue("window/area", 4)  # the events, in the old order
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.current_area() is window._area_named("events-area")
    ctx.settings.store.setValue("window/area-name", "no-such-area")
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_area() is again._area_named("dashboard-area")
