""" "Buscar talento": criteria on the left (typed, or taken from a need), the ranked members with
the reasons of each score on the right, and what to do with the chosen ones: candidates of a
need, or people of a programme, each in one undoable step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel, EventStatus
from talentdesk.core.errors import ConflictError
from talentdesk.core.programs import ProgramRole
from talentdesk.ops import events as ops_events
from talentdesk.ops import needs as ops_needs
from talentdesk.ops import programs as ops_programs
from talentdesk.ops import saved_lists as ops_lists
from talentdesk.services.event_invitations import Invitations
from talentdesk.services.event_view import load_events
from talentdesk.services.list_queries import MatchQuery
from talentdesk.services.matching import (
    MatchCriteria,
    MatchItem,
    MatchResult,
    criteria_for_need,
    match_members,
    reasons_text,
)
from talentdesk.services.program_views import load_needs
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.exports.actions import open_export
from talentdesk.ui.exports.kinds import LinkageSource
from talentdesk.ui.tasks import error_message
from talentdesk.ui.vinculacion.refs import Refs, fill_combo, load_refs, narrow
from talentdesk.ui.widgets.buttons import button_row, push_button
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, EnumCombo, text_line
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table

LIMIT = 50


Loaded = tuple[Refs, list[tuple[int, str]], list[tuple[int, str]]]


def _load(session: Session) -> Loaded:
    """What the panel chooses from: the lists' refs, the needs, the Jornadas still to come."""
    events = [
        (e.id, f"{e.name} ({e.starts_on:%d/%m/%Y})")
        for e in load_events(session)
        if e.status not in (EventStatus.CONCLUDED, EventStatus.CANCELLED)
    ]
    return load_refs(session), [(n.id, n.title) for n in load_needs(session)], events


class TalentPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("talent-panel")
        self.loaded = False
        self.generation = 0
        self.result: MatchResult | None = None
        self.refs = Refs()

        self.need = narrow(QComboBox(), 16)
        self.need.setObjectName("talent-need")
        self.need.activated.connect(lambda _i: self.use_need(self.need.currentData()))
        self.sectors = CheckList()
        self.sectors.setObjectName("talent-sectors")
        self.keywords = text_line(None, self.tr("e.g. biotechnology, vaccines"))
        self.keywords.setObjectName("talent-keywords")
        self.country = narrow(CountryCombo(), 16)
        self.country.setObjectName("talent-country")
        self.city = text_line(None)
        self.city.setObjectName("talent-city")
        self.chapter = narrow(QComboBox(), 16)
        self.chapter.setObjectName("talent-chapter")
        self.contribution = narrow(QComboBox(), 16)
        self.contribution.setObjectName("talent-contribution")
        self.degree = EnumCombo(DegreeLevel, blank=self.tr("(any)"))
        self.degree.setObjectName("talent-degree")
        self.languages = text_line(None, self.tr("e.g. en, fr"))
        self.languages.setObjectName("talent-languages")
        self.inactive = QCheckBox(self.tr("Include &inactive members"))
        self.inactive.setObjectName("talent-inactive")
        self.diverse = QCheckBox(self.tr("&Diverse: few from one employer or chapter"))
        self.diverse.setObjectName("talent-diverse")
        self.search_button = push_button(self.tr("&Search"), "talent-search", self.run_search)
        self.search_button.setDefault(True)
        self.clear_button = push_button(self.tr("C&lear"), "talent-clear", self.clear)
        form = QFormLayout()
        form.addRow(self.tr("For &need"), self.need)
        form.addRow(self.tr("Sec&tors"), self.sectors)
        form.addRow(self.tr("&Keywords"), self.keywords)
        form.addRow(self.tr("C&ountry"), self.country)
        form.addRow(self.tr("Cit&y"), self.city)
        form.addRow(self.tr("C&hapter"), self.chapter)
        form.addRow(self.tr("Co&ntribution"), self.contribution)
        form.addRow(self.tr("Least de&gree"), self.degree)
        form.addRow(self.tr("&Languages"), self.languages)
        criteria = QGroupBox(self.tr("Who is wanted"))
        criteria_layout = QVBoxLayout(criteria)
        criteria_layout.addLayout(form)
        criteria_layout.addWidget(self.inactive)
        criteria_layout.addWidget(self.diverse)
        criteria_layout.addLayout(button_row(self.search_button, self.clear_button))
        criteria_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(criteria)
        scroll.setMinimumWidth(300)

        self.model = RecordTableModel(
            [
                Column(self.tr("Score"), lambda i: i.score, numeric=True),
                Column(self.tr("Member"), lambda i: i.name),
                Column(self.tr("Why"), lambda i: i.why),
                Column(self.tr("Place"), lambda i: ", ".join(p for p in (i.city, i.country) if p)),
                Column(self.tr("Employer"), lambda i: i.employer),
            ],
            self,
            id_of=lambda item: int(item.member_id),
        )
        self.table = make_table(self.model, "talent-results", sortable=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((55, 170, 420, 130, 150)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self.tr("Give some criteria, or choose a need, then Search."))
        self.summary.setObjectName("talent-summary")
        self.summary.setWordWrap(True)

        self.target_need = narrow(QComboBox(), 16)
        self.target_need.setObjectName("talent-target-need")
        self.to_need = push_button(
            self.tr("Add to the need’s &candidates"), "talent-to-need", self.add_to_need
        )
        self.target_program = narrow(QComboBox(), 16)
        self.target_program.setObjectName("talent-target-program")
        self.role = EnumCombo(ProgramRole)
        self.role.setObjectName("talent-role")
        self.role.set_value(ProgramRole.PARTICIPANT)
        self.to_program = push_button(
            self.tr("Add to the &program"), "talent-to-program", self.add_to_program
        )
        self.target_event = narrow(QComboBox(), 16)
        self.target_event.setObjectName("talent-target-event")
        self.to_event = push_button(
            self.tr("In&vite to the Jornada"), "talent-to-event", self.invite_to_event
        )
        self.export_button = push_button(self.tr("E&xport list…"), "talent-export", self.export_list)
        self.save_button = push_button(self.tr("Save as a &list…"), "talent-save-list", self.save_list)
        self.save_button.setToolTip(
            self.tr("Keep this search with a name: the members area shows it, ranked again when opened")
        )
        for combo in (self.target_need, self.target_program, self.target_event):
            combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        results = QWidget()
        right = QVBoxLayout(results)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        need_row = QHBoxLayout()
        need_row.addWidget(self.target_need, 1)
        need_row.addWidget(self.to_need)
        program_row = QHBoxLayout()
        program_row.addWidget(self.target_program, 1)
        program_row.addWidget(narrow(self.role, 10))
        program_row.addWidget(self.to_program)
        event_row = QHBoxLayout()
        event_row.addWidget(self.target_event, 1)
        event_row.addWidget(self.to_event)
        right.addLayout(need_row)
        right.addLayout(program_row)
        right.addLayout(event_row)
        right.addLayout(button_row(self.save_button, self.export_button))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("talent-splitter")
        splitter.addWidget(scroll)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for widget in (self.keywords, self.city, self.languages):
            widget.returnPressed.connect(self.run_search)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run_search)
        self._update_buttons()

    # -- reference data ----------------------------------------------------------------------------

    def activated(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload_refs()

    def on_changes(self, changes: Changes) -> None:
        if self.loaded and (
            changes.programs or changes.sectors or changes.chapters or changes.organizations or changes.events
        ):
            self.reload_refs()

    def reload_refs(self) -> None:
        self.ctx.read(lambda session, _task: _load(session), self._refs_loaded, owner=self)

    def _refs_loaded(self, loaded: Loaded) -> None:
        self.refs, needs, events = loaded
        if self.sectors.count() != len(self.refs.sectors):
            self.sectors.set_items(self.refs.sectors)
            self.sectors.setMinimumWidth(120)  # long sector names scroll inside, not the panel
        fill_combo(self.chapter, self.tr("(any)"), self.refs.chapters)
        fill_combo(self.contribution, self.tr("(any)"), self.refs.contributions)
        fill_combo(self.need, self.tr("(typed criteria)"), needs)
        fill_combo(self.target_need, self.tr("Choose a need…"), needs)
        fill_combo(self.target_program, self.tr("Choose a program…"), self.refs.programs)
        fill_combo(self.target_event, self.tr("Choose a Jornada…"), events)
        self._update_buttons()

    # -- criteria ------------------------------------------------------------------------------------

    def criteria(self) -> MatchCriteria:
        degree = self.degree.value()
        return MatchCriteria(
            sector_ids=tuple(self.sectors.checked_ids()),
            keywords=self.keywords.text(),
            country=self.country.code(),
            city=self.city.text().strip() or None,
            chapter_id=self.chapter.currentData(),
            contribution_id=self.contribution.currentData(),
            degree_level=DegreeLevel(degree) if degree else None,
            languages=self.languages.text(),
            include_inactive=self.inactive.isChecked(),
            diverse=self.diverse.isChecked(),
        )

    def show_criteria(self, criteria: MatchCriteria) -> None:
        self.sectors.set_checked(criteria.sector_ids)
        self.keywords.setText(criteria.keywords)
        self.country.set_code(criteria.country)
        self.city.setText(criteria.city or "")
        self.chapter.setCurrentIndex(max(self.chapter.findData(criteria.chapter_id), 0))
        self.contribution.setCurrentIndex(max(self.contribution.findData(criteria.contribution_id), 0))
        self.degree.set_value(criteria.degree_level)
        self.languages.setText(criteria.languages)

    def clear(self) -> None:
        self.need.setCurrentIndex(0)
        self.show_criteria(MatchCriteria())
        self.model.set_rows([])
        self.summary.setText(self.tr("Give some criteria, or choose a need, then Search."))

    def use_need(self, need_id: int | None) -> None:
        """Take a need's criteria (and make it the target of "Add to the need's candidates"),
        then search."""
        if need_id is None:
            return
        self.activated()

        def done(criteria: MatchCriteria) -> None:
            for combo in (self.need, self.target_need):
                if combo.findData(need_id) < 0:
                    combo.addItem(str(need_id), need_id)
                combo.setCurrentIndex(combo.findData(need_id))
            self.show_criteria(criteria)
            self.run_search()

        self.ctx.read(lambda session, _task: criteria_for_need(session, need_id), done, owner=self)

    # -- searching -----------------------------------------------------------------------------------

    def run_search(self) -> None:
        criteria = self.criteria()
        self.generation += 1
        generation = self.generation
        self.summary.setText(self.tr("Searching…"))

        def done(result: MatchResult) -> None:
            if generation == self.generation:
                self.show_result(result)

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.model.set_rows([])
                self.summary.setText(error_message(exc))

        self.ctx.read(
            lambda session, _task: match_members(session, criteria, limit=LIMIT),
            done,
            on_failure=failed,
            owner=self,
        )

    def show_result(self, result: MatchResult) -> None:
        self.result = result
        self.model.set_rows(result.items)
        self.table.resizeRowsToContents()
        left_out = sum(result.excluded.values())
        text = self.tr("%1 of %n ranked member(s), best first.", "", result.total).replace(
            "%1", str(len(result.items))
        )
        if left_out:
            text += " " + self.tr(
                "%n left out (asked not to be contacted, anonymized or inactive).", "", left_out
            )
        self.summary.setText(text if result.items else self.tr("No member meets any criterion."))
        if result.items:
            self.table.selectRow(0)
        self._update_buttons()

    def chosen(self) -> list[MatchItem]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [item for r in rows if (item := self.model.row(r)) is not None]

    def _update_buttons(self) -> None:
        chosen = bool(self.chosen())
        self.to_need.setEnabled(chosen and self.target_need.currentData() is not None)
        self.to_program.setEnabled(chosen and self.target_program.currentData() is not None)
        self.to_event.setEnabled(chosen and self.target_event.currentData() is not None)
        self.export_button.setEnabled(self.result is not None and bool(self.result.items))
        self.save_button.setEnabled(self.result is not None)

    # -- actions -------------------------------------------------------------------------------------

    def add_to_need(self) -> None:
        need_id, chosen = self.target_need.currentData(), self.chosen()
        if need_id is None or not chosen:
            return
        reasons = {item.member_id: reasons_text(item) for item in chosen}
        op = ops_needs.add_candidates(need_id, [i.member_id for i in chosen], reasons)
        self.ctx.perform(op, parent=self)

    def invite_to_event(self) -> None:
        """The chosen members invited to the Jornada in one undoable step; who was there already
        or may not be invited is said under the results."""
        event_id, chosen = self.target_event.currentData(), self.chosen()
        if event_id is None or not chosen:
            return
        self.ctx.perform(
            ops_events.invite_members(event_id, [i.member_id for i in chosen]),
            on_done=self._invited,
            on_failure=self._not_invited,
            parent=self,
        )

    def _invited(self, invitations: Invitations) -> None:
        self.summary.setText(invitations.summary())

    def _not_invited(self, exc: BaseException) -> None:
        """Nobody could be invited (all there already, or refused): said calmly, like the rest."""
        if isinstance(exc, ConflictError):
            self.summary.setText(exc.message)
        else:
            self.ctx.error.emit(error_message(exc))

    def export_list(self) -> None:
        """The ranked list shown, as a spreadsheet (the copy for outside IME on request)."""
        result = self.result
        if result is None or not result.items:
            return
        scope = self.tr(
            "The first %n ranked member(s) for the criteria shown, best first.", "", len(result.items)
        )
        source = LinkageSource("Buscar talento", scope, match=result.criteria, limit=LIMIT)
        open_export(self.ctx, "talent", source, self)

    def save_list(self) -> None:
        """The criteria searched as a smart list (ranked again whenever it is opened)."""
        result = self.result
        if result is None:
            return
        name = self.ask_name()
        if name is not None and name.strip():
            op = ops_lists.save_query(name, MatchQuery(result.criteria, LIMIT))
            self.ctx.perform(op, parent=self)

    def ask_name(self) -> str | None:
        """The list's name, typed (None: cancelled). Tests replace this."""
        name, ok = QInputDialog.getText(
            self, self.tr("Save search as a list"), self.tr("Name of the list:"), QLineEdit.EchoMode.Normal
        )
        return name if ok else None

    def add_to_program(self) -> None:
        program_id, chosen = self.target_program.currentData(), self.chosen()
        role: Any = self.role.chosen()
        if program_id is None or not chosen:
            return
        self.ctx.perform(
            ops_programs.add_people(program_id, [i.member_id for i in chosen], role.value), parent=self
        )
