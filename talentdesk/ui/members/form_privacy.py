"""The member form's Privacy tab: consent to printed directories and which contact data may
print, when and how the consent was given, the objection to being contacted ("no contactar"),
and the consent's history as the services recorded it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from talentdesk.core.enums import PrintField
from talentdesk.services.consent_history import ConsentRecord
from talentdesk.ui.members.form_data import FormData
from talentdesk.ui.members.form_pages import MemberPage, add_section, form_layout
from talentdesk.ui.widgets.choosers import DateField
from talentdesk.ui.widgets.record_dialog import FormDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel, show_date
from talentdesk.ui.widgets.tables import make_table


class PrivacyPage(MemberPage):
    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        layout = form_layout(self)
        intro = QLabel(
            self.tr(
                "Printed directories include a member only with their consent, and then only the "
                "contact data ticked below. Record when and how the consent was given."
            )
        )
        intro.setWordWrap(True)
        layout.addRow(intro)

        add_section(layout, self.tr("Printed directories"))
        self.directory_consent = QCheckBox(self.tr("&Appears in printed directories"))
        self.directory_consent.toggled.connect(self._consent_toggled)
        self.row(layout, self.tr("Consent"), "directory_consent", self.directory_consent)
        self.print_boxes: dict[PrintField, QCheckBox] = {}
        printable = QWidget()
        printable.setObjectName("print-boxes")
        row = QHBoxLayout(printable)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        for item in PrintField:
            check = QCheckBox(item.label)
            check.setObjectName(f"field-print-{item.value}")
            check.toggled.connect(lambda _on: self.form.edited("print_fields"))
            self.print_boxes[item] = check
            row.addWidget(check)
        row.addStretch(1)
        self.row(layout, self.tr("May print"), "print_fields", printable)

        add_section(layout, self.tr("Record of the consent"))
        self.consent_date = DateField(not_future=True)
        self.consent_source = self.line(
            "consent_source", self.tr("e.g. registration form, e-mail of 12/03/2024")
        )
        self.row(layout, self.tr("Consent &date"), "consent_date", self.consent_date)
        self.row(layout, self.tr("Consent s&ource"), "consent_source", self.consent_source)
        self.consent_date.editingFinished.connect(
            lambda: self.form.show_check("consent_date", self.consent_date.check("consent_date"))
        )

        add_section(layout, self.tr("Objection (do not contact)"))
        self.no_contact = QCheckBox(self.tr("Do &not contact this member"))
        self.no_contact.setToolTip(
            self.tr(
                "The member objected to being contacted: they are left out of directories, copies "
                "that leave IME and invitation lists."
            )
        )
        self.row(layout, self.tr("Contact"), "no_contact", self.no_contact)

        add_section(layout, self.tr("History of the consent"))
        self.history_model = RecordTableModel(
            [
                Column(
                    self.tr("Recorded"),
                    lambda r: r.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M"),
                ),
                Column(self.tr("By"), lambda r: r.user),
                Column(self.tr("Through"), lambda r: r.origin_text),
                Column(
                    self.tr("In directories"),
                    lambda r: self.tr("Yes") if r.directory_consent else self.tr("No"),
                ),
                Column(self.tr("May print"), lambda r: ", ".join(f.label for f in r.print_fields)),
                Column(self.tr("Do not contact"), lambda r: self.tr("Yes") if r.no_contact else ""),
                Column(self.tr("Consent date"), lambda r: show_date(r.consent_date)),
                Column(self.tr("Stated source"), lambda r: r.source or ""),
            ],
            self,
        )
        self.history = make_table(self.history_model, "consent-history", sortable=False)
        self.history.setMinimumHeight(120)
        self.history_empty = QLabel(
            self.tr("No consent recorded yet. Each change of the consent will be listed here.")
        )
        self.history_empty.setObjectName("consent-history-empty")
        self.history_empty.setEnabled(False)
        self.history_empty.setWordWrap(True)
        layout.addRow(self.history_empty)
        layout.addRow(self.history)

        add_section(layout, self.tr("Rights of the member (ARCO)"))
        rights = QLabel(
            self.tr(
                "Access: a PDF and a JSON file with everything held about the member. Rectification: "
                "this form. Cancellation: anonymize the member for good. Objection: “Do not contact” above."
            )
        )
        rights.setWordWrap(True)
        rights.setEnabled(False)
        layout.addRow(rights)
        self.personal_button = QPushButton(self.tr("E&xport personal data…"))
        self.personal_button.setObjectName("form-personal-data")
        self.anonymize_button = QPushButton(self.tr("Anon&ymize…"))
        self.anonymize_button.setObjectName("form-anonymize")
        holder = QWidget()
        buttons = QHBoxLayout(holder)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.personal_button)
        buttons.addWidget(self.anonymize_button)
        buttons.addStretch(1)
        layout.addRow(holder)
        self._consent_toggled(False)

    def _consent_toggled(self, on: bool) -> None:
        """What may print is asked only of a member who appears in directories."""
        for check in self.print_boxes.values():
            check.setEnabled(on)

    def set_choices(self, data: FormData) -> None:
        self.set_history(data.consent_history)

    def set_history(self, records: Sequence[ConsentRecord]) -> None:
        self.history_model.set_rows(records)
        self.history.resizeColumnsToContents()
        self.history.setVisible(bool(records))
        self.history_empty.setVisible(not records)

    def values(self) -> dict[str, Any]:
        return {
            **super().values(),
            "consent_date": self.consent_date.value(),
            "directory_consent": self.directory_consent.isChecked(),
            "print_fields": [item for item, check in self.print_boxes.items() if check.isChecked()],
            "no_contact": self.no_contact.isChecked(),
        }

    def set_values(self, values: Mapping[str, Any]) -> None:
        super().set_values(values)
        self.consent_date.set_date(values.get("consent_date"))
        self.directory_consent.setChecked(bool(values.get("directory_consent")))
        printable = set(values.get("print_fields") or [])
        for item, check in self.print_boxes.items():
            check.setChecked(item in printable)
        self.no_contact.setChecked(bool(values.get("no_contact")))

    def chain(self) -> list[QWidget]:
        return [
            self.directory_consent,
            *self.print_boxes.values(),
            self.consent_date,
            self.consent_source,
            self.no_contact,
            self.history,
        ]
