"""File → Restore…: the database's backups (date, kind, size, members, events) and the rule that
keeps them. Choosing one asks for confirmation and hands the file to the application controller,
which restores it in the background (lock first, see db/restore.py) and reopens the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.db.backup import BackupInfo, list_backups
from talentdesk.db.engine import sqlite_path
from talentdesk.db.paths import backups_dir_for
from talentdesk.db.retention import MAX_KEEP, Retention, read_retention
from talentdesk.ops import settings as ops_settings
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.buttons import ask
from talentdesk.ui.widgets.records import Column, RecordTableModel


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{value:,.1f} GB"


class RestoreDialog(QDialog):
    """Lists the backups; ``restore_requested`` carries the file the person chose to restore."""

    restore_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore-dialog")
        self.ctx = ctx
        self.db_file = sqlite_path(ctx.db.engine)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(860, 460)

        folder = backups_dir_for(self.db_file) if self.db_file is not None else None
        self.intro = QLabel(
            self.tr(
                "Backups of this database, newest first (in %1). Restoring replaces the whole "
                "database with the chosen copy; what is there now is saved first as another backup."
            ).replace("%1", str(folder) if folder is not None else "—")
        )
        self.intro.setWordWrap(True)
        self.model = RecordTableModel(self._columns(), self, id_of=lambda b: hash(b.path))
        self.table = QTableView()
        self.table.setObjectName("backups-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.status = QLabel(self.tr("Reading the backups…"))
        self.status.setObjectName("backups-status")
        self.status.setWordWrap(True)

        self.keep_daily = QSpinBox()
        self.keep_daily.setObjectName("keep-daily")
        self.keep_daily.setRange(1, MAX_KEEP)
        self.keep_weekly = QSpinBox()
        self.keep_weekly.setObjectName("keep-weekly")
        self.keep_weekly.setRange(0, MAX_KEEP)
        self.save_rule = QPushButton(self.tr("Save rule"))
        self.save_rule.setObjectName("save-retention")
        self.save_rule.clicked.connect(self.save_retention)
        rule = QFormLayout()
        rule.addRow(self.tr("Daily backups kept (one per day):"), self.keep_daily)
        rule.addRow(self.tr("Weekly backups kept (one per week):"), self.keep_weekly)
        note = QLabel(
            self.tr(
                "Every automatic backup of the last 24 hours is kept too; manual backups are "
                "never deleted. Automatic backups are taken on the first start of each day and "
                "before every schema update, import and restore."
            )
        )
        note.setWordWrap(True)
        rule_row = QHBoxLayout()
        rule_row.addLayout(rule)
        rule_row.addWidget(self.save_rule, 0, Qt.AlignmentFlag.AlignBottom)
        rule_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restore-selected")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button = buttons.addButton(self.tr("Other &file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.setObjectName("restore-other")
        self.other_button.clicked.connect(self.restore_other)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(rule_row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), lambda b: f"{b.taken_at:%d/%m/%Y %H:%M:%S}", lambda b: b.taken_at),
            Column(self.tr("Kind"), lambda b: b.kind.label),
            Column(self.tr("Size"), lambda b: size_text(b.size), lambda b: b.size, numeric=True),
            Column(
                self.tr("Members"),
                lambda b: f"{b.members:,}" if b.members is not None else self.tr("unreadable"),
                lambda b: b.members if b.members is not None else -1,
                numeric=True,
            ),
            Column(
                self.tr("Events"),
                lambda b: f"{b.events:,}" if b.events is not None else "",
                lambda b: b.events if b.events is not None else -1,
                numeric=True,
            ),
            Column(self.tr("File"), lambda b: b.path.name),
        ]

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        db_file = self.db_file
        if db_file is None:
            self.status.setText(self.tr("Built-in backups are for SQLite databases; use the server's tools."))
            self.other_button.setEnabled(False)
            self.save_rule.setEnabled(False)
            return
        engine = self.ctx.db.engine

        def load(_session: Session, _task: Task) -> tuple[list[BackupInfo], Retention]:
            return list_backups(db_file), read_retention(engine)

        self.ctx.read(load, self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, result: tuple[list[BackupInfo], Retention]) -> None:
        backups, retention = result
        self.model.set_rows(backups)
        self.keep_daily.setValue(retention.daily)
        self.keep_weekly.setValue(retention.weekly)
        if backups:
            self.status.setText(self.tr("%n backup(s).", "", len(backups)))
            self.table.selectionModel().select(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.status.setText(self.tr("There are no backups of this database yet."))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(error_message(exc))

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        row: BackupInfo | None = self.model.row(rows[0].row()) if rows else None
        return row

    # -- actions --------------------------------------------------------------------------------

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        members = f"{backup.members:,}" if backup.members is not None else "?"
        question = self.tr(
            "Restore the backup of %1 (%2 members)?\n\nThe database is replaced by that copy: "
            "changes made after %1 are no longer in it. The current content is saved first as a "
            "backup (“before restoring”), so this can be undone by restoring that one."
        )
        if self._confirm(question.replace("%1", f"{backup.taken_at:%d/%m/%Y %H:%M}").replace("%2", members)):
            self._request(backup.path)

    def restore_other(self) -> None:
        start = str(backups_dir_for(self.db_file)) if self.db_file is not None else str(Path.home())
        path, _selected = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a file"),
            start,
            ";;".join((self.tr("TalentDesk databases (*.sqlite *.db)"), self.tr("All files (*)"))),
        )
        if path and self._confirm(
            self.tr(
                "Restore the database from «%1»?\n\nThe database is replaced by that copy; the "
                "current content is saved first as a backup."
            ).replace("%1", path)
        ):
            self._request(Path(path))

    def _confirm(self, question: str) -> bool:
        return ask(self, self.tr("Restore a backup"), question)

    def _request(self, path: Path) -> None:
        self.restore_requested.emit(str(path))
        self.accept()

    def save_retention(self) -> None:
        self.ctx.perform(
            ops_settings.set_backup_retention(self.keep_daily.value(), self.keep_weekly.value()),
            on_done=lambda _v: self.status.setText(self.tr("Rule saved: it applies from the next backup.")),
            on_failure=self._failed,
            parent=self,
        )


class DamagedDatabaseBox(QMessageBox):
    """Shown when the open database failed its check: restore the newest good backup, choose
    one, or keep it open for reading only (writes are refused)."""

    def __init__(self, message: str, newest: BackupInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damaged-database")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Damaged database"))
        self.setText(message)
        self.newest_button: QPushButton | None = None
        if newest is not None:
            self.newest_button = self.addButton(
                self.tr("Restore the newest good backup"), QMessageBox.ButtonRole.AcceptRole
            )
        self.choose_button = self.addButton(self.tr("Choose a backup…"), QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(
            self.tr("Keep it open (read only)"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.newest_button or self.choose_button)

    def choice(self) -> str:
        """After exec(): "newest", "choose" or "" (kept open)."""
        clicked = self.clickedButton()
        if self.newest_button is not None and clicked is self.newest_button:
            return "newest"
        return "choose" if clicked is self.choose_button else ""
