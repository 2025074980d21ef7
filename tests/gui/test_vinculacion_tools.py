"""Vinculación beyond the lists: the window's actions follow the tab shown, and "Accepted into the
program" says why it cannot run."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.programs import CandidateStage, Need, NeedCandidate
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.vinculacion.area import VinculacionArea
from tests.gui.helpers import TIMEOUT, read, wait_area

pytestmark = pytest.mark.gui


def test_switching_tabs_inside_vinculacion_updates_the_window_actions(
    window: MainWindow, qtbot: QtBot
) -> None:
    area = next(a for a in window.areas if isinstance(a, VinculacionArea))
    window.nav.setCurrentRow(window.areas.index(area))
    wait_area(qtbot, area.programs)
    assert window.act_new.isEnabled() and window.act_delete.isEnabled()
    area.tabs.setCurrentWidget(area.talent)  # no list: nothing to create, open or delete
    assert not window.act_new.isEnabled()
    assert not window.act_delete.isEnabled() and not window.act_open.isEnabled()
    area.tabs.setCurrentWidget(area.needs)
    assert window.act_new.isEnabled() and window.act_delete.isEnabled()


def _need(ctx: AppContext, with_program: bool) -> Any:
    def query(s: Any) -> Any:
        clause = Need.program_id.is_not(None) if with_program else Need.program_id.is_(None)
        return s.scalar(
            select(Need.id)
            .join(NeedCandidate, NeedCandidate.need_id == Need.id)
            .where(clause, NeedCandidate.stage == CandidateStage.ACCEPTED)
            .limit(1)
        )

    return read(ctx, query)


def test_accepted_into_the_program_says_why_it_is_disabled(
    qtbot: QtBot, ctx: AppContext, errors: list[str]
) -> None:
    area = VinculacionArea(ctx)
    qtbot.addWidget(area)
    area.show()
    area.tabs.setCurrentWidget(area.needs)
    needs = area.needs
    wait_area(qtbot, needs)
    without, with_program = _need(ctx, False), _need(ctx, True)
    if without is None:  # the demo has none: make one
        with ctx.db.session() as s:
            need = s.get(Need, with_program)
            assert need is not None
            need.program_id = None
            s.commit()
        without = with_program
        needs.reload()
        wait_area(qtbot, needs)
    row = needs.model.row_of(without)
    assert row is not None
    needs.table.selectRow(row)
    qtbot.waitUntil(
        lambda: needs.detail_data is not None and needs.detail_data.row.id == without, timeout=TIMEOUT
    )
    button = needs.accept_button
    assert not button.isEnabled()
    assert "program" in button.toolTip().lower() and "edit" in button.toolTip().lower()
    assert errors == []

