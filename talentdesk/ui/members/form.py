"""The member form: every field of a member, checked as it is typed and saved with undo.

The member and the reference lists (chapters, sectors, contributions) load in the background;
Save stays off until they are in. Saving runs the real service on the write thread: when it
refuses (``ValidationError``), each message is shown under its field and nothing is written.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.enums import DegreeLevel, Gender, LabeledEnum, MemberStatus, PrintField
from talentdesk.core.errors import FieldError, TalentDeskError, ValidationError
from talentdesk.core.models import Member
from talentdesk.core.text import full_name
from talentdesk.core.validation import (
    error,
    normalize_country,
    normalize_email,
    normalize_phone,
    normalize_url,
)
from talentdesk.ops import members as ops_members
from talentdesk.services import consent_history, reference
from talentdesk.services.members import (
    REQUIRED,
    get_member,
    member_values,
)
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import error_message
from talentdesk.ui.widgets.form_fields import ERROR_COLOR, CheckList, CountryCombo, DateField, FieldBox
from talentdesk.ui.widgets.records import Column, RecordTableModel, show_date

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FormData:
    """What the form loads in the background: reference lists and the member, if editing."""

    chapters: list[tuple[int, str]]
    sectors: list[tuple[int, str]]
    contributions: list[tuple[int, str, str]]  # id, code, name
    values: dict[str, Any] | None
    consent_history: list[consent_history.ConsentRecord] = dataclasses.field(default_factory=list)
    anonymized_at: datetime | None = None


def load_form_data(session: Session, member_id: int | None) -> FormData:
    member = get_member(session, member_id) if member_id is not None else None
    return FormData(
        chapters=[(c.id, c.name) for c in reference.chapters(session)],
        sectors=[(s.id, f"{s.number}. {s.name}") for s in reference.sectors(session)],
        contributions=[(c.id, c.code, c.name) for c in reference.contribution_types(session)],
        values=member_values(member) if member is not None else None,
        consent_history=consent_history.records(session, member.id) if member is not None else [],
        anonymized_at=member.anonymized_at if member is not None else None,
    )


def _max_length(field: str) -> int:
    length = getattr(Member.__table__.c[field].type, "length", None)
    return int(length) if length else 0


class SectorPicker(QWidget):
    """The nine sectors to tick, and which of the ticked ones is the primary."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.list = CheckList("field-sectors")
        self.primary = QComboBox()
        self.primary.setObjectName("field-primary-sector")
        self.primary.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.primary_label = QLabel(self.tr("P&rimary:"))
        self.primary_label.setBuddy(self.primary)
        row.addWidget(self.primary_label)
        row.addWidget(self.primary, 1)
        layout.addLayout(row)
        self.setFocusProxy(self.list)
        self.list.changed.connect(self._ticks_changed)
        self.primary.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._fill_primary(None)

    def set_sectors(self, sectors: list[tuple[int, str]]) -> None:
        self.names = dict(sectors)
        self.list.set_items(sectors)
        self._fill_primary(self.primary_id())

    def sector_ids(self) -> list[int]:
        return sorted(self.list.checked_ids())

    def primary_id(self) -> int | None:
        value = self.primary.currentData()
        return int(value) if value is not None else None

    def set_value(self, ids: list[int], primary: int | None) -> None:
        self.list.blockSignals(True)
        self.list.set_checked(ids)
        self.list.blockSignals(False)
        self._fill_primary(primary)

    def _ticks_changed(self) -> None:
        self._fill_primary(self.primary_id())
        self.changed.emit()

    def _fill_primary(self, wanted: int | None) -> None:
        checked = self.list.checked_ids()
        self.primary.blockSignals(True)
        self.primary.clear()
        if not checked:
            self.primary.addItem(self.tr("(tick a sector first)"), None)
        for sector_id in checked:
            self.primary.addItem(self.names.get(sector_id, str(sector_id)), sector_id)
        index = self.primary.findData(wanted) if wanted in checked else 0
        self.primary.setCurrentIndex(max(index, 0))
        self.primary.setEnabled(bool(checked))
        self.primary.blockSignals(False)


