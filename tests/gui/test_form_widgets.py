"""The one widget set in the record forms: the country picker and the date field as the
chapter, event and lodging forms use them, and the form base's errors and keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from talentdesk.core.models import Chapter
from talentdesk.ui.chapters import ChapterDialog, ChaptersArea
from talentdesk.ui.context import AppContext
from talentdesk.ui.widgets.choosers import CountryCombo, DateField
from tests.gui.helpers import click, error_of, field, fill, read, replace_text, show_area, type_text

pytestmark = pytest.mark.gui


@pytest.fixture()
def chapter_form(qtbot: QtBot, ctx: AppContext) -> ChapterDialog:
    area: ChaptersArea = show_area(qtbot, ChaptersArea(ctx), rows=21)
    area.new_item()
    dialog = area.dialog
    assert isinstance(dialog, ChapterDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def chapter_country(ctx: AppContext, name: str) -> str | None:
    country: str | None = read(ctx, lambda s: s.scalar(select(Chapter.country).where(Chapter.name == name)))
    return country


def test_a_country_is_found_as_typed_without_accents_and_saved_as_its_code(
    spanish: None, chapter_form: ChapterDialog, ctx: AppContext, qtbot: QtBot
) -> None:
    country: CountryCombo = field(chapter_form, "country")
    assert country.isEditable() and country.value() is None
    type_text(field(chapter_form, "name"), "Capítulo Lima")
    fill(country.line_edit(), "peru")
    assert country.currentText() == "Perú" and country.value() == "PE"  # tidied on leaving
    click(qtbot, chapter_form, "save")
    qtbot.waitUntil(lambda: not chapter_form.isVisible(), timeout=5000)
    assert chapter_country(ctx, "Capítulo Lima") == "PE"


def test_a_country_that_does_not_exist_is_named_at_its_field_and_typing_clears_it(
    chapter_form: ChapterDialog, ctx: AppContext, qtbot: QtBot
) -> None:
    country: CountryCombo = field(chapter_form, "country")
    type_text(field(chapter_form, "name"), "Capítulo Narnia")
    fill(country.line_edit(), "Narnia")
    assert country.value() == "Narnia"  # sent as typed: the service says what is wrong
    click(qtbot, chapter_form, "save")
    qtbot.waitUntil(lambda: bool(error_of(chapter_form, "country")), timeout=5000)
    assert "Narnia" in error_of(chapter_form, "country")
    assert chapter_form.isVisible() and chapter_country(ctx, "Capítulo Narnia") is None
    replace_text(country.line_edit(), "Chil")
    assert error_of(chapter_form, "country") == ""  # editing the field takes its message away


def test_ctrl_s_saves_a_record_form_and_a_picked_date_is_saved(
    chapter_form: ChapterDialog, ctx: AppContext, qtbot: QtBot
) -> None:
    type_text(field(chapter_form, "name"), "Capítulo Quito")
    founded: DateField = field(chapter_form, "founded_on")
    founded.setFocus()
    QTest.keyClick(founded, Qt.Key.Key_F4)
    calendar = founded.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.maximumDate() > QDate.currentDate()  # a record's dates may be in the future
    calendar.activated.emit(QDate(2019, 11, 30))  # Enter on a day
    assert founded.text() == "30/11/2019" and chapter_form.is_modified()
    QTest.keyClick(founded, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not chapter_form.isVisible(), timeout=5000)
    founded_on = read(
        ctx, lambda s: s.scalar(select(Chapter.founded_on).where(Chapter.name == "Capítulo Quito"))
    )
    assert founded_on == date(2019, 11, 30)


def test_several_messages_at_one_field_and_the_rest_above_the_buttons(chapter_form: ChapterDialog) -> None:
    chapter_form.show_error("primero.", "founded_on")
    chapter_form.show_error("segundo.", "founded_on")
    chapter_form.show_error("de ningún campo.", "nowhere")
    assert error_of(chapter_form, "founded_on") == "primero.\nsegundo."
    assert chapter_form.message.text() == "de ningún campo." and chapter_form.message.isVisible()
    assert chapter_form.field_errors() == {"founded_on": "primero.\nsegundo."}
    chapter_form.clear_errors()
    assert error_of(chapter_form, "founded_on") == "" and chapter_form.message.isHidden()
