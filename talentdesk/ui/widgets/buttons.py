"""Buttons and the one Yes/No question every area asks before it deletes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from talentdesk.ui.widgets.fitting import FlowLayout


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question whose safe answer (No) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def push_button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def button_row(*buttons: QWidget) -> FlowLayout:
    """Buttons side by side from the left, wrapping onto another line on a narrow window."""
    row = FlowLayout()
    for button in buttons:
        row.addWidget(button)
    return row
