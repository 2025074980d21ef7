"""Where an export is saved: the path field with Browse…, checked before anything runs.

The default name follows the options until the person types one (``name_edited``); a file
chosen in the file dialog was already confirmed there, so it is not asked about again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.kinds import ExportKind
from talentdesk.ui.widgets.record_dialog import error_label


def default_folder(ctx: AppContext) -> Path:
    """The folder of the last export, else Documents, else home."""
    remembered = ctx.settings.get(S.EXPORT_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class TargetField(QWidget):
    """The "Save as" (or "Save in the folder") row. ``writes_folder()`` says which, as the
    options stand now."""

    def __init__(
        self,
        ctx: AppContext,
        kind: ExportKind,
        writes_folder: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.writes_folder = writes_folder
        self.name_edited = False
        self.confirmed_target: Path | None = None  # chosen in the file dialog (it asked already)
        self.path = QLineEdit()
        self.path.setObjectName("export-path")
        self.path.textEdited.connect(lambda _t: self._typed())
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("export-browse")
        self.browse.clicked.connect(self.choose_target)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.error = error_label("error-path")
        self.shared = QCheckBox(self.tr("Other accounts on this computer may &read the file"))
        self.shared.setObjectName("export-shared")
        self.shared.setToolTip(
            self.tr(
                "Exports hold personal data, so only your account can open them. Tick this only "
                "for a folder other people of the office open with their own accounts."
            )
        )
        self.label = QLabel()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.label)
        box.addLayout(row)
        box.addWidget(self.error)
        box.addWidget(self.shared)
        self.label.setBuddy(self.path)

    # -- following the options ----------------------------------------------------------------

    def update_label(self) -> None:
        if self.writes_folder():
            self.label.setText(self.tr("Save in the &folder:"))
        else:
            self.label.setText(self.tr("Save &as:"))

    def follow_name(self, name: str) -> None:
        """The default file name, in the folder shown, until the person types one."""
        if not self.name_edited and self.path.text():
            folder = Path(self.path.text()).expanduser().parent
            self.path.setText(str(folder / name))
            self.confirmed_target = None

    def follow_separate(self, separate: bool) -> None:
        """A typed name follows the switch between one file and a folder of files."""
        self.update_label()
        text = self.path.text().strip()
        if self.name_edited and text:
            path = Path(text)
            if separate and path.suffix.lower() == self.kind.suffix:
                self.path.setText(str(path.with_suffix("")))
            elif not separate and not path.suffix:
                self.path.setText(str(path.with_name(path.name + self.kind.suffix)))

    def _typed(self) -> None:
        self.name_edited = True
        self.confirmed_target = None
        self.clear_error()

    # -- choosing -----------------------------------------------------------------------------

    def choose_target(self) -> None:
        current = (
            Path(self.path.text()).expanduser() if self.path.text().strip() else default_folder(self.ctx)
        )
        if self.writes_folder():
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the files"), str(current.parent)
            )
            if folder:
                self.path.setText(str(Path(folder) / current.name))
                self.name_edited = True
                self.clear_error()
            return
        suffix = self.kind.suffix
        kind_filter = (
            self.tr("Excel workbooks (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF documents (*.pdf)")
        )
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(current), kind_filter)
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            self.path.setText(str(path))
            self.name_edited = True
            self.confirmed_target = path  # the file dialog asked about replacing it
            self.clear_error()

    def target(self) -> Path | None:
        """The output path, or None after showing what is wrong with it at the field."""
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Type where to save it, or choose a place with Browse…"))
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = default_folder(self.ctx) / path
        if self.writes_folder():
            if path.exists() and not path.is_dir():
                self.show_error(
                    self.tr("“%1” is a file: type the name of a folder.").replace("%1", path.name)
                )
                return None
        else:
            suffix = self.kind.suffix
            if not path.suffix:
                path = path.with_name(path.name + suffix)
                self.path.setText(str(path))
            if path.suffix.lower() != suffix:
                self.show_error(self.tr("The file name must end in %1.").replace("%1", suffix))
                return None
            if path.is_dir():
                self.show_error(self.tr("“%1” is a folder: type a file name.").replace("%1", path.name))
                return None
        if not path.parent.is_dir():
            self.show_error(self.tr("The folder “%1” does not exist.").replace("%1", str(path.parent)))
            return None
        return path

    def confirm_replace(self, path: Path) -> bool:
        """Ask before replacing an existing file (unless the file dialog already asked)."""
        if not path.is_file() or path == self.confirmed_target:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace file"),
            self.tr("“%1” already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.confirmed_target = path
            return True
        return False

    # -- its error line -----------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.path.setFocus()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)

    def set_running(self, running: bool) -> None:
        self.path.setEnabled(not running)
        self.browse.setEnabled(not running)
