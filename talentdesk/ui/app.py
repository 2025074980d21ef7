"""GUI entry point: open (and migrate) the database, then show the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import Database
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.settings import Settings


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("TalentDesk")
    app.setOrganizationName("IME")
    return app


def run_gui(db_target: str) -> int:
    app = make_app()
    settings = Settings()
    try:
        db = Database.open(db_target)
    except TalentDeskError as exc:
        QMessageBox.critical(None, "TalentDesk", exc.message)
        return 1
    settings.remember_database(db_target)
    ctx = AppContext(db, settings)
    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        ctx.runner.wait_idle()
        db.close()
