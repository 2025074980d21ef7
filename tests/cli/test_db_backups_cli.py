"""`talentdesk db backups`: the list (date, size, members, events, kind) and the kept-copies rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli._support import Result, query

Cli = Callable[..., Result]


def add(cli: Cli, db: Path, given: str, paternal: str) -> None:
    result = cli("--db", db, "members", "add", "--given-names", given, "--paternal", paternal)
    assert result.code == 0, result.err


def test_backups_lists_every_kind_with_counts(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    add(cli, db_path, "Ana", "López")
    assert cli("--db", db_path, "db", "backup").code == 0  # manual
    source = tmp_path / "uno.csv"
    source.write_text("Nombre(s),Apellido paterno\nBeto,Núñez\n", encoding="utf-8")
    imported = cli("--db", db_path, "import", "members", source)  # takes one before writing
    assert imported.code == 0, imported.err

    result = cli("--db", db_path, "db", "backups", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["database"] == str(db_path)
    assert data["folder"] == str(db_path.parent / "backups")
    assert data["retention"] == {"daily": 7, "weekly": 4}
    kinds = {b["kind"]: b for b in data["backups"]}
    assert set(kinds) == {"manual", "import"}
    assert kinds["import"]["kind_label"] == "antes de importar"
    assert kinds["import"]["members"] == 1 and kinds["import"]["events"] == 0
    assert all(b["size"] > 0 and b["taken_at"][:4].isdigit() for b in data["backups"])

    text = cli("--db", db_path, "db", "backups")
    assert text.code == 0
    assert "antes de importar" in text.out and "manual" in text.out
    assert "1 miembros" in text.out
    assert "los últimos 7 días" in text.out and "las últimas 4 semanas" in text.out


def test_backups_rule_is_changed_kept_in_the_database_and_checked(cli: Cli, db_path: Path) -> None:
    changed = cli("--db", db_path, "db", "backups", "--keep-daily", "14", "--keep-weekly", "8", "--json")
    assert changed.code == 0, changed.err
    assert changed.json()["retention"] == {"daily": 14, "weekly": 8}
    assert cli("--db", db_path, "db", "backups", "--json").json()["retention"] == {"daily": 14, "weekly": 8}
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE field LIKE 'backups.%'") == [(2,)]
    bad = cli("--db", db_path, "db", "backups", "--keep-daily", "0")
    assert bad.code == 1
    assert "entre 1 y 365" in bad.err and "Traceback" not in bad.err


def test_backups_of_a_database_without_any(cli: Cli, db_path: Path) -> None:
    result = cli("--db", db_path, "db", "backups")
    assert result.code == 0
    assert "(ninguna)" in result.out
    assert not (db_path.parent / "backups").exists()
