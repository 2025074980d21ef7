"""The import's own refusal, shared by its steps (duplicate search, plan, apply) without making
them import one another."""

from __future__ import annotations

from talentdesk.core.errors import TalentDeskError
from talentdesk.core.i18n import _


class ImportCancelled(TalentDeskError):
    def __init__(self) -> None:
        super().__init__(_("Importación cancelada: no se guardó nada."))
