"""The Jornadas workspace: the list of events, and one event open in its tabs.

Every operation here reports ``Changes(events=True)``; the area reloads on those and on member
changes, so undo and redo from the Edit menu refresh it too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import EventStatus
from talentdesk.exports import reference_xlsx
from talentdesk.ops import events as ops_events
from talentdesk.services.event_view import EventInfo, load_events
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.workspace import EventWorkspace
from talentdesk.ui.exports.actions import choose_event, load_event_source, open_export
from talentdesk.ui.exports.kinds import EventSource
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordList
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.buttons import ask, button_row, push_button
from talentdesk.ui.widgets.choosers import DateField, EnumCombo, text_box, text_line
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column

LIST, WORKSPACE = 0, 1


class EventsArea(RecordArea):
    """The Jornadas as a record list; opening one shows it in the event workspace, where the
    window's actions (new, open, delete, search) act on the tab shown."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[EventInfo](
                name="event",
                title=self.tr("Events"),
                columns=[
                    Column(self.tr("Event"), lambda r: r.name),
                    Column(self.tr("Edition"), lambda r: r.edition),
                    Column(self.tr("Starts"), lambda r: r.starts_on, sort_key=lambda r: r.starts_on),
                    Column(self.tr("Ends"), lambda r: r.ends_on, sort_key=lambda r: r.ends_on),
                    Column(self.tr("City"), lambda r: r.city),
                    Column(self.tr("Status"), lambda r: r.status.label),
                    Column(self.tr("Participants"), lambda r: r.participants, numeric=True),
                ],
                widths=(460, 80, 100, 100, 160, 100),
                sort=(2, Qt.SortOrder.DescendingOrder),
                load=lambda session, _text: Listing(load_events(session)),
                search_text=lambda r: " ".join(filter(None, [r.name, r.edition, r.city, r.venue_name])),
                search_placeholder=self.tr("Filter by name, edition or city…"),
                count=lambda n: (self.tr("%n event(s)", "", n), self.tr("%1 of %n event(s)", "", n)),
                form=lambda row: EventDialog(self.ctx, row, self),
                delete=Deletion(
                    self.tr("Delete event"),
                    lambda row: self.tr(
                        "Delete the event “%1” with its agenda, rooms, materials, tasks and %n "
                        "participant(s)? You can undo it with Ctrl+Z.",
                        "",
                        row.participants,
                    ).replace("%1", row.name),
                    lambda row: ops_events.delete(row.id, row.name),
                ),
                sheet=reference_xlsx.EVENTS.title,
                cares=lambda changes: changes.events or changes.members,
                export_name="event-list",
            ),
        )
        self.setObjectName("events-area")
        self.table.activated.connect(lambda _i: self.open_current())
        self.new_button = push_button(self.tr("&New event…"), "event-new", self.new_item)
        self.copy_button = push_button(self.tr("&Copy to a new edition…"), "event-copy", self.copy_current)
        self.open_button = push_button(self.tr("&Open"), "event-open", self.open_current)
        assert self.delete_button is not None
        self.stack = QStackedWidget()
        self.stack.setObjectName("events-stack")
        page = QWidget()
        buttons = (self.new_button, self.copy_button, self.open_button, self.edit_button, self.delete_button)
        self.lay_out(self.table, button_row(*buttons), parent=page).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(page)
        self.workspace = EventWorkspace(ctx)
        self.workspace.back.connect(self.show_list)
        self.workspace.edit_requested.connect(lambda row: self.open_form(row))
        self.stack.addWidget(self.workspace)
        QVBoxLayout(self).addWidget(self.stack)

    def row_buttons(self) -> list[QPushButton]:
        return [self.copy_button, self.open_button, *super().row_buttons()]

    # -- the window's actions act on the tab shown ------------------------------------------------

    def focus_search(self) -> None:
        if self.stack.currentIndex() == WORKSPACE:
            tab = self.workspace.current_tab()
            if tab is self.workspace.participants:
                self.workspace.participants.filter.setFocus()
                self.workspace.participants.filter.selectAll()
                return
            self.show_list()
        super().focus_search()

    def new_item(self) -> None:
        if self.stack.currentIndex() == WORKSPACE:
            tab = self.workspace.current_tab()
            if tab is self.workspace.agenda:
                self.workspace.agenda.new_item()
                return
            if tab is self.workspace.participants:
                self.workspace.participants.add_member()
                return
            if tab is self.workspace.materials:
                self.workspace.materials.add_task()
                return
        self.open_form(None)

    def open_current(self) -> None:
        """Enter or a double click opens the event in the workspace (Edit opens its form)."""
        if self.stack.currentIndex() == WORKSPACE:
            tab = self.workspace.current_tab()
            if tab is self.workspace.agenda:
                self.workspace.agenda.open_current()
            elif tab is self.workspace.participants:
                self.workspace.participants.open_current()
            elif tab is self.workspace.review and (problem := self.workspace.review.current()) is not None:
                self.workspace.go_to_record(problem.record_type, problem.record_id)
            return
        row = self.current_row()
        if row is not None:
            self.open_event(row.id)

    def delete_selected(self) -> None:
        if self.stack.currentIndex() == WORKSPACE:
            tab = self.workspace.current_tab()
            if tab is self.workspace.agenda:
                self.workspace.agenda.delete_selected()
            elif tab is self.workspace.participants:
                self.workspace.participants.delete_selected()
            return
        self.delete_event()

    # -- exports ------------------------------------------------------------------------------

    def export(self, key: str) -> None:
        """An event document: of the open event, else of an event the person picks."""
        if self.stack.currentIndex() == WORKSPACE and self.workspace.data is not None:
            self.workspace.export(key)
            return
        current = self.current_row()
        choose_event(
            self.ctx,
            self,
            lambda event_id: self._export_event(key, event_id),
            preselect=current.id if current is not None else None,
        )

    def export_current(self) -> None:
        """Ctrl+E: what is shown — the participants of the open event, else the list of
        events as shown (its filter, order and columns)."""
        if self.stack.currentIndex() == WORKSPACE and self.workspace.data is not None:
            self.workspace.export("participants")
        elif self.stack.currentIndex() == LIST:
            self.export_table()

    def table_export(self) -> tuple[QTableView, str, int] | None:
        return super().table_export() if self.stack.currentIndex() == LIST else None

    def _export_event(self, key: str, event_id: int) -> None:
        def show(source: EventSource) -> None:
            open_export(self.ctx, key, source, self)

        load_event_source(self.ctx, event_id, show, self)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        super().reload()
        if self.stack.currentIndex() == WORKSPACE:
            self.workspace.reload()

    def is_loading(self) -> bool:
        return self.loading or self.workspace.loading

    # -- navigation ---------------------------------------------------------------------------

    def open_event(self, event_id: int) -> None:
        self.stack.setCurrentIndex(WORKSPACE)
        self.workspace.open_event(event_id)

    def show_list(self) -> None:
        self.stack.setCurrentIndex(LIST)
        if self.workspace.event_id is not None:
            self.select_after_load = self.workspace.event_id
            if (row := self.model.row_of(self.workspace.event_id)) is not None:
                self.table.selectRow(row)
        self.table.setFocus()

    # -- copy and delete ----------------------------------------------------------------------

    def copy_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = CopyEventDialog(self.ctx, row, self)
        dialog.saved.connect(self._copied)
        self.open_dialog(dialog)

    def _copied(self, event_id: Any) -> None:
        if isinstance(event_id, int):
            self.select_after_load = event_id
            self.open_event(event_id)

    def delete_event(self) -> None:
        """As any record's delete, but the open workspace lets go of the event first (so the
        change broadcast does not reload a deleted event) and takes it back if the deletion is
        refused (constancias issued…), saying why in a message box."""
        row, deletion = self.current_row(), self.spec.delete
        if row is None or deletion is None or not ask(self, deletion.title, deletion.question(row)):
            return
        event_id = row.id
        opened = (self.workspace.event_id, self.workspace.data)
        if self.workspace.event_id == event_id:
            self.workspace.event_id, self.workspace.data = None, None

        def refused(exc: BaseException) -> None:
            if opened[0] == event_id and self.workspace.event_id is None:
                self.workspace.event_id, self.workspace.data = opened
            QMessageBox.critical(self, self.tr("TalentDesk"), error_message(exc))

        self.ctx.perform(deletion.op(row), on_failure=refused, parent=self)


