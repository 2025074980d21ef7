"""Input widgets the record forms share: dates as text, countries, enums, sector check lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from talentdesk.core.countries import countries
from talentdesk.core.enums import LabeledEnum
from talentdesk.ui.widgets.records import show_date


class DateField(QLineEdit):
    """An optional date typed as dd/mm/aaaa; the service parses and validates it."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setClearButtonEnabled(True)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(show_date(value))


class CountryCombo(QComboBox):
    """'(none)' then every country by its Spanish name; type to jump."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("(none)"), None)
        for code, name in countries():
            self.addItem(name, code)
        self.setMaxVisibleItems(20)

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(code), 0) if code else 0)

    def code(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None


class EnumCombo(QComboBox):
    """The members of a LabeledEnum by their Spanish labels (Qt turns str enums into plain str,
    so the items are kept here and found by position)."""

    def __init__(self, kind: Iterable[LabeledEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = list(kind)
        for item in self.items:
            self.addItem(item.label, item.value)

    def set_value(self, value: LabeledEnum | None) -> None:
        self.setCurrentIndex(self.items.index(value) if value in self.items else 0)

    def value(self) -> LabeledEnum:
        return self.items[max(self.currentIndex(), 0)]


class SectorChecklist(QListWidget):
    """The nine sectors with a check box each."""

    edited = Signal()

    def __init__(self, sectors: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for sector_id, name in sectors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, sector_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        rows = max(self.count(), 1)
        self.setFixedHeight(self.sizeHintForRow(0) * min(rows, 9) + 2 * self.frameWidth() + 4)
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked_ids(self) -> list[int]:
        return [
            int(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]
