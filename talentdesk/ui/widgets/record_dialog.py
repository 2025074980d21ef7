"""A modal form that saves through ``ctx.perform`` and shows validation errors at the fields.

* Each field gets a red message under it, found by the service's field name
  (``ValidationError.errors[i].field``); messages the form cannot place go above the buttons.
* The dialog stays open when saving fails, and closes itself once the write committed.
* Enter saves (Save is the default button); Escape or closing asks before dropping edits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.ops import Op
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import error_message

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class RecordDialog(QDialog):
    """Subclasses add fields with :meth:`add_field`, then implement :meth:`submit`."""

    saved = Signal(object)  # the operation's value (e.g. the new record's id)

    def __init__(self, ctx: AppContext, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(True)
        self.modified = False
        self.saving = False
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.aliases: dict[str, str] = {}

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = error_label("form-error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setText(self.tr("&Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once inside the dialog, so Enter saves

    # -- building -----------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, aliases: Iterable[str] = ()) -> QWidget:
        """Add a row: the widget with its error message under it."""
        widget.setObjectName(widget.objectName() or f"field-{name}")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label(f"error-{name}")
        column.addWidget(message)
        self.form.addRow(label, box)
        self.fields[name] = widget
        self.errors[name] = message
        for alias in aliases:
            self.aliases[alias] = name
        self.watch(widget)
        return widget

    def watch(self, widget: QWidget) -> None:
        """Any edit of ``widget`` marks the form modified."""
        mark: Callable[..., None] = lambda *_: self.set_modified(True)  # noqa: E731
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(mark)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(mark)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(mark)
        elif isinstance(widget, QAbstractButton | QCheckBox):
            widget.toggled.connect(mark)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(mark)
        elif hasattr(widget, "edited"):
            widget.edited.connect(mark)

    def set_modified(self, modified: bool) -> None:
        if self.saving:
            return
        self.modified = modified

    # -- saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Validate what can be checked here, then call :meth:`run` with the write."""
        raise NotImplementedError

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        self.submit()

    def run(self, op: Op[Any]) -> None:
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.perform(op, on_done=self._saved, on_failure=self._failed, parent=self)

    def _saved(self, value: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        self.modified = False
        self.saved.emit(value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc)
        else:
            if not isinstance(exc, TalentDeskError):
                log.error("saving failed", exc_info=exc)
            self.show_error(error_message(exc))

    # -- errors -------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.setVisible(False)
        for widget in self.fields.values():
            widget.setProperty("invalid", False)

    def show_error(self, message: str, field: str | None = None) -> None:
        """One message at ``field`` (or above the buttons when the form has no such field)."""
        name = self.aliases.get(field, field) if field else None
        label = self.errors.get(name) if name else None
        if label is None:
            label = self.general_error
        label.setText("\n".join(filter(None, [label.text(), message])))
        label.setVisible(True)
        widget = self.fields.get(name) if name else None
        if widget is not None:
            widget.setProperty("invalid", True)

    def show_errors(self, exc: ValidationError) -> None:
        for err in exc.errors:
            self.show_error(err.message, err.field)
        first = next(
            (
                self.fields[self.aliases.get(e.field, e.field)]
                for e in exc.errors
                if self.aliases.get(e.field, e.field) in self.fields
            ),
            None,
        )
        if first is not None:
            first.setFocus()

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- closing ------------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when there is nothing to lose or the person agrees to drop the edits."""
        if not self.modified:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Discard the changes you made?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.saving or not self.confirm_discard():
            return
        self.modified = False
        super().reject()
