"""Migration 0005 (privacy): columns added in place, tables created, downgrade keeps members."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, inspect, text

from talentdesk.db import migrate
from talentdesk.db.engine import make_engine

TRIGGERS = {"members_fts_ai", "members_fts_ad", "members_fts_au"}


def _to(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, revision)


def _triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def _found(engine: Engine, word: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.scalar(text("SELECT count(*) FROM member_fts WHERE member_fts MATCH :w"), {"w": word}) or 0
        )


def test_0005_adds_privacy_columns_and_tables_in_place_and_back(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite")
    try:
        _to(engine, "0004")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO members (id, given_names, paternal_surname, status, directory_consent, "
                    "print_fields, created_at, updated_at, sort_key, search_text) VALUES "
                    "(7, 'Ana', 'Ruiz', 'activo', 1, 'email', '2026-01-01', '2026-01-01', 'ruiz', ' ana ruiz _dc1 ')"
                )
            )
        _to(engine, "0005")
        tables = set(inspect(engine).get_table_names())
        assert {"consent_changes", "export_log"} <= tables
        with engine.connect() as conn:
            row = conn.execute(text("SELECT no_contact, anonymized_at, given_names FROM members")).one()
        assert tuple(row) == (0, None, "Ana")
        assert _triggers(engine) >= TRIGGERS  # not a table copy: the index triggers stay
        assert _found(engine, "ruiz") == 1
        with engine.begin() as conn:  # the update trigger still keeps the index in step
            conn.execute(text("UPDATE members SET search_text = ' ana lopez _dc1 ' WHERE id = 7"))
        assert (_found(engine, "ruiz"), _found(engine, "lopez")) == (0, 1)

        _to(engine, "0004", down=True)
        assert not {"consent_changes", "export_log"} & set(inspect(engine).get_table_names())
        columns = {c["name"] for c in inspect(engine).get_columns("members")}
        assert not {"no_contact", "anonymized_at"} & columns
        assert _triggers(engine) >= TRIGGERS
        assert _found(engine, "lopez") == 1
    finally:
        engine.dispose()
