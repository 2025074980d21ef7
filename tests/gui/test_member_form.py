"""The member form driven as a user would: typing, leaving fields, saving, undo, the guard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.enums import MemberStatus, PrintField
from talentdesk.core.errors import FieldError
from talentdesk.core.models import Chapter, Member
from talentdesk.services import members as member_service
from talentdesk.ui.context import AppContext
from talentdesk.ui.members.form import MemberDialog
from tests.gui.helpers import answer, click_box, error_of, fill, find, type_text

pytestmark = pytest.mark.gui

Opener = Callable[..., MemberDialog]


@pytest.fixture()
def open_form(qtbot: QtBot) -> Iterator[Opener]:
    """Open a form and wait for it to load; whatever is still open is discarded at the end."""
    opened: list[MemberDialog] = []

    def opener(ctx: AppContext, member_id: int | None = None) -> MemberDialog:
        dialog = MemberDialog(ctx, member_id)
        opened.append(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
        return dialog

    yield opener
    for dialog in opened:
        if shiboken6.isValid(dialog):
            dialog.baseline = dialog.values()  # no question at tear-down
            dialog.done(0)
    QApplication.processEvents()


def show_tab(dialog: MemberDialog, index: int) -> None:
    """Bring a tab to the front and let it lay out, so clicks land on its widgets."""
    dialog.tabs.setCurrentIndex(index)
    QApplication.processEvents()


def count(ctx: AppContext) -> int:
    with ctx.db.reader() as session:
        return member_service.count_members(session)


def values_of(ctx: AppContext, member_id: int) -> dict[str, Any]:
    with ctx.db.reader() as session:
        return member_service.member_values(member_service.get_member(session, member_id))


def save_and_wait(qtbot: QtBot, dialog: MemberDialog) -> int:
    """Click Save and wait for the dialog to close; returns the saved member's id."""
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved, qtbot.waitSignal(dialog.finished):
        QTest.mouseClick(find(dialog, "save"), Qt.MouseButton.LeftButton)
    return int(saved.args[0])


def wait_undo(qtbot: QtBot, ctx: AppContext, step: Callable[[], None]) -> None:
    step()
    qtbot.waitUntil(lambda: not ctx.undo.busy, timeout=10000)


def tick_sector(dialog: MemberDialog, sector_id: int) -> None:
    """Select the sector's row and press Space, as a keyboard user does."""
    sectors = dialog.network.sectors.list
    item = sectors.item_for(sector_id)
    assert item is not None
    sectors.setFocus()
    sectors.setCurrentItem(item)
    QTest.keyClick(sectors, Qt.Key.Key_Space)


def a_member(ctx: AppContext, *, without_sector: int) -> int:
    """A demo member with a country, some sectors (not ``without_sector``) and a chapter."""
    with ctx.db.reader() as session:
        for member in session.scalars(
            select(Member)
            .where(Member.country.is_not(None), Member.chapter_id.is_not(None))
            .order_by(Member.id)
        ):
            if member.sector_ids and without_sector not in member.sector_ids:
                return member.id
    raise AssertionError("no suitable demo member")


# -- loading ----------------------------------------------------------------------------------


