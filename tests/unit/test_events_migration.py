"""Migration 0002 (Jornadas): a database left at 0001 with members is brought to head on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from talentdesk.core.models import utcnow
from talentdesk.core.text import fold, name_sort_key
from talentdesk.db import migrate
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database
from talentdesk.services import event_participants
from talentdesk.services import events as ev
from talentdesk.services.members import count_members

from .helpers import revision_of, sql_scalar

EVENT_TABLES = {
    "events",
    "rooms",
    "event_sessions",
    "session_speakers",
    "participants",
    "participant_status_changes",
    "travels",
    "lodgings",
    "materials",
    "event_tasks",
}


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()


def _database_at_0001(path: Path) -> None:
    """What an installation made before the Jornadas holds: schema 0001 and some members."""
    engine = make_engine(path)
    try:
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
        # Plain rows in the columns schema 0001 had (today's models have more columns).
        with engine.begin() as conn:
            for given, paternal, maternal, email, country in (
                ("José", "Núñez", "Ávila", "jose@example.org", "MX"),
                ("Ana", "López", None, "ana@example.org", "US"),
            ):
                conn.execute(
                    text(
                        "INSERT INTO members (given_names, paternal_surname, maternal_surname, email, "
                        "country, status, directory_consent, print_fields, created_at, updated_at, "
                        "sort_key, search_text) VALUES (:g, :p, :m, :e, :c, 'prospecto', 0, '', "
                        ":now, :now, :key, :words)"
                    ),
                    {
                        "g": given,
                        "p": paternal,
                        "m": maternal,
                        "e": email,
                        "c": country,
                        "now": utcnow(),
                        "key": name_sort_key(paternal, maternal, given),
                        "words": f" {fold(given)} {fold(paternal)} ",
                    },
                )
    finally:
        engine.dispose()


def test_0001_database_is_upgraded_on_open_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "antigua.sqlite"
    _database_at_0001(path)
    assert revision_of(path) == "0001"
    assert not EVENT_TABLES & _tables(path)
    assert migrate.head_revision() != "0001"

    database = Database.open(path)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        with database.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert tables >= EVENT_TABLES
            columns = {c["name"] for c in inspect(conn).get_columns("participants")}
            assert {"code", "member_id", "status", "status_changed_at", "sort_key"} <= columns
        with database.reader() as s:
            assert count_members(s) == 2
            assert ev.list_events(s) == []
        # the new tables work, with the old members
        with database.session() as s:
            event = ev.create_event(
                s, {"name": "Primera Jornada", "starts_on": "2027-02-18", "ends_on": "2027-02-19"}
            )
            member_id = sql_scalar(path, "SELECT id FROM members WHERE paternal_surname = 'Núñez'")
            p = event_participants.add_member(s, event.id, member_id)
            assert (p.full_name, p.email, p.code) == ("José Núñez Ávila", "jose@example.org", "JI27-0001")
    finally:
        database.close()

    assert revision_of(path) == migrate.head_revision()
    assert sql_scalar(path, "SELECT count(*) FROM members") == 2
    assert sql_scalar(path, "SELECT email FROM members WHERE given_names = 'Ana'") == "ana@example.org"
    assert sql_scalar(path, "SELECT count(*) FROM participants") == 1

    backups = sorted((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("antigua-") and f"antes-de-{migrate.head_revision()}" in backup.name
    assert revision_of(backup) == "0001"
    assert not EVENT_TABLES & _tables(backup)
    assert sql_scalar(backup, "SELECT count(*) FROM members") == 2


def test_0002_downgrades_to_0001_keeping_members(tmp_path: Path) -> None:
    path = tmp_path / "ida-y-vuelta.sqlite"
    _database_at_0001(path)
    engine = make_engine(path)
    try:
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
        assert _tables(path) >= EVENT_TABLES
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
    finally:
        engine.dispose()
    assert revision_of(path) == "0001"
    assert not EVENT_TABLES & _tables(path)
    assert sql_scalar(path, "SELECT count(*) FROM members") == 2


def test_opening_a_current_database_takes_no_backup(db_path: Path) -> None:
    Database.open(db_path).close()
    assert _tables(db_path) >= EVENT_TABLES
    assert not (db_path.parent / "backups").exists()
