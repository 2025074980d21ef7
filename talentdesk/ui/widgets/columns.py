"""The "Columns…" dialog: which columns a table shows and in what order, all at once (the
header's menu closes after each tick), with a way back to the defaults."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

LOGICAL = Qt.ItemDataRole.UserRole


class ColumnsDialog(QDialog):
    """Tick the columns to show and move them up or down; OK applies both to the table's header
    (which the area saves as it always does). ``hidden_by_default``: the logical columns a reset
    hides (the default order is the logical one)."""

    def __init__(
        self, table: QTableView, hidden_by_default: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or table)
        self.setObjectName("columns-dialog")
        self.setWindowTitle(self.tr("Columns"))
        self.table = table
        self.hidden_by_default = set(hidden_by_default)
        self.list = QListWidget()
        self.list.setObjectName("columns-list")
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemChanged.connect(lambda _item: self._update_buttons())
        self.up = QPushButton(self.tr("Move &up"))
        self.up.setObjectName("columns-up")
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down = QPushButton(self.tr("Move &down"))
        self.down.setObjectName("columns-down")
        self.down.clicked.connect(lambda: self.move_current(1))
        self.reset = QPushButton(self.tr("&Restore defaults"))
        self.reset.setObjectName("columns-reset")
        self.reset.clicked.connect(self.restore_defaults)
        side = QVBoxLayout()
        for button in (self.up, self.down, self.reset):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Tick the columns to show; their order is the table's, left to right."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        header = table.horizontalHeader()
        order = [header.logicalIndex(visual) for visual in range(header.count())]
        self._fill(order, {c for c in order if header.isSectionHidden(c)})
        self.list.setCurrentRow(0)
        self.resize(420, 460)

    def _fill(self, order: Sequence[int], hidden: set[int]) -> None:
        model = self.table.model()
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for logical in order:
            item = QListWidgetItem(str(model.headerData(logical, Qt.Orientation.Horizontal)))
            item.setData(LOGICAL, logical)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked if logical in hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        self._update_buttons()

    def order(self) -> list[int]:
        """The logical columns in the order chosen."""
        return [int(self.list.item(row).data(LOGICAL)) for row in range(self.list.count())]

    def shown(self) -> list[int]:
        """The logical columns ticked, in the order chosen."""
        return [
            int(item.data(LOGICAL))
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def restore_defaults(self) -> None:
        self._fill(range(self.table.model().columnCount()), self.hidden_by_default)
        self.list.setCurrentRow(0)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
        self.ok.setEnabled(bool(self.shown()))  # a table without columns could not be shown again

    def accept(self) -> None:
        apply_columns(self.table, self.order(), set(self.shown()))
        super().accept()


def apply_columns(table: QTableView, order: Sequence[int], shown: set[int]) -> None:
    """Show ``shown`` and hide the rest; place the columns in ``order`` (logical indexes)."""
    header = table.horizontalHeader()
    for visual, logical in enumerate(order):
        header.moveSection(header.visualIndex(logical), visual)
    for logical in order:
        table.setColumnHidden(logical, logical not in shown)
        if logical in shown and header.sectionSize(logical) == 0:
            header.resizeSection(logical, header.defaultSectionSize())
