"""The member form's History tab: every programme, need and Jornada the member took part in,
across years, with role, status and outcome (``services.history.member_history``), in the one
history table the organisation and chapter forms show too (``widgets.history``)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from talentdesk.services.history import HistoryRow
from talentdesk.ui.members.form_data import FormData
from talentdesk.ui.members.form_pages import MemberPage
from talentdesk.ui.widgets.history import HistoryTable
from talentdesk.ui.widgets.record_dialog import FormDialog


class HistoryPage(MemberPage):
    scrolls = False

    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        self.history = HistoryTable("member-history", self.tr("No programs, needs or Jornadas yet."))
        self.model, self.table, self.empty = self.history.model, self.history.table, self.history.empty
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)

    def set_choices(self, data: FormData) -> None:
        self.show_history(data.history)

    def show_history(self, rows: list[HistoryRow]) -> None:
        self.history.show_history(rows)
