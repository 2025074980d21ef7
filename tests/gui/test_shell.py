"""The application shell: languages, font, icon, preferences, and the File menu's databases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from talentdesk import __version__
from talentdesk.db.session import Database
from talentdesk.ui import settings as S
from talentdesk.ui.app import Application, setup_app, start_target
from talentdesk.ui.context import AppContext
from talentdesk.ui.i18n import (
    install_translations,
    installed_translators,
    normalize_language,
    remove_translations,
)
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.preferences import PreferencesDialog
from talentdesk.ui.qt_wording import QT_WORDING
from talentdesk.ui.resources import app_font, app_icon, apply_app_font, load_fonts
from talentdesk.ui.settings import Settings
from tests.gui.conftest import bare_window

pytestmark = pytest.mark.gui


@pytest.fixture()
def keep_font(qapp: QApplication) -> Iterator[None]:
    font, icon = QFont(qapp.font()), qapp.windowIcon()
    yield
    qapp.setFont(font)
    qapp.setWindowIcon(icon)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


# -- languages ----------------------------------------------------------------------------------


def test_spanish_menus_and_qt_dialogs(qtbot: QtBot, ctx: AppContext, spanish: None) -> None:
    window = bare_window(ctx)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&Archivo", "&Editar", "E&xportar", "A&yuda"]
    assert window.act_open_db.text() == "&Abrir base de datos…"
    assert window.recent_menu.title() == "Bases &recientes"
    assert window.act_preferences.text() == "&Preferencias…"
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Sí"  # Qt's own qtbase_es
    assert QLocale().language() == QLocale.Language.Spanish
    assert QCoreApplication.translate("MembersArea", "%n member(s)", "", 1) == "1 miembro"
    assert QCoreApplication.translate("MembersArea", "%n member(s)", "", 3) == "3 miembros"


def test_spanish_file_dialog_speaks_mexican_spanish(qtbot: QtBot, spanish: None) -> None:
    """Qt's own file dialog: no English labels left, "archivo" (Mexico) not "fichero" (Spain)."""
    dialog = QFileDialog(None, "", str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["&Buscar en:", "&Nombre del archivo:", "&Tipo de archivo:"]
    assert QCoreApplication.translate("QFileDialog", "All Files (*)") == "Todos los archivos (*)"
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == (
        "Carpeta"
    )
    overridden = [
        text for context, text in QT_WORDING if "icher" in QCoreApplication.translate(context, str(text))
    ]
    assert overridden == []


def test_dates_follow_mexican_spanish_without_a_system_locale() -> None:
    """Qt's file dialog writes dates in the *system* locale, read once at start: with none set
    (C/POSIX, as under a bare X server) the app starts with Mexican dates instead of "7 12 2026"."""
    code = (
        "from talentdesk.ui.app import make_app\n"
        "from PySide6.QtCore import QDate, QLocale\n"
        "make_app()\n"
        "print(QLocale.system().toString(QDate(2026, 12, 7), QLocale.FormatType.ShortFormat))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update(LANG="C", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["07/12/26"]  # day/month/year, as in Mexico
    env.update(LANG="en_GB.UTF-8")  # a person's own locale is kept
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["07/12/2026"]


def test_english_is_the_source_language(qtbot: QtBot, qapp: QApplication, ctx: AppContext) -> None:
    install_translations(qapp, "es")
    assert len(installed_translators()) == 2  # ours and qtbase
    assert install_translations(qapp, "en") == "en"
    try:
        assert len(installed_translators()) == 1  # ours, with the English plural forms only
        assert QCoreApplication.translate("MembersArea", "%n member(s)", "", 1) == "1 member"
        assert QCoreApplication.translate("MembersArea", "%n member(s)", "", 20008) == "20008 members"
        window = bare_window(ctx)
        qtbot.addWidget(window)
        assert menu_titles(window) == ["&File", "&Edit", "E&xport", "&Help"]
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes)
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Yes"
    finally:
        remove_translations(qapp)


def test_language_codes() -> None:
    assert normalize_language("es") == "es"
    assert normalize_language("en_US") == "en"
    assert normalize_language("es-MX") == "es"
    assert normalize_language("fr") == "es"  # unknown: the default
    assert normalize_language(None) == "es"


def test_setup_follows_the_language_setting(qapp: QApplication, settings: Settings, keep_font: None) -> None:
    try:
        assert setup_app(qapp, settings) == "es"  # the default
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        settings.set(S.LANGUAGE, "en")
        assert setup_app(qapp, settings) == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        remove_translations(qapp)


# -- font and icon ------------------------------------------------------------------------------


def test_shipped_font_is_the_application_font(qapp: QApplication, keep_font: None) -> None:
    assert load_fonts() == "DejaVu Sans"
    assert "DejaVu Sans" in QFontDatabase.families()
    font = apply_app_font(qapp)
    assert qapp.font().family() == "DejaVu Sans"
    assert font.pointSize() == 10
    info = QFontInfo(app_font())
    assert info.family() == "DejaVu Sans"  # resolved to the loaded file, not a substitute
    bold = QFont(app_font())
    bold.setBold(True)
    assert QFontInfo(bold).bold()


def test_icon_and_about_box(qtbot: QtBot, ctx: AppContext) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).isNull()
    window = bare_window(ctx)
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    box = window.about_box()
    assert not box.iconPixmap().isNull()
    assert box.iconPixmap().width() >= 64
    assert __version__ in box.text()
    assert ctx.db.display_name in box.informativeText()


