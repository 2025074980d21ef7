"""GUI entry point and the application controller.

``run_gui`` sets up Qt (translations, the shipped font, the icon), opens the database and shows
the main window. :class:`Application` owns the open database: when the File menu asks for
another one, it opens (and migrates) it in the background, then builds a new context and main
window and closes the old ones; if opening fails, the current database stays.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from talentdesk.core.errors import Cancelled, DatabaseError, TalentDeskError
from talentdesk.db.backup import (
    BackupInfo,
    BackupKind,
    automatic_backup,
    daily_backup_due,
    newest_good_backup,
)
from talentdesk.db.engine import sqlite_path
from talentdesk.db.exposure import Exposure, exposure, make_private
from talentdesk.db.health import DamagedDatabaseError
from talentdesk.db.restore import restore_sqlite
from talentdesk.db.servers import ServerAddress, is_server, without_password
from talentdesk.db.session import Database
from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.databases import normalize_target, target_file, target_missing
from talentdesk.ui.gc_guard import GuiThreadCollector
from talentdesk.ui.i18n import install_translations, prefer_mexican_dates
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.remote_changes import RemoteChanges
from talentdesk.ui.resources import app_icon, apply_app_font
from talentdesk.ui.settings import Settings
from talentdesk.ui.tasks import Task, TaskRunner, error_message

WindowFactory = Callable[[AppContext], MainWindow]


@dataclass(frozen=True)
class StartCheck:
    """What the first write-thread job found: the file's state and the daily backup."""

    damage: str | None = None
    newest_good: BackupInfo | None = None
    daily_backup: Path | None = None
    backup_problem: str | None = None
    exposure: Exposure | None = None  # others can read the file, or it is in a network folder


def check_and_back_up(db: Database, today: date | None = None) -> StartCheck:
    """quick_check the open file, then take the day's first backup if none was taken today.

    Runs on the write thread right after the window shows (quick_check reads the whole file:
    about 1.2 s at a million members), so writes wait for it and reads do not.
    """
    db_file = sqlite_path(db.engine)
    exposed = exposure(db_file) if db_file is not None else None
    try:
        db.verify()
    except DamagedDatabaseError as exc:
        return StartCheck(
            damage=exc.message,
            newest_good=newest_good_backup(db_file) if db_file else None,
            exposure=exposed,
        )
    if db_file is None or db.read_only or not daily_backup_due(db_file, today):
        return StartCheck(exposure=exposed)
    try:
        return StartCheck(daily_backup=automatic_backup(db.engine, BackupKind.DAILY), exposure=exposed)
    except TalentDeskError as exc:  # a full disk must not stop the day's work: say it
        return StartCheck(backup_problem=exc.message, exposure=exposed)


def make_app() -> QApplication:
    if QApplication.instance() is None:
        prefer_mexican_dates()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("TalentDesk")
    app.setOrganizationName("IME")
    if app.findChild(GuiThreadCollector) is None:
        GuiThreadCollector(app)
    return app


def setup_app(app: QApplication, settings: Settings) -> str:
    """Language (from the settings), font and icon; before any window exists. Returns the language."""
    language = install_translations(app, settings.get(S.LANGUAGE))
    apply_app_font(app)
    app.setWindowIcon(app_icon())
    return language


def start_target(explicit: str | None, settings: Settings) -> str:
    """What to open at start: ``explicit`` (--db or TALENTDESK_DB) if given, else the last
    database if it still exists, else the default local database."""
    if explicit:
        return explicit
    last = settings.get(S.LAST_DATABASE)
    if last and not target_missing(last):
        return last
    from talentdesk.db.paths import default_db_path

    return str(default_db_path())


