"""GUI entry point: open (and migrate) the database, then show the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from talentdesk.core.errors import TalentDeskError
from talentdesk.db.session import Database
from talentdesk.ui.main_window import MainWindow


def run_gui(db_target: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("TalentDesk")
    app.setOrganizationName("IME")
    try:
        db = Database.open(db_target)
    except TalentDeskError as exc:
        QMessageBox.critical(None, "TalentDesk", exc.message)
        return 1
    window = MainWindow(db)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