# -- forms --------------------------------------------------------------------------------


# -- forms --------------------------------------------------------------------------------------


class EventDialog(RecordDialog):
    """Create (``row`` is None) or edit an event."""

    def __init__(self, ctx: AppContext, row: EventInfo | None, parent: QWidget | None = None) -> None:
        title = self.tr("New event") if row is None else self.tr("Event “%1”").replace("%1", row.name)
        super().__init__(ctx, title, "event-dialog", parent)
        self.row = row
        self.name = text_line(row.name if row else "")
        status = EnumCombo(EventStatus)
        status.set_value(row.status if row else EventStatus.PLANNING)
        code_prefix = text_line(row.code_prefix if row else "JI")
        code_prefix.setMaxLength(8)
        code_prefix.setToolTip(
            self.tr(
                "Capital letters A–Z, up to 8. Codes read like JI27-0001: the prefix, the year's last two digits and a number."
            )
        )
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("edition", self.tr("E&dition"), text_line(row.edition if row else None))
        self.add_field("starts_on", self.tr("&Starts on"), DateField(row.starts_on if row else None))
        self.add_field("ends_on", self.tr("&Ends on"), DateField(row.ends_on if row else None))
        self.add_field("status", self.tr("S&tatus"), status)
        self.add_field("venue_name", self.tr("&Venue"), text_line(row.venue_name if row else None))
        self.add_field("venue_address", self.tr("&Address"), text_line(row.venue_address if row else None))
        self.add_field("city", self.tr("&City"), text_line(row.city if row else None))
        self.add_field("code_prefix", self.tr("Participant code &prefix"), code_prefix)
        self.add_field("description", self.tr("Descr&iption"), text_box(row.description if row else None))
        self.setMinimumWidth(560)
        self.name.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        self.run(ops_events.create(values) if self.row is None else ops_events.update(self.row.id, values))