# -- preferences --------------------------------------------------------------------------------


def test_preferences_save_the_language_for_next_start(qtbot: QtBot, settings: Settings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.selected_language() == "es"
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["Español", "English"]
    assert "restart" in dialog.restart_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_changed()
    dialog.reject()
    assert settings.get(S.LANGUAGE) == "es"  # cancelled: nothing saved
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.get(S.LANGUAGE) == "en"
    assert PreferencesDialog(settings).selected_language() == "en"


def test_shortcuts(qtbot: QtBot, ctx: AppContext) -> None:
    window = bare_window(ctx)
    qtbot.addWidget(window)
    assert window.act_preferences.shortcut() == QKeySequence("Ctrl+,")
    assert window.act_open_db.shortcut() == QKeySequence("Ctrl+O")
    assert window.act_preferences in window.edit_menu.actions()
    assert {window.act_open_db, window.act_new_db, window.recent_menu.menuAction()} <= set(
        window.file_menu.actions()
    )


# -- File menu ----------------------------------------------------------------------------------


def test_open_and_new_database_ask_for_a_file_and_emit_a_request(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = bare_window(ctx)
    qtbot.addWidget(window)
    chosen = str(tmp_path / "otra.sqlite")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen, "")))
    with qtbot.waitSignal(window.open_database_requested) as opened:
        window.act_open_db.trigger()
    assert opened.args == [chosen]
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "nueva"), ""))
    )
    with qtbot.waitSignal(window.new_database_requested) as created:
        window.act_new_db.trigger()
    assert created.args == [str(tmp_path / "nueva.sqlite")]  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    with qtbot.assertNotEmitted(window.open_database_requested):
        window.act_open_db.trigger()  # cancelled dialog


def test_recent_databases_menu(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    other = tmp_path / "otra.sqlite"
    other.write_bytes(b"")
    missing = tmp_path / "borrada.sqlite"
    current = ctx.db.display_name
    ctx.settings.set(S.RECENT_DATABASES, [str(other), str(missing), current])
    window = bare_window(ctx)
    qtbot.addWidget(window)
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(other), str(missing), current]
    assert entries[0].isEnabled() and entries[0].text().startswith("&1 otra.sqlite")
    assert not entries[1].isEnabled() and "(not found)" in entries[1].text()
    assert entries[2].isChecked() and not entries[0].isChecked()
    with qtbot.waitSignal(window.open_database_requested) as requested:
        entries[0].trigger()
    assert requested.args == [str(other)]
    assert window.act_clear_recent.isEnabled()
    window.act_clear_recent.trigger()
    assert ctx.settings.get(S.RECENT_DATABASES) == []
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == []
    assert not window.act_clear_recent.isEnabled()


