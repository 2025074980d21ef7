"""File → Restore…, the start-up check (damage, daily backup), read-only databases, and the
backup the import wizard takes before it writes (issue 10: items 7, 8 and Backups)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk.core.models import Member
from talentdesk.db.backup import BackupKind, backup_sqlite, kind_of_path, list_backups
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database
from talentdesk.ops import Op
from talentdesk.services.members import create_member
from talentdesk.ui.app import Application, StartCheck
from talentdesk.ui.backups import DamagedDatabaseBox, RestoreDialog
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.settings import Settings
from tests.gui.conftest import bare_window
from tests.gui.test_import_wizard import open_wizard, to_preview, write_file


def _members(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return int(con.execute("SELECT count(*) FROM members").fetchone()[0])


def _add(db: Database, surname: str) -> None:
    with db.session() as s:
        create_member(s, {"given_names": "Ana", "paternal_surname": surname})


def _started(qtbot: QtBot, controller: Application, path: Path) -> StartCheck:
    with qtbot.waitSignal(controller.start_checked, timeout=20000) as checked:
        assert controller.start(str(path))
    result: StartCheck = checked.args[0]
    return result


def test_the_first_start_of_the_day_takes_a_verified_daily_backup(
    qtbot: QtBot, controller: Application, db_path: Path, errors: list[str]
) -> None:
    first = _started(qtbot, controller, db_path)
    assert first.damage is None and first.daily_backup is not None
    assert kind_of_path(first.daily_backup) is BackupKind.DAILY
    assert controller.window is not None
    assert "Daily backup saved" in controller.window.statusBar().currentMessage()
    controller.window.close_confirmed()
    controller.shutdown()

    again = Application(controller.settings, window_factory=bare_window)
    try:
        second = _started(qtbot, again, db_path)
    finally:
        if again.window is not None:
            again.window.close_confirmed()
        again.shutdown()
    assert second == StartCheck()  # already taken today
    assert [b.kind for b in list_backups(db_path)] == [BackupKind.DAILY]
    assert errors == []


def test_restore_dialog_lists_backups_and_restores_in_the_background(
    qtbot: QtBot,
    controller: Application,
    db_path: Path,
    tmp_path: Path,
    qtmodeltester: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _started(qtbot, controller, db_path)
    window = controller.window
    assert window is not None
    _add(window.ctx.db, "Antes")
    saved = backup_sqlite(
        window.ctx.db.engine, db_path.parent / "backups" / "talentdesk-20261201-090000.sqlite"
    )
    _add(window.ctx.db, "Después")

    dialog = window.show_restore()  # owned by the window, which the restore replaces
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    qtmodeltester.check(dialog.model)
    shown = [
        [dialog.model.data(dialog.model.index(r, c)) for c in range(dialog.model.columnCount())]
        for r in range(2)
    ]
    assert shown[0][1] == BackupKind.DAILY.label and shown[0][3] == "0"  # today's daily copy, taken at start
    assert (
        shown[1][0] == "01/12/2026 09:00:00" and shown[1][1] == BackupKind.MANUAL.label and shown[1][3] == "1"
    )
    assert shown[1][4] == "0" and shown[1][5] == saved.name
    assert dialog.keep_daily.value() == 7 and dialog.keep_weekly.value() == 4

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    dialog.table.selectRow(1)
    with qtbot.waitSignal(controller.window_changed, timeout=30000) as changed:
        dialog.restore_button.click()
    reopened: MainWindow = changed.args[0]
    assert reopened is not window and reopened.ctx.db is not window.ctx.db
    with reopened.ctx.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 1
    assert "Restored from" in reopened.statusBar().currentMessage()
    safety = [b for b in list_backups(db_path) if b.kind is BackupKind.RESTORE]
    assert len(safety) == 1 and safety[0].members == 2


def test_the_retention_rule_is_saved_from_the_dialog(qtbot: QtBot, empty_ctx: AppContext) -> None:
    dialog = RestoreDialog(empty_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "no backups" in dialog.status.text(), timeout=10000)
    dialog.keep_daily.setValue(3)
    dialog.keep_weekly.setValue(0)
    dialog.save_rule.click()
    qtbot.waitUntil(lambda: "Rule saved" in dialog.status.text(), timeout=10000)
    from talentdesk.db.retention import Retention, read_retention

    assert read_retention(empty_ctx.db.engine) == Retention(3, 0)


def test_a_damaged_database_is_found_after_opening_writes_are_refused_and_the_newest_good_backup_restored(
    qtbot: QtBot,
    controller: Application,
    demo_db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    db = Database.open(demo_db_path)
    good = backup_sqlite(db.engine, demo_db_path.parent / "backups" / "demo-20261201-090000.sqlite")
    db.close()
    from tests.faults.test_damaged_and_read_only import _damage_old_member_pages

    _damage_old_member_pages(demo_db_path)
    choices: list[str] = []
    monkeypatch.setattr(DamagedDatabaseBox, "exec", lambda self: choices.append(self.text()) or 0)
    monkeypatch.setattr(DamagedDatabaseBox, "choice", lambda self: "newest")

    result = _started(qtbot, controller, demo_db_path)  # the check found it; the restore began
    damaged_window = controller.window
    assert result.damage is not None and result.newest_good is not None
    assert result.newest_good.path == good
    assert choices and "está dañada" in choices[0] and str(good) in choices[0]
    assert damaged_window is not None and "damaged" in damaged_window.db_label.text()
    with qtbot.waitSignal(controller.window_changed, timeout=30000) as changed:
        pass
    restored: MainWindow = changed.args[0]
    assert restored is not damaged_window
    assert _members(demo_db_path) == 300
    kinds = [b.kind for b in list_backups(demo_db_path, counts=False)]
    assert BackupKind.DAMAGED in kinds  # the damaged content is kept, never rotated away
    assert errors == []


def test_writes_are_refused_in_a_damaged_database_with_the_offer(qtbot: QtBot, demo_db_path: Path) -> None:
    from tests.faults.test_damaged_and_read_only import _damage_old_member_pages

    _damage_old_member_pages(demo_db_path)
    db = Database.open(demo_db_path)
    try:
        with pytest.raises(Exception, match="está dañada"):
            db.verify()
        with pytest.raises(Exception, match="no se guardan cambios"):
            _add(db, "Nueva")
    finally:
        db.close()


def test_a_read_only_database_says_so_and_refuses_writes(
    qtbot: QtBot, db_path: Path, settings: Settings
) -> None:
    db = Database(make_engine(db_path, read_only=True))
    ctx = AppContext(db, settings)
    window = MainWindow(ctx, areas=[])
    qtbot.addWidget(window)
    failures: list[BaseException] = []
    try:
        assert "(read only)" in window.windowTitle() and "(read only)" in window.db_label.text()
        ctx.perform(
            Op("add", lambda s, _j: create_member(s, {"given_names": "A", "paternal_surname": "B"})),
            on_failure=failures.append,
        )
        qtbot.waitUntil(lambda: bool(failures), timeout=10000)
        assert "read-only" in str(failures[0])
        with db.reader() as s:  # reads work
            assert s.scalar(select(func.count()).select_from(Member)) == 0
    finally:
        ctx.runner.shutdown()
        db.close()


def test_the_import_wizard_takes_a_backup_before_it_writes(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    wizard = open_wizard(qtbot, ctx)
    to_preview(qtbot, wizard, path)
    wizard.preview_page.valid_only.setChecked(True)
    db_file = Path(str(ctx.db.engine.url.database))
    assert list_backups(db_file) == []
    wizard.next()
    qtbot.waitUntil(wizard.apply_page.isComplete, timeout=20000)
    assert wizard.failure is None, wizard.failure
    backups = list_backups(db_file)
    assert [b.kind for b in backups] == [BackupKind.IMPORT]
    assert backups[0].members == 300  # the state the import started from
    assert _members(db_file) == 303
    wizard.accept()


def test_a_database_others_can_read_is_warned_about_and_made_private(
    qtbot: QtBot, controller: Application, db_path: Path, errors: list[str]
) -> None:
    db_path.chmod(0o644)
    result = _started(qtbot, controller, db_path)
    assert result.exposure is not None and result.exposure.fixable
    window = controller.window
    assert window is not None
    box = window.findChild(QMessageBox, "exposure-warning")
    assert box is not None and box.isVisible() and "644" in box.text()
    make_private = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    make_private.click()
    wal = db_path.with_name(db_path.name + "-wal")  # SQLite made it with the file's 644
    assert wal.exists()
    assert db_path.stat().st_mode & 0o777 == 0o600 and wal.stat().st_mode & 0o777 == 0o600
    assert "Readable by you only now" in window.statusBar().currentMessage()
    assert errors == []


def test_a_private_database_starts_without_the_warning(
    qtbot: QtBot, controller: Application, db_path: Path, errors: list[str]
) -> None:
    result = _started(qtbot, controller, db_path)
    assert result.exposure is None
    assert controller.window is not None and controller.window.findChild(QMessageBox, "exposure-warning") is None
