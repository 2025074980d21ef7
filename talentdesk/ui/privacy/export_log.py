"""The export log window (Exportar → Bitácora de exportaciones…): every export with personal
data, newest first, optionally only those that included one member.

There are no user roles yet: the window is open to whoever runs TalentDesk; a later issue
restricts it to administrators.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.services import export_log
from talentdesk.services.export_log import LogEntry
from talentdesk.services.members import get_member
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.records import Column, RecordTableModel

#: The newest entries the window lists (the CLI can list them all).
SHOWN = 5_000


def load_entries(session: Session, member_id: int | None) -> tuple[list[LogEntry], int]:
    """(entries newest first, how many there are in all)."""
    if member_id is not None:
        get_member(session, member_id)
        found = export_log.entries_including(session, member_id)[::-1]
        return found[:SHOWN], len(found)
    return export_log.entries(session, limit=SHOWN), export_log.count(session)


def _local(entry: LogEntry) -> str:
    return entry.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


class ExportLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self.setObjectName("export-log-dialog")
        self.setWindowTitle(self.tr("Export log"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.resize(1000, 560)

        intro = QLabel(
            self.tr(
                "Every export that carried personal data: who made it, when, which document, how "
                "many people, with which filters and to which file. Failed or cancelled exports "
                "are not listed."
            )
        )
        intro.setWordWrap(True)
        self.member = QSpinBox()
        self.member.setObjectName("export-log-member")
        self.member.setRange(0, 2_000_000_000)
        self.member.setSpecialValueText(self.tr("(everyone)"))
        self.member.setToolTip(self.tr("Only the exports that included the member with this id"))
        member_label = QLabel(self.tr("Included &member (id):"))
        member_label.setBuddy(self.member)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("export-log-show")
        self.show_button.clicked.connect(self.refresh)
        self.member.editingFinished.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("export-log-count")
        row = QHBoxLayout()
        row.addWidget(member_label)
        row.addWidget(self.member)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.count_label)

        self.model = RecordTableModel(
            [
                Column(self.tr("Date"), _local, sort_key=lambda e: e.at),
                Column(self.tr("User"), lambda e: e.user),
                Column(self.tr("Document"), lambda e: e.kind_label),
                Column(self.tr("People"), lambda e: e.people, numeric=True),
                Column(self.tr("Filters"), lambda e: e.filters_text),
                Column(self.tr("File"), lambda e: e.file_name),
                Column(self.tr("Status"), lambda e: e.status_label),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("export-log-table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((120, 90, 210, 70, 260, 260, 110)):
            header.resizeSection(column, width)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        refresh = buttons.addButton(self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        refresh.setObjectName("export-log-refresh")
        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def member_filter(self) -> int | None:
        return self.member.value() or None

    def refresh(self) -> None:
        member_id = self.member_filter()
        self.loading = True
        self.count_label.setText(self.tr("Loading…"))

        def query(session: Session, _task: Task) -> tuple[list[LogEntry], int]:
            return load_entries(session, member_id)

        self.ctx.read(query, self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, result: tuple[list[LogEntry], int]) -> None:
        entries, total = result
        self.loading = False
        self.model.set_rows(entries)
        if self.member_filter() is not None:
            text = self.tr("%n export(s) included this member", "", total)
        elif total > len(entries):
            text = self.tr("The newest %1 of %n export(s)", "", total).replace("%1", f"{len(entries):,}")
        else:
            text = self.tr("%n export(s)", "", total)
        self.count_label.setText(text.replace(str(total), f"{total:,}"))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.model.set_rows([])
        self.count_label.setText(error_message(exc))
