"""The chapters workspace: the list, a chapter's details and board, and their forms."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import BoardRole, ChapterStatus
from talentdesk.core.text import fold
from talentdesk.exports import reference_xlsx
from talentdesk.ops import chapters as ops_chapters
from talentdesk.services.record_lists import ROLE_ORDER, BoardRow, ChapterData, ChapterRow, load_chapters
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, DateField, EnumCombo
from talentdesk.ui.widgets.member_picker import MemberPicker
from talentdesk.ui.widgets.record_area import RecordArea, ask, make_table
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel, show_date

# -- the area -----------------------------------------------------------------------------------


class ChaptersArea(RecordArea):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("chapters-area")
        self.all_rows: list[ChapterRow] = []
        self.sectors: list[tuple[int, str]] = []
        self.select_after_load: int | None = None

        self.filter = QLineEdit()
        self.filter.setObjectName("chapter-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by name, city, country or president…"))
        self.filter.textChanged.connect(lambda _t: self._show_rows())
        self.new_button = QPushButton(self.tr("&New chapter…"))
        self.new_button.setObjectName("chapter-new")
        self.new_button.clicked.connect(self.new_item)
        self.count_label = QLabel()
        self.count_label.setObjectName("chapter-count")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.new_button)

        self.model = RecordTableModel(
            [
                Column(self.tr("Chapter"), lambda r: r.name),
                Column(self.tr("Location"), lambda r: r.place),
                Column(self.tr("Status"), lambda r: r.status.label),
                Column(self.tr("Members"), lambda r: r.members, numeric=True),
                Column(self.tr("President"), lambda r: r.president()),
            ],
            self,
        )
        self.table = make_table(self.model, "chapter-table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for column, width in enumerate((160, 190, 100, 70)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.export_button = self.add_table_export(self.table, "chapter")
        top.addWidget(self.export_button)
        top.addWidget(self.count_label)

        self.detail = self._build_detail()
        splitter = QSplitter()
        splitter.setObjectName("chapters-splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([650, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    def _build_detail(self) -> QStackedWidget:
        stack = QStackedWidget()
        stack.setObjectName("chapter-detail")
        empty = QLabel(self.tr("Select a chapter to see its details and board."))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        stack.addWidget(empty)

        page = QWidget()
        self.d_title = QLabel()
        self.d_title.setObjectName("chapter-title")
        font = self.d_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.d_title.setFont(font)
        self.d_title.setWordWrap(True)
        self.d_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, text in (
            ("status", self.tr("Status")),
            ("place", self.tr("Location")),
            ("founded_on", self.tr("Formalized on")),
            ("contact_email", self.tr("Contact e-mail")),
            ("members", self.tr("Members")),
            ("sectors", self.tr("Sectors")),
            ("notes", self.tr("Notes")),
        ):
            label = QLabel()
            label.setObjectName(f"chapter-{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.d_labels[key] = label
            form.addRow(text, label)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("chapter-edit")
        self.edit_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("chapter-delete")
        self.delete_button.clicked.connect(self.delete_chapter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        board_box = QGroupBox(self.tr("Board"))
        self.board_model = RecordTableModel(
            [
                Column(self.tr("Role"), lambda b: b.role.label, sort_key=lambda b: ROLE_ORDER[b.role]),
                Column(self.tr("Member"), lambda b: b.member_name),
                Column(self.tr("From"), lambda b: b.term_start, sort_key=lambda b: b.term_start or date.min),
                Column(self.tr("To"), lambda b: b.term_end, sort_key=lambda b: b.term_end or date.max),
            ],
            self,
        )
        self.board_table: QTableView = make_table(self.board_model, "board-table", sortable=False)
        board_header = self.board_table.horizontalHeader()
        board_header.setStretchLastSection(False)
        for column in (0, 2, 3):
            board_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        board_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.board_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.board_add = QPushButton(self.tr("&Add position…"))
        self.board_add.setObjectName("board-add")
        self.board_add.clicked.connect(self.add_position)
        self.board_remove = QPushButton(self.tr("&Remove position…"))
        self.board_remove.setObjectName("board-remove")
        self.board_remove.clicked.connect(self.remove_position)
        board_buttons = QHBoxLayout()
        board_buttons.addWidget(self.board_add)
        board_buttons.addWidget(self.board_remove)
        board_buttons.addStretch(1)
        board_layout = QVBoxLayout(board_box)
        board_layout.addWidget(self.board_table)
        board_layout.addLayout(board_buttons)

        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.d_title)
        page_layout.addLayout(form)
        page_layout.addLayout(buttons)
        page_layout.addWidget(board_box, 1)
        stack.addWidget(page)
        return stack

    # -- Area API -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Chapters")

    def supports(self, action: str) -> bool:
        return action in ("search", "new", "open", "delete")

    def focus_search(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def table_export(self) -> tuple[QTableView, str, int]:
        return self.table, reference_xlsx.CHAPTERS.title, len(self.all_rows)

    def new_item(self) -> None:
        self._open_form(None)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_form(row)

    def delete_selected(self) -> None:
        if self.board_table.hasFocus() and self.current_position() is not None:
            self.remove_position()
        else:
            self.delete_chapter()

    def on_changes(self, changes: Changes) -> None:
        if changes.chapters or changes.members:
            self.refresh()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        self.count_label.setText(self.tr("Loading…"))
        self.ctx.read(lambda session, _task: load_chapters(session), self._loaded, owner=self)

    def _loaded(self, data: ChapterData) -> None:
        self.loading = False
        self.all_rows, self.sectors = data.chapters, data.sectors
        self._show_rows()

    def _show_rows(self) -> None:
        keep = self.select_after_load
        self.select_after_load = None
        if keep is None and (current := self.current_row()) is not None:
            keep = current.id
        words = fold(self.filter.text()).split()
        rows = [r for r in self.all_rows if all(w in _haystack(r) for w in words)]
        self.model.set_rows(rows)
        total = len(self.all_rows)
        if len(rows) == total:
            self.count_label.setText(self.tr("%n chapter(s)", "", total))
        else:
            self.count_label.setText(self.tr("%1 of %n chapter(s)", "", total).replace("%1", str(len(rows))))
        row = self.model.row_of(keep)
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._show_detail(None)

    # -- selection and details ----------------------------------------------------------------

    def current_row(self) -> ChapterRow | None:
        rows = self.table.selectionModel().selectedRows()
        row: ChapterRow | None = self.model.row(rows[0].row()) if rows else None
        return row

    def current_position(self) -> BoardRow | None:
        rows = self.board_table.selectionModel().selectedRows()
        position: BoardRow | None = self.board_model.row(rows[0].row()) if rows else None
        return position

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.current_row())

    def _show_detail(self, row: ChapterRow | None) -> None:
        if row is None:
            self.detail.setCurrentIndex(0)
            self.board_model.set_rows([])
            self._update_buttons()
            return
        self.detail.setCurrentIndex(1)
        self.d_title.setText(row.name)
        values = {
            "status": row.status.label,
            "place": row.place,
            "founded_on": show_date(row.founded_on),
            "contact_email": row.contact_email or "",
            "members": self.tr("%n member(s)", "", row.members),
            "sectors": "; ".join(row.sector_names),
            "notes": row.notes or "",
        }
        for key, text in values.items():
            self.d_labels[key].setText(text or "—")
        previous = self.current_position()
        self.board_model.set_rows(row.board)
        if previous is not None and (index := self.board_model.row_of(previous.id)) is not None:
            self.board_table.selectRow(index)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_chapter = self.current_row() is not None
        for button in (self.edit_button, self.delete_button, self.board_add):
            button.setEnabled(has_chapter)
        self.board_remove.setEnabled(has_chapter and self.current_position() is not None)

    # -- chapter forms ------------------------------------------------------------------------

    def _open_form(self, row: ChapterRow | None) -> None:
        dialog = ChapterDialog(self.ctx, self.sectors, row, self)
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)

    def _saved(self, chapter_id: Any) -> None:
        if isinstance(chapter_id, int):
            self.select_after_load = chapter_id
            if self.model.row_of(chapter_id) is None and self.filter.text():
                self.filter.clear()

    def delete_chapter(self) -> None:
        row = self.current_row()
        if row is None:
            return
        text = self.tr(
            "Delete the chapter “%1”? Its %n member(s) will keep their records without a chapter, "
            "and its board will be removed. You can undo it with Ctrl+Z.",
            "",
            row.members,
        ).replace("%1", row.name)
        if not ask(self, self.tr("Delete chapter"), text):
            return
        self.ctx.perform(ops_chapters.delete(row.id, row.name), parent=self)

    # -- board --------------------------------------------------------------------------------

    def add_position(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = BoardPositionDialog(self.ctx, row, self)
        self.open_dialog(dialog)

    def remove_position(self) -> None:
        row, position = self.current_row(), self.current_position()
        if row is None or position is None:
            return
        text = (
            self.tr("Remove %1 as %2 of “%3”?")
            .replace("%1", position.member_name)
            .replace("%2", position.role.label)
            .replace("%3", row.name)
        )
        if not ask(self, self.tr("Remove board position"), text):
            return
        self.ctx.perform(ops_chapters.remove_board_position(position.id), parent=self)


def _haystack(row: ChapterRow) -> str:
    return fold(" ".join(filter(None, [row.name, row.city, row.country_name, row.president()])))


# -- forms --------------------------------------------------------------------------------------


class ChapterDialog(RecordDialog):
    """Create (``row`` is None) or edit a chapter."""

    def __init__(
        self,
        ctx: AppContext,
        sectors: list[tuple[int, str]],
        row: ChapterRow | None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New chapter") if row is None else self.tr("Chapter “%1”").replace("%1", row.name)
        super().__init__(ctx, title, "chapter-dialog", parent)
        self.row = row
        self.name = QLineEdit(row.name if row else "")
        self.status = EnumCombo(ChapterStatus)
        self.status.set_value(row.status if row else ChapterStatus.FORMING)
        self.city = QLineEdit(row.city or "" if row else "")
        self.country = CountryCombo()
        self.country.set_code(row.country if row else None)
        self.founded_on = DateField(row.founded_on if row else None)
        self.contact_email = QLineEdit(row.contact_email or "" if row else "")
        self.contact_email.setPlaceholderText(self.tr("name@example.org"))
        self.sectors = CheckList(sectors)
        self.sectors.set_checked(row.sector_ids if row else ())
        self.notes = QPlainTextEdit(row.notes or "" if row else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("status", self.tr("S&tatus"), self.status)
        self.add_field("city", self.tr("&City"), self.city)
        self.add_field("country", self.tr("C&ountry"), self.country)
        self.add_field("founded_on", self.tr("&Formalized on"), self.founded_on)
        self.add_field("contact_email", self.tr("Contact &e-mail"), self.contact_email)
        self.add_field("sectors", self.tr("Sec&tors"), self.sectors, aliases=("sector_ids",))
        self.add_field("notes", self.tr("N&otes"), self.notes)
        self.setMinimumWidth(520)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "status": self.status.value(),
            "city": self.city.text(),
            "country": self.country.value(),
            "founded_on": self.founded_on.value(),
            "contact_email": self.contact_email.text(),
            "sector_ids": self.sectors.checked_ids(),
            "notes": self.notes.toPlainText(),
        }

    def submit(self) -> None:
        values = self.values()
        if self.row is None:
            self.run(ops_chapters.create(values))
        else:
            self.run(ops_chapters.update(self.row.id, values))


class BoardPositionDialog(RecordDialog):
    """Add a board position: a member found by searching, a role and a term."""

    def __init__(self, ctx: AppContext, chapter: ChapterRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("New board position — %1").replace("%1", chapter.name), "board-dialog", parent
        )
        self.chapter = chapter
        self.picker = MemberPicker(ctx)
        self.picker.setObjectName("board-member")
        self.role = EnumCombo(BoardRole)
        self.term_start = DateField()
        self.term_end = DateField()
        self.add_field("member", self.tr("&Member"), self.picker)
        self.add_field("role", self.tr("&Role"), self.role)
        self.add_field("term_start", self.tr("Term &starts"), self.term_start)
        self.add_field("term_end", self.tr("Term &ends"), self.term_end)
        self.setMinimumWidth(560)
        self.picker.run_search()
        self.picker.setFocus()

    def submit(self) -> None:
        member_id = self.picker.selected_id()
        if member_id is None:
            self.show_error(self.tr("Choose a member from the search results."), "member")
            self.picker.setFocus()
            return
        chapter_id, role = self.chapter.id, self.role.chosen()
        start, end = self.term_start.value(), self.term_end.value()
        self.run(ops_chapters.add_board_position(chapter_id, member_id, role, start, end))
