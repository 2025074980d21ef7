"""The unit of work: one session per user action, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from talentdesk.core.errors import DatabaseError
from talentdesk.core.i18n import _
from talentdesk.db.engine import WRITER, enable_wal, is_read_only, make_engine, small_cache
from talentdesk.db.errors import READ_ONLY_MESSAGE, classify
from talentdesk.db.revisions import is_current

SessionFactory = sessionmaker[Session]


def make_session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def environment_errors() -> Iterator[None]:
    """Environment errors raised inside (locked, read-only, disk full…) leave as Spanish
    DatabaseErrors; anything else is a bug and leaves as it is."""
    try:
        yield
    except BaseException as exc:
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc
        raise


@contextmanager
def session_scope(factory: SessionFactory) -> Iterator[Session]:
    """Commit if the block ends normally, roll back on any error; map environment errors.

    The transaction begins as a writer (BEGIN IMMEDIATE on SQLite) before anything is read.
    """
    session = factory()
    try:
        with environment_errors():
            try:
                session.connection(execution_options=WRITER)
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
    finally:
        session.close()


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """A Core connection in one writer transaction (BEGIN IMMEDIATE): committed at the end,
    rolled back on any error; environment errors become Spanish DatabaseErrors."""
    with environment_errors(), engine.connect() as conn:
        conn.execution_options(**WRITER)
        with conn.begin():
            yield conn


@contextmanager
def read_scope(factory: SessionFactory) -> Iterator[Session]:
    """A session for reading only: never commits."""
    session = factory()
    try:
        with environment_errors():
            yield session
    finally:
        session.rollback()
        session.close()


@contextmanager
def streaming_reader(factory: SessionFactory) -> Iterator[Session]:
    """A read session for long sequential reads (exports): a small SQLite page cache."""
    with read_scope(factory) as session, small_cache(session.connection()):
        yield session


class Database:
    """An opened, migrated database: its engine and session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = make_session_factory(engine)
        #: Set by verify() when quick_check found damage: every write is refused with it.
        self.damage: str | None = None

    @classmethod
    def open(cls, url_or_path: str | Path, *, upgrade: bool = True, create: bool = True) -> Database:
        """Open and bring to the current schema. ``create=False``: a missing file is an error."""
        engine = make_engine(url_or_path, create=create)
        try:
            if is_current(engine):  # the usual case, without importing Alembic
                enable_wal(engine)
            else:
                from talentdesk.db.migrate import ensure_current

                ensure_current(engine, upgrade=upgrade)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def read_only(self) -> bool:
        """Opened read-only (read-only file, folder or medium): reads work, writes are refused."""
        return is_read_only(self.engine)

    def verify(self) -> None:
        """quick_check the file (seconds at a million members); a damaged one refuses writes."""
        from talentdesk.db.health import DamagedDatabaseError, verify

        try:
            verify(self.engine)
        except DamagedDatabaseError as exc:
            self.damage = exc.message
            raise

    def session(self) -> AbstractContextManager[Session]:
        """A write session (BEGIN IMMEDIATE). Refused at once on a read-only or damaged file."""
        if self.damage is not None:
            from talentdesk.db.health import DamagedDatabaseError

            raise DamagedDatabaseError(self.damage)
        if self.read_only:
            raise DatabaseError(_(READ_ONLY_MESSAGE))
        return session_scope(self.sessions)

    def reader(self) -> AbstractContextManager[Session]:
        return read_scope(self.sessions)

    @property
    def display_name(self) -> str:
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return str(url.database)
        return url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()
