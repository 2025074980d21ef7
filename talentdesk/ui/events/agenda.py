"""Agenda: a day × room timetable (rows are 15-minute slots) and the session editor.

Sessions are spanned cells coloured by kind. The grid itself — lanes per room, a second lane
where two sessions overlap in one room, slots and spans — is ``core.agenda_layout``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.agenda_layout import SLOT_MINUTES, DayLayout, Placement, layout_day
from talentdesk.core.enums import ParticipantRole, SessionKind
from talentdesk.core.text import fold
from talentdesk.core.validation import parse_date
from talentdesk.ops import events as ops_events
from talentdesk.services.event_view import EventData, SessionRow
from talentdesk.ui.context import AppContext
from talentdesk.ui.widgets.buttons import ask
from talentdesk.ui.widgets.choosers import DateField, EnumCombo
from talentdesk.ui.widgets.fitting import FlowLayout
from talentdesk.ui.widgets.record_dialog import RecordDialog

Index = QModelIndex | QPersistentModelIndex

SESSION_ROLE = Qt.ItemDataRole.UserRole
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1

#: Fill and accent colour of each kind of session.
KIND_COLORS: dict[SessionKind, tuple[str, str]] = {
    SessionKind.PLENARY: ("#d6e6f7", "#2f6db3"),
    SessionKind.PANEL: ("#dcefd8", "#3d8b37"),
    SessionKind.WORKSHOP: ("#fff0c7", "#b8860b"),
    SessionKind.BREAK: ("#ececec", "#8a8a8a"),
    SessionKind.MEAL: ("#fde3cf", "#c8651b"),
    SessionKind.OTHER: ("#eadff3", "#7b4fa0"),
}


# -- the model ----------------------------------------------------------------------------------


class AgendaModel(QAbstractTableModel):
    """One day: rows are slots, columns are room lanes; a session sits at its first slot."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout: DayLayout[SessionRow] | None = None
        self.anchors: dict[tuple[int, int], Placement[SessionRow]] = {}
        self.no_room = "(no room)"

    def set_layout(self, layout: DayLayout[SessionRow] | None) -> None:
        self.beginResetModel()
        self.layout = layout
        self.anchors = {(p.row, p.column): p for p in layout.placements} if layout else {}
        self.endResetModel()

    def placement(self, index: Index) -> Placement[SessionRow] | None:
        if not index.isValid():
            return None
        return self.anchors.get((index.row(), index.column()))

    def find(self, session_id: int) -> QModelIndex:
        for (row, column), p in self.anchors.items():
            if p.session.id == session_id:
                return self.index(row, column)
        return QModelIndex()

    def session_ids(self) -> list[int]:
        return [p.session.id for p in self.anchors.values()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout is None else self.layout.slots

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout is None else len(self.layout.lanes)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        layout = self.layout
        if layout is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(layout.lanes):
                return None
            lane = layout.lanes[section]
            name = lane.room_name or self.no_room
            return f"{name} ({lane.number + 1})" if lane.number else name
        if not 0 <= section < layout.slots:
            return None
        return layout.slot_time(section).strftime("%H:%M")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.placement(index)
        if p is None:
            return None
        s = p.session
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [s.title, f"{s.when()} · {s.kind.label}"]
            if s.speaker_names:
                lines.append(", ".join(s.speaker_names))
            if s.moderator_name:
                lines.append(s.moderator_name)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(KIND_COLORS[s.kind][0]))
        if role == SESSION_ROLE:
            return s.id
        if role == SPAN_ROLE:
            return p.span
        return None


# -- drawing ------------------------------------------------------------------------------------


