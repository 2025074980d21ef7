"""``talentdesk db …``: upgrade, backup, backups, restore, check, reindex.

Every action answers with a Spanish message and exit code 1 for a problem of the file or the
environment; none of them leaves a half-changed database behind.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from talentdesk.cli.args import Commands, SpanishParser, actions, integer, path
from talentdesk.cli.common import EXIT_ERROR, EXIT_OK, db_target, open_db, print_json
from talentdesk.core.errors import TalentDeskError


def add_parser(commands: Commands) -> None:
    db: SpanishParser = commands.add_parser("db", help="mantenimiento de la base de datos")
    db.set_defaults(run=run)
    db_cmds = actions(db, "db_command")
    db_cmds.add_parser(
        "upgrade", help="crea la base si no existe, o aplica las migraciones pendientes (con respaldo previo)"
    )
    backup = db_cmds.add_parser("backup", help="copia de seguridad en línea")
    backup.add_argument(
        "path", nargs="?", type=path, metavar="RUTA", help="archivo destino (por omisión, en backups/)"
    )
    restore = db_cmds.add_parser("restore", help="restaura una copia (respalda antes la actual)")
    restore.add_argument("path", type=path, metavar="RUTA")
    restore.add_argument(
        "--wait",
        type=float,
        default=10.0,
        metavar="SEGUNDOS",
        help="cuánto esperar a que otro proceso termine de guardar (por omisión 10)",
    )
    listing = db_cmds.add_parser("backups", help="lista las copias de seguridad y su conservación")
    listing.add_argument("--json", action="store_true")
    listing.add_argument(
        "--keep-daily",
        type=integer,
        metavar="N",
        help="conservar la más reciente de cada uno de los últimos N días",
    )
    listing.add_argument(
        "--keep-weekly",
        type=integer,
        metavar="N",
        help="conservar la más reciente de cada una de las últimas N semanas",
    )
    db_cmds.add_parser("check", help="verifica integridad, esquema e índice de búsqueda")
    db_cmds.add_parser("reindex", help="reconstruye el índice de búsqueda de miembros")


def run(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "upgrade": _upgrade,
        "backup": _backup,
        "backups": _backups,
        "restore": _restore,
        "check": _check,
        "reindex": _reindex,
    }
    return handlers[args.db_command](args)


def _upgrade(args: argparse.Namespace) -> int:
    from talentdesk.db import migrate
    from talentdesk.db.engine import is_read_only, make_engine
    from talentdesk.db.health import verify

    engine = make_engine(db_target(args))  # `db upgrade` is how a new database file is made on purpose
    try:
        if not is_read_only(engine):
            verify(engine)  # never migrate a damaged file
        result = migrate.ensure_current(engine, upgrade=True)
        mended = _mend_sequences(engine)
    finally:
        engine.dispose()
    if result is None:
        print(f"La base de datos ya está al día (esquema {migrate.head_revision()}).")
    else:
        print(f"Esquema actualizado de {result.from_revision or 'vacío'} a {result.to_revision}.")
        if result.backup:
            print(f"Copia de seguridad previa: {result.backup}")
    if mended:
        print(f"Secuencias corregidas (iban detrás del id más alto): {', '.join(mended)}.")
    return EXIT_OK


def _mend_sequences(engine: Any) -> list[str]:
    """PostgreSQL: move every sequence past its column's largest id (what ``db check`` reports)."""
    if engine.dialect.name != "postgresql":
        return []
    from talentdesk.db.sequences import lagging_sequences, sync_all_sequences

    with engine.begin() as conn:
        lagging = lagging_sequences(conn)
        sync_all_sequences(conn)
    return [f"{table}.{column}" for table, column, _next, _largest in lagging]


def _backup(args: argparse.Namespace) -> int:
    from talentdesk.db import backup as backups

    db = open_db(args)
    try:
        if db.engine.dialect.name == "postgresql":
            from talentdesk.db import pg_backup

            pg_backup.require_tool("pg_dump")  # before any folder is made
            target = Path(args.path) if args.path else pg_backup.default_backup_path(db.engine)
            written = pg_backup.backup_postgresql(db.engine, target)
        else:
            target = Path(args.path) if args.path else backups.default_backup_path(db.engine)
            written = backups.backup_sqlite(db.engine, target)
        print(f"Copia de seguridad escrita en {written}")
    finally:
        db.close()
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from talentdesk.db import backup as backups
    from talentdesk.db.engine import make_engine, parse_url
    from talentdesk.db.restore import restore_sqlite

    if not 0 <= args.wait <= 3600:
        raise TalentDeskError("--wait: un número de segundos entre 0 y 3600.")
    if parse_url(db_target(args)).get_backend_name() == "postgresql":
        return _restore_postgresql(args)
    backups.check_restore_source(Path(args.path))  # before the target is even opened
    # Not Database.open: a damaged database must still be restorable, and restore
    # migrates nothing before it has the lock.
    engine = make_engine(db_target(args), create=False)
    try:
        safety = restore_sqlite(engine, Path(args.path), wait=args.wait)
    finally:
        engine.dispose()
    open_db(args).close()  # bring a restored older copy up to the current schema
    print(f"Base de datos restaurada desde {args.path}. La anterior quedó en {safety}")
    return EXIT_OK


def _restore_postgresql(args: argparse.Namespace) -> int:
    from talentdesk.db import pg_backup
    from talentdesk.db.engine import make_engine

    pg_backup.check_dump(Path(args.path))  # before the server is even reached
    # Not Database.open: an older copy is brought up to date after it is restored.
    engine = make_engine(db_target(args), create=False)
    try:
        safety = pg_backup.restore_postgresql(engine, Path(args.path), wait=args.wait)
    finally:
        engine.dispose()
    open_db(args).close()  # bring a restored older copy up to the current schema
    print(f"Base de datos restaurada desde {args.path}. La anterior quedó en {safety}")
    return EXIT_OK


