"""The export dialog's result panel shows the export's warnings (texts the PDF font lacks)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.events import Event
from talentdesk.services import event_participants
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.area import EventsArea
from tests.gui.helpers import export_dialog, export_to, open_event, show_area


def test_result_panel_shows_the_warning_under_saved(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.name == DEMO_NAME))
        assert event_id is not None
        code = event_participants.add_guest(
            s, event_id, {"given_names": "王", "paternal_surname": "李", "organization": "北京大学 🎉"}
        ).code
    area = show_area(qtbot, EventsArea(ctx), rows=1, size=(1400, 900))
    open_event(qtbot, area, event_id)

    area.workspace.export("agenda")  # nothing the font lacks: no warning shown
    dialog = export_dialog(area.workspace)
    export_to(qtbot, dialog, tmp_path / "agenda.pdf")
    assert dialog.result_panel.isVisible()
    assert not dialog.result_panel.warnings.isVisible()
    dialog.close()

    area.workspace.export("badges")
    dialog = export_dialog(area.workspace)
    out = tmp_path / "gafetes.pdf"
    export_to(qtbot, dialog, out)
    assert dialog.result_panel.isVisible() and dialog.result_panel.label.isVisible()
    assert out.name in dialog.result_panel.label.text()
    assert dialog.result_panel.warnings.isVisible() and dialog.result_panel.warnings.wordWrap()
    text = dialog.result_panel.warnings.text()
    assert text.startswith("Warning: ") and "se imprimirán como cuadros" in text
    assert f"«王 李» (participante {code})" in text
    assert "#8a5300" in dialog.result_panel.warnings.styleSheet()
    assert len(PdfReader(out).pages) >= 1
