"""The one form base: a modal dialog whose fields show their errors under them and which saves
through ``ctx.perform``.

* Each field is a :class:`FieldBox`: the input, an optional hint and a red message under it,
  found by the service's field name (``ValidationError.errors[i].field``, or an alias such as
  ``sector_ids`` for ``sectors``); messages the form cannot place go above the buttons.
* Editing a field takes its message away and marks the form modified.
* The dialog stays open when saving fails, and closes itself once the write committed.
* Enter and Ctrl+S save (Save is the default button); Escape, Cancel or closing the window ask
  before dropping edits.

:class:`RecordDialog` is the usual one-page form (a label column and the fields);
the member form builds tabs on :class:`FormDialog` itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.errors import FieldError, TalentDeskError, ValidationError
from talentdesk.ops import Op
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, DateField, EnumCombo, MomentField

log = logging.getLogger(__name__)

# Red that reads on light and dark backgrounds alike: every error message of the interface.
ERROR_COLOR = "#c62828"
ERROR_STYLE = f"color: {ERROR_COLOR};"


def error_label(name: str) -> QLabel:
    """A hidden, wrapping error line in the interface's error red (export dialog fields)."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldBox(QWidget):
    """An input with an optional hint and an error message under it (hidden until needed)."""

    def __init__(self, editor: QWidget, name: str, hint: str = "") -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint: QLabel | None = None
        if hint:
            self.hint = QLabel(hint)
            self.hint.setObjectName(f"hint-{name}")
            self.hint.setWordWrap(True)
            self.hint.setEnabled(False)  # drawn in the palette's muted colour
            layout.addWidget(self.hint)
        self.error = QLabel()
        self.error.setObjectName(f"error-{name}")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.setFocusProxy(editor)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")
        self.editor.setProperty("invalid", bool(message))

    def add_error(self, message: str) -> None:
        """Show one more message (a field can fail more than one check)."""
        text = self.error_text()
        self.set_error(f"{text}\n{message}" if text else message)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""


def field_value(widget: QWidget) -> Any:
    """What a form sends the service for an input, as the person left it (the service checks)."""
    if isinstance(widget, DateField | MomentField | CountryCombo | EnumCombo):
        return widget.value()
    if isinstance(widget, CheckList):
        return widget.checked_ids()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    raise TypeError(f"no value for {type(widget).__name__}: read it in the form's values()")


def edited_signal(widget: QWidget) -> Any:
    """The signal a widget sends when the person (not the program) changes it."""
    if hasattr(widget, "edited"):  # our own inputs (dates, pickers)
        return widget.edited
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.editTextChanged if widget.isEditable() else widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    return None


