"""Members → Actions → Import history…: the list, undoing an import, a refusal that names why."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from talentdesk import ops
from talentdesk.core.models import Member
from talentdesk.imports.prepare import prepare_import
from talentdesk.imports.reading import read_source
from talentdesk.ops import imports as ops_imports
from talentdesk.services.members import update_member
from talentdesk.ui.context import AppContext
from talentdesk.ui.imports.history import ImportHistoryDialog

pytestmark = pytest.mark.gui


def _imported(ctx: AppContext, tmp_path: Path) -> int:
    path = tmp_path / "consulado-houston.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Nombre", "Apellido paterno", "Correo", "Ciudad", "País"])
        writer.writerow(["Xóchitl", "Zapata", "xochitl@prueba.mx", "Houston", "US"])
        writer.writerow(["Bernardo", "Ybarra", "bernardo@prueba.mx", "Austin", "US"])
    with ctx.db.reader() as s:
        plan = prepare_import(s, read_source(path))
    done = ops.perform(ctx.db, ops_imports.apply(plan))
    run_id = done.value[1]
    assert run_id is not None
    return run_id


def _count(ctx: AppContext) -> int:
    with ctx.db.reader() as s:
        return int(
            s.scalar(select(func.count()).select_from(Member).where(Member.email.like("%@prueba.mx"))) or 0
        )


def test_history_lists_the_import_and_undoes_it(
    ctx: AppContext, qtbot: QtBot, qtmodeltester: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _imported(ctx, tmp_path)
    assert _count(ctx) == 2
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and not dialog.loading, timeout=5000)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.index(0, 1).data() == "consulado-houston.csv"
    assert dialog.model.index(0, 3).data() == "2"
    assert dialog.undo_button.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: _count(ctx) == 0, timeout=5000)
    qtbot.waitUntil(lambda: dialog.model.index(0, 5).data().startswith("Undone on"), timeout=5000)
    assert not dialog.undo_button.isEnabled()


def test_a_refused_undo_names_the_member(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _imported(ctx, tmp_path)
    with ctx.db.session() as s:
        member_id = s.scalar(select(Member.id).where(Member.email == "bernardo@prueba.mx"))
        assert member_id is not None
        update_member(s, member_id, {"city": "Dallas"})
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and not dialog.loading, timeout=5000)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "Bernardo Ybarra" in shown[0] and "edit" in shown[0].lower()
    assert _count(ctx) == 2
    assert dialog.undo_button.isEnabled()
