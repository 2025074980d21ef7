"""Form building blocks: a field with its error line, an optional date, a country picker.

Nothing here knows about members: the chapter, organisation and sector forms can use them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.countries import countries
from talentdesk.core.text import fold
from talentdesk.core.validation import normalize_country

#: Red that reads on light and dark backgrounds alike.
ERROR_COLOR = "#d32f2f"
DATE_FORMAT = "dd/MM/yyyy"
#: Folded country names: what the completer compares what the user types with.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class FieldBox(QWidget):
    """An input with an optional hint and an error message under it (hidden until needed)."""

    def __init__(self, editor: QWidget, name: str, hint: str = "") -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        if hint:
            self.hint = QLabel(hint)
            self.hint.setObjectName(f"hint-{name}")
            self.hint.setWordWrap(True)
            self.hint.setEnabled(False)  # drawn in the palette's muted colour
            layout.addWidget(self.hint)
        self.error = QLabel()
        self.error.setObjectName(f"error-{name}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.setFocusProxy(editor)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")

    def add_error(self, message: str) -> None:
        """Show one more message (a field can fail more than one check)."""
        text = self.error_text()
        self.set_error(f"{text}\n{message}" if text else message)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""


class DateField(QWidget):
    """A date that may be left empty: a check box says whether there is one."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.known = QCheckBox()
        self.known.setObjectName(f"{name}-set")
        self.known.setToolTip(self.tr("Uncheck to leave the date empty"))
        self.known.setAccessibleName(self.tr("Has a date"))
        self.edit = QDateEdit()
        self.edit.setObjectName(name)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setCalendarPopup(True)
        # The minimum is the "empty" value: it shows as the special text.
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setSpecialValueText(self.tr("no date"))
        self.edit.setMaximumDate(QDate.currentDate())
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        self._last = QDate.currentDate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.known.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._show(None)

    def value(self) -> date | None:
        if not self.known.isChecked() or self.edit.date() == self.edit.minimumDate():
            return None
        value = self.edit.date().toPython()
        assert isinstance(value, date)
        return value

    def set_value(self, value: date | None) -> None:
        self.known.blockSignals(True)
        self.known.setChecked(value is not None)
        self.known.blockSignals(False)
        self._show(value)

    def _show(self, value: date | None) -> None:
        # Focus (a label's mnemonic, Tab) goes where typing can happen: the box when empty.
        self.setFocusProxy(self.edit if value is not None else self.known)
        if value is None:
            self.edit.setEnabled(False)
            self.edit.setDate(self.edit.minimumDate())
        else:
            qdate = QDate(value.year, value.month, value.day)
            if qdate > self.edit.maximumDate():
                self.edit.setMaximumDate(qdate)
            self.edit.setEnabled(True)
            self.edit.setDate(qdate)
            self._last = qdate

    def _toggled(self, on: bool) -> None:
        if on:
            last = self._last.toPython()
            self._show(last if isinstance(last, date) else None)
            self.edit.setFocus()
        else:
            if self.edit.date() != self.edit.minimumDate():
                self._last = self.edit.date()
            self._show(None)
        self.changed.emit()


class _FoldingCompleter(QCompleter):
    """Finds 'México' from 'mex', 'Mexico' or 'méx': compares accent-folded text."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class CountryCombo(QComboBox):
    """Countries by their Spanish name, type to find; the item data is the ISO code."""

    #: The user left the field (not just for the completion popup): time to check it.
    left = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.addItem("", None)
        for code, country in countries():
            self.addItem(country, code)
            self.setItemData(self.count() - 1, fold(country), FOLDED_ROLE)
        completer = _FoldingCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.line_edit()
        line.setPlaceholderText(self.tr("Type to search…"))
        line.setClearButtonEnabled(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()

    def line_edit(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # editable
        return line

    def code(self) -> str | None:
        """The ISO code of what is typed, or None when it is empty or not a country."""
        code, _err = normalize_country(self.currentText())
        return code

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        if index < 0:  # a code pycountry does not know: keep it visible rather than lose it
            self.addItem(code or "", code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def tidy(self) -> None:
        """Show the canonical name of what was typed ('mexico' → 'México')."""
        code = self.code()
        if code is not None:
            index = self.findData(code)
            if index >= 0 and self.currentIndex() != index:
                self.setCurrentIndex(index)
            elif index >= 0:
                self.setEditText(self.itemText(index))


class CheckList(QListWidget):
    """Items to tick (id, text); ``changed`` when a tick changes."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.itemChanged.connect(lambda _i: self.changed.emit())

    def set_items(self, items: Sequence[tuple[int, str]]) -> None:
        checked = set(self.checked_ids())
        blocked = self.blockSignals(True)
        self.clear()
        for item_id, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if item_id in checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(blocked)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Big enough to show every item whole without scrolling (short lists only)."""
        rows = max(self.count(), 3)
        height = (
            self.sizeHintForRow(0) if self.count() else self.fontMetrics().height()
        ) + 2 * self.spacing()
        self.setFixedHeight(rows * height + 2 * self.frameWidth() + 4)
        if self.count():
            self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 8)

    def item_for(self, item_id: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == item_id:
                return item
        return None

    def checked_ids(self) -> list[int]:
        return [
            int(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, ids: Sequence[int]) -> None:
        wanted = set(ids)
        blocked = self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(blocked)
        self.changed.emit()  # silent while the caller blocks signals
