"""What an export wrote: where, what the person should know about it (texts the PDF font lacks),
and buttons to open the file or its folder with the desktop's application."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from talentdesk.exports.files import ExportResult

WARNING_STYLE = "color: #8a5300; font-weight: bold;"  # amber, readable on a light panel


def open_location(url: QUrl) -> bool:
    """Open a file or folder with the desktop's application (the one door: tests replace it)."""
    return QDesktopServices.openUrl(url)


class ResultPanel(QFrame):
    """Hidden until an export succeeded; then says where it went and offers to open it (and to
    print it, when it is one PDF)."""

    print_requested = Signal(object)  # the Path of the PDF

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-result")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.result: ExportResult | None = None
        self.folder = False  # the result is a folder of files
        self.label = QLabel()
        self.label.setObjectName("export-result-text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the export could write but will not look right (texts the PDF font lacks).
        self.warnings = QLabel()
        self.warnings.setObjectName("export-result-warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setVisible(False)
        self.open_file_button = QPushButton(self.tr("Open &file"))
        self.open_file_button.setObjectName("export-open-file")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton(self.tr("Open f&older"))
        self.open_folder_button.setObjectName("export-open-folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("export-print")
        self.print_button.clicked.connect(self.print_file)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.open_file_button)
        row.addWidget(self.open_folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.warnings)
        layout.addLayout(row)
        self.setVisible(False)

    def show_result(self, result: ExportResult, folder: bool) -> str:
        """Show ``result`` (``folder``: it is a folder of files); returns the one-line status."""
        self.result, self.folder = result, folder
        if folder:
            text = self.tr("Saved in the folder “%1”.").replace("%1", result.path.name)
        else:
            text = self.tr("Saved “%1”.").replace("%1", result.path.name)
        self.label.setText(text + "\n" + self.tr("Folder: %1").replace("%1", str(result.path.parent)))
        self.warnings.setText(
            "\n".join(self.tr("Warning: %1").replace("%1", warning) for warning in result.warnings)
        )
        self.warnings.setVisible(bool(result.warnings))
        self.open_file_button.setVisible(not folder)
        self.print_button.setVisible(not folder and result.path.suffix.lower() == ".pdf")
        self.setVisible(True)
        return text

    def focus_open(self) -> None:
        """Focus the button that opens what was written (the file, or the folder of files)."""
        (self.open_folder_button if self.folder else self.open_file_button).setFocus()

    def open_file(self) -> None:
        if self.result is not None:
            open_location(QUrl.fromLocalFile(str(self.result.path)))

    def print_file(self) -> None:
        if self.result is not None and not self.folder:
            self.print_requested.emit(self.result.path)

    def open_folder(self) -> None:
        if self.result is None:
            return
        path = self.result.path
        folder = path if path.is_dir() else path.parent
        open_location(QUrl.fromLocalFile(str(folder)))
