"""The tabs of the member form (Personal data, Contact, Network, Education and work, Notes; the
Privacy tab has a module of its own): each builds its fields into the form's boxes, checks what
can be checked as the person leaves a field, and reads and sets its fields in the shape the member
services take."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import DegreeLevel, Gender, MemberStatus
from talentdesk.core.validation import (
    error,
    normalize_country,
    normalize_email,
    normalize_phone,
    normalize_url,
)
from talentdesk.services.members import REQUIRED
from talentdesk.ui.members.form_data import FormData, max_length
from talentdesk.ui.widgets.choosers import CheckList, CountryCombo, DateField, EnumCombo
from talentdesk.ui.widgets.record_dialog import FormDialog


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Labels right-aligned at the top of their field, fields as wide as the tab."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(8)
    return form


def add_section(form: QFormLayout, title: str) -> None:
    """A bold heading across a form: sections keep one label column for the whole tab."""
    heading = QLabel(title)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    if form.rowCount():
        heading.setContentsMargins(0, 10, 0, 0)
    form.addRow(heading)


class MemberPage(QWidget):
    """One tab of the member form. Its text fields are kept by service field name, so reading
    and setting them needs no code per field."""

    # Whether the tab scrolls rather than squeezing its fields when the window is small.
    scrolls = True

    def __init__(self, form: FormDialog) -> None:
        super().__init__()
        self.form = form
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.enums: dict[str, EnumCombo] = {}
        self.order: list[QWidget] = []  # the inputs as laid out: the order Tab visits them

    def tab(self) -> QWidget:
        """What the tab widget shows: the page, in a scroll area when it scrolls."""
        if not self.scrolls:
            return self
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self)
        return scroll

    def line(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        if max_length(field):
            edit.setMaxLength(max_length(field))
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.texts[field] = edit
        return edit

    def text_area(self, field: str, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        self.texts[field] = edit
        return edit

    def enum(self, field: str, combo: EnumCombo) -> EnumCombo:
        self.enums[field] = combo
        return combo

    def row(self, form: QFormLayout, label: str, field: str, editor: QWidget, hint: str = "") -> None:
        form.addRow(label, self.form.field_box(field, editor, hint))
        self.order.append(editor)

    # -- values -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        texts = {
            field: edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
            for field, edit in self.texts.items()
        }
        return texts | {field: combo.value() for field, combo in self.enums.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for field, edit in self.texts.items():
            text = values.get(field) or ""
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            else:
                edit.setPlainText(text)
        for field, combo in self.enums.items():
            combo.set_value(values.get(field))

    def chain(self) -> list[QWidget]:
        """The tab's inputs in the order Tab visits them."""
        return list(self.order)

    def set_choices(self, data: FormData) -> None:
        """The reference lists arrived (chapters, sectors, contributions)."""


class PersonalPage(MemberPage):
    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        layout = form_layout(self)
        self.given_names = self.line("given_names")
        self.paternal_surname = self.line("paternal_surname")
        self.maternal_surname = self.line("maternal_surname")
        self.preferred_name = self.line("preferred_name", self.tr("How the member likes to be called"))
        self.gender = self.enum("gender", EnumCombo(Gender, blank=self.tr("(not stated)")))
        self.row(layout, self.tr("&Given names *"), "given_names", self.given_names)
        self.row(layout, self.tr("&Paternal surname *"), "paternal_surname", self.paternal_surname)
        self.row(layout, self.tr("&Maternal surname"), "maternal_surname", self.maternal_surname)
        self.row(layout, self.tr("P&referred name"), "preferred_name", self.preferred_name)
        self.row(layout, self.tr("Gen&der"), "gender", self.gender)
        note = QLabel(self.tr("Fields marked * are required."))
        note.setEnabled(False)
        layout.addRow("", note)
        for field in REQUIRED:
            edit = self.texts[field]
            assert isinstance(edit, QLineEdit)
            edit.editingFinished.connect(lambda f=field: self.check_required(f))

    def check_required(self, field: str) -> bool:
        text = self.values()[field]
        return self.form.show_check(field, None if text.strip() else error(field, "es obligatorio."))


