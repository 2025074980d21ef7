"""The input widgets every form uses: one date field, one country picker, enum choices and
check lists. None of them knows which record it edits.

What a person types goes to the service as typed (a date or a country that cannot be read is
sent as text, so the service names the field and the problem in Spanish, as it does for the
command line and imports); the widgets only help: a calendar, accent-blind country search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from talentdesk.core.countries import countries
from talentdesk.core.enums import LabeledEnum
from talentdesk.core.errors import FieldError
from talentdesk.core.text import fold
from talentdesk.core.validation import check_not_future, normalize_country, parse_date
from talentdesk.ui.widgets.records import show_date

# Folded country names: what the completer compares what the user types with.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


# -- text ---------------------------------------------------------------------------------------


def text_line(text: str | None, placeholder: str = "") -> QLineEdit:
    """A one-line text field holding ``text`` (None: empty)."""
    edit = QLineEdit(text or "")
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_box(text: str | None, lines: int = 4) -> QPlainTextEdit:
    """Notes or a description: ``lines`` lines high; Tab moves on rather than typing a tab."""
    edit = QPlainTextEdit(text or "")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


# -- dates --------------------------------------------------------------------------------------


def calendar_icon(palette: QPalette) -> QIcon:
    """A small calendar drawn in the palette's text colour (Qt's styles have no such icon)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = palette.color(QPalette.ColorRole.Text)
    pen = painter.pen()
    pen.setColor(color)
    pen.setWidthF(2.2)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3)
    painter.fillRect(QRectF(4, 6, 24, 7), color)
    for x in (10, 22):
        painter.drawLine(x, 3, x, 8)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for row in range(2):
        for col in range(3):
            painter.drawRect(QRectF(8.5 + col * 6, 16 + row * 5, 3, 3))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date that may stay empty, typed as dd/mm/aaaa (or AAAA-MM-DD) or picked from a calendar
    (the icon at its end, Alt+Down or F4). ``not_future``: the calendar ends today and
    :meth:`check` refuses later dates, as the service does for such fields."""

    # The person changed the date (typing or the calendar), not the program.
    edited = Signal()

    def __init__(
        self, value: date | None = None, parent: QWidget | None = None, *, not_future: bool = False
    ) -> None:
        super().__init__(parent)
        self.not_future = not_future
        self.calendar: QCalendarWidget | None = None
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setClearButtonEnabled(True)
        # As wide as a date with its two buttons (clear, calendar): a date needs no more.
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 72)
        self.pick = self.addAction(calendar_icon(self.palette()), QLineEdit.ActionPosition.TrailingPosition)
        self.pick.setObjectName("date-calendar")
        self.pick.setToolTip(self.tr("Choose the date in a calendar (Alt+Down)"))
        self.pick.triggered.connect(self.open_calendar)
        self.textEdited.connect(lambda _t: self.edited.emit())
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(show_date(value))

    def as_date(self) -> date | None:
        """The date typed, or None when the field is empty or cannot be read."""
        value, err = parse_date(self.text().strip(), "date")
        return value if err is None else None

    def value(self) -> date | str | None:
        """What a form sends: the date, the text as typed when it is not one (the service then
        says so at the field), or None when empty."""
        text = self.text().strip()
        return self.as_date() or text or None

    def check(self, field: str) -> FieldError | None:
        """The service's own checks, for a form that checks a field as the person leaves it."""
        value, err = parse_date(self.text().strip(), field)
        if err is None and self.not_future:
            err = check_not_future(value, field)
        return err

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> QCalendarWidget:
        """The calendar as a popup under the field, on the date typed (else today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("date-calendar-popup")
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        calendar = self.calendar
        calendar.setMaximumDate(QDate.currentDate() if self.not_future else QDate(9999, 12, 31))
        current = self.as_date()
        calendar.setSelectedDate(
            QDate(current.year, current.month, current.day) if current else QDate.currentDate()
        )
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        return calendar

    def _picked(self, qdate: QDate) -> None:
        picked = qdate.toPython()
        assert isinstance(picked, date)
        self.set_date(picked)
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()
        self.edited.emit()


class MomentField(QLineEdit):
    """An optional date and time typed as dd/mm/aaaa hh:mm (a flight's arrival)."""

    FORMATS = ("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M", "%d/%m/%y %H:%M")

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy hh:mm"))
        self.setClearButtonEnabled(True)
        self.setText(value.strftime("%d/%m/%Y %H:%M") if value else "")

    def readable(self) -> bool:
        """Empty, or a date and time in one of the accepted forms."""
        try:
            self.value()
        except ValueError:
            return False
        return True

    def value(self) -> datetime | None:
        """None when empty; raises ValueError when it cannot be read (check :meth:`readable`)."""
        text = " ".join(self.text().split())
        if not text:
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        raise ValueError(text)


# -- countries ----------------------------------------------------------------------------------


class _FoldingCompleter(QCompleter):
    """Finds 'México' from 'mex', 'Mexico' or 'méx': compares accent-folded text."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class CountryCombo(QComboBox):
    """Countries by their Spanish name, type to find (accents and case do not matter); the item
    data is the ISO code. Leaving the field shows the country's own name ('mexico' → 'México')."""

    # The person left the field (not just for the completion popup): time to check it.
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
            self.tidy()
            self.left.emit()

    def line_edit(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # editable
        return line

    def code(self) -> str | None:
        """The ISO code of what is typed, or None when it is empty or not a country."""
        code, _err = normalize_country(self.currentText())
        return code

    def value(self) -> str | None:
        """What a form sends: the ISO code, or the text as typed when it names no country (the
        service says so at the field), or None when empty."""
        return self.code() or self.currentText().strip() or None

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


# -- closed lists -------------------------------------------------------------------------------


class EnumCombo(QComboBox):
    """The members of a LabeledEnum by their Spanish labels, after an optional ``blank`` entry
    (None). Qt turns str enums into plain str, so the items are kept here and found by position."""

    def __init__(
        self, kind: Iterable[LabeledEnum], parent: QWidget | None = None, *, blank: str | None = None
    ) -> None:
        super().__init__(parent)
        self.items: list[LabeledEnum | None] = [None] if blank is not None else []
        if blank is not None:
            self.addItem(blank, None)
        for item in kind:
            self.items.append(item)
            self.addItem(item.label, item.value)

    def set_value(self, value: LabeledEnum | None) -> None:
        self.setCurrentIndex(self.items.index(value) if value in self.items else 0)

    def value(self) -> LabeledEnum | None:
        """The chosen item; None for the blank entry."""
        return self.items[max(self.currentIndex(), 0)] if self.items else None

    def chosen(self) -> LabeledEnum:
        """The chosen item of a list without a blank entry (one is always chosen)."""
        value = self.value()
        assert value is not None, "a list with a blank entry: use value()"
        return value


class CheckList(QListWidget):
    """Items to tick (id, text), tall enough to show them all; ``changed`` when a tick changes."""

    changed = Signal()

    def __init__(self, items: Sequence[tuple[int, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.itemChanged.connect(lambda _i: self.changed.emit())
        self.set_items(items)

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

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        blocked = self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(blocked)
        self.changed.emit()  # silent while the caller blocks signals
