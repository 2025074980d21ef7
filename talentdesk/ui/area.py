"""A workspace of the main window (Miembros, Capítulos, ...): one page of the navigation.

The window routes its standard actions (Ctrl+F, Ctrl+N, Enter, Supr) to the current area;
an area overrides what it supports and says so through ``supports``, and emits
``actions_changed`` when that changes while it is shown (a tab switched inside it).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from talentdesk.ui.context import AppContext, Changes


class Area(QWidget):
    actions_changed = Signal()  # what ``supports`` answers changed: the window asks again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.changed.connect(self.on_changes)

    def title(self) -> str:
        raise NotImplementedError

    def supports(self, action: str) -> bool:
        """One of 'search', 'new', 'open', 'delete'."""
        return False

    def focus_search(self) -> None:
        pass

    def new_item(self) -> None:
        pass

    def open_current(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass

    def on_changes(self, changes: Changes) -> None:
        pass

    def activated(self) -> None:
        """Called when the area becomes visible: load lazily."""

    def save_state(self) -> None:
        """Called before the window closes: remember layout in settings."""
