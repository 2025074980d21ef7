"""What the record areas (chapters, sectors, organisations, the Jornadas list) share: lazy
loading, a table, dialogs, and "Export what is shown" of their table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.actions import open_export, table_source
from talentdesk.ui.exports.dialog import ExportDialog
from talentdesk.ui.exports.kinds import TABLE_VIEW
from talentdesk.ui.widgets.record_dialog import RecordDialog


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


def column_menu(table: QTableView) -> QMenu:
    """One checkable entry per column, in the order shown; the last visible column cannot be
    hidden (a table without columns could not be shown again from its header)."""
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
    return menu


def _show_column_menu(table: QTableView, pos: QPoint) -> None:
    menu = column_menu(table)
    menu.exec(table.horizontalHeader().mapToGlobal(pos))
    menu.deleteLater()


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question whose safe answer (No) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class RecordArea(Area):
    """Loads when first shown; later changes it cares about reload it now or when shown again."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.loaded = False
        self.stale = False
        self.loading = False
        self.dialog: RecordDialog | None = None

    def reload(self) -> None:
        raise NotImplementedError

    # -- "Export what is shown" ---------------------------------------------------------------

    def table_export(self) -> tuple[QTableView, str, int] | None:
        """The table "Export what is shown" writes, the Spanish name of its sheet and file,
        and how many rows it has before the area's filter (-1: the area has no filter);
        None when the area shows no such table right now."""
        return None

    def export_current(self) -> None:
        """Ctrl+E: the table as it is shown (filter, sort, visible columns in their order)."""
        self.export_table()

    def export_table(self) -> ExportDialog | None:
        shown = self.table_export()
        if shown is None:
            return None
        table, name, total = shown
        source = table_source(table, name, self.title(), total)
        return open_export(self.ctx, TABLE_VIEW.key, source, self)

    def add_table_export(self, table: QTableView, prefix: str) -> QPushButton:
        """The area's "Export…" button; the same entry in the table's context menu, and the
        columns' own menu on its header (hide, show; drag to move)."""
        text = QCoreApplication.translate("RecordArea", "Export…")
        tip = QCoreApplication.translate(
            "RecordArea",
            "Save this table as a spreadsheet, as it is shown: filter, order and columns (Ctrl+E)",
        )
        button = QPushButton(text)
        button.setObjectName(f"{prefix}-export")
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self.export_table())
        action = QAction(QCoreApplication.translate("RecordArea", "Export the table as shown…"), table)
        action.setObjectName(f"{prefix}-export-table")
        action.triggered.connect(lambda _checked=False: self.export_table())
        table.addAction(action)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        allow_column_choice(table)
        return button

    def activated(self) -> None:
        if not self.loaded or self.stale:
            self.loaded, self.stale = True, False
            self.reload()

    def refresh(self) -> None:
        """Something this area shows changed."""
        if not self.loaded:
            return
        if self.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def open_dialog(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def confirm_close(self) -> bool:
        """Asked by the main window before closing: an open form with edits asks first."""
        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            return True
        if dialog.confirm_discard():
            dialog.modified = False
            dialog.reject()
            return True
        return False
