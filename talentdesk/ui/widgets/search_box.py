"""The search line above a result table: Escape clears it, Down moves into the results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTableView


class SearchBox(QLineEdit):
    """``on_down`` runs on Down (usually :func:`enter_results` of the table below)."""

    def __init__(self, on_down: Callable[[], None]) -> None:
        super().__init__()
        self.on_down = on_down
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif event.key() == Qt.Key.Key_Down:
            self.on_down()
        else:
            super().keyPressEvent(event)


def enter_results(table: QTableView) -> None:
    """Focus the table with a row *selected*, not only current: Delete, "Eliminar" and the bulk
    actions act on the selection, so a focused but unselected row left them all greyed out.
    The current row is kept when there is one, else the first row is chosen."""
    table.setFocus()
    model = table.model()
    if table.selectionModel().hasSelection() or model is None or model.rowCount() == 0:
        return
    current = table.currentIndex()
    table.selectRow(current.row() if current.isValid() else 0)
