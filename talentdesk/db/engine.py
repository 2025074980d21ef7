"""``make_engine(url)``: one place that knows how to open a TalentDesk database."""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from talentdesk.core.errors import DatabaseError
from talentdesk.core.i18n import _
from talentdesk.db.errors import spanish_reason
from talentdesk.db.files import create_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite page cache per connection (negative: KiB): 64 MB helps the search walk at 1M members.
CACHE_PAGES_KIB = -65536
#: Execution option that says how a SQLite transaction begins. Writers begin IMMEDIATE: they
#: take the write lock first, so a busy database makes them wait (busy timeout) instead of
#: failing at their first write when another connection committed after they had read.
BEGIN_MODE = "talentdesk_begin"
WRITER: dict[str, str] = {BEGIN_MODE: "IMMEDIATE"}
_BEGIN_MODES = {
    "": "BEGIN",
    "IMMEDIATE": "BEGIN IMMEDIATE",
    "EXCLUSIVE": "BEGIN EXCLUSIVE",
}
#: Engine execution option set on a database opened read-only (read-only file or medium).
READ_ONLY = "talentdesk_read_only"
BUSY_TIMEOUT_S = 5


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def ro_uri(path: Path, *, immutable: bool = False) -> str:
    """A SQLite URI that opens ``path`` read-only (any character of the path is safe in it)."""
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None (in-memory or another server)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def is_read_only(engine: Engine) -> bool:
    return bool(engine.get_execution_options().get(READ_ONLY, False))


def parse_url(url_or_path: str | Path) -> URL:
    try:
        return make_url(to_url(url_or_path))
    except ArgumentError:
        raise DatabaseError(
            _(
                "«{url_or_path}» no es una ruta ni una URL de base de datos válida (ejemplos: talentdesk.sqlite, postgresql+psycopg://usuario@servidor/base)."
            ).format(url_or_path=url_or_path)
        ) from None


def missing_sqlite_file(url_or_path: str | Path) -> Path | None:
    """The SQLite file ``url_or_path`` names if it does not exist (None: it exists, or a server)."""
    url = parse_url(url_or_path)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return None if path.exists() else path


def make_engine(url_or_path: str | Path, *, create: bool = True, read_only: bool = False) -> Engine:
    """Open (and for SQLite, check) a database; environment problems become DatabaseError.

    ``create``: a missing SQLite file is created (private, 0600, never over an existing file).
    A file that cannot be written (read-only file, folder or medium), or ``read_only=True``,
    opens read-only: reads work, writes fail with a clear message.
    """
    url = parse_url(url_or_path)
    if url.get_backend_name() != "sqlite":
        return _server_engine(url)
    path = Path(url.database) if url.database and url.database != ":memory:" else None
    if path is None:
        return _sqlite_engine(create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}), False)
    _check_sqlite_file(path, create=create)
    read_only = read_only or not _writable(path)
    if not read_only:
        return _sqlite_engine(create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}), False)
    uri = ro_uri(path, immutable=_on_read_only_medium(path))

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

    return _sqlite_engine(create_engine(url, creator=connect), True)


CONNECT_TIMEOUT_S = 10


def _server_engine(url: URL) -> Engine:
    shown = url.render_as_string(hide_password=True)
    # A server that does not answer (wrong address, a firewall dropping packets) is reported
    # after CONNECT_TIMEOUT_S instead of the system's minutes-long TCP timeout.
    connect_args: dict[str, Any] = {}
    sender = None
    if url.get_backend_name() == "postgresql":
        # Each engine signs its connections, so its change notices (db/change_notices.py) can
        # be told from everyone else's: a window does not refresh twice for its own edit.
        sender = f"talentdesk {secrets.token_hex(4)}"
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": sender}
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except NoSuchModuleError:
        raise DatabaseError(
            _(
                "«{shown}»: «{drivername}» no es un tipo de base de datos conocido. Use un archivo SQLite o una URL postgresql+psycopg://usuario@servidor/base."
            ).format(shown=shown, drivername=url.drivername)
        ) from None
    except ImportError as exc:
        raise DatabaseError(
            _(
                "«{shown}»: falta el controlador «{value}» en esta instalación. Para PostgreSQL use postgresql+psycopg://… (incluido con TalentDesk)."
            ).format(shown=shown, value=exc.name or url.drivername)
        ) from None
    if sender is not None:
        _SENDERS[engine] = sender
    return engine


