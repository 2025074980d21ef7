"""The row journal's PostgreSQL form (migration 0012, ``db/journal_triggers.py``): a trigger on
every journaled table and on nothing else, every foreign key deferrable, silent unless a capture
turned it on, refused loudly when a table lacks its trigger; migrations down and up."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, text

from talentdesk import ops
from talentdesk.core.errors import DatabaseError
from talentdesk.db import journal_triggers, migrate
from talentdesk.db.session import Database
from talentdesk.ops import members as ops_members
from talentdesk.ops.journal import journaled_tables
from talentdesk.services import members
from tests.conftest import PG_URL, _pg_database
from tests.unit.ops_support import dump

pytestmark = pytest.mark.skipif(not PG_URL, reason="no PostgreSQL server in this run (TALENTDESK_TEST_PG)")

MIGRATION = importlib.import_module("talentdesk.db.migrations.versions.0012_pg_row_journal")


@pytest.fixture()
def pg(pg_template: str) -> Iterator[Database]:
    yield from _pg_database(pg_template)


def _triggered(conn: Connection) -> set[str]:
    return set(
        conn.exec_driver_sql(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s AND NOT t.tgisinternal",
            (journal_triggers.TRIGGER,),
        ).scalars()
    )


def _not_deferrable(conn: Connection) -> list[str]:
    return list(
        conn.exec_driver_sql(
            "SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable"
        ).scalars()
    )


def test_every_journaled_table_and_nothing_else_has_the_trigger(pg: Database) -> None:
    """The rule for later migrations: a new journaled table gets ``add_row_trigger``, a new
    foreign key is DEFERRABLE (docs/architecture.md, "Undo")."""
    with pg.engine.connect() as conn:
        assert _triggered(conn) == {t.name for t in journaled_tables()}
        assert _not_deferrable(conn) == []
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND condeferred"
            ).scalar()
            == 0
        )  # deferrable, but checked at each statement as before


def test_the_migration_keeps_a_frozen_copy_of_the_current_statements() -> None:
    assert MIGRATION.FUNCTION_SQL == journal_triggers.FUNCTION_SQL
    assert MIGRATION.trigger_sql("members") == journal_triggers.trigger_sql("members")


def test_downgrade_removes_the_triggers_and_upgrade_brings_them_back(pg: Database) -> None:
    from alembic import command

    config = migrate.alembic_config()
    journaled = {t.name for t in journaled_tables()}
    with pg.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0011")
        assert _triggered(conn) == set()
        assert len(_not_deferrable(conn)) > 40
        assert conn.exec_driver_sql("SELECT to_regprocedure('td_journal_row()')").scalar() is None
    with pg.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        assert _triggered(conn) == journaled
        assert _not_deferrable(conn) == []
    with pg.session() as s:
        member_id = members.create_member(s, {"given_names": "Eva", "paternal_surname": "Ortiz"}).id
    before = dump(pg)
    done = ops.perform(pg, ops_members.delete([member_id]))
    assert done.undo is not None
    ops.apply_step(pg, done.undo)
    assert dump(pg) == before


def test_a_table_without_its_trigger_refuses_the_operation_in_spanish(pg: Database) -> None:
    with pg.session() as s:
        member_id = members.create_member(s, {"given_names": "Eva", "paternal_surname": "Ortiz"}).id
    with pg.engine.begin() as conn:
        journal_triggers.drop_row_trigger(conn, "board_positions")
    before = dump(pg)
    with pytest.raises(DatabaseError, match=r"«board_positions».*talentdesk db upgrade"):
        ops.perform(pg, ops_members.update(member_id, {"city": "Mérida"}))
    assert dump(pg) == before
    with pg.engine.begin() as conn:
        journal_triggers.add_row_trigger(conn, "board_positions")
    assert ops.perform(pg, ops_members.update(member_id, {"city": "Mérida"})).undo is not None


def test_outside_a_capture_the_triggers_record_nothing(pg: Database) -> None:
    """Plain writes (bulk loads, imports, restores) need no temporary table and leave nothing;
    the setting lasts only as long as the capture's transaction."""
    with pg.session() as s:
        members.create_member(s, {"given_names": "Eva", "paternal_surname": "Ortiz"})
        assert s.execute(text("SELECT to_regclass('pg_temp.td_journal')")).scalar() is None
    done = ops.perform(pg, ops_members.create({"given_names": "Luz", "paternal_surname": "Ortiz"}))
    assert done.undo is not None
    with pg.engine.connect() as conn:  # the pool's connection that captured: off, and empty
        setting = conn.exec_driver_sql("SELECT current_setting(%s, true)", (journal_triggers.SETTING,))
        assert setting.scalar() in (None, "", "off")
        conn.exec_driver_sql("UPDATE members SET city = 'Tijuana'")
        if conn.exec_driver_sql("SELECT to_regclass('pg_temp.td_journal')").scalar() is not None:
            assert conn.exec_driver_sql("SELECT count(*) FROM pg_temp.td_journal").scalar() == 0
        conn.rollback()
