"""The main window: navigation between areas, menus, toolbar, status bar, undo.

Opening or creating another database is not done here: the File menu asks for a file and emits
``open_database_requested`` / ``new_database_requested``; the application controller
(``talentdesk.ui.app.Application``) opens it and replaces this window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk import __version__
from talentdesk.core.models import Base, Chapter, Member, Organization
from talentdesk.db.backup import BackupInfo
from talentdesk.db.engine import sqlite_path
from talentdesk.db.servers import ServerAddress
from talentdesk.ui import settings as S
from talentdesk.ui.area import Area
from talentdesk.ui.backups import DamagedDatabaseBox, RestoreDialog
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.databases import display_target, target_file, target_missing
from talentdesk.ui.exports.actions import EVENT_KEYS, MEMBER_KEYS, fill_menu
from talentdesk.ui.preferences import PreferencesDialog
from talentdesk.ui.resources import app_icon, app_pixmap
from talentdesk.ui.tasks import Task
from talentdesk.ui.widgets.fitting import ElidedLabel

DATABASE_SUFFIX = ".sqlite"


class MainWindow(QMainWindow):
    open_database_requested = Signal(str)  # path of an existing database to switch to
    new_database_requested = Signal(str)  # path where to create (and migrate) a new database
    restore_requested = Signal(str)  # a backup to restore into this database (then reopened)

    def __init__(self, ctx: AppContext, areas: list[Area] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self._close_confirmed = False
        self.server_dialog: QWidget | None = None  # File → Connect to server…, while open
        self.setWindowTitle(self.tr("TalentDesk — Red de Talentos Mexicanos"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        self.areas: list[Area] = areas if areas is not None else default_areas(ctx)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for area in self.areas:
            self.nav.addItem(QListWidgetItem(area.title()))
            self.stack.addWidget(area)
            area.actions_changed.connect(self._area_actions_changed)
            drill = getattr(area, "open_members", None)  # the Tablero's bars
            if drill is not None:
                drill.connect(self.show_members)
            drill = getattr(area, "open_programs", None)
            if drill is not None:
                drill.connect(self.show_programs)
        self.nav.currentRowChanged.connect(self._show_area)
        # As wide as the longest area name (in the language shown): a small screen keeps the rest.
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0), 80) + 2 * self.nav.frameWidth() + 12)

        # A plain layout, not a splitter: the list has a fixed width, and a splitter handed the
        # slack to it as an empty band between the list and the workspace.
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = ElidedLabel(ctx.db.display_name)  # a long path must not widen the window
        self.db_label.setMaximumWidth(self.db_label.fontMetrics().averageCharWidth() * 48)
        self.db_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if ctx.db.read_only:
            self.db_label.setText(self.tr("%1 (read only)").replace("%1", ctx.db.display_name))
            self.setWindowTitle(self.windowTitle() + " " + self.tr("(read only)"))
        self.count_label = QLabel()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_actions()
        ctx.changed.connect(self._on_changes)
        ctx.error.connect(self._show_error)
        ctx.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.runner.busy_changed.connect(self._on_busy)
        ctx.undo.changed.connect(self._update_undo_actions)
        self._update_undo_actions()

        geometry = ctx.settings.get(S.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = ctx.settings.get(S.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.nav.setCurrentRow(self.first_area())
        self.refresh_counts()

    def first_area(self) -> int:
        """The row of the area to show at start: the one shown last, else the first (the Tablero)."""
        if not self.areas:
            return 0
        name = self.ctx.settings.get(S.CURRENT_AREA)
        old = self.ctx.settings.get(S.OLD_AREA_INDEX)
        if not name and 0 <= old < len(OLD_AREA_ORDER):  # saved by a version without the Tablero first
            name = OLD_AREA_ORDER[old]
        names = [area.objectName() for area in self.areas]
        return names.index(name) if name in names else 0

    # -- actions ------------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any, name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_search = self._action(
            self.tr("&Search"), QKeySequence.StandardKey.Find, self._search, "search"
        )
        self.act_new = self._action(self.tr("&New…"), QKeySequence.StandardKey.New, self._new, "new")
        self.act_open = self._action(self.tr("&Open"), None, self._open, "open")
        self.act_open.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.act_open.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_delete = self._action(
            self.tr("&Delete…"), QKeySequence.StandardKey.Delete, self._delete, "delete"
        )
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stack.addAction(self.act_open)
        self.stack.addAction(self.act_delete)
        self.act_undo = self._action(
            self.tr("&Undo"), QKeySequence.StandardKey.Undo, self.ctx.undo.undo, "undo"
        )
        self.act_redo = self._action(self.tr("&Redo"), "Ctrl+Shift+Z", self.ctx.undo.redo, "redo")
        self.act_quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, "quit")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about = self._action(self.tr("&About TalentDesk"), None, self.show_about, "about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_open_db = self._action(
            self.tr("&Open database…"), QKeySequence.StandardKey.Open, self.choose_database, "open-database"
        )
        self.act_new_db = self._action(
            self.tr("New data&base…"), None, self.choose_new_database, "new-database"
        )
        self.act_connect = self._action(
            self.tr("Connect to &server…"), "Ctrl+Shift+O", self.choose_server, "connect-server"
        )
        self.act_clear_recent = self._action(
            self.tr("&Clear list"), None, self._clear_recent, "clear-recent-databases"
        )
        self.act_restore = self._action(self.tr("Res&tore…"), None, self.show_restore, "restore-backup")
        self.act_restore.setEnabled(self.current_database_file() is not None)
        self.act_preferences = self._action(
            self.tr("&Preferences…"), "Ctrl+,", self.show_preferences, "preferences"
        )
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_export_current = self._action(
            self.tr("&Export what is shown…"), "Ctrl+E", self._export_current, "export-current"
        )

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        file_menu.addAction(self.act_new)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_db)
        file_menu.addAction(self.act_new_db)
        file_menu.addAction(self.act_connect)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent databases"))
        self.recent_menu.setObjectName("recent-databases")
        self.recent_menu.aboutToShow.connect(self.rebuild_recent_menu)
        self.rebuild_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.act_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu = edit
        edit.addAction(self.act_undo)
        edit.addAction(self.act_redo)
        edit.addSeparator()
        edit.addAction(self.act_search)
        edit.addAction(self.act_open)
        edit.addAction(self.act_delete)
        edit.addSeparator()
        edit.addAction(self.act_preferences)
        self.export_menu = self.menuBar().addMenu(self.tr("E&xport"))
        self.export_menu.setObjectName("export-menu")
        self.export_menu.addAction(self.act_export_current)
        self.export_menu.addSection(self.tr("Members"))
        fill_menu(self.export_menu, MEMBER_KEYS, self.export_members)
        self.export_menu.addSection(self.tr("Event"))
        fill_menu(self.export_menu, EVENT_KEYS, self.export_event)
        self.export_menu.addSeparator()
        self.act_export_log = self.export_menu.addAction(self.tr("Export &log…"))
        self.act_export_log.setObjectName("export-log")
        self.act_export_log.triggered.connect(self.show_export_log)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_open, self.act_delete, self.act_undo, self.act_redo):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def show_export_log(self) -> None:
        from talentdesk.ui.privacy.export_log import ExportLogDialog

        ExportLogDialog(self.ctx, self).open()

    # -- databases (the controller opens them) ----------------------------------------------

    def current_database_file(self) -> Path | None:
        return sqlite_path(self.ctx.db.engine)

    def _dialog_dir(self) -> str:
        current = self.current_database_file()
        return str(current.parent) if current is not None else str(Path.home())

    def _database_filter(self) -> str:
        return ";;".join((self.tr("TalentDesk databases (*.sqlite *.db)"), self.tr("All files (*)")))

    def choose_database(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), self._dialog_dir(), self._database_filter()
        )
        if path:
            self.open_database_requested.emit(path)

    def choose_server(self) -> None:
        """File → Connect to server…: filled in from the open server database, if it is one."""
        from talentdesk.ui.connect_dialog import ConnectDialog

        current = ServerAddress.from_target(self.ctx.db.engine.url.render_as_string(hide_password=True))
        dialog = ConnectDialog(current, parent=self)
        self.server_dialog = dialog
        dialog.accepted.connect(lambda: self.open_database_requested.emit(dialog.target()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def choose_new_database(self) -> None:
        # No overwrite prompt: the controller refuses an existing file rather than replace it.
        path, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path(self._dialog_dir()) / self.tr("new-database.sqlite")),
            self._database_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            if not Path(path).suffix:
                path += DATABASE_SUFFIX
            self.new_database_requested.emit(path)

    def show_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.ctx, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()
        return dialog

    def show_damage(self, message: str, newest: BackupInfo | None) -> None:
        """The open file failed its check: offer the newest good backup (writes are refused)."""
        self.db_label.setText(self.tr("%1 (damaged: read only)").replace("%1", self.ctx.db.display_name))
        box = DamagedDatabaseBox(message, newest, self)
        box.exec()
        choice = box.choice()
        if choice == "newest" and newest is not None:
            self.restore_requested.emit(str(newest.path))
        elif choice == "choose":
            self.show_restore()

    def rebuild_recent_menu(self) -> None:
        """One entry per remembered database; files that no longer exist are shown disabled."""
        menu = self.recent_menu
        menu.clear()  # deletes the entries it owns; the clear-list action belongs to the window
        current = self.current_database_file()
        recent = self.ctx.settings.get(S.RECENT_DATABASES)
        for number, target in enumerate(recent, start=1):
            path = target_file(target)
            shown = display_target(target)
            label = f"{path.name}  —  {path.parent}" if path is not None else shown
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(prefix + label.replace("&", "&&"))
            action.setData(target)
            action.setToolTip(shown)
            action.setStatusTip(shown)
            if target_missing(target):
                action.setEnabled(False)
                action.setText(action.text() + "  " + self.tr("(not found)"))
            elif path is not None and path == current:
                action.setCheckable(True)
                action.setChecked(True)
            action.triggered.connect(lambda _checked=False, t=target: self.open_database_requested.emit(t))
        if not recent:
            empty = menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.ctx.settings.clear_recent_databases()
        self.rebuild_recent_menu()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.ctx.settings, self, ctx=self.ctx)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Preferences saved."), 8000)

    def current_area(self) -> Area | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Area) else None

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            self.stack.setCurrentIndex(row)
            self.areas[row].activated()
            self._update_area_actions()

    def _area_actions_changed(self) -> None:
        if self.sender() is self.current_area():
            self._update_area_actions()

    def _update_area_actions(self) -> None:
        area = self.current_area()
        for action, name in (
            (self.act_search, "search"),
            (self.act_new, "new"),
            (self.act_open, "open"),
            (self.act_delete, "delete"),
        ):
            action.setEnabled(area is not None and area.supports(name))
        self.act_export_current.setEnabled(area is not None and hasattr(area, "export_current"))

    def _export_current(self) -> None:
        area = self.current_area()
        if area is not None and hasattr(area, "export_current"):
            area.export_current()

    def _area_named(self, name: str) -> Any:
        return next((area for area in self.areas if area.objectName() == name), None)

    def show_members(self, query: Any, label: str = "") -> None:
        """A Tablero bar (``label``) was clicked: the members area, filtered to exactly those members."""
        members = self._area_named("members-area")
        if members is not None:
            self.nav.setCurrentRow(self.areas.index(members))
            members.show_query(query, label)

    def show_programs(self, wanted: Any) -> None:
        """A Tablero programmes bar was clicked: Vinculación, showing exactly those programmes."""
        area = self._area_named("vinculacion-area")
        if area is not None:
            self.nav.setCurrentRow(self.areas.index(area))
            area.show_programs(wanted)

    def export_members(self, key: str) -> None:
        """A members export of the members table as it is (its search, filters, selection)."""
        area = self._area_named("members-area")
        if area is not None:
            area.export(key)

    def export_event(self, key: str) -> None:
        """An event export: of the open event, or the person picks one."""
        area = self._area_named("events-area")
        if area is not None:
            area.export(key)

    def _search(self) -> None:
        if (area := self.current_area()) is not None:
            area.focus_search()

    def _new(self) -> None:
        if (area := self.current_area()) is not None:
            area.new_item()

    def _open(self) -> None:
        if (area := self.current_area()) is not None:
            area.open_current()

    def _delete(self) -> None:
        if (area := self.current_area()) is not None:
            area.delete_selected()

    def _update_undo_actions(self) -> None:
        undo = self.ctx.undo
        self.act_undo.setEnabled(undo.can_undo())
        self.act_redo.setEnabled(undo.can_redo())
        self.act_undo.setText(self.tr("&Undo %1").replace("%1", undo.undo_text()).strip())
        self.act_redo.setText(self.tr("&Redo %1").replace("%1", undo.redo_text()).strip())

    # -- status -------------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        def query(session: Session, _task: Task) -> tuple[int, int, int]:
            def count(model: type[Base]) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            return count(Member), count(Chapter), count(Organization)

        self.ctx.read(query, self._show_counts, on_failure=lambda exc: self._show_error(str(exc)), owner=self)

    def _show_counts(self, counts: tuple[int, int, int]) -> None:
        members, chapters, organizations = counts
        self.count_label.setText(
            self.tr("%1 members · %2 chapters · %3 organizations")
            .replace("%1", f"{members:,}")
            .replace("%2", f"{chapters:,}")
            .replace("%3", f"{organizations:,}")
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.members or changes.chapters or changes.organizations:
            self.refresh_counts()

    def _on_busy(self, pending: int) -> None:
        self.busy_label.setText(self.tr("Working…") if pending else "")

    def _show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.critical(self, self.tr("TalentDesk"), message)

    def about_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("about")
        box.setWindowTitle(self.tr("About TalentDesk"))
        box.setIconPixmap(app_pixmap(96))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "<b>TalentDesk %1</b><br>Administration of the Red de Talentos Mexicanos "
                "(Instituto de los Mexicanos en el Exterior).<br>Demo data is generated: it "
                "belongs to no real person."
            ).replace("%1", __version__)
        )
        box.setInformativeText(
            self.tr("Database: %1").replace("%1", self.ctx.db.display_name)
            + "<br>"
            + self.tr("Font: DejaVu Sans (free licence, shipped with the application).")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def show_about(self) -> None:
        self.about_box().exec()

    # -- closing ------------------------------------------------------------------------------

    def confirm_close(self) -> bool:
        """Ask every area with unsaved work whether it may close; False if one refuses."""
        return all(not hasattr(area, "confirm_close") or area.confirm_close() for area in self.areas)

    def save_layout(self) -> None:
        for area in self.areas:
            area.save_state()
        self.ctx.settings.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        self.ctx.settings.set(S.WINDOW_STATE, self.saveState())
        row = self.nav.currentRow()
        if 0 <= row < len(self.areas):
            self.ctx.settings.set(S.CURRENT_AREA, self.areas[row].objectName())

    def close_confirmed(self) -> bool:
        """Close without asking again (the caller already got ``confirm_close``)."""
        self._close_confirmed = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_confirmed and not self.confirm_close():
            event.ignore()
            return
        self.save_layout()
        self.ctx.runner.wait_idle()
        event.accept()


#: The areas' order when the saved area was an index (before the Tablero came first).
OLD_AREA_ORDER = (
    "members-area",
    "chapters-area",
    "sectors-area",
    "organizations-area",
    "events-area",
    "vinculacion-area",
    "dashboard-area",
)


def default_areas(ctx: AppContext) -> list[Area]:
    from talentdesk.ui.chapters import ChaptersArea
    from talentdesk.ui.dashboard import DashboardArea
    from talentdesk.ui.events.area import EventsArea
    from talentdesk.ui.members.area import MembersArea
    from talentdesk.ui.organizations import OrganizationsArea
    from talentdesk.ui.sectors import SectorsArea
    from talentdesk.ui.vinculacion.area import VinculacionArea

    return [
        DashboardArea(ctx),
        MembersArea(ctx),
        ChaptersArea(ctx),
        SectorsArea(ctx),
        OrganizationsArea(ctx),
        EventsArea(ctx),
        VinculacionArea(ctx),
    ]
