"""English mode has no Spanish label left: the members area, a member form, the event's
Participants and Review tabs and the import wizard's field list, on demo data (issue 12, 10).

Data stays as typed (names, cities, session titles); what must not appear is a domain label or
field name of the Spanish source: "Activo", "Confirmado", "Sí", "Ponente", "Maestría"…
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core import i18n, validation
from talentdesk.core.enums import LabeledEnum
from talentdesk.core.models import BUILTIN_CONTRIBUTIONS, Member
from talentdesk.imports.mapping import FIELDS
from talentdesk.services import event_checks
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.area import EventsArea
from talentdesk.ui.imports.wizard import ImportWizard
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.members.form import MemberDialog
from tests.gui.helpers import click, read, show_area, wait_data

pytestmark = pytest.mark.gui


def _vocabularies() -> Iterable[type[LabeledEnum]]:
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        yield cls


def spanish_labels() -> set[str]:
    """Every Spanish source label below the UI whose English differs (\"Panel\" is both)."""
    sources = {item.source_label for cls in _vocabularies() for item in cls}
    sources |= set(validation.FIELD_LABELS.values()) | set(BUILTIN_CONTRIBUTIONS)
    sources |= set(event_checks.KINDS.values()) | {f.source_label for f in FIELDS} | {"Sí"}
    i18n.set_language("en")
    return {s for s in sources if i18n._(s) != s}


def model_texts(model: QAbstractItemModel, limit: int = 400) -> list[str]:
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (completers): one column, its count is private
        columns = 1
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(min(model.rowCount(QModelIndex()), limit)):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                texts.append(str(value))
    return texts


def widget_texts(root: QWidget) -> list[str]:
    """What a person can read in ``root`` and every widget in it (hidden tabs included)."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts += model_texts(w.model())
    return texts


_PIECES = re.compile(r"\s*(?:·|,|;|:|\(|\)|\n)\s*")


def spanish_left(texts: Iterable[str], labels: set[str]) -> list[str]:
    """Texts that are, or hold as a piece ("Estatus: Activo", "Sí · No"), a Spanish label."""
    found = []
    for text in texts:
        pieces = {text.strip(), *(_PIECES.split(text))}
        if pieces & labels:
            found.append(text)
    return found


@pytest.fixture()
def labels() -> set[str]:
    known = spanish_labels()
    assert {"Activo", "Confirmado", "Sí", "Ponente", "Maestría", "Correo electrónico"} <= known
    return known


def test_members_area_and_form_are_english(
    qtbot: QtBot, members: MembersArea, ctx: AppContext, labels: set[str]
) -> None:
    texts = widget_texts(members)
    assert "Active" in texts or "Prospect" in texts
    assert not spanish_left(texts, labels)

    member_id = read(
        ctx,
        lambda s: s.scalar(
            select(Member.id).where(Member.degree_level.is_not(None), Member.gender.is_not(None)).limit(1)
        ),
    )
    dialog = MemberDialog(ctx, member_id)  # it deletes itself on close (see test_member_form)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    try:
        texts = widget_texts(dialog)
        assert "Strategic vision" in texts and "Master's degree" in texts
        assert not spanish_left(texts, labels)
    finally:
        dialog.baseline = dialog.values()  # no question when it closes
        dialog.done(0)
        QApplication.processEvents()


def test_event_participants_and_review_are_english(qtbot: QtBot, ctx: AppContext, labels: set[str]) -> None:
    area: EventsArea = show_area(qtbot, EventsArea(ctx), rows=1, size=(1400, 900))
    click(qtbot, area, "event-open")
    ws = area.workspace
    wait_data(qtbot, ws, lambda d: True)
    for tab in (ws.participants, ws.review):
        ws.tabs.setCurrentWidget(tab)
        qtbot.wait(50)
    participants, review = widget_texts(ws.participants), widget_texts(ws.review)
    assert "Speaker" in participants and ("Confirmed" in participants or "Invited" in participants)
    assert "Room booked twice" in review
    assert not spanish_left(participants, labels)
    assert not spanish_left(review, labels)
    assert not spanish_left([ws.tabs.tabText(i) for i in range(ws.tabs.count())], labels)


def test_import_field_list_is_english(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, labels: set[str]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre(s)", "Apellido paterno", "Correo electrónico", "Estatus"])
    sheet.append(["Xóchitl", "Zapata", "xochitl@example.org", "Activo"])
    path = tmp_path / "miembros.xlsx"
    book.save(path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combo_items = [c.itemText(i) for c in wizard.mapping_page.combos for i in range(c.count())]
    assert {"Given name(s)", "Paternal surname", "E-mail", "Status"} <= set(combo_items)
    texts = widget_texts(wizard.mapping_page) + widget_texts(wizard.file_page)
    # the file's own headers and values are data: only the lists the program writes are checked
    data = {"Nombre(s)", "Apellido paterno", "Correo electrónico", "Estatus", "Activo"}
    shown = [t for t in texts if t not in data and not any(d in t for d in ("Xóchitl", "xochitl"))]
    assert not spanish_left(shown, labels)
    assert not spanish_left(combo_items, labels)
