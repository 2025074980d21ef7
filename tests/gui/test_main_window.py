"""The interim main window shows the database and its counts, loaded off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from talentdesk.db.session import Database
from talentdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_shows_path_and_counts(qtbot: QtBot, demo_db_path: Path) -> None:
    db = Database.open(demo_db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.count_labels["members"].text() == "300", timeout=5000)
    assert window.count_labels["sectors"].text() == "9"
    assert window.count_labels["chapters"].text() == "21"
    assert str(demo_db_path) in window.path_label.text()
    assert "300 miembros" in window.statusBar().currentMessage()
    db.close()


def test_database_error_is_shown_not_raised(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talentdesk.core.errors import DatabaseError
    from talentdesk.ui import main_window

    shown: list[str] = []
    monkeypatch.setattr(main_window.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))

    def broken(_db: Database) -> main_window.Counts:
        raise DatabaseError("La base de datos está bloqueada por otro programa o usuario.")

    monkeypatch.setattr(main_window, "load_counts", broken)
    db = Database.open(db_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "bloqueada" in shown[0]
    assert "bloqueada" in window.statusBar().currentMessage()
    db.close()
