"""The member form's History tab: every programme, need and Jornada the member took part in,
across years, with role, status and outcome (``services.history.member_history``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from talentdesk.services.history import HistoryRow
from talentdesk.ui.members.form_data import FormData
from talentdesk.ui.members.form_pages import MemberPage
from talentdesk.ui.widgets.record_dialog import FormDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table


class HistoryPage(MemberPage):
    scrolls = False

    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
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
        self.table = make_table(self.model, "member-history", sortable=False)
        self.empty = QLabel(self.tr("No programs, needs or Jornadas yet."))
        self.empty.setObjectName("member-history-empty")
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_choices(self, data: FormData) -> None:
        self.show_history(data.history)

    def show_history(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
