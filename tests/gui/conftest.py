"""GUI fixtures: an AppContext over a copy of a database, settings in a temp file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from talentdesk.db.session import Database
from talentdesk.ui.context import AppContext
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.settings import Settings


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _context(path: Path, settings: Settings) -> Iterator[AppContext]:
    db = Database.open(path)
    ctx = AppContext(db, settings)
    yield ctx
    ctx.runner.wait_idle()
    QApplication.processEvents()
    db.close()


@pytest.fixture()
def ctx(qapp: QApplication, demo_db_path: Path, settings: Settings) -> Iterator[AppContext]:
    """300 demo members."""
    yield from _context(demo_db_path, settings)


@pytest.fixture()
def empty_ctx(qapp: QApplication, db_path: Path, settings: Settings) -> Iterator[AppContext]:
    """Reference data only, no members."""
    yield from _context(db_path, settings)


@pytest.fixture()
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win
