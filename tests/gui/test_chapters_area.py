"""The chapters area: list and details, the chapter and board forms, deletes and undo."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.core.enums import BoardRole, ChapterStatus
from talentdesk.core.jobs import Job
from talentdesk.core.models import BoardPosition, Chapter, Member
from talentdesk.ops import Op
from talentdesk.ui.chapters import BoardPositionDialog, ChapterDialog, ChaptersArea
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.widgets.member_picker import find_members
from tests.gui.helpers import NO, YES, answer, click, error_of, field, read, show_area, type_text

pytestmark = pytest.mark.gui


@pytest.fixture()
def area(qtbot: QtBot, ctx: AppContext) -> ChaptersArea:
    widget: ChaptersArea = show_area(qtbot, ChaptersArea(ctx), rows=21)
    return widget


def chapter_values(ctx: AppContext, name: str) -> dict[str, Any] | None:
    def query(session: Session) -> dict[str, Any] | None:
        chapter = session.scalar(select(Chapter).where(Chapter.name == name))
        if chapter is None:
            return None
        return {
            "id": chapter.id,
            "city": chapter.city,
            "country": chapter.country,
            "status": chapter.status,
            "contact_email": chapter.contact_email,
            "founded_on": chapter.founded_on,
            "board": len(chapter.board),
            "members": session.scalar(
                select(func.count()).select_from(Member).where(Member.chapter_id == chapter.id)
            ),
        }

    result: dict[str, Any] | None = read(ctx, query)
    return result


def select_chapter(area: ChaptersArea, name: str) -> None:
    row = next(i for i, r in enumerate(area.model.rows) if r.name == name)
    area.table.selectRow(row)
    current = area.current_row()
    assert current is not None and current.name == name


# -- models and display -------------------------------------------------------------------------


def test_models_pass_the_model_tester(area: ChaptersArea, qtbot: QtBot, qtmodeltester: Any) -> None:
    qtmodeltester.check(area.model)
    select_chapter(area, "Boston")
    assert area.board.model.rowCount() == 4
    qtmodeltester.check(area.board.model)
    area.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # members
    counts = [r.members for r in area.model.rows]
    assert counts == sorted(counts, reverse=True)
    qtmodeltester.check(area.model)

    area.add_position()
    dialog = area.dialog
    assert isinstance(dialog, BoardPositionDialog)
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 0, timeout=5000)
    qtmodeltester.check(dialog.picker.model)


def test_list_and_details_show_members_status_and_board(area: ChaptersArea, ctx: AppContext) -> None:
    expected = chapter_values(ctx, "Boston")
    assert expected is not None
    select_chapter(area, "Boston")
    row = area.model.row_of(expected["id"])
    assert row is not None
    assert area.model.index(row, 3).data() == str(expected["members"])
    assert area.model.index(row, 2).data() == expected["status"].label
    president = read(
        ctx,
        lambda s: (
            s.scalar(
                select(Member)
                .join(BoardPosition, BoardPosition.member_id == Member.id)
                .where(BoardPosition.chapter_id == expected["id"], BoardPosition.role == BoardRole.PRESIDENT)
            ).full_name
        ),
    )
    assert area.model.index(row, 4).data() == president
    detail = area.findChild(QLabel, "chapter-title")
    assert detail.text() == "Boston"
    assert area.findChild(QLabel, "chapter-members").text() == f"{expected['members']} member(s)"
    roles = [area.board.model.index(i, 0).data() for i in range(area.board.model.rowCount())]
    assert roles[0] == BoardRole.PRESIDENT.label
    assert area.board.model.index(0, 1).data() == president
    assert area.board.model.index(0, 2).data() == "01/01/2025"
    assert area.board.model.index(0, 3).data() == "31/12/2026"


def test_filter_narrows_the_list(area: ChaptersArea, qtbot: QtBot) -> None:
    area.focus_search()
    qtbot.keyClicks(area.search, "canada")
    assert sorted(r.name for r in area.model.rows) == ["Montreal", "Toronto", "Vancouver"]
    assert area.count_label.text() == "3 of 21 chapter(s)"
    area.search.clear()
    assert area.model.rowCount() == 21


# -- creating and editing ----------------------------------------------------------------------


def test_create_shows_errors_at_the_field_then_saves(
    area: ChaptersArea, ctx: AppContext, qtbot: QtBot
) -> None:
    area.new_item()
    dialog = area.dialog
    assert isinstance(dialog, ChapterDialog) and dialog.isVisible()
    type_text(field(dialog, "name"), "Capítulo Lima")
    qtbot.keyClicks(field(dialog, "contact_email"), "no-es-correo")
    qtbot.keyClicks(field(dialog, "founded_on"), "15/03/2020")
    field(dialog, "country").set_code("PE")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: bool(error_of(dialog, "contact_email")), timeout=5000)
    assert "is not a valid e-mail address" in error_of(dialog, "contact_email")
    assert error_of(dialog, "name") == ""
    assert dialog.isVisible()
    assert chapter_values(ctx, "Capítulo Lima") is None

    email: QLineEdit = field(dialog, "contact_email")
    email.clear()
    qtbot.keyClicks(email, "Lima@Example.org")
    qtbot.keyClick(email, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = chapter_values(ctx, "Capítulo Lima")
    assert saved is not None
    assert saved["contact_email"] == "lima@example.org"
    assert saved["founded_on"] == date(2020, 3, 15)
    assert saved["country"] == "PE"
    qtbot.waitUntil(lambda: area.model.rowCount() == 22, timeout=5000)
    current = area.current_row()
    assert current is not None and current.name == "Capítulo Lima"

    ctx.undo.undo()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Capítulo Lima") is None, timeout=5000)
    qtbot.waitUntil(lambda: area.model.rowCount() == 21, timeout=5000)
    ctx.undo.redo()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Capítulo Lima") is not None, timeout=5000)
    assert chapter_values(ctx, "Capítulo Lima") == saved


def test_duplicate_name_is_shown_at_the_name(area: ChaptersArea, ctx: AppContext, qtbot: QtBot) -> None:
    area.new_item()
    dialog = area.dialog
    assert dialog is not None
    type_text(field(dialog, "name"), "los ángeles")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: bool(error_of(dialog, "name")), timeout=5000)
    assert "already exists" in error_of(dialog, "name")
    assert read(ctx, lambda s: s.scalar(select(func.count()).select_from(Chapter))) == 21


def test_edit_then_undo_restores_previous_values(area: ChaptersArea, ctx: AppContext, qtbot: QtBot) -> None:
    before = chapter_values(ctx, "Madrid")
    assert before is not None and before["status"] is ChapterStatus.FORMING
    select_chapter(area, "Madrid")
    area.open_current()
    dialog = area.dialog
    assert isinstance(dialog, ChapterDialog)
    city: QLineEdit = field(dialog, "city")
    city.selectAll()
    type_text(city, "Alcalá de Henares")
    field(dialog, "status").set_value(ChapterStatus.FORMALIZED)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    after = chapter_values(ctx, "Madrid")
    assert after is not None
    assert (after["city"], after["status"]) == ("Alcalá de Henares", ChapterStatus.FORMALIZED)
    qtbot.waitUntil(lambda: area.findChild(QLabel, "chapter-status").text() == "Formalised", timeout=5000)

    ctx.undo.undo()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Madrid") == before, timeout=5000)
    qtbot.waitUntil(lambda: area.findChild(QLabel, "chapter-status").text() == "Forming", timeout=5000)


def test_unsaved_edits_ask_before_closing(
    area: ChaptersArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    select_chapter(area, "Dallas")
    area.open_current()
    dialog = area.dialog
    assert dialog is not None
    asked = answer(monkeypatch, NO)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing edited: closes without asking
    assert not dialog.isVisible() and asked == []

    area.open_current()
    dialog = area.dialog
    assert dialog is not None
    qtbot.keyClicks(field(dialog, "city"), " Fort Worth")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible()
    assert not area.confirm_close()
    answer(monkeypatch, YES)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    values = chapter_values(ctx, "Dallas")
    assert values is not None and values["city"] == "Dallas"


# -- board --------------------------------------------------------------------------------------


def test_add_board_position(area: ChaptersArea, ctx: AppContext, qtbot: QtBot) -> None:
    select_chapter(area, "Dallas")
    before = chapter_values(ctx, "Dallas")
    assert before is not None
    click(qtbot, area, "board-add")
    dialog = area.dialog
    assert isinstance(dialog, BoardPositionDialog)
    click(qtbot, dialog, "save")  # no member chosen yet
    assert "Choose a member" in error_of(dialog, "member")

    picker = dialog.picker
    qtbot.waitUntil(lambda: not picker.loading, timeout=5000)
    qtbot.keyClicks(picker.search, "garcia")
    qtbot.waitUntil(lambda: picker.searched == "garcia" and not picker.loading, timeout=5000)
    _total, hits = read(ctx, lambda s: find_members(s, "garcia"))
    assert 0 < len(hits) < 300
    assert picker.model.rows == hits
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # into the results, first row chosen
    member_id = picker.selected_id()
    assert member_id is not None
    field(dialog, "role").set_value(BoardRole.MEMBER)
    qtbot.keyClicks(field(dialog, "term_start"), "01/01/2026")
    qtbot.keyClicks(field(dialog, "term_end"), "2025-12-31")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: bool(error_of(dialog, "term_end")), timeout=5000)
    assert "ends before it starts" in error_of(dialog, "term_end")

    field(dialog, "term_end").clear()
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    after = chapter_values(ctx, "Dallas")
    assert after is not None and after["board"] == before["board"] + 1
    qtbot.waitUntil(lambda: area.board.model.rowCount() == before["board"] + 1, timeout=5000)
    vocal = [r for r in area.board.model.rows if r.role is BoardRole.MEMBER]
    assert [(r.member_id, r.term_start, r.term_end) for r in vocal] == [(member_id, date(2026, 1, 1), None)]


def test_second_president_is_refused(area: ChaptersArea, ctx: AppContext, qtbot: QtBot) -> None:
    select_chapter(area, "Chicago")
    area.add_position()
    dialog = area.dialog
    assert isinstance(dialog, BoardPositionDialog)
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 0, timeout=5000)
    dialog.picker.select_first()
    field(dialog, "role").set_value(BoardRole.PRESIDENT)
    click(qtbot, dialog, "save")
    error = dialog.findChild(QLabel, "form-message")
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=5000)
    assert "already has a president" in error.text()
    assert dialog.isVisible()


def test_remove_board_position_asks_and_undo_restores(
    area: ChaptersArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    select_chapter(area, "Houston")
    area.board.table.selectRow(1)
    position = area.board.current()
    assert position is not None
    asked = answer(monkeypatch, NO)
    click(qtbot, area, "board-remove")
    assert len(asked) == 1 and position.member_name in asked[0]
    answer(monkeypatch, YES)
    click(qtbot, area, "board-remove")
    qtbot.waitUntil(lambda: area.board.model.row_of(position.id) is None, timeout=5000)
    assert read(ctx, lambda s: s.get(BoardPosition, position.id)) is None
    ctx.undo.undo()
    qtbot.waitUntil(lambda: area.board.model.row_of(position.id) is not None, timeout=5000)
    restored = area.board.model.rows[area.board.model.row_of(position.id)]
    assert restored == position


# -- deleting -----------------------------------------------------------------------------------


def test_delete_asks_and_undo_restores_chapter_members_and_board(
    area: ChaptersArea, ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = chapter_values(ctx, "Boston")
    assert before is not None and before["members"] > 0 and before["board"] == 4
    select_chapter(area, "Boston")
    asked = answer(monkeypatch, NO)
    area.delete_selected()
    assert len(asked) == 1 and "Boston" in asked[0]
    assert chapter_values(ctx, "Boston") == before

    answer(monkeypatch, YES)
    area.delete_selected()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Boston") is None, timeout=5000)
    qtbot.waitUntil(lambda: area.model.rowCount() == 20, timeout=5000)
    assert read(ctx, lambda s: s.scalar(select(func.count()).where(Member.chapter_id == before["id"]))) == 0

    ctx.undo.undo()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Boston") == before, timeout=5000)
    qtbot.waitUntil(lambda: area.model.rowCount() == 21, timeout=5000)
    ctx.undo.redo()
    qtbot.waitUntil(lambda: chapter_values(ctx, "Boston") is None, timeout=5000)


# -- refreshing and the window ------------------------------------------------------------------


def test_refreshes_only_for_changes_it_shows(area: ChaptersArea, ctx: AppContext, qtbot: QtBot) -> None:
    reloads: list[int] = []
    original = area.reload

    def counting() -> None:
        reloads.append(1)
        original()

    area.reload = counting  # type: ignore[method-assign]
    ctx.notify(Changes(organizations=True))
    assert reloads == []
    boston = chapter_values(ctx, "Boston")
    assert boston is not None

    def move_member(session: Session, _job: Job) -> None:
        member = session.scalars(select(Member).where(Member.chapter_id.is_(None))).first()
        assert member is not None
        member.chapter_id = boston["id"]

    ctx.perform(Op("move", move_member))
    qtbot.waitUntil(lambda: reloads == [1] and not area.loading, timeout=5000)
    row = area.model.row_of(boston["id"])
    assert row is not None and area.model.rows[row].members == boston["members"] + 1


def test_window_routes_new_and_delete_to_chapters(window: MainWindow, qtbot: QtBot) -> None:
    index = next(i for i, a in enumerate(window.areas) if isinstance(a, ChaptersArea))
    chapters = window.areas[index]
    assert isinstance(chapters, ChaptersArea)
    window.nav.setCurrentRow(index)
    qtbot.waitUntil(lambda: chapters.model.rowCount() == 21, timeout=5000)
    assert window.act_delete.isEnabled() and window.act_open.isEnabled()
    window.act_new.trigger()
    dialog = chapters.dialog
    assert isinstance(dialog, ChapterDialog) and dialog.isVisible() and dialog.row is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_new_chapter_hidden_by_the_filter_is_shown_and_selected_once_saved(
    area: ChaptersArea, qtbot: QtBot
) -> None:
    """The filter let go for it, but the table used to select the first chapter instead."""
    type_text(area.search, "canada")
    area.new_item()
    dialog = area.dialog
    assert dialog is not None
    type_text(field(dialog, "name"), "Capítulo Lima")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: area.model.rowCount() == 22 and not area.loading, timeout=5000)
    current = area.current_row()
    assert current is not None and current.name == "Capítulo Lima"
