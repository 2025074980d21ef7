"""The history of a member, an organisation or a chapter: every programme, need and Jornada they
took part in, across years, with role, status and outcome (``services.history``). One table for
the member form's History tab and the organisation and chapter forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from talentdesk.services.history import HistoryRow
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table


class HistoryTable(QWidget):
    """The rows newest first; a calm line instead of an empty table."""

    def __init__(self, name: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs: QTabWidget | None = None  # the form's tabs, when it was put on one
        self.model = RecordTableModel(
            [
                Column(self.tr("Year"), lambda r: r.year),
                Column(self.tr("What"), lambda r: r.what),
                Column(self.tr("Title"), lambda r: r.title),
                Column(self.tr("Role"), lambda r: r.role),
                Column(self.tr("Status"), lambda r: r.status),
                Column(self.tr("Outcome"), lambda r: r.outcome),
            ],
            self,
            id_of=lambda r: hash((r.kind, r.record_id, r.role)),
        )
        self.table = make_table(self.model, name, sortable=False)
        self.table.setWordWrap(True)
        self.empty = QLabel(empty)
        self.empty.setObjectName(f"{name}-empty")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def show_history(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column, most in ((1, 200), (2, 280), (3, 260), (5, 240)):
            if self.table.columnWidth(column) > most:
                self.table.setColumnWidth(column, most)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)


def add_history_tab(
    dialog: RecordDialog, name: str, record_id: int | None, load: Callable[[Session, int], list[HistoryRow]]
) -> HistoryTable | None:
    """Put the dialog's fields on a first tab and the record's history, ``load(session, id)`` read
    in the background, on a second one (an organisation's or chapter's form: the fields stay as
    they were). A new record (no id) took part in nothing: no tab."""
    if record_id is None:
        return None
    empty = QCoreApplication.translate("HistoryTable", "No programs, needs or Jornadas yet.")
    history = HistoryTable(name, empty)
    history.tabs = QTabWidget()
    history.tabs.setObjectName(f"{name}-tabs")
    fields = QWidget()
    page = QVBoxLayout(fields)
    dialog.content.removeItem(dialog.form)
    dialog.form.setParent(None)
    page.addLayout(dialog.form)
    page.addStretch(1)
    history.tabs.addTab(fields, QCoreApplication.translate("HistoryTable", "&Data"))
    history.tabs.addTab(history, QCoreApplication.translate("HistoryTable", "Histor&y"))
    dialog.content.insertWidget(0, history.tabs)
    dialog.setMinimumWidth(max(dialog.minimumWidth(), 760))  # the history's six columns
    history.empty.setText(QCoreApplication.translate("HistoryTable", "Loading…"))
    history.table.setVisible(False)

    def failed(exc: BaseException) -> None:
        history.empty.setText(error_message(exc))

    dialog.ctx.read(
        lambda session, _task: load(session, record_id), history.show_history, on_failure=failed, owner=history
    )
    return history
