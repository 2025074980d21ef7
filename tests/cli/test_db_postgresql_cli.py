"""`talentdesk db backup|restore|check|backups` on a PostgreSQL database (pg_dump, pg_restore, psql)."""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, select, text

from talentdesk.core.models import Member
from talentdesk.db import pg_backup
from talentdesk.db.session import Database
from talentdesk.services.events import create_event
from tests.cli._support import Result
from tests.conftest import PG_URL, _database_url, _pg_database
from tests.unit.helpers import add

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="needs the test run's PostgreSQL server (TALENTDESK_TEST_PG)"
)

Cli = Callable[..., Result]


@pytest.fixture()
def pg(pg_template: str) -> Iterator[Database]:
    yield from _pg_database(pg_template)


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _state(db: Database) -> dict[str, Any]:
    with db.engine.connect() as conn:
        return {
            "members": conn.execute(
                text("SELECT id, given_names, paternal_surname FROM members ORDER BY id")
            ).all(),
            "events": conn.execute(text("SELECT id, name FROM events ORDER BY id")).all(),
            "counts": {
                t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("members", "events", "chapters", "sectors", "member_sectors", "audit_log")
            },
        }


def _fill(db: Database) -> None:
    with db.session() as s:
        add(s, "Ana", "Núñez", "Ávila")
        add(s, "Luis", "Pérez")
        create_event(
            s, {"name": "Jornada de prueba", "starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 11)}
        )


def test_backup_then_restore_brings_everything_back_and_new_ids_are_free(
    cli: Cli, pg: Database, tmp_path: Path
) -> None:
    _fill(pg)
    before = _state(pg)
    dump = tmp_path / "copias" / "oficina.dump"
    result = cli("--db", _url(pg), "db", "backup", dump)
    assert result.code == 0, result.err
    assert dump.read_bytes().startswith(b"PGDMP")
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    assert not dump.with_name("oficina.dump.partial").exists()

    with pg.session() as s:  # changes after the backup, undone by the restore
        add(s, "Marta", "Después")
        s.delete(s.scalars(select(Member).where(Member.given_names == "Ana")).one())
    pg.close()

    result = cli("--db", _url(pg), "db", "restore", dump)
    assert result.code == 0, result.err
    assert "Base de datos restaurada" in result.out
    after = _state(pg)
    assert after["members"] == before["members"]
    assert after["events"] == before["events"]
    counts = dict(after["counts"])
    assert counts.pop("audit_log") == before["counts"]["audit_log"] + 1  # the restore itself
    assert counts == {k: v for k, v in before["counts"].items() if k != "audit_log"}

    safety = Path(result.out.rsplit("La anterior quedó en ", 1)[1].strip())
    assert safety.suffix == ".dump" and safety.name.endswith("-antes-de-restaurar.dump")
    assert stat.S_IMODE(safety.stat().st_mode) == 0o600

    # The sequences are past the restored ids: a new member gets a new id.
    result = cli("--db", _url(pg), "members", "add", "--given-names", "Nueva", "--paternal", "Socia")
    assert result.code == 0, result.err
    ids = [row[0] for row in _state(pg)["members"]]
    assert len(ids) == 3 and ids[-1] > max(row[0] for row in before["members"])
    check = cli("--db", _url(pg), "db", "check")
    assert check.code == 0, check.err
    assert "Servidor: PostgreSQL" in check.out and "sin problemas" in check.out


def test_default_backup_goes_to_the_servers_backups_folder_and_is_listed(cli: Cli, pg: Database) -> None:
    result = cli("--db", _url(pg), "db", "backup")
    assert result.code == 0, result.err
    written = Path(result.out.split("escrita en ", 1)[1].strip())
    database = make_url(_url(pg)).database
    assert written.parent.name == "backups" and written.parent.parent.parent.name == "servidores"
    assert written.name.startswith(f"{database}-") and written.suffix == ".dump"
    listing = cli("--db", _url(pg), "db", "backups")
    assert listing.code == 0, listing.err
    assert written.name in listing.out and "manual" in listing.out


@pytest.mark.parametrize("kind", ["text", "sqlite", "other_pg"])
def test_a_file_that_is_not_a_talentdesk_dump_is_refused_and_nothing_changes(
    cli: Cli, pg: Database, tmp_path: Path, kind: str, db_path: Path
) -> None:
    _fill(pg)
    before = _state(pg)
    bad = tmp_path / "malo.dump"
    if kind == "text":
        bad.write_text("esto no es una copia\n")
    elif kind == "sqlite":
        bad.write_bytes(db_path.read_bytes())
    else:
        bad = _foreign_dump(tmp_path)
    result = cli("--db", _url(pg), "db", "restore", bad)
    assert result.code == 1
    assert {
        "text": "no es una copia de seguridad de TalentDesk",
        "sqlite": "base SQLite",
        "other_pg": "no de una base de TalentDesk",
    }[kind] in result.err
    assert "Traceback" not in result.err
    assert _state(pg) == before


def _foreign_dump(tmp_path: Path) -> Path:
    """A pg_dump of a database that is not TalentDesk's."""
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"ajena_{tmp_path.name[-12:].replace('-', '_').lower()}"
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    other = create_engine(_database_url(name))
    try:
        with other.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE clientes (id serial PRIMARY KEY, nombre text)")
        other.dispose()
        target = tmp_path / "ajena.dump"
        pg_dump = pg_backup.require_tool("pg_dump")
        url = make_url(_database_url(name))
        with pg_backup.client_environment(url) as env:  # the test server asks for the password
            subprocess.run(
                [str(pg_dump), "-Fc", f"--file={target}", f"--dbname={pg_backup.conninfo(url)}"],
                env=env,
                check=True,
            )
        return target
    finally:
        other.dispose()
        with server.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        server.dispose()


def test_without_pg_dump_a_clear_message_and_nothing_written(
    cli: Cli, pg: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "sin-herramientas"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("TALENTDESK_PG_BIN", raising=False)
    monkeypatch.setattr(pg_backup, "SEARCH_GLOBS", ())
    target = tmp_path / "copias" / "oficina.dump"
    result = cli("--db", _url(pg), "db", "backup", target)
    assert result.code == 1
    assert "No se encontró «pg_dump»" in result.err and "postgresql-client" in result.err
    assert not target.parent.exists()
    default = cli("--db", _url(pg), "db", "backup")
    assert default.code == 1
    assert not (tmp_path / "xdg-data").joinpath("TalentDesk", "servidores").exists()


def test_check_reports_a_sequence_behind_and_upgrade_mends_it(cli: Cli, pg: Database) -> None:
    _fill(pg)
    with pg.engine.begin() as conn:
        conn.execute(text("SELECT setval(pg_get_serial_sequence('members', 'id'), 1, false)"))
    result = cli("--db", _url(pg), "db", "check")
    assert result.code == 1
    assert "La secuencia de members.id daría 1" in result.err
    mended = cli("--db", _url(pg), "db", "upgrade")
    assert mended.code == 0, mended.err
    assert "members.id" in mended.out
    assert cli("--db", _url(pg), "db", "check").code == 0


@pytest.fixture()
def password_login(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A login whose password has the characters a passfile must escape (dropped afterwards)."""
    secret = "s3cr:et\\clave"
    role = f"td_pw_{tmp_path.name[-8:].replace('-', '_').lower()}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{secret}'")
    try:
        yield role, secret
    finally:
        with server.connect() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        server.dispose()


def test_the_password_never_reaches_a_command_line(
    pg: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, password_login: tuple[str, str]
) -> None:
    """The test server asks for passwords (scram), so the backup works only if pg_dump got it;
    what matters is where it went: a private PGPASSFILE, never an argument. A login of its own,
    whose password has the characters a passfile must escape."""
    role, secret = password_login
    url = make_url(_url(pg)).set(username=role, password=secret)
    seen: list[tuple[list[str], str]] = []
    real_run = subprocess.run

    def spy(argv: list[str], **kwargs: Any) -> Any:
        assert kwargs["env"].get("PGPASSWORD") != "otra" or "pg_dump" not in argv[0]
        if "PGPASSFILE" in kwargs["env"]:
            passfile = Path(kwargs["env"]["PGPASSFILE"])
            assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
            assert passfile.read_text() == "*:*:*:*:s3cr\\:et\\\\clave\n"
            seen.append((argv, str(passfile)))
        else:
            seen.append((argv, ""))
        return real_run(argv, **kwargs)

    monkeypatch.setattr(pg_backup.subprocess, "run", spy)
    monkeypatch.setenv("PGPASSWORD", "otra")
    engine = create_engine(url)
    try:
        written = pg_backup.backup_postgresql(engine, tmp_path / "con-clave.dump")
    finally:
        engine.dispose()
    assert written.is_file()
    assert any(p for _argv, p in seen)  # pg_dump was given the file
    assert all("s3cr" not in " ".join(argv) for argv, _p in seen)
    assert not any(Path(p).exists() for _argv, p in seen if p)  # removed afterwards


def test_a_restore_that_waits_too_long_for_a_lock_changes_nothing(
    cli: Cli, pg: Database, tmp_path: Path
) -> None:
    _fill(pg)
    dump = tmp_path / "oficina.dump"
    assert cli("--db", _url(pg), "db", "backup", dump).code == 0
    with pg.session() as s:
        add(s, "Marta", "Después")
    before = _state(pg)
    other = create_engine(_url(pg))
    try:
        with other.connect() as conn:
            conn.execute(text("LOCK TABLE members IN ACCESS SHARE MODE"))  # another desk reading
            result = cli("--db", _url(pg), "db", "restore", dump, "--wait", "0.5")
            conn.rollback()
    finally:
        other.dispose()
    assert result.code == 1
    assert "está en uso por otra sesión" in result.err and "No se restauró nada" in result.err
    assert _state(pg) == before
