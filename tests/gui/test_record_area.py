"""The generic record area on a list of its own (not chapters or events): searching in the
area and in the loader, the count, keeping the selection, the form and its saved record,
delete with its question, refreshing on the changes it cares about, Export what is shown."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from talentdesk.ops import Changes, Op
from talentdesk.ui.context import AppContext
from talentdesk.ui.record_area import Deletion, Listing, RecordArea, RecordList
from talentdesk.ui.widgets.record_dialog import RecordDialog
from talentdesk.ui.widgets.records import Column
from tests.gui.helpers import NO, YES, answer, click, field, show_area, type_text

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    city: str


class Store:
    """The records, and what the loader was asked."""

    def __init__(self) -> None:
        self.places = [
            Place(1, "Biblioteca Vasconcelos", "Ciudad de México"),
            Place(2, "Museo Amparo", "Puebla"),
            Place(3, "Teatro Juárez", "Guanajuato"),
            Place(4, "Museo Regional", "Querétaro"),
        ]
        self.asked: list[Any] = []
        self.answered: list[Any] = []
        self.slow: tuple[str, threading.Event] | None = None  # this search waits for the event

    def load(self, _session: Session, criteria: Any) -> Listing[Place]:
        self.asked.append(criteria)
        if self.slow is not None and criteria == self.slow[0]:
            self.slow[1].wait(10)
        rows = [p for p in self.places if not criteria or criteria.casefold() in p.name.casefold()]
        self.answered.append(criteria)
        return Listing(rows, total=len(self.places))

    def add(self, name: str) -> Op[int]:
        def run(_session: Session, _job: Any) -> int:
            new = Place(max(p.id for p in self.places) + 1, name, "")
            self.places.append(new)
            return new.id

        return Op("Nuevo lugar", run, undoable=False, also=Changes(organizations=True))

    def remove(self, place: Place) -> Op[None]:
        def run(_session: Session, _job: Any) -> None:
            self.places.remove(place)

        return Op("Eliminar lugar", run, undoable=False, also=Changes(organizations=True))


class PlaceDialog(RecordDialog):
    def __init__(self, ctx: AppContext, store: Store, row: Place | None) -> None:
        super().__init__(ctx, "Lugar", "place-dialog")
        self.store = store
        self.name = QLineEdit(row.name if row else "")
        self.add_field("name", "&Nombre", self.name)

    def submit(self) -> None:
        self.run(self.store.add(self.name.text()))


def spec(ctx: AppContext, store: Store, *, in_load: bool) -> RecordList[Place]:
    return RecordList[Place](
        name="place",
        title="Lugares",
        columns=[Column("Lugar", lambda p: p.name), Column("Ciudad", lambda p: p.city)],
        load=store.load,
        search_text=None if in_load else (lambda p: f"{p.name} {p.city}"),
        search_in_load=in_load,
        count=lambda n: (f"{n} lugares", f"%1 de {n} lugares"),
        new_text="&Nuevo lugar…",
        form=lambda row: PlaceDialog(ctx, store, row),
        delete=Deletion("Eliminar lugar", lambda p: f"¿Eliminar «{p.name}»?", store.remove),
        sheet="Lugares",
        cares=lambda changes: changes.organizations,
    )


class PlacesArea(RecordArea):
    def __init__(self, ctx: AppContext, store: Store, *, in_load: bool = False) -> None:
        super().__init__(ctx, spec(ctx, store, in_load=in_load))
        self.setObjectName("places-area")
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        assert self.delete_button is not None
        layout.addWidget(self.edit_button)
        layout.addWidget(self.delete_button)
        self.selection_changed()


@pytest.fixture()
def store() -> Store:
    return Store()


@pytest.fixture()
def area(qtbot: QtBot, empty_ctx: AppContext, store: Store) -> PlacesArea:
    widget: PlacesArea = show_area(qtbot, PlacesArea(empty_ctx, store), rows=4)
    return widget


def names(area: RecordArea) -> list[str]:
    return [area.model.index(r, 0).data() for r in range(area.model.rowCount())]


def test_loads_when_shown_sorted_counted_and_first_row_selected(
    area: PlacesArea, store: Store, qtmodeltester: Any
) -> None:
    qtmodeltester.check(area.model)
    assert names(area) == ["Biblioteca Vasconcelos", "Museo Amparo", "Museo Regional", "Teatro Juárez"]
    assert area.count_label.text() == "4 lugares"
    assert area.current_row() == store.places[0]
    assert area.edit_button.isEnabled() and area.delete_button is not None and area.delete_button.isEnabled()
    assert area.supports("search") and area.title() == "Lugares"
    assert area.table_export() == (area.table, "Lugares", 4)


def test_search_in_the_area_word_by_word_ignoring_accents_keeps_the_selection(
    area: PlacesArea, qtbot: QtBot
) -> None:
    area.table.selectRow(2)  # Museo Regional
    assert area.search is not None
    type_text(area.search, "museo queretaro")
    assert names(area) == ["Museo Regional"] and area.count_label.text() == "1 de 4 lugares"
    assert area.current_row() is not None and area.current_row().name == "Museo Regional"
    area.search.setFocus()
    QTest.keyClick(area.search, Qt.Key.Key_Escape)  # Escape clears
    assert area.search.text() == "" and len(names(area)) == 4
    assert area.current_row().name == "Museo Regional"  # still the one selected
    type_text(area.search, "nada así")
    assert names(area) == [] and area.current_row() is None
    assert not area.edit_button.isEnabled()


def test_search_in_the_loader_waits_for_typing_to_stop_and_drops_older_answers(
    qtbot: QtBot, empty_ctx: AppContext, store: Store
) -> None:
    area: PlacesArea = show_area(qtbot, PlacesArea(empty_ctx, store, in_load=True), rows=4)
    assert store.asked == [""]
    assert area.search is not None
    type_text(area.search, "museo")
    assert area.debounce.isActive() and store.asked == [""]  # nothing sent while typing
    qtbot.waitUntil(lambda: store.asked == ["", "museo"] and not area.loading, timeout=5000)
    assert names(area) == ["Museo Amparo", "Museo Regional"]
    assert area.count_label.text() == "2 de 4 lugares"

    gate = threading.Event()
    store.slow = ("teatro", gate)  # the answer for "teatro" comes after the one for ""
    area.search.setText("teatro")
    area.reload()
    area.search.clear()
    area.reload()
    qtbot.waitUntil(lambda: store.answered[-1] == "" and not area.loading, timeout=5000)
    assert len(names(area)) == 4
    gate.set()
    qtbot.waitUntil(lambda: store.answered[-1] == "teatro", timeout=5000)
    qtbot.wait(100)  # let the late answer reach the GUI thread
    assert len(names(area)) == 4  # it came, and was not shown: a newer search had been sent


def test_down_from_the_search_selects_in_the_table(area: PlacesArea) -> None:
    area.table.clearSelection()
    assert area.search is not None
    area.search.setFocus()
    QTest.keyClick(area.search, Qt.Key.Key_Down)
    assert area.table.hasFocus() and area.current_row() is not None


def test_down_from_the_search_selects_the_current_row(area: PlacesArea) -> None:
    """As in the members area: the row the cursor is on becomes the selection (what Delete and
    the row buttons act on), not the first row."""
    assert area.search is not None and area.model.rowCount() > 2
    area.table.clearSelection()
    area.table.selectionModel().setCurrentIndex(
        area.model.index(2, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    area.search.setFocus()
    QTest.keyClick(area.search, Qt.Key.Key_Down)
    assert [i.row() for i in area.table.selectionModel().selectedRows()] == [2]
    assert area.current_row() is area.model.row(2)


def test_a_new_record_is_selected_once_saved_even_when_the_search_hid_it(
    area: PlacesArea, store: Store, qtbot: QtBot
) -> None:
    assert area.search is not None
    type_text(area.search, "teatro")
    click(qtbot, area, "place-new")
    dialog = area.dialog
    assert isinstance(dialog, PlaceDialog)
    type_text(field(dialog, "name"), "Foro Lindbergh")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: not area.loading and area.model.rowCount() == 5, timeout=5000)
    assert area.search.text() == ""  # the search let go so the new record is seen
    current = area.current_row()
    assert current is not None and current.name == "Foro Lindbergh"


def test_delete_asks_first_and_no_keeps_the_record(
    area: PlacesArea, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    area.table.selectRow(1)
    asked = answer(monkeypatch, NO)
    click(qtbot, area, "place-delete")
    assert asked == ["¿Eliminar «Museo Amparo»?"] and len(store.places) == 4
    answer(monkeypatch, YES)
    area.delete_selected()  # Supr in the window
    qtbot.waitUntil(lambda: not area.loading and area.model.rowCount() == 3, timeout=5000)
    assert "Museo Amparo" not in names(area)


def test_changes_it_does_not_care_about_do_not_reload_and_a_hidden_area_waits(
    area: PlacesArea, store: Store, empty_ctx: AppContext, qtbot: QtBot
) -> None:
    empty_ctx.changed.emit(Changes(members=True))
    assert store.asked == [""] and not area.loading
    area.hide()
    empty_ctx.changed.emit(Changes(organizations=True))
    assert area.stale and store.asked == [""]
    area.show()
    area.activated()
    qtbot.waitUntil(lambda: len(store.asked) == 2 and not area.loading, timeout=5000)
    assert not area.stale


def test_the_buttons_are_named_after_the_list(area: PlacesArea) -> None:
    found = {b.objectName() for b in area.findChildren(QPushButton)}
    assert {"place-new", "place-export", "place-edit", "place-delete"} <= found
    assert area.findChild(QLineEdit, "place-search") is area.search
