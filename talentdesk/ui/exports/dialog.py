"""The export dialog: one shape for every export kind (see ``kinds.py``).

Options on top, where to save below, then Export. The export runs on the task runner; its
progress callback writes two numbers into a plain object that a timer on this dialog reads (no
signal is emitted from the worker, no Qt object is made per task). Cancel sets the task's abort
event; the export raises ``ExportCancelled`` and leaves no file, and the dialog says so calmly.
At the end the dialog offers to open the file or its folder, through :func:`open_location`.

Kinds with ``preview`` render to a temporary file first and show it (``preview.py``); saving
after a preview copies that file when the options have not changed since.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.errors import TalentDeskError
from talentdesk.exports.files import ExportCancelled, ExportResult, atomic_output, check_abort
from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.exports.kinds import (
    EventSource,
    ExportKind,
    ExportOptions,
    MembersSource,
    Source,
    TableSource,
    logged_save,
)
from talentdesk.ui.tasks import Cancelled, Task, error_message

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"
WARNING_STYLE = "color: #8a5300; font-weight: bold;"  # amber, readable on a light panel
NOTE_STYLE = "color: palette(placeholder-text);"
POLL_MS = 100
MAX_OFFSET_MM = 20.0  # as exports.badges.MAX_OFFSET_MM: larger is a typo, not a printer's drift


def open_location(url: QUrl) -> bool:
    """Open a file or folder with the desktop's application (the one door: tests replace it)."""
    return QDesktopServices.openUrl(url)


