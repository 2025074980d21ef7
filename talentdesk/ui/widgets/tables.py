"""Read-only tables as every area shows them: whole-row selection, no editing, compact rows, and
columns the user can move and hide from the header (an export takes them as they are)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from talentdesk.ui.widgets.columns import ColumnsDialog
from talentdesk.ui.widgets.records import RecordTableModel


def make_table(model: QAbstractItemModel, name: str, *, sortable: bool = True) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(sortable)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def allow_column_choice(table: QTableView) -> None:
    """As in the members table: columns can be dragged to another place, and hidden or shown
    again from the header's context menu. An export takes them as they are."""
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: _show_column_menu(table, pos))


def column_menu(table: QTableView, columns: QAction | None = None) -> QMenu:
    """One checkable entry per column, in the order shown, then "Columns…" (``columns``, else
    one without default hidden columns); the last visible column cannot be hidden (a table
    without columns could not be shown again from its header)."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(table)
    menu.setObjectName(f"{table.objectName()}-columns")
    visible = sum(not header.isSectionHidden(i) for i in range(header.count()))
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        action = menu.addAction(str(model.headerData(logical, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        shown = not header.isSectionHidden(logical)
        action.setChecked(shown)
        action.setEnabled(not (shown and visible == 1))
        action.toggled.connect(lambda on, column=logical: table.setColumnHidden(column, not on))
    menu.addSeparator()
    menu.addAction(columns if columns is not None else columns_action(table, menu))
    return menu


def columns_action(table: QTableView, parent: QObject, hidden_by_default: Sequence[int] = ()) -> QAction:
    """ "Columns…": the dialog to show, hide and order every column at once (see
    :class:`~talentdesk.ui.widgets.columns.ColumnsDialog`)."""
    action = QAction(QCoreApplication.translate("ColumnsDialog", "&Columns…"), parent)
    action.setObjectName(f"{table.objectName()}-columns")
    action.triggered.connect(lambda _checked=False: open_columns_dialog(table, hidden_by_default))
    return action


def open_columns_dialog(table: QTableView, hidden_by_default: Sequence[int] = ()) -> ColumnsDialog:
    dialog = ColumnsDialog(table, hidden_by_default, table.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _show_column_menu(table: QTableView, pos: QPoint) -> None:
    menu = column_menu(table)
    menu.exec(table.horizontalHeader().mapToGlobal(pos))
    menu.deleteLater()


def fit_columns(table: QTableView, cap: int = 320, rows: int = 200, *, headers: bool = True) -> None:
    """Default widths from the content: each shown column as wide as the first ``rows`` rows
    (and, with ``headers``, its title) need, none wider than ``cap`` (long values elide). A
    wide table leaves ``headers`` out, so that more columns fit and long titles elide."""
    header = table.horizontalHeader()
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.setResizeContentsPrecision(rows)
    floor = table.fontMetrics().averageCharWidth() * 6
    for column in range(header.count()):
        if not header.isSectionHidden(column):
            if headers:
                table.resizeColumnToContents(column)
                width = header.sectionSize(column)
            else:  # the title may take a quarter more than the values need
                data = table.sizeHintForColumn(column)
                width = max(data, min(header.sectionSizeHint(column), data * 5 // 4))
            header.resizeSection(column, max(floor, min(width + 8, cap)))


def selected_row(table: QTableView) -> Any | None:
    """The row object selected in a table over a :class:`RecordTableModel` (None: none)."""
    model = table.model()
    assert isinstance(model, RecordTableModel)
    rows = table.selectionModel().selectedRows()
    return model.row(rows[0].row()) if rows else None