_SENDERS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def sender_name(engine: Engine) -> str | None:
    """The ``application_name`` an engine's server connections carry (None for SQLite)."""
    return _SENDERS.get(engine)


def _sqlite_engine(engine: Engine, read_only: bool) -> Engine:
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
            f"busy_timeout={BUSY_TIMEOUT_S * 1000}",
            "synchronous=NORMAL",
            f"cache_size={CACHE_PAGES_KIB}",
            "temp_store=MEMORY",
        ):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(_BEGIN_MODES[conn.get_execution_options().get(BEGIN_MODE, "")])

    return engine.execution_options(**{READ_ONLY: True}) if read_only else engine


def enable_wal(engine: Engine) -> None:
    """Switch a SQLite file to WAL (persistent); only once it is known to be a TalentDesk database.

    Not done on connect: opening a refused file (too new, another program's) must not modify it.
    """
    if sqlite_path(engine) is None or is_read_only(engine):
        return
    with engine.connect() as conn:
        # On the driver connection, outside any transaction: the mode cannot change inside one.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with contextlib.suppress(sqlite3.OperationalError):  # e.g. a file another process holds
            raw.execute("PRAGMA journal_mode=WAL").fetchall()  # finished: no statement left open


def _writable(path: Path) -> bool:
    """SQLite needs the file and, for its journal or WAL index, the folder to be writable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _on_read_only_medium(path: Path) -> bool:
    """A read-only medium (CD, write-protected stick, read-only mount): nothing can change the
    file, so SQLite may read it without the -shm file it could not create there."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise DatabaseError(_("«{path}» es una carpeta, no un archivo de base de datos.").format(path=path))
    if not path.exists():
        if not create:
            raise DatabaseError(_("No existe la base de datos «{path}».").format(path=path))
        _create_database_file(path)
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            _("No se puede leer «{path}»: {spanish_reason}.").format(
                path=path, spanish_reason=spanish_reason(exc)
            )
        ) from exc
    if not header:
        raise DatabaseError(
            _(
                "«{path}» está vacío (0 bytes): no es una base de datos de TalentDesk y no se usará como una. Para crear una base nueva, elija un nombre que no exista (o borre ese archivo)."
            ).format(path=path)
        )
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _("«{path}» no es una base de datos de TalentDesk (no es un archivo SQLite).").format(path=path)
        )


def _create_database_file(path: Path) -> None:
    """An empty SQLite database at ``path``, 0600, appearing all at once: it is prepared under a
    temporary name and linked into place, so no empty or half-made file is ever left there."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.nueva")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        create_private_file(tmp)
        with contextlib.closing(sqlite3.connect(tmp)) as con:
            con.execute("PRAGMA user_version=0")  # writes the header page: a real database now
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # created by another process meanwhile: open that one
        except OSError:  # a file system without hard links (FAT): a plain rename, no clobber check
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise DatabaseError(
            _("No se puede crear la base de datos «{path}»: {spanish_reason}.").format(
                path=path, spanish_reason=spanish_reason(exc)
            )
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


#: KiB of page cache for one long sequential read (see small_cache).
SMALL_CACHE_KIB = 8000


@contextmanager
def small_cache(conn: Connection, kib: int = SMALL_CACHE_KIB) -> Iterator[None]:
    """A small SQLite page cache on ``conn`` while one long sequential read runs (an export, all
    the ids of a million members in order, ``quick_check``): each page is read once, so the usual
    64 MB per connection would only make the process grow (pooled connections keep their cache).
    Restored after."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
    try:
        yield
    finally:
        if sqlite:
            conn.exec_driver_sql(f"PRAGMA cache_size={CACHE_PAGES_KIB}")
