"""A table model over a short list of plain rows (chapters, sectors, organisations...).

The areas load their rows in the background as frozen dataclasses (never ORM objects) and hand
them over whole; a few hundred rows need no paging. Columns say how to show and sort a row.
:func:`shown_table` reads a view back as it is on screen (for "Export what is shown").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from talentdesk.exports.columns import SheetColumn
from talentdesk.services.record_lists import cell_key

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """``header`` is already translated; ``value`` gives what the cell shows, with dates and
    numbers left as such (the model formats them for the screen, an export keeps them)."""

    header: str
    value: Callable[[Any], object]
    sort_key: Callable[[Any], Any] | None = None
    numeric: bool = False

    def export_value(self, row: Any) -> object:
        """Typed for a spreadsheet: numbers, dates and texts as they are, labels for enums."""
        value = self.value(row)
        if value is None or value == "":
            return None
        if isinstance(value, Enum):
            return str(getattr(value, "label", value.value))
        if isinstance(value, int | float | Decimal | date):
            return value
        return str(value)


def show_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class RecordTableModel(QAbstractTableModel):
    """Rows with an ``id`` attribute (or ``id_of``), shown by :class:`Column`."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        id_of: Callable[[Any], int] = lambda row: int(row.id),
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.id_of = id_of
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- content ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            self.rows.sort(
                key=self._key(self._sort[0]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder
            )
        self.endResetModel()

    def row(self, number: int) -> Any | None:
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def row_of(self, row_id: int | None) -> int | None:
        if row_id is None:
            return None
        return next((i for i, row in enumerate(self.rows) if self.id_of(row) == row_id), None)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.column() < len(self.columns)):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(row)
            if isinstance(value, date):
                return show_date(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.id_of(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self.rows)
        persistent = self.persistentIndexList()
        self.rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        position = {id(row): i for i, row in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(position[id(old[p.row()])], p.column())
                if 0 <= p.row() < len(old)
                else QModelIndex()
                for p in persistent
            ],
        )
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[Any], Any]:
        spec = self.columns[column]
        if spec.sort_key is not None:
            return spec.sort_key
        return lambda row: cell_key(spec.value(row))


#: Characters per column in a spreadsheet made from a view (from its width on screen).
MIN_WIDTH, MAX_WIDTH = 8.0, 60.0


def shown_table(view: QTableView) -> tuple[tuple[SheetColumn, ...], tuple[tuple[object, ...], ...]]:
    """The columns and rows of a view over a :class:`RecordTableModel` as the person sees them:
    the visible columns in their on-screen order with their (translated) headers, the rows the
    model holds (already filtered by the area) in their current order, typed for a spreadsheet.
    Read on the GUI thread; the result is plain immutable data a worker may write."""
    model = view.model()
    assert isinstance(model, RecordTableModel), "shown_table reads RecordTableModel views"
    header = view.horizontalHeader()
    char = max(view.fontMetrics().averageCharWidth(), 1)
    logical = [header.logicalIndex(v) for v in range(header.count())]
    logical = [i for i in logical if not header.isSectionHidden(i) and 0 <= i < len(model.columns)]
    columns = tuple(
        SheetColumn(
            model.columns[i].header,
            min(max(round(header.sectionSize(i) / char), MIN_WIDTH), MAX_WIDTH),
        )
        for i in logical
    )
    specs = [model.columns[i] for i in logical]
    rows = tuple(tuple(spec.export_value(row) for spec in specs) for row in model.rows)
    return columns, rows
