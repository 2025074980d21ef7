"""The main window. For now (Core issue) it shows the open database and what it holds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from talentdesk import __version__
from talentdesk.core.errors import TalentDeskError
from talentdesk.core.models import Chapter, Member, Organization, Sector
from talentdesk.db.session import Database
from talentdesk.ui.tasks import run_in_background


@dataclass(frozen=True)
class Counts:
    members: int
    chapters: int
    sectors: int
    organizations: int


def load_counts(db: Database) -> Counts:
    with db.reader() as session:

        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        return Counts(count(Member), count(Chapter), count(Sector), count(Organization))


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle("TalentDesk — Red de Talentos Mexicanos")
        self.resize(720, 420)
        self._build_menus()

        title = QLabel("Red de Talentos Mexicanos")
        title.setObjectName("title")
        font = title.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel("Instituto de los Mexicanos en el Exterior")
        subtitle.setStyleSheet("color: #555;")

        self.path_label = QLabel(db.display_name)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        self.count_labels = {key: QLabel("…") for key in ("members", "chapters", "sectors", "organizations")}
        form = QFormLayout()
        form.addRow("Base de datos:", self.path_label)
        form.addRow("Miembros:", self.count_labels["members"])
        form.addRow("Capítulos:", self.count_labels["chapters"])
        form.addRow("Sectores (PNCS):", self.count_labels["sectors"])
        form.addRow("Organizaciones:", self.count_labels["organizations"])

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout()
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(line)
        layout.addLayout(form)
        layout.addStretch(1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Cargando…")
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Archivo")
        refresh = QAction("&Actualizar", self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        quit_action = QAction("&Salir", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("A&yuda")
        about = QAction("&Acerca de TalentDesk", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        db = self.db
        run_in_background(self, lambda: load_counts(db), self._show_counts, self._show_error)

    def _show_counts(self, counts: Counts) -> None:
        for key, label in self.count_labels.items():
            label.setText(f"{getattr(counts, key):,}")
        self.statusBar().showMessage(f"{counts.members:,} miembros", 0)

    def _show_error(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, TalentDeskError) else f"Error inesperado: {exc}"
        self.statusBar().showMessage(message)
        QMessageBox.critical(self, "TalentDesk", message)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "Acerca de TalentDesk",
            f"<b>TalentDesk {__version__}</b><br>Administración de la Red de Talentos "
            "Mexicanos.<br>Los datos de demostración son generados; no son de personas reales.",
        )
