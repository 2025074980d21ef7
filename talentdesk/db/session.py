"""The unit of work: one session per user action, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from talentdesk.db.engine import CACHE_PAGES_KIB, make_engine
from talentdesk.db.errors import classify

SessionFactory = sessionmaker[Session]


def make_session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: SessionFactory) -> Iterator[Session]:
    """Commit if the block ends normally, roll back on any error; map environment errors."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException as exc:
        session.rollback()
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    finally:
        session.close()


@contextmanager
def read_scope(factory: SessionFactory) -> Iterator[Session]:
    """A session for reading only: never commits."""
    session = factory()
    try:
        yield session
    except BaseException as exc:
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    finally:
        session.rollback()
        session.close()


@contextmanager
def streaming_reader(factory: SessionFactory) -> Iterator[Session]:
    """A read session for long sequential reads (exports): a small SQLite page cache.

    Scanning a large table fills the normal 64 MB cache without any benefit and makes the
    process grow with the row count; 8 MB keeps an export's memory flat. Restored after.
    """
    with read_scope(factory) as session:
        sqlite = session.get_bind().dialect.name == "sqlite"
        if sqlite:
            session.connection().exec_driver_sql("PRAGMA cache_size=-8000")
        try:
            yield session
        finally:
            if sqlite:
                session.connection().exec_driver_sql(f"PRAGMA cache_size={CACHE_PAGES_KIB}")


class Database:
    """An opened, migrated database: its engine and session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = make_session_factory(engine)

    @classmethod
    def open(cls, url_or_path: str | Path, *, upgrade: bool = True) -> Database:
        from talentdesk.db.migrate import ensure_current

        engine = make_engine(url_or_path)
        try:
            ensure_current(engine, upgrade=upgrade)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def session(self) -> AbstractContextManager[Session]:
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
