"""Materiales y tareas: what to prepare (with its status) and the to-do list (done or not)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from talentdesk.core.enums import MaterialStatus
from talentdesk.ops import events as ops_events
from talentdesk.services.event_view import EventData, MaterialRow, TaskRow
from talentdesk.ui.context import AppContext
from talentdesk.ui.widgets.buttons import ask, button_row
from talentdesk.ui.widgets.choosers import DateField, EnumCombo
from talentdesk.ui.widgets.fitting import FlowLayout
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column, RecordTableModel
from talentdesk.ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex


class TaskModel(RecordTableModel):
    """The tasks, with a check box in the first column to mark them done."""

    toggled = Signal(int, bool)  # task id, done

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0:
            row = self.row(index.row())
            if row is None:
                return None
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return ""
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        row = self.row(index.row())
        if row is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        if done == row.done:
            return True
        self.rows[index.row()] = dataclasses.replace(row, done=done)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(row.id, done)
        return True


class MaterialsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("materials-tab")
        self.data: EventData | None = None
        self.dialog: RecordDialog | None = None

        # materials
        self.material_model = RecordTableModel(
            [
                Column(self.tr("Material"), lambda m: m.item),
                Column(self.tr("Quantity"), lambda m: m.quantity, numeric=True),
                Column(self.tr("Responsible"), lambda m: m.responsible),
                Column(
                    self.tr("Status"),
                    lambda m: m.status.label,
                    sort_key=lambda m: list(MaterialStatus).index(m.status),
                ),
            ],
            self,
        )
        self.materials: QTableView = make_table(self.material_model, "material-table")
        for column, width in enumerate((220, 70, 170)):
            self.materials.horizontalHeader().resizeSection(column, width)
        self.materials.doubleClicked.connect(lambda _i: self.edit_material())
        self.materials.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.material_count = QLabel()
        self.material_count.setObjectName("material-count")
        self.add_material_button = self._button(self.tr("&Add material…"), "material-add", self.add_material)
        self.edit_material_button = self._button(self.tr("&Edit…"), "material-edit", self.edit_material)
        self.material_status_menu = QMenu(self)
        for status in MaterialStatus:
            action = QAction(status.label, self.material_status_menu)
            action.setObjectName(f"material-status-{status.value}")
            action.triggered.connect(lambda _c=False, s=status: self.set_material_status(s))
            self.material_status_menu.addAction(action)
        self.material_status_button = QToolButton()
        self.material_status_button.setObjectName("material-status")
        self.material_status_button.setText(self.tr("&Status"))
        self.material_status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.material_status_button.setMenu(self.material_status_menu)
        self.delete_material_button = self._button(
            self.tr("&Delete…"), "material-delete", self.delete_material
        )
        material_box = QGroupBox(self.tr("Materials"))
        material_layout = QVBoxLayout(material_box)
        material_layout.addWidget(self.material_count)
        material_layout.addWidget(self.materials, 1)
        material_layout.addLayout(
            self._row(
                self.add_material_button,
                self.edit_material_button,
                self.material_status_button,
                self.delete_material_button,
            )
        )

        # tasks
        self.task_model = TaskModel(
            [
                Column(self.tr("Done"), lambda t: t.done),
                Column(self.tr("Task"), lambda t: t.title),
                Column(self.tr("Due"), lambda t: t.due_on, sort_key=lambda t: t.due_on or date.max),
                Column(self.tr("Responsible"), lambda t: t.responsible),
            ],
            self,
        )
        self.task_model.toggled.connect(self.set_task_done)
        self.tasks: QTableView = make_table(self.task_model, "task-table")
        for column, width in enumerate((60, 300, 100)):
            self.tasks.horizontalHeader().resizeSection(column, width)
        self.tasks.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.tasks.doubleClicked.connect(lambda index: self.edit_task() if index.column() else None)
        self.tasks.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.task_count = QLabel()
        self.task_count.setObjectName("task-count")
        self.add_task_button = self._button(self.tr("Add &task…"), "task-add", self.add_task)
        self.edit_task_button = self._button(self.tr("Ed&it…"), "task-edit", self.edit_task)
        self.toggle_task_button = self._button(
            self.tr("&Mark done / not done"), "task-toggle", self.toggle_task
        )
        self.delete_task_button = self._button(self.tr("De&lete…"), "task-delete", self.delete_task)
        task_box = QGroupBox(self.tr("Tasks"))
        task_layout = QVBoxLayout(task_box)
        task_layout.addWidget(self.task_count)
        task_layout.addWidget(self.tasks, 1)
        task_layout.addLayout(
            self._row(
                self.add_task_button, self.edit_task_button, self.toggle_task_button, self.delete_task_button
            )
        )

        # Stacked, not side by side: two tables with their button rows made the whole window
        # wider than a 1024-pixel screen.
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("materials-splitter")
        split.addWidget(material_box)
        split.addWidget(task_box)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _row(self, *widgets: QWidget) -> FlowLayout:
        return button_row(*widgets)

    # -- data ---------------------------------------------------------------------------------

    def set_data(self, data: EventData) -> None:
        keep_material, keep_task = self.current_material(), self.current_task()
        self.data = data
        self.material_model.set_rows(data.materials)
        self.task_model.set_rows(data.tasks)
        ready = sum(1 for m in data.materials if m.status is MaterialStatus.READY)
        self.material_count.setText(
            self.tr("%n material(s)", "", len(data.materials)) + " · " + self.tr("%n ready", "", ready)
        )
        done = sum(1 for t in data.tasks if t.done)
        self.task_count.setText(
            self.tr("%n task(s)", "", len(data.tasks)) + " · " + self.tr("%n done", "", done)
        )
        if keep_material is not None and (row := self.material_model.row_of(keep_material.id)) is not None:
            self.materials.selectRow(row)
        if keep_task is not None and (row := self.task_model.row_of(keep_task.id)) is not None:
            self.tasks.selectRow(row)
        self._update_buttons()

    def current_material(self) -> MaterialRow | None:
        rows = self.materials.selectionModel().selectedRows()
        row: MaterialRow | None = self.material_model.row(rows[0].row()) if rows else None
        return row

    def current_task(self) -> TaskRow | None:
        rows = self.tasks.selectionModel().selectedRows()
        row: TaskRow | None = self.task_model.row(rows[0].row()) if rows else None
        return row

    def _update_buttons(self) -> None:
        has_event = self.data is not None
        material, task = self.current_material() is not None, self.current_task() is not None
        self.add_material_button.setEnabled(has_event)
        self.add_task_button.setEnabled(has_event)
        for button in (self.edit_material_button, self.material_status_button, self.delete_material_button):
            button.setEnabled(material)
        for button in (self.edit_task_button, self.toggle_task_button, self.delete_task_button):
            button.setEnabled(task)

    def _open(self, dialog: RecordDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    # -- materials ----------------------------------------------------------------------------

    def add_material(self) -> None:
        if self.data is not None:
            self._open(MaterialDialog(self.ctx, self.data.event.id, None, self))

    def edit_material(self) -> None:
        row = self.current_material()
        if self.data is not None and row is not None:
            self._open(MaterialDialog(self.ctx, self.data.event.id, row, self))

    def set_material_status(self, status: MaterialStatus) -> None:
        row = self.current_material()
        if row is None or row.status == status:
            return
        self.ctx.perform(ops_events.set_material_status(row.id, status), parent=self)

    def delete_material(self) -> None:
        row = self.current_material()
        if row is None or not ask(
            self,
            self.tr("Delete material"),
            self.tr("Delete “%1”? You can undo it with Ctrl+Z.").replace("%1", row.item),
        ):
            return
        self.ctx.perform(ops_events.delete_material(row.id), parent=self)

    # -- tasks --------------------------------------------------------------------------------

    def add_task(self) -> None:
        if self.data is not None:
            self._open(TaskDialog(self.ctx, self.data.event.id, None, self))

    def edit_task(self) -> None:
        row = self.current_task()
        if self.data is not None and row is not None:
            self._open(TaskDialog(self.ctx, self.data.event.id, row, self))

    def toggle_task(self) -> None:
        row = self.current_task()
        if row is not None:
            self.set_task_done(row.id, not row.done)

    def set_task_done(self, task_id: int, done: bool) -> None:
        self.ctx.perform(ops_events.set_task_done(task_id, done), parent=self)

    def delete_task(self) -> None:
        row = self.current_task()
        if row is None or not ask(
            self,
            self.tr("Delete task"),
            self.tr("Delete “%1”? You can undo it with Ctrl+Z.").replace("%1", row.title),
        ):
            return
        self.ctx.perform(ops_events.delete_task(row.id), parent=self)


class MaterialDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, event_id: int, row: MaterialRow | None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New material") if row is None else self.tr("Material “%1”").replace("%1", row.item)
        super().__init__(ctx, title, "material-dialog", parent)
        self.event_id, self.row = event_id, row
        self.item = QLineEdit(row.item if row else "")
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 1_000_000)
        self.quantity.setValue(row.quantity if row else 1)
        self.quantity.valueChanged.connect(lambda _v: self.set_modified(True))
        self.responsible = QLineEdit((row.responsible or "") if row else "")
        self.status = EnumCombo(MaterialStatus)
        self.status.set_value(row.status if row else MaterialStatus.PENDING)
        self.add_field("item", self.tr("&Material"), self.item)
        self.add_field("quantity", self.tr("&Quantity"), self.quantity)
        self.add_field("responsible", self.tr("&Responsible"), self.responsible)
        self.add_field("status", self.tr("&Status"), self.status)
        self.setMinimumWidth(440)
        self.item.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        if self.row is not None:
            self.run(ops_events.update_material(self.row.id, values))
        else:
            self.run(ops_events.add_material(self.event_id, **values))


class TaskDialog(RecordDialog):
    def __init__(
        self, ctx: AppContext, event_id: int, row: TaskRow | None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New task") if row is None else self.tr("Task “%1”").replace("%1", row.title)
        super().__init__(ctx, title, "task-dialog", parent)
        self.event_id, self.row = event_id, row
        self.title_edit = QLineEdit(row.title if row else "")
        self.due_on = DateField(row.due_on if row else None)
        self.responsible = QLineEdit((row.responsible or "") if row else "")
        self.done_box = QCheckBox(self.tr("Done"))
        self.done_box.setChecked(bool(row and row.done))
        self.add_field("title", self.tr("&Task"), self.title_edit)
        self.add_field("due_on", self.tr("&Due on"), self.due_on)
        self.add_field("responsible", self.tr("&Responsible"), self.responsible)
        self.add_field("done", self.tr("Status"), self.done_box)
        self.setMinimumWidth(440)
        self.title_edit.setFocus()

    def submit(self) -> None:
        values = self.field_values()
        if self.row is not None:
            self.run(ops_events.update_task(self.row.id, values))
        else:
            self.run(ops_events.add_task(self.event_id, **values))
