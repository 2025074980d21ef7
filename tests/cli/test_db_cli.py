"""`talentdesk db ...`, `--db`/TALENTDESK_DB, and databases that must be refused untouched."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from talentdesk.db.migrate import head_revision
from tests.cli._support import (
    NEWER_REVISION,
    SQLITE_HEADER,
    Result,
    count_rows,
    file_hash,
    make_schema_newer,
    member_names,
    query,
    set_journal_mode,
)

Cli = Callable[..., Result]


def add(cli: Cli, db: Path, given: str, paternal: str) -> None:
    result = cli("--db", db, "members", "add", "--given-names", given, "--paternal", paternal)
    assert result.code == 0, result.err


# -- db upgrade / check -------------------------------------------------------------------------


def test_upgrade_on_a_fresh_path_creates_a_current_database(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "nueva" / "carpeta" / "td.sqlite"
    result = cli("--db", target, "db", "upgrade")
    assert result.code == 0, result.err
    assert result.out.strip() == f"Esquema actualizado de vacío a {head_revision()}."
    assert target.read_bytes().startswith(SQLITE_HEADER)
    assert query(target, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert count_rows(target, "sectors") == 9
    assert count_rows(target) == 0

    again = cli("--db", target, "db", "upgrade")
    assert again.code == 0, again.err
    assert "ya está al día" in again.out
    assert head_revision() in again.out


def test_check_on_a_good_database(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    result = cli("--db", db_path, "db", "check")
    assert result.code == 0, result.err
    assert f"Esquema: {head_revision()} (esta versión usa {head_revision()})" in result.out
    assert "Miembros: 1" in result.out
    assert result.out.strip().endswith("Resultado: sin problemas.")
    assert result.err == ""


def test_check_on_a_missing_file_exits_1_and_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "no-existe.sqlite"
    result = cli("--db", missing, "db", "check")
    assert result.code == 1
    assert "No existe la base de datos" in result.err
    assert str(missing) in result.err
    assert not missing.exists()


def test_check_reports_a_search_index_out_of_step(cli: Cli, db_path: Path) -> None:
    """Members missing from the search index are invisible to `members search`: check must say so."""
    add(cli, db_path, "Ana", "López")
    with contextlib.closing(sqlite3.connect(db_path, isolation_level=None)) as con:
        con.execute("INSERT INTO member_fts(member_fts) VALUES ('delete-all')")
    missed = cli("--db", db_path, "members", "search", "lopez", "--json")
    assert missed.code == 0
    assert missed.json()["total"] == 0  # the damage is real: the member can't be found

    result = cli("--db", db_path, "db", "check")
    assert result.code == 1
    assert "Problema:" in result.err
    assert "desfasado" in result.err
    assert "db reindex" in result.err
    assert "problema(s)." in result.out

    repaired = cli("--db", db_path, "db", "reindex")
    assert repaired.code == 0, repaired.err
    assert "1 miembros" in repaired.out
    assert cli("--db", db_path, "db", "check").code == 0
    assert cli("--db", db_path, "members", "search", "lopez", "--json").json()["total"] == 1


# -- db backup / restore ----------------------------------------------------------------------


def test_backup_to_an_explicit_path(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    target = tmp_path / "copias" / "mi-copia.sqlite"
    result = cli("--db", db_path, "db", "backup", target)
    assert result.code == 0, result.err
    assert f"Copia de seguridad escrita en {target}" in result.out
    assert target.read_bytes().startswith(SQLITE_HEADER)
    assert member_names(target) == [("Ana", "López", None)]
    assert not target.with_name(target.name + ".partial").exists()


def test_backup_default_path_is_under_backups_next_to_the_database(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    result = cli("--db", db_path, "db", "backup")
    assert result.code == 0, result.err
    written = list((db_path.parent / "backups").glob(f"{db_path.stem}-*.sqlite"))
    assert len(written) == 1
    assert str(written[0]) in result.out
    assert member_names(written[0]) == [("Ana", "López", None)]


def test_backup_onto_the_database_itself_is_refused(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    before = file_hash(db_path)
    result = cli("--db", db_path, "db", "backup", db_path)
    assert result.code == 1
    assert "no puede sobrescribir" in result.err
    assert file_hash(db_path) == before


def test_restore_brings_back_the_old_content(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    copy = tmp_path / "copia.sqlite"
    assert cli("--db", db_path, "db", "backup", copy).code == 0
    add(cli, db_path, "Beto", "Núñez")
    assert count_rows(db_path) == 2

    result = cli("--db", db_path, "db", "restore", copy)
    assert result.code == 0, result.err
    assert f"Base de datos restaurada desde {copy}" in result.out
    assert member_names(db_path) == [("Ana", "López", None)]

    # the content it replaced was kept in a safety copy under backups/
    safety = Path(result.out.rsplit("La anterior quedó en ", 1)[1].strip())
    assert safety.parent == db_path.parent / "backups"
    assert member_names(safety) == [("Ana", "López", None), ("Beto", "Núñez", None)]

    shown = cli("--db", db_path, "members", "search", "--json")
    assert shown.code == 0
    assert shown.json()["total"] == 1


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _FrozenClock:  # type: ignore[override]
        return cls(2024, 5, 6, 7, 8, 9)


def test_restore_from_a_default_backup_taken_the_same_second(
    cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`db backup` then `db restore <that file>` within one second (a script does this).

    The safety copy restore takes first must not overwrite the very file being restored.
    """
    monkeypatch.setattr("talentdesk.db.backup.datetime", _FrozenClock)
    add(cli, db_path, "Ana", "López")
    backup = cli("--db", db_path, "db", "backup")
    assert backup.code == 0, backup.err
    copy = Path(backup.out.removeprefix("Copia de seguridad escrita en ").strip())
    assert member_names(copy) == [("Ana", "López", None)]
    add(cli, db_path, "Beto", "Núñez")

    result = cli("--db", db_path, "db", "restore", copy)
    assert result.code == 0, result.err
    assert member_names(db_path) == [("Ana", "López", None)]
    assert member_names(copy) == [("Ana", "López", None)]  # the user's backup is intact


