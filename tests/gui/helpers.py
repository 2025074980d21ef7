"""What the GUI tests do the way a person would, in one place: type, click, find a field and
its error, answer a question box, wait for an area or an event to load, read the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.dialog import ExportDialog

D = TypeVar("D", bound=QDialog)

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
#: How long a test waits for background work (loads, saves) before it fails.
TIMEOUT = 20_000

# -- keyboard -----------------------------------------------------------------------------------


def type_text(widget: QWidget, text: str) -> None:
    """Type character by character (qtbot.keyClicks crashes on non-ASCII text)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def replace_text(widget: Any, text: str) -> None:
    """Click into the field, select what it holds and type ``text`` over it."""
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def fill(widget: Any, text: str) -> None:
    """Replace the field's text by typing, then leave it with Tab (its checks run)."""
    replace_text(widget, text)
    # A completion popup open takes the keys, as it grabs the keyboard in a real session.
    QTest.keyClick(QApplication.activePopupWidget() or widget, Qt.Key.Key_Tab)


# -- mouse --------------------------------------------------------------------------------------


def click(qtbot: QtBot, parent: QWidget, name: str) -> QPushButton:
    """Click the push button called ``name``; it must be there and enabled."""
    button = find(parent, name, QPushButton)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def click_shown(qtbot: QtBot, parent: QWidget, name: str) -> None:
    """As :func:`click`, for a button that must also be on screen (a result panel's)."""
    button = find(parent, name, QPushButton)
    assert button.isVisible(), name
    click(qtbot, parent, name)


def click_box(box: QAbstractButton) -> None:
    """Click a check box on its text (a stretched box is not clickable at its centre)."""
    point = QPoint(min(box.width(), box.sizeHint().width()) // 2, box.height() // 2)
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def double_click(qtbot: QtBot, view: QAbstractItemView, index: Any) -> None:
    """Press then double-click: item views emit doubleClicked only for the index pressed first."""
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def trigger(owner: QWidget, name: str) -> None:
    """Trigger the action called ``name`` (a menu entry); it must be enabled."""
    action = owner.findChild(QAction, name)
    assert action is not None, name
    assert action.isEnabled(), name
    action.trigger()


# -- finding things -----------------------------------------------------------------------------


def find(parent: QWidget, name: str, kind: type[Any] = QWidget) -> Any:
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def field(dialog: QWidget, name: str) -> Any:
    """The input of a form field, by the service's field name."""
    return find(dialog, f"field-{name}")


def error_of(dialog: QWidget, name: str) -> str:
    """The message shown under a form field ('' when none is shown)."""
    label = find(dialog, f"error-{name}", QLabel)
    return str(label.text()) if not label.isHidden() else ""


def dialog_named(parent: QWidget, name: str) -> QDialog:
    """The one visible dialog called ``name`` below ``parent``."""
    dialogs = [d for d in parent.findChildren(QDialog, name) if d.isVisible()]
    assert len(dialogs) == 1, f"{name}: {len(dialogs)} visible"
    return dialogs[0]


def visible_dialog(parent: QWidget, kind: type[D]) -> D:
    """The one visible dialog of ``kind`` below ``parent``."""
    dialogs = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1, f"{len(dialogs)} {kind.__name__} open"
    return dialogs[0]


# -- question boxes -----------------------------------------------------------------------------


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make every QMessageBox.question answer ``button``; returns the questions' texts."""
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# -- waiting and reading ------------------------------------------------------------------------


def read(ctx: AppContext, query: Callable[[Session], Any]) -> Any:
    """Query in a session of its own; loaded objects stay readable after it closes."""
    with Session(ctx.db.engine, expire_on_commit=False) as session:
        return query(session)


def wait_area(qtbot: QtBot, area: Any, rows: int | None = None, timeout: int = TIMEOUT) -> None:
    """Wait until a record area has loaded (and shows ``rows`` rows, when given)."""
    qtbot.waitUntil(
        lambda: area.loaded and not area.loading and (rows is None or area.model.rowCount() == rows),
        timeout=timeout,
    )


def show_area(qtbot: QtBot, area: Any, rows: int | None = None, size: tuple[int, int] = (1100, 700)) -> Any:
    """Show a record area on its own, as the window does when it is chosen, and wait for it."""
    qtbot.addWidget(area)
    area.resize(*size)
    area.show()
    area.activated()
    wait_area(qtbot, area, rows)
    return area


def go_to_members(qtbot: QtBot, window: Any) -> Any:
    """The members area shown (the window opens on the Tablero) with its first rows loaded."""
    members = window._area_named("members-area")
    window.nav.setCurrentRow(window.areas.index(members))
    wait_members(qtbot, members)
    return members


def wait_members(qtbot: QtBot, area: Any, timeout: int = TIMEOUT) -> None:
    """Wait until the members area has its count and every id of the current search."""
    qtbot.waitUntil(
        lambda: not area.is_loading() and area.model.is_complete() and area.last_total >= 0,
        timeout=timeout,
    )


def wait_data(qtbot: QtBot, workspace: Any, check: Callable[[Any], bool], timeout: int = 10_000) -> Any:
    """Wait until the open event's data is loaded and passes ``check``; returns it."""
    qtbot.waitUntil(
        lambda: workspace.data is not None and not workspace.loading and check(workspace.data),
        timeout=timeout,
    )
    assert workspace.data is not None
    return workspace.data


def open_event(qtbot: QtBot, area: Any, event_id: int, timeout: int = TIMEOUT) -> Any:
    """Open an event of the Jornadas area in its workspace and wait for its data."""
    area.open_event(event_id)
    return wait_data(qtbot, area.workspace, lambda _data: True, timeout)


# -- exports ------------------------------------------------------------------------------------


def export_dialog(parent: QWidget) -> ExportDialog:
    """The one export dialog open below ``parent``."""
    return visible_dialog(parent, ExportDialog)


def export_to(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    """Type the path, press Enter (the default button) and wait for the result."""
    dialog.activateWindow()  # as a new dialog is: Enter must reach it, not the window's Open
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
    dialog.path.setText(str(path))
    dialog.target_field.name_edited = True
    dialog.path.setFocus()
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)
    assert dialog.message_text() == "", dialog.message_text()
    assert dialog.last_result is not None and dialog.last_result.path == path
