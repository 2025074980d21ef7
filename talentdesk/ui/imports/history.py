"""Members → Actions → Import history…: every import, and undoing one as a single step.

The list is read off the GUI thread; undoing runs as an operation on the write thread with a
progress dialog. A refusal (members changed since) is shown with the members it names.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.dates import local_stamp
from talentdesk.ops import imports as ops_imports
from talentdesk.services import import_history
from talentdesk.services.import_history import RunSummary
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.records import Column, RecordTableModel


class ImportHistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import-history")
        self.setWindowTitle(self.tr("Import history"))
        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda r: local_stamp(r.at), lambda r: r.at),
                Column(self.tr("File"), lambda r: r.file_name),
                Column(self.tr("User"), lambda r: r.user),
                Column(self.tr("New"), lambda r: r.created, numeric=True),
                Column(self.tr("Updated"), lambda r: r.updated, numeric=True),
                Column(self.tr("State"), self._state),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("import-history-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.explain = QLabel(
            self.tr(
                "Undoing an import deletes the members it created and puts back the data it changed, "
                "as long as nobody changed them since."
            )
        )
        self.explain.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo import…"))
        self.undo_button.setObjectName("import-undo")
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explain)
        layout.addWidget(buttons)
        self.resize(760, 360)
        self.loading = False
        ctx.changed.connect(self._changed)
        self.reload()

    def _state(self, run: RunSummary) -> str:
        if run.undone_at is None:
            return self.tr("In effect")
        return self.tr("Undone on %1").replace("%1", local_stamp(run.undone_at))

    def _changed(self, changes: Changes) -> None:
        if changes.members and shiboken6.isValid(self):
            self.reload()

    def reload(self) -> None:
        self.loading = True
        self._update()

        def query(session: Session, _task: Task) -> list[RunSummary]:
            return import_history.list_runs(session)

        self.ctx.read(query, self._loaded, owner=self)

    def _loaded(self, runs: list[RunSummary]) -> None:
        selected = self.selected()
        self.model.set_rows(runs)
        self.loading = False
        row = next(
            (n for n, r in enumerate(runs) if selected is not None and r.id == selected.id),
            0 if runs else None,
        )
        if row is not None:
            self.table.selectRow(row)
        self._update()

    def selected(self) -> RunSummary | None:
        rows = self.table.selectionModel().selectedRows()
        run: Any = self.model.row(rows[0].row()) if rows else None
        return run if isinstance(run, RunSummary) else None

    def _update(self) -> None:
        run = self.selected()
        self.undo_button.setEnabled(not self.loading and run is not None and run.undone_at is None)

    def undo_selected(self) -> None:
        run = self.selected()
        if run is None or run.undone_at is not None:
            return
        text = (
            self.tr(
                "Undo the import of “%1” (%2)? It deletes the %n member(s) it created and puts back the "
                "data it changed (%3 member(s)). It cannot be redone; you can import the file again.",
                "",
                run.created,
            )
            .replace("%1", run.file_name)
            .replace("%2", local_stamp(run.at))
            .replace("%3", str(run.updated))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_button.setEnabled(False)
        self.ctx.perform(
            ops_imports.undo(run.id), on_failure=self._refused, parent=self, progress=run.created > 200
        )

    def _refused(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._update()
        QMessageBox.warning(self, self.tr("Undo import"), error_message(exc))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.undo_button.isEnabled():
            self.undo_selected()
            return
        super().keyPressEvent(event)
