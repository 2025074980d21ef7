"""The members table model: an ordered array of matching ids and a lazy row cache.

The Anki/calibre pattern: the model never holds ORM objects. It knows the total and the ids
in display order; rows are fetched in blocks of ``BLOCK`` around the one being painted (one
indexed query by primary key, ~2 ms at a million members) and kept in a bounded cache.
While the full id list is still loading in the background, rows past the first page show a
placeholder and fill in when the list arrives.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from talentdesk.db.session import Database
from talentdesk.services.member_table import COLUMNS, Column, display_value, fetch_rows

Index = QModelIndex | QPersistentModelIndex
BLOCK = 200
CACHE_ROWS = 20_000
PLACEHOLDER = "…"

#: English source headers, marked for lupdate (translated in headerData); keys follow COLUMNS.
HEADERS = {
    "paternal_surname": QT_TRANSLATE_NOOP("MemberTableModel", "Paternal surname"),
    "maternal_surname": QT_TRANSLATE_NOOP("MemberTableModel", "Maternal surname"),
    "given_names": QT_TRANSLATE_NOOP("MemberTableModel", "Given names"),
    "email": QT_TRANSLATE_NOOP("MemberTableModel", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("MemberTableModel", "Phone"),
    "country": QT_TRANSLATE_NOOP("MemberTableModel", "Country"),
    "state": QT_TRANSLATE_NOOP("MemberTableModel", "State / region"),
    "city": QT_TRANSLATE_NOOP("MemberTableModel", "City"),
    "chapter": QT_TRANSLATE_NOOP("MemberTableModel", "Chapter"),
    "primary_sector": QT_TRANSLATE_NOOP("MemberTableModel", "Main sector"),
    "employer": QT_TRANSLATE_NOOP("MemberTableModel", "Employer"),
    "job_title": QT_TRANSLATE_NOOP("MemberTableModel", "Job title"),
    "degree_level": QT_TRANSLATE_NOOP("MemberTableModel", "Degree"),
    "status": QT_TRANSLATE_NOOP("MemberTableModel", "Status"),
    "directory_consent": QT_TRANSLATE_NOOP("MemberTableModel", "In directories"),
    "joined_on": QT_TRANSLATE_NOOP("MemberTableModel", "Joined"),
    "id": QT_TRANSLATE_NOOP("MemberTableModel", "Id"),
}


class MemberTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.columns: tuple[Column, ...] = COLUMNS
        self.ids: array[int] = array("q")
        self.total = 0
        self.cache: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self.fetches = 0  # row queries run (tests and the benchmark read it)

    # -- content ------------------------------------------------------------------------------

    def show_page(self, total: int, first_ids: list[int]) -> None:
        """A new result: its total and first ids (the rest arrive with ``show_all``)."""
        self.beginResetModel()
        self.total = total
        self.ids = array("q", first_ids)
        self.cache.clear()
        self.endResetModel()

    def show_all(self, ids: array[int]) -> None:
        """The complete ordered id list of the current result."""
        if len(ids) != self.total:
            self.beginResetModel()
            self.total = len(ids)
            self.ids = ids
            self.endResetModel()
            return
        known = len(self.ids)
        changed_prefix = self.ids[:known] != ids[:known]
        self.ids = ids
        if self.total:
            first = 0 if changed_prefix else known
            if first < self.total:
                self.dataChanged.emit(self.index(first, 0), self.index(self.total - 1, len(self.columns) - 1))

    def is_complete(self) -> bool:
        return len(self.ids) == self.total

    def invalidate_rows(self) -> None:
        """Rows may have changed in the database: drop the cache, repaint."""
        self.cache.clear()
        if self.total:
            self.dataChanged.emit(self.index(0, 0), self.index(self.total - 1, len(self.columns) - 1))

    def member_id(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, member_id: int) -> int | None:
        try:
            return self.ids.index(member_id)
        except ValueError:
            return None

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(str(HEADERS[self.columns[section].key]))
            if role == Qt.ItemDataRole.UserRole:
                return self.columns[section].key
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not (0 <= index.row() < self.total)
            or not (0 <= index.column() < len(self.columns))
        ):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            if row is None:
                return PLACEHOLDER
            column = self.columns[index.column()]
            return display_value(column, row[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and index.row() >= len(self.ids):
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.UserRole:
            return self.member_id(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            self.sort_requested.emit(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    # -- cache --------------------------------------------------------------------------------

    def _row(self, row: int) -> tuple[Any, ...] | None:
        member_id = self.member_id(row)
        if member_id is None:
            return None
        cached = self.cache.get(member_id)
        if cached is not None:
            return cached
        start = max(0, row - BLOCK // 4)
        wanted = [i for i in self.ids[start : start + BLOCK] if i not in self.cache]
        with self.db.reader() as session:
            fetched = fetch_rows(session, wanted)
        self.fetches += 1
        for i in wanted:
            # A member deleted meanwhile shows empty until the result refreshes.
            self.cache[i] = fetched.get(i, tuple(None for _ in self.columns))
        while len(self.cache) > CACHE_ROWS:
            self.cache.popitem(last=False)
        return self.cache.get(member_id)
