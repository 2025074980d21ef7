"""The backup `talentdesk import members` takes before writing is started as soon as the write
lock is held (SQLite copies on the other core while the file is checked), and the database
opens while the file is read. What a person sees stays as before: a backup of the state the
import started from when it writes, none when it writes nothing, and a bad file reported first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from talentdesk.cli.imports import read_while_opening
from tests.cli._support import Result

Cli = Callable[..., Result]


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _import_backups(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob("*-antes-de-importar.sqlite"))


def _members(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("SELECT count(*) FROM members").fetchone()[0])


def test_an_import_that_writes_keeps_a_backup_of_the_state_before_it(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    before = _members(db_path)
    source = _csv(tmp_path / "nuevos.csv", "Nombre(s),Apellido paterno\nBeto,Núñez\nCiro,Vela\n")
    result = cli("--db", db_path, "import", "members", source)
    assert result.code == 0, result.err
    assert _members(db_path) == before + 2
    [backup] = _import_backups(db_path)
    assert _members(backup) == before
    assert not list((db_path.parent / "backups").glob("*.partial"))


def test_an_import_with_errors_writes_nothing_and_leaves_no_backup(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    before = _members(db_path)
    source = _csv(tmp_path / "malo.csv", "Nombre(s),Apellido paterno,Correo electrónico\nBeto,Núñez,no-es-correo\n")
    result = cli("--db", db_path, "import", "members", source)
    assert result.code == 1
    assert "No se guardó nada" in result.out
    assert _members(db_path) == before
    assert not (db_path.parent / "backups").exists()  # not even the folder the backup made


def test_an_import_with_errors_leaves_the_existing_backups_as_they_were(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("--db", db_path, "db", "backup").code == 0
    folder = db_path.parent / "backups"
    kept = {p.name: p.read_bytes() for p in folder.iterdir()}
    source = _csv(tmp_path / "malo.csv", "Nombre(s),Apellido paterno,Correo electrónico\nBeto,Núñez,x\n")
    assert cli("--db", db_path, "import", "members", source).code == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == kept


def test_a_dry_run_takes_no_backup(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    source = _csv(tmp_path / "nuevos.csv", "Nombre(s),Apellido paterno\nBeto,Núñez\n")
    result = cli("--db", db_path, "import", "members", source, "--dry-run")
    assert result.code == 0, result.err
    assert _import_backups(db_path) == []


def test_a_bad_file_is_reported_even_when_the_database_is_missing(cli: Cli, tmp_path: Path) -> None:
    source = _csv(tmp_path / "vacío.csv", "")
    result = cli("--db", tmp_path / "no-existe.sqlite", "import", "members", source)
    assert result.code == 1
    assert "vacío.csv" in result.err and "no-existe.sqlite" not in result.err
    assert not (tmp_path / "no-existe.sqlite").exists()


class _Opened:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_reading_fails_then_the_database_opened_meanwhile_is_closed() -> None:
    opened = _Opened()

    def bad_read() -> str:
        raise ValueError("archivo malo")

    with pytest.raises(ValueError, match="archivo malo"):
        read_while_opening(bad_read, lambda: opened)
    assert opened.closed


def test_reading_and_opening_both_succeed() -> None:
    opened = _Opened()
    assert read_while_opening(lambda: "tabla", lambda: opened) == ("tabla", opened)
    assert not opened.closed


def test_a_bad_file_leaves_an_older_database_unopened_and_unchanged(cli: Cli, tmp_path: Path) -> None:
    """Opening would bring an older database up to date (with a backup first): with a file that
    cannot be imported it must not happen, so such a database is opened only after the file is
    read (the parallel opening is for a database already current)."""
    from alembic import command

    from talentdesk.db import migrate
    from talentdesk.db.engine import make_engine

    old = tmp_path / "vieja.sqlite"
    engine = make_engine(old)
    config = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0009")
    finally:
        engine.dispose()
    before = old.read_bytes()
    source = _csv(tmp_path / "vacío.csv", "")
    result = cli("--db", old, "import", "members", source)
    assert result.code == 1
    assert "vacío.csv" in result.err
    assert old.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_only_a_current_database_opens_while_the_file_is_read(db_path: Path, tmp_path: Path) -> None:
    import argparse

    from talentdesk.cli.imports import opens_unchanged

    assert opens_unchanged(argparse.Namespace(db=str(db_path)))
    assert not opens_unchanged(argparse.Namespace(db=str(tmp_path / "no-existe.sqlite")))
    assert not (tmp_path / "no-existe.sqlite").exists()


def test_a_dry_run_reads_only_so_another_writer_may_hold_the_lock(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    """A dry run validates and looks for duplicates: it writes nothing, so it does not take the
    write lock (it did, for all of its seconds at a million members) and leaves the file as it was."""
    source = _csv(tmp_path / "nuevos.csv", "Nombre(s),Apellido paterno\nBeto,Núñez\n")
    assert cli("--db", db_path, "import", "members", source, "--dry-run").code == 0  # WAL set up
    before = db_path.read_bytes()
    writer = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")  # someone else is writing meanwhile
        result = cli("--db", db_path, "import", "members", source, "--dry-run")
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert result.code == 0, result.err
    assert "nuevas: 1" in result.out
    assert db_path.read_bytes() == before
    assert _import_backups(db_path) == []