class ContactPage(MemberPage):
    """Where the member lives and how to reach them; e-mail, phone, web address and country are
    checked as the person leaves them, with the rules the service applies."""

    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        layout = form_layout(self)
        add_section(layout, self.tr("Where the member lives"))
        self.country = CountryCombo()
        self.state = self.line("state")
        self.city = self.line("city")
        self.row(layout, self.tr("&Country"), "country", self.country)
        self.row(layout, self.tr("&State / region"), "state", self.state)
        self.row(layout, self.tr("C&ity"), "city", self.city)

        add_section(layout, self.tr("How to reach the member"))
        self.email = self.line("email", self.tr("name@example.com"))
        self.phone = self.line("phone", self.tr("+52 55 1234 5678"))
        self.website = self.line("website", self.tr("https://www.linkedin.com/in/…"))
        self.row(layout, self.tr("&E-mail"), "email", self.email)
        hint = self.tr("With the international prefix, or a national number of the country above.")
        self.row(layout, self.tr("P&hone"), "phone", self.phone, hint)
        self.row(layout, self.tr("&Website / LinkedIn"), "website", self.website)

        self.email.editingFinished.connect(self.check_email)
        self.phone.editingFinished.connect(self.check_phone)
        self.website.editingFinished.connect(self.check_website)
        self.country.left.connect(self.check_country)
        self.country.currentIndexChanged.connect(lambda _i: self._country_changed())

    def check_email(self) -> bool:
        return self.form.show_check("email", normalize_email(self.email.text())[1])

    def check_phone(self) -> bool:
        return self.form.show_check("phone", normalize_phone(self.phone.text(), self.country.code())[1])

    def check_website(self) -> bool:
        return self.form.show_check("website", normalize_url(self.website.text())[1])

    def check_country(self) -> bool:
        return self.form.show_check("country", normalize_country(self.country.currentText())[1])

    def _country_changed(self) -> None:
        """A phone number typed earlier is read again for the new country."""
        self.form.clear_error("country")
        if self.phone.text().strip():
            self.check_phone()

    def values(self) -> dict[str, Any]:
        return {**super().values(), "country": self.country.value()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        super().set_values(values)
        self.country.blockSignals(True)
        self.country.set_code(values.get("country"))
        self.country.blockSignals(False)


class SectorPicker(QWidget):
    """The nine sectors to tick, and which of the ticked ones is the primary."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sector-picker")
        self.list = CheckList()
        self.list.setObjectName("field-sectors")
        self.primary = QComboBox()
        self.primary.setObjectName("field-primary_sector")
        # Neither the list nor the combo asks for its longest name: beside the contributions
        # the tab must fit the form's width (long names elide; the tooltip has them whole).
        self.primary.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.primary.setMinimumContentsLength(16)
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
        self.primary.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self._fill_primary(None)

    def set_sectors(self, sectors: list[tuple[int, str]]) -> None:
        self.names = dict(sectors)
        self.list.set_items(sectors)
        self.list.setMinimumWidth(self.list.fontMetrics().averageCharWidth() * 24)
        for row in range(self.list.count()):
            self.list.item(row).setToolTip(self.list.item(row).text())
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
        self.edited.emit()

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


class NetworkPage(MemberPage):
    """Chapter, status, date joined, sectors and the contributions the member offers."""

    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        grid = QGridLayout(self)
        left = QVBoxLayout()
        top = form_layout()
        self.chapter = QComboBox()
        self.chapter.addItem(self.tr("(no chapter)"), None)
        self.status = EnumCombo(MemberStatus)
        self.joined_on = DateField(not_future=True)
        self.row(top, self.tr("C&hapter"), "chapter", self.chapter)
        self.row(top, self.tr("S&tatus"), "status", self.status)
        self.row(top, self.tr("&Joined on"), "joined_on", self.joined_on)
        left.addLayout(top)
        self.joined_on.editingFinished.connect(
            lambda: self.form.show_check("joined_on", self.joined_on.check("joined_on"))
        )

        sectors = QGroupBox(self.tr("Sectors"))
        self.sectors = SectorPicker()
        QVBoxLayout(sectors).addWidget(
            self.form.field_box("sectors", self.sectors, aliases=("primary_sector", "sector_ids"))
        )
        self.sectors.edited.connect(lambda: self.form.clear_error("primary_sector"))
        left.addWidget(sectors)
        left.addStretch(1)
        grid.addLayout(left, 0, 0)

        self.contribution_boxes: dict[int, QCheckBox] = {}
        self.contributions_group = QGroupBox(self.tr("Contributions offered"))
        self.contributions_group.setObjectName("field-contributions")
        self.contributions_layout = QVBoxLayout()
        self.contributions_layout.setContentsMargins(0, 0, 0, 0)
        self.contributions_layout.setSpacing(6)
        holder = QWidget()
        holder.setObjectName("contribution-boxes")
        holder.setLayout(self.contributions_layout)
        column = QVBoxLayout(self.contributions_group)
        column.addWidget(self.form.field_box("contributions", holder, aliases=("contribution_ids",)))
        column.addStretch(1)
        grid.addWidget(self.contributions_group, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)

    def set_choices(self, data: FormData) -> None:
        self.chapter.blockSignals(True)
        for chapter_id, name in data.chapters:
            self.chapter.addItem(name, chapter_id)
        self.chapter.blockSignals(False)
        self.sectors.set_sectors(data.sectors)
        for contribution_id, code, name in data.contributions:
            check = QCheckBox(name)
            check.setObjectName(f"field-contribution-{code}")
            check.toggled.connect(lambda _on: self.form.edited("contributions"))
            self.contribution_boxes[contribution_id] = check
            self.contributions_layout.addWidget(check)

    def values(self) -> dict[str, Any]:
        return {
            "status": self.status.value(),
            "joined_on": self.joined_on.value(),
            "chapter_id": self.chapter.currentData(),
            "sector_ids": self.sectors.sector_ids(),
            "primary_sector_id": self.sectors.primary_id(),
            "contribution_ids": sorted(
                i for i, check in self.contribution_boxes.items() if check.isChecked()
            ),
        }

    def set_values(self, values: Mapping[str, Any]) -> None:
        self.status.set_value(values.get("status") or MemberStatus.PROSPECT)
        self.joined_on.set_date(values.get("joined_on"))
        self.chapter.setCurrentIndex(max(self.chapter.findData(values.get("chapter_id")), 0))
        self.sectors.set_value(values.get("sector_ids") or [], values.get("primary_sector_id"))
        wanted = set(values.get("contribution_ids") or [])
        for contribution_id, check in self.contribution_boxes.items():
            check.setChecked(contribution_id in wanted)

    def chain(self) -> list[QWidget]:
        return [*super().chain(), self.sectors.list, self.sectors.primary, *self.contribution_boxes.values()]


class WorkPage(MemberPage):
    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        layout = form_layout(self)
        self.degree_level = self.enum("degree_level", EnumCombo(DegreeLevel, blank=self.tr("(not stated)")))
        self.field_of_study = self.line("field_of_study")
        self.institution = self.line("institution", self.tr("Where the member studied"))
        self.employer = self.line("employer")
        self.job_title = self.line("job_title")
        self.languages = self.line("languages", self.tr("e.g. español, inglés, alemán"))
        self.expertise = self.text_area("expertise", self.tr("Expertise and keywords people search by"))
        self.expertise.setMinimumHeight(110)
        self.row(layout, self.tr("&Degree level"), "degree_level", self.degree_level)
        self.row(layout, self.tr("&Field of study"), "field_of_study", self.field_of_study)
        self.row(layout, self.tr("&Institution"), "institution", self.institution)
        self.row(layout, self.tr("&Employer"), "employer", self.employer)
        self.row(layout, self.tr("&Job title"), "job_title", self.job_title)
        self.row(layout, self.tr("&Languages"), "languages", self.languages)
        self.row(layout, self.tr("E&xpertise / keywords"), "expertise", self.expertise)


class NotesPage(MemberPage):
    scrolls = False  # the text area scrolls itself

    def __init__(self, form: FormDialog) -> None:
        super().__init__(form)
        layout = QVBoxLayout(self)
        self.notes = self.text_area("notes", self.tr("Anything the team should know about this member"))
        layout.addWidget(self.form.field_box("notes", self.notes))
        self.order.append(self.notes)