# -- switching databases ------------------------------------------------------------------------


def test_open_another_database_replaces_the_window(
    qtbot: QtBot, controller: Application, db_path: Path, demo_db_path: Path, settings: Settings
) -> None:
    assert controller.start(str(db_path))
    first_window, first_ctx = controller.window, controller.ctx
    assert first_window is not None and first_ctx is not None and first_window.isVisible()
    assert settings.get(S.LAST_DATABASE) == str(db_path)
    first_window.nav.setCurrentRow(-1)
    first_window.resize(640, 480)
    with qtbot.waitSignal(controller.window_changed, timeout=20000) as changed:
        first_window.open_database_requested.emit(str(demo_db_path))
    second = changed.args[0]
    assert second is controller.window and second is not first_window
    assert controller.ctx is not first_ctx
    assert second.ctx.db.display_name == str(demo_db_path)
    assert second.db_label.text() == str(demo_db_path)
    assert second.isVisible() and not first_window.isVisible()
    assert second.size().width() == 640  # the layout carries over
    assert settings.get(S.LAST_DATABASE) == str(demo_db_path)
    assert settings.get(S.RECENT_DATABASES)[:2] == [str(demo_db_path), str(db_path)]
    qtbot.waitUntil(lambda: "300" in second.count_label.text(), timeout=5000)
    assert not controller.busy


def test_a_failed_open_keeps_the_current_database(
    qtbot: QtBot,
    controller: Application,
    db_path: Path,
    tmp_path: Path,
    errors: list[str],
    settings: Settings,
) -> None:
    assert controller.start(str(db_path))
    window = controller.window
    assert window is not None
    not_ours = tmp_path / "notas.sqlite"
    not_ours.write_text("no soy una base de datos", encoding="utf-8")
    with qtbot.waitSignal(controller.switch_failed, timeout=20000) as failed:
        assert controller.open_database(str(not_ours)) is not None
    assert "is not a TalentDesk database" in failed.args[0]
    assert errors == [failed.args[0]]
    assert controller.window is window and window.isVisible()
    assert window.ctx.db.display_name == str(db_path)
    assert not_ours.read_text(encoding="utf-8") == "no soy una base de datos"  # untouched
    assert str(not_ours) not in settings.get(S.RECENT_DATABASES)
    assert not controller.busy


def test_missing_file_and_current_file_are_not_opened(
    controller: Application, db_path: Path, tmp_path: Path, errors: list[str]
) -> None:
    assert controller.start(str(db_path))
    assert controller.open_database(str(tmp_path / "no-existe.sqlite")) is None
    assert len(errors) == 1 and "no-existe.sqlite" in errors[0]
    assert not (tmp_path / "no-existe.sqlite").exists()  # not created by accident
    assert controller.open_database(str(db_path)) is None  # already open
    assert len(errors) == 1


def test_new_database_is_created_migrated_and_opened(
    qtbot: QtBot, controller: Application, db_path: Path, tmp_path: Path, errors: list[str]
) -> None:
    assert controller.start(str(db_path))
    target = tmp_path / "sub" / "nueva.sqlite"
    with qtbot.waitSignal(controller.window_changed, timeout=30000):
        controller.create_database(str(target))
    assert target.is_file()
    window = controller.window
    assert window is not None and window.ctx.db.display_name == str(target)
    # The counts query the new tables: the schema is there, with its reference data and no members.
    qtbot.waitUntil(lambda: "members" in window.count_label.text(), timeout=5000)
    assert window.count_label.text().startswith("0 members")
    assert errors == []


