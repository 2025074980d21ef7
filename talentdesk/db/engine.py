"""``make_engine(url)``: one place that knows how to open a TalentDesk database."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from talentdesk.core.errors import DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite page cache per connection (negative: KiB): 64 MB helps the search walk at 1M members.
CACHE_PAGES_KIB = -65536


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None (in-memory or another server)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def make_engine(url_or_path: str | Path, *, create: bool = True) -> Engine:
    """Open (and for SQLite, check) a database; environment problems become DatabaseError."""
    url = make_url(to_url(url_or_path))
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    if url.database and url.database != ":memory:":
        _check_sqlite_file(Path(url.database), create=create)
    engine = create_engine(url, connect_args={"timeout": 5})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling begins a transaction only before INSERT/UPDATE/
        # DELETE, so DDL (migrations, the bulk-load trigger swap) committed on its own and a
        # rollback could not undo it. The SQLAlchemy recipe: let the driver autocommit and
        # emit BEGIN ourselves for every transaction SQLAlchemy starts.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in (
            "foreign_keys=ON",
            "busy_timeout=5000",
            "synchronous=NORMAL",
            f"cache_size={CACHE_PAGES_KIB}",
            "temp_store=MEMORY",
        ):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite file to WAL (persistent); only once it is known to be a TalentDesk database.

    Not done on connect: opening a refused file (too new, another program's) must not modify it.
    """
    if sqlite_path(engine) is None:
        return
    with engine.connect() as conn:
        # On the driver connection, outside any transaction: the mode cannot change inside one.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with contextlib.suppress(sqlite3.OperationalError):  # read-only media keeps its mode
            raw.execute("PRAGMA journal_mode=WAL")


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise DatabaseError(f"«{path}» es una carpeta, no un archivo de base de datos.")
    if not path.exists():
        if not create:
            raise DatabaseError(f"No existe la base de datos «{path}».")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"No se puede crear la carpeta «{path.parent}»: {exc.strerror}.") from exc
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"No se puede leer «{path}»: {exc.strerror}.") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"«{path}» no es una base de datos de TalentDesk (no es un archivo SQLite).")
