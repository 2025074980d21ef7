"""Shared fixtures: each test gets its own copy of a migrated template database."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, create_engine, make_url

from talentdesk.db.engine import make_engine
from talentdesk.db.migrate import ensure_current
from talentdesk.db.session import Database

# Generated tests run the same examples every time (derived from each test), so CI never fails
# by chance; `HYPOTHESIS_PROFILE=explore` draws new random ones when hunting for bugs.
# No deadline: Hypothesis's 200 ms per example is a timed assertion, and these machines are
# shared (a test_saved_lists example took 259 ms under load and failed CI). Speed is measured in
# bench/, never asserted in a test.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
hypothesis_settings.register_profile("explore", derandomize=False, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once per run (schema + reference data); tests copy the file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    engine = make_engine(path)
    ensure_current(engine)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection  # outside a transaction: the mode can change
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode=DELETE")
    engine.dispose()
    return path


@pytest.fixture()
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "talentdesk.sqlite"
    shutil.copyfile(template_db, path)
    path.chmod(0o600)  # as TalentDesk creates it (a readable copy is warned about: db/exposure.py)
    return path


#: The PostgreSQL server of the test run (scripts/pg-cluster, started by scripts/run-tests).
PG_URL = os.environ.get("TALENTDESK_TEST_PG", "")
_PG_NAMES = itertools.count()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``db`` is a SQLite file and, when the run has a PostgreSQL server, also a PostgreSQL
    database: the same test on both engines (``test_x[sqlite]``, ``test_x[postgresql]``)."""
    if "db" not in metafunc.fixturenames:
        return
    engines = ["sqlite"]
    # A test that also asks for ``db_path`` looks at the SQLite file itself (its query plans,
    # its copies): SQLite only, like one marked ``sqlite_only``.
    sqlite_file = "db_path" in metafunc.fixturenames
    if PG_URL and not sqlite_file and metafunc.definition.get_closest_marker("sqlite_only") is None:
        engines.append("postgresql")
    metafunc.parametrize("db_engine", engines, indirect=True)


@pytest.fixture()
def db_engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def db(db_engine: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if db_engine == "postgresql":
        yield from _pg_database(request.getfixturevalue("pg_template"))
        return
    database = Database.open(request.getfixturevalue("db_path"))
    yield database
    database.close()


def _server(url: str) -> Engine:
    return create_engine(url, isolation_level="AUTOCOMMIT")


def _database_url(name: str) -> str:
    return str(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A database migrated once per run (schema + reference data); each test gets a copy
    (CREATE DATABASE … TEMPLATE, a file copy on the server)."""
    name = f"talentdesk_template_{os.getpid()}"
    server = _server(PG_URL)
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine = make_engine(_database_url(name))
    ensure_current(engine)
    engine.dispose()
    yield name
    with server.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    server.dispose()


def _pg_database(template: str) -> Iterator[Database]:
    name = f"talentdesk_test_{os.getpid()}_{next(_PG_NAMES)}"
    server = _server(PG_URL)
    with server.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    database = Database.open(_database_url(name))
    try:
        yield database
    finally:
        database.close()
        with server.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        server.dispose()


@pytest.fixture()
def pg_url(pg_template: str) -> Iterator[str]:
    """The URL (password included) of a fresh migrated PostgreSQL database, for tests that
    open it the way the app does (by URL) rather than through ``db``."""
    for database in _pg_database(pg_template):
        url = database.engine.url.render_as_string(hide_password=False)
        database.close()
        yield url


#: For tests that exist only against a server (the connect dialog, sign-in): the README's test
#: command always starts one (scripts/pg-cluster); a bare ``pytest`` without it cannot run them.
needs_pg = pytest.mark.skipif(not PG_URL, reason="needs the PostgreSQL server that scripts/run-tests starts")


@pytest.fixture()
def demo_db_path(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A small demo database (300 members), built once and copied per test."""
    cached = tmp_path_factory.getbasetemp() / "demo-300.sqlite"
    if not cached.exists():
        shutil.copyfile(template_db, cached)
        from talentdesk.services.demo import generate_demo

        database = Database.open(cached)
        with database.session() as session:
            generate_demo(session, 300, seed=7)
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(cached, path)
    path.chmod(0o600)
    return path
