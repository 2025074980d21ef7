"""Migration 0008 (vinculación): new tables on an existing database, built-in kinds seeded, and
a downgrade that leaves the earlier schema as it was."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from talentdesk.db import migrate
from talentdesk.db.engine import make_engine

TABLES = {
    "program_kinds",
    "programs",
    "program_sectors",
    "program_organizations",
    "program_chapters",
    "program_status_changes",
    "program_people",
    "program_outcomes",
    "needs",
    "need_sectors",
    "need_candidates",
    "need_candidate_stages",
    "saved_lists",
    "saved_list_members",
}


def test_migration_adds_the_linkage_tables_and_seeds_the_kinds(tmp_path: Path) -> None:
    previous = migrate.script_directory().get_revision("0008").down_revision
    assert isinstance(previous, str)
    engine = make_engine(tmp_path / "m.sqlite")
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, previous)
            conn.execute(
                text(
                    "INSERT INTO members (given_names, paternal_surname, status, directory_consent, "
                    "print_fields, no_contact, created_at, updated_at, sort_key, search_text) "
                    "VALUES ('Ana', 'Ruiz', 'activo', 0, '', 0, '2020-01-01', '2020-01-01', 'ruiz', ' ana ')"
                )
            )
        assert not TABLES & set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0008")
        assert set(inspect(engine).get_table_names()) >= TABLES
        with engine.connect() as conn:
            kinds = conn.execute(text("SELECT code, builtin FROM program_kinds ORDER BY id")).all()
            assert [k[0] for k in kinds][:3] == ["pasantia", "mentoria", "visita"] and len(kinds) == 7
            assert all(k[1] for k in kinds)
            assert conn.execute(text("SELECT given_names FROM members")).scalar() == "Ana"
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, previous)
        assert not TABLES & set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 1
    finally:
        engine.dispose()
