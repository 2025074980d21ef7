"""Organizations area (placeholder until its view is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from talentdesk.ui.area import Area
from talentdesk.ui.context import AppContext


class OrganizationsArea(Area):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title()))

    def title(self) -> str:
        return self.tr("Organizations")
