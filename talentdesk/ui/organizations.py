"""The organisations workspace: Mexican counterparts, searched as you type, and their form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QWidget,
)

from talentdesk.core.enums import OrganizationKind
from talentdesk.exports import reference_xlsx
from talentdesk.ops import organizations as ops_orgs
from talentdesk.services.history import organization_history
from talentdesk.services.record_lists import OrganizationData, OrganizationRow, load_organizations
from talentdesk.ui.context import AppContext
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordList
from talentdesk.ui.widgets.buttons import button_row
from talentdesk.ui.widgets.choosers import CheckList, EnumCombo, text_box, text_line
from talentdesk.ui.widgets.history import add_history_tab
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column

MEXICAN_STATES = (
    "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas",
    "Chihuahua", "Ciudad de México", "Coahuila", "Colima", "Durango", "Estado de México",
    "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán", "Morelos", "Nayarit",
    "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí",
    "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas",
)  # fmt: skip


class OrganizationsArea(RecordArea):
    """The organisations as a record list searched by the loader as the person types (there may
    be many), narrowed by kind."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(
            ctx,
            RecordList[OrganizationRow](
                name="organization",
                title=self.tr("Organizations"),
                columns=[
                    Column(self.tr("Organization"), lambda r: r.name),
                    Column(self.tr("Kind"), lambda r: r.kind.label),
                    Column(self.tr("State"), lambda r: r.state),
                    Column(self.tr("City"), lambda r: r.city),
                    Column(self.tr("Contact"), lambda r: r.contact_name),
                    Column(self.tr("E-mail"), lambda r: r.contact_email),
                    Column(
                        self.tr("Sectors"),
                        lambda r: ", ".join(str(n) for n in r.sector_numbers),
                        sort_key=lambda r: r.sector_numbers or (99,),
                    ),
                ],
                widths=(230, 140, 120, 130, 150, 170),
                load=lambda session, asked: _listing(load_organizations(session, *asked)),
                search_in_load=True,
                search_placeholder=self.tr("Search by name, city, state or contact…"),
                count=lambda n: (
                    self.tr("%n organization(s)", "", n),
                    self.tr("%1 of %n organization(s)", "", n),
                ),
                new_text=self.tr("&New organization…"),
                form=lambda row: OrganizationDialog(self.ctx, self.choices, row, self),
                delete=Deletion(
                    self.tr("Delete organization"),
                    lambda row: self.tr("Delete the organization “%1”? You can undo it with Ctrl+Z.").replace(
                        "%1", row.name
                    ),
                    lambda row: ops_orgs.delete(row.id, row.name),
                ),
                sheet=reference_xlsx.ORGANIZATIONS.title,
                cares=lambda changes: changes.organizations or changes.sectors,
                select_first=False,
            ),
        )
        self.setObjectName("organizations-area")
        self.kind = QComboBox()
        self.kind.setObjectName("organization-kind-filter")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in OrganizationKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.insertWidget(1, self.kind)
        assert self.delete_button is not None
        self.lay_out(self.table, button_row(self.edit_button, self.delete_button))

    def criteria(self) -> tuple[str, OrganizationKind | None]:
        """The search and the kind chosen."""
        code = self.kind.currentData()
        return super().criteria(), OrganizationKind(code) if code else None


def _listing(data: OrganizationData) -> Listing[OrganizationRow]:
    return Listing(data.rows, total=data.total, choices=data.sectors)


class OrganizationDialog(RecordDialog):
    """Create (``row`` is None) or edit an organisation."""

    def __init__(
        self,
        ctx: AppContext,
        sectors: Sequence[tuple[int, str]],
        row: OrganizationRow | None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("New organization")
            if row is None
            else self.tr("Organization “%1”").replace("%1", row.name)
        )
        super().__init__(ctx, title, "organization-dialog", parent)
        self.row = row
        self.name = text_line(row.name if row else "")
        self.kind = EnumCombo(OrganizationKind)
        self.kind.set_value(row.kind if row else OrganizationKind.UNIVERSITY)
        state = text_line(row.state if row else None)
        completer = QCompleter(list(MEXICAN_STATES), state)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        state.setCompleter(completer)
        sectors_list = CheckList(sectors)
        sectors_list.set_checked(row.sector_ids if row else ())
        example_email, example_phone = self.tr("name@example.org"), self.tr("+52 55 1234 5678")
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("state", self.tr("S&tate"), state)
        self.add_field("city", self.tr("&City"), text_line(row.city if row else None))
        self.add_field(
            "contact_name", self.tr("Contact &person"), text_line(row.contact_name if row else None)
        )
        email = text_line(row.contact_email if row else None, example_email)
        self.add_field("contact_email", self.tr("Contact &e-mail"), email)
        phone = text_line(row.contact_phone if row else None, example_phone)
        self.add_field("contact_phone", self.tr("Contact p&hone"), phone)
        self.add_field("sectors", self.tr("Sec&tors"), sectors_list, key="sector_ids")
        self.add_field("notes", self.tr("N&otes"), text_box(row.notes if row else None))
        self.setMinimumWidth(540)
        self.name.setFocus()
        # what it took part in, across years (services.history)
        self.history = add_history_tab(self, "organization-history", row.id if row else None, organization_history)

    def submit(self) -> None:
        values = self.field_values()
        self.run(ops_orgs.create(values) if self.row is None else ops_orgs.update(self.row.id, values))
