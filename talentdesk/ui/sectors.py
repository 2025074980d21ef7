"""The Sectors and PNCS workspace: the nine sectors, their contact institution and people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.exports import reference_xlsx
from talentdesk.ops import sectors as ops_sectors
from talentdesk.services.record_lists import ContactRow, SectorRow, load_sectors
from talentdesk.ui.context import AppContext
from talentdesk.ui.widgets.record_area import (
    Listing,
    RecordArea,
    RecordDetails,
    RecordList,
    ask,
    button_row,
    make_table,
    push_button,
)
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel


class SectorsArea(RecordArea):
    """The nine sectors as a record list (no search: there are nine), with the selected sector's
    contact institution and contact people under it. "New" and "Delete" act on contacts."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[SectorRow](
                name="sector",
                title=self.tr("Sectors and PNCS"),
                columns=[
                    Column(self.tr("No."), lambda r: r.number, numeric=True),
                    Column(self.tr("Sector"), lambda r: r.name),
                    Column(self.tr("Contact institution"), lambda r: r.contact_institution),
                    Column(self.tr("Contacts"), lambda r: len(r.contacts), numeric=True),
                    Column(self.tr("Members"), lambda r: r.members, numeric=True),
                ],
                widths=(50, 380, 330, 90, 90),
                load=lambda session, _text: Listing(load_sectors(session)),
                sheet=reference_xlsx.SECTORS.title,
                cares=lambda changes: changes.sectors or changes.members,
                actions=frozenset({"new", "open", "delete"}),
            ),
        )
        self.setObjectName("sectors-area")
        self.select_contact_after_load: int | None = None
        self.edit_button.setText(self.tr("&Edit sector…"))
        intro = QLabel(
            self.tr(
                "The nine sectors of the National Sector Contact Points (PNCS): the institution "
                "that coordinates each one and the people to contact."
            )
        )
        intro.setWordWrap(True)
        self.toolbar.insertWidget(0, intro, 1)
        self.toolbar.setAlignment(self.export_button, Qt.AlignmentFlag.AlignTop)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 10 + 8)

        self.detail = self._build_detail()
        splitter = self.beside(self.detail, Qt.Orientation.Vertical, stretch=(0, 1))
        splitter.setChildrenCollapsible(False)
        self.lay_out(splitter)

    def _build_detail(self) -> RecordDetails:
        detail = RecordDetails(
            "sector",
            self.tr("Select a sector to see its contacts."),
            [
                ("institution", self.tr("Contact institution")),
                ("members", self.tr("Members")),
                ("notes", self.tr("Notes")),
            ],
        )
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
        self.contact_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_contact_buttons()
        )
        self.contact_add = push_button(self.tr("&Add contact…"), "contact-add", self.new_item)
        self.contact_edit = push_button(self.tr("Edit c&ontact…"), "contact-edit", self.edit_contact)
        self.contact_remove = push_button(self.tr("&Remove contact…"), "contact-remove", self.remove_contact)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.contact_table)
        box_layout.addLayout(button_row(self.contact_add, self.contact_edit, self.contact_remove))

        # The sector's values at the left, its contacts at the right.
        detail.info.addLayout(button_row(self.edit_button))
        detail.info.addStretch(1)
        detail.body.addWidget(box, 3)
        detail.page_layout.setContentsMargins(0, 0, 0, 0)
        return detail

    # -- the Area API acts on contacts ----------------------------------------------------------

    def new_item(self) -> None:
        sector = self.current_row()
        if sector is not None:
            self._open_contact(sector, None)

    def open_current(self) -> None:
        if self.contact_table.hasFocus() and self.current_contact() is not None:
            self.edit_contact()
        else:
            self.edit_current()

    def edit_current(self) -> None:
        sector = self.current_row()
        if sector is not None:
            self.open_dialog(SectorDialog(self.ctx, sector, self))

    def delete_selected(self) -> None:
        self.remove_contact()

    # -- details and contacts -----------------------------------------------------------------

    def current_contact(self) -> ContactRow | None:
        rows = self.contact_table.selectionModel().selectedRows()
        contact: ContactRow | None = self.contact_model.row(rows[0].row()) if rows else None
        return contact

    def show_detail(self, sector: SectorRow | None) -> None:
        if sector is None:
            self.detail.show_nothing()
            self.contact_model.set_rows([])
            self._update_contact_buttons()
            return
        self.detail.show_record(
            sector.title,
            {
                "institution": sector.contact_institution or "",
                "members": self.tr("%n member(s)", "", sector.members),
                "notes": sector.notes or "",
            },
        )
        previous = self.current_contact()
        keep = self.select_contact_after_load or (previous.id if previous else None)
        self.select_contact_after_load = None
        self.contact_model.set_rows(sector.contacts)
        if (index := self.contact_model.row_of(keep)) is not None:
            self.contact_table.selectRow(index)
        self._update_contact_buttons()

    def row_buttons(self) -> list[QPushButton]:
        return [self.edit_button, self.contact_add]

    def _update_contact_buttons(self) -> None:
        has_contact = self.current_row() is not None and self.current_contact() is not None
        self.contact_edit.setEnabled(has_contact)
        self.contact_remove.setEnabled(has_contact)

    def edit_contact(self) -> None:
        sector, contact = self.current_row(), self.current_contact()
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
        sector, contact = self.current_row(), self.current_contact()
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
