"""Member form dialog (placeholder until the form is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from talentdesk.ui.context import AppContext


class MemberDialog(QDialog):
    """Create (member_id None) or edit a member; saves through ctx.perform with undo."""

    def __init__(self, ctx: AppContext, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
