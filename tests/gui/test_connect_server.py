"""File → Connect to server… and signing in to a PostgreSQL server (issue 16).

Against the test run's own server (scripts/pg-cluster), which asks for a password on TCP as an
office server does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from talentdesk.db.servers import ServerAddress, without_password
from talentdesk.db.session import Database
from talentdesk.services.members import create_member
from talentdesk.ui import settings as S
from talentdesk.ui.app import Application
from talentdesk.ui.connect_dialog import ConnectDialog
from talentdesk.ui.remote_changes import RemoteChanges
from tests.conftest import needs_pg

pytestmark = needs_pg


def _password(url: str) -> str:
    password = make_url(url).password
    assert password
    return str(password)


def _answer_when_shown(controller: Application, *answers: Callable[[ConnectDialog], None]) -> list[str]:
    """Answer, in turn, each modal connect dialog ``start`` shows; returns the problems shown."""
    seen: list[str] = []
    pending = list(answers)
    answered: set[int] = set()

    def poll() -> None:
        dialog = controller.server_dialog
        if isinstance(dialog, ConnectDialog) and dialog.isVisible() and id(dialog) not in answered:
            answered.add(id(dialog))
            seen.append(dialog.problem.text())
            try:
                pending.pop(0)(dialog)
            finally:  # a failed check must not leave a modal dialog waiting for ever
                if dialog.isVisible():
                    dialog.reject()
        if pending:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _fill_password(password: str) -> Callable[[ConnectDialog], None]:
    def answer(dialog: ConnectDialog) -> None:
        assert dialog.focusWidget() is dialog.password  # the rest is filled in: type the password
        dialog.password.setText(password)
        dialog.accept()

    return answer


def test_a_server_password_is_never_remembered(
    qtbot: QtBot, pg_url: str, controller: Application, errors: list[str]
) -> None:
    assert controller.start(pg_url)
    remembered = [controller.settings.get(S.LAST_DATABASE), *controller.settings.get(S.RECENT_DATABASES)]
    password = _password(pg_url)
    assert all(password not in target for target in remembered), remembered
    assert controller.settings.get(S.LAST_DATABASE) == without_password(pg_url)
    controller.settings.store.sync()
    stored = Path(controller.settings.store.fileName()).read_text(encoding="utf-8", errors="replace")
    assert make_url(pg_url).database in stored and password not in stored
    assert errors == []


def test_a_remembered_server_asks_for_the_password_at_start(
    qtbot: QtBot, pg_url: str, controller: Application, errors: list[str]
) -> None:
    seen = _answer_when_shown(controller, _fill_password(_password(pg_url)))
    assert controller.start(without_password(pg_url))
    assert controller.window is not None
    assert controller.window.ctx.db.engine.url.database == make_url(pg_url).database
    assert len(seen) == 1 and seen[0]  # why it asked: the server wants a password
    assert errors == []


def test_a_wrong_password_asks_again_and_cancel_opens_nothing(
    qtbot: QtBot, pg_url: str, controller: Application, errors: list[str]
) -> None:
    seen = _answer_when_shown(controller, _fill_password("wrong"), ConnectDialog.reject)
    assert not controller.start(without_password(pg_url))
    assert controller.window is None
    assert len(seen) == 2 and seen[0] and seen[1] and seen[0] != seen[1]  # no password; then refused
    assert errors == []


def test_the_dialog_refuses_empty_fields_and_builds_the_url(qtbot: QtBot) -> None:
    dialog = ConnectDialog(ServerAddress(host="", port=5433, database="red", user="ana"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and dialog.problem.text()
    assert dialog.focusWidget() is dialog.host
    qtbot.keyClicks(dialog.host, "servidor.ime.local")
    dialog.password.setText("s3cr:et@")
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    url = make_url(dialog.target())
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "servidor.ime.local",
        5433,
        "red",
        "ana",
        "s3cr:et@",
    )
    assert ServerAddress.from_target(dialog.target()) == dialog.address()
    assert isinstance(dialog.findChild(QSpinBox, "port"), QSpinBox)


def test_file_connect_to_server_switches_from_the_local_file(
    qtbot: QtBot, controller: Application, db_path: Path, pg_url: str, errors: list[str]
) -> None:
    assert controller.start(str(db_path))
    window = controller.window
    assert window is not None
    window.act_connect.trigger()
    dialog = window.server_dialog
    assert isinstance(dialog, ConnectDialog)
    url = make_url(pg_url)
    dialog.host.setText(str(url.host))
    dialog.port.setValue(int(url.port or 5432))
    dialog.database.setText(str(url.database))
    dialog.user.setText(str(url.username))
    dialog.password.setText(_password(pg_url))
    with qtbot.waitSignal(controller.window_changed, timeout=20000):
        dialog.accept()
    assert controller.window is not None and controller.window is not window
    assert controller.window.ctx.db.engine.url.get_backend_name() == "postgresql"
    recent = controller.settings.get(S.RECENT_DATABASES)
    assert recent[0] == without_password(pg_url) and recent[1] == str(db_path)
    controller.window.rebuild_recent_menu()
    labels = [a.text() for a in controller.window.recent_menu.actions()]
    assert all(_password(pg_url) not in label for label in labels)
    assert errors == []


def test_the_connect_dialog_fits_a_small_screen(qtbot: QtBot) -> None:
    dialog = ConnectDialog(ServerAddress.default(), "El servidor rechazó el usuario o la contraseña.")
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700


def test_another_workstations_edit_refreshes_the_open_window(
    qtbot: QtBot, pg_url: str, controller: Application, errors: list[str]
) -> None:
    assert controller.start(pg_url)
    ctx = controller.ctx
    assert ctx is not None
    listener = ctx.findChild(RemoteChanges)
    assert listener is not None
    qtbot.waitUntil(lambda: listener.listening)
    time.sleep(0.5)  # LISTEN in place
    other = Database.open(pg_url)  # the other workstation
    try:
        with qtbot.waitSignal(ctx.changed, timeout=10000) as heard, other.session() as session:
            create_member(session, {"given_names": "Luis", "paternal_surname": "Vega"})
    finally:
        other.close()
    changes = heard.args[0]
    assert changes.members and not changes.events
    window = controller.window
    assert window is not None
    qtbot.waitUntil(lambda: window.count_label.text().startswith("1 members"), timeout=10000)
    assert errors == []
