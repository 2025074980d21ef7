"""Schema migrations (talentdesk.db.migrate): reference data, refusals, backup before upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from talentdesk.core.errors import DatabaseError, SchemaTooNewError
from talentdesk.core.models import Chapter, ContributionType, Sector
from talentdesk.db import migrate, revisions
from talentdesk.db.engine import make_engine
from talentdesk.db.search_index import INSERT_TRIGGER, TRIGGERS, bulk_member_load
from talentdesk.db.session import Database
from talentdesk.services.members import count_members
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add, revision_of, sql_scalar


def test_fresh_database_has_reference_data(tmp_path: Path) -> None:
    path = tmp_path / "nueva" / "fresh.sqlite"  # missing folder is created
    database = Database.open(path)
    try:
        with database.reader() as s:
            sectors = list(s.scalars(select(Sector).order_by(Sector.number)))
            assert [x.number for x in sectors] == list(range(1, 10))
            assert sectors[2].name == "Salud"
            assert len(list(s.scalars(select(ContributionType)))) == 11
            chapters = {c.name: c for c in s.scalars(select(Chapter))}
            assert {n: c.founded_on for n, c in chapters.items()} == {
                "Silicon Valley": date(2006, 11, 1),
                "Houston": date(2007, 5, 1),
                "Detroit": date(2007, 12, 1),
            }
            assert all(c.country == "US" and c.status.value == "formalizado" for c in chapters.values())
        assert migrate.current_revision(database.engine) == migrate.head_revision() == HEAD
        assert migrate.ensure_current(database.engine) is None  # already current: nothing to do
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.close()
    assert revision_of(path) == HEAD


def _snapshot(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_unknown_revision_is_refused_and_file_untouched(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_futuro'")
    con.commit()
    con.close()
    before = _snapshot(db_path)
    with pytest.raises(SchemaTooNewError, match="9999_futuro") as info:
        Database.open(db_path)
    assert "no se modificó" in info.value.message
    assert _snapshot(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "otro.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE clientes (id INTEGER PRIMARY KEY, nombre TEXT)")
    con.execute("INSERT INTO clientes (nombre) VALUES ('Ana')")
    con.commit()
    con.close()
    before = _snapshot(path)
    with pytest.raises(DatabaseError, match="no es de TalentDesk"):
        Database.open(path)
    assert _snapshot(path) == before
    assert sql_scalar(path, "SELECT nombre FROM clientes") == "Ana"


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notas.sqlite"
    path.write_text("esto no es una base de datos\n" * 10, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="no es un archivo SQLite"):
        Database.open(path)
    assert path.read_bytes() == before
    folder = tmp_path / "carpeta.sqlite"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="carpeta"):
        Database.open(folder)
    with pytest.raises(DatabaseError, match="No existe"):
        make_engine(tmp_path / "falta.sqlite", create=False)


def test_upgrade_not_allowed_without_permission(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_next_revision(tmp_path, monkeypatch)
    with pytest.raises(DatabaseError, match="necesita actualizarse"):
        Database.open(db_path, upgrade=False)
    assert revision_of(db_path) == HEAD


#: The revision this version of TalentDesk ships as head (read, not hard-coded).
HEAD = migrate.head_revision()
NEXT = "9000_prueba"


def _with_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the shipped migrations plus one trivial revision on top of the head."""
    copy = tmp_path / "migrations"
    shutil.copytree(revisions.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / f"{NEXT}.py").write_text(
        '"""trivial test revision"""\n'
        "from alembic import op\n\n"
        f'revision = "{NEXT}"\n'
        f'down_revision = "{HEAD}"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.execute("CREATE TABLE prueba_0002 (x INTEGER)")\n\n\n'
        "def downgrade() -> None:\n"
        '    op.execute("DROP TABLE prueba_0002")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(revisions, "MIGRATIONS_DIR", copy)
    assert migrate.head_revision() == NEXT


@pytest.mark.sqlite_only(
    reason="it is about the SQLite database file (copies, backups, restores of the file); PostgreSQL backups are pg_dump's (issue 16, not built yet)"
)
def test_backup_before_upgrade(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        add(s, "Ana", "Núñez", email="ana@example.com")
    db.close()
    _with_next_revision(tmp_path, monkeypatch)

    database = Database.open(db_path)
    database.close()

    assert revision_of(db_path) == NEXT
    assert sql_scalar(db_path, "SELECT count(*) FROM prueba_0002") == 0
    backups = list((db_path.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("talentdesk-") and backup.name.endswith(f"-antes-de-{NEXT}.sqlite")
    assert revision_of(backup) == HEAD
    assert sql_scalar(backup, "SELECT paternal_surname FROM members") == "Núñez"
    assert sql_scalar(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'prueba_0002'") == 0
    assert sql_scalar(backup, "PRAGMA journal_mode") == "delete"  # a standalone file, no -wal needed


def test_upgrade_of_empty_file_takes_no_backup(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "vacia.sqlite")
    try:
        result = migrate.ensure_current(engine)
    finally:
        engine.dispose()
    assert result is not None
    assert (result.from_revision, result.to_revision, result.backup) == (None, HEAD, None)
    assert not (tmp_path / "backups").exists()


def _insert_trigger_sql(database: Database) -> str:
    with database.engine.connect() as conn:
        return str(
            conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'members_fts_ai'").scalar_one()
        )


@pytest.mark.sqlite_only(
    reason="it checks the SQLite full-text index (FTS5) itself; PostgreSQL search has its own design (issue 16)"
)
def test_insert_trigger_matches_search_index_after_bulk_load(db: Database) -> None:
    with db.engine.connect() as conn:  # the last migration and search_index agree
        made = set(conn.scalars(text("SELECT sql FROM sqlite_master WHERE name LIKE 'members_fts_%'")))
    assert made == set(TRIGGERS)
    with db.session() as s:
        conn = s.connection()
        with bulk_member_load(conn):
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'members_fts_ai'"
                ).scalar_one()
                == 0
            )
            add(s, "Ana", "Bulk")
            s.flush()
    assert _insert_trigger_sql(db) == INSERT_TRIGGER
    with db.session() as s:  # the set-based fill indexed the bulk row; the trigger indexes new ones
        add(s, "Beto", "Trigger")
    with db.reader() as s:
        assert search_members(s, MemberQuery(text="bulk")).total == 1
        assert search_members(s, MemberQuery(text="trigger")).total == 1
        assert count_members(s) == 2


def test_migrations_build_exactly_the_models(db: Database) -> None:
    """The migrated schema and the SQLAlchemy models agree table by table, column by column."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from talentdesk.core.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if not _ignorable(d)]
    assert _without_deferrability(diffs) == []


def _fk_signature(fk: Any) -> tuple[object, ...]:
    return (
        fk.table.name,
        tuple(c.name for c in fk.columns),
        fk.referred_table.name,
        tuple(e.column.name for e in fk.elements),
        (fk.ondelete or "NO ACTION").upper(),
    )


def _without_deferrability(diffs: list[Any]) -> list[Any]:
    """On PostgreSQL every foreign key is DEFERRABLE INITIALLY IMMEDIATE (migration 0012: an undo
    defers them; tests/unit/test_journal_postgresql.py checks it); the models do not say so, and
    Alembic then reports each key as removed and added again. Such a pair is the same key."""
    removed = {_fk_signature(d[1]) for d in diffs if isinstance(d, tuple) and d[0] == "remove_fk"}
    added = {_fk_signature(d[1]) for d in diffs if isinstance(d, tuple) and d[0] == "add_fk"}
    same = removed & added
    return [
        d
        for d in diffs
        if not (isinstance(d, tuple) and d[0] in ("remove_fk", "add_fk") and _fk_signature(d[1]) in same)
    ]


def _ignorable(diff: object) -> bool:
    # The FTS5 search index and its shadow tables are made by hand (not models).
    if isinstance(diff, tuple) and diff[0] == "remove_table":
        return str(diff[1].name).startswith("member_fts")
    return False


def test_migration_0004_adds_and_removes_the_document_tables(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    path = tmp_path / "m.sqlite"
    engine = make_engine(path)
    config = migrate.alembic_config()
    tables = {"certificates", "document_settings"}
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0003")
        assert not tables & set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0004")
        assert tables <= set(inspect(engine).get_table_names())
        columns = {c["name"] for c in inspect(engine).get_columns("certificates")}
        assert columns == {"id", "participant_id", "code", "issued_at"}
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
        assert not tables & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migration_0011_adds_and_removes_the_joined_on_index(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    path = tmp_path / "m.sqlite"
    engine = make_engine(path)
    config = migrate.alembic_config()

    def indexes() -> set[str]:
        found = inspect(engine)
        return {str(i["name"]) for table in ("members", "member_sectors") for i in found.get_indexes(table)}

    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0011")
        assert {"ix_members_joined_on", "ix_member_sectors_primary"} <= indexes()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
        assert not {"ix_members_joined_on", "ix_member_sectors_primary"} & indexes()
        assert "ix_members_sort_key" in indexes()
    finally:
        engine.dispose()


def test_migration_0011_counts_the_dense_filter_pairs_and_gives_them_back(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An existing database gets the live counts of two dense filters together (the words
    counted already), the same the index makes when renumbered; a downgrade removes them."""
    from alembic import command

    from talentdesk.db import search_index

    monkeypatch.setattr(search_index, "COUNTED_DOCS", 60)
    pairs_sql = "SELECT expr, pattern, docs FROM member_fts_counts WHERE expr LIKE '%\" AND \"%' ORDER BY 1"
    engine = make_engine(demo_db_path)
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            search_index.renumber(conn)
            made = conn.exec_driver_sql(pairs_sql).all()
        assert made
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0009")
            assert conn.exec_driver_sql(pairs_sql).all() == []
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0011")
            assert conn.exec_driver_sql(pairs_sql).all() == made
            assert search_index.integrity_problems(conn) == []
    finally:
        engine.dispose()