class AgendaDelegate(QStyledItemDelegate):
    """A session as a coloured card: time and kind, the title, the speakers and moderator."""

    def __init__(self, moderator_text: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.moderator_text = moderator_text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        placement = model.placement(index) if isinstance(model, AgendaModel) else None
        rect: QRect = option.rect
        if placement is None:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.save()
            if selected:
                painter.fillRect(rect, QColor("#e3ecfa"))
            if index.row() % (60 // SLOT_MINUTES) == 0:
                painter.setPen(QPen(QColor("#c8c8c8")))
                painter.drawLine(rect.topLeft(), rect.topRight())
            painter.restore()
            return
        s = placement.session
        fill, accent = KIND_COLORS[s.kind]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = rect.adjusted(2, 1, -2, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1f4e9a") if selected else QColor(accent), 2.5 if selected else 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(card, 4, 4)
        painter.fillRect(QRect(card.left(), card.top(), 4, card.height()), QColor(accent))
        text = card.adjusted(9, 3, -5, -3)
        base: QFont = option.font
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.88, 6.5))
        bold = QFont(base)
        bold.setBold(True)
        y = text.top()
        bottom = text.bottom()

        def line(font: QFont, color: str, value: str, wrap: bool) -> None:
            nonlocal y
            if not value or y >= bottom:
                return
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(QColor(color))
            room_left = bottom - y
            if wrap:
                bounds = metrics.boundingRect(
                    QRect(text.left(), y, text.width(), 10_000), int(Qt.TextFlag.TextWordWrap), value
                )
                height = min(
                    bounds.height(), max(room_left // metrics.lineSpacing(), 1) * metrics.lineSpacing()
                )
                painter.drawText(
                    QRect(text.left(), y, text.width(), height),
                    int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                    value,
                )
                y += height + 1
            else:
                painter.drawText(
                    QRect(text.left(), y, text.width(), metrics.height()),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                    metrics.elidedText(value, Qt.TextElideMode.ElideRight, text.width()),
                )
                y += metrics.lineSpacing()

        line(small, accent, f"{s.when()} · {s.kind.label}", False)
        line(bold, "#202020", s.title, True)
        people = ", ".join(s.speaker_names)
        if s.moderator_name:
            people = "; ".join(filter(None, [people, f"{self.moderator_text} {s.moderator_name}"]))
        line(small, "#4a4a4a", people, True)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(160, 22)


# -- the tab ------------------------------------------------------------------------------------


class AgendaTab(QWidget):
    """Day selector, the grid, and buttons to add, edit and delete sessions and add rooms."""

    session_selected = Signal(object)  # session id or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agenda-tab")
        self.data: EventData | None = None
        self.dialog: SessionDialog | None = None
        self.pending_select: int | None = None

        self.day = QComboBox()
        self.day.setObjectName("agenda-day")
        self.day.setMinimumContentsLength(28)
        self.day.currentIndexChanged.connect(lambda _i: self._show_day())
        self.new_button = QPushButton(self.tr("&New session…"))
        self.new_button.setObjectName("session-new")
        self.new_button.clicked.connect(self.new_item)
        self.edit_button = QPushButton(self.tr("&Edit session…"))
        self.edit_button.setObjectName("session-edit")
        self.edit_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self.tr("&Delete session…"))
        self.delete_button.setObjectName("session-delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.room_button = QPushButton(self.tr("Add &room…"))
        self.room_button.setObjectName("room-add")
        self.room_button.clicked.connect(self.add_room)
        self.summary = QLabel()
        self.summary.setObjectName("agenda-summary")
        top = FlowLayout()  # wraps on a small screen rather than widening the window
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addWidget(self.summary)
        for button in (self.new_button, self.edit_button, self.delete_button, self.room_button):
            top.addWidget(button)

        self.model = AgendaModel(self)
        self.model.no_room = self.tr("(no room)")
        self.view = QTableView()
        self.view.setObjectName("agenda-grid")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AgendaDelegate(self.tr("Moderator:"), self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(True)
        self.view.setCornerButtonEnabled(False)
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(max(self.fontMetrics().lineSpacing() + 7, 22))
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        vertical.setHighlightSections(False)
        horizontal = self.view.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        horizontal.setMinimumSectionSize(140)
        horizontal.setHighlightSections(False)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.legend = QLabel()
        self.legend.setObjectName("agenda-legend")
        self.legend.setText(
            "  ".join(
                f'<span style="background:{fill}; border-left: 4px solid {accent};">&nbsp;{kind.label}&nbsp;</span>'
                for kind, (fill, accent) in KIND_COLORS.items()
            )
        )
        self.detail = QLabel()
        self.detail.setObjectName("agenda-detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.detail)
        self._selection_changed()

    # -- data ---------------------------------------------------------------------------------

    def set_data(self, data: EventData) -> None:
        keep_day = self.current_day()
        keep_session = self.selected_session_id()
        self.data = data
        days = data.agenda_days()
        event_days = set(data.event.days())
        self.day.blockSignals(True)
        self.day.clear()
        for d in days:
            label = _day_label(d)
            if d not in event_days:
                label = self.tr("%1 (outside the event dates)").replace("%1", label)
            count = sum(1 for s in data.sessions if s.starts_at.date() == d)
            self.day.addItem(self.tr("%1 — %n session(s)", "", count).replace("%1", label), d)
        index = days.index(keep_day) if keep_day in days else 0
        self.day.setCurrentIndex(index)
        self.day.blockSignals(False)
        self._show_day()
        if keep_session is not None:
            self.select_session(keep_session)

    def day_index(self, day: date) -> int:
        """The day's position in the selector (findData cannot compare dates)."""
        return next((i for i in range(self.day.count()) if self.day.itemData(i) == day), 0)

    def current_day(self) -> date | None:
        value = self.day.currentData()
        return value if isinstance(value, date) else None

    def _show_day(self) -> None:
        day = self.current_day()
        if self.data is None or day is None:
            self.model.set_layout(None)
            self.summary.clear()
            return
        layout = layout_day(self.data.sessions, self.data.rooms, day)
        self.model.set_layout(layout)
        self.view.clearSpans()
        for p in layout.placements:
            if p.span > 1:
                self.view.setSpan(p.row, p.column, p.span, 1)
        rooms = {lane.room_id for lane in layout.lanes}
        self.summary.setText(
            self.tr("%n session(s) in %1 room(s)", "", len(layout.placements)).replace("%1", str(len(rooms)))
        )
        self._selection_changed()

    # -- selection ----------------------------------------------------------------------------

    def selected_session_id(self) -> int | None:
        p = self.model.placement(self.view.currentIndex())
        if p is None or not self.view.selectionModel().isSelected(self.view.currentIndex()):
            return None
        return p.session.id

    def select_session(self, session_id: int) -> bool:
        if self.data is None:
            return False
        s = self.data.session(session_id)
        if s is None:
            return False
        day = s.starts_at.date()
        if self.current_day() != day:
            self.day.setCurrentIndex(self.day_index(day))
        index = self.model.find(session_id)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _selection_changed(self) -> None:
        session_id = self.selected_session_id()
        s = self.data.session(session_id) if self.data else None
        self.edit_button.setEnabled(s is not None)
        self.delete_button.setEnabled(s is not None)
        self.new_button.setEnabled(self.data is not None)
        self.room_button.setEnabled(self.data is not None)
        if s is None:
            self.detail.setText(self.tr("Double-click an empty slot to add a session there."))
        else:
            parts = [
                f"<b>{_html(s.title)}</b>",
                f"{s.starts_at:%d/%m/%Y} {s.when()}",
                _html(s.kind.label),
                _html(s.room_name or self.tr("(no room)")),
            ]
            text = " · ".join(parts)
            if s.speaker_names:
                text += "<br>" + self.tr("Speakers:") + " " + _html(", ".join(s.speaker_names))
            if s.moderator_name:
                text += "<br>" + self.tr("Moderator:") + " " + _html(s.moderator_name)
            if s.description:
                text += "<br>" + _html(s.description)
            self.detail.setText(text)
        self.session_selected.emit(session_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        p = self.model.placement(index)
        if p is not None:
            self._open_form(p.session, None, None)
            return
        layout = self.model.layout
        if layout is None or not index.isValid():
            return
        lane = layout.lanes[index.column()]
        self._open_form(None, datetime.combine(layout.day, layout.slot_time(index.row())), lane.room_id)

    # -- actions ------------------------------------------------------------------------------

    def new_item(self) -> None:
        day = self.current_day()
        if self.data is None:
            return
        start = datetime.combine(day or self.data.event.starts_on, time(9, 0))
        self._open_form(None, start, None)

    def open_current(self) -> None:
        if self.data is None:
            return
        s = self.data.session(self.selected_session_id())
        if s is not None:
            self._open_form(s, None, None)

    def _open_form(self, s: SessionRow | None, start: datetime | None, room_id: int | None) -> None:
        if self.data is None:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = SessionDialog(self.ctx, self.data, s, start, room_id, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()

    def _saved(self, session_id: Any) -> None:
        if isinstance(session_id, int):
            self.pending_select = session_id

    def delete_selected(self) -> None:
        if self.data is None:
            return
        s = self.data.session(self.selected_session_id())
        if s is None:
            return
        if not ask(
            self,
            self.tr("Delete session"),
            self.tr("Delete the session “%1”? You can undo it with Ctrl+Z.").replace("%1", s.title),
        ):
            return
        self.ctx.perform(ops_events.delete_session(s.id), parent=self)

    def add_room(self) -> None:
        if self.data is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add room"), self.tr("Name of the new room:"))
        if not ok or not name.strip():
            return
        self.ctx.perform(ops_events.add_room(self.data.event.id, name), parent=self)

    def after_reload(self) -> None:
        """Select the session just saved, once the grid shows it."""
        if self.pending_select is not None:
            self.select_session(self.pending_select)
            self.pending_select = None


def session_values(s: SessionRow) -> dict[str, Any]:
    return {
        "title": s.title,
        "kind": s.kind,
        "starts_at": s.starts_at,
        "ends_at": s.ends_at,
        "room_id": s.room_id,
        "moderator_id": s.moderator_id,
        "description": s.description,
        "speaker_ids": list(s.speaker_ids),
    }


def _day_label(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d/MM/yyyy")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the session editor -------------------------------------------------------------------------


class SpeakerList(QWidget):
    """The participants with a check box each, a filter on top; those checked come first."""

    edited = Signal()

    def __init__(self, data: EventData, checked: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("speaker-filter")
        self.filter.setPlaceholderText(self.tr("Filter participants…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("speaker-list")
        chosen = set(checked)
        speaking = (ParticipantRole.SPEAKER, ParticipantRole.MODERATOR, ParticipantRole.SPECIAL_GUEST)
        people = sorted(
            data.participants,
            key=lambda p: (p.id not in chosen, p.role not in speaking, fold(p.name)),
        )
        for p in people:
            item = QListWidgetItem(f"{p.name} — {p.role.label}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if p.id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMinimumHeight(150)
        self.list.itemChanged.connect(lambda _i: self.edited.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.setFocusProxy(self.filter)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(not all(w in fold(item.text()) for w in words))

    def checked_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, participant_id: int, checked: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class SessionDialog(RecordDialog):
    """Create (``row`` is None) or edit a session of the agenda."""

    def __init__(
        self,
        ctx: AppContext,
        data: EventData,
        row: SessionRow | None,
        start: datetime | None,
        room_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New session") if row is None else self.tr("Session “%1”").replace("%1", row.title)
        super().__init__(ctx, title, "session-dialog", parent)
        self.data, self.row = data, row
        begins = row.starts_at if row else (start or datetime.combine(data.event.starts_on, time(9, 0)))
        ends = row.ends_at if row else begins + timedelta(hours=1)
        self.title_edit = QLineEdit(row.title if row else "")
        self.kind = EnumCombo(SessionKind)
        self.kind.set_value(row.kind if row else SessionKind.PANEL)
        self.day = DateField(begins.date())
        self.starts = QTimeEdit(QTime(begins.hour, begins.minute))
        self.ends = QTimeEdit(QTime(ends.hour, ends.minute))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(lambda _t: self.set_modified(True))
        self.room = QComboBox()
        self.room.addItem(self.tr("(no room)"), None)
        for r in data.rooms:
            self.room.addItem(r.name, r.id)
        wanted_room = row.room_id if row else room_id
        self.room.setCurrentIndex(max(self.room.findData(wanted_room), 0) if wanted_room else 0)
        self.speakers = SpeakerList(data, row.speaker_ids if row else ())
        self.moderator = QComboBox()
        self.moderator.addItem(self.tr("(none)"), None)
        for p in sorted(data.participants, key=lambda p: fold(p.name)):
            self.moderator.addItem(f"{p.name} — {p.role.label}", p.id)
        self.moderator.setMaxVisibleItems(20)
        moderator_id = row.moderator_id if row else None
        self.moderator.setCurrentIndex(max(self.moderator.findData(moderator_id), 0) if moderator_id else 0)
        self.description = QPlainTextEdit(row.description or "" if row else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 3 + 12)

        self.add_field("title", self.tr("&Title"), self.title_edit)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("day", self.tr("&Day"), self.day)
        self.add_field("starts_at", self.tr("&Starts"), self.starts)
        self.add_field("ends_at", self.tr("&Ends"), self.ends)
        self.add_field("room", self.tr("&Room"), self.room, aliases=("room_id",))
        self.add_field("speakers", self.tr("S&peakers"), self.speakers, aliases=("speaker_ids",))
        self.add_field("moderator", self.tr("&Moderator"), self.moderator, aliases=("moderator_id",))
        self.add_field("description", self.tr("Descr&iption"), self.description)
        self.setMinimumWidth(560)
        self.title_edit.setFocus()

    def values(self) -> dict[str, Any] | None:
        day, err = parse_date(self.day.text().strip(), "day")
        if err is not None or day is None:
            self.show_error(self.tr("Type the day as dd/mm/yyyy."), "day")
            self.day.setFocus()
            return None
        start, end = self.starts.time(), self.ends.time()
        return {
            "title": self.title_edit.text(),
            "kind": self.kind.value(),
            "starts_at": datetime.combine(day, time(start.hour(), start.minute())),
            "ends_at": datetime.combine(day, time(end.hour(), end.minute())),
            "room_id": self.room.currentData(),
            "moderator_id": self.moderator.currentData(),
            "description": self.description.toPlainText(),
            "speaker_ids": self.speakers.checked_ids(),
        }

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        if self.row is None:
            self.run(ops_events.add_session(self.data.event.id, values))
        else:
            self.run(ops_events.update_session(self.row.id, values))
