"""Shared fixtures: each test gets its own copy of a migrated template database."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings as hypothesis_settings

from talentdesk.db.engine import make_engine
from talentdesk.db.migrate import ensure_current
from talentdesk.db.session import Database

# Generated tests run the same examples every time (derived from each test), so CI never fails
# by chance; `HYPOTHESIS_PROFILE=explore` draws new random ones when hunting for bugs.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False)
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
    return path


@pytest.fixture()
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


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
    return path