def default_folder(ctx: AppContext) -> Path:
    """The folder of the last export, else Documents, else home."""
    remembered = ctx.settings.get(S.EXPORT_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class ProgressState:
    """Written by the worker (two ints, one assignment), read by the dialog's timer."""

    def __init__(self) -> None:
        self.value = (0, 0)

    def update(self, done: int, total: int) -> None:
        self.value = (done, total)


def copy_file(source: Path, target: Path, suffix: str, abort: threading.Event) -> None:
    """Copy a rendered preview to its real place, atomically like every export."""
    check_abort(abort)
    with atomic_output(target, suffix=suffix) as temp:
        shutil.copyfile(source, temp)
        check_abort(abort)


class ExportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        kind: ExportKind,
        source: Source,
        parent: QWidget | None = None,
        *,
        prefer_selection: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.source = source
        self.setObjectName("export-dialog")
        self.setWindowTitle(self.tr("Export: %1").replace("%1", kind.label()))
        self.task: Task | None = None
        self.cancelling = False
        self.progress_state = ProgressState()
        self.last_result: ExportResult | None = None
        self.confirmed_target: Path | None = None  # chosen in the file dialog (it asked already)
        self.name_edited = False
        self.preview_dir: Path | None = None
        self.preview_cleanup: weakref.finalize[Any, Any] | None = None
        self.preview_file: Path | None = None
        self.preview_options: ExportOptions | None = None
        self.preview_result: ExportResult | None = None
        self.preview_window: QDialog | None = None

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)

        heading = QLabel(kind.label())
        heading.setObjectName("export-heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.scope_label = QLabel(self._scope_text())
        self.scope_label.setObjectName("export-scope")
        self.scope_label.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export-run")
        self.close_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("export-cancel")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        self.preview_button: QPushButton | None = None
        if kind.preview:
            self.preview_button = QPushButton(self.tr("&Preview…"))
            self.preview_button.setObjectName("export-preview")
            self.preview_button.setAutoDefault(False)
            self.preview_button.clicked.connect(self.preview)
            bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        self.path = QLineEdit()
        self.path.setObjectName("export-path")
        self.path.textEdited.connect(lambda _t: self._path_edited())
        self.path.textChanged.connect(lambda _t: self.export_button.setDefault(True))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("export-browse")
        self.browse.clicked.connect(self.choose_target)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.path_error = self._error_label("error-path")
        self.path_label = QLabel()
        path_box = QVBoxLayout()
        path_box.setSpacing(4)
        path_box.addWidget(self.path_label)
        path_box.addLayout(path_row)
        path_box.addWidget(self.path_error)
        self.path_label.setBuddy(self.path)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build_options(prefer_selection)
        self.options_box = QGroupBox(self.tr("Options"))
        self.options_box.setObjectName("export-options")
        self.options_box.setLayout(self.form)
        self.options_box.setVisible(self.form.rowCount() > 0)

        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("export-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        self.result_panel = QFrame()
        self.result_panel.setObjectName("export-result")
        self.result_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_label = QLabel()
        self.result_label.setObjectName("export-result-text")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the export could write but will not look right (texts the PDF font lacks).
        self.result_warnings = QLabel()
        self.result_warnings.setObjectName("export-result-warnings")
        self.result_warnings.setWordWrap(True)
        self.result_warnings.setStyleSheet(WARNING_STYLE)
        self.result_warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_warnings.setVisible(False)
        self.open_file_button = QPushButton(self.tr("Open &file"))
        self.open_file_button.setObjectName("export-open-file")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton(self.tr("Open f&older"))
        self.open_folder_button.setObjectName("export-open-folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        result_row = QHBoxLayout()
        result_row.addStretch(1)
        result_row.addWidget(self.open_file_button)
        result_row.addWidget(self.open_folder_button)
        result_layout = QVBoxLayout(self.result_panel)
        result_layout.addWidget(self.result_label)
        result_layout.addWidget(self.result_warnings)
        result_layout.addLayout(result_row)
        self.result_panel.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.options_box)
        layout.addLayout(path_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.result_panel)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.export_button.setDefault(True)
        self.setMinimumWidth(760)

        self._update_target_widgets()
        self.path.setText(str(default_folder(ctx) / kind.default_name(source, self.options())))
        self.adjustSize()

    # -- building -----------------------------------------------------------------------------

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(f"export-{name}")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label(f"error-{name}")
        column.addWidget(error)
        if label:
            self.form.addRow(label, box)
        else:
            self.form.addRow(box)
        self.fields[name] = widget
        self.errors[name] = error

    def _note(self, text: str) -> None:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.form.addRow(note)

    def _build_options(self, prefer_selection: bool) -> None:
        wanted = set(self.kind.options)
        source = self.source
        settings = self.ctx.settings
        selected = len(source.selected_ids)
        if "only_selected" in wanted and selected:
            if isinstance(source, MembersSource):
                text = self.tr("Only the %n selected member(s)", "", selected)
            else:
                text = self.tr("Only the %n selected participant(s)", "", selected)
            self.only_selected = QCheckBox(text)
            self.only_selected.setChecked(prefer_selection or selected > 1)
            self.only_selected.toggled.connect(lambda _on: self._options_changed())
            self._add("only_selected", "", self.only_selected)
        if "only_shown" in wanted and isinstance(source, MembersSource) and source.filtered:
            if source.total >= 0:
                text = self.tr("Only the %n member(s) shown (current search and filters)", "", source.total)
            else:
                text = self.tr("Only the members shown (current search and filters)")
            self.only_shown = QCheckBox(text)
            self.only_shown.setChecked(True)
            self._add("only_shown", "", self.only_shown)
        if "external" in wanted:
            self.external = QCheckBox(self.tr("Copy for outside IME"))
            self.external.toggled.connect(lambda _on: self._options_changed())
            self._add("external", "", self.external)
            self._note(
                self.tr(
                    "The copy for outside IME lists only members who agreed to appear in "
                    "directories, each with only the contact details they allowed, and leaves out "
                    "notes and internal fields."
                )
            )
        if "group_by" in wanted:
            self.group_by = QComboBox()
            self.group_by.addItem(self.tr("Chapter"), "chapter")
            self.group_by.addItem(self.tr("Main sector"), "sector")
            self.group_by.addItem(self.tr("Country of residence"), "country")
            self.group_by.setCurrentIndex(max(self.group_by.findData(settings.get(S.EXPORT_GROUP_BY)), 0))
            self.group_by.currentIndexChanged.connect(lambda _i: self._options_changed())
            self._add("group_by", self.tr("&Group by:"), self.group_by)
        if "title" in wanted:
            self.title = QLineEdit()
            self.title.setPlaceholderText(self.tr("Leave empty for the standard title"))
            self.title.setMaxLength(120)
            self._add("title", self.tr("&Title:"), self.title)
        if "signin_scope" in wanted and isinstance(source, EventSource):
            self.signin_scope = QComboBox()
            self.signin_scope.addItem(self.tr("Every day of the event (one sheet per day)"), None)
            locale = QLocale()
            for day in source.days:
                text = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
                self.signin_scope.addItem(self.tr("Day: %1").replace("%1", text), ("day", day))
            for session_id, label in source.sessions:
                self.signin_scope.addItem(
                    self.tr("Session: %1").replace("%1", label), ("session", session_id)
                )
            self.signin_scope.setMaxVisibleItems(20)
            self.signin_scope.setMinimumContentsLength(30)
            self.signin_scope.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.signin_scope.currentIndexChanged.connect(lambda _i: self._options_changed())
            self._add("signin_scope", self.tr("&Sheets for:"), self.signin_scope)
        if "layout" in wanted:
            self.layout_combo = QComboBox()
            self.layouts = _layouts()
            for name, (label, _per_sheet) in self.layouts.items():
                self.layout_combo.addItem(label, name)
            self.layout_combo.setCurrentIndex(
                max(self.layout_combo.findData(settings.get(S.EXPORT_BADGE_LAYOUT)), 0)
            )
            self._add("layout", self.tr("&Label sheet:"), self.layout_combo)
            self.shown_layout: str | None = None  # whose offsets the spin boxes hold
        if "start_slot" in wanted:
            self.start_slot = QSpinBox()
            self.start_slot.setMinimum(1)
            self.wanted_slot = 1  # the slot typed, kept across sheets that have it
            self.start_slot.valueChanged.connect(self._slot_typed)
            self.slot_note = QLabel()
            slot_row = QWidget()
            row = QHBoxLayout(slot_row)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.start_slot)
            row.addWidget(self.slot_note, 1)
            self._add("start_slot", self.tr("Start at &label:"), slot_row)
            self.fields["start_slot"] = self.start_slot
        if "offset" in wanted:
            self.offset_x = self._offset_spin("export-offset-x")
            self.offset_y = self._offset_spin("export-offset-y")
            offsets = QWidget()
            row = QHBoxLayout(offsets)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(self.tr("right")))
            row.addWidget(self.offset_x)
            row.addSpacing(12)
            row.addWidget(QLabel(self.tr("down")))
            row.addWidget(self.offset_y)
            row.addStretch(1)
            self._add("offset", self.tr("Printer &offset:"), offsets)
            self.offset_x.setObjectName("export-offset-x")
        if "cut_marks" in wanted:
            self.cut_marks = QCheckBox(self.tr("Print cut &marks"))
            self.cut_marks.setChecked(settings.get(S.EXPORT_CUT_MARKS))
            self._add("cut_marks", "", self.cut_marks)
        if "layout" in wanted:
            self.layout_combo.currentIndexChanged.connect(lambda _i: self._layout_changed())
            self._layout_changed()
        if "separate_files" in wanted:
            self.separate_files = QCheckBox(self.tr("One file per participant, in a folder"))
            self.separate_files.toggled.connect(lambda _on: self._separate_changed())
            self._add("separate_files", "", self.separate_files)
        if "packet_badge" in wanted:
            self.packet_badge = QComboBox()
            for name, (label, _per_sheet) in _layouts().items():
                self.packet_badge.addItem(label, name)
            self.packet_badge.setCurrentIndex(
                max(self.packet_badge.findData(settings.get(S.EXPORT_PACKET_BADGE)), 0)
            )
            self.packet_badge.setToolTip(
                self.tr("The badge page of each packet has the size of one of these labels.")
            )
            self._add("packet_badge", self.tr("&Badge size:"), self.packet_badge)
        if "page_size" in wanted:
            self.page_size = QComboBox()
            self.page_size.addItem(self.tr("Letter (8.5 × 11 in)"), "letter")
            self.page_size.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
            self.page_size.setCurrentIndex(max(self.page_size.findData(settings.get(S.EXPORT_PAGE_SIZE)), 0))
            self._add("page_size", self.tr("&Paper:"), self.page_size)
        if self.kind.key == "directory":
            self._note(
                self.tr(
                    "Only members who agreed to appear in directories are printed, each with only "
                    "the contact details they allowed."
                )
            )

    def _offset_spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setToolTip(
            self.tr("Move everything by this much if the printer does not print where the labels are.")
        )
        return spin

    def _scope_text(self) -> str:
        source = self.source
        if isinstance(source, EventSource):
            return self.tr("Event: %1").replace("%1", source.name)
        if isinstance(source, TableSource):
            rows = len(source.rows)
            if source.filtered:
                shown = self.tr("%1: %n row(s) shown with the current filter, of %2", "", rows)
                shown = shown.replace("%2", str(source.total))
            else:
                shown = self.tr("%1: %n row(s)", "", rows)
            shown = shown.replace("%1", source.title)
            return shown + " — " + self.tr("with the columns and the order of the table.")
        if self.kind.key == "stats":
            return self.tr("Members by chapter, sector, country and degree, with charts.")
        if source.total < 0:
            shown = self.tr("The members shown in the table")
        elif source.filtered:
            shown = self.tr("%n member(s) shown (current search and filters)", "", source.total)
        else:
            shown = self.tr("All %n member(s)", "", source.total)
        if self.kind.key == "table":
            return shown + " — " + self.tr("with the columns and the order of the table.")
        return shown

    # -- reacting -----------------------------------------------------------------------------

    def _layout_changed(self) -> None:
        """Another label sheet: its own printer offset, the typed start slot if it has it.

        The offsets typed for the sheet being left are remembered for it first (they are that
        printer's calibration, kept per sheet in the settings), so coming back shows them.
        """
        name = str(self.layout_combo.currentData())
        per_sheet = max(self.layouts.get(name, ("", 1))[1], 1)
        if hasattr(self, "start_slot"):
            wanted = self.wanted_slot
            self.start_slot.setMaximum(per_sheet)
            self.start_slot.setValue(wanted if wanted <= per_sheet else 1)
            self.wanted_slot = wanted  # not what the smaller sheet forced
            self.slot_note.setText(self.tr("of %n on the sheet (for a partly used sheet)", "", per_sheet))
        if hasattr(self, "offset_x"):
            settings = self.ctx.settings
            left = self.shown_layout
            if left is not None and left != name:
                typed = (round(self.offset_x.value(), 1), round(self.offset_y.value(), 1))
                if typed != settings.badge_offset(left):
                    settings.set_badge_offset(left, typed)
            x, y = settings.badge_offset(name)
            self.offset_x.setValue(x)
            self.offset_y.setValue(y)
        self.shown_layout = name
        self._options_changed()

    def _slot_typed(self, value: int) -> None:
        self.wanted_slot = value

    def _separate_changed(self) -> None:
        """A typed name follows the switch between one file and a folder of files."""
        self._update_target_widgets()
        text = self.path.text().strip()
        if self.name_edited and text:
            path = Path(text)
            if self.separate_files.isChecked() and path.suffix.lower() == self.kind.suffix:
                self.path.setText(str(path.with_suffix("")))
            elif not self.separate_files.isChecked() and not path.suffix:
                self.path.setText(str(path.with_name(path.name + self.kind.suffix)))
        self._options_changed()

    def _options_changed(self) -> None:
        """The default file name follows the options until the person types one."""
        self.export_button.setDefault(True)  # after a result, Enter exports again
        if not self.name_edited and self.path.text():
            folder = Path(self.path.text()).expanduser().parent
            self.path.setText(str(folder / self.kind.default_name(self.source, self.options())))
            self.confirmed_target = None

    def _path_edited(self) -> None:
        self.name_edited = True
        self.confirmed_target = None
        self._clear_error("path")

    def _update_target_widgets(self) -> None:
        if self.kind.writes_folder(self.options()):
            self.path_label.setText(self.tr("Save in the &folder:"))
        else:
            self.path_label.setText(self.tr("Save &as:"))

    # -- options ------------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        values: dict[str, Any] = {}
        if hasattr(self, "only_selected"):
            values["only_selected"] = self.only_selected.isChecked()
        if hasattr(self, "only_shown"):
            values["only_shown"] = self.only_shown.isChecked()
        if hasattr(self, "external"):
            values["external"] = self.external.isChecked()
        if hasattr(self, "group_by"):
            values["group_by"] = str(self.group_by.currentData())
        if hasattr(self, "title"):
            values["title"] = self.title.text().strip()
        if hasattr(self, "signin_scope"):
            scope = self.signin_scope.currentData()
            if isinstance(scope, tuple) and scope[0] == "day":
                values["signin_day"] = scope[1]
            elif isinstance(scope, tuple) and scope[0] == "session":
                values["signin_session"] = int(scope[1])
        if hasattr(self, "layout_combo"):
            values["layout"] = str(self.layout_combo.currentData())
        if hasattr(self, "start_slot"):
            values["start_slot"] = self.start_slot.value()
        if hasattr(self, "offset_x"):
            values["offset_mm"] = (round(self.offset_x.value(), 1), round(self.offset_y.value(), 1))
        if hasattr(self, "cut_marks"):
            values["cut_marks"] = self.cut_marks.isChecked()
        if hasattr(self, "separate_files"):
            values["separate_files"] = self.separate_files.isChecked()
        if hasattr(self, "packet_badge"):
            values["packet_badge"] = str(self.packet_badge.currentData())
        if hasattr(self, "page_size"):
            values["page_size"] = str(self.page_size.currentData())
        return ExportOptions(**values)

    def remember(self, options: ExportOptions, target: Path) -> None:
        """What people repeat: the folder, the paper, the grouping, the label sheet and its
        printer offset (per sheet: it is a printer's calibration)."""
        settings = self.ctx.settings
        settings.set(S.EXPORT_FOLDER, str(target.parent))  # a folder of packets goes inside it
        if hasattr(self, "page_size"):
            settings.set(S.EXPORT_PAGE_SIZE, options.page_size)
        if hasattr(self, "group_by"):
            settings.set(S.EXPORT_GROUP_BY, options.group_by)
        if hasattr(self, "layout_combo"):
            settings.set(S.EXPORT_BADGE_LAYOUT, options.layout)
        if hasattr(self, "offset_x"):
            settings.set_badge_offset(options.layout, options.offset_mm)
        if hasattr(self, "cut_marks"):
            settings.set(S.EXPORT_CUT_MARKS, options.cut_marks)
        if hasattr(self, "packet_badge"):
            settings.set(S.EXPORT_PACKET_BADGE, options.packet_badge)

    # -- where to save ------------------------------------------------------------------------

    def choose_target(self) -> None:
        current = (
            Path(self.path.text()).expanduser() if self.path.text().strip() else default_folder(self.ctx)
        )
        if self.kind.writes_folder(self.options()):
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the files"), str(current.parent)
            )
            if folder:
                self.path.setText(str(Path(folder) / current.name))
                self.name_edited = True
                self._clear_error("path")
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
            self._clear_error("path")

    def target(self) -> Path | None:
        """The output path, or None after showing what is wrong with it at the field."""
        text = self.path.text().strip()
        if not text:
            self.show_error(self.tr("Type where to save it, or choose a place with Browse…"), "path")
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = default_folder(self.ctx) / path
        if self.kind.writes_folder(self.options()):
            if path.exists() and not path.is_dir():
                self.show_error(
                    self.tr("“%1” is a file: type the name of a folder.").replace("%1", path.name), "path"
                )
                return None
        else:
            suffix = self.kind.suffix
            if not path.suffix:
                path = path.with_name(path.name + suffix)
                self.path.setText(str(path))
            if path.suffix.lower() != suffix:
                self.show_error(self.tr("The file name must end in %1.").replace("%1", suffix), "path")
                return None
            if path.is_dir():
                self.show_error(
                    self.tr("“%1” is a folder: type a file name.").replace("%1", path.name), "path"
                )
                return None
        if not path.parent.is_dir():
            self.show_error(
                self.tr("The folder “%1” does not exist.").replace("%1", str(path.parent)), "path"
            )
            return None
        return path

    def _confirm_replace(self, path: Path) -> bool:
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

    # -- messages -----------------------------------------------------------------------------

    def show_error(self, message: str, field: str | None = None) -> None:
        label = self.path_error if field == "path" else self.errors.get(field or "")
        if label is None:
            self._message(message, error=True)
            return
        label.setText(message)
        label.setVisible(True)
        widget = self.path if field == "path" else self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _clear_error(self, field: str) -> None:
        label = self.path_error if field == "path" else self.errors.get(field)
        if label is not None:
            label.clear()
            label.setVisible(False)

    def clear_messages(self) -> None:
        for label in [self.path_error, *self.errors.values()]:
            label.clear()
            label.setVisible(False)
        self.message.clear()
        self.message.setVisible(False)
        self.result_panel.setVisible(False)

    def _message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(True)

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def error_text(self, field: str) -> str:
        label = self.path_error if field == "path" else self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- running ------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None

    def export(self) -> None:
        if self.is_running():
            return
        self.clear_messages()
        target = self.target()
        if target is None or not self._confirm_replace(target):
            return
        options = self.options()
        if self.preview_file is not None and self.preview_options == options and self.preview_result:
            self._save_preview(target, options)
            return
        sessions, source, run = self.ctx.db.sessions, self.source, self.kind.run
        progress = self.progress_state

        def work(task: Task) -> ExportResult:
            return run(sessions, source, options, target, progress.update, task.abort)

        self._start(work, lambda result: self._exported(result, options, target), self.tr("Exporting…"))

    def _save_preview(self, target: Path, options: ExportOptions) -> None:
        preview, suffix = self.preview_file, self.kind.suffix
        assert preview is not None and self.preview_result is not None
        rendered = self.preview_result
        key, sessions, source = self.kind.key, self.ctx.db.sessions, self.source

        def work(task: Task) -> ExportResult:
            # The preview was not logged (it stays inside the program); the saved copy is.
            with logged_save(key, sessions, source, options, target) as finish:
                copy_file(preview, target, suffix, task.abort)
                return finish(replace(rendered, path=target))

        self._start(work, lambda result: self._exported(result, options, target), self.tr("Saving…"))

    def preview(self) -> None:
        """Render to a temporary file in the background, then show it."""
        if self.is_running():
            return
        self.clear_messages()
        options = self.options()
        if self.preview_file is not None and self.preview_options == options:
            self._show_preview()
            return
        if self.preview_dir is None:
            # Removed when the dialog closes, or when its wrapper is collected if it never did.
            self.preview_dir = Path(tempfile.mkdtemp(prefix="talentdesk-preview-"))
            self.preview_cleanup = weakref.finalize(self, shutil.rmtree, str(self.preview_dir), True)
        target = self.preview_dir / self.kind.default_name(self.source, options)
        sessions, source, run = self.ctx.db.sessions, self.source, self.kind.run
        progress = self.progress_state

        def work(task: Task) -> ExportResult:
            return run(sessions, source, options, target, progress.update, task.abort, log=False)

        self._start(work, lambda result: self._previewed(result, options), self.tr("Preparing the preview…"))

    def _start(
        self, work: Callable[[Task], ExportResult], done: Callable[[ExportResult], None], text: str
    ) -> None:
        self.progress_state.value = (0, 0)
        self.cancelling = False
        self._set_running(True)
        self.progress.setFormat(text + "  %p%")
        self.progress.setRange(0, 0)
        self.task = self.ctx.runner.run(work, done, on_failure=self._failed, owner=self)
        self.timer.start()

    def _set_running(self, running: bool) -> None:
        self.options_box.setEnabled(not running)
        self.path.setEnabled(not running)
        self.browse.setEnabled(not running)
        self.export_button.setEnabled(not running)
        if self.preview_button is not None:
            self.preview_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.close_button.setText(
            self.tr("Cancel") if running or self.last_result is None else self.tr("Close")
        )

    def _poll(self) -> None:
        done, total = self.progress_state.value
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finished(self) -> None:
        self.task = None
        self.timer.stop()
        self._set_running(False)

    def cancel_export(self) -> None:
        if self.task is not None:
            self.cancelling = True
            self.task.abort.set()
            self.progress.setFormat(self.tr("Cancelling…"))

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._finished()
        if isinstance(exc, ExportCancelled | Cancelled):
            self._message(self.tr("Export cancelled; no file was written."))
            return
        if not isinstance(exc, TalentDeskError):
            log.error("export failed", exc_info=exc)
        self._message(error_message(exc), error=True)

    def _exported(self, result: ExportResult, options: ExportOptions, target: Path) -> None:
        self.last_result = result
        self._finished()
        self.remember(options, target)
        self.name_edited = True  # the name stays as saved
        folder = self.kind.writes_folder(options)
        if folder:
            text = self.tr("Saved in the folder “%1”.").replace("%1", result.path.name)
        else:
            text = self.tr("Saved “%1”.").replace("%1", result.path.name)
        self.result_label.setText(text + "\n" + self.tr("Folder: %1").replace("%1", str(result.path.parent)))
        self.result_warnings.setText(
            "\n".join(self.tr("Warning: %1").replace("%1", warning) for warning in result.warnings)
        )
        self.result_warnings.setVisible(bool(result.warnings))
        self.open_file_button.setVisible(not folder)
        self.result_panel.setVisible(True)
        self.close_button.setDefault(True)
        (self.open_folder_button if folder else self.open_file_button).setFocus()
        self.ctx.status.emit(text)

    def _previewed(self, result: ExportResult, options: ExportOptions) -> None:
        self._finished()
        self.preview_file, self.preview_options, self.preview_result = result.path, options, result
        self._show_preview()

    def _show_preview(self) -> None:
        from talentdesk.ui.exports.preview import PreviewDialog

        assert self.preview_file is not None
        if self.preview_window is not None:
            self.preview_window.close()
            self.preview_window.deleteLater()
        window = PreviewDialog(self.preview_file, self.kind.label(), self)
        window.save_requested.connect(lambda: self._save_from_preview())
        self.preview_window = window
        window.open()

    def _save_from_preview(self) -> None:
        if self.preview_window is not None:
            self.preview_window.close()
        self.export()

    # -- results ------------------------------------------------------------------------------

    def open_file(self) -> None:
        if self.last_result is not None:
            open_location(QUrl.fromLocalFile(str(self.last_result.path)))

    def open_folder(self) -> None:
        if self.last_result is None:
            return
        path = self.last_result.path
        folder = path if path.is_dir() else path.parent
        open_location(QUrl.fromLocalFile(str(folder)))

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Cancel: stops a running export first (the dialog stays to say so)."""
        if self.is_running():
            self.cancel_export()
            return
        super().reject()

    def done(self, code: int) -> None:
        if self.is_running():
            self.cancel_export()
            return
        self._cleanup()
        super().done(code)

    def _cleanup(self) -> None:
        if self.preview_window is not None:
            self.preview_window.close()
            self.preview_window.deleteLater()
            self.preview_window = None
        if self.preview_cleanup is not None:
            self.preview_cleanup()  # runs once; the finalizer is then dead
            self.preview_cleanup = None
            self.preview_dir = None
            self.preview_file = self.preview_options = self.preview_result = None


def _layouts() -> dict[str, tuple[str, int]]:
    """Label sheets by name: (Spanish label, labels per sheet); empty if the module is missing."""
    try:
        from talentdesk.exports.badges import list_layouts
    except ImportError:
        return {}
    return {layout.name: (layout.label, layout.per_sheet) for layout in list_layouts()}
