"""Write transactions start as writers (BEGIN IMMEDIATE); readers stay deferred.

A transaction that reads first and writes later cannot wait for the write lock: if another
connection commits in between, its snapshot is stale and SQLite fails at once ("database is
locked") whatever the busy timeout. Starting writers with BEGIN IMMEDIATE makes the second
writer wait (up to the 5 s busy timeout) instead.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import event

from talentdesk.db.session import Database, write_connection
from talentdesk.services.members import count_members

from .helpers import add

pytestmark = pytest.mark.sqlite_only(reason="BEGIN IMMEDIATE is how a SQLite writer takes the lock first; PostgreSQL locks rows")


def _begins(database: Database) -> list[str]:
    seen: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def _record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("BEGIN"):
            seen.append(statement)

    return seen


def test_sessions_that_write_begin_immediate_and_readers_stay_deferred(db: Database) -> None:
    seen = _begins(db)
    with db.session() as s:
        add(s, "Ana", "López")
    with db.reader() as s:
        count_members(s)
    with write_connection(db.engine) as conn:
        conn.exec_driver_sql("SELECT 1")
    assert seen == ["BEGIN IMMEDIATE", "BEGIN", "BEGIN IMMEDIATE"]


def test_a_writer_that_read_first_is_not_failed_by_a_commit_in_between(db_path: Path) -> None:
    """The issue's 31 failed adds: A reads, B commits, A writes → "locked" after 5 ms."""
    first, second = Database.open(db_path), Database.open(db_path)
    failures: list[BaseException] = []

    def other_writer() -> None:
        try:
            with second.session() as s:
                add(s, "Beto", "Núñez")
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    try:
        with first.session() as s:
            assert count_members(s) == 0  # A reads first…
            thread = threading.Thread(target=other_writer)
            thread.start()
            thread.join(0.5)  # …B commits meanwhile (before the fix) or waits for A (after)
            add(s, "Ana", "López")  # …then A writes
        thread.join(10)
        assert not failures
        with first.reader() as s:
            assert count_members(s) == 2
    finally:
        first.close()
        second.close()
