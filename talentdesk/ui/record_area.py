"""One record area for chapters, sectors, organisations and the Jornadas list: a searchable
table of plain rows loaded in the background, a toolbar, the record's form, delete with a
question, "Export what is shown", and the table's columns to hide or move.

An area is a :class:`RecordList` (what it lists and does, as data) given to :class:`RecordArea`;
the areas add only what is theirs (a details panel, a board, the event workspace). Every write
goes through ``ctx.perform(ops.<area>.<factory>(…))``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.text import fold
from talentdesk.ops import Op
from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.exports.actions import open_export, table_source
from talentdesk.ui.exports.kinds import TABLE_VIEW
from talentdesk.ui.widgets.buttons import ask, push_button
from talentdesk.ui.widgets.record_dialog import FormDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.search_box import SearchBox, enter_results
from talentdesk.ui.widgets.tables import (
    allow_column_choice,
    columns_action,
    fit_columns,
    make_table,
    selected_row,
)

if TYPE_CHECKING:  # the dialog (and openpyxl, reportlab behind it) loads on first use
    from talentdesk.ui.exports.dialog import ExportDialog

R = TypeVar("R")

# Milliseconds of quiet typing before a search that the loader runs is sent.
DEBOUNCE_MS = 150


# -- what an area lists and does -----------------------------------------------------------------


@dataclass(frozen=True)
class Listing(Generic[R]):
    """What a loader returns: the rows, how many records there are before a search the loader
    ran (None: the rows are all of them), and the choices the record's form offers (sectors)."""

    rows: Sequence[R]
    total: int | None = None
    choices: Sequence[tuple[int, str]] = ()


@dataclass(frozen=True)
class Deletion(Generic[R]):
    """Deleting the selected record: the question (title, text naming it) and the operation."""

    title: str
    question: Callable[[R], str]
    op: Callable[[R], Op[Any]]


@dataclass(frozen=True)
class RecordList(Generic[R]):
    """What a record area lists and does.

    ``name`` prefixes the widgets' object names (``<name>-table``, ``-search``, ``-count``,
    ``-new``, ``-edit``, ``-delete``, ``-export``). ``load(session, criteria)`` runs in the
    background; with ``search_text`` the area filters the rows itself, word by word and
    accent-blind, else (``search_in_load``) the loader gets the search text as its criteria
    (see :meth:`RecordArea.criteria`).
    """

    name: str
    title: str
    columns: Sequence[Column]
    load: Callable[[Session, Any], Listing[R]]
    sheet: str  # the sheet and file name of "Export what is shown"
    cares: Callable[[Changes], bool]
    widths: Sequence[int] = ()
    sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
    search_text: Callable[[R], str] | None = None
    search_in_load: bool = False
    search_placeholder: str = ""
    # "%n chapter(s)" and "%1 of %n chapter(s)" for a total (translated by the area).
    count: Callable[[int], tuple[str, str]] | None = None
    new_text: str = ""  # the toolbar's "New …" button; none when empty
    form: Callable[[R | None], FormDialog] | None = None  # the record's form (None: a new one)
    delete: Deletion[R] | None = None
    select_first: bool = True  # after loading, select the first row when none was selected
    export_name: str = ""  # the export button's and action's name prefix, when not ``name``
    actions: frozenset[str] = field(default_factory=lambda: frozenset({"search", "new", "open", "delete"}))

    @property
    def searches(self) -> bool:
        return self.search_text is not None or self.search_in_load


