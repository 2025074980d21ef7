"""The organisations workspace: Mexican counterparts, searched as you type, and their form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.core.enums import OrganizationKind
from talentdesk.exports import reference_xlsx
from talentdesk.ops import organizations as ops_orgs
from talentdesk.services.record_lists import OrganizationData, OrganizationRow, load_organizations
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.tasks import Task
from talentdesk.ui.widgets.choosers import CheckList, EnumCombo
from talentdesk.ui.widgets.record_area import RecordArea, ask, make_table
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel

DEBOUNCE_MS = 150

MEXICAN_STATES = (
    "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas",
    "Chihuahua", "Ciudad de México", "Coahuila", "Colima", "Durango", "Estado de México",
    "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán", "Morelos", "Nayarit",
    "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí",
    "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas",
)  # fmt: skip


class _SearchBox(QLineEdit):
    """Escape clears; Down moves into the results."""

    def __init__(self, area: OrganizationsArea) -> None:
        super().__init__()
        self.area = area

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        elif event.key() == Qt.Key.Key_Down:
            self.area.focus_table()
        else:
            super().keyPressEvent(event)


class OrganizationsArea(RecordArea):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("organizations-area")
        self.generation = 0
        self.total = 0  # organisations in the database, whatever the search
        self.sectors: list[tuple[int, str]] = []
        self.select_after_load: int | None = None

        self.search = _SearchBox(self)
        self.search.setObjectName("organization-search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, city, state or contact…"))
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.kind = QComboBox()
        self.kind.setObjectName("organization-kind-filter")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in OrganizationKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("&New organization…"))
        self.new_button.setObjectName("organization-new")
        self.new_button.clicked.connect(self.new_item)
        self.count_label = QLabel()
        self.count_label.setObjectName("organization-count")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.new_button)

        self.model = RecordTableModel(
            [
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
            self,
        )
        self.table = make_table(self.model, "organization-table")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        for column, width in enumerate((230, 140, 120, 130, 150, 170)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.export_button = self.add_table_export(self.table, "organization")
        top.addWidget(self.export_button)
        top.addWidget(self.count_label)

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("organization-edit")
        self.edit_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("organization-delete")
        self.delete_button.clicked.connect(self.delete_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    # -- Area API -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Organizations")

    def supports(self, action: str) -> bool:
        return action in ("search", "new", "open", "delete")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def table_export(self) -> tuple[QTableView, str, int]:
        return self.table, reference_xlsx.ORGANIZATIONS.title, self.total

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.current_row() is None and self.model.rowCount():
            self.table.selectRow(0)

    def new_item(self) -> None:
        self._open_form(None)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._open_form(row)

    def on_changes(self, changes: Changes) -> None:
        if changes.organizations or changes.sectors:
            self.refresh()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.debounce.stop()
        self.loaded, self.stale = True, False
        self.generation += 1
        generation = self.generation
        code = self.kind.currentData()
        text, kind = self.search.text(), OrganizationKind(code) if code else None
        self.loading = True

        def query(session: Session, _task: Task) -> OrganizationData:
            return load_organizations(session, text, kind)

        def done(data: OrganizationData) -> None:
            if generation == self.generation:
                self._loaded(data)

        self.ctx.read(query, done, owner=self)

    def _loaded(self, data: OrganizationData) -> None:
        self.loading = False
        self.sectors, self.total = data.sectors, data.total
        keep = self.select_after_load
        self.select_after_load = None
        if keep is None and (current := self.current_row()) is not None:
            keep = current.id
        self.model.set_rows(data.rows)
        shown = len(data.rows)
        if shown == data.total:
            self.count_label.setText(self.tr("%n organization(s)", "", data.total))
        else:
            self.count_label.setText(
                self.tr("%1 of %n organization(s)", "", data.total).replace("%1", str(shown))
            )
        row = self.model.row_of(keep)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    # -- selection ----------------------------------------------------------------------------

    def current_row(self) -> OrganizationRow | None:
        rows = self.table.selectionModel().selectedRows()
        row: OrganizationRow | None = self.model.row(rows[0].row()) if rows else None
        return row

    def _update_buttons(self) -> None:
        selected = self.current_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- writing ------------------------------------------------------------------------------

    def _open_form(self, row: OrganizationRow | None) -> None:
        dialog = OrganizationDialog(self.ctx, self.sectors, row, self)
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)

    def _saved(self, org_id: Any) -> None:
        if isinstance(org_id, int):
            self.select_after_load = org_id

    def delete_selected(self) -> None:
        row = self.current_row()
        if row is None:
            return
        text = self.tr("Delete the organization “%1”? You can undo it with Ctrl+Z.").replace("%1", row.name)
        if not ask(self, self.tr("Delete organization"), text):
            return
        self.ctx.perform(ops_orgs.delete(row.id, row.name), parent=self)


class OrganizationDialog(RecordDialog):
    """Create (``row`` is None) or edit an organisation."""

    def __init__(
        self,
        ctx: AppContext,
        sectors: list[tuple[int, str]],
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
        self.name = QLineEdit(row.name if row else "")
        self.kind = EnumCombo(OrganizationKind)
        self.kind.set_value(row.kind if row else OrganizationKind.UNIVERSITY)
        self.state = QLineEdit(row.state or "" if row else "")
        completer = QCompleter(list(MEXICAN_STATES), self.state)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.state.setCompleter(completer)
        self.city = QLineEdit(row.city or "" if row else "")
        self.contact_name = QLineEdit(row.contact_name or "" if row else "")
        self.contact_email = QLineEdit(row.contact_email or "" if row else "")
        self.contact_email.setPlaceholderText(self.tr("name@example.org"))
        self.contact_phone = QLineEdit(row.contact_phone or "" if row else "")
        self.contact_phone.setPlaceholderText(self.tr("+52 55 1234 5678"))
        self.sectors = CheckList(sectors)
        self.sectors.set_checked(row.sector_ids if row else ())
        self.notes = QPlainTextEdit(row.notes or "" if row else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("state", self.tr("S&tate"), self.state)
        self.add_field("city", self.tr("&City"), self.city)
        self.add_field("contact_name", self.tr("Contact &person"), self.contact_name)
        self.add_field("contact_email", self.tr("Contact &e-mail"), self.contact_email)
        self.add_field("contact_phone", self.tr("Contact p&hone"), self.contact_phone)
        self.add_field("sectors", self.tr("Sec&tors"), self.sectors, aliases=("sector_ids",))
        self.add_field("notes", self.tr("N&otes"), self.notes)
        self.setMinimumWidth(540)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "kind": self.kind.value(),
            "state": self.state.text(),
            "city": self.city.text(),
            "contact_name": self.contact_name.text(),
            "contact_email": self.contact_email.text(),
            "contact_phone": self.contact_phone.text(),
            "sector_ids": self.sectors.checked_ids(),
            "notes": self.notes.toPlainText(),
        }

    def submit(self) -> None:
        values = self.values()
        if self.row is None:
            self.run(ops_orgs.create(values))
        else:
            self.run(ops_orgs.update(self.row.id, values))
