"""What the record areas (chapters, sectors, organisations) share: lazy loading, a table, dialogs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext
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
