"""PostgreSQL change notices: a commit elsewhere is heard, with its tables (issue 16)."""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from talentdesk.core.models import Base
from talentdesk.db import change_notices, notifications
from talentdesk.db.session import Database
from talentdesk.services.members import create_member
from tests.conftest import needs_pg

pytestmark = needs_pg


class Heard:
    def __init__(self, db: Database) -> None:
        self.batches: list[set[str]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=notifications.listen,
            args=(db.engine, self.batches.append, self.stop),
            kwargs={"wait_s": 0.1},
        )
        self.thread.start()
        time.sleep(0.5)  # LISTEN is in place before the test writes

    def tables(self, timeout: float = 10.0, *, expect: bool = True) -> set[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.batches and expect:
                break
            time.sleep(0.05)
        return set().union(*self.batches) if self.batches else set()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        assert not self.thread.is_alive()


@pytest.fixture()
def listener_and_writer(pg_url: str) -> Iterator[tuple[Heard, Database, Database]]:
    mine = Database.open(pg_url)
    other = Database.open(pg_url)  # another workstation: another engine, another sender
    heard = Heard(mine)
    try:
        yield heard, mine, other
    finally:
        heard.close()
        mine.close()
        other.close()


def test_a_commit_elsewhere_is_heard_with_its_tables(
    listener_and_writer: tuple[Heard, Database, Database],
) -> None:
    heard, _mine, other = listener_and_writer
    with other.session() as session:
        create_member(session, {"given_names": "Ana", "paternal_surname": "Ruiz", "sector_ids": [1]})
    tables = heard.tables()
    assert "members" in tables and "member_sectors" in tables


def test_a_rolled_back_write_and_my_own_writes_are_not_heard(
    listener_and_writer: tuple[Heard, Database, Database],
) -> None:
    heard, mine, other = listener_and_writer
    with other.engine.connect() as conn:
        conn.execute(text("UPDATE chapters SET name = name || '' WHERE id = 1"))
        conn.rollback()
    with mine.engine.begin() as conn:  # this window's own edit: it refreshed already
        conn.execute(text("UPDATE sectors SET name = name WHERE id = 1"))
    assert heard.tables(timeout=1.5, expect=False) == set()
    with other.engine.begin() as conn:  # then a real change elsewhere still arrives
        conn.execute(text("UPDATE chapters SET name = name WHERE id = 1"))
    assert heard.tables() == {"chapters"}


def test_every_table_announces_its_changes(pg_url: str) -> None:
    db = Database.open(pg_url)
    with db.engine.connect() as conn:
        have = {
            str(name)
            for (name,) in conn.execute(
                text(
                    "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE t.tgname = :trigger AND NOT t.tgisinternal"
                ),
                {"trigger": change_notices.TRIGGER},
            )
        }
    db.close()
    assert have == {t.name for t in Base.metadata.sorted_tables}


def test_the_migration_keeps_the_same_statements() -> None:
    migration = importlib.import_module("talentdesk.db.migrations.versions.0013_pg_change_notices")
    assert migration.FUNCTION_SQL == change_notices.FUNCTION_SQL
    assert migration.trigger_sql("members") == change_notices.trigger_sql("members")
    assert Path(migration.__file__).name.startswith("0013")


def test_each_transaction_is_heard_not_only_the_first(
    listener_and_writer: tuple[Heard, Database, Database],
) -> None:
    """The trigger fires once per table and transaction (a transaction-local flag): the next
    transaction on the same connection must announce again."""
    heard, _mine, other = listener_and_writer
    with other.engine.connect() as conn:
        for _ in range(3):  # three statements, one notice
            conn.execute(text("UPDATE chapters SET name = name WHERE id = 1"))
        conn.commit()
        assert heard.tables() == {"chapters"}
        heard.batches.clear()
        conn.execute(text("UPDATE sectors SET name = name WHERE id = 1"))
        conn.execute(text("UPDATE chapters SET name = name WHERE id = 2"))
        conn.commit()
        deadline = time.monotonic() + 10
        while set().union(*heard.batches) != {"chapters", "sectors"} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert set().union(*heard.batches) == {"chapters", "sectors"}
