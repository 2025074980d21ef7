"""Edit → Preferences: the interface language (applied on the next start) and, with a database
open, the texts of the documents (the attendee packets' welcome letter).

The language lives in the settings of this computer; the welcome letter lives in the database,
shared by everyone who uses it, and is saved through ``ctx.perform`` (audited, undoable).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.errors import TalentDeskError, ValidationError
from talentdesk.ops import settings as ops_settings
from talentdesk.services import document_settings as documents
from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.i18n import LANGUAGES, normalize_language
from talentdesk.ui.settings import Settings
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.record_dialog import ERROR_STYLE


class PreferencesDialog(QDialog):
    def __init__(
        self, settings: Settings, parent: QWidget | None = None, ctx: AppContext | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ctx = ctx
        self.saving = False
        self.loaded_letter: str | None = None  # as stored (None until read)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences")

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself
        current = normalize_language(settings.get(S.LANGUAGE))
        self.language.setCurrentIndex(self.language.findData(current))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)

        self.restart_note = QLabel(self.tr("A change of language takes effect when TalentDesk restarts."))
        self.restart_note.setObjectName("restart-note")
        self.restart_note.setWordWrap(True)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(self.restart_note)
        general_layout.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        if ctx is None:
            layout.addWidget(general)
            self.setMinimumWidth(420)
        else:
            self.tabs = QTabWidget()
            self.tabs.setObjectName("preferences-tabs")
            self.tabs.addTab(general, self.tr("General"))
            self.tabs.addTab(self._build_documents(), self.tr("Documents"))
            layout.addWidget(self.tabs, 1)
            self.setMinimumSize(720, 640)
            self._load_letter(ctx)
        layout.addWidget(buttons)

    # -- documents ------------------------------------------------------------------------------

    def _build_documents(self) -> QWidget:
        page = QWidget()
        page.setObjectName("preferences-documents")
        heading = QLabel(self.tr("<b>Welcome letter</b> of the attendee packets"))
        explanation = QLabel(
            self.tr(
                "Fields in braces, such as {nombre}, are replaced for each participant. "
                "Double-click a field below to insert it where the cursor is."
            )
        )
        explanation.setWordWrap(True)
        self.letter = QPlainTextEdit()
        self.letter.setObjectName("welcome-letter")
        self.letter.setEnabled(False)
        self.letter.setPlaceholderText(self.tr("Loading…"))
        self.letter.textChanged.connect(lambda: self._check_letter())
        self.letter_error = QLabel()
        self.letter_error.setObjectName("error-welcome_letter")
        self.letter_error.setStyleSheet(ERROR_STYLE)
        self.letter_error.setWordWrap(True)
        self.letter_error.setVisible(False)

        self.fields = QTableWidget(len(documents.WELCOME_FIELDS), 2)
        self.fields.setObjectName("welcome-fields")
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Replaced by")])
        for row, (name, meaning) in enumerate(documents.WELCOME_FIELDS.items()):
            self.fields.setItem(row, 0, QTableWidgetItem("{" + name + "}"))
            self.fields.setItem(row, 1, QTableWidgetItem(meaning))
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.fields.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.fields.verticalHeader().setDefaultSectionSize(self.fields.fontMetrics().height() + 6)
        self.fields.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields.setFixedHeight(  # every field at once, no scrolling
            self.fields.horizontalHeader().sizeHint().height()
            + self.fields.verticalHeader().defaultSectionSize() * self.fields.rowCount()
            + 2 * self.fields.frameWidth()
        )
        self.fields.cellDoubleClicked.connect(lambda row, _column: self.insert_field(row))

        self.restore_button = QPushButton(self.tr("&Restore default"))
        self.restore_button.setObjectName("welcome-restore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(
            lambda: self.letter.setPlainText(documents.DEFAULT_WELCOME_LETTER)
        )
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Fields:")))
        tools.addStretch(1)
        tools.addWidget(self.restore_button)

        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.letter, 1)
        layout.addWidget(self.letter_error)
        layout.addLayout(tools)
        layout.addWidget(self.fields)
        return page

    def _load_letter(self, ctx: AppContext) -> None:
        def query(session: Session, _task: Task) -> str:
            return documents.welcome_letter(session)

        def loaded(text: str) -> None:
            self.loaded_letter = text
            self.letter.setPlainText(text)
            self.letter.setEnabled(True)
            self.restore_button.setEnabled(True)

        ctx.read(query, loaded, on_failure=lambda exc: self.show_letter_error(error_message(exc)), owner=self)

    def insert_field(self, row: int) -> None:
        item = self.fields.item(row, 0)
        if item is not None and self.letter.isEnabled():
            self.letter.insertPlainText(item.text())
            self.letter.setFocus()

    def letter_text(self) -> str:
        return self.letter.toPlainText().strip()

    def letter_changed(self) -> bool:
        return self.loaded_letter is not None and self.letter_text() != self.loaded_letter.strip()

    def _check_letter(self) -> None:
        """As you type: an unknown field or a stray brace is named at once."""
        try:
            documents.check_template(self.letter_text() or documents.DEFAULT_WELCOME_LETTER)
        except ValidationError as exc:
            self.show_letter_error(exc.errors[0].message)
        else:
            self.show_letter_error("")

    def show_letter_error(self, message: str) -> None:
        self.letter_error.setText(message)
        self.letter_error.setVisible(bool(message))

    def letter_error_text(self) -> str:
        return self.letter_error.text() if not self.letter_error.isHidden() else ""

    # -- language -------------------------------------------------------------------------------

    def selected_language(self) -> str:
        return str(self.language.currentData())

    def language_changed(self) -> bool:
        return self.selected_language() != normalize_language(self.settings.get(S.LANGUAGE))

    # -- saving ---------------------------------------------------------------------------------

    def accept(self) -> None:
        if self.saving:
            return
        self.settings.set(S.LANGUAGE, self.selected_language())
        if self.ctx is None or not self.letter_changed():
            super().accept()
            return
        text = self.letter_text()
        if text == documents.DEFAULT_WELCOME_LETTER.strip():
            text = ""  # stored as "the default", so a better default reaches this database too
        self.saving = True
        self.buttons.setEnabled(False)
        self.ctx.perform(
            ops_settings.set_welcome_letter(text),
            on_done=lambda _value: self._saved(),
            on_failure=lambda exc: self._failed(exc),
            parent=self,
        )

    def _saved(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.buttons.setEnabled(True)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            message = "\n".join(e.message for e in exc.errors)
        elif isinstance(exc, TalentDeskError):
            message = exc.message
        else:
            message = error_message(exc)
        self.show_letter_error(message)
        if hasattr(self, "tabs"):
            self.tabs.setCurrentIndex(1)
        self.letter.setFocus()

    def reject(self) -> None:
        if not self.saving:
            super().reject()