def test_save_waits_for_the_background_load(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = MemberDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it
    assert not find(dialog, "save").isEnabled()
    assert dialog.windowTitle() == "New member"
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert find(dialog, "save").isEnabled()
    with ctx.db.reader() as session:
        chapters = session.scalar(select(Chapter.name).order_by(Chapter.id).limit(1))
    chapter_combo = find(dialog, "field-chapter")
    assert chapters in [chapter_combo.itemText(i) for i in range(chapter_combo.count())]
    assert chapter_combo.currentData() is None
    assert len(dialog.network.contribution_boxes) == 11
    assert (
        find(dialog, "field-contribution-pasantias", QCheckBox).text() == "Internships and professional stays"
    )
    assert dialog.network.sectors.list.count() == 9
    assert find(dialog, "field-status").currentData() == MemberStatus.PROSPECT


def test_a_member_that_does_not_exist_cannot_be_saved(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = MemberDialog(ctx, 999_999)
    qtbot.addWidget(dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.waitUntil(lambda: "999999" in find(dialog, "form-message").text(), timeout=10000)
    assert not find(dialog, "save").isEnabled()
    assert not dialog.loaded


def test_editing_shows_every_stored_value(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    member_id = a_member(ctx, without_sector=0)
    stored = values_of(ctx, member_id)
    dialog = open_form(ctx, member_id)
    shown = dialog.values()
    for field, value in stored.items():
        if isinstance(value, str) or value is None:
            assert (shown[field] or None) == value, field
        else:
            assert shown[field] == value, field
    assert dialog.windowTitle() == values_of_name(ctx, member_id)
    assert not dialog.is_modified()


def values_of_name(ctx: AppContext, member_id: int) -> str:
    with ctx.db.reader() as session:
        return member_service.get_member(session, member_id).full_name


# -- creating ---------------------------------------------------------------------------------


def test_invalid_fields_are_shown_at_the_field_and_nothing_is_saved(
    qtbot: QtBot, ctx: AppContext, open_form: Opener
) -> None:
    before = count(ctx)
    dialog = open_form(ctx)
    fill(dialog.personal.given_names, "Ana")
    fill(dialog.personal.paternal_surname, "López")
    fill(dialog.contact.country.line_edit(), "mexico")
    assert dialog.contact.country.currentText() == "Mexico"  # tidied to the name (English here)
    assert dialog.contact.country.currentData() == "MX"
    fill(find(dialog, "field-email", QLineEdit), "ana@")
    fill(find(dialog, "field-phone", QLineEdit), "123")
    assert "is not a valid e-mail address" in error_of(dialog, "email")
    assert "Phone" in error_of(dialog, "phone") and "Mexico" in error_of(dialog, "phone")
    assert error_of(dialog, "website") == ""

    QTest.mouseClick(find(dialog, "save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10000)
    assert dialog.isVisible()
    assert count(ctx) == before
    assert not ctx.undo.can_undo()
    errors = dialog.field_errors()
    assert set(errors) == {"email", "phone"}
    assert "field(s) need attention" in find(dialog, "form-message").text()
    assert dialog.tabs.currentIndex() == 1  # the Contact tab, where the first error is
    assert not dialog.tabs.tabIcon(1).isNull() and dialog.tabs.tabIcon(0).isNull()

    # Editing a field takes its message away; fixing both lets it save.
    fill(dialog.contact.email, "Ana.Lopez@Example.COM")
    assert error_of(dialog, "email") == ""
    fill(dialog.contact.phone, "55 1234 5678")
    assert error_of(dialog, "phone") == ""
    fill(dialog.contact.website, "linkedin.com/in/ana-lopez")
    fill(dialog.contact.city, "Monterrey")
    show_tab(dialog, 2)
    tick_sector(dialog, 2)
    tick_sector(dialog, 5)
    primary = find(dialog, "field-primary_sector")
    assert [primary.itemData(i) for i in range(primary.count())] == [2, 5]
    primary.setCurrentIndex(primary.findData(5))
    for code in ("mentoria_academica", "pasantias"):
        click_box(find(dialog, f"field-contribution-{code}", QCheckBox))
    show_tab(dialog, 4)
    click_box(find(dialog, "field-directory_consent", QCheckBox))
    click_box(find(dialog, "field-print-email", QCheckBox))
    fill(find(dialog, "field-consent_date"), "12/03/2024")
    fill(dialog.privacy.consent_source, "Formulario de registro")

    member_id = save_and_wait(qtbot, dialog)
    assert count(ctx) == before + 1
    saved = values_of(ctx, member_id)
    assert saved["email"] == "ana.lopez@example.com"
    assert saved["phone"] == "+525512345678"
    assert saved["country"] == "MX"
    assert saved["website"] == "https://linkedin.com/in/ana-lopez"
    assert saved["sector_ids"] == [2, 5] and saved["primary_sector_id"] == 5
    with ctx.db.reader() as session:
        codes = [c.code for c in member_service.get_member(session, member_id).contributions]
    assert codes == ["mentoria_academica", "pasantias"]
    assert saved["directory_consent"] is True
    assert saved["print_fields"] == [PrintField.EMAIL]
    assert saved["consent_date"] == date(2024, 3, 12)
    assert saved["consent_source"] == "Formulario de registro"
    assert saved["joined_on"] is None
    assert saved["status"] == MemberStatus.PROSPECT

    # Undo deletes the new member; redo brings it back with the same id and values.
    assert ctx.undo.undo_text() == "New member"
    wait_undo(qtbot, ctx, ctx.undo.undo)
    assert count(ctx) == before
    wait_undo(qtbot, ctx, ctx.undo.redo)
    assert values_of(ctx, member_id) == saved


def test_accented_names_round_trip(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    dialog = open_form(ctx)
    fill(dialog.personal.given_names, "José María")
    fill(dialog.personal.paternal_surname, "Núñez")
    fill(dialog.personal.maternal_surname, "Peña")
    assert dialog.personal.given_names.text() == "José María"
    member_id = save_and_wait(qtbot, dialog)
    saved = values_of(ctx, member_id)
    assert (saved["given_names"], saved["paternal_surname"], saved["maternal_surname"]) == (
        "José María",
        "Núñez",
        "Peña",
    )
    again = open_form(ctx, member_id)
    assert again.windowTitle() == "José María Núñez Peña"
    assert again.personal.paternal_surname.text() == "Núñez"


def test_required_names_are_checked_on_leaving_and_by_the_service(
    qtbot: QtBot, empty_ctx: AppContext, open_form: Opener
) -> None:
    dialog = open_form(empty_ctx)
    fill(dialog.personal.given_names, "x")
    fill(dialog.personal.given_names, "")
    assert "obligatorio" in error_of(dialog, "given_names")
    QTest.mouseClick(find(dialog, "save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10000)
    assert set(dialog.field_errors()) == {"given_names", "paternal_surname"}
    assert dialog.tabs.currentIndex() == 0
    assert count(empty_ctx) == 0


def test_enter_saves_and_the_e_mail_must_be_free(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    """Only the service knows the e-mail is taken: its message still lands at the field."""
    with ctx.db.reader() as session:
        taken = session.scalar(select(Member.email).where(Member.email.is_not(None)).limit(1))
    dialog = open_form(ctx)
    fill(dialog.personal.given_names, "Luis")
    fill(dialog.personal.paternal_surname, "Ramos")
    fill(dialog.contact.email, str(taken).upper())
    assert error_of(dialog, "email") == ""
    dialog.contact.email.setFocus()
    QTest.keyClick(dialog.contact.email, Qt.Key.Key_Return)  # Enter: the default button, Save
    qtbot.waitUntil(lambda: bool(error_of(dialog, "email")), timeout=10000)
    assert "is already registered" in error_of(dialog, "email")
    assert dialog.isVisible()


def test_ctrl_s_saves(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    before = count(ctx)
    dialog = open_form(ctx)
    fill(dialog.personal.given_names, "Rosa")
    fill(dialog.personal.paternal_surname, "Vidal")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        QTest.keyClick(dialog.contact.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert count(ctx) == before + 1


def test_service_errors_map_to_their_widgets(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    dialog = open_form(ctx)
    dialog.show_errors(
        [
            FieldError("primary_sector", "Sector principal: mal."),
            FieldError("chapter", "Capítulo: no existe."),
            FieldError("contributions", "Aportaciones: no existen."),
            FieldError("consent_date", "Fecha del consentimiento: en el futuro."),
            FieldError("somewhere_else", "Otro problema."),
        ]
    )
    assert error_of(dialog, "sectors") == "Sector principal: mal."
    assert error_of(dialog, "chapter") == "Capítulo: no existe."
    assert error_of(dialog, "contributions") == "Aportaciones: no existen."
    assert error_of(dialog, "consent_date") == "Fecha del consentimiento: en el futuro."
    assert "Otro problema." in find(dialog, "form-message").text()
    assert dialog.tabs.currentIndex() == 2  # Network: the first placed error
    # Changing the chapter clears its message only.
    dialog.network.chapter.setCurrentIndex(1)
    assert error_of(dialog, "chapter") == ""
    assert error_of(dialog, "sectors") == "Sector principal: mal."


# -- the country picker and the dates ---------------------------------------------------------


def test_country_type_to_find_ignores_accents(
    spanish: None, qtbot: QtBot, ctx: AppContext, open_form: Opener
) -> None:
    dialog = open_form(ctx)
    line = dialog.contact.country.line_edit()
    line.setFocus()
    type_text(line, "japon")
    completer = dialog.contact.country.completer()
    assert completer is not None
    found = completer.completionModel()
    names = [found.index(i, 0).data() for i in range(found.rowCount())]
    assert names == ["Japón"]
    line.clear()
    type_text(line, "unid")
    names = [found.index(i, 0).data() for i in range(found.rowCount())]
    assert "Estados Unidos" in names and "Reino Unido" in names
    fill(line, "Narnia")
    assert "país desconocido" in error_of(dialog, "country")
    fill(line, "españa")
    assert error_of(dialog, "country") == "" and dialog.contact.country.code() == "ES"
    assert dialog.contact.country.currentText() == "España"
    # A phone number typed earlier is checked again for the new country.
    fill(dialog.contact.phone, "55 1234 5678")
    assert "España" in error_of(dialog, "phone")  # a Mexican number, not a Spanish one
    fill(line, "México")
    assert error_of(dialog, "phone") == "" and dialog.contact.country.code() == "MX"


def test_dates_can_be_left_empty_typed_or_picked_and_never_in_the_future(
    qtbot: QtBot, ctx: AppContext, open_form: Opener
) -> None:
    dialog = open_form(ctx)
    show_tab(dialog, 2)
    joined = dialog.network.joined_on
    assert joined.value() is None and joined.text() == "" and joined.placeholderText() == "dd/mm/yyyy"
    fill(joined, "3/2/2021")
    assert joined.value() == date(2021, 2, 3) and error_of(dialog, "joined_on") == ""
    fill(joined, "32/02/2021")  # sent as typed, so the service names it; checked on leaving too
    assert joined.value() == "32/02/2021"
    assert "is not a valid date" in error_of(dialog, "joined_on")
    fill(joined, "")
    assert joined.value() is None and error_of(dialog, "joined_on") == ""
    tomorrow = date.today() + timedelta(days=1)
    fill(joined, tomorrow.strftime("%d/%m/%Y"))
    assert "in the future" in error_of(dialog, "joined_on")

    # The calendar (Alt+Down) opens on the date typed, ends today, and picking fills the field.
    fill(joined, "03/02/2021")
    joined.setFocus()
    QTest.keyClick(joined, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = joined.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2021, 2, 3)
    assert calendar.maximumDate() == QDate.currentDate()  # no dates in the future
    calendar.clicked.emit(QDate(2020, 5, 17))
    assert not calendar.isVisible() and joined.text() == "17/05/2020"
    assert joined.value() == date(2020, 5, 17)
    assert dialog.changed_values()["joined_on"] == date(2020, 5, 17)


# -- editing ----------------------------------------------------------------------------------


def test_edit_city_and_add_sector_then_undo_and_redo(
    qtbot: QtBot, ctx: AppContext, open_form: Opener
) -> None:
    member_id = a_member(ctx, without_sector=9)
    original = values_of(ctx, member_id)
    dialog = open_form(ctx, member_id)
    fill(dialog.contact.city, "Guadalajara")
    show_tab(dialog, 2)
    tick_sector(dialog, 9)
    assert dialog.is_modified()
    assert set(dialog.changed_values()) == {"city", "sector_ids", "primary_sector_id"}
    save_and_wait(qtbot, dialog)

    edited = values_of(ctx, member_id)
    assert edited["city"] == "Guadalajara"
    assert edited["sector_ids"] == sorted([*original["sector_ids"], 9])
    assert edited["primary_sector_id"] == original["primary_sector_id"]
    untouched = {k: v for k, v in edited.items() if k not in ("city", "sector_ids")}
    assert untouched == {k: v for k, v in original.items() if k not in ("city", "sector_ids")}

    assert ctx.undo.undo_text().startswith("Edit ")
    wait_undo(qtbot, ctx, ctx.undo.undo)
    assert values_of(ctx, member_id) == original
    wait_undo(qtbot, ctx, ctx.undo.redo)
    assert values_of(ctx, member_id) == edited


def test_saving_without_changes_writes_nothing(qtbot: QtBot, ctx: AppContext, open_form: Opener) -> None:
    member_id = a_member(ctx, without_sector=0)
    dialog = open_form(ctx, member_id)
    save_and_wait(qtbot, dialog)
    assert not ctx.undo.can_undo()


# -- the unsaved-changes guard ----------------------------------------------------------------


def test_guard_keep_editing_then_discard(
    qtbot: QtBot, ctx: AppContext, open_form: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    member_id = a_member(ctx, without_sector=0)
    original = values_of(ctx, member_id)
    dialog = open_form(ctx, member_id)
    fill(dialog.contact.city, "Oaxaca")

    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    QTest.keyClick(dialog.contact.city, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "not saved" in asked[0]
    assert dialog.isVisible() and dialog.contact.city.text() == "Oaxaca"
    dialog.close()  # the window's close button asks too
    assert len(asked) == 2 and dialog.isVisible()

    asked = answer(monkeypatch, QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(dialog.finished) as finished:
        QTest.mouseClick(find(dialog, "cancel"), Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "not saved" in asked[0]
    assert finished.args == [0]
    assert values_of(ctx, member_id) == original


def test_guard_save(
    qtbot: QtBot, ctx: AppContext, open_form: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    member_id = a_member(ctx, without_sector=0)
    dialog = open_form(ctx, member_id)
    fill(dialog.contact.city, "Mérida")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.finished, timeout=10000) as finished:
        QTest.keyClick(dialog.contact.city, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "not saved" in asked[0]
    assert finished.args == [1]
    assert values_of(ctx, member_id)["city"] == "Mérida"


def test_guard_save_with_errors_keeps_the_form(
    qtbot: QtBot, ctx: AppContext, open_form: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    member_id = a_member(ctx, without_sector=0)
    original = values_of(ctx, member_id)
    dialog = open_form(ctx, member_id)
    fill(dialog.contact.email, "no-es-correo")
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    QTest.keyClick(dialog.contact.email, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=10000)
    assert dialog.isVisible()
    assert "is not a valid e-mail address" in error_of(dialog, "email")
    assert values_of(ctx, member_id) == original


def test_an_unchanged_form_closes_without_asking(
    qtbot: QtBot, ctx: AppContext, open_form: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_form(ctx, a_member(ctx, without_sector=0))
    fill(dialog.contact.city, dialog.contact.city.text())  # typed the same text back: nothing changed
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(dialog.finished):
        QTest.keyClick(dialog.contact.city, Qt.Key.Key_Escape)
    assert asked == []


def test_tab_order_follows_the_fields_and_the_title_follows_the_name(
    qtbot: QtBot, ctx: AppContext, open_form: Opener
) -> None:
    member_id = a_member(ctx, without_sector=0)
    dialog = open_form(ctx, member_id)
    show_tab(dialog, 1)
    dialog.contact.email.setFocus()
    QTest.keyClick(dialog.contact.email, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.contact.phone
    QTest.keyClick(dialog.contact.phone, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.contact.website

    show_tab(dialog, 0)
    fill(dialog.personal.given_names, "Úrsula")
    fill(dialog.personal.maternal_surname, "")
    assert dialog.windowTitle() == f"Úrsula {dialog.personal.paternal_surname.text()}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_network_tab_fits_the_form_as_it_opens(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, open_form: Opener, language: str
) -> None:
    """Issue 12 item 7: at the form's own size the Network tab needs no horizontal scroll, and
    every contribution's name is shown whole ("Aportaciones que ofrece" was cut)."""
    from talentdesk.ui.i18n import install_translations, remove_translations
    from talentdesk.ui.resources import apply_app_font

    font = qapp.font()
    apply_app_font(qapp)  # the app's own font, as the person sees it
    install_translations(qapp, language)
    try:
        dialog = open_form(ctx, None)
        show_tab(dialog, 2)
        scroll = dialog.tabs.currentWidget()
        assert isinstance(scroll, QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible()
        assert scroll.horizontalScrollBar().maximum() == 0
        page = dialog.network
        assert page.width() <= scroll.viewport().width()
        group = page.contributions_group
        for check in page.contribution_boxes.values():
            right = check.mapTo(page, check.rect().topRight()).x()
            assert check.width() >= check.sizeHint().width(), check.text()
            assert right <= scroll.viewport().width(), check.text()
        assert group.mapTo(page, group.rect().topRight()).x() <= scroll.viewport().width()
    finally:
        remove_translations(qapp)
        qapp.setFont(font)
