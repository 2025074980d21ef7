"""Export dialogs driven as a user would: from the members area, an open event, the Export menu
and Ctrl+E; files read back; preview, cancel, errors, open file/folder; the welcome letter."""

from __future__ import annotations

import hashlib
import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from talentdesk.core.enums import ParticipantStatus
from talentdesk.core.events import Event
from talentdesk.exports import files as export_files
from talentdesk.exports import table_xlsx
from talentdesk.services import document_settings as documents
from talentdesk.services.demo_event import DEMO_NAME
from talentdesk.services.member_table import BY_KEY
from talentdesk.ui import settings as S
from talentdesk.ui.context import AppContext
from talentdesk.ui.events.area import EventsArea
from talentdesk.ui.exports import result as result_module
from talentdesk.ui.exports.dialog import ExportDialog
from talentdesk.ui.exports.kinds import KINDS, EventSource, MembersSource, kind
from talentdesk.ui.main_window import MainWindow
from talentdesk.ui.members.area import MembersArea
from talentdesk.ui.preferences import PreferencesDialog
from tests.gui.helpers import (
    TIMEOUT,
    click_shown,
    export_dialog,
    export_to,
    go_to_members,
    open_event,
    show_area,
    trigger,
    wait_members,
)

pytestmark = pytest.mark.gui

# -- helpers ------------------------------------------------------------------------------------


@pytest.fixture()
def event_area(qtbot: QtBot, ctx: AppContext) -> EventsArea:
    """The demo Jornada open in the workspace."""
    area: EventsArea = show_area(qtbot, EventsArea(ctx), rows=1, size=(1400, 900))
    row = area.current_row()
    assert row is not None and row.name.startswith(DEMO_NAME)
    open_event(qtbot, area, row.id)
    return area


