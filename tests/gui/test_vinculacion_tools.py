"""Vinculación beyond the lists: the window's actions follow the tab shown, and "Accepted into the
program" says why it cannot run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from talentdesk.core.programs import CandidateStage, Need, NeedCandidate
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.vinculacion.area import VinculacionArea
from tests.gui.helpers import TIMEOUT, click, export_dialog, export_to, read, type_text, wait_area

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


def _rows(path: Path) -> list[list[Any]]:
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


def test_exports_of_a_programme_a_need_and_the_talent_search(
    qtbot: QtBot, ctx: AppContext, errors: list[str], tmp_path: Path
) -> None:
    area = VinculacionArea(ctx)
    qtbot.addWidget(area)
    area.resize(1100, 760)
    area.show()
    area.activated()
    programs = area.programs
    wait_area(qtbot, programs)
    qtbot.waitUntil(lambda: programs.detail_data is not None, timeout=TIMEOUT)
    row = programs.current_row()
    assert row is not None and programs.export_people_button.isEnabled()
    click(qtbot, programs, "program-export-people")
    dialog = export_dialog(programs)
    assert row.title in dialog.scope_label.text() and dialog.path.text().endswith(f" - {row.title}.xlsx")
    export_to(qtbot, dialog, tmp_path / "personas.xlsx")
    dialog.close()
    rows = _rows(tmp_path / "personas.xlsx")
    detail = programs.detail_data
    assert detail is not None
    assert sorted(r[1] for r in rows[1:]) == sorted(p.name for p in detail.people)

    area.tabs.setCurrentWidget(area.needs)
    needs = area.needs
    wait_area(qtbot, needs)
    qtbot.waitUntil(lambda: needs.detail_data is not None, timeout=TIMEOUT)
    click(qtbot, needs, "need-export-candidates")
    dialog = export_dialog(needs)
    dialog.form.external.setChecked(True)
    assert "(copia externa)" in dialog.path.text()
    export_to(qtbot, dialog, tmp_path / "candidatos.xlsx")
    dialog.close()
    rows = _rows(tmp_path / "candidatos.xlsx")
    assert rows[0][0] == "Etapa" and "Notas" not in rows[0]
    assert needs.detail_data is not None and len(rows) - 1 <= len(needs.detail_data.candidates)

    area.tabs.setCurrentWidget(area.talent)
    talent = area.talent
    assert not talent.export_button.isEnabled()
    type_text(talent.keywords, "robótica")
    click(qtbot, talent, "talent-search")
    qtbot.waitUntil(lambda: talent.model.rowCount() > 0, timeout=TIMEOUT)
    click(qtbot, talent, "talent-export")
    dialog = export_dialog(talent)
    export_to(qtbot, dialog, tmp_path / "talento.xlsx")
    dialog.close()
    rows = _rows(tmp_path / "talento.xlsx")
    assert [r[2] for r in rows[1:]] == [item.name for item in talent.model.rows]
    assert errors == []


def test_invite_the_chosen_to_a_jornada_reports_who_was_there_and_undoes(
    qtbot: QtBot, ctx: AppContext, errors: list[str]
) -> None:
    from talentdesk.core.events import Event, Participant

    area = VinculacionArea(ctx)
    qtbot.addWidget(area)
    area.resize(1100, 760)
    area.show()
    area.tabs.setCurrentWidget(area.talent)
    talent = area.talent
    qtbot.waitUntil(lambda: talent.target_event.count() > 1, timeout=TIMEOUT)
    type_text(talent.keywords, "robótica")
    click(qtbot, talent, "talent-search")
    qtbot.waitUntil(lambda: talent.model.rowCount() >= 2, timeout=TIMEOUT)
    event_id = talent.target_event.itemData(1)
    name = read(ctx, lambda s: s.scalar(select(Event.name).where(Event.id == event_id)))
    there = set(
        read(
            ctx,
            lambda s: s.scalars(select(Participant.member_id).where(Participant.event_id == event_id)).all(),
        )
    )
    fresh = [i for i, item in enumerate(talent.model.rows) if item.member_id not in there][:2]
    assert len(fresh) == 2
    talent.table.clearSelection()
    for row in fresh:
        talent.table.selectionModel().select(
            talent.model.index(row, 0),
            talent.table.selectionModel().SelectionFlag.Select
            | talent.table.selectionModel().SelectionFlag.Rows,
        )
    assert not talent.to_event.isEnabled()  # no Jornada chosen yet
    talent.target_event.setCurrentIndex(1)
    assert talent.to_event.isEnabled()
    chosen = {talent.model.rows[r].member_id for r in fresh}

    def invited() -> set[int]:
        return (
            set(
                read(
                    ctx,
                    lambda s: s.scalars(
                        select(Participant.member_id).where(Participant.event_id == event_id)
                    ).all(),
                )
            )
            & chosen
        )

    click(qtbot, talent, "talent-to-event")
    qtbot.waitUntil(lambda: invited() == chosen, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: name in talent.summary.text(), timeout=TIMEOUT)
    assert talent.summary.text().startswith("2 members invited")
    click(qtbot, talent, "talent-to-event")  # again: both are there already, nothing is added
    qtbot.waitUntil(lambda: "Nobody was invited" in talent.summary.text(), timeout=TIMEOUT)
    assert "2 were already in the event" in talent.summary.text()
    ctx.undo.undo()
    qtbot.waitUntil(lambda: invited() == set(), timeout=TIMEOUT)
    assert errors == []
