"""Migration 0007: the search index keyed by name position, and back to member ids."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect, text

from talentdesk.db import migrate, search_index
from talentdesk.db.engine import make_engine
from talentdesk.db.search_index import integrity_problems

MEMBERS = [  # id, sort key, search text: ids deliberately not in name order
    (7, "ruiz\x01\x01ana", " ana ruiz _dc1 "),
    (3, "zapata\x01\x01beto", " beto zapata _dc0 "),
    (5, "alba\x01\x01carla", " carla alba _dc1 "),
]


def _to(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def _rowids(engine: Engine, match: str) -> list[int]:
    with engine.connect() as conn:
        sql = "SELECT rowid FROM member_fts WHERE member_fts MATCH :m ORDER BY rowid"
        return list(conn.scalars(text(sql), {"m": match}))


def _triggers(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        return {str(name): str(sql) for name, sql in rows}


def test_0007_numbers_members_in_name_order_and_back(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite")
    try:
        _to(engine, "0006")
        old_triggers = _triggers(engine)
        with engine.begin() as conn:
            for member_id, key, words in MEMBERS:
                conn.execute(
                    text(
                        "INSERT INTO members (id, given_names, paternal_surname, status, directory_consent, "
                        "print_fields, created_at, updated_at, sort_key, search_text) VALUES "
                        "(:id, 'x', 'x', 'activo', 1, 'email', '2026-01-01', '2026-01-01', :key, :words)"
                    ),
                    {"id": member_id, "key": key, "words": words},
                )
        assert _rowids(engine, '"_dc0" OR "_dc1"') == [3, 5, 7]

        _to(engine, "0007")
        assert {"member_fts_rows", "member_fts_buckets"} <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT pos, member_id FROM member_fts_rows ORDER BY pos")).all()
            assert [tuple(r) for r in rows] == [(1, 5), (2, 7), (3, 3)]  # alba, ruiz, zapata
            assert integrity_problems(conn) == []
        assert _rowids(engine, '"_dc0" OR "_dc1"') == [1, 2, 3]
        assert set(_triggers(engine).values()) == set(search_index.TRIGGERS)
        with engine.begin() as conn:  # the new triggers place and index every write
            conn.execute(text("UPDATE members SET search_text = ' ana lopez _dc1 ' WHERE id = 7"))
            conn.execute(text("DELETE FROM members WHERE id = 3"))
            assert integrity_problems(conn) == []
        assert (_rowids(engine, "ruiz"), len(_rowids(engine, "lopez"))) == ([], 1)

        _to(engine, "0006", down=True)
        assert not {"member_fts_rows", "member_fts_buckets"} & set(inspect(engine).get_table_names())
        assert _triggers(engine) == old_triggers
        assert _rowids(engine, '"_dc0" OR "_dc1"') == [5, 7]  # member ids again
        assert _rowids(engine, "lopez") == [7]
    finally:
        engine.dispose()