def sheet_rows(path: Path, sheet: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- members area -------------------------------------------------------------------------------


def test_table_as_shown_has_the_visible_columns_in_their_order_and_the_rows_in_table_order(
    spanish: None, qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    """In Spanish: documents are Spanish whatever the UI speaks, so only a Spanish table reads
    exactly like its export (country names, and their order)."""
    table, header = members.table, members.table.horizontalHeader()
    keys = [c.key for c in members.model.columns]
    table.setColumnHidden(keys.index("city"), True)
    table.setColumnHidden(keys.index("phone"), False)
    header.moveSection(header.visualIndex(keys.index("phone")), 1)  # dragged next to the surname
    table.sortByColumn(keys.index("country"), Qt.SortOrder.DescendingOrder)
    wait_members(qtbot, members)
    members.f_status.setCurrentIndex(1)
    wait_members(qtbot, members)
    shown = members.last_total
    assert 0 < shown < 300

    trigger(members, "member-export-table")
    dialog = export_dialog(members)
    assert dialog.kind.key == "table"
    out = tmp_path / "tabla.xlsx"
    export_to(qtbot, dialog, out)

    visible = [
        keys[header.logicalIndex(v)]
        for v in range(header.count())
        if not table.isColumnHidden(header.logicalIndex(v))
    ]
    assert visible[:2] == ["paternal_surname", "phone"] and "city" not in visible
    rows = sheet_rows(out, "Miembros")
    assert rows[0] == [BY_KEY[k].label for k in visible]
    assert len(rows) - 1 == shown
    # Row by row the spreadsheet says what the table shows, in the table's order.
    surname, country = visible.index("paternal_surname"), visible.index("country")
    for row in range(shown):
        expected_surname = members.model.data(members.model.index(row, keys.index("paternal_surname")))
        expected_country = members.model.data(members.model.index(row, keys.index("country")))
        assert (rows[row + 1][surname] or "") == expected_surname
        assert (rows[row + 1][country] or "") == expected_country
    assert members.ctx.settings.get(S.EXPORT_FOLDER) == str(tmp_path)


def test_members_export_takes_only_the_selection_when_asked(
    qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    members.table.selectRow(3)
    members.table.selectionModel().select(
        members.model.index(7, 0),
        members.table.selectionModel().SelectionFlag.Select
        | members.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = members.selected_ids()
    assert len(chosen) == 2
    trigger(members, "member-export-members")
    dialog = export_dialog(members)
    assert dialog.form.only_selected.isChecked()  # more than one row selected: that is what is meant
    export_to(qtbot, dialog, tmp_path / "dos.xlsx")
    rows = sheet_rows(tmp_path / "dos.xlsx", "Miembros")
    assert rows[0][0] == "Id"
    assert sorted(int(r[0]) for r in rows[1:]) == sorted(chosen)


def test_exports_are_private_unless_the_person_shares_them(
    qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    trigger(members, "member-export-members")
    dialog = export_dialog(members)
    shared = dialog.findChild(QCheckBox, "export-shared")
    assert shared is not None and shared.isVisible() and not shared.isChecked()
    export_to(qtbot, dialog, tmp_path / "privado.xlsx")
    assert (tmp_path / "privado.xlsx").stat().st_mode & 0o777 == 0o600
    shared.setChecked(True)
    export_to(qtbot, dialog, tmp_path / "compartido.xlsx")
    assert (tmp_path / "compartido.xlsx").stat().st_mode & 0o777 == 0o644


def test_a_saved_preview_follows_the_shared_choice_without_rendering_again(
    qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    trigger(members, "member-export-directory")
    dialog = export_dialog(members)
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.previews.window is not None and dialog.previews.window.isVisible(), timeout=TIMEOUT
    )
    assert dialog.previews.file is not None
    dialog.previews.window.close()  # type: ignore[union-attr]
    dialog.target_field.shared.setChecked(True)
    assert dialog.previews.shows(dialog.options())  # who may read it is not part of the rendering
    out = tmp_path / "directorio.pdf"
    export_to(qtbot, dialog, out)
    assert digest(out) == digest(dialog.previews.file)  # copied, not rendered again
    assert out.stat().st_mode & 0o777 == 0o644


def test_directory_preview_shows_the_pdf_then_save_writes_it(
    qtbot: QtBot, members: MembersArea, tmp_path: Path
) -> None:
    trigger(members, "member-export-directory")
    dialog = export_dialog(members)
    dialog.form.group_by.setCurrentIndex(dialog.form.group_by.findData("country"))
    assert "por país" in dialog.path.text()  # the default name follows the grouping
    out = tmp_path / "directorio.pdf"
    dialog.path.setText(str(out))
    dialog.target_field.name_edited = True
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.previews.window is not None and dialog.previews.window.isVisible(), timeout=TIMEOUT
    )
    preview = dialog.previews.window
    assert preview is not None and dialog.previews.file is not None
    pages = len(PdfReader(dialog.previews.file).pages)
    assert pages > 2
    assert preview.document.pageCount() == pages  # type: ignore[attr-defined]
    assert not out.exists()  # a preview writes nothing where the person asked
    click_shown(qtbot, preview, "preview-next")
    assert preview.current_page() == 1  # type: ignore[attr-defined]
    assert preview.page.value() == 2  # type: ignore[attr-defined]
    click_shown(qtbot, preview, "preview-save")
    qtbot.waitUntil(lambda: dialog.last_result is not None and not dialog.is_running(), timeout=TIMEOUT)
    assert digest(out) == digest(dialog.previews.file)
    assert "Directorio de miembros" in (PdfReader(out).metadata or {}).get("/Title", "")

    # Options changed after the preview: saving renders again instead of copying.
    dialog.form.group_by.setCurrentIndex(dialog.form.group_by.findData("chapter"))
    again = tmp_path / "por-capitulo.pdf"
    export_to(qtbot, dialog, again)
    assert digest(again) != digest(dialog.previews.file)
    assert members.ctx.settings.get(S.EXPORT_GROUP_BY) == "chapter"


def test_cancel_during_an_export_leaves_the_old_file_and_says_so_calmly(
    qtbot: QtBot,
    members: MembersArea,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spanish: None,
    errors: list[str],
) -> None:
    started = threading.Event()
    real = table_xlsx.export_table_xlsx

    def held(*args: Any, progress: Any = None, abort: Any = None, **kwargs: Any) -> Any:
        def report(done: int, total: int) -> None:
            started.set()
            abort.wait(15)  # the export is under way until Cancel is pressed
            progress(done, total)

        return real(*args, progress=report, abort=abort, **kwargs)

    monkeypatch.setattr(table_xlsx, "export_table_xlsx", held)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    out = tmp_path / "tabla.xlsx"
    out.write_bytes(b"a good file from yesterday")
    before = digest(out)

    members.export_current()
    dialog = export_dialog(members)
    dialog.path.setText(str(out))
    click_shown(qtbot, dialog, "export-run")
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    assert dialog.is_running() and dialog.progress.isVisible()
    assert not dialog.export_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc = Cancel: stops the export first
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT)

    assert dialog.isVisible()  # it stopped the export, it did not close the dialog
    assert dialog.message_text() == "Exportación cancelada; no se escribió ningún archivo."
    assert "c62828" not in dialog.message.styleSheet()  # calm, not an error
    assert QApplication.activeModalWidget() in (None, dialog)
    assert errors == []  # no error box either
    assert digest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no work folder left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tabla.xlsx"]  # no partial file left
    assert dialog.export_button.isEnabled() and not dialog.progress.isVisible()


def test_an_unwritable_folder_shows_the_spanish_error_in_export_dialog(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: None
) -> None:
    locked = tmp_path / "sin-permiso"
    locked.mkdir()
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):  # root writes anywhere: deny this folder the way the OS would
        real_access = os.access

        def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
            if Path(path).resolve() == locked.resolve() and mode & os.W_OK:
                return False
            return real_access(path, mode, *args, **kwargs)

        monkeypatch.setattr(export_files.os, "access", access)
    try:
        members.export("stats")
        dialog = export_dialog(members)
        dialog.path.setText(str(locked / "estadisticas.xlsx"))
        click_shown(qtbot, dialog, "export-run")
        qtbot.waitUntil(lambda: not dialog.is_running() and dialog.message_text() != "", timeout=TIMEOUT)
        assert dialog.message_text() == f"No se puede escribir en la carpeta «{locked.resolve()}»."
        assert "c62828" in dialog.message.styleSheet()
        assert dialog.last_result is None and not dialog.result_panel.isVisible()
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_the_path_is_checked_at_its_field(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, spanish: None
) -> None:
    members.export("members")
    dialog = export_dialog(members)
    assert Path(dialog.path.text()).name == f"Miembros {date.today().isoformat()}.xlsx"
    dialog.path.setText("")
    click_shown(qtbot, dialog, "export-run")
    assert dialog.error_text("path") == "Escriba dónde guardarlo, o elija un lugar con Examinar…"
    dialog.path.setText(str(tmp_path / "no-existe" / "miembros.xlsx"))
    click_shown(qtbot, dialog, "export-run")
    assert dialog.error_text("path") == f"No existe la carpeta «{tmp_path / 'no-existe'}»."
    dialog.path.setText(str(tmp_path / "miembros.pdf"))
    click_shown(qtbot, dialog, "export-run")
    assert dialog.error_text("path") == "El nombre del archivo debe terminar en .xlsx."
    assert not dialog.is_running() and list(tmp_path.iterdir()) == []
    dialog.form.external.setChecked(True)
    dialog.path.setText(str(tmp_path / "miembros"))  # no extension: the right one is added
    click_shown(qtbot, dialog, "export-run")
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=TIMEOUT)
    assert dialog.error_text("path") == ""
    assert (tmp_path / "miembros.xlsx").is_file()


def test_open_file_and_open_folder_call_the_opener_with_the_right_url(
    qtbot: QtBot, members: MembersArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(result_module, "open_location", lambda url: opened.append(url) or True)
    members.export("stats")
    dialog = export_dialog(members)
    out = tmp_path / "estadisticas.xlsx"
    export_to(qtbot, dialog, out)
    assert dialog.result_panel.isVisible()
    assert out.name in dialog.result_panel.label.text()
    click_shown(qtbot, dialog, "export-open-file")
    click_shown(qtbot, dialog, "export-open-folder")
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]
    assert sheet_rows(out, "Resumen")  # a real workbook
    assert dialog.close_button.text() == "Close"
    click_shown(qtbot, dialog, "export-cancel")
    assert not dialog.isVisible()


# -- events -------------------------------------------------------------------------------------


def test_badges_for_the_selected_participants_remember_the_printer_offset(
    qtbot: QtBot, event_area: EventsArea, tmp_path: Path
) -> None:
    workspace = event_area.workspace
    workspace.tabs.setCurrentIndex(workspace.PARTICIPANTS)
    tab = workspace.participants
    people = [tab.model.row(r) for r in (0, 1)]
    tab.select([p.id for p in people])
    workspace.export("badges", prefer_selection=True)
    dialog = export_dialog(workspace)
    assert dialog.form.only_selected.isChecked()
    dialog.form.layout_combo.setCurrentIndex(dialog.form.layout_combo.findData("avery-5392"))
    assert dialog.form.start_slot.maximum() == 6
    dialog.form.start_slot.setValue(3)
    dialog.form.offset_x.setValue(1.5)
    dialog.form.offset_y.setValue(-0.5)
    out = tmp_path / "gafetes.pdf"
    export_to(qtbot, dialog, out)
    assert dialog.last_result is not None and dialog.last_result.rows == 2
    reader = PdfReader(out)
    assert len(reader.pages) == 1  # slots 3 and 4 of one sheet
    text = reader.pages[0].extract_text()
    for person in people:
        assert person.code in text
    assert event_area.ctx.settings.badge_offset("avery-5392") == (1.5, -0.5)
    click_shown(qtbot, dialog, "export-cancel")

    workspace.export("badges")
    again = export_dialog(workspace)
    assert (again.form.offset_x.value(), again.form.offset_y.value()) == (1.5, -0.5)
    again.form.layout_combo.setCurrentIndex(again.form.layout_combo.findData("a6"))
    assert (again.form.offset_x.value(), again.form.offset_y.value()) == (0.0, 0.0)  # each sheet its own
    assert again.form.start_slot.maximum() == 1


def test_switching_the_label_sheet_and_back_keeps_the_typed_offset_and_slot(
    qtbot: QtBot, event_area: EventsArea
) -> None:
    """Typed values are kept for the sheet they were typed for; the slot if the sheet has it."""
    workspace = event_area.workspace
    settings = event_area.ctx.settings
    workspace.export("badges")
    dialog = export_dialog(workspace)
    combo = dialog.form.layout_combo
    combo.setCurrentIndex(combo.findData("avery-5392"))  # 6 labels
    dialog.form.start_slot.setValue(5)
    dialog.form.offset_x.setValue(1.5)
    dialog.form.offset_y.setValue(-0.5)
    combo.setCurrentIndex(combo.findData("a6"))  # 1 label: slot 5 does not exist there
    assert (dialog.form.offset_x.value(), dialog.form.offset_y.value()) == (0.0, 0.0)  # a6's own
    assert dialog.form.start_slot.value() == 1 and dialog.options().start_slot == 1
    dialog.form.offset_x.setValue(-2.0)
    combo.setCurrentIndex(combo.findData("avery-5392"))
    assert (dialog.form.offset_x.value(), dialog.form.offset_y.value()) == (1.5, -0.5)
    assert dialog.form.start_slot.value() == 5
    assert dialog.options().offset_mm == (1.5, -0.5) and dialog.options().start_slot == 5
    combo.setCurrentIndex(combo.findData("avery-l7418"))  # 8 labels: slot 5 is still there
    assert dialog.form.start_slot.value() == 5
    dialog.form.start_slot.setValue(7)
    combo.setCurrentIndex(combo.findData("letter-4up"))  # 4 labels
    assert dialog.form.start_slot.value() == 1
    combo.setCurrentIndex(combo.findData("avery-l7418"))
    assert dialog.form.start_slot.value() == 7
    # remembered per sheet in the settings when the sheet changed, as a calibration is
    assert settings.badge_offset("avery-5392") == (1.5, -0.5)
    assert settings.badge_offset("a6") == (-2.0, 0.0)
    click_shown(qtbot, dialog, "export-cancel")
    workspace.export("badges")
    again = export_dialog(workspace)
    again.form.layout_combo.setCurrentIndex(again.form.layout_combo.findData("a6"))
    assert (again.form.offset_x.value(), again.form.offset_y.value()) == (-2.0, 0.0)


def test_badge_sheet_preview(
    qtbot: QtBot, event_area: EventsArea, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    event_area.workspace.export("badges")
    dialog = export_dialog(event_area.workspace)
    click_shown(qtbot, dialog, "export-preview")
    qtbot.waitUntil(
        lambda: dialog.previews.window is not None and dialog.previews.window.isVisible(), timeout=TIMEOUT
    )
    assert dialog.previews.file is not None and dialog.previews.result is not None
    per_sheet = dialog.form.layouts[dialog.options().layout][1]
    pages = -(-dialog.previews.result.rows // per_sheet)
    assert dialog.previews.window.document.pageCount() == pages == len(PdfReader(dialog.previews.file).pages)  # type: ignore[attr-defined]
    folder = Path(dialog.previews.file).parent
    # personal data: rendered in the user's private folder, never in the shared system temp folder
    assert folder.parent == tmp_path / "data" / "TalentDesk" / "previews"
    assert folder.parent.stat().st_mode & 0o777 == 0o700
    dialog.previews.window.close()
    dialog.close()
    assert not folder.exists()  # the temporary rendering goes with the dialog


def test_sign_in_sheet_of_one_session(qtbot: QtBot, event_area: EventsArea, tmp_path: Path) -> None:
    data = event_area.workspace.data
    assert data is not None
    session = sorted(data.sessions, key=lambda s: s.starts_at)[0]
    event_area.export("signin")
    dialog = export_dialog(event_area.workspace)
    first_day = data.event.starts_on
    day_index = next(
        i
        for i in range(dialog.form.signin_scope.count())
        if dialog.form.signin_scope.itemData(i) == ("day", first_day)
    )
    dialog.form.signin_scope.setCurrentIndex(day_index)
    assert (dialog.options().signin_day, dialog.options().signin_session) == (first_day, None)
    index = next(
        i
        for i in range(dialog.form.signin_scope.count())
        if dialog.form.signin_scope.itemData(i) == ("session", session.id)
    )
    dialog.form.signin_scope.setCurrentIndex(index)
    assert dialog.options().signin_session == session.id
    out = tmp_path / "lista.pdf"
    export_to(qtbot, dialog, out)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert session.title.split()[0] in text


SMOKE = [k.key for k in KINDS]


@pytest.mark.parametrize("key", SMOKE)
def test_every_kind_exports_from_its_dialog(qtbot: QtBot, ctx: AppContext, tmp_path: Path, key: str) -> None:
    """Each dialog's options reach its export function: a file (or folder) comes out."""
    with ctx.db.session() as session:
        event = session.scalars(select(Event)).one()
        people = sorted(event.participants, key=lambda p: p.id)[:2]
        event_id, chosen = event.id, tuple(p.id for p in people)
        if key == "certificates":  # only those who attended get one
            for person in people:
                person.status = ParticipantStatus.ATTENDED
    export_kind = kind(key)
    if export_kind.scope == "members":
        source: MembersSource | EventSource = MembersSource(
            columns=("paternal_surname", "given_names", "email"), selected_ids=(1, 2, 3), total=300
        )
    else:
        source = EventSource(event_id, "Jornada", selected_ids=chosen)
    host = QWidget()
    qtbot.addWidget(host)
    dialog = ExportDialog(ctx, export_kind, source, host)
    dialog.show()
    if hasattr(dialog, "only_selected"):
        dialog.form.only_selected.setChecked(True)  # keeps packets and certificates small
    out = tmp_path / ("paquetes" if key == "packets" else f"salida{export_kind.suffix}")
    if key == "packets":
        dialog.path.setText(str(tmp_path / "paquetes.pdf"))
        dialog.target_field.name_edited = True
        dialog.form.separate_files.setChecked(True)
        assert dialog.target_field.label.text() == "Save in the &folder:"
        assert dialog.path.text() == str(out)  # a folder has no .pdf
    export_to(qtbot, dialog, out)
    assert dialog.last_result is not None
    if key == "packets":
        assert len(list(out.glob("*.pdf"))) == 2
        assert not dialog.result_panel.open_file_button.isVisible()
    else:
        assert out.is_file() and out.stat().st_size > 0
        if export_kind.suffix == ".pdf":
            assert len(PdfReader(out).pages) >= 1
        else:
            assert CalamineWorkbook.from_path(str(out)).sheet_names


# -- main window --------------------------------------------------------------------------------


def test_export_menu_has_every_export_and_ctrl_e_exports_what_the_area_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    titles = [m.title() for m in (a.menu() for a in window.menuBar().actions()) if m is not None]
    assert titles.index("E&xport") == titles.index("&Edit") + 1 == titles.index("&Help") - 1
    names = {a.objectName() for a in window.export_menu.actions() if a.objectName()}
    assert names == {"export-current", "export-log"} | {f"export-{k.key}" for k in KINDS}
    members = go_to_members(qtbot, window)  # Ctrl+E exports what an area shows: the members list
    assert isinstance(members, MembersArea)
    assert all(a.isEnabled() and a.text() for a in window.export_menu.actions() if a.objectName())
    assert window.act_export_current.shortcut().toString() == "Ctrl+E"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = export_dialog(window)
    assert dialog.kind.key == "table"
    assert isinstance(dialog.source, MembersSource) and dialog.source.columns[0] == "paternal_surname"
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    events = next(a for a in window.areas if isinstance(a, EventsArea))
    window.nav.setCurrentRow(window.areas.index(events))
    qtbot.waitUntil(lambda: events.model.rowCount() == 1 and not events.loading, timeout=TIMEOUT)
    row = events.current_row()
    assert row is not None
    events.open_event(row.id)
    qtbot.waitUntil(
        lambda: events.workspace.data is not None and not events.workspace.loading, timeout=TIMEOUT
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = export_dialog(window)
    assert dialog.kind.key == "participants"
    assert isinstance(dialog.source, EventSource) and dialog.source.event_id == row.id
    dialog.close()

    # From the menu, an event document of the open event.
    trigger(window, "export-agenda")
    dialog = export_dialog(window)
    assert dialog.kind.key == "agenda" and isinstance(dialog.source, EventSource)
    dialog.close()


def test_event_export_from_the_menu_asks_which_event_when_none_is_open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        asked.append(items)
        return items[0], True

    from talentdesk.ui.exports import actions

    monkeypatch.setattr(actions.QInputDialog, "getItem", get_item)
    trigger(window, "export-rooming")
    qtbot.waitUntil(
        lambda: bool(asked) and bool([d for d in window.findChildren(ExportDialog) if d.isVisible()]),
        timeout=TIMEOUT,
    )
    assert len(asked[0]) == 1 and asked[0][0].startswith(DEMO_NAME)
    dialog = export_dialog(window)
    assert dialog.kind.key == "rooming" and isinstance(dialog.source, EventSource)
    assert dialog.source.days  # loaded in the background before the dialog opened


# -- preferences --------------------------------------------------------------------------------


def welcome_letter(ctx: AppContext) -> str:
    with ctx.db.reader() as session:
        return documents.welcome_letter(session)


def test_preferences_save_the_welcome_letter_and_refuse_an_unknown_field(
    qtbot: QtBot, ctx: AppContext, qtmodeltester: Any, spanish: None
) -> None:
    dialog = PreferencesDialog(ctx.settings, None, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.letter.isEnabled, timeout=TIMEOUT)
    qtmodeltester.check(dialog.fields.model())
    assert dialog.letter.toPlainText() == documents.DEFAULT_WELCOME_LETTER
    assert dialog.fields.rowCount() == len(documents.WELCOME_FIELDS)

    dialog.letter.setPlainText("Estimado(a) {nombre} {apellido}:")
    assert "«{apellido}» no existe" in dialog.letter_error_text()  # as you type
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=TIMEOUT)
    assert dialog.isVisible() and "«{apellido}» no existe" in dialog.letter_error_text()
    assert welcome_letter(ctx) == documents.DEFAULT_WELCOME_LETTER  # refused by the service

    dialog.letter.setPlainText("Estimado(a) ")
    cursor = dialog.letter.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.letter.setTextCursor(cursor)
    dialog.insert_field(list(documents.WELCOME_FIELDS).index("nombres"))
    dialog.letter.insertPlainText(": bienvenido(a) a {evento}.")
    assert dialog.letter_error_text() == ""
    text = "Estimado(a) {nombres}: bienvenido(a) a {evento}."
    assert dialog.letter.toPlainText() == text
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert dialog.result() == PreferencesDialog.DialogCode.Accepted
    assert welcome_letter(ctx) == text

    ctx.undo.undo()  # saved as one undoable step
    qtbot.waitUntil(lambda: welcome_letter(ctx) == documents.DEFAULT_WELCOME_LETTER, timeout=TIMEOUT)


def test_preferences_refuse_a_field_with_a_format_at_the_field(
    qtbot: QtBot, ctx: AppContext, spanish: None
) -> None:
    dialog = PreferencesDialog(ctx.settings, None, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.letter.isEnabled, timeout=TIMEOUT)
    dialog.letter.setPlainText("Estimado(a) {nombre:>100000000}:")
    assert "escriba los campos sin formato, así: {nombre}" in dialog.letter_error_text()  # as you type
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=TIMEOUT)
    assert dialog.isVisible() and "sin formato" in dialog.letter_error_text()
    assert welcome_letter(ctx) == documents.DEFAULT_WELCOME_LETTER
    dialog.letter.setPlainText("Estimado(a) {nombre}:")
    assert dialog.letter_error_text() == ""


def test_restore_default_stores_no_custom_letter(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.session() as session:
        documents.set_welcome_letter(session, "Hola {nombre}.")
    dialog = PreferencesDialog(ctx.settings, None, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.letter.isEnabled, timeout=TIMEOUT)
    assert dialog.letter.toPlainText() == "Hola {nombre}."
    dialog.tabs.setCurrentIndex(1)
    click_shown(qtbot, dialog, "welcome-restore")
    assert dialog.letter.toPlainText() == documents.DEFAULT_WELCOME_LETTER
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    from talentdesk.core.models import DocumentSetting

    with ctx.db.reader() as session:
        assert session.get(DocumentSetting, documents.WELCOME_LETTER) is None
    assert welcome_letter(ctx) == documents.DEFAULT_WELCOME_LETTER
