"""The organisation and chapter forms show what they took part in (issue 14): the programmes,
needs and Jornadas of ``services.history``, across years, on a History tab; a new record has none."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk.core.programs import program_chapters, program_organizations
from talentdesk.services.history import chapter_history, organization_history
from talentdesk.services.record_lists import load_chapters, load_organizations
from talentdesk.ui.chapters import ChapterDialog
from talentdesk.ui.context import AppContext
from talentdesk.ui.organizations import OrganizationDialog
from tests.gui.helpers import TIMEOUT, read

pytestmark = pytest.mark.gui


def check_history(qtbot: QtBot, dialog: Any, expected: list[Any], qtmodeltester: Any) -> None:
    dialog.show()
    history = dialog.history
    assert history is not None and history.tabs is not None
    assert history.tabs.count() == 2
    history.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() == len(expected), timeout=TIMEOUT)
    qtmodeltester.check(history.model)
    assert [r.title for r in history.model.rows] == [r.title for r in expected]
    assert history.table.isVisibleTo(dialog) and not history.empty.isVisibleTo(dialog)
    years = [r.year for r in expected if r.year is not None]
    assert len(set(years)) >= 2, "the demo's history spans several years"
    assert history.model.data(history.model.index(0, 0)) == str(expected[0].year)
    dialog.reject()


def first_linked(ctx: AppContext, column: Any) -> int:
    """The organisation or chapter linked to the most programmes."""
    return read(ctx, lambda s: s.scalar(select(column).group_by(column).order_by(func.count().desc()).limit(1)))


def test_the_organization_form_shows_its_programmes_and_needs(
    ctx: AppContext, qtbot: QtBot, qtmodeltester: Any, errors: list[str]
) -> None:
    organization_id = first_linked(ctx, program_organizations.c.organization_id)
    row = read(ctx, lambda s: next(r for r in load_organizations(s).rows if r.id == organization_id))
    expected = read(ctx, lambda s: organization_history(s, organization_id))
    check_history(qtbot, OrganizationDialog(ctx, [], row), expected, qtmodeltester)
    blank = OrganizationDialog(ctx, [], None)
    assert blank.history is None  # a new organisation took part in nothing yet
    assert errors == []


def test_the_chapter_form_shows_its_history(
    ctx: AppContext, qtbot: QtBot, qtmodeltester: Any, errors: list[str]
) -> None:
    chapter_id = first_linked(ctx, program_chapters.c.chapter_id)
    row = read(ctx, lambda s: next(r for r in load_chapters(s).chapters if r.id == chapter_id))
    expected = read(ctx, lambda s: chapter_history(s, chapter_id))
    check_history(qtbot, ChapterDialog(ctx, [], row), expected, qtmodeltester)
    assert errors == []

