"""What the members area shows on an empty database instead of an empty table: where to start
(import a spreadsheet, type a member, or load generated demo data to try the application)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from talentdesk.ui.widgets.buttons import button_row, push_button


class Welcome(QFrame):
    def __init__(
        self,
        import_members: Callable[[], object],
        new_member: Callable[[], object],
        load_demo: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("members-welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Welcome to TalentDesk"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "This database has no members yet. Import them from a spreadsheet (Excel or CSV), "
                "add them one by one, or load generated demo data to try every area first: demo "
                "data belongs to no real person."
            )
        )
        text.setWordWrap(True)
        self.import_button = push_button(self.tr("&Import members…"), "welcome-import", import_members)
        self.new_button = push_button(self.tr("&New member"), "welcome-new", new_member)
        self.demo_button = push_button(self.tr("Load &demo data"), "welcome-demo", load_demo)
        self.import_button.setDefault(True)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(text)
        column.addSpacing(12)
        column.addLayout(button_row(self.import_button, self.new_button, self.demo_button))
        row = QHBoxLayout()  # centred, a third of the width on either side at most
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
