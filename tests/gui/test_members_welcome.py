"""Issue 12 item 9: on an empty database the members area says where to start (import, a new
member, demo data) instead of showing an empty table; with members, the table as always."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk.core.events import Event
from talentdesk.core.models import Member
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.members.form import MemberDialog
from tests.gui.helpers import NO, TIMEOUT, YES, answer, click, find, read, type_text, wait_members


def shown_area(qtbot: QtBot, ctx: AppContext) -> MembersArea:
    area = MembersArea(ctx)
    qtbot.addWidget(area)
    area.resize(1000, 650)
    area.show()
    area.activated()
    wait_members(qtbot, area)
    return area


def test_an_empty_database_welcomes_with_three_ways_to_start(
    qtbot: QtBot, empty_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    area = shown_area(qtbot, empty_ctx)
    assert area.welcome.isVisible()
    assert not area.table.isVisible()
    buttons = [
        find(area.welcome, name, QPushButton) for name in ("welcome-import", "welcome-new", "welcome-demo")
    ]
    assert [b.text() for b in buttons] == ["&Import members…", "&New member", "Load &demo data"]
    asked = answer(monkeypatch, NO)
    click(qtbot, area.welcome, "welcome-demo")
    assert "cannot be undone" in asked[0]
    assert read(empty_ctx, lambda s: s.scalar(select(func.count()).select_from(Member))) == 0

    asked = answer(monkeypatch, YES)
    click(qtbot, area.welcome, "welcome-demo")
    qtbot.waitUntil(lambda: not area.welcome.isVisible() and area.model.total == 300, timeout=TIMEOUT * 3)
    assert area.table.isVisible()
    assert read(empty_ctx, lambda s: s.scalar(select(func.count()).select_from(Event))) >= 1
    assert not empty_ctx.undo.can_undo()  # as the question said


def test_new_member_from_the_welcome(qtbot: QtBot, empty_ctx: AppContext) -> None:
    area = shown_area(qtbot, empty_ctx)
    click(qtbot, area.welcome, "welcome-new")
    dialogs = [d for d in area.findChildren(MemberDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].baseline = dialogs[0].values()
    dialogs[0].done(0)


def test_members_or_a_search_that_finds_none_show_the_table(qtbot: QtBot, ctx: AppContext) -> None:
    area = shown_area(qtbot, ctx)
    assert not area.welcome.isVisible()
    assert area.table.isVisible()
    area.search.setFocus()
    type_text(area.search, "zzzqqq")
    qtbot.waitUntil(lambda: area.last_total == 0 and not area.is_loading(), timeout=TIMEOUT)
    assert not area.welcome.isVisible()
