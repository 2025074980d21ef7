"""The member import wizard: file, column mapping, preview (the dry run), apply.

Nothing is written until the last page: the preview runs ``prepare_import`` on a read-only
session, and the apply page runs ``apply_import`` in one transaction, so cancelling anywhere
(the wizard's Cancel or the progress dialog's) leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from talentdesk.imports.mapping import (
    FIELDS,
    ColumnMapping,
    guess_mapping,
    mapping_from_saved,
    mapping_problems,
    mapping_to_saved,
)
from talentdesk.imports.plan import Action, ImportPlan, ImportResult, RowPlan
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import SourceTable, read_source
from talentdesk.ops import imports as ops_imports
from talentdesk.ops import settings as ops_settings
from talentdesk.ops.import_report import write_error_report
from talentdesk.services import import_mappings
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex
SAMPLE_ROWS = 3


def _alive(obj: QObject) -> bool:
    return shiboken6.isValid(obj)


# -- models ----------------------------------------------------------------------------------------


class DuplicatesModel(QAbstractTableModel):
    """The plan's duplicates; the last column (the action) is editable with an Action."""

    ACTION = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.rows: list[RowPlan] = []
        self.headers = [
            self.tr("Row"),
            self.tr("Name"),
            self.tr("E-mail"),
            self.tr("Matches"),
            self.tr("Action"),
        ]

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.rows = plan.duplicates() if plan is not None else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.ACTION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == self.ACTION:
            return row.action.value
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        v = row.values
        if column == 0:
            return str(row.number)
        if column == 1:
            parts = (v.get("given_names"), v.get("paternal_surname"), v.get("maternal_surname"))
            return " ".join(p for p in parts if p)
        if column == 2:
            return v.get("email") or ""
        if column == 3:
            return row.duplicate.describe() if row.duplicate is not None else ""
        if column == self.ACTION:
            return row.action.label
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != self.ACTION
            or self.plan is None
            or not 0 <= index.row() < len(self.rows)
        ):
            return False
        row = self.rows[index.row()]
        try:
            wanted = Action(value)
        except ValueError:
            return False
        if wanted not in row.allowed_actions():
            return False
        self.plan.choose(row.number, wanted)
        self.dataChanged.emit(index, index)
        return True

    def allowed(self, row: int) -> tuple[Action, ...]:
        return self.rows[row].allowed_actions() if 0 <= row < len(self.rows) else ()