class FormDialog(QDialog):
    """Subclasses lay out their fields in :attr:`content` with :meth:`field_box`, then
    implement :meth:`submit`."""

    saved = Signal(object)  # the operation's value (e.g. the new record's id)

    # Before dropping edits ask Save / Discard / Cancel (a long form) rather than Discard? Yes/No.
    offer_save = False
    # Above the buttons, say how many fields need attention (for fields on other tabs).
    count_errors = False

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setModal(True)
        self.modified = False
        self.saving = False
        self.boxes: dict[str, FieldBox] = {}
        self.keys: dict[str, str] = {}  # field name → the service's name for its value
        self.aliases: dict[str, str] = {}

        self.content = QVBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("form-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.content, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once inside the dialog, so Enter saves

    # -- fields -------------------------------------------------------------------------------

    def field_box(
        self,
        name: str,
        editor: QWidget,
        hint: str = "",
        aliases: Iterable[str] = (),
        key: str | None = None,
    ) -> FieldBox:
        """``editor`` in a box with its error message, known by the service's field ``name``
        (and ``aliases``); its value goes to the service as ``key`` (default: ``name``)."""
        editor.setObjectName(editor.objectName() or f"field-{name}")
        box = FieldBox(editor, name, hint)
        self.boxes[name] = box
        self.keys[name] = key or name
        for alias in (*aliases, *([key] if key else [])):
            self.aliases[alias] = name
        self.watch(editor, name)
        return box

    def field_values(self) -> dict[str, Any]:
        """Every field's value by its key, in the shape the services take (raw text included:
        the service checks it and says what is wrong at the field)."""
        return {self.keys[name]: field_value(box.editor) for name, box in self.boxes.items()}

    def watch(self, widget: QWidget, field: str | None = None) -> None:
        """Any edit of ``widget`` marks the form modified (and takes ``field``'s message away)."""
        signal = edited_signal(widget)
        if signal is not None:
            edited: Callable[..., None] = lambda *_: self.edited(field)  # noqa: E731
            signal.connect(edited)

    def edited(self, field: str | None) -> None:
        self.set_modified(True)
        if field is not None:
            self.clear_error(field)

    def set_modified(self, modified: bool) -> None:
        if self.saving:
            return
        self.modified = modified

    def is_modified(self) -> bool:
        return self.modified

    # -- errors at their fields ---------------------------------------------------------------

    def box_for(self, field: str) -> FieldBox | None:
        return self.boxes.get(self.aliases.get(field, field))

    def show_error(self, message: str, field: str | None = None) -> None:
        """One more message at ``field``, or above the buttons when the form has no such field."""
        box = self.box_for(field) if field else None
        if box is None:
            self.show_message("\n".join(filter(None, [self.message.text(), message])), error=True)
            return
        box.add_error(message)
        self.errors_changed()

    def show_errors(self, errors: ValidationError | Sequence[FieldError]) -> None:
        """Each message under its field; the first one's field comes into view with the focus."""
        found = errors.errors if isinstance(errors, ValidationError) else list(errors)
        self.clear_errors()
        unplaced: list[str] = []
        first: FieldBox | None = None
        for err in found:
            box = self.box_for(err.field)
            if box is None:
                unplaced.append(err.message)
                continue
            box.add_error(err.message)
            first = first or box
        lines = list(unplaced)
        if self.count_errors and found:
            lines.insert(0, self.tr("%n field(s) need attention: see the messages in red.", "", len(found)))
        if lines:
            self.show_message("\n".join(lines), error=True)
        self.errors_changed()
        if first is not None:
            self.reveal(first)
            first.setFocus()

    def clear_error(self, field: str) -> None:
        box = self.box_for(field)
        if box is not None and box.error_text():
            box.set_error(None)
            self.errors_changed()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self.show_message("", error=False)
        self.errors_changed()

    def error_text(self, field: str) -> str:
        box = self.box_for(field)
        return box.error_text() if box is not None else ""

    def field_errors(self) -> dict[str, str]:
        """The messages shown now, by field (a box shared by two fields counts once)."""
        shown: dict[str, str] = {}
        for field, box in self.boxes.items():
            if box.error_text() and all(self.boxes[f] is not box for f in shown):
                shown[field] = box.error_text()
        return shown

    def show_check(self, field: str, err: FieldError | None) -> bool:
        """The result of checking one field as the person left it: its message, or none."""
        box = self.box_for(field)
        if box is not None:
            box.set_error(err.message if err else None)
            self.errors_changed()
        return err is None

    def show_message(self, text: str, *, error: bool) -> None:
        """The line above the buttons: an error, or what the form is doing (loading, saving)."""
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error and text else "")
        self.message.setVisible(bool(text))

    def errors_changed(self) -> None:
        """A field's message appeared or went away. Once none is left, the summary goes too."""
        if self.count_errors and not self.field_errors() and self.message.styleSheet():
            self.show_message("", error=False)

    def reveal(self, widget: QWidget) -> None:
        """Bring ``widget`` into view (a form with tabs shows its tab)."""

    # -- saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check what can be checked here, then call :meth:`run` with the write."""
        raise NotImplementedError

    def save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        self.submit()

    def run(self, op: Op[Any]) -> None:
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.perform(op, on_done=self.done_saving, on_failure=self.saving_failed, parent=self)

    def done_saving(self, value: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        self.modified = False
        self.saved.emit(value)
        self.accept()

    def saving_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc)
            return
        if not isinstance(exc, TalentDeskError):
            log.error("saving failed", exc_info=exc)
        self.show_message(error_message(exc), error=True)

    # -- leaving ------------------------------------------------------------------------------

    def unsaved_question(self) -> str:
        return self.tr("Discard the changes you made?")

    def confirm_discard(self) -> bool:
        """True when there is nothing to lose or the person agrees to drop the edits. A form
        that offers to save starts saving on "Save" (and closes itself once saved)."""
        if not self.is_modified():
            return True
        title = self.tr("Unsaved changes")
        if not self.offer_save:
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            return QMessageBox.question(self, title, self.unsaved_question(), yes | no, no) == yes
        save, discard = QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard
        buttons = save | discard | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(self, title, self.unsaved_question(), buttons, save)
        if answer == save:
            self.save()
        return answer == discard

    def reject(self) -> None:
        """Cancel, Escape and the window's close button: ask before losing changes."""
        if self.saving or not self.confirm_discard():
            return
        self.modified = False
        super().reject()


class RecordDialog(FormDialog):
    """A one-page form: :meth:`add_field` adds a labelled row; subclasses implement :meth:`submit`."""

    def __init__(self, ctx: AppContext, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, name, parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.content.addLayout(self.form)

    def add_field(
        self, name: str, label: str, widget: QWidget, aliases: Iterable[str] = (), key: str | None = None
    ) -> QWidget:
        """Add a row: the widget with its error message under it (see :meth:`field_box`)."""
        self.form.addRow(label, self.field_box(name, widget, aliases=aliases, key=key))
        return widget
