"""Merge two members that are the same person: pick each field's value, keep one record.

The data work is ``services.member_merge.merge_members``: participations, board positions,
sectors and contributions go to the kept member, the other is deleted, and the audit trail
records all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from talentdesk.ops import members as ops_members
from talentdesk.services import reference
from talentdesk.services.member_merge import CHOOSABLE, MergeResult, default_choices
from talentdesk.services.members import get_member, member_values
from talentdesk.ui.context import AppContext
from talentdesk.ui.tasks import Task, error_message
from talentdesk.ui.widgets.buttons import ask


@dataclass(frozen=True)
class _Loaded:
    values: tuple[dict[str, Any], dict[str, Any]]
    names: tuple[str, str]
    chapters: dict[int, str]


class MergeDialog(QDialog):
    """Left and right: the two members as selected; one radio per field says whose value stays."""

    LEFT, RIGHT = 0, 1

    def __init__(self, ctx: AppContext, left_id: int, right_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge-dialog")
        self.ctx = ctx
        self.ids = (left_id, right_id)
        self.loaded: _Loaded | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.merged: MergeResult | None = None
        self.failure: BaseException | None = None
        self.confirm = True  # tests turn the question off
        self.setWindowTitle(self.tr("Merge duplicate members"))
        self.resize(860, 640)
        self.keep = QComboBox()
        self.keep.setObjectName("merge-keep")
        self.keep.currentIndexChanged.connect(lambda _i: self._update_note())
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("merge-fields")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setObjectName("merge-note")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Merge"))
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Member to keep:")))
        top.addWidget(self.keep, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._load()

    # -- loading ------------------------------------------------------------------------------

    def _load(self) -> None:
        ids = self.ids

        def query(session: Session, _task: Task) -> _Loaded:
            members = [get_member(session, i) for i in ids]
            values = (member_values(members[0]), member_values(members[1]))
            names = (f"{members[0].full_name} (id {ids[0]})", f"{members[1].full_name} (id {ids[1]})")
            chapters = {c.id: c.name for c in reference.chapters(session)}
            return _Loaded(values, names, chapters)

        self.ctx.read(query, self._show, on_failure=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.failure = exc
        self.note.setText(error_message(exc))

    def _show(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        self.keep.blockSignals(True)
        self.keep.clear()
        self.keep.addItem(loaded.names[0], self.LEFT)
        self.keep.addItem(loaded.names[1], self.RIGHT)
        self.keep.blockSignals(False)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), loaded.names[0], loaded.names[1]])
        labels = self._labels()
        left, right = loaded.values
        preferred = default_choices(left, right)
        self.table.setRowCount(len(CHOOSABLE))
        for row, field in enumerate(CHOOSABLE):
            self.table.setItem(row, 0, QTableWidgetItem(labels.get(field, field)))
            group = QButtonGroup(self)
            same = _same(left.get(field), right.get(field))
            for side, values in ((self.LEFT, left), (self.RIGHT, right)):
                radio = QRadioButton(self._show_value(field, values.get(field)))
                radio.setObjectName(f"merge-{field}-{'left' if side == self.LEFT else 'right'}")
                radio.setEnabled(not same)
                group.addButton(radio, side)
                self.table.setCellWidget(row, 1 + side, radio)
            chosen = self.RIGHT if preferred[field] == "drop" else self.LEFT
            group.button(chosen).setChecked(True)
            self.groups[field] = group
        self.table.resizeColumnToContents(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._update_note()

    def _update_note(self) -> None:
        if self.loaded is None:
            return
        other = self.loaded.names[1 - self.kept_side()]
        self.note.setText(
            self.tr(
                "%1 will be deleted. Its sectors and contributions are added to the kept member, and "
                "its event participations and board positions move to it. The audit trail records "
                "the merge."
            ).replace("%1", other)
        )

    # -- choosing -----------------------------------------------------------------------------

    def kept_side(self) -> int:
        side = self.keep.currentData()
        return self.RIGHT if side == self.RIGHT else self.LEFT

    def choose(self, field: str, side: int) -> None:
        """Which member's value of ``field`` stays (LEFT or RIGHT)."""
        button = self.groups[field].button(side)
        if button.isEnabled():
            button.setChecked(True)

    def choices(self) -> dict[str, str]:
        kept = self.kept_side()
        return {
            field: ("keep" if group.checkedId() == kept else "drop")
            for field, group in self.groups.items()
            if group.checkedId() in (self.LEFT, self.RIGHT)
        }

    def merge(self) -> None:
        if self.loaded is None:
            return
        kept = self.kept_side()
        keep_id, drop_id = self.ids[kept], self.ids[1 - kept]
        other = self.loaded.names[1 - kept]
        if self.confirm and not ask(
            self,
            self.tr("Merge duplicate members"),
            self.tr("Merge the two members and delete %1? You can undo it with Ctrl+Z.").replace("%1", other),
        ):
            return
        choices = self.choices()
        self.buttons.setEnabled(False)

        self.ctx.perform(
            ops_members.merge(keep_id, drop_id, choices),
            on_done=self._merged,
            on_failure=self._merge_failed,
            parent=self,
        )

    def _merged(self, result: MergeResult) -> None:
        if not shiboken6.isValid(self):
            return
        self.merged = result
        self.accept()

    def _merge_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.failure = exc
        self.buttons.setEnabled(True)
        self.note.setText(error_message(exc))

    # -- showing values -----------------------------------------------------------------------

    def _show_value(self, field: str, value: Any) -> str:
        if value is None or value == "" or value == []:
            return self.tr("(empty)")
        if field == "chapter_id" and self.loaded is not None:
            return self.loaded.chapters.get(int(value), str(value))
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, list):
            return ", ".join(_label(v) for v in value)
        text = _label(value)
        return text if len(text) <= 120 else text[:117] + "…"

    def _labels(self) -> dict[str, str]:
        return {
            "given_names": self.tr("Given names"),
            "paternal_surname": self.tr("Paternal surname"),
            "maternal_surname": self.tr("Maternal surname"),
            "preferred_name": self.tr("Preferred name"),
            "state": self.tr("State / region"),
            "city": self.tr("City"),
            "expertise": self.tr("Expertise"),
            "field_of_study": self.tr("Field of study"),
            "institution": self.tr("Institution"),
            "employer": self.tr("Employer"),
            "job_title": self.tr("Job title"),
            "languages": self.tr("Languages"),
            "consent_source": self.tr("Consent source"),
            "notes": self.tr("Notes"),
            "gender": self.tr("Gender"),
            "degree_level": self.tr("Degree"),
            "status": self.tr("Status"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "country": self.tr("Country"),
            "website": self.tr("Website"),
            "joined_on": self.tr("Joined on"),
            "consent_date": self.tr("Consent date"),
            "directory_consent": self.tr("In directories"),
            "print_fields": self.tr("Printable data"),
            "chapter_id": self.tr("Chapter"),
        }


def _label(value: Any) -> str:
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return str(label) if label is not None else str(value.value)
    return str(value)


def _same(a: Any, b: Any) -> bool:
    empty: tuple[Any, ...] = (None, "", [])
    if a in empty and b in empty:
        return True
    return bool(a == b)