class Application(QObject):
    """Owns the open database, its context and its main window; switches between databases."""

    window_changed = Signal(object)  # the new MainWindow, once shown
    switch_failed = Signal(str)  # the message shown to the user
    start_checked = Signal(object)  # StartCheck, once the open database was checked

    def __init__(
        self,
        settings: Settings,
        *,
        window_factory: WindowFactory = MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.window_factory = window_factory
        self.runner = TaskRunner(self)  # opening databases: not tied to any one context
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self._opening: Task | None = None
        self._closed = False
        self.server_dialog: QWidget | None = None  # the connect dialog while it is open

    @property
    def busy(self) -> bool:
        return self._opening is not None

    # -- start and stop -------------------------------------------------------------------------

    def start(self, target: str, *, create: bool = True) -> bool:
        """Open ``target`` (on this thread: there is no window to keep responsive yet).

        ``create=False`` (a --db given by the person): a missing file is an error, not a new
        empty database. A server that refuses or cannot be reached (a remembered server has no
        password: it was never saved) shows the connect dialog with the reason, until it opens
        or the person cancels."""
        target = normalize_target(target)
        path = target_file(target)
        if path is not None and not create and not path.exists():
            self.show_error(None, self.tr("The database «%1» does not exist.").replace("%1", str(path)))
            return False
        while True:
            try:
                db = Database.open(target)
                break
            except DatabaseError as exc:
                if not is_server(target):
                    self.show_error(None, exc.message)
                    return False
                again = self.ask_server(target, exc.message, None)
                if again is None:
                    return False
                target = again
            except TalentDeskError as exc:
                self.show_error(None, exc.message)
                return False
        self._install(db, target)
        return True

    def ask_server(self, target: str, problem: str, parent: QWidget | None) -> str | None:
        """The connect dialog, filled from ``target`` and saying ``problem``; the new target
        (password included, in memory only) or None when cancelled."""
        from talentdesk.ui.connect_dialog import ConnectDialog

        dialog = ConnectDialog(ServerAddress.from_target(target), problem, parent)
        self.server_dialog = dialog  # tests answer it
        try:
            return dialog.target() if dialog.exec() == ConnectDialog.DialogCode.Accepted else None
        finally:
            self.server_dialog = None
            dialog.deleteLater()

    def shutdown(self) -> None:
        """After the event loop: close the database (and one still being opened, if any)."""
        self._closed = True
        self.runner.wait_idle()
        QCoreApplication.processEvents()  # deliver a finished open, so _opened can close it
        if self.ctx is not None:
            self._dispose(self.ctx)
            self.ctx = None

    # -- switching ------------------------------------------------------------------------------

    def open_database(self, target: str) -> Task | None:
        """Switch to an existing database (File → Open / Recent)."""
        target = normalize_target(target)
        path = target_file(target)
        if path is not None and self.window is not None and path == self.window.current_database_file():
            self.window.statusBar().showMessage(self.tr("That database is already open."), 8000)
            return None
        if path is not None and not path.is_file():
            message = self.tr("The database «%1» does not exist.").replace("%1", str(path))
            self.show_error(self.window, message)
            return None
        return self._switch(target, self.tr("Opening the database…"))

    def create_database(self, target: str) -> Task | None:
        """Create and migrate a new database file, then switch to it (File → New database)."""
        target = normalize_target(target)
        path = target_file(target)
        if path is not None and path.exists():
            self.show_error(
                self.window,
                self.tr(
                    "«%1» already exists. Choose another name, or open it with File → Open database."
                ).replace("%1", str(path)),
            )
            return None
        return self._switch(target, self.tr("Creating the database…"))

    def restore_backup(self, backup: str) -> Task | None:
        """Restore ``backup`` into the open database, in the background with progress, then
        reopen it (a new window: nothing on screen or in undo belongs to the old content)."""
        ctx, window = self.ctx, self.window
        if ctx is None or window is None or self._opening is not None:
            return None
        if not window.confirm_close():
            return None
        engine = ctx.db.engine
        target = str(sqlite_path(engine))
        safety: list[Path] = []

        def work(task: Task) -> Database:
            safety.append(restore_sqlite(engine, Path(backup), progress=task.progress, abort=task.abort))
            return Database.open(target)  # an older copy is brought to the current schema

        def restored(db: Database) -> None:
            self._opened(db, target)
            if self.window is not None:
                self.window.statusBar().showMessage(
                    self.tr("Restored from %1. The previous content was saved in %2.")
                    .replace("%1", backup)
                    .replace("%2", str(safety[0])),
                    20000,
                )

        self._opening = self.runner.run(
            work,
            restored,
            on_failure=self._open_failed,
            write=True,
            title=self.tr("Restoring the backup…"),
            parent=window,
        )
        return self._opening

    def _switch(self, target: str, title: str) -> Task | None:
        if self._opening is not None:
            return None
        window = self.window
        if window is not None and not window.confirm_close():
            return None

        def work(task: Task) -> Database:
            db = Database.open(target)  # migrations may take a while on a large file
            if task.abort.is_set():
                db.close()
                raise Cancelled()
            return db

        self._opening = self.runner.run(
            work,
            lambda db: self._opened(db, target),
            on_failure=lambda exc: self._open_failed(exc, target),
            write=True,
            title=title,
            parent=window,
        )
        return self._opening

    def _opened(self, db: Database, target: str) -> None:
        self._opening = None
        if self._closed:  # the user quit while it was opening
            db.close()
            return
        old_window, old_ctx = self.window, self.ctx
        if old_window is not None:
            old_window.save_layout()  # the new window starts with the same geometry and area
        self._install(db, target)
        if old_window is not None:
            old_window.close_confirmed()
            old_window.deleteLater()
        if old_ctx is not None:
            self._dispose(old_ctx)

    def _open_failed(self, exc: BaseException, target: str | None = None) -> None:
        self._opening = None
        if isinstance(exc, Cancelled):
            if self.window is not None:
                self.window.statusBar().showMessage(exc.message, 8000)
            return
        if target is not None and is_server(target) and isinstance(exc, DatabaseError):
            # Refused or unreachable: the dialog again, with the reason, rather than a dead end.
            again = self.ask_server(target, exc.message, self.window)
            if again is not None:
                self._switch(again, self.tr("Connecting to the server…"))
            return
        message = error_message(exc)
        self.show_error(self.window, message)
        self.switch_failed.emit(message)

    def _install(self, db: Database, target: str) -> None:
        self.settings.remember_database(without_password(target))
        ctx = AppContext(db, self.settings)
        RemoteChanges(ctx)  # a child of ctx: other workstations' edits refresh the lists
        window = self.window_factory(ctx)
        window.open_database_requested.connect(self.open_database)
        window.new_database_requested.connect(self.create_database)
        window.restore_requested.connect(self.restore_backup)
        self.ctx, self.window = ctx, window
        window.show()
        window.raise_()
        window.activateWindow()
        self.window_changed.emit(window)
        ctx.runner.run(
            lambda _task: check_and_back_up(db),
            lambda result: self._checked(window, result),
            write=True,
            owner=window,
        )

    def _checked(self, window: MainWindow, result: StartCheck) -> None:
        self.start_checked.emit(result)
        if result.daily_backup is not None:
            window.statusBar().showMessage(
                self.tr("Daily backup saved: %1").replace("%1", str(result.daily_backup)), 8000
            )
        if result.backup_problem is not None:
            self.show_error(window, result.backup_problem)
        if result.damage is not None:
            window.show_damage(result.damage, result.newest_good)
        elif result.exposure is not None:
            self.warn_exposure(window, result.exposure)

    def warn_exposure(self, window: MainWindow, exposed: Exposure) -> QMessageBox:
        """Say who else can read the file (not modal to the app: the day's work goes on) and,
        when it is this person's file on a local disk, offer to make it private."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("TalentDesk"), exposed.message(), parent=window)
        box.setObjectName("exposure-warning")
        fix = None
        if exposed.fixable:
            box.setInformativeText(self.tr("TalentDesk can make it and its backups readable by you only."))
            fix = box.addButton(self.tr("&Make private"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("&Leave as it is"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(fix)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)

        def clicked(button: object) -> None:
            if fix is not None and button is fix:
                try:
                    changed = make_private(exposed.path)
                except OSError as exc:
                    self.show_error(window, error_message(exc))
                    return
                window.statusBar().showMessage(
                    self.tr("Readable by you only now: %n file(s).", "", len(changed)), 8000
                )

        box.buttonClicked.connect(clicked)
        box.open()
        return box

    @staticmethod
    def _dispose(ctx: AppContext) -> None:
        for listener in ctx.findChildren(RemoteChanges):
            listener.stop()
        ctx.runner.wait_idle()
        ctx.db.close()
        ctx.deleteLater()

    def show_error(self, parent: QWidget | None, message: str) -> None:
        QMessageBox.critical(parent, self.tr("TalentDesk"), message)


def run_gui(db_target: str | None = None) -> int:
    """Open the GUI on ``db_target`` (None: the last database, or the default one)."""
    app = make_app()
    settings = Settings()
    setup_app(app, settings)
    controller = Application(settings)
    if not controller.start(start_target(db_target, settings), create=db_target is None):
        return 1
    try:
        return app.exec()
    finally:
        controller.shutdown()
