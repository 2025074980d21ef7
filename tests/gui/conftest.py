"""GUI fixtures: an AppContext over a copy of a database, settings in a temp file."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from talentdesk.core import i18n
from talentdesk.db.session import Database
from talentdesk.ui.app import Application
from talentdesk.ui.context import AppContext
from talentdesk.ui.gc_guard import GuiThreadCollector
from talentdesk.ui.i18n import install_translations, remove_translations
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.settings import Settings
from tests.gui.helpers import wait_members


@pytest.fixture(scope="module", autouse=True)
def gui_thread_gc(qapp: QApplication) -> Iterator[None]:
    """As in the app: cycles are collected on the GUI thread only (see ui/gc_guard.py)."""
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture(autouse=True)
def collect_after_each_test(gui_thread_gc: None) -> Iterator[None]:
    """Free what a test left behind at a known moment, on this thread, before the next one."""
    yield
    QApplication.processEvents()
    gc.collect()


@pytest.fixture(autouse=True)
def core_language_matches_qt() -> Iterator[None]:
    """GUI tests run Qt without a translator (English), so the text below the UI is English too,
    as the app does (ui/i18n.install_translations sets both)."""
    i18n.set_language("en")
    yield
    i18n.set_language("es")


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _context(path: Path, settings: Settings) -> Iterator[AppContext]:
    db = Database.open(path)
    ctx = AppContext(db, settings)
    yield ctx
    ctx.runner.shutdown()
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
def spanish(qapp: QApplication) -> Iterator[None]:
    """The interface in Spanish for one test (English, the source language, is the default)."""
    install_translations(qapp, "es")
    yield
    remove_translations(qapp)


@pytest.fixture()
def members(qtbot: QtBot, ctx: AppContext) -> MembersArea:
    """The members area over the 300 demo members, loaded."""
    area = MembersArea(ctx)
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    area.activated()
    wait_members(qtbot, area)
    return area


@pytest.fixture()
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/gui drives real widgets: `pytest -m "not gui"` skips it all."""
    for item in items:
        if "tests/gui/" in item.nodeid:
            item.add_marker(pytest.mark.gui)


def bare_window(ctx: AppContext) -> MainWindow:
    """The shell without the areas (they have tests of their own)."""
    return MainWindow(ctx, areas=[])


@pytest.fixture()
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error boxes recorded instead of shown (they are modal)."""
    shown: list[str] = []

    def critical(
        _parent: QWidget | None, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return shown


@pytest.fixture()
def controller(qapp: QApplication, settings: Settings) -> Iterator[Application]:
    app = Application(settings, window_factory=bare_window)
    yield app
    if app.window is not None:
        app.window.close_confirmed()
    app.shutdown()
    QApplication.processEvents()
