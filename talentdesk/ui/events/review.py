"""Revisión: what is wrong with the event's plan; activating a problem shows its record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from talentdesk.services.event_view import EventData, ProblemRow
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table


class ReviewTab(QWidget):
    problem_activated = Signal(str, int)  # record type ('session', 'participant', 'room'), id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-tab")
        self.summary = QLabel()
        self.summary.setObjectName("review-summary")
        self.summary.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column(self.tr("Problem"), lambda p: p.kind_label),
                Column(self.tr("Record"), lambda p: p.record_label),
                Column(self.tr("Details"), lambda p: p.message),
            ],
            self,
        )
        self.table: QTableView = make_table(self.model, "review-table", sortable=False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 300)
        header.resizeSection(1, 280)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        hint = QLabel(self.tr("Double-click a problem (or press Enter) to go to its record."))
        hint.setObjectName("review-hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def set_data(self, data: EventData) -> None:
        keep = self.current()
        self.model.set_rows(data.problems)
        count = len(data.problems)
        if count:
            self.summary.setText(self.tr("%n problem(s) found in the plan of this event.", "", count))
        else:
            self.summary.setText(self.tr("No problems found: the plan looks consistent."))
        if keep is not None:
            for n, p in enumerate(self.model.rows):
                if (p.kind, p.record_id) == (keep.kind, keep.record_id):
                    self.table.selectRow(n)
                    break

    def current(self) -> ProblemRow | None:
        rows = self.table.selectionModel().selectedRows()
        row: ProblemRow | None = self.model.row(rows[0].row()) if rows else None
        return row

    def activate_row(self, row: int) -> None:
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        problem: ProblemRow | None = self.model.row(index.row()) if index.isValid() else None
        if problem is not None:
            self.problem_activated.emit(problem.record_type, problem.record_id)
