"""The member form's Privacidad tab: the "no contactar" flag and the consent history."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.core.enums import ConsentChannel
from talentdesk.services import consent_history
from talentdesk.services import members as member_service
from talentdesk.ui.context import AppContext
from tests.gui.helpers import click_box, find

from . import test_member_form
from .test_member_form import Opener, save_and_wait, show_tab

open_form = test_member_form.open_form  # the same fixture

pytestmark = pytest.mark.gui
PRIVACY_TAB = 4


def _new_member(ctx: AppContext, **values: object) -> int:
    with ctx.db.session() as s:
        return member_service.create_member(
            s, {"given_names": "Ana", "paternal_surname": "Ruiz", **values}
        ).id


def test_no_contact_is_saved_from_the_form_and_the_history_says_so(
    qtbot: QtBot, empty_ctx: AppContext, open_form: Opener
) -> None:
    member_id = _new_member(empty_ctx)
    dialog = open_form(empty_ctx, member_id)
    show_tab(dialog, PRIVACY_TAB)
    assert find(dialog, "consent-history-empty").isVisible()
    assert not find(dialog, "consent-history").isVisible()
    click_box(dialog.privacy.no_contact)
    assert dialog.changed_values() == {"no_contact": True}
    save_and_wait(qtbot, dialog)
    with empty_ctx.db.reader() as s:
        assert member_service.get_member(s, member_id).no_contact is True
        [entry] = consent_history.records(s, member_id)
    assert entry.channel is ConsentChannel.FORM and entry.no_contact

    again = open_form(empty_ctx, member_id)
    show_tab(again, PRIVACY_TAB)
    assert again.privacy.no_contact.isChecked()
    table = find(again, "consent-history")
    assert table.isVisible() and again.privacy.history_model.rowCount() == 1
    assert again.privacy.history_model.data(again.privacy.history_model.index(0, 2)) == "Member form"
    assert again.privacy.history_model.data(again.privacy.history_model.index(0, 5)) == "Yes"


def test_history_model_passes_the_model_tester(
    qtmodeltester: object, empty_ctx: AppContext, open_form: Opener
) -> None:
    member_id = _new_member(empty_ctx, directory_consent=True, print_fields=["email"])
    with empty_ctx.db.session() as s:
        member_service.update_member(s, member_id, {"no_contact": True}, origin=consent_history.CLI)
    dialog = open_form(empty_ctx, member_id)
    assert dialog.privacy.history_model.rowCount() == 2
    qtmodeltester.check(dialog.privacy.history_model)  # type: ignore[attr-defined]
