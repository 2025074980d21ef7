"""Fixtures the export tests share: the demo database opened, and its demo Jornada."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.events import Event
from talentdesk.db.session import Database
from talentdesk.services.demo_event import DEMO_NAME


@pytest.fixture()
def demo(demo_db_path: Path) -> Iterator[Database]:
    """A copy of the demo database (300 members, one Jornada), open. Modules that need another
    shape of ``demo`` define their own."""
    database = Database.open(demo_db_path)
    yield database
    database.close()


@pytest.fixture()
def event_id(demo: Database) -> int:
    """The demo Jornada's id."""
    with demo.reader() as session:
        return int(session.scalars(select(Event.id).where(Event.name == DEMO_NAME)).one())