def test_new_database_never_replaces_an_existing_file(
    controller: Application, db_path: Path, demo_db_path: Path, errors: list[str]
) -> None:
    assert controller.start(str(db_path))
    before = demo_db_path.read_bytes()
    assert controller.create_database(str(demo_db_path)) is None
    assert len(errors) == 1 and "already exists" in errors[0]
    assert demo_db_path.read_bytes() == before
    assert controller.window is not None and controller.window.ctx.db.display_name == str(db_path)


def test_switch_waits_for_unsaved_work(
    controller: Application, db_path: Path, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert controller.start(str(db_path))
    window = controller.window
    assert window is not None
    monkeypatch.setattr(window, "confirm_close", lambda: False)  # the user chose to keep editing
    assert controller.open_database(str(demo_db_path)) is None
    assert controller.window is window and not controller.busy


def test_start_failure_is_reported(
    controller: Application, tmp_path: Path, errors: list[str], settings: Settings
) -> None:
    bad = tmp_path / "mala.db"
    bad.write_text("x" * 100, encoding="utf-8")
    assert not controller.start(str(bad))
    assert controller.window is None
    assert len(errors) == 1 and "mala.db" in errors[0]
    assert settings.get(S.LAST_DATABASE) == ""


# -- which database at start --------------------------------------------------------------------


def test_start_target(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = tmp_path / "default.sqlite"
    monkeypatch.setattr("talentdesk.db.paths.default_db_path", lambda: default)
    assert start_target(None, settings) == str(default)  # nothing remembered
    last = tmp_path / "ultima.sqlite"
    last.write_bytes(b"")
    settings.remember_database(str(last))
    assert start_target(None, settings) == str(last)
    assert start_target("explicita.sqlite", settings) == "explicita.sqlite"
    last.unlink()
    assert start_target(None, settings) == str(default)  # gone: the default again


def test_cli_without_db_lets_the_gui_choose(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from talentdesk import cli
    from talentdesk.cli.common import db_target

    calls: list[str | None] = []

    def fake_run_gui(target: str | None = None) -> int:
        calls.append(target)
        return 0

    monkeypatch.setattr("talentdesk.ui.app.run_gui", fake_run_gui)
    monkeypatch.delenv("TALENTDESK_DB", raising=False)
    assert cli.main([]) == 0
    monkeypatch.setenv("TALENTDESK_DB", str(tmp_path / "env.sqlite"))
    assert cli.main([]) == 0
    assert cli.main(["--db", "arg.sqlite"]) == 0
    assert calls == [None, str(tmp_path / "env.sqlite"), "arg.sqlite"]
    monkeypatch.delenv("TALENTDESK_DB")
    monkeypatch.setattr("talentdesk.db.paths.default_db_path", lambda: tmp_path / "default.sqlite")
    args = cli.build_parser().parse_args(["db", "check"])
    assert db_target(args) == str(tmp_path / "default.sqlite")  # commands keep the default path


def test_remembered_databases_are_absolute_paths(
    qtbot: QtBot, controller: Application, db_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    monkeypatch.chdir(db_path.parent)
    copy = db_path.parent / "copia.sqlite"
    shutil.copyfile(db_path, copy)
    assert controller.start("copia.sqlite")
    assert settings.get(S.LAST_DATABASE) == str(copy)


def test_quitting_while_a_database_opens_closes_it(
    controller: Application, db_path: Path, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert controller.start(str(db_path))
    first = controller.window
    closed: list[str] = []
    real_close = Database.close

    def close(self: Database) -> None:
        closed.append(self.display_name)
        real_close(self)

    monkeypatch.setattr(Database, "close", close)
    assert controller.open_database(str(demo_db_path)) is not None
    controller.shutdown()  # as after the event loop ends, before the open was delivered
    assert controller.window is first  # no new window after quitting
    assert sorted(closed) == sorted([str(db_path), str(demo_db_path)])
