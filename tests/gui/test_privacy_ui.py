"""Privacy in the window: the export log (a preview is not logged, its saved copy is; the
log window lists and filters), the person's data (Acceso) and anonymising (Cancelación)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from talentdesk.services import export_log
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.privacy.export_log import ExportLogDialog
from tests.gui import helpers
from tests.gui import test_events_area as events_tests
from tests.gui.helpers import TIMEOUT, click_shown, export_dialog, trigger

pytestmark = pytest.mark.gui


def _log(ctx: AppContext) -> list[export_log.LogEntry]:
    with ctx.db.reader() as s:
        return export_log.entries(s)


def test_a_preview_is_not_logged_and_its_saved_copy_is_logged_once(
    qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    trigger(members, "member-export-directory")
    dialog = export_dialog(members)
    out = tmp_path / "directorio.pdf"
    dialog.path.setText(str(out))
    dialog.target_field.name_edited = True
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.previews.window is not None and dialog.previews.window.isVisible(), timeout=TIMEOUT
    )
    assert _log(members.ctx) == []  # the preview stays inside the program
    assert dialog.previews.window is not None
    click_shown(qtbot, dialog.previews.window, "preview-save")
    qtbot.waitUntil(lambda: dialog.last_result is not None and not dialog.is_running(), timeout=TIMEOUT)
    assert out.exists()
    [entry] = _log(members.ctx)
    assert entry.kind == "directory" and entry.file_name == str(out) and entry.people > 0
    with members.ctx.db.reader() as s:
        assert len(export_log.member_ids_of(s, entry.id)) == entry.people


def test_the_export_log_window_lists_and_filters_by_member(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: object, spanish: None
) -> None:
    from talentdesk.exports.registry import ExportRequest, run_export

    ctx = window.ctx
    run_export("members", ctx.db.sessions, ExportRequest(member_ids=(1, 2)), tmp_path / "a.xlsx")
    run_export("members", ctx.db.sessions, ExportRequest(member_ids=(3,)), tmp_path / "b.xlsx")
    action = window.findChild(QAction, "export-log")
    assert action is not None
    action.trigger()
    dialog = window.findChild(ExportLogDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading, timeout=TIMEOUT)
    assert dialog.model.rowCount() == 2
    assert dialog.model.data(dialog.model.index(0, 5)).endswith("b.xlsx")  # newest first
    assert dialog.count_label.text() == "2 exportaciones"
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]

    dialog.member.setValue(3)
    dialog.refresh()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=TIMEOUT)
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 5)).endswith("b.xlsx")
    assert dialog.count_label.text() == "1 exportación incluyó a este miembro"
    dialog.member.setValue(999_999)
    dialog.refresh()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=TIMEOUT)
    assert dialog.model.rowCount() == 0 and "999999" in dialog.count_label.text()


# -- Acceso and Cancelación from the members list and the form ---------------------------------------


def _select(qtbot: QtBot, area: MembersArea, member_id: int) -> None:
    area.search.clear()
    qtbot.waitUntil(
        lambda: not area.is_loading() and area.model.row_of(member_id) is not None, timeout=TIMEOUT
    )
    row = area.model.row_of(member_id)
    assert row is not None
    area.table.selectRow(row)


def _a_member_without_jornadas(ctx: AppContext) -> int:
    from sqlalchemy import select

    from talentdesk.core.events import Participant
    from talentdesk.core.models import Member

    with ctx.db.reader() as s:
        taken = select(Participant.member_id).where(Participant.member_id.is_not(None))
        return int(s.scalar(select(Member.id).where(Member.id.not_in(taken)).order_by(Member.id)) or 0)


def test_export_personal_data_from_the_members_list(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talentdesk.ui.privacy import member_rights

    member_id = _a_member_without_jornadas(members.ctx)
    _select(qtbot, members, member_id)
    trigger(members, "member-personal-data")
    dialog = members.findChild(member_rights.PersonalDataDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert "Personal data of" in dialog.windowTitle()
    dialog.folder.setText(str(tmp_path / "acceso"))
    click_shown(qtbot, dialog, "personal-export")
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.last_result is not None, timeout=TIMEOUT)
    files = sorted(p.suffix for p in (tmp_path / "acceso").iterdir())
    assert files == [".json", ".pdf"] and "Saved" in dialog.message.text()
    opened: list[str] = []
    monkeypatch.setattr(member_rights, "open_location", lambda url: opened.append(url.toLocalFile()) or True)
    click_shown(qtbot, dialog, "personal-open-folder")
    assert opened == [str(tmp_path / "acceso")]
    [entry] = _log(members.ctx)
    assert entry.kind == "personal" and entry.filters == {"Miembro": member_id}


def test_anonymize_needs_the_typed_word_and_cannot_be_undone(qtbot: QtBot, members: MembersArea) -> None:
    from talentdesk.services.members import get_member
    from talentdesk.ui.privacy.member_rights import AnonymizeDialog

    ctx = members.ctx
    member_id = _a_member_without_jornadas(ctx)
    with ctx.db.reader() as s:
        name = get_member(s, member_id).full_name
        status = get_member(s, member_id).status
    # something to undo beforehand: it must not survive the anonymisation
    from talentdesk.ops import members as ops_members

    ctx.perform(ops_members.set_status([member_id], "inactivo" if status.value != "inactivo" else "activo"))
    qtbot.waitUntil(lambda: ctx.undo.can_undo(), timeout=TIMEOUT)
    _select(qtbot, members, member_id)
    trigger(members, "member-anonymize")
    dialog = members.findChild(AnonymizeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert name in dialog.heading.text() and "cannot be undone" in dialog.heading.text()
    assert "Kept, for statistics" in dialog.explanation.text()
    assert not dialog.go.isEnabled()
    dialog.confirm.setText("anonymize")  # not the word
    assert not dialog.go.isEnabled()
    dialog.confirm.setText("ANONYMIZE")
    assert dialog.go.isEnabled()
    with qtbot.waitSignal(dialog.anonymized, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    with ctx.db.reader() as s:
        member = get_member(s, member_id)
        assert member.anonymized_at is not None and member.email is None
    assert not ctx.undo.can_undo() and not ctx.undo.can_redo()


def test_anonymize_is_refused_in_the_dialog_when_a_certificate_must_keep_answering(
    qtbot: QtBot, empty_ctx: AppContext
) -> None:
    from datetime import date

    from talentdesk.core.enums import ParticipantStatus
    from talentdesk.services import certificates, event_participants, event_workflow
    from talentdesk.services import events as ev
    from talentdesk.services.members import create_member
    from talentdesk.ui.privacy.member_rights import AnonymizeDialog

    with empty_ctx.db.session() as s:
        member_id = create_member(s, {"given_names": "Ana", "paternal_surname": "Ruiz"}).id
        event = ev.create_event(
            s, {"name": "Jornada 2024", "starts_on": "2024-03-10", "ends_on": "2024-03-11"}
        )
        pid = event_participants.add_member(s, event.id, member_id).id
        event_workflow.change_status(s, [pid], ParticipantStatus.CONFIRMED, today=date(2024, 3, 1))
        event_workflow.change_status(s, [pid], ParticipantStatus.ATTENDED, today=date(2024, 3, 10))
        code = certificates.issue_certificates(s, [pid])[pid]
    dialog = AnonymizeDialog(empty_ctx, member_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert (
        dialog.refused.isVisible()
        and code in dialog.refused.text()
        and "Jornada 2024" in dialog.refused.text()
    )
    assert not dialog.go.isVisible() and not dialog.confirm.isVisible()


def test_an_anonymized_member_opens_locked_in_the_form(qtbot: QtBot, empty_ctx: AppContext) -> None:
    from talentdesk import ops
    from talentdesk.ops import privacy as privacy_ops
    from talentdesk.services.members import create_member
    from talentdesk.ui.members.form import MemberDialog

    with empty_ctx.db.session() as s:
        member_id = create_member(
            s, {"given_names": "Ana", "paternal_surname": "Ruiz", "country": "US", "city": "Austin"}
        ).id
    ops.perform(empty_ctx.db, privacy_ops.anonymize(member_id))
    dialog = MemberDialog(empty_ctx, member_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert dialog.banner.isVisible() and "anonymized" in dialog.banner.text()
    assert not dialog.boxes["given_names"].isEnabled() and not dialog.boxes["email"].isEnabled()
    assert dialog.boxes["country"].isEnabled() and dialog.boxes["chapter"].isEnabled()
    assert not dialog.privacy.anonymize_button.isEnabled() and dialog.privacy.personal_button.isEnabled()
    assert dialog.values()["given_names"] == "Persona"


# -- Oposición: a member who asked not to be contacted, added to a Jornada ---------------------------

area = events_tests.area  # the same fixtures (an events area, the demo Jornada open)
opened = events_tests.opened


def test_adding_a_no_contact_member_to_a_jornada_asks_first(
    qtbot: QtBot, opened: object, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from talentdesk.core.events import Participant
    from talentdesk.services.members import get_member, update_member

    member_id = _a_member_without_jornadas(ctx)
    with ctx.db.session() as s:
        update_member(s, member_id, {"no_contact": True})
        name = get_member(s, member_id).full_name
    tab = opened.workspace.participants  # type: ignore[attr-defined]
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)

    def try_add() -> object:
        helpers.click(qtbot, tab, "participant-add-member")
        dialog = helpers.dialog_named(tab, "add-member-dialog")
        picker = helpers.field(dialog, "member")
        helpers.type_text(picker.search, name)
        qtbot.waitUntil(
            lambda: not picker.loading and picker.model.row_of(member_id) is not None, timeout=TIMEOUT
        )
        row = picker.model.row_of(member_id)
        picker.table.selectRow(row)
        assert picker.model.data(picker.model.index(row, 3)) == "Do not contact"
        helpers.click(qtbot, dialog, "save")
        return dialog

    def registered() -> bool:
        with ctx.db.reader() as s:
            return s.scalar(select(Participant.id).where(Participant.member_id == member_id)) is not None

    first = try_add()
    assert len(asked) == 1 and "asked not to be contacted" in asked[0] and name in asked[0]
    assert first.isVisible() and not registered()  # "No": nothing added, the dialog stays
    first.modified = False  # type: ignore[attr-defined]
    first.reject()  # type: ignore[attr-defined]
    second = try_add()
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert registered()
