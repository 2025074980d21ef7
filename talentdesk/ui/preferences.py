"""Edit → Preferences: the interface language (applied on the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from talentdesk.ui import settings as S
from talentdesk.ui.i18n import LANGUAGES, normalize_language
from talentdesk.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def selected_language(self) -> str:
        return str(self.language.currentData())

    def language_changed(self) -> bool:
        return self.selected_language() != normalize_language(self.settings.get(S.LANGUAGE))

    def accept(self) -> None:
        self.settings.set(S.LANGUAGE, self.selected_language())
        super().accept()
