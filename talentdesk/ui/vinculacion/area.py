"""The Vinculación area of the main window: three tabs (programmes, needs, talent search) that
share the window's actions (Ctrl+F, Ctrl+N, Enter, Supr) with the tab shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from talentdesk.services.program_views import ProgramFilter
from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext, Changes
from talentdesk.ui.record_area import RecordArea
from talentdesk.ui.vinculacion.needs import NeedsList
from talentdesk.ui.vinculacion.programs import ProgramsList
from talentdesk.ui.vinculacion.talent import TalentPanel


class VinculacionArea(Area):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("vinculacion-area")
        self.programs = ProgramsList(ctx)
        self.needs = NeedsList(ctx)
        self.talent = TalentPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("vinculacion-tabs")
        self.tabs.addTab(self.programs, self.tr("&Programs"))
        self.tabs.addTab(self.needs, self.tr("&Needs"))
        self.tabs.addTab(self.talent, self.tr("Find &talent"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.needs.find_talent.connect(self.find_talent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Vinculación")

    def current_list(self) -> RecordArea | None:
        current = self.tabs.currentWidget()
        return current if isinstance(current, RecordArea) else None

    def supports(self, action: str) -> bool:
        current = self.current_list()
        return current is not None and current.supports(action)

    def focus_search(self) -> None:
        if (current := self.current_list()) is not None:
            current.focus_search()

    def new_item(self) -> None:
        if (current := self.current_list()) is not None:
            current.new_item()

    def open_current(self) -> None:
        if (current := self.current_list()) is not None:
            current.open_current()

    def delete_selected(self) -> None:
        if (current := self.current_list()) is not None:
            current.delete_selected()

    def export_current(self) -> None:
        """Ctrl+E: the list shown, as shown."""
        if (current := self.current_list()) is not None:
            current.export_current()

    def on_changes(self, changes: Changes) -> None:
        self.talent.on_changes(changes)

    def activated(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, RecordArea | TalentPanel):
            current.activated()

    def show_programs(self, wanted: ProgramFilter) -> None:
        """The programmes tab showing exactly ``wanted`` (a Tablero bar was clicked)."""
        self.tabs.setCurrentWidget(self.programs)
        self.programs.show_filter(wanted)

    def _tab_changed(self, _index: int) -> None:
        self.activated()
        self.actions_changed.emit()

    def find_talent(self, need_id: int) -> None:
        """The need's criteria in the talent tab, searched."""
        self.tabs.setCurrentWidget(self.talent)
        self.talent.use_need(need_id)

    def confirm_close(self) -> bool:
        return self.programs.confirm_close() and self.needs.confirm_close()
