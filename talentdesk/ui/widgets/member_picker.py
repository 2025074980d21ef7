"""Pick one member by searching as you type (the members search, in the background)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.exports.consent import may_contact
from talentdesk.services.members import members_as_dicts
from talentdesk.services.search import MemberQuery, search_members
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import Task
from talentdesk.ui.widgets.records import Column, RecordTableModel

LIMIT = 50
DEBOUNCE_MS = 200


@dataclass(frozen=True)
class MemberHit:
    id: int
    name: str
    email: str
    chapter: str
    no_contact: bool = False  # the member objected to being contacted (exports.consent.may_contact)


def find_members(session: Session, text: str, limit: int = LIMIT) -> tuple[int, list[MemberHit]]:
    """The total matching ``text`` and the first ``limit`` of them in name order."""
    page = search_members(session, MemberQuery(text=text), limit=limit)
    hits = [
        MemberHit(
            d["id"], d["full_name"], d["email"] or "", d["chapter"] or "", not may_contact(d["no_contact"])
        )
        for d in members_as_dicts(session, page.ids)
    ]
    return page.total, hits


class _SearchLine(QLineEdit):
    """Down moves into the results."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
        else:
            super().keyPressEvent(event)


class MemberPicker(QWidget):
    edited = Signal()  # the chosen member changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.generation = 0
        self.loading = False
        self.searched = ""  # the text of the last search whose results are shown
        self.search = _SearchLine()
        self.search.setObjectName("member-picker-search")
        self.search.setPlaceholderText(self.tr("Type a name, e-mail or employer…"))
        self.search.setClearButtonEnabled(True)
        self.search.down.connect(self._enter_results)
        self.model = RecordTableModel(
            [
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("E-mail"), lambda h: h.email),
                Column(self.tr("Chapter"), lambda h: h.chapter),
                Column(self.tr("Contact"), lambda h: self.tr("Do not contact") if h.no_contact else ""),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("member-picker-results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.status = QLabel()
        self.status.setObjectName("member-picker-status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.status)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.setFocusProxy(self.search)

    def run_search(self) -> None:
        self.debounce.stop()
        self.generation += 1
        generation = self.generation
        text = self.search.text()
        self.loading = True
        self.status.setText(self.tr("Searching…"))

        def query(session: Session, _task: Task) -> tuple[int, list[MemberHit]]:
            return find_members(session, text)

        def done(result: tuple[int, list[MemberHit]]) -> None:
            if generation != self.generation:
                return
            self.loading = False
            self.searched = text
            total, hits = result
            chosen = self.selected_id()
            self.model.set_rows(hits)
            row = self.model.row_of(chosen)
            if row is not None:
                self.table.selectRow(row)
            elif chosen is not None:
                self.edited.emit()
            if total > len(hits):
                self.status.setText(
                    self.tr("First %1 of %n member(s): type more to narrow the search.", "", total).replace(
                        "%1", str(len(hits))
                    )
                )
            else:
                self.status.setText(self.tr("%n member(s) found", "", total))

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.loading = False
                self.status.setText(str(exc))

        self.ctx.read(query, done, on_failure=failed, owner=self)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        hit: Any = self.model.row(rows[0].row())
        return int(hit.id) if hit is not None else None

    def selected_hit(self) -> MemberHit | None:
        rows = self.table.selectionModel().selectedRows()
        hit: Any = self.model.row(rows[0].row()) if rows else None
        return hit if isinstance(hit, MemberHit) else None

    def selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        hit: Any = self.model.row(rows[0].row()) if rows else None
        return str(hit.name) if hit is not None else ""

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def _enter_results(self) -> None:
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection():
            self.select_first()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.edited.emit()