def _backups(args: argparse.Namespace) -> int:
    from talentdesk.db.backup import backup_anchor, list_backups
    from talentdesk.db.engine import parse_url
    from talentdesk.db.paths import backups_dir_for
    from talentdesk.db.retention import read_retention

    url = parse_url(db_target(args))
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
        raise TalentDeskError("Una base de datos en memoria no tiene copias de seguridad.")
    db = open_db(args, write=args.keep_daily is not None or args.keep_weekly is not None)
    try:
        if args.keep_daily is not None or args.keep_weekly is not None:
            _set_retention(db, args)
        retention = read_retention(db.engine)
        db_file = backup_anchor(db.engine)
        assert db_file is not None
        shown = db.engine.url.render_as_string(hide_password=True) if db.engine.dialect.name != "sqlite" else db_file
    finally:
        db.close()
    found = list_backups(db_file)
    if args.json:
        data = {
            "database": str(shown),
            "folder": str(backups_dir_for(db_file)),
            "retention": {"daily": retention.daily, "weekly": retention.weekly},
            "backups": [b.as_dict() for b in found],
        }
        print_json(data)
        return EXIT_OK
    print(f"Copias de seguridad de «{shown}» (en {backups_dir_for(db_file)}):")
    for b in found:
        unread = "—" if b.path.suffix == ".dump" else "ilegible"  # a dump is counted only by restoring it
        members = f"{b.members:,} miembros" if b.members is not None else unread
        events = f"{b.events:,} eventos" if b.events is not None else ""
        print(
            f"  {b.taken_at:%d/%m/%Y %H:%M}  {b.kind.label:<32.32} {human_size(b.size):>9}  "
            f"{members:>16}  {events:>11}  {b.path.name}"
        )
    if not found:
        print("  (ninguna)")
    print(
        f"Se conservan todas las automáticas de las últimas 24 horas, la más reciente de cada uno de "
        f"los últimos {retention.daily} días y de cada una de las últimas {retention.weekly} semanas; "
        "las manuales nunca se borran."
    )
    return EXIT_OK


def _set_retention(db: Any, args: argparse.Namespace) -> None:
    from talentdesk.services.backup_settings import set_retention

    with db.session() as session:
        set_retention(session, daily=args.keep_daily, weekly=args.keep_weekly)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _check(args: argparse.Namespace) -> int:
    from talentdesk.db import health, migrate, search_index
    from talentdesk.db.engine import is_read_only, make_engine

    engine = make_engine(db_target(args), create=False)
    problems: list[str] = []
    try:
        revision = migrate.check_schema(engine)
        head = migrate.head_revision()
        print(f"Base de datos: {engine.url.render_as_string(hide_password=True)}")
        if is_read_only(engine):
            print("Solo lectura: se verifica sin modificar nada.")
        print(f"Esquema: {revision or 'vacío'} (esta versión usa {head})")
        if revision != head:
            problems.append("El esquema no está al día: ejecute «talentdesk db upgrade».")
        if engine.dialect.name == "sqlite":
            damage = health.integrity_check(engine)
            problems += [f"Integridad: {line}" for line in damage]
            if damage:
                problems.append(health.damage_error(engine).message)
        else:
            problems += _server_problems(engine)
        problems += _content_problems(engine, revision, search_index, writable=not is_read_only(engine))
    finally:
        engine.dispose()
    for problem in problems:
        print(f"Problema: {problem}", file=sys.stderr)
    print("Resultado: " + ("sin problemas." if not problems else f"{len(problems)} problema(s)."))
    return EXIT_OK if not problems else EXIT_ERROR


def _content_problems(engine: Any, revision: str | None, search_index: Any, *, writable: bool) -> list[str]:
    """Broken references, the search index and the member count; a read error is a problem."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from talentdesk.db.errors import spanish_reason

    problems: list[str] = []
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    problems.append(f"Referencias rotas: {len(fk)} filas.")
            if revision is not None:
                problems += search_index.integrity_problems(conn, writable=writable)
                members = conn.execute(text("SELECT count(*) FROM members")).scalar_one()
                print(f"Miembros: {members:,}")
            conn.rollback()
    except DBAPIError as exc:
        problems.append(f"No se pudo leer el contenido: {spanish_reason(exc)}.")
    return problems


def _server_problems(engine: Any) -> list[str]:
    """A server database: its version, and sequences behind their column's largest id (a new
    record would be refused as a duplicate). PostgreSQL checks its own pages and constraints."""
    from sqlalchemy.exc import DBAPIError

    from talentdesk.db.errors import spanish_reason
    from talentdesk.db.sequences import lagging_sequences

    problems: list[str] = []
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar_one()
            print(f"Servidor: PostgreSQL {version}")
            for table, column, next_value, largest in lagging_sequences(conn):
                problems.append(
                    f"La secuencia de {table}.{column} daría {next_value:,}, pero ya existe {largest:,}: "
                    "los registros nuevos se rechazarían. Ejecute «talentdesk db upgrade» para corregirla."
                )
            conn.rollback()
    except DBAPIError as exc:
        problems.append(f"No se pudo leer el servidor: {spanish_reason(exc)}.")
    return problems


def _reindex(args: argparse.Namespace) -> int:
    from talentdesk.db import search_index
    from talentdesk.db.session import write_connection

    db = open_db(args, write=True)
    try:
        with write_connection(db.engine) as conn:
            count = search_index.rebuild(conn)
    finally:
        db.close()
    print(f"Índice de búsqueda reconstruido: {count:,} miembros.")
    return EXIT_OK
