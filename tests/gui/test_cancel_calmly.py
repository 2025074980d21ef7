"""Cancelling is never an error (issue 11): a bulk member change, an import, an export and a
restore each stop with a calm message (no error box) and leave the tables and files as they were.
Every one of them raises the one ``core.errors.Cancelled``."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from talentdesk.core.errors import Cancelled
from talentdesk.db.backup import backup_sqlite
from talentdesk.services import member_bulk
from talentdesk.services.members import create_member
from talentdesk.ui.app import Application
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.tasks import Task
from tests.gui.test_import_wizard import member_count, new_emails, open_wizard, to_preview, write_file
from tests.unit.ops_support import dump

TIMEOUT = 20000


def press_cancel_after_the_first_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the progress dialog's Cancel does, pressed once some work was already done (and
    flushed inside the transaction): the next check raises."""
    real = Task.progress

    def progress(self: Task, done: int, total: int, text: str = "") -> None:
        real(self, done, total, text)
        self.abort.set()

    monkeypatch.setattr(Task, "progress", progress)


def test_cancelling_a_bulk_member_change_midway_changes_nothing_and_says_so_calmly(
    qtbot: QtBot,
    members: MembersArea,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
    spanish: None,
) -> None:
    members.table.selectAll()
    ids = members.selected_ids()
    assert len(ids) > 4
    monkeypatch.setattr(member_bulk, "BATCH", 2)  # several batches: the first is written, then Cancel
    press_cancel_after_the_first_batch(monkeypatch)
    monkeypatch.setattr(members, "_pick", lambda *_a: "inactivo")
    statuses: list[str] = []
    ctx.status.connect(statuses.append)
    before = dump(ctx.db)

    members.bulk_set_status()
    qtbot.waitUntil(lambda: bool(statuses), timeout=TIMEOUT)

    assert statuses == ["Operación cancelada: no se guardó nada."]
    assert errors == []
    assert dump(ctx.db) == before
    assert not ctx.undo.can_undo()


def test_cancelling_an_import_while_it_writes_changes_nothing_and_says_so_calmly(
    qtbot: QtBot,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
    spanish: None,
) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    wizard = open_wizard(qtbot, ctx)
    to_preview(qtbot, wizard, path)
    wizard.preview_page.valid_only.setChecked(True)
    before, count = dump(ctx.db), member_count(ctx)
    press_cancel_after_the_first_batch(monkeypatch)

    wizard.next()
    qtbot.waitUntil(wizard.apply_page.isComplete, timeout=TIMEOUT)

    assert type(wizard.failure) is Cancelled
    assert wizard.apply_page.summary.text() == "Importación cancelada: no se guardó nada."
    assert errors == []
    assert member_count(ctx) == count and new_emails(ctx) == set()
    assert dump(ctx.db) == before
    assert not ctx.undo.can_undo()


def test_cancelling_a_restore_keeps_the_database_and_says_so_calmly(
    qtbot: QtBot,
    controller: Application,
    db_path: Path,
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
    spanish: None,
) -> None:
    with qtbot.waitSignal(controller.start_checked, timeout=TIMEOUT):
        assert controller.start(str(db_path))
    window = controller.window
    assert window is not None
    saved = backup_sqlite(window.ctx.db.engine, db_path.parent / "copia.sqlite")
    with window.ctx.db.session() as s:
        create_member(s, {"given_names": "Ana", "paternal_surname": "Después"})
    before = dump(window.ctx.db)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    gate = threading.Event()  # hold the write thread so Cancel is pressed before the restore runs
    controller.runner.run(lambda _t: gate.wait(10), lambda _r: None, write=True)

    task = controller.restore_backup(str(saved))
    assert task is not None
    task.abort.set()  # the progress dialog's Cancel
    gate.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=TIMEOUT)

    assert errors == []
    assert controller.window is window
    assert (
        window.statusBar().currentMessage() == "Restauración cancelada: la base de datos quedó como estaba."
    )
    assert dump(window.ctx.db) == before