class CopyEventDialog(RecordDialog):
    """A new edition from a past one: rooms, agenda and materials, dates shifted."""

    def __init__(self, ctx: AppContext, source: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Copy “%1” to a new edition").replace("%1", source.name), "copy-event-dialog", parent
        )
        self.source = source
        explanation = QLabel(
            self.tr(
                "The new edition gets the rooms, the agenda (without speakers or moderators), the "
                "materials and the tasks, with every date moved by the same number of days."
            )
        )
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.name = QLineEdit(source.name)
        self.edition = QLineEdit()
        self.starts_on = DateField()
        self.with_participants = QCheckBox(self.tr("Also copy the participants (invited again)"))
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("edition", self.tr("E&dition"), self.edition)
        self.add_field("starts_on", self.tr("&Starts on"), self.starts_on)
        self.add_field("with_participants", self.tr("Participants"), self.with_participants)
        self.setMinimumWidth(560)
        self.edition.setFocus()

    def submit(self) -> None:
        err = self.starts_on.check("starts_on")
        if err is not None:
            self.show_errors([err])
            return
        starts_on = self.starts_on.as_date()
        if starts_on is None:
            self.show_error(self.tr("Type the first day of the new edition."), "starts_on")
            self.starts_on.setFocus()
            return
        self.run(
            ops_events.copy(
                self.source.id,
                name=self.name.text(),
                edition=self.edition.text().strip() or None,
                starts_on=starts_on,
                with_participants=self.with_participants.isChecked(),
            )
        )
