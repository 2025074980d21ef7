"""Participantes: the table, the status workflow (one or many at once), members and guests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.countries import country_name
from talentdesk.core.enums import ParticipantRole, ParticipantStatus
from talentdesk.core.errors import ValidationError
from talentdesk.core.text import fold
from talentdesk.ops import events as ops_events
from talentdesk.services import event_workflow
from talentdesk.services.event_view import EventData, ParticipantRow
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.actions import fill_menu
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.buttons import ask
from talentdesk.ui.widgets.choosers import (
    CountryCombo,
    DateField,
    EnumCombo,
    MomentField,
    text_box,
    text_line,
)
from talentdesk.ui.widgets.fitting import FlowLayout
from talentdesk.ui.widgets.member_picker import MemberPicker
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table

#: Exports offered on the participants' context menu: they can take just the selected people.
SELECTION_EXPORTS = ("participants", "badges", "packets", "certificates")


def _arrival(p: ParticipantRow) -> datetime | None:
    return p.travel.arrival_at if p.travel else None


def _show_moment(value: datetime | None) -> str:
    return value.strftime("%d/%m %H:%M") if value else ""


class ParticipantsTab(QWidget):
    export_requested = Signal(str)  # export kind key, for the selected participants

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("participants-tab")
        self.data: EventData | None = None
        self.dialog: RecordDialog | None = None
        self.today: date | None = None  # tests may pin the day the workflow rules use
        self.pending_select: list[int] = []
        self.last_refusal: list[str] = []

        self.filter = QLineEdit()
        self.filter.setObjectName("participant-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by name, code, organization or e-mail…"))
        self.filter.textChanged.connect(lambda _t: self._show_rows())
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("participant-status-filter")
        self.status_filter.addItem(self.tr("(all statuses)"), None)
        for status in ParticipantStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("participant-role-filter")
        self.role_filter.addItem(self.tr("(all roles)"), None)
        for role in ParticipantRole:
            self.role_filter.addItem(role.label, role.value)
        self.role_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.count_label = QLabel()
        self.count_label.setObjectName("participant-count")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.role_filter)
        top.addWidget(self.count_label)

        self.model = RecordTableModel(
            [
                Column(self.tr("Code"), lambda p: p.code),
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("Role"), lambda p: p.role.label),
                Column(
                    self.tr("Status"),
                    lambda p: p.status.label,
                    sort_key=lambda p: list(ParticipantStatus).index(p.status),
                ),
                Column(self.tr("Organization"), lambda p: p.organization),
                Column(self.tr("Country"), lambda p: country_name(p.country) if p.country else ""),
                Column(
                    self.tr("Arrival"),
                    lambda p: _show_moment(_arrival(p)),
                    sort_key=lambda p: _arrival(p) or datetime.max,
                ),
                Column(self.tr("Hotel"), lambda p: p.lodging.hotel if p.lodging else ""),
                Column(self.tr("E-mail"), lambda p: p.email),
            ],
            self,
        )
        self.table: QTableView = make_table(self.model, "participant-table")
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        for column, width in enumerate((100, 230, 110, 110, 220, 120, 100, 200)):
            header.resizeSection(column, width)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_member_button = QPushButton(self.tr("Add &member…"))
        self.add_member_button.setObjectName("participant-add-member")
        self.add_member_button.clicked.connect(self.add_member)
        self.add_guest_button = QPushButton(self.tr("Add &guest…"))
        self.add_guest_button.setObjectName("participant-add-guest")
        self.add_guest_button.clicked.connect(self.add_guest)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("participant-edit")
        self.edit_button.clicked.connect(self.open_current)
        self.travel_button = QPushButton(self.tr("&Travel…"))
        self.travel_button.setObjectName("participant-travel")
        self.travel_button.clicked.connect(self.edit_travel)
        self.lodging_button = QPushButton(self.tr("&Lodging…"))
        self.lodging_button.setObjectName("participant-lodging")
        self.lodging_button.clicked.connect(self.edit_lodging)
        self.status_menu = QMenu(self)
        self.status_menu.setObjectName("participant-status-menu")
        self.status_menu.aboutToShow.connect(lambda: self.fill_status_menu(self.status_menu))
        self.status_button = QToolButton()
        self.status_button.setObjectName("participant-status")
        self.status_button.setText(self.tr("Change &status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setMenu(self.status_menu)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName("participant-remove")
        self.remove_button.clicked.connect(self.delete_selected)
        buttons = FlowLayout()
        for widget in (
            self.add_member_button,
            self.add_guest_button,
            self.edit_button,
            self.travel_button,
            self.lodging_button,
            self.status_button,
            self.remove_button,
        ):
            buttons.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- data ---------------------------------------------------------------------------------

    def set_data(self, data: EventData) -> None:
        keep = self.pending_select or self.selected_ids()
        self.pending_select = []
        self.data = data
        self._show_rows(keep)

    def _show_rows(self, keep: list[int] | None = None) -> None:
        if keep is None:
            keep = self.selected_ids()
        people = self.data.participants if self.data else ()
        words = fold(self.filter.text()).split()
        status, role = self.status_filter.currentData(), self.role_filter.currentData()
        rows = [
            p
            for p in people
            if (status is None or p.status.value == status)
            and (role is None or p.role.value == role)
            and all(w in _haystack(p) for w in words)
        ]
        self.model.set_rows(rows)
        if len(rows) == len(people):
            self.count_label.setText(self.tr("%n participant(s)", "", len(people)))
        else:
            self.count_label.setText(
                self.tr("%1 of %n participant(s)", "", len(people)).replace("%1", str(len(rows)))
            )
        self.select(keep)

    def select(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = True
        for pid in ids:
            row = self.model.row_of(pid)
            if row is None:
                continue
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            if first:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)
        self._update_buttons()

    def select_participant(self, participant_id: int) -> bool:
        """Show and select one participant, clearing filters that hide them."""
        if self.model.row_of(participant_id) is None:
            self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(False)
            for combo in (self.status_filter, self.role_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self._show_rows([participant_id])
        else:
            self.select([participant_id])
        return self.selected_ids() == [participant_id]

    def selected_rows(self) -> list[ParticipantRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row(n) for n in rows) if r is not None]

    def selected_ids(self) -> list[int]:
        return [p.id for p in self.selected_rows()]

    def current(self) -> ParticipantRow | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        has_event = self.data is not None
        self.add_member_button.setEnabled(has_event)
        self.add_guest_button.setEnabled(has_event)
        for button in (self.edit_button, self.travel_button, self.lodging_button):
            button.setEnabled(count == 1)
        self.status_button.setEnabled(count > 0)
        self.remove_button.setEnabled(count > 0)

    # -- status workflow ----------------------------------------------------------------------

    def allowed(self, rows: list[ParticipantRow]) -> list[ParticipantStatus]:
        """Statuses at least one of ``rows`` may move to, in workflow order."""
        if self.data is None:
            return []
        starts = self.data.event.starts_on
        union = {s for p in rows for s in event_workflow.allowed_statuses(p.status, starts, self.today)}
        return [s for s in ParticipantStatus if s in union]

    def fill_status_menu(self, menu: QMenu) -> None:
        menu.clear()
        rows = self.selected_rows()
        choices = self.allowed(rows)
        if not choices:
            none = menu.addAction(self.tr("No status change is possible"))
            none.setEnabled(False)
            return
        for status in choices:
            action = QAction(status.label, menu)
            action.setObjectName(f"status-{status.value}")
            action.triggered.connect(lambda _c=False, s=status: self.change_status(s))
            menu.addAction(action)

    def change_status(self, status: ParticipantStatus, ids: list[int] | None = None) -> None:
        """Move the selected participants (all or none; refusals are shown, nobody moves)."""
        ids = ids if ids is not None else self.selected_ids()
        if not ids:
            return
        self.pending_select = list(ids)
        self.ctx.perform(
            ops_events.change_status(ids, status, today=self.today), on_failure=self._refused, parent=self
        )

    def _refused(self, exc: BaseException) -> None:
        self.pending_select = []
        if isinstance(exc, ValidationError):
            self.last_refusal = [e.message for e in exc.errors]
            QMessageBox.warning(
                self,
                self.tr("Status not changed"),
                self.tr("Nobody was changed:") + "\n\n" + "\n".join(self.last_refusal),
            )
        else:
            self.last_refusal = [error_message(exc)]
            QMessageBox.critical(self, self.tr("Status not changed"), error_message(exc))

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.open_current).setEnabled(self.current() is not None)
        menu.addAction(self.tr("Travel…"), self.edit_travel).setEnabled(self.current() is not None)
        menu.addAction(self.tr("Lodging…"), self.edit_lodging).setEnabled(self.current() is not None)
        status = menu.addMenu(self.tr("Change status"))
        self.fill_status_menu(status)
        menu.addSeparator()
        export = menu.addMenu(self.tr("Export"))
        fill_menu(
            export,
            SELECTION_EXPORTS,
            lambda key: self.export_requested.emit(key),
            prefix="participant-export",
        )
        menu.addSeparator()
        menu.addAction(self.tr("Remove…"), self.delete_selected).setEnabled(bool(self.selected_ids()))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- adding and editing -------------------------------------------------------------------

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda pid: self._saved(pid))
        dialog.open()

    def _saved(self, participant_id: Any) -> None:
        if isinstance(participant_id, int):
            self.pending_select = [participant_id]

    def add_member(self) -> None:
        if self.data is not None:
            self._open(AddMemberDialog(self.ctx, self.data, self))

    def add_guest(self) -> None:
        if self.data is not None:
            self._open(ParticipantDialog(self.ctx, self.data, None, self))

    def open_current(self) -> None:
        row = self.current()
        if self.data is not None and row is not None:
            self._open(ParticipantDialog(self.ctx, self.data, row, self))

    def edit_travel(self) -> None:
        row = self.current()
        if self.data is not None and row is not None:
            self._open(TravelDialog(self.ctx, row, self))

    def edit_lodging(self) -> None:
        row = self.current()
        if self.data is not None and row is not None:
            self._open(LodgingDialog(self.ctx, self.data, row, self))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            text = self.tr(
                "Remove %1 from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z."
            ).replace("%1", rows[0].name)
        else:
            text = self.tr(
                "Remove %n participant(s) from the event? Their travel, lodging and status history "
                "go too. You can undo it with Ctrl+Z.",
                "",
                len(rows),
            )
        if not ask(self, self.tr("Remove participants"), text):
            return
        self.ctx.perform(ops_events.remove_participants([p.id for p in rows]), parent=self)


def _haystack(p: ParticipantRow) -> str:
    return fold(" ".join(filter(None, [p.code, p.name, p.organization, p.email])))


class AddMemberDialog(RecordDialog):
    """Register a member found by searching; their data is copied as it is now."""

    def __init__(self, ctx: AppContext, data: EventData, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a member to the event"), "add-member-dialog", parent)
        self.data = data
        self.picker = MemberPicker(ctx)
        self.role = EnumCombo(ParticipantRole)
        self.role.set_value(ParticipantRole.ATTENDEE)
        self.add_field("member", self.tr("&Member"), self.picker, aliases=("member_id",))
        self.add_field("role", self.tr("&Role"), self.role)
        self.setMinimumWidth(600)
        self.picker.run_search()
        self.picker.setFocus()

    def submit(self) -> None:
        hit = self.picker.selected_hit()
        if hit is None:
            self.show_error(self.tr("Choose a member from the search results."), "member")
            self.picker.setFocus()
            return
        if hit.no_contact and not ask(
            self,
            self.tr("Do not contact"),
            self.tr(
                "%1 asked not to be contacted (right of objection): they must not receive invitations. "
                "Register them only if they asked to take part themselves. Register them?"
            ).replace("%1", hit.name),
        ):
            return
        self.run(
            ops_events.add_member(
                self.data.event.id, hit.id, self.role.chosen(), despite_no_contact=hit.no_contact
            )
        )


class ParticipantDialog(RecordDialog):
    """An external guest (``row`` None) or the registered data of any participant."""

    def __init__(
        self, ctx: AppContext, data: EventData, row: ParticipantRow | None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New guest") if row is None else self.tr("Participant “%1”").replace("%1", row.name)
        super().__init__(ctx, title, "participant-dialog", parent)
        self.data, self.row = data, row
        self.given_names = text_line(row.given_names if row else "")
        country = CountryCombo()
        country.set_code(row.country if row else "MX")
        role = EnumCombo(ParticipantRole)
        role.set_value(row.role if row else ParticipantRole.SPECIAL_GUEST)
        if row is not None:
            code = QLabel(row.code)
            code.setObjectName("participant-code")
            self.form.addRow(self.tr("Code"), code)
        self.add_field("given_names", self.tr("&Given names"), self.given_names)
        for name, label in (
            ("paternal_surname", self.tr("&Paternal surname")),
            ("maternal_surname", self.tr("&Maternal surname")),
            ("organization", self.tr("&Organization")),
            ("email", self.tr("&E-mail")),
            ("phone", self.tr("P&hone")),
        ):
            self.add_field(name, label, text_line(getattr(row, name) if row else None))
        self.add_field("country", self.tr("&Country"), country)
        self.add_field("role", self.tr("&Role"), role)
        for name, label in (
            ("dietary_needs", self.tr("&Dietary needs")),
            ("accessibility_needs", self.tr("&Accessibility needs")),
        ):
            self.add_field(name, label, text_line(getattr(row, name) if row else None))
        self.add_field("notes", self.tr("&Notes"), text_box(row.notes if row else None, lines=3))
        self.setMinimumWidth(520)
        self.given_names.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        if self.row is None:
            self.run(ops_events.add_guest(self.data.event.id, values))
        else:
            self.run(ops_events.update_participant(self.row.id, values))


class TravelDialog(RecordDialog):
    def __init__(self, ctx: AppContext, row: ParticipantRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Travel — %1").replace("%1", row.name), "travel-dialog", parent)
        self.row = row
        t = row.travel
        for key, label in (
            ("arrival_flight", self.tr("Arrival &flight")),
            ("arrival_airline", self.tr("Arrival airline")),
            ("arrival_at", self.tr("&Arrives at")),
            ("arrival_airport", self.tr("Arrival airport")),
            ("arrival_terminal", self.tr("Arrival terminal")),
            ("departure_flight", self.tr("&Departure flight")),
            ("departure_airline", self.tr("Departure airline")),
            ("departure_at", self.tr("De&parts at")),
            ("departure_airport", self.tr("Departure airport")),
            ("departure_terminal", self.tr("Departure terminal")),
        ):
            value = getattr(t, key) if t else None
            edit = MomentField(value) if key.endswith("_at") else text_line(value)
            self.add_field(key, label, edit)
        transfer = QCheckBox(self.tr("Needs a transfer from the airport"))
        transfer.setChecked(bool(t and t.needs_transfer))
        self.add_field("needs_transfer", self.tr("Transfer"), transfer)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        for key, box in self.boxes.items():
            if isinstance(box.editor, MomentField) and not box.editor.readable():
                self.show_error(self.tr("Type the date and time as dd/mm/yyyy hh:mm."), key)
                box.editor.setFocus()
                return
        self.run(ops_events.set_travel(self.row.id, self.field_values()))


class LodgingDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, data: EventData, row: ParticipantRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Lodging — %1").replace("%1", row.name), "lodging-dialog", parent)
        self.row = row
        lodging = row.lodging
        hotel = QComboBox()
        hotel.setEditable(True)
        hotels = sorted(
            {p.lodging.hotel for p in data.participants if p.lodging and p.lodging.hotel}, key=fold
        )
        hotel.addItems(hotels)
        hotel.setCurrentText(lodging.hotel or "" if lodging else "")
        check_in, check_out = row.suggested_stay(data.event)
        self.check_in = DateField(lodging.check_in if lodging else check_in)
        self.check_out = DateField(lodging.check_out if lodging else check_out)
        shares = QComboBox()
        shares.addItem(self.tr("(nobody)"), None)
        for p in sorted(data.participants, key=lambda p: fold(p.name)):
            if p.id != row.id:
                shares.addItem(p.name, p.id)
        shares_with = lodging.shares_with_id if lodging else None
        shares.setCurrentIndex(max(shares.findData(shares_with), 0) if shares_with else 0)
        self.add_field("hotel", self.tr("&Hotel"), hotel)
        self.add_field("room", self.tr("&Room"), text_line(lodging.room if lodging else None))
        self.add_field("check_in", self.tr("Check-&in"), self.check_in)
        self.add_field("check_out", self.tr("Check-&out"), self.check_out)
        self.add_field("shares_with", self.tr("&Shares room with"), shares, key="shares_with_id")
        confirmation = text_line(lodging.confirmation if lodging else None)
        self.add_field("confirmation", self.tr("&Confirmation"), confirmation)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        for key, edit in (("check_in", self.check_in), ("check_out", self.check_out)):
            if (err := edit.check(key)) is not None:
                self.show_error(err.message, key)
                return
        self.run(ops_events.set_lodging(self.row.id, self.field_values()))
