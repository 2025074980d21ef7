"""The Sectors and PNCS workspace: the nine sectors, their contact institution and people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.exports import reference_xlsx
from talentdesk.ops import sectors as ops_sectors
from talentdesk.services.record_lists import ContactRow, SectorRow, load_sectors
from talentdesk.ui.context import AppContext
from talentdesk.ui.record_area import Listing, RecordArea, RecordDetails, RecordList, RecordParts
from talentdesk.ui.widgets.buttons import ask, button_row, push_button
from talentdesk.ui.widgets.choosers import text_box, text_line
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column


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
        self.contacts = RecordParts(
            [
                Column(self.tr("Name"), lambda c: c.name),
                Column(self.tr("Role"), lambda c: c.role),
                Column(self.tr("E-mail"), lambda c: c.email),
                Column(self.tr("Phone"), lambda c: c.phone),
            ],
            "contact-table",
            self,
            self._update_contact_buttons,
        )
        self.contacts.resize_modes(stretch=(0, 2))
        self.contacts.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.contact_add = push_button(self.tr("&Add contact…"), "contact-add", self.new_item)
        self.contact_edit = push_button(self.tr("Edit c&ontact…"), "contact-edit", self.edit_contact)
        self.contact_remove = push_button(self.tr("&Remove contact…"), "contact-remove", self.remove_contact)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.contacts.table)
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
        if self.contacts.table.hasFocus() and self.contacts.current() is not None:
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

    def show_detail(self, sector: SectorRow | None) -> None:
        if sector is None:
            self.detail.show_nothing()
            self.contacts.show([])
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
        self.contacts.show(sector.contacts, keep=self.select_contact_after_load)
        self.select_contact_after_load = None
        self._update_contact_buttons()

    def row_buttons(self) -> list[QPushButton]:
        return [self.edit_button, self.contact_add]

    def _update_contact_buttons(self) -> None:
        has_contact = self.current_row() is not None and self.contacts.current() is not None
        self.contact_edit.setEnabled(has_contact)
        self.contact_remove.setEnabled(has_contact)

    def edit_contact(self) -> None:
        sector, contact = self.current_row(), self.contacts.current()
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
        sector, contact = self.current_row(), self.contacts.current()
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
        self.institution = text_line(sector.contact_institution)
        self.add_field("contact_institution", self.tr("Contact &institution"), self.institution)
        self.add_field("notes", self.tr("N&otes"), text_box(sector.notes, lines=5))
        self.setMinimumWidth(520)
        self.institution.setFocus()

    def submit(self) -> None:
        self.run(ops_sectors.update(self.sector.id, self.field_values()))


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
        self.name = text_line(contact.name if contact else "")
        role = text_line(contact.role if contact else None, self.tr("e.g. PNCS head, liaison"))
        email = text_line(contact.email if contact else None, self.tr("name@example.org"))
        phone = text_line(contact.phone if contact else None, self.tr("+52 55 1234 5678"))
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("role", self.tr("&Role"), role)
        self.add_field("email", self.tr("&E-mail"), email)
        self.add_field("phone", self.tr("&Phone"), phone)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        if self.contact is None:
            self.run(ops_sectors.add_contact(self.sector.id, values))
        else:
            self.run(ops_sectors.update_contact(self.contact.id, values))
