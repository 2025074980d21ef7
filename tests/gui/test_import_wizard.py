"""The import wizard and the merge dialog, driven on real widgets over the demo database."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk.core.errors import Cancelled
from talentdesk.core.models import AuditEntry, Member
from talentdesk.imports.plan import Action
from talentdesk.services import import_mappings
from talentdesk.services.members import create_member
from talentdesk.ui.context import AppContext
from talentdesk.ui.imports.merge import MergeDialog
from talentdesk.ui.imports.wizard import ImportWizard
from talentdesk.ui.members.area import MembersArea

pytestmark = pytest.mark.gui

HEADERS = ["Nombre(s)", "Apellido paterno", "Apellido materno", "Correo electrónico", "Ciudad"]


def demo_member(ctx: AppContext) -> tuple[int, str, str, str]:
    with ctx.db.reader() as s:
        m = s.scalars(select(Member).where(Member.email.is_not(None)).order_by(Member.id)).first()
        assert m is not None and m.email
        return m.id, m.email, m.given_names, m.city or ""


def write_file(tmp_path: Path, ctx: AppContext) -> tuple[Path, int]:
    member_id, email, given, _city = demo_member(ctx)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADERS)
    ws.append(["Xóchitl", "Zapata", "Quiroga", "xochitl.zapata@prueba-importacion.mx", "Puebla"])
    ws.append(["Bernardo", "Ybarra", None, "bernardo.ybarra@prueba-importacion.mx", "León"])
    ws.append(["Itzel", "Wences", "Olmos", "itzel.wences@prueba-importacion.mx", None])
    ws.append(["Malo", "Correo", None, "esto-no-es-correo", "Toluca"])  # row 5: bad e-mail
    ws.append([given, "Otroapellido", None, email.upper(), "Ciudad Nueva"])  # row 6: same e-mail
    path = tmp_path / "miembros.xlsx"
    wb.save(path)
    return path, member_id


def member_count(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Member)) or 0)


def new_emails(ctx: AppContext) -> set[str]:
    with ctx.db.reader() as s:
        return set(s.scalars(select(Member.email).where(Member.email.like("%@prueba-importacion.mx"))))


def open_wizard(qtbot: QtBot, ctx: AppContext) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_preview(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.load(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)


def test_import_end_to_end(qtbot: QtBot, ctx: AppContext, tmp_path: Path, qtmodeltester: Any) -> None:
    path, member_id = write_file(tmp_path, ctx)
    before = member_count(ctx)
    wizard = open_wizard(qtbot, ctx)
    assert not wizard.file_page.isComplete()
    to_preview_file = wizard.file_page
    to_preview_file.load(path)
    qtbot.waitUntil(to_preview_file.isComplete, timeout=10000)
    wizard.next()
    page = wizard.mapping_page
    assert page.columns() == [
        "given_names",
        "paternal_surname",
        "maternal_surname",
        "email",
        "city",
    ]
    assert page.isComplete()
    # Unmapping the surname makes the mapping unusable, with the reason shown.
    page.combos[1].setCurrentIndex(0)
    assert not page.isComplete() and page.problems.text()
    page.combos[1].setCurrentIndex(page.combos[1].findData("paternal_surname"))
    assert page.isComplete()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    plan = wizard.plan
    assert plan is not None
    s = plan.summary()
    assert (s.rows, s.new, s.duplicates, s.errors) == (5, 3, 1, 1)
    assert "5" in preview.counts.text()
    qtmodeltester.check(preview.errors)
    qtmodeltester.check(preview.duplicates)
    assert preview.errors.rowCount() == 1
    assert preview.errors.data(preview.errors.index(0, 0)) == "5"
    assert "E-mail" in preview.errors.data(preview.errors.index(0, 3))
    # Errors: all-or-nothing is refused until "only the valid rows" is ticked.
    assert not preview.isComplete()
    preview.valid_only.setChecked(True)
    assert preview.isComplete()
    # The duplicate (same e-mail): create is not offered; choose "fill".
    dups = preview.duplicates
    assert dups.rowCount() == 1
    row = plan.duplicates()[0]
    assert row.number == 6 and row.duplicate is not None and row.duplicate.member_id == member_id
    assert Action.CREATE not in row.allowed_actions()
    action_index = dups.index(0, dups.ACTION)
    assert not dups.setData(action_index, Action.CREATE.value)
    assert dups.setData(action_index, Action.FILL.value)
    assert row.action is Action.FILL
    assert dups.data(action_index) == Action.FILL.label
    qtmodeltester.check(dups)
    # The report.
    report = tmp_path / "errores.xlsx"
    preview.save_report(str(report))
    sheet = load_workbook(report)["Errores"]
    assert sheet.cell(2, 1).value == 5
    # Apply.
    assert member_count(ctx) == before  # still nothing written
    wizard.next()
    assert wizard.currentPage() is wizard.apply_page
    qtbot.waitUntil(wizard.apply_page.isComplete, timeout=20000)
    assert wizard.failure is None, wizard.failure
    assert wizard.import_result is not None
    assert len(wizard.import_result.created_ids) == 3
    assert "audit" in wizard.apply_page.summary.text()
    assert member_count(ctx) == before + 3
    assert new_emails(ctx) == {
        "xochitl.zapata@prueba-importacion.mx",
        "bernardo.ybarra@prueba-importacion.mx",
        "itzel.wences@prueba-importacion.mx",
    }
    with ctx.db.reader() as s:
        existing = s.get(Member, member_id)
        assert existing is not None and existing.paternal_surname != "Otroapellido"  # fill only
    wizard.accept()


def test_cancel_before_apply_writes_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    with ctx.db.reader() as s:
        audits = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    before = member_count(ctx)
    wizard = open_wizard(qtbot, ctx)
    to_preview(qtbot, wizard, path)
    wizard.preview_page.valid_only.setChecked(True)
    wizard.reject()
    assert wizard.result() == QWizard.DialogCode.Rejected
    ctx.runner.wait_idle()
    assert member_count(ctx) == before
    assert new_emails(ctx) == set()
    with ctx.db.reader() as s:
        assert int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0) == audits


def test_cancel_while_checking_leaves_the_page_waiting(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.load(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
    wizard.next()
    wizard.next()
    wizard.back()  # cancels the running check
    assert wizard.currentPage() is wizard.mapping_page
    ctx.runner.wait_idle()
    qtbot.wait(50)
    assert wizard.plan is None


def test_unreadable_file_is_explained_in_spanish(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    bad = tmp_path / "roto.xlsx"
    bad.write_bytes(b"esto no es un libro de Excel")
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.load(bad)
    qtbot.waitUntil(lambda: not wizard.file_page.loading, timeout=10000)
    assert not wizard.file_page.isComplete()
    assert wizard.file_page.info.text()
    assert wizard.source is None


def test_mapping_saved_and_loaded(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.load(path)
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
    wizard.next()
    page = wizard.mapping_page
    page.combos[4].setCurrentIndex(0)  # do not import the city
    page.save_name.setText("Registro Puebla")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.saved.findData("Registro Puebla") >= 0, timeout=10000)
    with ctx.db.reader() as s:
        assert import_mappings.get_mapping(s, "Registro Puebla")["Ciudad"] is None
    page.saved.setCurrentIndex(0)
    page._load_saved(0)
    assert page.columns()[4] == "city"
    index = page.saved.findData("Registro Puebla")
    page.saved.setCurrentIndex(index)
    page._load_saved(index)
    assert page.columns()[4] is None


# -- the merge dialog ------------------------------------------------------------------------------


def two_members(ctx: AppContext) -> tuple[int, int]:
    with ctx.db.session() as s:
        left = create_member(
            s,
            {"given_names": "Rocío", "paternal_surname": "Quintana", "email": "rocio@prueba-importacion.mx"},
        )
        right = create_member(
            s,
            {
                "given_names": "Rocío Elena",
                "paternal_surname": "Quintana",
                "maternal_surname": "Vela",
                "email": "rocio.quintana@prueba-importacion.mx",
                "city": "Mérida",
            },
        )
        return left.id, right.id


def open_merge(qtbot: QtBot, ctx: AppContext, left: int, right: int) -> MergeDialog:
    dialog = MergeDialog(ctx, left, right)
    qtbot.addWidget(dialog)
    dialog.confirm = False
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10000)
    return dialog


def test_merge_dialog_keeps_chosen_values(qtbot: QtBot, ctx: AppContext) -> None:
    left, right = two_members(ctx)
    dialog = open_merge(qtbot, ctx, left, right)
    # Defaults: the kept (left) value, or the other's where the kept one is empty.
    assert dialog.groups["given_names"].checkedId() == dialog.LEFT
    assert dialog.groups["city"].checkedId() == dialog.RIGHT
    assert not dialog.groups["paternal_surname"].button(dialog.LEFT).isEnabled()  # the same
    dialog.choose("email", dialog.RIGHT)
    assert dialog.choices()["email"] == "drop"
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.merged is not None and dialog.merged.kept_id == left
    with ctx.db.reader() as s:
        assert s.get(Member, right) is None
        kept = s.get(Member, left)
        assert kept is not None
        assert (kept.given_names, kept.email, kept.city, kept.maternal_surname) == (
            "Rocío",
            "rocio.quintana@prueba-importacion.mx",
            "Mérida",
            "Vela",
        )
        merges = s.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == left, AuditEntry.action == "merge")
        ).all()
        assert len(merges) == 1


def test_merge_dialog_can_keep_the_right_member(qtbot: QtBot, ctx: AppContext) -> None:
    left, right = two_members(ctx)
    dialog = open_merge(qtbot, ctx, left, right)
    dialog.keep.setCurrentIndex(1)
    assert str(left) in dialog.note.text()
    dialog.choose("given_names", dialog.LEFT)
    choices = dialog.choices()
    assert choices["given_names"] == "drop" and choices["city"] == "keep"
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.merge()
    with ctx.db.reader() as s:
        assert s.get(Member, left) is None
        kept = s.get(Member, right)
        assert kept is not None and kept.given_names == "Rocío"


def test_merge_dialog_cancel_changes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    left, right = two_members(ctx)
    dialog = open_merge(qtbot, ctx, left, right)
    dialog.reject()
    with ctx.db.reader() as s:
        assert s.get(Member, left) is not None and s.get(Member, right) is not None


# -- wiring in the members area --------------------------------------------------------------------


def test_members_area_offers_import_and_merge(qtbot: QtBot, members: MembersArea) -> None:
    area = members
    assert area.act_import.isEnabled()
    assert not area.act_merge.isEnabled()
    area.table.selectRow(0)
    assert not area.act_merge.isEnabled()
    area.table.selectionModel().select(
        area.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert len(area.selected_ids()) == 2
    assert area.act_merge.isEnabled()
    area.act_merge.trigger()
    dialog = area.findChild(MergeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10000)
    assert set(dialog.ids) == set(area.selected_ids())
    dialog.reject()
    area.act_import.trigger()
    wizard = area.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.reject()


def test_cancel_while_applying_writes_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path, _member_id = write_file(tmp_path, ctx)
    before = member_count(ctx)
    wizard = open_wizard(qtbot, ctx)
    to_preview(qtbot, wizard, path)
    wizard.preview_page.valid_only.setChecked(True)
    # Hold the write thread so the apply is still queued when its Cancel is pressed.
    gate = threading.Event()
    ctx.runner.run(lambda _t: gate.wait(10), lambda _r: None, write=True)
    wizard.next()
    assert wizard.currentPage() is wizard.apply_page
    wizard.apply_page.abort()  # what the progress dialog's Cancel does
    gate.set()
    qtbot.waitUntil(wizard.apply_page.isComplete, timeout=20000)
    assert isinstance(wizard.failure, Cancelled)
    assert "nothing was saved" in wizard.apply_page.summary.text()
    assert member_count(ctx) == before
    assert new_emails(ctx) == set()
