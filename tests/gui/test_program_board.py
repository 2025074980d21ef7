"""The programmes' board by status (issue 14): one column per status with its cards; a card moves
by keyboard (Ctrl+Right), by the "Move to" buttons or by dragging, each time through the audited
status change, undone with Ctrl+Z; moves the status rules refuse are not offered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.programs import Program, ProgramStatus, ProgramStatusChange
from talentdesk.ui.context import AppContext
from talentdesk.ui.vinculacion.board import ORDER
from talentdesk.ui.vinculacion.programs import ProgramsList
from tests.gui.helpers import TIMEOUT, read, wait_area

pytestmark = pytest.mark.gui


@pytest.fixture()
def programs(qtbot: QtBot, ctx: AppContext, errors: list[str]) -> Iterator[ProgramsList]:
    area = ProgramsList(ctx)
    qtbot.addWidget(area)
    area.resize(1100, 760)
    area.show()
    area.activated()
    wait_area(qtbot, area)
    area.as_board.click()
    yield area
    assert errors == []


def status_of(ctx: AppContext, program_id: int) -> ProgramStatus:
    return read(ctx, lambda s: s.scalar(select(Program.status).where(Program.id == program_id)))


def test_the_board_shows_every_programme_in_its_status_column(
    programs: ProgramsList, ctx: AppContext, qtmodeltester: Any
) -> None:
    board = programs.board
    assert board.isVisible() and not programs.table.isVisible() and not programs.status.isEnabled()
    counts = {
        status: read(ctx, lambda s, st=status: len(s.scalars(select(Program.id).where(Program.status == st)).all()))
        for status in ORDER
    }
    for status in ORDER:
        model = board.models[status]
        qtmodeltester.check(model)
        assert model.rowCount() == counts[status]
        assert {r.status for r in model.rows} <= {status}
        assert board.headers[status].text() == f"{status.label} ({counts[status]})"
    programs.as_list.click()
    assert programs.table.isVisible() and not board.isVisible() and programs.status.isEnabled()


def test_ctrl_right_moves_a_card_and_undo_moves_it_back(
    programs: ProgramsList, ctx: AppContext, qtbot: QtBot
) -> None:
    board = programs.board
    proposed = board.models[ProgramStatus.PROPOSED]
    assert proposed.rowCount() > 0
    card = proposed.rows[0]
    board.select(card.id)
    board.views[ProgramStatus.PROPOSED].setCurrentIndex(proposed.index(0, 0))
    qtbot.waitUntil(lambda: programs.current_row() is not None and programs.current_row().id == card.id, timeout=TIMEOUT)
    assert board.move_buttons[ProgramStatus.IN_PROGRESS].isEnabled()
    assert not board.move_buttons[ProgramStatus.CONCLUDED].isEnabled()  # not straight from proposed
    board.views[ProgramStatus.PROPOSED].setFocus()
    QTest.keyClick(board.views[ProgramStatus.PROPOSED], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.IN_PROGRESS, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: any(r.id == card.id for r in board.models[ProgramStatus.IN_PROGRESS].rows), timeout=TIMEOUT
    )
    history = read(
        ctx,
        lambda s: s.scalars(
            select(ProgramStatusChange.status).where(ProgramStatusChange.program_id == card.id)
        ).all(),
    )
    assert history[-1] == ProgramStatus.IN_PROGRESS
    assert board.current() is not None and board.current().id == card.id  # still chosen, in its new column
    ctx.undo.undo()
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.PROPOSED, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(r.id == card.id for r in proposed.rows), timeout=TIMEOUT)


def test_a_drop_changes_the_status_only_where_allowed(
    programs: ProgramsList, ctx: AppContext, qtbot: QtBot
) -> None:
    board = programs.board
    concluded = board.models[ProgramStatus.CONCLUDED]
    card = concluded.rows[0]
    data = concluded.mimeData([concluded.index(0, 0)])
    action = Qt.DropAction.MoveAction
    proposed, in_progress = board.models[ProgramStatus.PROPOSED], board.models[ProgramStatus.IN_PROGRESS]
    assert not proposed.canDropMimeData(data, action, -1, -1, proposed.index(-1, -1))
    assert not proposed.dropMimeData(data, action, -1, -1, proposed.index(-1, -1))
    assert in_progress.canDropMimeData(data, action, -1, -1, in_progress.index(-1, -1))
    in_progress.dropMimeData(data, action, -1, -1, in_progress.index(-1, -1))
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.IN_PROGRESS, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(r.id == card.id for r in in_progress.rows), timeout=TIMEOUT)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.CONCLUDED, timeout=TIMEOUT)


def test_the_move_buttons_and_enter_open_the_form(programs: ProgramsList, ctx: AppContext, qtbot: QtBot) -> None:
    board = programs.board
    cancelled = board.models[ProgramStatus.CANCELLED]
    assert cancelled.rowCount() > 0
    card = cancelled.rows[0]
    view = board.views[ProgramStatus.CANCELLED]
    view.setCurrentIndex(cancelled.index(0, 0))
    qtbot.waitUntil(lambda: programs.current_row() is not None and programs.current_row().id == card.id, timeout=TIMEOUT)
    enabled = {s for s, b in board.move_buttons.items() if b.isEnabled()}
    assert enabled == {ProgramStatus.PROPOSED}
    board.move_buttons[ProgramStatus.PROPOSED].click()
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.PROPOSED, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(r.id == card.id for r in board.models[ProgramStatus.PROPOSED].rows), timeout=TIMEOUT)
    ctx.undo.undo()
    qtbot.waitUntil(lambda: status_of(ctx, card.id) == ProgramStatus.CANCELLED, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(r.id == card.id for r in cancelled.rows), timeout=TIMEOUT)
    board.select(card.id)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: programs.dialog is not None and programs.dialog.isVisible(), timeout=TIMEOUT)
    assert programs.dialog.windowTitle().endswith(f"“{card.title}”")
    programs.dialog.reject()
