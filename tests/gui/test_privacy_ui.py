"""Privacy in the window: the export log (a preview is not logged, its saved copy is; the
log window lists and filters), the person's data (Acceso) and anonymising (Cancelación)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from talentdesk.services import export_log
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.privacy.export_log import ExportLogDialog
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
    dialog.name_edited = True
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.preview_window is not None and dialog.preview_window.isVisible(), timeout=TIMEOUT
    )
    assert _log(members.ctx) == []  # the preview stays inside the program
    assert dialog.preview_window is not None
    click_shown(qtbot, dialog.preview_window, "preview-save")
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
