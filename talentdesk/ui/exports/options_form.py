"""The export dialog's options: one row per option the kind has (``ExportKind.options``), read
back as one ``ExportOptions`` and remembered in the settings.

The label-sheet rows work together: a sheet has its own printer offset (a printer's
calibration, kept per sheet) and number of labels, which bounds the start slot.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.services.search import MemberQuery
from talentdesk.ui import settings as S
from talentdesk.ui.exports.kinds import (
    EventSource,
    ExportKind,
    ExportOptions,
    MembersSource,
    ReportSource,
    Source,
)
from talentdesk.ui.settings import Settings
from talentdesk.ui.widgets.record_dialog import error_label

NOTE_STYLE = "color: palette(placeholder-text);"
MAX_OFFSET_MM = 20.0  # as exports.badges.MAX_OFFSET_MM: larger is a typo, not a printer's drift


class OptionsForm(QGroupBox):
    """The options of one export kind. ``changed``: an option that shapes the default file name
    changed; ``separate_toggled``: one file ↔ a folder of files."""

    changed = Signal()
    separate_toggled = Signal()

    def __init__(
        self,
        kind: ExportKind,
        source: Source,
        settings: Settings,
        prefer_selection: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options"))
        self.setObjectName("export-options")
        self.kind = kind
        self.source = source
        self.settings = settings
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build(prefer_selection)
        self.setLayout(self.form)
        self.setVisible(self.form.rowCount() > 0)

    # -- building -----------------------------------------------------------------------------

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(f"export-{name}")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(f"error-{name}")
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

    def _build(self, prefer_selection: bool) -> None:
        wanted = set(self.kind.options)
        source = self.source
        settings = self.settings
        selected = len(source.selected_ids)
        if "only_selected" in wanted and selected:
            if isinstance(source, MembersSource):
                text = self.tr("Only the %n selected member(s)", "", selected)
            else:
                text = self.tr("Only the %n selected participant(s)", "", selected)
            self.only_selected = QCheckBox(text)
            self.only_selected.setChecked(prefer_selection or selected > 1)
            self.only_selected.toggled.connect(lambda _on: self.changed.emit())
            self._add("only_selected", "", self.only_selected)
        # statistics count a search's groups; a saved list's are not offered (all members)
        if "only_shown" in wanted and isinstance(source, MembersSource) and source.query != MemberQuery():
            if source.total >= 0:
                text = self.tr("Only the %n member(s) shown (current search and filters)", "", source.total)
            else:
                text = self.tr("Only the members shown (current search and filters)")
            self.only_shown = QCheckBox(text)
            self.only_shown.setChecked(True)
            self._add("only_shown", "", self.only_shown)
        if "external" in wanted:
            self.external = QCheckBox(self.tr("Copy for outside IME"))
            self.external.toggled.connect(lambda _on: self.changed.emit())
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
            self.group_by.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self._add("group_by", self.tr("&Group by:"), self.group_by)
        if "title" in wanted:
            self.title_edit = QLineEdit()
            self.title_edit.setPlaceholderText(self.tr("Leave empty for the standard title"))
            self.title_edit.setMaxLength(120)
            self._add("title", self.tr("&Title:"), self.title_edit)
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
            self.signin_scope.currentIndexChanged.connect(lambda _i: self.changed.emit())
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
            self.separate_files.toggled.connect(lambda _on: self.separate_toggled.emit())
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
        if isinstance(source, ReportSource):
            self._report_rows(wanted, source)
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

    def _report_rows(self, wanted: set[str], source: ReportSource) -> None:
        """What a report is about: the Tablero's filters as they are, or a sector, chapter, year."""
        if "dashboard_filters" in wanted:
            shown = QLabel(source.described or self.tr("All members"))
            shown.setWordWrap(True)
            self._add("dashboard_filters", self.tr("Filters:"), shown)
        for name, items, chosen in (
            ("sector", source.sectors, source.filter.sector_id),
            ("chapter", source.chapters, source.filter.chapter_id),
        ):
            if name in wanted:
                combo = QComboBox()
                for item_id, label in items:
                    combo.addItem(label, item_id)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
                combo.setMaxVisibleItems(20)
                setattr(self, f"report_{name}", combo)
                self._add(name, self.tr("&Sector:") if name == "sector" else self.tr("&Chapter:"), combo)
        if "year" in wanted:
            self.report_year = QSpinBox()
            self.report_year.setRange(2000, 2100)
            self.report_year.setValue(date.today().year)
            self._add("year", self.tr("&Year:"), self.report_year)

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
            settings = self.settings
            left = self.shown_layout
            if left is not None and left != name:
                typed = (round(self.offset_x.value(), 1), round(self.offset_y.value(), 1))
                if typed != settings.badge_offset(left):
                    settings.set_badge_offset(left, typed)
            x, y = settings.badge_offset(name)
            self.offset_x.setValue(x)
            self.offset_y.setValue(y)
        self.shown_layout = name
        self.changed.emit()

    def _slot_typed(self, value: int) -> None:
        self.wanted_slot = value

    # -- reading ------------------------------------------------------------------------------

    def separate(self) -> bool:
        """One file per participant chosen (the packets)."""
        return hasattr(self, "separate_files") and self.separate_files.isChecked()

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
        if hasattr(self, "title_edit"):
            values["title"] = self.title_edit.text().strip()
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
        if hasattr(self, "report_sector"):
            values["report_sector"] = self.report_sector.currentData()
        if hasattr(self, "report_chapter"):
            values["report_chapter"] = self.report_chapter.currentData()
        if hasattr(self, "report_year"):
            values["report_year"] = self.report_year.value()
        return ExportOptions(**values)

    def remember(self, options: ExportOptions) -> None:
        """What people repeat: the paper, the grouping, the label sheet and its printer offset
        (per sheet: it is a printer's calibration)."""
        settings = self.settings
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


def _layouts() -> dict[str, tuple[str, int]]:
    """Label sheets by name: (Spanish label, labels per sheet); empty if the module is missing."""
    try:
        from talentdesk.exports.badges import list_layouts
    except ImportError:
        return {}
    return {layout.name: (layout.shown_label, layout.per_sheet) for layout in list_layouts()}
