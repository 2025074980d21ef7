"""The members area's "Saved lists" panel: the lists by name, opened into the members table (a
smart list's search is run again), renamed, deleted and exported. Saving a search or the chosen
rows is the area's (it knows both); every write is an operation (``ops.saved_lists``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.programs import SavedListKind
from talentdesk.ops import saved_lists as ops_lists
from talentdesk.services.saved_lists import ListInfo, lists
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.actions import MEMBER_KEYS, fill_menu
from talentdesk.ui.tasks import Task
from talentdesk.ui.widgets.buttons import ask, button_row, push_button

Index = QModelIndex | QPersistentModelIndex
#: Member documents whose audience a list can be (the statistics count groups, not people).
LIST_EXPORTS = tuple(key for key in MEMBER_KEYS if key != "stats")


class SavedListsModel(QAbstractListModel):
    """The saved lists, one row each: the name; the kind and what it looks for in the tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ListInfo] = []

    def set_rows(self, rows: list[ListInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if info.kind == SavedListKind.FIXED:
                return self.tr("%1 (%2)").replace("%1", info.name).replace("%2", f"{info.size or 0:,}")
            return info.name
        if role == Qt.ItemDataRole.ToolTipRole:
            if info.kind == SavedListKind.FIXED:
                return self.tr("Fixed list: %n chosen member(s)", "", info.size or 0)
            return self.tr("Saved search, run again when opened: %1").replace("%1", info.description)
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def row_of(self, list_id: int) -> int | None:
        return next((i for i, info in enumerate(self.rows) if info.id == list_id), None)


class _ListsView(QListView):
    """A list that asks for a few rows only: the side column fills the height it is given and
    scrolls on a short window, instead of growing the window (the hint feeds heightForWidth)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class SavedListsPanel(QGroupBox):
    """The lists; ``opened`` asks the area to show one, ``export`` to export one as ``key``."""

    opened = Signal(object)  # ListInfo
    export_requested = Signal(object, str)  # ListInfo, export kind key

    def __init__(
        self,
        ctx: AppContext,
        save_search: Callable[[], None],
        save_selection: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Saved lists"), parent)
        self.setObjectName("saved-lists")
        self.ctx = ctx
        self.pending: Task | None = None
        self.model = SavedListsModel(self)
        self.view = _ListsView()
        self.view.setObjectName("saved-lists-view")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 4)  # short windows scroll the side
        self.view.activated.connect(lambda _i: self.open_current())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self._menu().exec(self.view.mapToGlobal(pos))
        )

        self.open_button = push_button(self.tr("Open"), "saved-list-open", self.open_current)
        self.rename_button = push_button(self.tr("Rename…"), "saved-list-rename", self.rename_current)
        self.delete_button = push_button(self.tr("Delete…"), "saved-list-delete", self.delete_current)
        self.export_button = QToolButton()
        self.export_button.setObjectName("saved-list-export")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        fill_menu(self.export_menu, LIST_EXPORTS, self._export, prefix="saved-list-export")
        self.export_button.setMenu(self.export_menu)
        self.save_search_button = push_button(self.tr("Save search…"), "saved-list-save-search", save_search)
        self.save_selection_button = push_button(
            self.tr("Save selection…"), "saved-list-save-selection", save_selection
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(
            button_row(
                self.open_button,
                self.rename_button,
                self.delete_button,
                self.export_button,
                self.save_search_button,
                self.save_selection_button,
            )
        )
        self._update_buttons()

    # -- reading ------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        if self.pending is not None:
            self.pending.abort.set()
        keep = self.current() if select is None else None
        wanted = select if select is not None else (keep.id if keep else None)

        def done(rows: list[ListInfo]) -> None:
            self.pending = None
            self.model.set_rows(rows)
            row = self.model.row_of(wanted) if wanted is not None else None
            if row is not None:
                self.view.setCurrentIndex(self.model.index(row, 0))
            self._update_buttons()

        def query(session: Session, _task: Task) -> list[ListInfo]:
            return lists(session)

        self.pending = self.ctx.read(query, done, owner=self)

    def current(self) -> ListInfo | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for button in (self.open_button, self.rename_button, self.delete_button, self.export_button):
            button.setEnabled(chosen)

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        for text, slot in (
            (self.tr("Open"), self.open_current),
            (self.tr("Rename…"), self.rename_current),
            (self.tr("Delete…"), self.delete_current),
        ):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(self.current() is not None)
        export = menu.addMenu(self.tr("Export"))
        export.setEnabled(self.current() is not None)
        fill_menu(export, LIST_EXPORTS, self._export)
        return menu

    # -- actions ------------------------------------------------------------------------------

    def open_current(self) -> None:
        info = self.current()
        if info is not None:
            self.opened.emit(info)

    def _export(self, key: str) -> None:
        info = self.current()
        if info is not None:
            self.export_requested.emit(info, key)

    def ask_name(self, title: str, label: str, text: str = "") -> str | None:
        """The list's name, typed (None: cancelled). Tests replace this."""
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name if ok else None

    def rename_current(self) -> None:
        info = self.current()
        if info is None:
            return
        name = self.ask_name(self.tr("Rename list"), self.tr("New name:"), info.name)
        if name is not None and name.strip() and name.strip() != info.name:
            self.ctx.perform(ops_lists.rename(info.id, name), parent=self, on_done=lambda i: self.reload(i))

    def delete_current(self) -> None:
        info = self.current()
        if info is None:
            return
        question = self.tr(
            "Delete the list “%1”? Its members stay in the network. You can undo it with Ctrl+Z."
        ).replace("%1", info.name)
        if ask(self, self.tr("Delete list"), question):
            self.ctx.perform(ops_lists.delete(info.id), parent=self)
