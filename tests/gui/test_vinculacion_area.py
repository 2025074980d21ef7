"""The Vinculación area driven as a person would: programmes filtered, created, given an outcome
and a new status; a need's candidates moved along the pipeline; "Buscar talento" from a need and
typed criteria, its chosen members added to a need — every write undone with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk.core.programs import (
    CandidateStage,
    Need,
    NeedCandidate,
    Program,
    ProgramOutcome,
    ProgramStatus,
)
from talentdesk.services import needs as need_service
from talentdesk.ui.context import AppContext
from talentdesk.ui.vinculacion.area import VinculacionArea
from talentdesk.ui.vinculacion.programs import OutcomeDialog, ProgramDialog
from tests.gui.helpers import TIMEOUT, click, field, read, type_text, wait_area

pytestmark = pytest.mark.gui


@pytest.fixture()
def area(qtbot: QtBot, ctx: AppContext, errors: list[str]) -> Iterator[VinculacionArea]:
    """The area, loaded; no error box may show up (they are recorded, not shown)."""
    widget = VinculacionArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.activated()
    wait_area(qtbot, widget.programs)
    yield widget
    assert errors == []


def scalar(ctx: AppContext, stmt: Any) -> Any:
    return read(ctx, lambda s: s.scalar(stmt))


def wait_detail(qtbot: QtBot, lst: Any) -> None:
    qtbot.waitUntil(
        lambda: lst.detail_data is not None and lst.detail_data.row.id == lst.current_row().id,
        timeout=TIMEOUT,
    )


def wait_write(qtbot: QtBot, ctx: AppContext, check: Any) -> None:
    qtbot.waitUntil(lambda: bool(check()), timeout=TIMEOUT)


def test_every_model_passes_the_model_tester(area: VinculacionArea, qtbot: QtBot, qtmodeltester: Any) -> None:
    programs = area.programs
    wait_detail(qtbot, programs)
    for model in (programs.model, programs.people.model, programs.outcomes.model, programs.history.model):
        qtmodeltester.check(model)
    area.tabs.setCurrentWidget(area.needs)
    wait_area(qtbot, area.needs)
    wait_detail(qtbot, area.needs)
    qtmodeltester.check(area.needs.model)
    qtmodeltester.check(area.needs.candidates.model)
    area.tabs.setCurrentWidget(area.talent)
    type_text(area.talent.keywords, "robótica")
    click(qtbot, area.talent, "talent-search")
    qtbot.waitUntil(lambda: area.talent.model.rowCount() > 0, timeout=TIMEOUT)
    qtmodeltester.check(area.talent.model)


def test_programmes_filter_by_status_and_show_their_parts(
    area: VinculacionArea, ctx: AppContext, qtbot: QtBot
) -> None:
    programs = area.programs
    total = scalar(ctx, select(func.count()).select_from(Program))
    assert programs.model.rowCount() == total and programs.count_label.text() == f"{total} program(s)"
    concluded = scalar(
        ctx, select(func.count()).select_from(Program).where(Program.status == ProgramStatus.CONCLUDED)
    )
    programs.status.setCurrentIndex(programs.status.findData(ProgramStatus.CONCLUDED.value))
    qtbot.waitUntil(lambda: programs.model.rowCount() == concluded and not programs.loading, timeout=TIMEOUT)
    assert {r.status for r in programs.model.rows} == {ProgramStatus.CONCLUDED}
    wait_detail(qtbot, programs)
    detail = programs.detail_data
    assert detail is not None
    assert [p.id for p in programs.people.model.rows] == [p.id for p in detail.people]
    assert programs.history.model.rowCount() == len(detail.history) >= 2  # proposed … concluded


def test_a_new_programme_then_an_outcome_and_a_status_change_all_undone(
    area: VinculacionArea, ctx: AppContext, qtbot: QtBot
) -> None:
    programs = area.programs
    before = programs.model.rowCount()
    programs.new_item()
    dialog = programs.dialog
    assert isinstance(dialog, ProgramDialog)
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: "Title: is required." in dialog.field_errors().get("title", ""), timeout=TIMEOUT)
    type_text(field(dialog, "title"), "Comité de evaluación de prueba")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: programs.model.rowCount() == before + 1 and not programs.loading, timeout=TIMEOUT)
    new_id = scalar(ctx, select(Program.id).where(Program.title == "Comité de evaluación de prueba"))
    qtbot.waitUntil(
        lambda: programs.current_row() is not None and programs.current_row().id == new_id, timeout=TIMEOUT
    )

    click(qtbot, programs, "program-add-outcome")
    outcome = programs.dialog
    assert isinstance(outcome, OutcomeDialog)
    type_text(field(outcome, "quantity"), "doce")
    click(qtbot, outcome, "save")
    qtbot.waitUntil(lambda: bool(outcome.field_errors().get("quantity")), timeout=TIMEOUT)
    field(outcome, "quantity").clear()
    type_text(field(outcome, "quantity"), "12")
    click(qtbot, outcome, "save")
    wait_write(
        qtbot,
        ctx,
        lambda: scalar(ctx, select(ProgramOutcome.quantity).where(ProgramOutcome.program_id == new_id)) == 12,
    )
    qtbot.waitUntil(lambda: programs.outcomes.model.rowCount() == 1, timeout=TIMEOUT)

    status = programs.next_status
    status.setCurrentIndex(status.findData(ProgramStatus.IN_PROGRESS.value))
    click(qtbot, programs, "program-change-status")
    wait_write(
        qtbot,
        ctx,
        lambda: scalar(ctx, select(Program.status).where(Program.id == new_id)) == ProgramStatus.IN_PROGRESS,
    )
    qtbot.waitUntil(lambda: programs.history.model.rowCount() == 2, timeout=TIMEOUT)

    for _step in range(3):
        qtbot.waitUntil(ctx.undo.can_undo, timeout=TIMEOUT)
        ctx.undo.undo()
    wait_write(
        qtbot,
        ctx,
        lambda: scalar(ctx, select(func.count()).select_from(Program).where(Program.id == new_id)) == 0,
    )
    qtbot.waitUntil(lambda: programs.model.rowCount() == before, timeout=TIMEOUT)


def test_candidates_move_along_the_pipeline_and_back(
    area: VinculacionArea, ctx: AppContext, qtbot: QtBot
) -> None:
    need_id = scalar(ctx, select(Need.id).order_by(Need.id.desc()))
    with ctx.db.session() as s:
        member_id = s.scalar(
            select(func.min(need_service.Member.id)).where(need_service.Member.no_contact.is_(False))
        )
        if (
            s.scalar(
                select(NeedCandidate.id).where(
                    NeedCandidate.need_id == need_id, NeedCandidate.member_id == member_id
                )
            )
            is None
        ):
            need_service.add_candidates(s, need_id, [member_id])
    area.tabs.setCurrentWidget(area.needs)
    needs = area.needs
    wait_area(qtbot, needs)
    needs.table.selectRow(needs.model.row_of(need_id))
    wait_detail(qtbot, needs)
    candidates = needs.candidates
    row = next(i for i, c in enumerate(candidates.model.rows) if c.member_id == member_id)
    candidate_id = candidates.model.rows[row].id
    stage_before = candidates.model.rows[row].stage
    candidates.table.selectRow(row)
    target = (
        CandidateStage.INTERESTED if stage_before != CandidateStage.INTERESTED else CandidateStage.ACCEPTED
    )
    click(qtbot, needs, f"candidate-{target.value}")
    wait_write(
        qtbot,
        ctx,
        lambda: scalar(ctx, select(NeedCandidate.stage).where(NeedCandidate.id == candidate_id)) == target,
    )
    qtbot.waitUntil(
        lambda: any(c.id == candidate_id and c.stage == target for c in candidates.model.rows),
        timeout=TIMEOUT,
    )
    ctx.undo.undo()
    wait_write(
        qtbot,
        ctx,
        lambda: (
            scalar(ctx, select(NeedCandidate.stage).where(NeedCandidate.id == candidate_id)) == stage_before
        ),
    )


def test_find_talent_for_a_need_then_add_the_chosen_as_candidates(
    area: VinculacionArea, ctx: AppContext, qtbot: QtBot
) -> None:
    area.tabs.setCurrentWidget(area.needs)
    needs = area.needs
    wait_area(qtbot, needs)
    need = needs.current_row()
    assert need is not None
    click(qtbot, needs, "need-find-talent")
    talent = area.talent
    assert area.tabs.currentWidget() is talent
    qtbot.waitUntil(lambda: talent.result is not None, timeout=TIMEOUT)
    assert talent.keywords.text() == (need.keywords or "")
    assert talent.target_need.currentData() == need.id
    assert talent.result is not None and talent.model.rowCount() == len(talent.result.items) > 0
    first = talent.model.rows[0]
    assert talent.model.data(talent.model.index(0, 2)) == first.why and first.why
    already = set(
        read(
            ctx,
            lambda s: s.scalars(
                select(NeedCandidate.member_id).where(NeedCandidate.need_id == need.id)
            ).all(),
        )
    )
    fresh = next(i for i, item in enumerate(talent.model.rows) if item.member_id not in already)
    talent.table.selectRow(fresh)
    chosen = talent.model.rows[fresh]
    click(qtbot, talent, "talent-to-need")
    stmt = select(NeedCandidate.reasons).where(
        NeedCandidate.need_id == need.id, NeedCandidate.member_id == chosen.member_id
    )
    wait_write(qtbot, ctx, lambda: scalar(ctx, stmt) is not None)
    assert scalar(ctx, stmt).endswith(chosen.why)
    qtbot.waitUntil(ctx.undo.can_undo, timeout=TIMEOUT)  # the step is pushed after the write is seen
    ctx.undo.undo()
    wait_write(qtbot, ctx, lambda: scalar(ctx, stmt) is None)


def test_typed_criteria_and_no_criteria(area: VinculacionArea, qtbot: QtBot) -> None:
    area.tabs.setCurrentWidget(area.talent)
    talent = area.talent
    click(qtbot, talent, "talent-search")
    qtbot.waitUntil(lambda: talent.summary.text().startswith("Give at least one criterion"), timeout=TIMEOUT)
    type_text(talent.keywords, "robótica")
    talent.keywords.returnPressed.emit()
    qtbot.waitUntil(lambda: talent.model.rowCount() > 0, timeout=TIMEOUT)
    assert all("robótica" in item.why for item in talent.model.rows)
    assert talent.summary.text().startswith(f"{talent.model.rowCount()} of ")
    talent.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # not sortable: stays ranked
    scores = [item.score for item in talent.model.rows]
    assert scores == sorted(scores, reverse=True)


def test_the_member_form_shows_the_members_history(ctx: AppContext, qtbot: QtBot) -> None:
    from talentdesk.core.programs import ProgramPerson
    from talentdesk.services.history import member_history
    from talentdesk.ui.members.form import MemberDialog

    member_id = scalar(ctx, select(ProgramPerson.member_id).where(ProgramPerson.member_id.is_not(None)))
    expected = read(ctx, lambda s: member_history(s, member_id))
    dialog = MemberDialog(ctx, member_id)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    dialog.tabs.setCurrentWidget(dialog.history)
    page = dialog.history
    assert page.model.rowCount() == len(expected) >= 1
    assert [page.model.rows[i].title for i in range(len(expected))] == [r.title for r in expected]
    assert page.table.isVisibleTo(dialog) and not page.empty.isVisibleTo(dialog)
    dialog.baseline = dialog.values()
    dialog.done(0)
    blank = MemberDialog(ctx, None)
    blank.show()
    qtbot.waitUntil(lambda: blank.loaded, timeout=TIMEOUT)
    assert blank.history.model.rowCount() == 0 and blank.history.empty.isVisibleTo(blank.history)
    blank.baseline = blank.values()
    blank.done(0)


def test_a_talent_search_saved_as_a_list_and_undone(area: VinculacionArea, ctx: AppContext, qtbot: QtBot) -> None:
    from talentdesk.core.programs import SavedList
    from talentdesk.services import saved_lists
    from talentdesk.services.list_queries import MatchQuery

    area.tabs.setCurrentWidget(area.talent)
    talent = area.talent
    assert not talent.save_button.isEnabled()  # nothing searched yet
    type_text(talent.keywords, "robótica")
    talent.keywords.returnPressed.emit()
    qtbot.waitUntil(lambda: talent.model.rowCount() > 0, timeout=TIMEOUT)
    assert talent.save_button.isEnabled()
    talent.ask_name = lambda: "Robótica"  # type: ignore[method-assign]
    click(qtbot, talent, "talent-save-list")
    stmt = select(SavedList.id).where(SavedList.name == "Robótica")
    wait_write(qtbot, ctx, lambda: scalar(ctx, stmt) is not None)
    list_id = scalar(ctx, stmt)
    loaded = read(ctx, lambda s: saved_lists.loaded_query(s, list_id))
    assert isinstance(loaded.query, MatchQuery) and loaded.query.criteria == talent.result.criteria  # type: ignore[union-attr]
    shown = read(ctx, lambda s: saved_lists.list_members(s, list_id))
    assert set(shown.ids) <= {i.member_id for i in talent.result.items} and shown.ids  # type: ignore[union-attr]
    qtbot.waitUntil(ctx.undo.can_undo, timeout=TIMEOUT)
    ctx.undo.undo()
    wait_write(qtbot, ctx, lambda: scalar(ctx, stmt) is None)
