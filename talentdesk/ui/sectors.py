"""The Sectors and PNCS workspace: the nine sectors, their contact institution and people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from talentdesk.exports import reference_xlsx
from talentdesk.ops import sectors as ops_sectors
from talentdesk.services.record_lists import ContactRow, SectorRow, load_sectors
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.widgets.record_area import RecordArea, ask, make_table
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel


class SectorsArea(RecordArea):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("sectors-area")
        self.select_contact_after_load: int | None = None

        intro = QLabel(
            self.tr(
                "The nine sectors of the National Sector Contact Points (PNCS): the institution "
                "that coordinates each one and the people to contact."
            )
        )
        intro.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column(self.tr("No."), lambda r: r.number, numeric=True),
                Column(self.tr("Sector"), lambda r: r.name),
                Column(self.tr("Contact institution"), lambda r: r.contact_institution),
                Column(self.tr("Contacts"), lambda r: len(r.contacts), numeric=True),
                Column(self.tr("Members"), lambda r: r.members, numeric=True),
            ],
            self,
        )
        self.table = make_table(self.model, "sector-table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((50, 380, 330, 90, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 10 + 8)
        self.table.doubleClicked.connect(lambda _i: self.edit_sector())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("sectors-splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.export_button = self.add_table_export(self.table, "sector")
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    def _build_detail(self) -> QStackedWidget:
        stack = QStackedWidget()
        stack.setObjectName("sector-detail")
        empty = QLabel(self.tr("Select a sector to see its contacts."))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        stack.addWidget(empty)

        page = QWidget()
        self.d_title = QLabel()
        self.d_title.setObjectName("sector-title")
        font = self.d_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.d_title.setFont(font)
        self.d_title.setWordWrap(True)
        self.d_institution = QLabel()
        self.d_institution.setObjectName("sector-institution")
        self.d_members = QLabel()
        self.d_members.setObjectName("sector-members")
        self.d_notes = QLabel()
        self.d_notes.setObjectName("sector-notes")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for text, label in (
            (self.tr("Contact institution"), self.d_institution),
            (self.tr("Members"), self.d_members),
            (self.tr("Notes"), self.d_notes),
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, label)
        self.edit_button = QPushButton(self.tr("&Edit sector…"))
        self.edit_button.setObjectName("sector-edit")
        self.edit_button.clicked.connect(self.edit_sector)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)

        box = QGroupBox(self.tr("Contact people"))
        self.contact_model = RecordTableModel(
            [
                Column(self.tr("Name"), lambda c: c.name),
                Column(self.tr("Role"), lambda c: c.role),
                Column(self.tr("E-mail"), lambda c: c.email),
                Column(self.tr("Phone"), lambda c: c.phone),
            ],
            self,
        )
        self.contact_table = make_table(self.contact_model, "contact-table", sortable=False)
        contact_header = self.contact_table.horizontalHeader()
        contact_header.setStretchLastSection(False)
        for column in range(4):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in (0, 2)
                else QHeaderView.ResizeMode.ResizeToContents
            )
            contact_header.setSectionResizeMode(column, mode)
        self.contact_table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.contact_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.contact_add = QPushButton(self.tr("&Add contact…"))
        self.contact_add.setObjectName("contact-add")
        self.contact_add.clicked.connect(self.new_item)
        self.contact_edit = QPushButton(self.tr("Edit c&ontact…"))
        self.contact_edit.setObjectName("contact-edit")
        self.contact_edit.clicked.connect(self.edit_contact)
        self.contact_remove = QPushButton(self.tr("&Remove contact…"))
        self.contact_remove.setObjectName("contact-remove")
        self.contact_remove.clicked.connect(self.remove_contact)
        buttons = QHBoxLayout()
        for button in (self.contact_add, self.contact_edit, self.contact_remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.contact_table)
        box_layout.addLayout(buttons)

        info = QVBoxLayout()
        info.addWidget(self.d_title)
        info.addLayout(form)
        info.addLayout(edit_row)
        info.addStretch(1)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(info, 2)
        row.addWidget(box, 3)
        stack.addWidget(page)
        return stack

    # -- Area API -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Sectors and PNCS")

    def supports(self, action: str) -> bool:
        return action in ("new", "open", "delete")

    def table_export(self) -> tuple[QTableView, str, int]:
        return self.table, reference_xlsx.SECTORS.title, -1  # the nine sectors, no filter

    def new_item(self) -> None:
        sector = self.current_sector()
        if sector is not None:
            self._open_contact(sector, None)

    def open_current(self) -> None:
        if self.contact_table.hasFocus() and self.current_contact() is not None:
            self.edit_contact()
        else:
            self.edit_sector()

    def delete_selected(self) -> None:
        self.remove_contact()

    def on_changes(self, changes: Changes) -> None:
        if changes.sectors or changes.members:
            self.refresh()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        self.ctx.read(lambda session, _task: load_sectors(session), self._loaded, owner=self)

    def _loaded(self, rows: list[SectorRow]) -> None:
        self.loading = False
        current = self.current_sector()
        self.model.set_rows(rows)
        row = self.model.row_of(current.id if current else None)
        self.table.selectRow(row if row is not None else 0)

    # -- selection and details ----------------------------------------------------------------

    def current_sector(self) -> SectorRow | None:
        rows = self.table.selectionModel().selectedRows()
        sector: SectorRow | None = self.model.row(rows[0].row()) if rows else None
        return sector

    def current_contact(self) -> ContactRow | None:
        rows = self.contact_table.selectionModel().selectedRows()
        contact: ContactRow | None = self.contact_model.row(rows[0].row()) if rows else None
        return contact

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.current_sector())

    def _show_detail(self, sector: SectorRow | None) -> None:
        if sector is None:
            self.detail.setCurrentIndex(0)
            self.contact_model.set_rows([])
            self._update_buttons()
            return
        self.detail.setCurrentIndex(1)
        self.d_title.setText(sector.title)
        self.d_institution.setText(sector.contact_institution or "—")
        self.d_members.setText(self.tr("%n member(s)", "", sector.members))
        self.d_notes.setText(sector.notes or "—")
        previous = self.current_contact()
        keep = self.select_contact_after_load or (previous.id if previous else None)
        self.select_contact_after_load = None
        self.contact_model.set_rows(sector.contacts)
        if (index := self.contact_model.row_of(keep)) is not None:
            self.contact_table.selectRow(index)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_sector = self.current_sector() is not None
        has_contact = has_sector and self.current_contact() is not None
        self.edit_button.setEnabled(has_sector)
        self.contact_add.setEnabled(has_sector)
        self.contact_edit.setEnabled(has_contact)
        self.contact_remove.setEnabled(has_contact)

    # -- actions ------------------------------------------------------------------------------

    def edit_sector(self) -> None:
        sector = self.current_sector()
        if sector is not None:
            self.open_dialog(SectorDialog(self.ctx, sector, self))

    def edit_contact(self) -> None:
        sector, contact = self.current_sector(), self.current_contact()
        if sector is not None and contact is not None:
            self._open_contact(sector, contact)

    def _open_contact(self, sector: SectorRow, contact: ContactRow | None) -> None:
        dialog = ContactDialog(self.ctx, sector, contact, self)
        dialog.saved.connect(self._contact_saved)
        self.open_dialog(dialog)

    def _contact_saved(self, contact_id: Any) -> None:
        if isinstance(contact_id, int):
            self.select_contact_after_load = contact_id

    def remove_contact(self) -> None:
        sector, contact = self.current_sector(), self.current_contact()
        if sector is None or contact is None:
            return
        text = (
            self.tr("Remove %1 from the contacts of “%2”? You can undo it with Ctrl+Z.")
            .replace("%1", contact.name)
            .replace("%2", sector.name)
        )
        if not ask(self, self.tr("Remove contact"), text):
            return
        self.ctx.perform(ops_sectors.remove_contact(contact.id), parent=self)


# -- forms --------------------------------------------------------------------------------------


class SectorDialog(RecordDialog):
    """The contact institution and notes of a sector (its name and number are fixed)."""

    def __init__(self, ctx: AppContext, sector: SectorRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Sector %1").replace("%1", sector.title), "sector-dialog", parent)
        self.sector = sector
        self.institution = QLineEdit(sector.contact_institution or "")
        self.notes = QPlainTextEdit(sector.notes or "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 5 + 12)
        self.add_field("contact_institution", self.tr("Contact &institution"), self.institution)
        self.add_field("notes", self.tr("N&otes"), self.notes)
        self.setMinimumWidth(520)
        self.institution.setFocus()

    def submit(self) -> None:
        sector_id = self.sector.id
        values = {"contact_institution": self.institution.text(), "notes": self.notes.toPlainText()}
        self.run(ops_sectors.update(sector_id, values))


class ContactDialog(RecordDialog):
    """Add (``contact`` is None) or edit a contact person of a sector."""

    def __init__(
        self, ctx: AppContext, sector: SectorRow, contact: ContactRow | None, parent: QWidget | None = None
    ) -> None:
        title = (
            self.tr("New contact — %1").replace("%1", sector.name)
            if contact is None
            else self.tr("Contact “%1”").replace("%1", contact.name)
        )
        super().__init__(ctx, title, "contact-dialog", parent)
        self.sector, self.contact = sector, contact
        self.name = QLineEdit(contact.name if contact else "")
        self.role = QLineEdit(contact.role or "" if contact else "")
        self.role.setPlaceholderText(self.tr("e.g. PNCS head, liaison"))
        self.email = QLineEdit(contact.email or "" if contact else "")
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.phone = QLineEdit(contact.phone or "" if contact else "")
        self.phone.setPlaceholderText(self.tr("+52 55 1234 5678"))
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("role", self.tr("&Role"), self.role)
        self.add_field("email", self.tr("&E-mail"), self.email)
        self.add_field("phone", self.tr("&Phone"), self.phone)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def submit(self) -> None:
        values = {
            "name": self.name.text(),
            "role": self.role.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
        }
        if self.contact is None:
            self.run(ops_sectors.add_contact(self.sector.id, values))
        else:
            self.run(ops_sectors.update_contact(self.contact.id, values))
