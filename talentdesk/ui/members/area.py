"""The members workspace: search as you type, filters, the table, bulk actions."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.countries import countries
from talentdesk.core.enums import DegreeLevel, MemberStatus
from talentdesk.db.engine import small_cache
from talentdesk.ops import Op
from talentdesk.ops import demo as ops_demo
from talentdesk.ops import members as ops_members
from talentdesk.ops import saved_lists as ops_lists
from talentdesk.services import reference
from talentdesk.services.member_table import ordered_among, ordered_ids
from talentdesk.services.saved_lists import ListInfo, ListMembers, list_members
from talentdesk.services.search import MemberQuery, SearchPage, search_members
from talentdesk.ui import settings as S
from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.exports.actions import MEMBER_KEYS, fill_menu, open_export
from talentdesk.ui.exports.kinds import MembersSource
from talentdesk.ui.members.model import MemberTableModel
from talentdesk.ui.members.saved_lists import SavedListsPanel
from talentdesk.ui.members.welcome import Welcome
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.buttons import ask, push_button
from talentdesk.ui.widgets.fitting import ElidedLabel
from talentdesk.ui.widgets.search_box import SearchBox, enter_results
from talentdesk.ui.widgets.tables import column_menu, columns_action, fit_columns

FIRST_PAGE = 200
DEBOUNCE_MS = 180


class MembersArea(Area):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("members-area")
        self.generation = 0
        self.sort_key = "paternal_surname"
        self.sort_desc = False
        self.loaded_reference = False
        self.pending: list[Task] = []
        self.last_total = -1
        self.fitted = False
        self.shown_list: ListInfo | None = None  # a saved list shown instead of the search
        self.list_ids: array[int] | None = None

        self.search = SearchBox(self._focus_table)
        self.search.setObjectName("member-search")
        self.search.setPlaceholderText(
            self.tr("Search by name, e-mail, employer, job title, city or expertise…")
        )
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_changed())

        self.count_label = QLabel()
        self.count_label.setObjectName("member-count")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)

        self.actions_button = QToolButton()
        self.actions_button.setText(self.tr("Actions"))
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_menu = QMenu(self)
        self.actions_button.setMenu(self.actions_menu)
        self.export_button = QToolButton()
        self.export_button.setObjectName("member-export")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.tr("Export"), self)
        self.export_menu.setObjectName("member-export-menu")
        self.export_button.setMenu(self.export_menu)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.actions_button)
        top.addWidget(self.export_button)
        top.addWidget(self.count_label)

        self.filters = self._build_filters()
        self.model = MemberTableModel(ctx.db, self)
        self.model.sort_requested.connect(self._sort)
        self.table = QTableView()
        self.table.setObjectName("member-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnHidden(i, not column.visible)
            header.resizeSection(i, 170 if column.key in ("email", "employer", "primary_sector") else 130)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.lists_panel = SavedListsPanel(ctx, self.save_search, self.save_selection)
        self.lists_panel.opened.connect(self.show_list)
        self.lists_panel.export_requested.connect(self.export_list)
        side = QWidget()
        left_layout = QVBoxLayout(side)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.lists_panel, 1)
        # Scrolls on a short window rather than making the whole window taller.
        left = QScrollArea()
        left.setObjectName("members-side")
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setWidget(side)
        scroll_width = left.verticalScrollBar().sizeHint().width()
        left.setMinimumWidth(side.minimumSizeHint().width() + scroll_width)
        # Which saved list the table shows, and the way back to every member.
        self.list_bar = QWidget()
        self.list_bar.setObjectName("shown-list-bar")
        self.list_label = ElidedLabel()
        self.list_label.setObjectName("shown-list")
        self.back_button = push_button(self.tr("All members"), "back-to-members", self.leave_list)
        bar = QHBoxLayout(self.list_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.list_label, 1)
        bar.addWidget(self.back_button)
        self.list_bar.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.list_bar)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter()
        self.splitter.setObjectName("members-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1000])
        self.welcome = Welcome(self.import_members, self.new_item, self.load_demo)
        self.welcome.hide()  # only on an empty database (see _show_welcome)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.welcome, 1)

        self._build_actions()
        self._restore_layout()

    # -- building -----------------------------------------------------------------------------

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("(all)"), None)
        combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        return combo

    def _build_filters(self) -> QGroupBox:
        box = QGroupBox(self.tr("Filters"))
        box.setObjectName("member-filters")
        self.f_chapter = self._combo("filter-chapter")
        self.f_sector = self._combo("filter-sector")
        self.f_country = self._combo("filter-country")
        self.f_status = self._combo("filter-status")
        self.f_degree = self._combo("filter-degree")
        self.f_contribution = self._combo("filter-contribution")
        self.f_consent = self._combo("filter-consent")
        for combo in (self.f_chapter, self.f_sector, self.f_country, self.f_contribution):
            combo.setMaxVisibleItems(20)
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Codes, not enum members: Qt hands a str subclass back as a plain str.
        for status in MemberStatus:
            self.f_status.addItem(status.label, status.value)
        for degree in DegreeLevel:
            self.f_degree.addItem(degree.label, degree.value)
        self.f_consent.addItem(self.tr("Yes"), True)
        self.f_consent.addItem(self.tr("No"), False)
        for code, name in countries():
            self.f_country.addItem(name, code)
        clear = QPushButton(self.tr("Clear filters"))
        clear.setObjectName("clear-filters")
        clear.clicked.connect(self.clear_filters)
        form = QFormLayout(box)
        form.addRow(self.tr("Chapter"), self.f_chapter)
        form.addRow(self.tr("Sector"), self.f_sector)
        form.addRow(self.tr("Country"), self.f_country)
        form.addRow(self.tr("Status"), self.f_status)
        form.addRow(self.tr("Degree"), self.f_degree)
        form.addRow(self.tr("Offers"), self.f_contribution)
        form.addRow(self.tr("In directories"), self.f_consent)
        form.addRow(clear)
        return box

    def _build_actions(self) -> None:
        def act(text: str, slot: Callable[[], None], name: str) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.actions_menu.addAction(action)
            return action

        self.act_open = act(self.tr("Open"), self.open_current, "member-open")
        self.actions_menu.addSeparator()
        self.act_chapter = act(self.tr("Set chapter…"), self.bulk_set_chapter, "bulk-chapter")
        self.act_add_sector = act(
            self.tr("Add sector…"), lambda: self.bulk_sector(add=True), "bulk-add-sector"
        )
        self.act_remove_sector = act(
            self.tr("Remove sector…"), lambda: self.bulk_sector(add=False), "bulk-remove-sector"
        )
        self.act_status = act(self.tr("Set status…"), self.bulk_set_status, "bulk-status")
        self.actions_menu.addSeparator()
        self.act_delete = act(self.tr("Delete…"), self.delete_selected, "member-delete")
        self.actions_menu.addSeparator()
        self.act_save_search = act(self.tr("Save search as a list…"), self.save_search, "save-search")
        self.act_save_search.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_save_search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_save_search)
        self.act_save_selection = act(
            self.tr("Save selection as a list…"), self.save_selection, "save-selection"
        )
        self.act_add_to_list = act(self.tr("Add to list…"), self.add_to_list, "add-to-list")
        self.act_remove_from_list = act(
            self.tr("Remove from this list"), self.remove_from_list, "remove-from-list"
        )
        self.actions_menu.addSeparator()
        self.act_import = act(self.tr("Import members…"), self.import_members, "member-import")
        self.act_history = act(self.tr("Import history…"), self.import_history, "member-import-history")
        self.act_merge = act(self.tr("Merge duplicates…"), self.merge_selected, "member-merge")
        self.actions_menu.addSeparator()
        self.act_personal = act(
            self.tr("Export personal data…"), self.export_personal_data, "member-personal-data"
        )
        self.act_anonymize = act(self.tr("Anonymize…"), self.anonymize_selected, "member-anonymize")
        self.actions_menu.addSeparator()
        hidden = [i for i, column in enumerate(self.model.columns) if not column.visible]
        self.act_columns = columns_action(self.table, self, hidden)
        self.actions_menu.addAction(self.act_columns)
        self.actions_menu.addMenu(self.export_menu)
        fill_menu(self.export_menu, MEMBER_KEYS, self.export, prefix="member-export")
        self._update_actions()

    def _restore_layout(self) -> None:
        state = self.ctx.settings.get(S.MEMBERS_HEADER)
        self.fitted = not state.isEmpty()
        if not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
        splitter = self.ctx.settings.get(S.MEMBERS_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.ctx.settings.set(S.MEMBERS_HEADER, self.table.horizontalHeader().saveState())
        self.ctx.settings.set(S.MEMBERS_SPLITTER, self.splitter.saveState())

    # -- Area API -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Members")

    def supports(self, action: str) -> bool:
        return action in ("search", "new", "open", "delete")

    def activated(self) -> None:
        if not self.loaded_reference:
            self.loaded_reference = True
            self._load_reference()
            self.lists_panel.reload()
            self.run_search()

    def export_current(self) -> None:
        """Ctrl+E: the table as shown."""
        self.export("table")

    def export(self, key: str) -> None:
        open_export(self.ctx, key, self.export_source(), self)

    def export_source(self) -> MembersSource:
        """What the table shows now: its query (or saved list), order, visible columns (in the
        order they are shown, after any dragging) and the selected members."""
        header = self.table.horizontalHeader()
        columns = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not self.table.isColumnHidden(logical):
                columns.append(self.model.columns[logical].key)
        shown = self.shown_list
        return MembersSource(
            query=self.current_query() if shown is None else MemberQuery(),
            selected_ids=tuple(self.selected_ids()),
            columns=tuple(columns),
            sort_key=self.sort_key,
            descending=self.sort_desc,
            total=self.last_total,
            list_name=shown.name if shown is not None else "",
            list_ids=tuple(self.list_ids) if shown is not None and self.list_ids is not None else None,
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        from talentdesk.ui.members.form import MemberDialog

        MemberDialog(self.ctx, None, self).open()

    def open_current(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        from talentdesk.ui.members.form import MemberDialog

        MemberDialog(self.ctx, member_id, self).open()

    def on_changes(self, changes: Changes) -> None:
        if changes.chapters or changes.sectors:
            self._load_reference()
        if changes.lists or changes.members or changes.chapters or changes.sectors:
            self.lists_panel.reload()  # fixed lists' sizes, descriptions naming chapters
        if changes.members or changes.chapters or changes.sectors or (changes.lists and self.shown_list):
            self.run_search(keep_position=True)

    # -- reference data for the filters -------------------------------------------------------

    def _load_reference(self) -> None:
        def query(session: Session, _task: Task) -> tuple[list[tuple[int, str]], ...]:
            return (
                [(c.id, c.name) for c in reference.chapters(session)],
                [(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)],
                [(c.id, c.label) for c in reference.contribution_types(session)],
            )

        self.ctx.read(query, self._fill_reference, owner=self)

    def _fill_reference(self, data: tuple[list[tuple[int, str]], ...]) -> None:
        chapters, sectors, contributions = data
        for combo, items in (
            (self.f_chapter, chapters),
            (self.f_sector, sectors),
            (self.f_contribution, contributions),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item_id, name in items:
                combo.addItem(name, item_id)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.chapters, self.sectors = chapters, sectors

    # -- searching ----------------------------------------------------------------------------

    def current_query(self) -> MemberQuery:
        def one(combo: QComboBox) -> tuple[Any, ...]:
            value = combo.currentData()  # a tuple: a group of values (see show_query)
            return () if value is None else value if isinstance(value, tuple) else (value,)

        consent = self.f_consent.currentData()
        return MemberQuery(
            text=self.search.text(),
            chapter_ids=one(self.f_chapter),
            sector_ids=one(self.f_sector),
            countries=one(self.f_country),
            statuses=tuple(MemberStatus(v) for v in one(self.f_status)),
            degrees=tuple(DegreeLevel(v) for v in one(self.f_degree)),
            contribution_ids=one(self.f_contribution),
            directory_consent=consent,
        )

    def show_query(self, query: MemberQuery, label: str = "") -> None:
        """Show exactly the members of ``query`` (a Tablero bar called ``label``): its filters in
        the filter combos, the search text empty. A filter of several values (the countries of a
        region) becomes one item of its combo, named ``label``; a value the combo does not list
        yet (its names still loading) gets an item that the names replace when they arrive."""
        for combo, values in (
            (self.f_chapter, query.chapter_ids),
            (self.f_sector, query.sector_ids),
            (self.f_country, query.countries),
            (self.f_status, tuple(s.value for s in query.statuses)),
            (self.f_degree, tuple(d.value for d in query.degrees)),
            (self.f_contribution, query.contribution_ids),
        ):
            combo.blockSignals(True)
            for i in reversed(range(combo.count())):  # a group chosen before
                if isinstance(combo.itemData(i), tuple):
                    combo.removeItem(i)
            wanted: Any = None if not values else values[0] if len(values) == 1 else tuple(values)
            index = combo.findData(wanted) if wanted is not None else 0
            if index < 0:
                combo.addItem(label if isinstance(wanted, tuple) and label else "…", wanted)
                combo.setItemData(combo.count() - 1, label or None, Qt.ItemDataRole.ToolTipRole)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.f_consent.blockSignals(True)
        self.f_consent.setCurrentIndex(max(self.f_consent.findData(query.directory_consent), 0))
        self.f_consent.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(query.text)
        self.search.blockSignals(False)
        self.run_search()

    def clear_filters(self) -> None:
        for combo in (
            self.f_chapter,
            self.f_sector,
            self.f_country,
            self.f_status,
            self.f_degree,
            self.f_contribution,
            self.f_consent,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.run_search()

    def run_search(self, keep_position: bool = False) -> None:
        """Count and first page first (fast), then every id in order (background)."""
        self.debounce.stop()
        for task in self.pending:
            task.abort.set()
        self.generation += 1
        generation = self.generation
        if self.shown_list is not None:
            self._run_list(generation, keep_position)
            return
        query = self.current_query()
        sort_key, descending = self.sort_key, self.sort_desc
        default_order = sort_key == "paternal_surname" and not descending
        self.export_button.setEnabled(not query.symbols_only())
        if query.symbols_only():  # nothing to look for: say so rather than list everyone
            self.pending = []
            self.model.show_page(0, [])
            self.last_total = 0
            self.count_label.setText(self.tr("Type letters or numbers"))
            self._update_actions()
            return
        keep = self.selected_ids() if keep_position else []
        top_row = self.table.rowAt(0) if keep_position else -1
        self.count_label.setText(self.tr("Searching…"))

        def first(session: Session, _task: Task) -> SearchPage:
            return search_members(session, query, limit=FIRST_PAGE if default_order else 0)

        def every(session: Session, task: Task) -> array[int]:
            with small_cache(session.connection()):  # 1M ids in order: each page read once
                return ordered_ids(session, query, sort_key, descending, abort=task.abort)

        def got_first(page: SearchPage) -> None:
            if generation != self.generation:
                return
            self.model.show_page(page.total, page.ids)
            self._show_count(page.total)
            self._show_welcome(page.total == 0 and query == MemberQuery())
            if not self.fitted and page.ids:
                self.fitted = True  # once, and only without a saved layout: the person's widths stay
                fit_columns(self.table, cap=170, headers=False)
            if page.total > len(page.ids):
                self.pending.append(self.ctx.read(every, got_all, on_failure=ignore_cancel, owner=self))
            else:
                self._after_load(keep, top_row)

        def got_all(ids: array[int]) -> None:
            if generation != self.generation:
                return
            self.model.show_all(ids)
            self._show_count(len(ids))
            self._after_load(keep, top_row)

        def ignore_cancel(exc: BaseException) -> None:
            if generation == self.generation:
                self.pending = []
                self.count_label.setText(self.tr("Search failed"))
                self.ctx.error.emit(error_message(exc))

        self.pending = [self.ctx.read(first, got_first, on_failure=ignore_cancel, owner=self)]

    # -- saved lists --------------------------------------------------------------------------

    def _search_changed(self) -> None:
        self.leave_list(search=False)  # typing searches every member again
        self.debounce.start()

    def _filters_changed(self) -> None:
        self.leave_list(search=False)
        self.run_search()

    def show_list(self, info: ListInfo) -> None:
        """Show a saved list's members in the table (a smart list's search is run now)."""
        self.shown_list = info
        self.list_ids = None
        self.list_label.setText(self.tr("List “%1”: loading…").replace("%1", info.name))
        self.list_bar.show()
        self.run_search()

    def leave_list(self, *, search: bool = True) -> None:
        """Back to every member (the search and filters as they were)."""
        if self.shown_list is None:
            return
        self.shown_list = None
        self.list_ids = None
        self.list_bar.hide()
        if search:
            self.run_search()

    def _run_list(self, generation: int, keep_position: bool) -> None:
        info = self.shown_list
        assert info is not None
        sort_key, descending = self.sort_key, self.sort_desc
        keep = self.selected_ids() if keep_position else []
        top_row = self.table.rowAt(0) if keep_position else -1
        self.count_label.setText(self.tr("Searching…"))
        self.export_button.setEnabled(True)

        def load(session: Session, task: Task) -> tuple[ListMembers, array[int]]:
            found = list_members(session, info.id, task.abort)
            if sort_key == "paternal_surname" and not descending and found.info.search != "match":
                return found, array("q", found.ids)  # already in name order
            return found, ordered_among(session, found.ids, sort_key, descending, task.abort)

        def loaded(result: tuple[ListMembers, array[int]]) -> None:
            if generation != self.generation or self.shown_list is None:
                return
            found, ids = result
            self.shown_list, self.list_ids = found.info, ids
            self.model.show_page(len(ids), list(ids[:FIRST_PAGE]))
            self.model.show_all(ids)
            self._show_count(len(ids))
            self._describe_list(found)
            self._after_load(keep, top_row)

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.pending = []
                self.list_label.setText(error_message(exc))
                self.count_label.setText(self.tr("Search failed"))
                self.model.show_page(0, [])
                self.ctx.error.emit(error_message(exc))

        self.pending = [self.ctx.read(load, loaded, on_failure=failed, owner=self)]

    def _describe_list(self, found: ListMembers) -> None:
        info = found.info
        if info.smart:
            text = self.tr("Saved search “%1” (run now): %2").replace("%1", info.name)
            text = text.replace("%2", info.description)
        else:
            text = self.tr("Fixed list “%1”").replace("%1", info.name)
        extra = [*found.notes]
        if found.hidden:
            extra.append(self.tr("%n anonymised member(s) not shown", "", found.hidden))
        self.list_label.setText(" · ".join([text, *extra]))

    def _list_name(self, title: str) -> str | None:
        name = self.lists_panel.ask_name(title, self.tr("Name of the list:"))
        return name if name is not None and name.strip() else None

    def save_search(self) -> None:
        """Ctrl+Shift+S: the search and filters as a smart list, run again whenever opened."""
        if self.shown_list is not None:
            self.ctx.status.emit(self.tr("A saved list is shown: go back to all members to save a search."))
            return
        query = self.current_query()
        if query.symbols_only():
            return
        name = self._list_name(self.tr("Save search as a list"))
        if name is not None:
            self.ctx.perform(
                ops_lists.save_query(name, query), parent=self, on_done=lambda i: self.lists_panel.reload(i)
            )

    def save_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.ctx.status.emit(self.tr("Select the members of the list in the table first."))
            return
        title = self.tr("Save %n selected member(s) as a list", "", len(ids))
        name = self._list_name(title)
        if name is not None:
            self.ctx.perform(
                ops_lists.save_fixed(name, ids), parent=self, on_done=lambda i: self.lists_panel.reload(i)
            )

    def add_to_list(self) -> None:
        ids = self.selected_ids()
        fixed = [(i.id, i.name) for i in self.lists_panel.model.rows if not i.smart]
        if not ids:
            return
        if not fixed:
            self.ctx.status.emit(self.tr("There is no fixed list yet: save the selection as a list."))
            return
        list_id = self._pick(self.tr("Add to list"), self.tr("List for %n member(s):", "", len(ids)), fixed)
        if list_id is not _NOTHING:
            self.ctx.perform(ops_lists.add_members(list_id, ids), parent=self)

    def remove_from_list(self) -> None:
        ids = self.selected_ids()
        if ids and self.shown_list is not None and not self.shown_list.smart:
            self.ctx.perform(ops_lists.remove_members(self.shown_list.id, ids), parent=self)

    def export_list(self, info: ListInfo, key: str) -> None:
        """Export a saved list's members (read now, in the background) as document ``key``."""

        def load(session: Session, task: Task) -> ListMembers:
            return list_members(session, info.id, task.abort)

        def loaded(found: ListMembers) -> None:
            source = MembersSource(
                selected_ids=(),
                columns=self.export_source().columns,
                total=len(found.ids),
                list_name=found.info.name,
                list_ids=tuple(found.ids),
            )
            open_export(self.ctx, key, source, self)

        self.ctx.read(
            load, loaded, on_failure=lambda exc: self.ctx.error.emit(error_message(exc)), owner=self
        )

    def _after_load(self, keep: list[int], top_row: int) -> None:
        self.pending = []
        if top_row > 0:
            self.table.scrollTo(
                self.model.index(min(top_row, self.model.total - 1), 0),
                QAbstractItemView.ScrollHint.PositionAtTop,
            )
        if keep:
            selection = self.table.selectionModel()
            for member_id in keep[:1000]:
                row = self.model.row_of(member_id)
                if row is not None:
                    selection.select(
                        self.model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                    )
        self._update_actions()

    def _show_count(self, total: int) -> None:
        self.last_total = total
        self.count_label.setText(self.tr("%n member(s)", "", total).replace(str(total), f"{total:,}"))

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.sort_desc = key, descending
        self.run_search()

    def is_loading(self) -> bool:
        return bool(self.pending)

    # -- selection ----------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.member_id(r) for r in rows) if i is not None]

    def current_member_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.member_id(index.row())
        selected = self.selected_ids()
        return selected[0] if selected else None

    def _focus_table(self) -> None:
        enter_results(self.table)

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        for action in (
            self.act_chapter,
            self.act_add_sector,
            self.act_remove_sector,
            self.act_status,
            self.act_delete,
        ):
            action.setEnabled(count > 0)
        self.act_open.setEnabled(count == 1 or self.table.currentIndex().isValid())
        self.act_merge.setEnabled(count == 2)
        self.act_save_search.setEnabled(self.shown_list is None)
        self.act_save_selection.setEnabled(count > 0)
        self.act_add_to_list.setEnabled(count > 0)
        self.act_remove_from_list.setEnabled(
            count > 0 and self.shown_list is not None and not self.shown_list.smart
        )
        self.act_personal.setEnabled(count == 1)
        self.act_anonymize.setEnabled(count == 1)

    def _table_menu(self, pos: QPoint) -> None:
        self.actions_menu.exec(self.table.viewport().mapToGlobal(pos))

    def _column_menu(self, pos: QPoint) -> None:
        menu = column_menu(self.table, self.act_columns)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    # -- an empty database -------------------------------------------------------------------

    def _show_welcome(self, empty: bool) -> None:
        """No members at all (not merely none found): the welcome state instead of the table."""
        self.welcome.setVisible(empty)
        self.splitter.setVisible(not empty)

    def load_demo(self) -> None:
        question = self.tr(
            "Load %1 generated demo members, with demo chapters, organisations and an event? They "
            "belong to no real person.\n\nThis cannot be undone with Ctrl+Z: to be rid of them, "
            "start a new database (File ▸ New database…)."
        ).replace("%1", f"{ops_demo.WELCOME_MEMBERS:,}")
        if ask(self, self.tr("Load demo data"), question):
            self.ctx.perform(ops_demo.load(), parent=self, progress=True)

    # -- import and merge ---------------------------------------------------------------------

    def import_members(self) -> None:
        from talentdesk.ui.imports.wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def import_history(self) -> None:
        from talentdesk.ui.imports.history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        from talentdesk.ui.imports.merge import MergeDialog

        dialog = MergeDialog(self.ctx, ids[0], ids[1], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- privacy rights (Acceso, Cancelación) -----------------------------------------------------

    def export_personal_data(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            from talentdesk.ui.privacy.member_rights import PersonalDataDialog

            PersonalDataDialog(self.ctx, ids[0], self).open()

    def anonymize_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            from talentdesk.ui.privacy.member_rights import AnonymizeDialog

            AnonymizeDialog(self.ctx, ids[0], self).open()

    # -- bulk operations ----------------------------------------------------------------------

    def _pick(self, title: str, label: str, items: list[tuple[Any, str]]) -> Any:
        names = [name for _v, name in items]
        name, ok = QInputDialog.getItem(self, title, label, names, 0, False)
        if not ok:
            return _NOTHING
        return items[names.index(name)][0]

    def bulk_set_chapter(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        choices: list[tuple[Any, str]] = [*self.chapters, (None, self.tr("(no chapter)"))]
        chapter_id = self._pick(
            self.tr("Set chapter"), self.tr("Chapter for %n member(s):", "", len(ids)), choices
        )
        if chapter_id is not _NOTHING:
            self._bulk(ops_members.set_chapter(ids, chapter_id), ids)

    def bulk_set_status(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        status = self._pick(
            self.tr("Set status"),
            self.tr("Status for %n member(s):", "", len(ids)),
            [(s, s.label) for s in MemberStatus],
        )
        if status is not _NOTHING:
            self._bulk(ops_members.set_status(ids, status), ids)

    def bulk_sector(self, *, add: bool) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        title = self.tr("Add sector") if add else self.tr("Remove sector")
        sector_id = self._pick(title, self.tr("Sector for %n member(s):", "", len(ids)), self.sectors)
        if sector_id is _NOTHING:
            return
        change = ops_members.add_sector if add else ops_members.remove_sector
        self._bulk(change(ids, sector_id), ids)

    def _bulk(self, op: Op[Any], ids: list[int]) -> None:
        self.ctx.perform(op, parent=self, progress=len(ids) > 200)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete members"),
            self.tr("Delete %n member(s)? You can undo it with Ctrl+Z.", "", len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._bulk(ops_members.delete(ids), ids)


_NOTHING = object()
