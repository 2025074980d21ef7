"""Backups and restore (talentdesk.db.backup)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.core.errors import DatabaseError
from talentdesk.core.models import Member
from talentdesk.db import migrate
from talentdesk.db.backup import backup_sqlite, default_backup_path, validate_backup_file
from talentdesk.db.restore import restore_sqlite
from talentdesk.db.session import Database
from talentdesk.services.members import count_members
from talentdesk.services.search import MemberQuery, search_members

from .helpers import add, revision_of, sql_scalar

pytestmark = pytest.mark.sqlite_only(reason="it is about the SQLite database file (copies, backups, restores of the file); PostgreSQL backups are pg_dump's (issue 16, not built yet)")


def _names(database: Database) -> list[str]:
    with database.reader() as s:
        return [m.full_name for m in s.scalars(select(Member).order_by(Member.id))]


def test_backup_is_a_valid_database_with_the_same_members(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        add(s, "Ana", "Núñez", "Ávila")
        add(s, "Luis", "Pérez")
    target = backup_sqlite(db.engine, tmp_path / "copias" / "uno.sqlite")
    assert target.is_file() and not target.with_name("uno.sqlite.partial").exists()
    validate_backup_file(target)
    assert revision_of(target) == migrate.head_revision()
    copy = Database.open(target)
    try:
        assert _names(copy) == ["Ana Núñez Ávila", "Luis Pérez"]
        with copy.reader() as s:
            assert search_members(s, MemberQuery(text="nunez")).total == 1
    finally:
        copy.close()


def test_backup_cannot_overwrite_itself_and_default_path(db: Database, db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no puede sobrescribir"):
        backup_sqlite(db.engine, db_path)
    default = default_backup_path(db.engine)
    assert default.parent == db_path.parent / "backups"
    assert default.name.startswith("talentdesk-") and default.suffix == ".sqlite"


def test_restore_replaces_content_and_returns_safety_backup(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    with db.session() as s:
        add(s, "Ana", "Antes")
    saved = backup_sqlite(db.engine, tmp_path / "guardada.sqlite")
    with db.session() as s:
        add(s, "Beto", "Después")
    assert _names(db) == ["Ana Antes", "Beto Después"]

    safety = restore_sqlite(db.engine, saved)

    assert _names(db) == ["Ana Antes"]
    with db.reader() as s:
        assert search_members(s, MemberQuery(text="despues")).total == 0
        assert search_members(s, MemberQuery(text="antes")).total == 1
    assert safety.parent == db_path.parent / "backups" and safety.is_file()
    assert sql_scalar(safety, "SELECT count(*) FROM members") == 2
    with db.session() as s:  # still usable after the restore
        add(s, "Carla", "Luego")
    assert len(_names(db)) == 2


def _corrupt_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):  # every page but the first: garbage
        data[start : start + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("kind", ["text", "empty_sqlite", "corrupt", "missing", "foreign"])
def test_restore_of_bad_file_raises_and_leaves_target_untouched(
    db: Database, db_path: Path, tmp_path: Path, kind: str
) -> None:
    with db.session() as s:
        add(s, "Ana", "Intacta")
    bad = tmp_path / f"{kind}.sqlite"
    if kind == "text":
        bad.write_text("hola, no soy SQLite" * 50, encoding="utf-8")
    elif kind == "empty_sqlite":
        con = sqlite3.connect(bad)  # a real SQLite file with no tables at all
        con.execute("CREATE TABLE t (x)")
        con.execute("DROP TABLE t")
        con.commit()
        con.close()
    elif kind == "corrupt":
        good = backup_sqlite(db.engine, tmp_path / "good.sqlite")
        _corrupt_copy(good, bad)
    elif kind == "foreign":
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE clientes (id INTEGER)")
        con.commit()
        con.close()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_path.read_bytes()

    with pytest.raises(DatabaseError):
        restore_sqlite(db.engine, bad)

    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()  # no safety copy: nothing was attempted
    assert _names(db) == ["Ana Intacta"]
    with db.reader() as s:
        assert count_members(s) == 1


def test_validate_backup_file_messages(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="No existe"):
        validate_backup_file(tmp_path / "nada.sqlite")
    text = tmp_path / "texto.sqlite"
    text.write_bytes(b"PK\x03\x04 un zip")
    with pytest.raises(DatabaseError, match="no es SQLite"):
        validate_backup_file(text)


def test_restore_of_a_copy_from_an_older_schema_is_brought_up_to_date(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """A backup taken before an update (schema 0004) restored into a current database: the
    restore puts its schema back as it was, opening it again migrates it, the data survives."""
    from alembic import command

    from talentdesk.db.engine import make_engine
    from talentdesk.db.session import write_connection

    with db.session() as s:
        add(s, "Ana", "Antigua")
    old_file = backup_sqlite(db.engine, tmp_path / "de-0004.sqlite")
    engine = make_engine(old_file)
    config = migrate.alembic_config()
    with write_connection(engine) as conn:  # as a copy taken before 0005 would be
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    engine.dispose()
    with db.session() as s:
        add(s, "Beto", "Nuevo")
    assert revision_of(old_file) == "0004"

    restore_sqlite(db.engine, old_file)
    assert revision_of(db_path) == "0004"
    db.close()
    reopened = Database.open(db_path)
    try:
        assert revision_of(db_path) == migrate.head_revision()
        assert _names(reopened) == ["Ana Antigua"]
        with reopened.reader() as s:
            assert search_members(s, MemberQuery(text="antigua")).total == 1
    finally:
        reopened.close()