class ActionDelegate(QStyledItemDelegate):
    """A combo of the row's allowed actions."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, DuplicatesModel):
            for action in model.allowed(index.row()):
                combo.addItem(action.label, action.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class WrappedRows(QObject):
    """Long texts wrap inside their cell and each row is as tall as its text needs, so a message
    is never cut with "…" (refitted when a column changes width). Past ``LIMIT`` rows only the
    rows on screen are measured: fitting every row of a 100,000-problem file would freeze."""

    LIMIT = 2000

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.refit)
        table.horizontalHeader().sectionResized.connect(lambda *_: self.timer.start())
        table.verticalScrollBar().valueChanged.connect(lambda _v: self._refit_visible())
        model = table.model()
        model.modelReset.connect(self.timer.start)
        model.layoutChanged.connect(self.timer.start)
        model.dataChanged.connect(lambda *_: self.timer.start())

    def refit(self) -> None:
        if self.table.model().rowCount() <= self.LIMIT:
            self.table.resizeRowsToContents()
        else:
            self._refit_visible()

    def _refit_visible(self) -> None:
        if self.table.model().rowCount() <= self.LIMIT:
            return
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height())
        last = self.table.model().rowCount() - 1 if last < 0 else last
        for row in range(first, min(last + 1, first + 200)):
            self.table.resizeRowToContents(row)


# -- pages -----------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file with one member per row."))
        self.path = QLineEdit()
        self.path.setObjectName("import-path")
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("import-browse")
        browse.clicked.connect(self.browse)
        self.info = QLabel()
        self.info.setObjectName("import-file-info")
        self.info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.loading = False

    def browse(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self, self.tr("Import members"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.load(path)

    def load(self, path: str | Path) -> None:
        """Read the file in the background; errors (in Spanish) show below the path."""
        self.path.setText(str(path))
        self.wiz.source = None
        self.loading = True
        self.info.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()

        def work(_task: Task) -> SourceTable:
            return read_source(path)

        self.wiz.ctx.runner.run(work, self._loaded, on_failure=self._failed, owner=self)

    def _loaded(self, source: SourceTable) -> None:
        self.loading = False
        self.wiz.source = source
        lines = [
            self.tr("%n data row(s), %1 column(s).", "", len(source.rows)).replace(
                "%1", str(len(source.headers))
            )
        ]
        if source.sheet:
            lines.append(self.tr("Sheet: %1").replace("%1", source.sheet))
        lines.extend(source.notices)
        self.info.setText("\n".join(lines))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.wiz.source = None
        self.info.setText(error_message(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.source is not None and not self.loading


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Say which member field each column of the file holds."))
        self.saved = QComboBox()
        self.saved.setObjectName("import-saved-mappings")
        self.saved.activated.connect(self._load_saved)
        self.saved_columns: dict[str, dict[str, str | None]] = {}
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("import-mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"), self.tr("Field")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems = QLabel()
        self.problems.setObjectName("import-mapping-problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.save_name = QLineEdit()
        self.save_name.setObjectName("import-mapping-name")
        self.save_name.setPlaceholderText(self.tr("Name to save this mapping as"))
        self.save_button = QPushButton(self.tr("Save mapping"))
        self.save_button.setObjectName("import-mapping-save")
        self.save_button.clicked.connect(self.save_mapping)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        top.addWidget(self.saved, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Save as:")))
        bottom.addWidget(self.save_name, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        source = self.wiz.source
        assert source is not None
        self.table.setRowCount(len(source.headers))
        self.combos = []
        sample = source.preview(SAMPLE_ROWS)
        for i, header in enumerate(source.headers):
            self.table.setItem(i, 0, QTableWidgetItem(header))
            examples = [r[i] for r in sample if i < len(r) and r[i]]
            self.table.setItem(i, 1, QTableWidgetItem(" · ".join(examples)))
            combo = QComboBox()
            combo.setObjectName(f"import-field-{i}")
            combo.addItem(self.tr("(do not import)"), None)
            for f in FIELDS:
                combo.addItem(f.label, f.key)
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.set_columns(guess_mapping(source.headers))
        self._load_saved_list()

    def set_columns(self, columns: ColumnMapping) -> None:
        for combo, field in zip(self.combos, columns, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(field), 0))
            combo.blockSignals(False)
        self._changed()

    def columns(self) -> ColumnMapping:
        return [combo.currentData() for combo in self.combos]

    def _changed(self) -> None:
        source = self.wiz.source
        problems = mapping_problems(source.headers, self.columns()) if source is not None else []
        self.problems.setText("\n".join(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        source = self.wiz.source
        return source is not None and not mapping_problems(source.headers, self.columns())

    def validatePage(self) -> bool:
        self.wiz.columns = self.columns()
        return True

    # -- saved mappings -----------------------------------------------------------------------

    def _load_saved_list(self) -> None:
        def query(session: Session, _task: Task) -> dict[str, dict[str, str | None]]:
            return {
                m.name: import_mappings.get_mapping(session, m.name)
                for m in import_mappings.list_mappings(session)
            }

        self.wiz.ctx.read(query, self._fill_saved, owner=self)

    def _fill_saved(self, saved: dict[str, dict[str, str | None]]) -> None:
        self.saved_columns = saved
        self.saved.clear()
        self.saved.addItem(self.tr("(guessed from the headers)"), None)
        for name in saved:
            self.saved.addItem(name, name)

    def _load_saved(self, index: int) -> None:
        source = self.wiz.source
        if source is None:
            return
        name = self.saved.itemData(index)
        if name is None:
            self.set_columns(guess_mapping(source.headers))
        else:
            self.set_columns(mapping_from_saved(source.headers, self.saved_columns[name]))
            self.save_name.setText(name)

    def save_mapping(self) -> None:
        source = self.wiz.source
        if source is None:
            return
        name = self.save_name.text()
        columns = mapping_to_saved(source.headers, self.columns())

        self.wiz.ctx.perform(
            ops_settings.save_mapping(name, columns),
            on_done=lambda _n: self._load_saved_list() if _alive(self) else None,
            parent=self,
        )


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been saved yet. Choose what to do with each duplicate."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.task: Task | None = None
        self.status = QLabel()
        self.status.setObjectName("import-status")
        self.status.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("import-counts")
        self.counts.setWordWrap(True)
        self.errors = RecordTableModel(
            [
                Column(self.tr("Row"), lambda e: e.row, numeric=True),
                Column(self.tr("Column"), lambda e: e.column),
                Column(self.tr("Value"), lambda e: e.value),
                Column(self.tr("Problem"), lambda e: e.message),
            ],
            self,
            id_of=lambda e: int(e.row),
        )
        self.error_table = make_table(self.errors, "import-errors")
        self.error_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # from the first row down
        self.duplicates = DuplicatesModel(self)
        self.duplicates.dataChanged.connect(lambda *_: self._show_counts())
        self.dup_table = make_table(self.duplicates, "import-duplicates", sortable=False)
        self.dup_table.setItemDelegateForColumn(DuplicatesModel.ACTION, ActionDelegate(self.dup_table))
        for table in (self.error_table, self.dup_table):  # short columns fit their text; the last stretches
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        # Messages are shown whole: wrapped in their cell (rows as tall as they need), never "…".
        self.error_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.dup_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.dup_table.horizontalHeader().setStretchLastSection(False)
        self._wrapping = [WrappedRows(self.error_table), WrappedRows(self.dup_table)]
        self.detail = QLabel()
        self.detail.setObjectName("import-problem-detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_table.selectionModel().currentRowChanged.connect(
            lambda current, _p: self._show_detail(current)
        )
        self.blocked = QLabel()
        self.blocked.setObjectName("import-blocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #b00020;")
        self.blocked.hide()
        self.dup_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.valid_only = QCheckBox(self.tr("Only the valid rows (skip the rows with problems)"))
        self.valid_only.setObjectName("import-valid-only")
        self.valid_only.toggled.connect(lambda _on: self._changed())
        self.report_button = QPushButton(self.tr("Save error report…"))
        self.report_button.setObjectName("import-report")
        self.report_button.clicked.connect(self.save_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.valid_only, 1)
        buttons.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(self.tr("Problems:")))
        layout.addWidget(self.error_table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(QLabel(self.tr("Possible duplicates (double-click the action to change it):")))
        layout.addWidget(self.dup_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.blocked)

    def initializePage(self) -> None:
        self.wiz.plan = None
        self._show_plan(None)
        source, columns = self.wiz.source, list(self.wiz.columns)
        assert source is not None
        self.status.setText(self.tr("Checking every row…"))
        db = self.wiz.ctx.db

        def work(task: Task) -> ImportPlan:
            with db.reader() as session:
                return prepare_import(session, source, columns, progress=task.progress, abort=task.abort)

        self.task = self.wiz.ctx.runner.run(
            work,
            self._prepared,
            on_failure=self._failed,
            title=self.tr("Checking the file…"),
            parent=self.wiz,
            owner=self,
        )

    def cleanupPage(self) -> None:
        self.abort()
        self.wiz.plan = None
        self._show_plan(None)

    def abort(self) -> None:
        if self.task is not None:
            self.task.abort.set()
            self.task = None

    def _prepared(self, plan: ImportPlan) -> None:
        self.task = None
        self.wiz.plan = plan
        self.status.setText("\n".join(plan.notices))
        self._show_plan(plan)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.status.setText(error_message(exc))
        self._changed()

    def _show_detail(self, current: QModelIndex) -> None:
        error = self.errors.row(current.row()) if current.isValid() else None
        if error is None:
            self.detail.setText("")
        elif error.column:
            self.detail.setText(
                self.tr("Row %1, column “%2”: %3")
                .replace("%1", str(error.row))
                .replace("%2", error.column)
                .replace("%3", error.message)
            )
        else:
            self.detail.setText(
                self.tr("Row %1: %2").replace("%1", str(error.row)).replace("%2", error.message)
            )

    def _show_plan(self, plan: ImportPlan | None) -> None:
        self.errors.set_rows(plan.errors() if plan is not None else [])
        self.detail.setText("")
        self.duplicates.set_plan(plan)
        for wrapping in self._wrapping:
            wrapping.refit()
        self.report_button.setEnabled(plan is not None)
        self.valid_only.setEnabled(plan is not None and bool(plan.errors()))
        self._show_counts()

    def _show_counts(self) -> None:
        plan = self.wiz.plan
        if plan is None:
            self.counts.setText("")
        else:
            s = plan.summary()
            self.counts.setText(
                self.tr("Rows: %1 · New: %2 · Updates: %3 · Duplicates: %4 · Skipped: %5 · With errors: %6")
                .replace("%1", f"{s.rows:,}")
                .replace("%2", f"{s.new:,}")
                .replace("%3", f"{s.updated:,}")
                .replace("%4", f"{s.duplicates:,}")
                .replace("%5", f"{s.skipped:,}")
                .replace("%6", f"{s.errors:,}")
            )
        self._changed()

    def _blocked(self) -> bool:
        plan = self.wiz.plan
        return plan is not None and bool(plan.errors()) and not self.valid_only.isChecked()

    def _changed(self) -> None:
        self._say_blocked(self.wiz.plan if self._blocked() else None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.plan is not None and not self._blocked()

    def _say_blocked(self, plan: ImportPlan | None) -> None:
        """Why "Import" is disabled: the file has problems and all or nothing was asked."""
        if plan is None:
            self.blocked.hide()
            return
        rows = len({e.row for e in plan.errors()})
        self.blocked.setText(
            self.tr(
                "“Import” is disabled: nothing is saved while any row has a problem (rows with "
                "problems: %1). Fix the file and check it again, or tick “Only the valid rows” to "
                "import the rest."
            ).replace("%1", f"{rows:,}")
        )
        self.blocked.show()

    def validatePage(self) -> bool:
        self.wiz.valid_only = self.valid_only.isChecked()
        return self.wiz.plan is not None

    def save_report(self, path: str | None = None) -> None:
        plan = self.wiz.plan
        if plan is None:
            return
        if not path:
            path, _selected = QFileDialog.getSaveFileName(
                self, self.tr("Save error report"), "errores-importacion.xlsx", self.tr("Excel (*.xlsx)")
            )
        if not path:
            return
        try:
            write_error_report(plan, path)
        except Exception as exc:  # shown, not raised: the wizard stays usable
            self.status.setText(error_message(exc))
        else:
            self.status.setText(self.tr("Report saved: %1").replace("%1", str(path)))


class ApplyPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Importing"))
        self.task: Task | None = None
        self.done = False
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan = self.wiz.plan
        assert plan is not None
        valid_only = self.wiz.valid_only
        self.done = False
        self.summary.setText(self.tr("Saving the members…"))
        self.task = self.wiz.ctx.perform(
            ops_imports.apply(plan, valid_only=valid_only),
            on_done=lambda value: self._applied(value[0]),
            on_failure=self._failed,
            parent=self.wiz,
            progress=True,
        )

    def abort(self) -> None:
        if self.task is not None and not self.done:
            self.task.abort.set()

    def _applied(self, result: ImportResult) -> None:
        if not _alive(self):
            return
        self.wiz.import_result = result
        s = result.summary
        self.done = True
        self.summary.setText(
            self.tr(
                "Import finished.\nNew members: %1\nUpdated members: %2\nSkipped rows: %3\n"
                "Rows with errors (not imported): %4\n\n"
                "The audit trail records every member created or changed."
            )
            .replace("%1", f"{len(result.created_ids):,}")
            .replace("%2", f"{len(result.updated_ids):,}")
            .replace("%3", f"{s.skipped:,}")
            .replace("%4", f"{len({e.row for e in result.errors}):,}")
        )
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        if not _alive(self):
            return
        self.done = True
        self.wiz.failure = exc
        self.summary.setText(error_message(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Importar miembros: the four pages share this object's state."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-wizard")
        self.ctx = ctx
        self.source: SourceTable | None = None
        self.columns: ColumnMapping = []
        self.plan: ImportPlan | None = None
        self.valid_only = False
        self.import_result: ImportResult | None = None
        self.failure: BaseException | None = None
        self.setWindowTitle(self.tr("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.apply_page = ApplyPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.apply_page):
            self.addPage(page)

    def reject(self) -> None:
        """Cancel: stop whatever runs in the background; its transaction rolls back."""
        self.preview_page.abort()
        self.apply_page.abort()
        super().reject()
