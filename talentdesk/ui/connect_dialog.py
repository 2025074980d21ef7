"""File → Connect to server…: where an office's shared database lives and who signs in.

The password is typed here and kept in memory only (``ServerAddress.url`` puts it in the URL the
app connects with; the settings keep the URL without it), so it is asked again at each start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.db.servers import ServerAddress
from talentdesk.ui.widgets.record_dialog import ERROR_STYLE


class ConnectDialog(QDialog):
    def __init__(
        self, address: ServerAddress | None = None, problem: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect-server")
        self.setWindowTitle(self.tr("Connect to server"))
        address = address or ServerAddress.default()

        self.intro = QLabel(
            self.tr(
                "A PostgreSQL server shared by the office. Ask whoever runs it for its name, "
                "the database and your user."
            )
        )
        self.intro.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(bool(problem))

        self.host = self._line("host", address.host)
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.port.setGroupSeparatorShown(False)
        self.database = self._line("database", address.database)
        self.user = self._line("user", address.user)
        self.password = self._line("password", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel(
            self.tr("The password is not saved: TalentDesk asks for it each time it connects.")
        )
        self.password_note.setObjectName("password-note")
        self.password_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.password_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Connect"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        # A refused sign-in: the rest is right, the password is what to type again.
        first = self.password if problem and address.user else self.host
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _line(self, name: str, text: str) -> QLineEdit:
        line = QLineEdit(text)
        line.setObjectName(name)
        line.setClearButtonEnabled(name != "password")
        return line

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def target(self) -> str:
        """The URL to connect with, password included (keep it in memory only)."""
        return self.address().url(self.password.text())

    def accept(self) -> None:
        missing = [
            (field, message)
            for field, message in (
                (self.host, self.tr("Write the name or address of the server.")),
                (self.database, self.tr("Write the name of the database.")),
                (self.user, self.tr("Write your user on the server.")),
            )
            if not field.text().strip()
        ]
        if missing:
            field, message = missing[0]
            self.problem.setText(message)
            self.problem.setVisible(True)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