class RecordDetails(QStackedWidget):
    """The selected record beside or under the table: a title and labelled values (selectable
    text, "—" for none); a hint when nothing is selected. More goes under the values
    (:attr:`info`), beside them (:attr:`body`) or under both (:attr:`page_layout`)."""

    def __init__(self, name: str, hint: str, fields: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.setObjectName(f"{name}-detail")
        empty = QLabel(hint)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.addWidget(empty)
        self.title = QLabel()
        self.title.setObjectName(f"{name}-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, text in fields:
            label = QLabel()
            label.setObjectName(f"{name}-{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            self.form.addRow(text, label)
        self.info = QVBoxLayout()
        self.info.addWidget(self.title)
        self.info.addLayout(self.form)
        self.body = QHBoxLayout()
        self.body.addLayout(self.info, 2)
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.addLayout(self.body)
        self.addWidget(self.page)

    def show_record(self, title: str, values: dict[str, str]) -> None:
        self.setCurrentIndex(1)
        self.title.setText(title)
        for key, text in values.items():
            self.values[key].setText(text or "—")

    def show_nothing(self) -> None:
        self.setCurrentIndex(0)


class RecordParts:
    """A record's own short list under its details (a chapter's board, a sector's contacts):
    a table that keeps the selected part when the record is shown again."""

    def __init__(
        self, columns: Sequence[Column], name: str, parent: QWidget, selection_changed: Callable[[], None]
    ) -> None:
        self.model = RecordTableModel(columns, parent)
        self.table = make_table(self.model, name, sortable=False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: selection_changed())

    def current(self) -> Any | None:
        return selected_row(self.table)

    def show(self, rows: Sequence[Any], keep: int | None = None) -> None:
        """Show ``rows``, selecting ``keep`` (else the part selected before, if still there)."""
        previous = self.current()
        if keep is None and previous is not None:
            keep = self.model.id_of(previous)
        self.model.set_rows(rows)
        if (index := self.model.row_of(keep)) is not None:
            self.table.selectRow(index)

    def resize_modes(self, stretch: Sequence[int]) -> None:
        """Columns as wide as their contents, but ``stretch`` ones share the width left."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)


class RecordArea(Area):
    """A :class:`RecordList` on screen. Loads when first shown; later changes it cares about
    reload it now, or when it is shown again."""

    def __init__(self, ctx: AppContext, spec: RecordList[Any]) -> None:
        super().__init__(ctx)
        self.spec = spec
        self.loaded = False
        self.stale = False
        self.loading = False
        self.generation = 0
        self.dialog: FormDialog | None = None
        self.all_rows: list[Any] = []
        self.total = -1  # records before the area's search (-1: the area has no search)
        self.choices: Sequence[tuple[int, str]] = ()
        self.select_after_load: int | None = None
        self.fitted = False  # columns sized to the first rows loaded
        name = spec.name

        self.model = RecordTableModel(spec.columns, self)
        self.table = make_table(self.model, f"{name}-table")
        self.table.sortByColumn(*spec.sort)
        header = self.table.horizontalHeader()
        for column, width in enumerate(spec.widths):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed())

        self.toolbar = QHBoxLayout()
        self.search: SearchBox | None = None
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.reload)
        if spec.searches:
            self.search = SearchBox(self.focus_table)
            self.search.setObjectName(f"{name}-search")
            self.search.setPlaceholderText(spec.search_placeholder)
            self.search.textChanged.connect(lambda _t: self._search_changed())
            self.toolbar.addWidget(self.search, 1)
        self.new_button: QPushButton | None = None
        if spec.new_text:
            self.new_button = push_button(spec.new_text, f"{name}-new", self.new_item)
            self.toolbar.addWidget(self.new_button)
        self.export_button = self.add_table_export(self.table, spec.export_name or name)
        self.toolbar.addWidget(self.export_button)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}-count")
        if spec.count is not None:
            self.toolbar.addWidget(self.count_label)
        edit = QCoreApplication.translate("RecordArea", "&Edit…")
        self.edit_button = push_button(edit, f"{name}-edit", self.edit_current)
        self.delete_button: QPushButton | None = None
        if spec.delete is not None:
            delete = QCoreApplication.translate("RecordArea", "&Delete…")
            self.delete_button = push_button(delete, f"{name}-delete", self.delete_selected)

    # -- layout -------------------------------------------------------------------------------

    def lay_out(self, *parts: QWidget | QLayout, parent: QWidget | None = None) -> QVBoxLayout:
        """The list's page: the toolbar, then ``parts`` (the first one takes the height left)."""
        layout = QVBoxLayout(parent or self)
        layout.addLayout(self.toolbar)
        for number, part in enumerate(parts):
            if isinstance(part, QLayout):
                layout.addLayout(part, 1 if number == 0 else 0)
            else:
                layout.addWidget(part, 1 if number == 0 else 0)
        self.selection_changed()
        return layout

    def beside(
        self,
        detail: QWidget,
        orientation: Qt.Orientation = Qt.Orientation.Horizontal,
        stretch: tuple[int, int] = (3, 2),
    ) -> QSplitter:
        """The table and the selected record's ``detail`` side by side (or one over the other)."""
        splitter = QSplitter(orientation)
        splitter.setObjectName(f"{self.objectName()}-splitter".replace("-area-", "-"))
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        return splitter

    # -- Area API -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.spec.title

    def supports(self, action: str) -> bool:
        return action in self.spec.actions

    def focus_search(self) -> None:
        if self.search is not None:
            self.search.setFocus()
            self.search.selectAll()

    def focus_table(self) -> None:
        enter_results(self.table)

    def new_item(self) -> None:
        self.open_form(None)

    def open_current(self) -> None:
        self.edit_current()

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_form(row)

    def delete_selected(self) -> None:
        row, deletion = self.current_row(), self.spec.delete
        if row is None or deletion is None:
            return
        if ask(self, deletion.title, deletion.question(row)):
            self.ctx.perform(deletion.op(row), parent=self)

    def on_changes(self, changes: Changes) -> None:
        if self.spec.cares(changes):
            self.refresh()

    def is_loading(self) -> bool:
        return self.loading

    # -- loading ------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self.loaded or self.stale:
            self.loaded, self.stale = True, False
            self.reload()

    def refresh(self) -> None:
        """Something this area shows changed."""
        if not self.loaded:
            return
        if self.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def criteria(self) -> Any:
        """What the loader is asked for, read here on the GUI thread: the search text when the
        loader searches (an area with more filters gives them all)."""
        return self.search.text() if self.search is not None and self.spec.search_in_load else ""

    def reload(self) -> None:
        self.debounce.stop()
        self.loaded, self.stale = True, False
        self.generation += 1
        generation = self.generation
        self.loading = True
        if self.spec.count is not None and not self.all_rows:
            self.count_label.setText(QCoreApplication.translate("RecordArea", "Loading…"))
        load, criteria = self.spec.load, self.criteria()

        def done(listing: Listing[Any]) -> None:
            if generation == self.generation:
                self.loading = False
                self.loaded_listing(listing)

        self.ctx.read(lambda session, _task: load(session, criteria), done, owner=self)

    def loaded_listing(self, listing: Listing[Any]) -> None:
        self.all_rows = list(listing.rows)
        self.choices = listing.choices
        searches = self.spec.searches
        self.total = listing.total if listing.total is not None else len(self.all_rows) if searches else -1
        self.show_rows()
        self.select_after_load = None  # shown now, or not to be found
        if not self.fitted and self.all_rows:
            self.fitted = True  # once: later the person's widths stay
            fit_columns(self.table)

    def _search_changed(self) -> None:
        if self.spec.search_in_load:
            self.debounce.start()
        else:
            self.show_rows()

    def shown_rows(self) -> list[Any]:
        """The rows the search lets through (all of them when the loader searched)."""
        haystack = self.spec.search_text
        if haystack is None or self.search is None:
            return self.all_rows
        words = fold(self.search.text()).split()
        return [r for r in self.all_rows if all(w in fold(haystack(r)) for w in words)]

    def show_rows(self) -> None:
        """Fill the table, keeping the selected record selected; a record just saved is selected
        once a load brings it (it may not be there yet when the search is cleared for it)."""
        keep = self.select_after_load
        current = self.current_row()
        rows = self.shown_rows()
        if keep is None or all(self.model.id_of(r) != keep for r in rows):
            keep = self.model.id_of(current) if current is not None else None
        else:
            self.select_after_load = None
        self.model.set_rows(rows)
        if self.spec.count is not None:
            every, some = self.spec.count(max(self.total, 0))
            self.count_label.setText(every if len(rows) == self.total else some.replace("%1", str(len(rows))))
        row = self.model.row_of(keep)
        if row is None and rows and self.spec.select_first:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.selection_changed()

    # -- selection ----------------------------------------------------------------------------

    def current_row(self) -> Any | None:
        return selected_row(self.table)

    def selection_changed(self) -> None:
        """The selected record changed (or was reloaded): show it, enable what applies."""
        row = self.current_row()
        self.show_detail(row)
        for button in self.row_buttons():
            button.setEnabled(row is not None)

    def show_detail(self, row: Any | None) -> None:
        """Areas with a details panel show the record there."""

    def row_buttons(self) -> list[QPushButton]:
        """The buttons that act on the selected record."""
        return [self.edit_button, *([self.delete_button] if self.delete_button is not None else [])]

    # -- forms --------------------------------------------------------------------------------

    def open_form(self, row: Any | None) -> None:
        """The record's form (a new record when ``row`` is None); once saved, its row is selected."""
        if self.spec.form is None:
            return
        dialog = self.spec.form(row)
        dialog.saved.connect(self.saved)
        self.open_dialog(dialog)

    def saved(self, record_id: Any) -> None:
        if isinstance(record_id, int):
            self.select_after_load = record_id
            if self.model.row_of(record_id) is None and self.search is not None and self.search.text():
                self.search.clear()  # the saved record must be seen

    def open_dialog(self, dialog: FormDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def confirm_close(self) -> bool:
        """Asked by the main window before closing: an open form with edits asks first."""
        dialog = self.dialog
        if dialog is None or not dialog.isVisible():
            return True
        if dialog.confirm_discard():
            dialog.modified = False
            dialog.reject()
            return True
        return False

    # -- "Export what is shown" ---------------------------------------------------------------

    def table_export(self) -> tuple[QTableView, str, int] | None:
        """The table "Export what is shown" writes, the Spanish name of its sheet and file,
        and how many rows it has before the area's search (-1: the area has no search);
        None when the area shows no such table right now."""
        return self.table, self.spec.sheet, self.total

    def export_current(self) -> None:
        """Ctrl+E: the table as it is shown (search, sort, visible columns in their order)."""
        self.export_table()

    def export_table(self) -> ExportDialog | None:
        shown = self.table_export()
        if shown is None:
            return None
        table, name, total = shown
        source = table_source(table, name, self.title(), total)
        return open_export(self.ctx, TABLE_VIEW.key, source, self)

    def add_table_export(self, table: QTableView, prefix: str) -> QPushButton:
        """The area's "Export…" button; the same entry in the table's context menu, and the
        columns' own menu on its header (hide, show; drag to move)."""
        text = QCoreApplication.translate("RecordArea", "Export…")
        tip = QCoreApplication.translate(
            "RecordArea",
            "Save this table as a spreadsheet, as it is shown: filter, order and columns (Ctrl+E)",
        )
        button = QPushButton(text)
        button.setObjectName(f"{prefix}-export")
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self.export_table())
        action = QAction(QCoreApplication.translate("RecordArea", "Export the table as shown…"), table)
        action.setObjectName(f"{prefix}-export-table")
        action.triggered.connect(lambda _checked=False: self.export_table())
        table.addAction(action)
        table.addAction(columns_action(table, table))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        allow_column_choice(table)
        return button
