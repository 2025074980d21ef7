"""The programmes as a board by status: one column per status (Propuesta, En curso, Concluido,
Cancelado), one card per programme. A card moves by dragging it to another column, by Ctrl+Left /
Ctrl+Right, or by the "Move to" buttons; each move is the audited, undoable status change of the
list (``ops.programs.change_status``), offered only where ``services.programs.TRANSITIONS``
allows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.programs import ProgramStatus
from talentdesk.services.program_views import ProgramRow
from talentdesk.services.programs import TRANSITIONS
from talentdesk.ui.widgets.buttons import push_button

MIME = "application/x-talentdesk-program"
ORDER = (ProgramStatus.PROPOSED, ProgramStatus.IN_PROGRESS, ProgramStatus.CONCLUDED, ProgramStatus.CANCELLED)
Index = QModelIndex | QPersistentModelIndex


def can_move(row: ProgramRow, status: ProgramStatus) -> bool:
    return status != row.status and status in TRANSITIONS[row.status]


class CardsModel(QAbstractListModel):
    """The cards of one column: a programme's title, then its kind, years and people."""

    dropped = Signal(int, str)  # program id, the column's status

    def __init__(self, status: ProgramStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.rows: list[ProgramRow] = []

    def set_rows(self, rows: Sequence[ProgramRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = " · ".join(p for p in (row.kind, row.years, self.tr("%n person(s)", "", row.people)) if p)
            return f"{row.title}\n{details}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (row.title, row.responsible or "", "; ".join(row.organizations)) if p)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [self.rows[i.row()] for i in indexes if i.isValid() and 0 <= i.row() < len(self.rows)]
        if rows:
            data.setData(MIME, QByteArray(f"{rows[0].id}:{rows[0].status.value}".encode()))
        return data

    def _dragged(self, data: QMimeData) -> tuple[int, ProgramStatus] | None:
        if not data.hasFormat(MIME):
            return None
        try:
            text = bytes(data.data(MIME).data()).decode()
            program_id, status = text.split(":")
            return int(program_id), ProgramStatus(status)
        except ValueError:
            return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        dragged = self._dragged(data)
        return dragged is not None and self.status in TRANSITIONS[dragged[1]]

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        dragged = self._dragged(data)
        if dragged is None or self.status not in TRANSITIONS[dragged[1]]:
            return False
        self.dropped.emit(dragged[0], self.status.value)
        return False  # the card moves when the change is saved and the list reloads


class ProgramBoard(QWidget):
    """Four columns of cards; the chosen card is the list's current programme."""

    chosen = Signal(int)  # a card was selected
    opened = Signal(int)  # Enter or double click on a card
    move_requested = Signal(int, str)  # program id, new status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("program-board")
        self.rows: dict[int, ProgramRow] = {}
        self.models: dict[ProgramStatus, CardsModel] = {}
        self.views: dict[ProgramStatus, QListView] = {}
        self.headers: dict[ProgramStatus, QLabel] = {}
        self._selecting = False
        grid = QGridLayout()
        grid.setSpacing(6)
        for column, status in enumerate(ORDER):
            model = CardsModel(status, self)
            model.dropped.connect(self._dropped)
            view = QListView()
            view.setObjectName(f"board-{status.value}")
            view.setModel(model)
            view.setWordWrap(True)
            view.setAlternatingRowColors(True)
            view.setSpacing(2)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.selectionModel().currentChanged.connect(lambda current, _p, s=status: self._current(s, current))
            view.activated.connect(lambda index, m=model: self.opened.emit(m.rows[index.row()].id))
            header = QLabel()
            header.setObjectName(f"board-{status.value}-title")
            header.setBuddy(view)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
            grid.addWidget(view, 1, column)
            grid.setColumnStretch(column, 1)
            self.models[status], self.views[status], self.headers[status] = model, view, header
        self.move_buttons: dict[ProgramStatus, QPushButton] = {}
        buttons = QHBoxLayout()
        self.move_label = QLabel(self.tr("Move the chosen program to:"))
        buttons.addWidget(self.move_label)
        for number, status in enumerate(ORDER, start=1):
            button = push_button(f"&{number} {status.label}", f"board-move-{status.value}", self._mover(status))
            buttons.addWidget(button)
            self.move_buttons[status] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Right"), self, lambda: self.move_by(1))
        QShortcut(QKeySequence("Ctrl+Left"), self, lambda: self.move_by(-1))
        self._update()

    def sizeHint(self) -> QSize:
        """No taller than the table it stands for: the programme's details below keep their room."""
        return QSize(400, 120)

    # -- cards ---------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ProgramRow], current: int | None) -> None:
        """Show ``rows`` by status (in the list's order), ``current`` chosen."""
        self.rows = {r.id: r for r in rows}
        self._selecting = True
        try:
            for status in ORDER:
                cards = [r for r in rows if r.status == status]
                self.models[status].set_rows(cards)
                text = f"{status.label} ({len(cards)})"
                self.headers[status].setText(text)
            self.select(current)
        finally:
            self._selecting = False
        self._update()

    def select(self, program_id: int | None) -> None:
        """Choose the card of ``program_id`` (none: no card chosen)."""
        row = self.rows.get(program_id) if program_id is not None else None
        was, self._selecting = self._selecting, True
        try:
            for status, view in self.views.items():
                model = self.models[status]
                if row is not None and row.status == status:
                    index = model.index(model.rows.index(row), 0)
                    view.setCurrentIndex(index)
                    view.scrollTo(index)
                else:
                    view.clearSelection()
                    view.selectionModel().clearCurrentIndex()
        finally:
            self._selecting = was
        self._update()

    def current(self) -> ProgramRow | None:
        for status, view in self.views.items():
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return self.models[status].rows[index.row()]
        return None

    def focus_current(self) -> None:
        row = self.current()
        view = self.views[row.status] if row is not None else self.views[ORDER[0]]
        view.setFocus()

    # -- moving --------------------------------------------------------------------------------------

    def move_by(self, step: int) -> None:
        """Ctrl+Left / Ctrl+Right: to the next column that way the status may change to."""
        row = self.current()
        if row is None:
            return
        column = ORDER.index(row.status) + step
        while 0 <= column < len(ORDER):
            if can_move(row, ORDER[column]):
                self.move_requested.emit(row.id, ORDER[column].value)
                return
            column += step

    def _mover(self, status: ProgramStatus) -> Any:
        def move() -> None:
            row = self.current()
            if row is not None and can_move(row, status):
                self.move_requested.emit(row.id, status.value)

        return move

    def _dropped(self, program_id: int, status: str) -> None:
        self.move_requested.emit(program_id, status)

    def _current(self, status: ProgramStatus, index: QModelIndex) -> None:
        if self._selecting or not index.isValid():
            return
        for other, view in self.views.items():
            if other != status:
                view.clearSelection()
        self.chosen.emit(self.models[status].rows[index.row()].id)
        self._update()

    def _update(self) -> None:
        row = self.current()
        for status, button in self.move_buttons.items():
            button.setEnabled(row is not None and can_move(row, status))
