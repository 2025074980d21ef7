"""The one read model of a Jornada (services/event_view.py): the window's rows and the
documents' readers are the same rows, read the same way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.errors import NotFoundError
from talentdesk.core.events import Event
from talentdesk.db.session import Database
from talentdesk.exports import event_xlsx, reference_xlsx
from talentdesk.exports.agenda_pdf import load_agenda
from talentdesk.exports.badges import load_badges
from talentdesk.services import event_view
from talentdesk.services import events as service
from talentdesk.services.demo_event import DEMO_NAME


@pytest.fixture()
def events_db(demo_db_path: Path) -> Iterator[Database]:
    """The demo database (its Jornada) and a second event without anyone."""
    database = Database.open(demo_db_path)
    with database.session() as s:
        service.create_event(
            s, {"name": "Jornada de Mérida", "starts_on": date(2028, 3, 9), "ends_on": date(2028, 3, 10)}
        )
    yield database
    database.close()


@pytest.fixture()
def event_id(events_db: Database) -> int:
    with events_db.reader() as s:
        found = s.scalar(select(Event.id).where(Event.name == DEMO_NAME))
    assert found is not None
    return found


def test_the_event_itself_prints_its_title_dates_and_place(events_db: Database, event_id: int) -> None:
    with events_db.reader() as s:
        event = event_view.load_event(s, event_id)
        other = next(e for e in event_view.load_events(s) if e.name == "Jornada de Mérida")
    assert event.name == DEMO_NAME and event.place and event.dates
    assert event.days()[0] == event.starts_on and event.days()[-1] == event.ends_on
    assert (other.title, other.place, other.participants) == ("Jornada de Mérida", "", 0)
    assert other.dates == "9 y 10 de marzo de 2028"
    with_edition = event_view.EventInfo(**{**other.__dict__, "edition": "2028"})
    assert with_edition.title == "Jornada de Mérida 2028"


def test_an_unknown_event_is_a_spanish_error(events_db: Database) -> None:
    with events_db.reader() as s, pytest.raises(NotFoundError, match="No existe el evento con id 4242"):
        event_view.load_event(s, 4242)


def test_the_list_the_workspace_and_the_documents_read_the_same_event(events_db: Database, event_id: int) -> None:
    with events_db.reader() as s:
        listed = next(e for e in event_view.load_events(s) if e.id == event_id)
        data = event_view.load_event_data(s, event_id)
        alone = event_view.load_event(s, event_id)
        agenda = load_agenda(s, event_id)
        rows = reference_xlsx.EVENTS.load(s)
        badges = load_badges(s, event_id)
    assert data.event == listed  # with the same participant count
    assert alone == agenda.event == event_view.EventInfo(**{**listed.__dict__, "participants": 0})
    assert listed.participants == len(data.participants) > 0
    assert next(r for r in rows if r.id == event_id) == listed  # `talentdesk export events`
    assert {b.event_name for b in badges} == {listed.name}


def test_the_participants_tab_and_the_spreadsheets_list_the_same_rows(events_db: Database, event_id: int) -> None:
    with events_db.reader() as s:
        data = event_view.load_event_data(s, event_id)
        sheets = event_xlsx.load_sheet_data(s, event_id)
        alone = event_view.load_participants(s, event_id)
        event = event_view.load_event(s, event_id)
    assert data.participants == sheets.participants == alone
    assert sheets.event == event
    assert [p.sort_key for p in alone] == sorted(p.sort_key for p in alone)  # Spanish name order
    assert any(p.travel is not None for p in alone) and any(p.lodging is not None for p in alone)


def test_materials_and_tasks_are_the_workspace_rows(events_db: Database, event_id: int) -> None:
    with events_db.reader() as s:
        data = event_view.load_event_data(s, event_id)
        materials = event_view.load_materials(s, event_id)
        tasks = event_view.load_tasks(s, event_id)
    assert materials == data.materials and materials
    assert sorted(tasks, key=lambda t: t.id) == sorted(data.tasks, key=lambda t: t.id) and tasks