def test_restore_from_a_missing_file_exits_1(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    before = file_hash(db_path)
    result = cli("--db", db_path, "db", "restore", tmp_path / "no-existe.sqlite")
    assert result.code == 1
    assert "No existe el archivo de respaldo" in result.err
    assert file_hash(db_path) == before
    assert not (db_path.parent / "backups").exists()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_restore_from_a_non_sqlite_file_leaves_the_database_unchanged(
    cli: Cli, db_path: Path, tmp_path: Path, journal_mode: str
) -> None:
    """`delete`: the state of a database copied from a backup (backups are written that way)."""
    add(cli, db_path, "Ana", "López")
    set_journal_mode(db_path, journal_mode)
    bogus = tmp_path / "respaldo.sqlite"
    bogus.write_text("nombre,apellido\nAna,López\n", encoding="utf-8")
    before = file_hash(db_path)

    result = cli("--db", db_path, "db", "restore", bogus)
    assert result.code == 1
    assert "no es SQLite" in result.err
    assert file_hash(db_path) == before
    assert member_names(db_path) == [("Ana", "López", None)]
    assert not (db_path.parent / "backups").exists()


def test_restore_from_a_newer_schema_copy_touches_neither_file(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    add(cli, db_path, "Ana", "López")
    newer = tmp_path / "de-otra-version.sqlite"
    assert cli("--db", db_path, "db", "backup", newer).code == 0
    make_schema_newer(newer)
    add(cli, db_path, "Beto", "Núñez")
    db_before, newer_before = file_hash(db_path), file_hash(newer)

    result = cli("--db", db_path, "db", "restore", newer)
    assert result.code == 1
    assert "más nueva" in result.err
    assert file_hash(db_path) == db_before
    assert count_rows(db_path) == 2
    assert file_hash(newer) == newer_before


# -- databases that must be refused and left exactly as they were --------------------------------

COMMANDS = [
    ("members", "search"),
    ("members", "show", "1"),
    ("members", "add", "--given-names", "Ana", "--paternal", "López"),
    ("db", "check"),
    ("db", "upgrade"),
    ("db", "backup"),
    ("demo", "--members", "3"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_a_non_sqlite_file_as_db_is_refused_and_unchanged(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    notes = tmp_path / "notas.txt"
    notes.write_text("Esto no es una base de datos.\n" * 50, encoding="utf-8")
    before = file_hash(notes)
    result = cli("--db", notes, *command)
    assert result.code == 1
    assert "no es un archivo SQLite" in result.err
    assert "Traceback" not in result.err
    assert file_hash(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notas.txt"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_a_corrupt_database_is_refused_and_unchanged(
    cli: Cli, db_path: Path, command: tuple[str, ...]
) -> None:
    data = bytearray(db_path.read_bytes())
    data[8192:] = b"\x5a" * (len(data) - 8192)  # keep the header, ruin the pages
    db_path.write_bytes(bytes(data))
    before = file_hash(db_path)
    result = cli("--db", db_path, *command)
    assert result.code == 1
    assert "dañad" in result.err
    assert "Traceback" not in result.err
    assert file_hash(db_path) == before


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_a_newer_schema_is_refused_and_the_file_is_unchanged(
    cli: Cli, db_path: Path, command: tuple[str, ...], journal_mode: str
) -> None:
    """A file written by a newer TalentDesk; `delete` is how a copied backup arrives."""
    add(cli, db_path, "Ana", "López")
    make_schema_newer(db_path, journal_mode)
    before = file_hash(db_path)
    result = cli("--db", db_path, *command)
    assert result.code == 1
    assert "más nueva" in result.err
    assert NEWER_REVISION in result.err
    assert file_hash(db_path) == before
    assert count_rows(db_path) == 1
    assert not (db_path.parent / "backups").exists()


def test_a_locked_database_gives_a_clear_message_and_nothing_is_written(cli: Cli, db_path: Path) -> None:
    add(cli, db_path, "Ana", "López")  # the database as the app leaves it (WAL)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE members SET notes = 'del otro proceso'")
        result = cli("--db", db_path, "members", "add", "--given-names", "Beto", "--paternal", "Núñez")
        holder.execute("COMMIT")  # the refused command left the holder's work alone
    finally:
        holder.close()
    assert query(db_path, "SELECT notes FROM members") == [("del otro proceso",)]
    assert result.code == 1
    assert "bloqueada" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert member_names(db_path) == [("Ana", "López", None)]


# -- which database: --db, TALENTDESK_DB --------------------------------------------------------


def test_talentdesk_db_is_used_when_db_is_absent(
    cli: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TALENTDESK_DB", str(db_path))
    result = cli("members", "add", "--given-names", "Ana", "--paternal", "López")
    assert result.code == 0, result.err
    assert member_names(db_path) == [("Ana", "López", None)]
    found = cli("members", "search", "lopez", "--json")
    assert found.code == 0
    assert found.json()["total"] == 1


def test_db_option_wins_over_talentdesk_db(
    cli: Cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "otra" / "otra.sqlite"
    monkeypatch.setenv("TALENTDESK_DB", str(other))
    result = cli("--db", db_path, "members", "add", "--given-names", "Ana", "--paternal", "López")
    assert result.code == 0, result.err
    assert member_names(db_path) == [("Ana", "López", None)]
    assert not other.exists()


def test_db_accepts_a_sqlalchemy_url(cli: Cli, db_path: Path) -> None:
    result = cli("--db", f"sqlite:///{db_path}", "members", "add", "--given-names", "Ana", "--paternal", "L")
    assert result.code == 0, result.err
    assert count_rows(db_path) == 1
