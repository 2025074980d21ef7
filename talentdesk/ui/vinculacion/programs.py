"""The programmes tab of Vinculación: the list with its filters (kind, status, sector, chapter, year), the
selected programme's people, outcomes and status history, and their forms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.programs import OutcomeKind, ProgramRole, ProgramStatus
from talentdesk.ops import programs as ops_programs
from talentdesk.services.program_views import (
    ProgramDetail,
    ProgramFilter,
    ProgramRow,
    load_programs,
    outcome_summary,
    program_detail,
)
from talentdesk.services.programs import TRANSITIONS
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.actions import open_export
from talentdesk.ui.exports.kinds import LinkageSource
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordDetails, RecordList, RecordParts
from talentdesk.ui.vinculacion.board import ProgramBoard
from talentdesk.ui.vinculacion.refs import RefListing, Refs, choice_combo, fill_combo, load_refs, narrow
from talentdesk.ui.widgets.buttons import ask, button_row, push_button
from talentdesk.ui.widgets.choosers import CheckList, DateField, EnumCombo, text_box, text_line
from talentdesk.ui.widgets.member_picker import MemberPicker
from talentdesk.ui.widgets.record_dialog import RecordDialog, field_value
from talentdesk.ui.widgets.records import Column, show_date


def _load(session: Session, wanted: ProgramFilter) -> Listing[ProgramRow]:
    return RefListing(load_programs(session, wanted), total=None, refs=load_refs(session))


class ProgramsList(RecordArea):
    """The programmes, newest first, filtered; the selected one's details, people, outcomes and
    status history under the list."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[ProgramRow](
                name="program",
                title=self.tr("Programs"),
                columns=[
                    Column(self.tr("Program"), lambda r: r.title),
                    Column(self.tr("Kind"), lambda r: r.kind),
                    Column(self.tr("Status"), lambda r: r.status.label),
                    Column(
                        self.tr("Years"),
                        lambda r: r.years,
                        sort_key=lambda r: (r.starts_on or r.ends_on or date.min, r.id),
                    ),
                    Column(self.tr("PNCS"), lambda r: r.responsible),
                    Column(self.tr("People"), lambda r: r.people, numeric=True),
                    Column(self.tr("Outcomes"), lambda r: outcome_summary(r.outcomes)),
                ],
                widths=(260, 160, 80, 80, 150, 60),
                sort=(3, Qt.SortOrder.DescendingOrder),
                load=_load,
                search_in_load=True,
                search_placeholder=self.tr("Search by title, kind, PNCS, organization or chapter…"),
                count=lambda n: (self.tr("%n program(s)", "", n), self.tr("%1 of %n program(s)", "", n)),
                new_text=self.tr("&New program…"),
                form=lambda row: ProgramDialog(self.ctx, self.refs, row, self.detail_data, self),
                delete=Deletion(
                    self.tr("Delete program"),
                    lambda row: self.tr(
                        "Delete the program “%1” with its people, outcomes and status history? "
                        "You can undo it with Ctrl+Z."
                    ).replace("%1", row.title),
                    lambda row: ops_programs.delete(row.id, row.title),
                ),
                sheet=self.tr("Programs"),
                cares=lambda changes: changes.programs or changes.members or changes.organizations,
                select_first=True,
            ),
        )
        self.setObjectName("programs-area")
        self.refs = Refs()
        self.detail_data: ProgramDetail | None = None
        self.detail_generation = 0
        self.kind = self._filter("program-kind-filter")
        self.status = self._filter("program-status-filter")
        fill_combo(self.status, self.tr("All statuses"), [(s.value, s.label) for s in ProgramStatus])
        self.sector = self._filter("program-sector-filter")
        self.chapter = self._filter("program-chapter-filter")
        self.year = self._filter("program-year-filter")
        #: Filters given from elsewhere (a Tablero bar), kept until a filter is changed here.
        self.wanted: ProgramFilter | None = None
        filters = QHBoxLayout()
        for combo in (self.kind, self.status, self.sector, self.chapter, self.year):
            filters.addWidget(combo, 1)
        self.as_list = _toggle(self.tr("&List"), "programs-as-list")
        self.as_board = _toggle(self.tr("&Board by status"), "programs-as-board")
        self.view_group = QButtonGroup(self)
        for place, button in enumerate((self.as_list, self.as_board), start=1):
            self.view_group.addButton(button)
            self.toolbar.insertWidget(place, button)
        self.as_list.setChecked(True)
        self.as_board.toggled.connect(self.show_board)
        self.board = ProgramBoard()
        self.board.chosen.connect(self._board_chose)
        self.board.opened.connect(lambda _id: self.edit_current())
        self.board.move_requested.connect(self.move_program)
        self.details = self._build_detail()
        splitter = self.beside(self.details, Qt.Orientation.Vertical, stretch=(1, 1))
        self.board.hide()
        splitter.insertWidget(0, self.board)  # shown instead of the table (a hidden one takes no room)
        splitter.setStretchFactor(0, 1)
        self.splitter = splitter
        self.lay_out(splitter).insertLayout(1, filters)

    def _filter(self, name: str) -> QComboBox:
        combo = narrow(QComboBox(), letters=10)  # five side by side in 1024 pixels
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(self._filter_changed)
        return combo

    def _filter_changed(self) -> None:
        self.wanted = None
        self.reload()

    def show_filter(self, wanted: ProgramFilter) -> None:
        """Exactly the programmes ``wanted`` names (a Tablero bar was clicked): its filters chosen,
        the others and the search cleared; a status asked for shows the list, not the board."""
        if wanted.status is not None:
            self.as_list.setChecked(True)
        self.wanted = replace(wanted, text="")
        self._choose(self.wanted)
        if self.search is not None:
            blocked = self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(blocked)
        self.reload()

    def _choose(self, wanted: ProgramFilter) -> None:
        status = wanted.status.value if wanted.status is not None else None
        for combo, value in (
            (self.kind, wanted.kind_id),
            (self.status, status),
            (self.sector, wanted.sector_id),
            (self.chapter, wanted.chapter_id),
            (self.year, wanted.year),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)

    def criteria(self) -> ProgramFilter:
        if self.wanted is not None:  # the combos may not list its values yet (not loaded)
            return replace(self.wanted, text=super().criteria())
        status = self.status.currentData()
        return ProgramFilter(
            kind_id=self.kind.currentData(),
            status=ProgramStatus(status) if status else None,
            sector_id=self.sector.currentData(),
            chapter_id=self.chapter.currentData(),
            year=self.year.currentData(),
            text=super().criteria(),
        )

    def loaded_listing(self, listing: Listing[Any]) -> None:
        if isinstance(listing, RefListing):
            self.refs = listing.refs
            fill_combo(self.kind, self.tr("All kinds"), self.refs.kinds)
            fill_combo(self.sector, self.tr("All sectors"), self.refs.sectors)
            fill_combo(self.chapter, self.tr("All chapters"), self.refs.chapters)
            fill_combo(self.year, self.tr("All years"), [(y, str(y)) for y in self.refs.years])
            if self.wanted is not None:
                self._choose(self.wanted)
        super().loaded_listing(listing)

    # -- list or board ---------------------------------------------------------------------------

    def show_board(self, on: bool) -> None:
        """The board by status instead of the table (the status filter does not apply to it)."""
        if on and self.status.currentIndex() != 0:
            self.status.setCurrentIndex(0)  # every column filled: reloads
        self.status.setEnabled(not on)
        sizes = self.splitter.sizes()
        shown = sizes[0] + sizes[1]
        self.table.setVisible(not on)
        self.board.setVisible(on)
        self.splitter.setSizes([shown if on else 0, 0 if on else shown, sizes[2]])
        if on:
            self.board.focus_current()
        else:
            self.table.setFocus()

    def focus_table(self) -> None:
        if self.board.isVisible():
            self.board.focus_current()
        else:
            super().focus_table()

    def show_rows(self) -> None:
        super().show_rows()
        current = self.current_row()
        self.board.set_rows(self.model.rows, current.id if current is not None else None)

    def _board_chose(self, program_id: int) -> None:
        row = self.model.row_of(program_id)
        if row is not None:
            self.table.selectRow(row)

    def move_program(self, program_id: int, status: str) -> None:
        """A card moved on the board: the same audited, undoable change as "Change status"."""
        self.ctx.perform(ops_programs.change_status(program_id, status), parent=self)

    # -- the selected programme ------------------------------------------------------------------

    def _build_detail(self) -> RecordDetails:
        detail = RecordDetails(
            "program",
            self.tr("Select a program to see its people, outcomes and history."),
            [
                ("kind", self.tr("Kind")),
                ("status", self.tr("Status")),
                ("dates", self.tr("Dates")),
                ("pncs", self.tr("PNCS")),
                ("organizations", self.tr("Organizations")),
                ("chapters", self.tr("Chapters")),
                ("description", self.tr("Description")),
            ],
        )
        self.next_status = narrow(QComboBox(), 10)
        self.next_status.setObjectName("program-next-status")
        self.change_status_button = push_button(
            self.tr("Change &status"), "program-change-status", self.change_status
        )
        assert self.delete_button is not None
        detail.info.addLayout(button_row(self.edit_button, self.delete_button))
        detail.info.addLayout(button_row(self.next_status, self.change_status_button))
        self.people = RecordParts(
            [
                Column(self.tr("Role"), lambda p: p.role.label),
                Column(self.tr("Member"), lambda p: p.name),
                Column(self.tr("Chapter"), lambda p: p.chapter),
                Column(self.tr("Hours"), lambda p: p.hours, numeric=True),
                Column(self.tr("From"), lambda p: p.starts_on),
                Column(self.tr("To"), lambda p: p.ends_on),
            ],
            "program-people",
            self,
            self._update_part_buttons,
        )
        self.people.resize_modes(stretch=(1,))
        self.add_person_button = push_button(self.tr("&Add person…"), "program-add-person", self.add_person)
        self.remove_person_button = push_button(
            self.tr("Remo&ve person…"), "program-remove-person", self.remove_person
        )
        self.export_people_button = push_button(
            self.tr("E&xport people…"), "program-export-people", self.export_people
        )
        self.outcomes = RecordParts(
            [
                Column(self.tr("Outcome"), lambda o: o.kind.label),
                Column(self.tr("Quantity"), lambda o: o.quantity, numeric=True),
                Column(self.tr("Date"), lambda o: o.achieved_on),
                Column(self.tr("Narrative"), lambda o: o.narrative),
            ],
            "program-outcomes",
            self,
            self._update_part_buttons,
        )
        self.outcomes.resize_modes(stretch=(3,))
        self.add_outcome_button = push_button(
            self.tr("Add &outcome…"), "program-add-outcome", self.add_outcome
        )
        self.remove_outcome_button = push_button(
            self.tr("Remove o&utcome…"), "program-remove-outcome", self.remove_outcome
        )
        self.history = RecordParts(
            [
                Column(self.tr("Date"), lambda h: h[1].strftime("%d/%m/%Y %H:%M")),
                Column(self.tr("Status"), lambda h: h[0].label),
            ],
            "program-history",
            self,
            lambda: None,
        )
        self.history.model.id_of = lambda h: int(h[1].timestamp())
        tabs = QTabWidget()
        tabs.setObjectName("program-parts")
        tabs.addTab(
            _page(
                self.people.table,
                self.add_person_button,
                self.remove_person_button,
                self.export_people_button,
            ),
            self.tr("People"),
        )
        tabs.addTab(
            _page(self.outcomes.table, self.add_outcome_button, self.remove_outcome_button),
            self.tr("Outcomes"),
        )
        tabs.addTab(_page(self.history.table), self.tr("Status history"))
        self.parts = tabs
        detail.body.addWidget(tabs, 3)
        return detail

    def show_detail(self, row: ProgramRow | None) -> None:
        self.board.select(row.id if row is not None else None)
        self.detail_generation += 1
        if row is None:
            self.detail_data = None
            self.details.show_nothing()
            self._show_parts(None)
            return
        self.details.show_record(
            row.title,
            {
                "kind": row.kind,
                "status": row.status.label,
                "dates": _period(row),
                "pncs": row.responsible or "",
                "organizations": "; ".join(row.organizations),
                "chapters": "; ".join(row.chapters),
                "description": "",
            },
        )
        fill_combo(
            self.next_status,
            self.tr("Move to…"),
            [(s.value, s.label) for s in ProgramStatus if s in TRANSITIONS[row.status]],
        )
        generation, program_id = self.detail_generation, row.id

        def done(detail: ProgramDetail) -> None:
            if generation == self.detail_generation:
                self.detail_data = detail
                self.details.values["description"].setText(detail.description or "—")
                self._show_parts(detail)

        def gone(_exc: BaseException) -> None:
            """Deleted meanwhile (an undo, another desk): the list's reload follows."""
            if generation == self.detail_generation:
                self.details.show_nothing()

        self.ctx.read(
            lambda session, _task: program_detail(session, program_id), done, on_failure=gone, owner=self
        )

    def _show_parts(self, detail: ProgramDetail | None) -> None:
        self.people.show(detail.people if detail else [])
        self.outcomes.show(detail.outcomes if detail else [])
        self.history.show(list(reversed(detail.history)) if detail else [])
        self._update_part_buttons()

    def row_buttons(self) -> list[QPushButton]:
        return [
            *super().row_buttons(),
            self.add_person_button,
            self.add_outcome_button,
            self.change_status_button,
            self.export_people_button,
        ]

    def _update_part_buttons(self) -> None:
        chosen = self.current_row() is not None
        self.remove_person_button.setEnabled(chosen and self.people.current() is not None)
        self.remove_outcome_button.setEnabled(chosen and self.outcomes.current() is not None)

    # -- actions on the selected programme ---------------------------------------------------------

    def change_status(self) -> None:
        row, status = self.current_row(), self.next_status.currentData()
        if row is not None and status:
            self.ctx.perform(ops_programs.change_status(row.id, status), parent=self)

    def add_person(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_dialog(PersonDialog(self.ctx, row, self))

    def remove_person(self) -> None:
        row, person = self.current_row(), self.people.current()
        if row is None or person is None:
            return
        text = (
            self.tr("Remove %1 (%2) from “%3”?").replace("%1", person.name).replace("%2", person.role.label)
        )
        if ask(self, self.tr("Remove person"), text.replace("%3", row.title)):
            self.ctx.perform(ops_programs.remove_people([person.id]), parent=self)

    def export_people(self) -> None:
        """The programme's people as a spreadsheet (the copy for outside IME on request)."""
        row = self.current_row()
        if row is None:
            return
        scope = self.tr("People of the program “%1”: %n person(s).", "", row.people).replace("%1", row.title)
        open_export(self.ctx, "program_people", LinkageSource(row.title, scope, program_id=row.id), self)

    def add_outcome(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_dialog(OutcomeDialog(self.ctx, row, self))

    def remove_outcome(self) -> None:
        row, outcome = self.current_row(), self.outcomes.current()
        if row is None or outcome is None:
            return
        text = self.tr("Remove the outcome “%1: %2”?").replace("%1", outcome.kind.label)
        if ask(self, self.tr("Remove outcome"), text.replace("%2", f"{outcome.quantity:,}")):
            self.ctx.perform(ops_programs.remove_outcome(outcome.id), parent=self)


def _toggle(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setCheckable(True)
    button.setAutoDefault(False)
    return button


def _page(table: QWidget, *buttons: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(table, 1)
    if buttons:
        layout.addLayout(button_row(*buttons))
    return page


def _period(row: ProgramRow) -> str:
    if row.starts_on is None and row.ends_on is None:
        return ""
    return f"{show_date(row.starts_on) or '…'} – {show_date(row.ends_on) or '…'}"


# -- forms ---------------------------------------------------------------------------------------


class ProgramDialog(RecordDialog):
    """Create (``row`` is None) or edit a programme: kind, title, PNCS, sectors, organisations,
    chapters, dates (and the status it starts with)."""

    def __init__(
        self,
        ctx: AppContext,
        refs: Refs,
        row: ProgramRow | None,
        detail: ProgramDetail | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New program") if row is None else self.tr("Program “%1”").replace("%1", row.title)
        super().__init__(ctx, title, "program-dialog", parent)
        self.row = row
        full = detail if detail is not None and row is not None and detail.row.id == row.id else None
        self.title_field = text_line(row.title if row else "")
        self.add_field(
            "kind_id",
            self.tr("&Kind"),
            choice_combo("field-kind_id", refs.kinds, None, row.kind_id if row else None),
        )
        self.add_field("title", self.tr("&Title"), self.title_field)
        pncs = choice_combo(
            "field-sector_id", refs.sectors, self.tr("(none)"), row.sector_id if row else None
        )
        self.add_field("sector_id", self.tr("&PNCS in charge"), pncs)
        sectors = CheckList(refs.sectors)
        sectors.set_checked(row.sector_ids if row else ())
        self.add_field("sector_ids", self.tr("Sec&tors"), sectors)
        if row is None:
            status = EnumCombo(ProgramStatus)
            status.set_value(ProgramStatus.PROPOSED)
            self.add_field("status", self.tr("&Status"), status)
        self.add_field("starts_on", self.tr("&Starts on"), DateField(row.starts_on if row else None))
        self.add_field("ends_on", self.tr("&Ends on"), DateField(row.ends_on if row else None))
        organizations = CheckList(refs.organizations)
        organizations.set_checked(full.organization_ids if full else ())
        organizations.setFixedHeight(140)  # dozens of organisations: scroll inside
        self.add_field("organization_ids", self.tr("&Organizations"), organizations)
        chapters = CheckList(refs.chapters)
        chapters.set_checked(full.chapter_ids if full else ())
        chapters.setFixedHeight(140)
        self.add_field("chapter_ids", self.tr("C&hapters"), chapters)
        self.add_field(
            "description", self.tr("&Description"), text_box(full.description if full else None, 3)
        )
        self.setMinimumWidth(600)
        self.title_field.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        if self.row is None:
            self.run(ops_programs.create(values))
        else:
            self.run(ops_programs.update(self.row.id, values))


class PersonDialog(RecordDialog):
    """A member taking part in the programme: found by searching, with a role, dates and hours."""

    def __init__(self, ctx: AppContext, program: ProgramRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Add a person — %1").replace("%1", program.title), "person-dialog", parent
        )
        self.program = program
        self.picker = MemberPicker(ctx)
        self.picker.setObjectName("person-member")
        self.add_field("member_id", self.tr("&Member"), self.picker)
        role = EnumCombo(ProgramRole)
        role.set_value(ProgramRole.PARTICIPANT)
        self.add_field("role", self.tr("&Role"), role)
        self.add_field("starts_on", self.tr("&From"), DateField(program.starts_on))
        self.add_field("ends_on", self.tr("&To"), DateField(program.ends_on))
        self.add_field("hours", self.tr("&Hours given"), text_line(None))
        self.add_field("notes", self.tr("&Notes"), text_box(None, 2))
        self.setMinimumWidth(560)
        self.picker.run_search()
        self.picker.setFocus()

    def field_values(self) -> dict[str, Any]:
        values = {k: v for k, v in _values(self).items() if k != "member_id"}
        return {"member_id": self.picker.selected_id(), **values}

    def submit(self) -> None:
        if self.picker.selected_id() is None:
            self.show_error(self.tr("Choose a member from the search results."), "member_id")
            self.picker.setFocus()
            return
        self.run(ops_programs.add_person(self.program.id, self.field_values()))


class OutcomeDialog(RecordDialog):
    """One counted result of the programme, dated, with its narrative."""

    def __init__(self, ctx: AppContext, program: ProgramRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Add an outcome — %1").replace("%1", program.title), "outcome-dialog", parent
        )
        self.program = program
        self.kind = EnumCombo(OutcomeKind)
        self.add_field("kind", self.tr("&Outcome"), self.kind)
        self.quantity = text_line(None, self.tr("e.g. 12"))
        self.add_field("quantity", self.tr("&Quantity"), self.quantity)
        self.add_field("achieved_on", self.tr("&Date"), DateField(None))
        self.add_field("narrative", self.tr("&Narrative"), text_box(None, 3))
        self.setMinimumWidth(480)
        self.kind.setFocus()

    def submit(self) -> None:
        self.run(ops_programs.add_outcome(self.program.id, self.field_values()))


def _values(dialog: RecordDialog) -> dict[str, Any]:
    """The dialog's inputs but its member picker (which has no value of its own)."""
    return {
        dialog.keys[n]: field_value(b.editor)
        for n, b in dialog.boxes.items()
        if not isinstance(b.editor, MemberPicker)
    }
