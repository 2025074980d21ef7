"""Which files become databases, and how they are created (issue 10, items 5, 8 and 9).

Private files whatever the umask; an empty file or ``--db ''`` never silently becomes a
database; a missing --db file is created only on purpose (``db upgrade``, ``demo``); URLs with an
unknown scheme or a missing driver, another program's Alembic database and a file stamped older
than its tables get a Spanish message, exit 1, and the file untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from talentdesk.db.migrate import head_revision
from tests.cli._support import Result, count_rows, file_hash, query

Cli = Callable[..., Result]


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_its_wal_and_its_backups_are_private_with_a_permissive_umask(
    cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "td.sqlite"
    with umask(0o022):
        assert cli("--db", target, "db", "upgrade").code == 0
        holder = sqlite3.connect(target)  # keeps -wal and -shm in place while we look
        try:
            holder.execute("SELECT count(*) FROM members").fetchone()
            added = cli("--db", target, "members", "add", "--given-names", "Ana", "--paternal", "Ruiz")
            assert added.code == 0, added.err
            companions = [target.with_name(target.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in companions)
            assert [mode(p) for p in [target, *companions]] == [0o600, 0o600, 0o600]
        finally:
            holder.close()
        assert cli("--db", target, "db", "backup").code == 0
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and mode(backups[0]) == 0o600
    assert mode(tmp_path / "backups") == 0o700


@pytest.mark.parametrize(
    "command",
    [
        ("members", "search"),
        ("db", "check"),
        ("members", "add", "--given-names", "A", "--paternal", "B"),
        ("db", "upgrade"),
        ("demo", "--members", "2"),
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_an_empty_file_never_becomes_a_database(cli: Cli, tmp_path: Path, command: tuple[str, ...]) -> None:
    empty = tmp_path / "vacia.sqlite"
    empty.touch()
    result = cli("--db", empty, *command)
    assert result.code == 1
    assert "está vacío (0 bytes)" in result.err
    assert "Traceback" not in result.err
    assert empty.stat().st_size == 0
    assert [p.name for p in tmp_path.iterdir()] == ["vacia.sqlite"]


@pytest.mark.parametrize(
    "command", [("members", "search"), ("db", "check"), ()], ids=["search", "check", "gui"]
)
def test_an_empty_db_option_is_a_usage_error(cli: Cli, db_path: Path, command: tuple[str, ...]) -> None:
    result = cli("--db", "", *command)
    assert result.code == 2
    assert "--db está vacío" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "command",
    [
        ("members", "search"),
        ("members", "add", "--given-names", "A", "--paternal", "B"),
        ("db", "check"),
        ("db", "backups"),
        ("events", "list"),
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_a_missing_db_file_is_not_created_by_ordinary_commands(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "errata.sqlite"
    result = cli("--db", missing, *command)
    assert result.code == 1
    assert f"No existe la base de datos «{missing}»" in result.err
    assert not missing.exists()


def test_demo_and_upgrade_create_a_missing_file_on_purpose(cli: Cli, tmp_path: Path) -> None:
    made = cli("--db", tmp_path / "nueva.sqlite", "demo", "--members", "3")
    assert made.code == 0, made.err
    assert count_rows(tmp_path / "nueva.sqlite") == 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql+mysqldb://ana@localhost/red", "falta el controlador «MySQLdb»"),
        ("postgresql+psycopg2://ana@localhost/red", "falta el controlador «psycopg2»"),
        ("oracle2://ana@localhost/red", "no es un tipo de base de datos conocido"),
        ("://nada", "no es una ruta ni una URL"),
    ],
)
def test_urls_with_an_unknown_scheme_or_a_missing_driver(cli: Cli, url: str, expected: str) -> None:
    result = cli("--db", url, "members", "search")
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err


def test_another_applications_alembic_database_is_not_called_newer(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "inventario.sqlite"
    with contextlib.closing(sqlite3.connect(other)) as con:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES ('3f2a9c1d7e4b')")
        con.execute("CREATE TABLE productos (id INTEGER PRIMARY KEY, nombre TEXT)")
        con.commit()
    before = file_hash(other)
    for command in (("members", "search"), ("db", "upgrade"), ("db", "check")):
        result = cli("--db", other, *command)
        assert result.code == 1
        assert "no es de TalentDesk" in result.err and "otra aplicación" in result.err
        assert "más nueva" not in result.err
    assert file_hash(other) == before


def test_upgrade_of_a_database_stamped_older_than_its_tables(cli: Cli, db_path: Path) -> None:
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        con.execute("UPDATE alembic_version SET version_num = '0003'")  # but 0004's tables are there
        con.commit()
    before = file_hash(db_path)
    result = cli("--db", db_path, "db", "upgrade")
    assert result.code == 1
    assert "No se pudo actualizar el esquema de 0003" in result.err
    assert "ya tiene la tabla «" in result.err and "anterior a sus tablas" in result.err
    assert "La base de datos no se modificó" in result.err
    assert "Traceback" not in result.err
    assert file_hash(db_path) == before
    assert query(db_path, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert head_revision() != "0003"


def test_a_database_others_can_read_is_warned_about_on_every_use(
    cli: Callable[..., Result], db_path: Path
) -> None:
    db_path.chmod(0o644)
    result = cli("--db", db_path, "members", "search", "--json")
    assert result.code == 0, result.err
    assert "Aviso:" in result.err and "644" in result.err and "chmod 600" in result.err
    db_path.chmod(0o600)
    quiet = cli("--db", db_path, "members", "search", "--json")
    assert quiet.code == 0 and "Aviso" not in quiet.err