class MemberDialog(QDialog):
    """Create (member_id None) or edit a member; saves through ctx.perform with undo."""

    #: The id of the member just saved (emitted before the dialog closes).
    saved = Signal(int)

    def __init__(self, ctx: AppContext, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.setObjectName("member-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.resize(860, 660)
        self.loaded = False
        self.saving = False
        self.loaded_name = ""
        self.baseline: dict[str, Any] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.contribution_boxes: dict[int, QCheckBox] = {}
        self.anonymized_at: datetime | None = None

        self.banner = QLabel()
        self.banner.setObjectName("anonymized-banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; padding: 6px; border-radius: 3px;")
        self.banner.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("member-tabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self._personal_tab(), self.tr("Personal data"))
        self.tabs.addTab(self._contact_tab(), self.tr("Contact"))
        self.tabs.addTab(self._network_tab(), self.tr("Network"))
        self.tabs.addTab(self._work_tab(), self.tr("Education and work"))
        self.tabs.addTab(self._privacy_tab(), self.tr("Privacy"))
        self.tabs.addTab(self._notes_tab(), self.tr("Notes"))
        self.tabs.setEnabled(False)

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("form-summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("form-save")
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("form-cancel")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        # Only once the button is in the dialog: Enter then saves even after focus visited it.
        self.save_button.setDefault(True)

        self._connect_checks()
        self._update_title()
        self.ctx.read(
            lambda session, _task: load_form_data(session, member_id),
            self._loaded,
            on_failure=self._load_failed,
            owner=self,
        )

    # -- building -----------------------------------------------------------------------------

    def _page(self, content: QWidget) -> QScrollArea:
        """Each tab scrolls rather than squeezing its fields when the window is small."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def _form(self, parent: QWidget | None = None) -> QFormLayout:
        form = QFormLayout(parent)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(8)
        return form

    def _box(self, field: str, editor: QWidget, hint: str = "") -> FieldBox:
        box = FieldBox(editor, field.replace("_", "-"), hint)
        self.boxes[field] = box
        return box

    def _line(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"field-{field.replace('_', '-')}")
        if _max_length(field):
            edit.setMaxLength(_max_length(field))
        if placeholder:
            edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, f=field: self.clear_error(f))
        self.texts[field] = edit
        return edit

    def _text_area(self, field: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"field-{field.replace('_', '-')}")
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda f=field: self.clear_error(f))
        self.texts[field] = edit
        return edit

    def _enum_combo(self, field: str, kind: type[LabeledEnum], *, blank: bool) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"field-{field.replace('_', '-')}")
        if blank:
            combo.addItem(self.tr("(not stated)"), None)
        for item in kind:
            combo.addItem(item.label, item)
        combo.currentIndexChanged.connect(lambda _i, f=field: self.clear_error(f))
        return combo

    def _personal_tab(self) -> QWidget:
        page = QWidget()
        form = self._form(page)
        self.given_names = self._line("given_names")
        self.paternal_surname = self._line("paternal_surname")
        self.maternal_surname = self._line("maternal_surname")
        self.preferred_name = self._line("preferred_name", self.tr("How the member likes to be called"))
        self.gender = self._enum_combo("gender", Gender, blank=True)
        form.addRow(self.tr("&Given names *"), self._box("given_names", self.given_names))
        form.addRow(self.tr("&Paternal surname *"), self._box("paternal_surname", self.paternal_surname))
        form.addRow(self.tr("&Maternal surname"), self._box("maternal_surname", self.maternal_surname))
        form.addRow(self.tr("P&referred name"), self._box("preferred_name", self.preferred_name))
        form.addRow(self.tr("Gen&der"), self._box("gender", self.gender))
        note = QLabel(self.tr("Fields marked * are required."))
        note.setEnabled(False)
        form.addRow("", note)
        return self._page(page)

    def _section(self, form: QFormLayout, title: str) -> None:
        """A bold heading across a form: sections keep one label column for the whole tab."""
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        if form.rowCount():
            heading.setContentsMargins(0, 10, 0, 0)
        form.addRow(heading)

    def _contact_tab(self) -> QWidget:
        page = QWidget()
        form = self._form(page)
        self._section(form, self.tr("Where the member lives"))
        self.country = CountryCombo("field-country")
        self.state = self._line("state")
        self.city = self._line("city")
        form.addRow(self.tr("&Country"), self._box("country", self.country))
        form.addRow(self.tr("&State / region"), self._box("state", self.state))
        form.addRow(self.tr("C&ity"), self._box("city", self.city))

        self._section(form, self.tr("How to reach the member"))
        self.email = self._line("email", self.tr("name@example.com"))
        self.phone = self._line("phone", self.tr("+52 55 1234 5678"))
        self.website = self._line("website", self.tr("https://www.linkedin.com/in/…"))
        form.addRow(self.tr("&E-mail"), self._box("email", self.email))
        form.addRow(
            self.tr("P&hone"),
            self._box(
                "phone",
                self.phone,
                self.tr("With the international prefix, or a national number of the country above."),
            ),
        )
        form.addRow(self.tr("&Website / LinkedIn"), self._box("website", self.website))
        return self._page(page)

    def _network_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        left = QVBoxLayout()
        top = self._form()
        self.chapter = QComboBox()
        self.chapter.setObjectName("field-chapter")
        self.chapter.addItem(self.tr("(no chapter)"), None)
        self.chapter.currentIndexChanged.connect(lambda _i: self.clear_error("chapter"))
        self.status = self._enum_combo("status", MemberStatus, blank=False)
        self.joined_on = DateField("field-joined-on")
        top.addRow(self.tr("C&hapter"), self._box("chapter", self.chapter))
        top.addRow(self.tr("S&tatus"), self._box("status", self.status))
        top.addRow(self.tr("&Joined on"), self._box("joined_on", self.joined_on))
        left.addLayout(top)

        sectors = QGroupBox(self.tr("Sectors"))
        self.sectors = SectorPicker()
        box = self._box("sectors", self.sectors)
        self.boxes["primary_sector"] = box
        QVBoxLayout(sectors).addWidget(box)
        self.sectors.changed.connect(self._sectors_changed)
        left.addWidget(sectors)
        left.addStretch(1)
        grid.addLayout(left, 0, 0)

        self.contributions_group = QGroupBox(self.tr("Contributions offered"))
        self.contributions_group.setObjectName("field-contributions")
        self.contributions_layout = QVBoxLayout()
        self.contributions_layout.setContentsMargins(0, 0, 0, 0)
        self.contributions_layout.setSpacing(6)
        holder = QWidget()
        holder.setLayout(self.contributions_layout)
        column = QVBoxLayout(self.contributions_group)
        column.addWidget(self._box("contributions", holder))
        column.addStretch(1)
        grid.addWidget(self.contributions_group, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        return self._page(page)

    def _work_tab(self) -> QWidget:
        page = QWidget()
        form = self._form(page)
        self.degree_level = self._enum_combo("degree_level", DegreeLevel, blank=True)
        self.field_of_study = self._line("field_of_study")
        self.institution = self._line("institution", self.tr("Where the member studied"))
        self.employer = self._line("employer")
        self.job_title = self._line("job_title")
        self.languages = self._line("languages", self.tr("e.g. español, inglés, alemán"))
        self.expertise = self._text_area("expertise", self.tr("Expertise and keywords people search by"))
        self.expertise.setMinimumHeight(110)
        form.addRow(self.tr("&Degree level"), self._box("degree_level", self.degree_level))
        form.addRow(self.tr("&Field of study"), self._box("field_of_study", self.field_of_study))
        form.addRow(self.tr("&Institution"), self._box("institution", self.institution))
        form.addRow(self.tr("&Employer"), self._box("employer", self.employer))
        form.addRow(self.tr("&Job title"), self._box("job_title", self.job_title))
        form.addRow(self.tr("&Languages"), self._box("languages", self.languages))
        form.addRow(self.tr("E&xpertise / keywords"), self._box("expertise", self.expertise))
        return self._page(page)

    def _privacy_tab(self) -> QWidget:
        page = QWidget()
        form = self._form(page)
        intro = QLabel(
            self.tr(
                "Printed directories include a member only with their consent, and then only the "
                "contact data ticked below. Record when and how the consent was given."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)

        self._section(form, self.tr("Printed directories"))
        self.directory_consent = QCheckBox(self.tr("&Appears in printed directories"))
        self.directory_consent.setObjectName("field-directory-consent")
        self.directory_consent.toggled.connect(self._consent_toggled)
        form.addRow(self.tr("Consent"), self._box("directory_consent", self.directory_consent))
        self.print_boxes: dict[PrintField, QCheckBox] = {}
        printable = QWidget()
        row = QHBoxLayout(printable)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        for item in PrintField:
            check = QCheckBox(item.label)
            check.setObjectName(f"field-print-{item.value}")
            check.toggled.connect(lambda _on: self.clear_error("print_fields"))
            self.print_boxes[item] = check
            row.addWidget(check)
        row.addStretch(1)
        form.addRow(self.tr("May print"), self._box("print_fields", printable))

        self._section(form, self.tr("Record of the consent"))
        self.consent_date = DateField("field-consent-date")
        self.consent_source = self._line(
            "consent_source", self.tr("e.g. registration form, e-mail of 12/03/2024")
        )
        form.addRow(self.tr("Consent &date"), self._box("consent_date", self.consent_date))
        form.addRow(self.tr("Consent s&ource"), self._box("consent_source", self.consent_source))

        self._section(form, self.tr("Objection (do not contact)"))
        self.no_contact = QCheckBox(self.tr("Do &not contact this member"))
        self.no_contact.setObjectName("field-no-contact")
        self.no_contact.setToolTip(
            self.tr(
                "The member objected to being contacted: they are left out of directories, copies "
                "that leave IME and invitation lists."
            )
        )
        self.no_contact.toggled.connect(lambda _on: self.clear_error("no_contact"))
        form.addRow(self.tr("Contact"), self._box("no_contact", self.no_contact))

        self._section(form, self.tr("History of the consent"))
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
        self.history = QTableView()
        self.history.setObjectName("consent-history")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMinimumHeight(120)
        self.history_empty = QLabel(
            self.tr("No consent recorded yet. Each change of the consent will be listed here.")
        )
        self.history_empty.setObjectName("consent-history-empty")
        self.history_empty.setEnabled(False)
        self.history_empty.setWordWrap(True)
        form.addRow(self.history_empty)
        form.addRow(self.history)

        self._section(form, self.tr("Rights of the member (ARCO)"))
        rights = QLabel(
            self.tr(
                "Access: a PDF and a JSON file with everything held about the member. Rectification: "
                "this form. Cancellation: anonymize the member for good. Objection: “Do not contact” above."
            )
        )
        rights.setWordWrap(True)
        rights.setEnabled(False)
        form.addRow(rights)
        self.personal_button = QPushButton(self.tr("E&xport personal data…"))
        self.personal_button.setObjectName("form-personal-data")
        self.personal_button.clicked.connect(self.export_personal_data)
        self.anonymize_button = QPushButton(self.tr("Anon&ymize…"))
        self.anonymize_button.setObjectName("form-anonymize")
        self.anonymize_button.clicked.connect(self.anonymize)
        buttons = QHBoxLayout()
        buttons.addWidget(self.personal_button)
        buttons.addWidget(self.anonymize_button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        form.addRow(holder)
        for button in (self.personal_button, self.anonymize_button):
            button.setVisible(self.member_id is not None)
        self._consent_toggled(False)
        return self._page(page)

    def export_personal_data(self) -> None:
        if self.member_id is not None:
            from talentdesk.ui.privacy.member_rights import PersonalDataDialog

            PersonalDataDialog(self.ctx, self.member_id, self).open()

    def anonymize(self) -> None:
        """Cancelación; the form closes afterwards (what it shows was removed)."""
        if self.member_id is None:
            return
        if self.is_modified():
            QMessageBox.information(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save or discard the changes of this member before anonymizing it."),
            )
            return
        from talentdesk.ui.privacy.member_rights import AnonymizeDialog

        dialog = AnonymizeDialog(self.ctx, self.member_id, self)
        dialog.anonymized.connect(lambda _id: self._anonymized())
        dialog.open()

    def _anonymized(self) -> None:
        if shiboken6.isValid(self):
            self.baseline = self.values()
            super().reject()

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.notes = self._text_area("notes", self.tr("Anything the team should know about this member"))
        layout.addWidget(self._box("notes", self.notes))
        return page

    def _connect_checks(self) -> None:
        """Check a field as the user leaves it, with the same rules the service applies."""
        self.email.editingFinished.connect(self.check_email)
        self.phone.editingFinished.connect(self.check_phone)
        self.website.editingFinished.connect(self.check_website)
        self.country.left.connect(self.check_country)
        self.country.currentIndexChanged.connect(lambda _i: self._country_changed())
        self.country.line_edit().textEdited.connect(lambda _t: self.clear_error("country"))
        for field in REQUIRED:
            edit = self.texts[field]
            assert isinstance(edit, QLineEdit)
            edit.editingFinished.connect(lambda f=field: self.check_required(f))
        for field in ("given_names", "paternal_surname", "maternal_surname"):
            self.texts[field].textChanged.connect(lambda *_: self._update_title())
        self.joined_on.changed.connect(lambda: self.clear_error("joined_on"))
        self.consent_date.changed.connect(lambda: self.clear_error("consent_date"))

    # -- loading ------------------------------------------------------------------------------

    def _loaded(self, data: FormData) -> None:
        self.chapter.blockSignals(True)
        for chapter_id, name in data.chapters:
            self.chapter.addItem(name, chapter_id)
        self.chapter.blockSignals(False)
        self.sectors.set_sectors(data.sectors)
        for contribution_id, code, name in data.contributions:
            check = QCheckBox(name)
            check.setObjectName(f"field-contribution-{code}")
            check.toggled.connect(lambda _on: self.clear_error("contributions"))
            self.contribution_boxes[contribution_id] = check
            self.contributions_layout.addWidget(check)
        if data.values is not None:
            self.set_values(data.values)
            self.loaded_name = full_name(
                data.values["given_names"], data.values["paternal_surname"], data.values["maternal_surname"]
            )
        self.history_model.set_rows(data.consent_history)
        self.history.resizeColumnsToContents()
        self.history.setVisible(bool(data.consent_history))
        self.history_empty.setVisible(not data.consent_history)
        self.anonymized_at = data.anonymized_at
        if data.anonymized_at is not None:
            self._lock_personal_fields(data.anonymized_at)
            self.anonymize_button.setEnabled(False)
        self._set_tab_order()
        self.baseline = self.values()
        self.loaded = True
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)
        self.summary.clear()
        self._update_title()
        self.given_names.setFocus()

    def _lock_personal_fields(self, when: datetime) -> None:
        """An anonymised member: only what statistics keep may still change."""
        local = when.replace(tzinfo=UTC).astimezone()
        self.banner.setText(
            self.tr(
                "This member was anonymized on %1: their personal data was removed for good and "
                "cannot be recorded again. Only the chapter, sectors, country, degree, status and "
                "date joined remain, for statistics."
            ).replace("%1", local.strftime("%d/%m/%Y"))
        )
        self.banner.show()
        kept = {"chapter", "status", "joined_on", "sectors", "primary_sector", "country", "degree_level"}
        for name, box in self.boxes.items():
            if name not in kept:
                box.setEnabled(False)

    def _set_tab_order(self) -> None:
        """Tab follows the fields as they are laid out, tab after tab, then Save and Cancel."""
        chain: list[QWidget] = [
            self.given_names,
            self.paternal_surname,
            self.maternal_surname,
            self.preferred_name,
            self.gender,
            self.country,
            self.state,
            self.city,
            self.email,
            self.phone,
            self.website,
            self.chapter,
            self.status,
            self.joined_on.known,
            self.joined_on.edit,
            self.sectors.list,
            self.sectors.primary,
            *self.contribution_boxes.values(),
            self.degree_level,
            self.field_of_study,
            self.institution,
            self.employer,
            self.job_title,
            self.languages,
            self.expertise,
            self.directory_consent,
            *self.print_boxes.values(),
            self.consent_date.known,
            self.consent_date.edit,
            self.consent_source,
            self.no_contact,
            self.history,
            self.notes,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _load_failed(self, exc: BaseException) -> None:
        self.summary.setText(error_message(exc))
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.cancel_button.setText(self.tr("Close"))

    def set_values(self, values: dict[str, Any]) -> None:
        for field, edit in self.texts.items():
            if field in values:
                text = values[field] or ""
                if isinstance(edit, QLineEdit):
                    edit.setText(text)
                else:
                    edit.setPlainText(text)
        for combo, field in ((self.gender, "gender"), (self.degree_level, "degree_level")):
            combo.setCurrentIndex(max(combo.findData(values.get(field)), 0))
        self.status.setCurrentIndex(
            max(self.status.findData(values.get("status") or MemberStatus.PROSPECT), 0)
        )
        self.email.setText(values.get("email") or "")
        self.phone.setText(values.get("phone") or "")
        self.website.setText(values.get("website") or "")
        self.country.blockSignals(True)
        self.country.set_code(values.get("country"))
        self.country.blockSignals(False)
        self.chapter.setCurrentIndex(max(self.chapter.findData(values.get("chapter_id")), 0))
        self.sectors.set_value(values.get("sector_ids") or [], values.get("primary_sector_id"))
        wanted = set(values.get("contribution_ids") or [])
        for contribution_id, check in self.contribution_boxes.items():
            check.setChecked(contribution_id in wanted)
        self.joined_on.set_value(values.get("joined_on"))
        self.consent_date.set_value(values.get("consent_date"))
        self.directory_consent.setChecked(bool(values.get("directory_consent")))
        printable = set(values.get("print_fields") or [])
        for item, check in self.print_boxes.items():
            check.setChecked(item in printable)
        self.no_contact.setChecked(bool(values.get("no_contact")))
        self.clear_errors()

    # -- reading the form ---------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field in the shape create_member/update_member take (raw text is theirs to check)."""
        out: dict[str, Any] = {}
        for field, edit in self.texts.items():
            out[field] = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        country_text = self.country.currentText().strip()
        out.update(
            gender=self.gender.currentData(),
            degree_level=self.degree_level.currentData(),
            status=self.status.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
            country=self.country.code() or country_text or None,
            website=self.website.text(),
            joined_on=self.joined_on.value(),
            consent_date=self.consent_date.value(),
            directory_consent=self.directory_consent.isChecked(),
            print_fields=[item for item, check in self.print_boxes.items() if check.isChecked()],
            no_contact=self.no_contact.isChecked(),
            chapter_id=self.chapter.currentData(),
            sector_ids=self.sectors.sector_ids(),
            primary_sector_id=self.sectors.primary_id(),
            contribution_ids=sorted(i for i, check in self.contribution_boxes.items() if check.isChecked()),
        )
        return out

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from what was loaded (sectors travel with their primary)."""
        current = self.values()
        changed = {k: v for k, v in current.items() if v != self.baseline.get(k)}
        if "sector_ids" in changed or "primary_sector_id" in changed:
            changed["sector_ids"] = current["sector_ids"]
            changed["primary_sector_id"] = current["primary_sector_id"]
        return changed

    def is_modified(self) -> bool:
        return self.loaded and bool(self.changed_values())

    # -- checks as the user types -------------------------------------------------------------

    def check_email(self) -> bool:
        _value, err = normalize_email(self.email.text())
        return self._show_check("email", err)

    def check_phone(self) -> bool:
        _value, err = normalize_phone(self.phone.text(), self.country.code())
        return self._show_check("phone", err)

    def check_website(self) -> bool:
        _value, err = normalize_url(self.website.text())
        return self._show_check("website", err)

    def check_country(self) -> bool:
        _value, err = normalize_country(self.country.currentText())
        if err is None:
            self.country.tidy()
        return self._show_check("country", err)

    def check_required(self, field: str) -> bool:
        edit = self.texts[field]
        text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        return self._show_check(field, None if text.strip() else error(field, "es obligatorio."))

    def _sectors_changed(self) -> None:
        self.clear_error("sectors")
        self.clear_error("primary_sector")

    def _country_changed(self) -> None:
        self.clear_error("country")
        if self.phone.text().strip():
            self.check_phone()

    def _show_check(self, field: str, err: FieldError | None) -> bool:
        self.boxes[field].set_error(err.message if err else None)
        self._mark_tabs()
        return err is None

    # -- errors at their fields ---------------------------------------------------------------

    def box_for(self, field: str) -> FieldBox | None:
        """The box showing a service error field ('primary_sector' shares the sectors box)."""
        return self.boxes.get(field)

    def field_errors(self) -> dict[str, str]:
        """The messages shown now, by field (for tests and the summary)."""
        shown: dict[str, str] = {}
        for field, box in self.boxes.items():
            if box.error_text() and box not in [self.boxes[f] for f in shown]:
                shown[field] = box.error_text()
        return shown

    def clear_error(self, field: str) -> None:
        box = self.box_for(field)
        if box is not None and box.error_text():
            box.set_error(None)
            self._mark_tabs()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error(None)
        self._mark_tabs()

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field; the first one's tab comes to the front."""
        self.clear_errors()
        unplaced: list[str] = []
        first: FieldBox | None = None
        for err in errors:
            box = self.box_for(err.field)
            if box is None:
                unplaced.append(err.message)
                continue
            box.add_error(err.message)
            first = first or box
        self._mark_tabs()
        count = len(errors)
        text = self.tr("%n field(s) need attention: see the messages in red.", "", count)
        if unplaced:
            text += "\n" + "\n".join(unplaced)
        self._show_summary(text, error=True)
        if first is not None:
            self.tabs.setCurrentIndex(self._tab_of(first))
            first.setFocus()

    def _show_summary(self, text: str, *, error: bool) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")

    def _tab_of(self, widget: QWidget) -> int:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                return index
        return -1

    def _mark_tabs(self) -> None:
        bad = {self._tab_of(box) for box in self.boxes.values() if box.error_text()}
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, icon if index in bad else QIcon())
        if not bad and self.summary.styleSheet():
            self._show_summary("", error=False)

    # -- title --------------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.member_id is None:
            self.setWindowTitle(self.tr("New member"))
            return
        name = full_name(self.given_names.text(), self.paternal_surname.text(), self.maternal_surname.text())
        self.setWindowTitle(name or self.loaded_name or self.tr("Member"))

    # -- saving -------------------------------------------------------------------------------

    def _consent_toggled(self, on: bool) -> None:
        for check in self.print_boxes.values():
            check.setEnabled(on)
        self.clear_error("directory_consent")

    def save(self) -> None:
        if not self.loaded or self.saving:
            return
        if self.member_id is None:
            op = ops_members.create(self.values())
        else:
            changed = self.changed_values()
            if not changed:
                self._saved(self.member_id)
                return
            op = ops_members.update(self.member_id, changed, self.windowTitle())
        self.saving = True
        self.save_button.setEnabled(False)
        self._show_summary(self.tr("Saving…"), error=False)
        self.ctx.perform(op, on_done=self._saved, on_failure=self._save_failed, parent=self)

    def _saved(self, member_id: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.baseline = self.values()
        self.saved.emit(int(member_id))
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, TalentDeskError):
            self._show_summary(exc.message, error=True)
        else:
            log.error("saving a member failed", exc_info=exc)
            self._show_summary(error_message(exc), error=True)

    # -- leaving ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: ask before losing changes."""
        if self.saving:
            return
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("This member has changes that are not saved. Save them?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
