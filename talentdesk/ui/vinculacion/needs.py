"""The needs tab of Vinculación: the requests from Mexico, the selected one's candidates moved
along contactado → interesado → aceptado / declinó, accepted ones into the programme in one step,
and the need's form. "Find talent" hands the need's criteria to the talent tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGroupBox, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel
from talentdesk.core.programs import CandidateStage, NeedStatus, ProgramRole
from talentdesk.ops import needs as ops_needs
from talentdesk.services.program_views import (
    CandidateRow,
    NeedDetail,
    NeedFilter,
    NeedRow,
    load_needs,
    need_detail,
)
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.actions import open_export
from talentdesk.ui.exports.kinds import LinkageSource
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordDetails, RecordList, RecordParts
from talentdesk.ui.vinculacion.refs import RefListing, Refs, choice_combo, fill_combo, load_refs, narrow
from talentdesk.ui.widgets.buttons import ask, button_row, push_button
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, DateField, EnumCombo, text_box, text_line
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, show_date


def _load(session: Session, wanted: NeedFilter) -> Listing[NeedRow]:
    return RefListing(load_needs(session, wanted), refs=load_refs(session))


class NeedsList(RecordArea):
    """The needs, newest first; the selected one's criteria and candidates pipeline."""

    find_talent = Signal(int)  # the need whose criteria the talent search should take

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[NeedRow](
                name="need",
                title=self.tr("Needs"),
                columns=[
                    Column(self.tr("Need"), lambda r: r.title),
                    Column(self.tr("Status"), lambda r: r.status.label),
                    Column(self.tr("Requested by"), lambda r: r.source),
                    Column(self.tr("Where"), lambda r: r.place),
                    Column(self.tr("Wanted"), lambda r: r.people_wanted, numeric=True),
                    Column(self.tr("Candidates"), lambda r: r.candidates, numeric=True),
                    Column(self.tr("Accepted"), lambda r: r.count(CandidateStage.ACCEPTED), numeric=True),
                    Column(self.tr("Received"), lambda r: r.created_at.date()),
                ],
                widths=(260, 80, 200, 150, 60, 70, 70),
                sort=(7, Qt.SortOrder.DescendingOrder),
                load=_load,
                search_in_load=True,
                search_placeholder=self.tr("Search by title, who asks, keywords or place…"),
                count=lambda n: (self.tr("%n need(s)", "", n), self.tr("%1 of %n need(s)", "", n)),
                new_text=self.tr("&New need…"),
                form=lambda row: NeedDialog(self.ctx, self.refs, row, self.detail_data, self),
                delete=Deletion(
                    self.tr("Delete need"),
                    lambda row: self.tr(
                        "Delete the need “%1” and its candidates? People it brought into a program "
                        "stay there. You can undo it with Ctrl+Z."
                    ).replace("%1", row.title),
                    lambda row: ops_needs.delete(row.id, row.title),
                ),
                sheet=self.tr("Needs"),
                cares=lambda changes: changes.programs or changes.members or changes.organizations,
            ),
        )
        self.setObjectName("needs-area")
        self.refs = Refs()
        self.detail_data: NeedDetail | None = None
        self.detail_generation = 0
        self.status = narrow(QComboBox())
        self.status.setObjectName("need-status-filter")
        fill_combo(self.status, self.tr("All statuses"), [(s.value, s.label) for s in NeedStatus])
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.insertWidget(1, self.status)
        self.details = self._build_detail()
        self.lay_out(self.beside(self.details, Qt.Orientation.Vertical, stretch=(1, 1)))

    def criteria(self) -> NeedFilter:
        status = self.status.currentData()
        return NeedFilter(status=NeedStatus(status) if status else None, text=super().criteria())

    def loaded_listing(self, listing: Listing[Any]) -> None:
        if isinstance(listing, RefListing):
            self.refs = listing.refs
        super().loaded_listing(listing)

    # -- the selected need -------------------------------------------------------------------------

    def _build_detail(self) -> RecordDetails:
        detail = RecordDetails(
            "need",
            self.tr("Select a need to see who is wanted and its candidates."),
            [
                ("source", self.tr("Requested by")),
                ("wanted", self.tr("Wanted")),
                ("place", self.tr("Where")),
                ("keywords", self.tr("Keywords")),
                ("contribution", self.tr("Contribution")),
                ("degree", self.tr("Least degree")),
                ("program", self.tr("Program")),
            ],
        )
        self.find_button = push_button(self.tr("&Find talent…"), "need-find-talent", self._find_talent)
        self.next_status = narrow(QComboBox(), 10)
        self.next_status.setObjectName("need-next-status")
        fill_combo(self.next_status, self.tr("Mark as…"), [(s.value, s.label) for s in NeedStatus])
        self.next_status.activated.connect(lambda _i: self.set_status())
        assert self.delete_button is not None
        detail.info.addLayout(button_row(self.edit_button, self.delete_button))
        detail.info.addLayout(button_row(self.find_button, self.next_status))
        self.candidates = RecordParts(
            [
                Column(self.tr("Stage"), lambda c: c.stage.label),
                Column(self.tr("Since"), lambda c: c.stage_changed_at.date()),
                Column(self.tr("Member"), lambda c: c.name),
                Column(self.tr("City"), lambda c: c.city),
                Column(self.tr("Why"), lambda c: c.reasons),
            ],
            "need-candidates",
            self,
            self._update_candidate_buttons,
        )
        self.candidates.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.candidates.resize_modes(stretch=(4,))
        self.stage_buttons = [
            push_button(text, f"candidate-{stage.value}", _move(self, stage))
            for stage, text in (
                (CandidateStage.CONTACTED, self.tr("Contac&ted")),
                (CandidateStage.INTERESTED, self.tr("&Interested")),
                (CandidateStage.ACCEPTED, self.tr("&Accepted")),
                (CandidateStage.DECLINED, self.tr("De&clined")),
            )
        ]
        self.remove_button = push_button(self.tr("&Remove…"), "candidate-remove", self.remove_candidates)
        self.accept_button = push_button(
            self.tr("Accepted into the &program"), "candidate-into-program", self.accept_into_program
        )
        self.export_button = push_button(
            self.tr("E&xport candidates…"), "need-export-candidates", self.export_candidates
        )
        box = QGroupBox(self.tr("Candidates"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.candidates.table, 1)
        layout.addLayout(button_row(*self.stage_buttons))
        layout.addLayout(button_row(self.remove_button, self.accept_button, self.export_button))
        detail.body.addWidget(box, 3)
        return detail

    def show_detail(self, row: NeedRow | None) -> None:
        self.detail_generation += 1
        if row is None:
            self.detail_data = None
            self.details.show_nothing()
            self.candidates.show([])
            self._update_candidate_buttons()
            return
        self.details.show_record(
            row.title,
            {
                "source": row.source,
                "wanted": self.tr("%n person(s)", "", row.people_wanted)
                + f" · {row.status.label}"
                + (f" · {show_date(row.starts_on)} – {show_date(row.ends_on)}" if row.starts_on else ""),
                "place": row.place,
                "keywords": row.keywords or "",
                "contribution": row.contribution or "",
                "degree": row.degree_level.label if row.degree_level else "",
                "program": row.program or "",
            },
        )
        generation, need_id = self.detail_generation, row.id

        def done(detail: NeedDetail) -> None:
            if generation == self.detail_generation:
                self.detail_data = detail
                self.candidates.show(detail.candidates)
                self._update_candidate_buttons()

        def gone(_exc: BaseException) -> None:
            """Deleted meanwhile (an undo, another desk): the list's reload follows."""
            if generation == self.detail_generation:
                self.details.show_nothing()

        self.ctx.read(lambda session, _task: need_detail(session, need_id), done, on_failure=gone, owner=self)

    def row_buttons(self) -> list[QPushButton]:
        return [*super().row_buttons(), self.find_button, self.export_button]

    def chosen_candidates(self) -> list[CandidateRow]:
        rows = {index.row() for index in self.candidates.table.selectionModel().selectedRows()}
        return [c for r in sorted(rows) if (c := self.candidates.model.row(r)) is not None]

    def _update_candidate_buttons(self) -> None:
        chosen = bool(self.chosen_candidates()) and self.current_row() is not None
        for button in [*self.stage_buttons, self.remove_button]:
            button.setEnabled(chosen)
        detail = self.detail_data
        accepted = detail is not None and any(c.stage == CandidateStage.ACCEPTED for c in detail.candidates)
        program = detail is not None and detail.row.program_id is not None
        self.accept_button.setEnabled(accepted and program)
        if detail is None:
            why = ""
        elif not program:
            why = self.tr("This need has no program: choose one with Edit… (field Program) first.")
        elif not accepted:
            why = self.tr("No candidate is at the stage Accepted yet.")
        else:
            why = self.tr("Adds the accepted candidates to the people of “%1”.").replace(
                "%1", detail.row.program or ""
            )
        self.accept_button.setToolTip(why)
        self.next_status.setEnabled(self.current_row() is not None)

    # -- actions -------------------------------------------------------------------------------------

    def _find_talent(self) -> None:
        row = self.current_row()
        if row is not None:
            self.find_talent.emit(row.id)

    def move_candidates(self, stage: CandidateStage) -> None:
        chosen = self.chosen_candidates()
        if chosen:
            self.ctx.perform(ops_needs.change_stage([c.id for c in chosen], stage.value), parent=self)

    def remove_candidates(self) -> None:
        chosen = self.chosen_candidates()
        if not chosen:
            return
        text = self.tr("Remove %n candidate(s) from the need? You can undo it with Ctrl+Z.", "", len(chosen))
        if ask(self, self.tr("Remove candidates"), text):
            self.ctx.perform(ops_needs.remove_candidates([c.id for c in chosen]), parent=self)

    def accept_into_program(self) -> None:
        row = self.current_row()
        if row is not None:
            self.ctx.perform(
                ops_needs.accept_into_program(row.id, None, ProgramRole.PARTICIPANT.value), parent=self
            )

    def export_candidates(self) -> None:
        """The need's candidates as a spreadsheet (the copy for outside IME on request)."""
        row = self.current_row()
        if row is None:
            return
        scope = self.tr("Candidates of the need “%1”: %n candidate(s).", "", row.candidates).replace(
            "%1", row.title
        )
        open_export(self.ctx, "need_candidates", LinkageSource(row.title, scope, need_id=row.id), self)

    def set_status(self) -> None:
        row, status = self.current_row(), self.next_status.currentData()
        self.next_status.setCurrentIndex(0)
        if row is not None and status and status != row.status.value:
            self.ctx.perform(ops_needs.set_status(row.id, status), parent=self)


def _move(area: NeedsList, stage: CandidateStage) -> Callable[[], None]:
    return lambda: area.move_candidates(stage)


class NeedDialog(RecordDialog):
    """Create (``row`` is None) or edit a need: who asks, who is wanted, where, how many."""

    def __init__(
        self,
        ctx: AppContext,
        refs: Refs,
        row: NeedRow | None,
        detail: NeedDetail | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New need") if row is None else self.tr("Need “%1”").replace("%1", row.title)
        super().__init__(ctx, title, "need-dialog", parent)
        self.row = row
        full = detail if detail is not None and row is not None and detail.row.id == row.id else None
        self.title_field = text_line(row.title if row else "")
        self.add_field("title", self.tr("&Title"), self.title_field)
        none = self.tr("(none)")
        self.add_field(
            "sector_id",
            self.tr("Requested by &PNCS"),
            choice_combo("field-sector_id", refs.sectors, none, row.sector_id if row else None),
            aliases=["source"],
        )
        self.add_field(
            "organization_id",
            self.tr("or by &organization"),
            choice_combo(
                "field-organization_id", refs.organizations, none, row.organization_id if row else None
            ),
        )
        sectors = CheckList(refs.sectors)
        sectors.set_checked(row.sector_ids if row else ())
        self.add_field("sector_ids", self.tr("Sec&tors wanted"), sectors)
        self.add_field(
            "keywords",
            self.tr("&Keywords"),
            text_line(row.keywords if row else None, self.tr("e.g. biotechnology, vaccines")),
        )
        country = CountryCombo()
        country.set_code(full.country if full else None)
        self.add_field("country", self.tr("Co&untry"), country)
        self.add_field("city", self.tr("Cit&y"), text_line(full.city if full else None))
        self.add_field(
            "chapter_id",
            self.tr("C&hapter"),
            choice_combo(
                "field-chapter_id", refs.chapters, self.tr("(any)"), full.chapter_id if full else None
            ),
        )
        self.add_field(
            "contribution_id",
            self.tr("Co&ntribution"),
            choice_combo(
                "field-contribution_id",
                refs.contributions,
                self.tr("(any)"),
                full.contribution_id if full else None,
            ),
        )
        degree = EnumCombo(DegreeLevel, blank=self.tr("(any)"))
        degree.set_value(row.degree_level if row else None)
        self.add_field("degree_level", self.tr("Least &degree"), degree)
        self.add_field(
            "languages",
            self.tr("&Languages"),
            text_line(row.languages if row else None, self.tr("e.g. en, fr")),
        )
        self.add_field(
            "people_wanted", self.tr("People &wanted"), text_line(str(row.people_wanted) if row else "1")
        )
        self.add_field("starts_on", self.tr("&From"), DateField(row.starts_on if row else None))
        self.add_field("ends_on", self.tr("T&o"), DateField(row.ends_on if row else None))
        self.add_field(
            "program_id",
            self.tr("Pro&gram"),
            choice_combo("field-program_id", refs.programs, none, row.program_id if row else None),
        )
        self.add_field(
            "description", self.tr("Descr&iption"), text_box(full.description if full else None, 2)
        )
        self.setMinimumWidth(620)
        self.title_field.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        self.run(ops_needs.create(values) if self.row is None else ops_needs.update(self.row.id, values))
