"""Opening a current database skips Alembic (db/revisions.py); every other case still goes
through it (db/migrate.py), so what it refuses or upgrades is unchanged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from talentdesk.core.errors import SchemaTooNewError
from talentdesk.db import migrate, revisions
from talentdesk.db.engine import make_engine
from talentdesk.db.session import Database


def test_the_head_read_from_the_files_is_alembics_head() -> None:
    assert revisions.head_revision() == migrate.head_revision()


def test_a_current_database_is_current(db_path: Path) -> None:
    engine = make_engine(db_path)
    try:
        assert revisions.is_current(engine)
    finally:
        engine.dispose()


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_an_older_newer_or_unversioned_database_is_not_current(db_path: Path, tmp_path: Path) -> None:
    unversioned = tmp_path / "other.sqlite"
    with sqlite3.connect(unversioned) as con:
        con.execute("CREATE TABLE other (x)")
    for path, revision in ((db_path, "0001"), (db_path, "9999"), (unversioned, None)):
        if revision:
            _stamp(path, revision)
        engine = make_engine(path)
        try:
            assert not revisions.is_current(engine), revision
        finally:
            engine.dispose()


def test_opening_a_newer_database_is_still_refused(db_path: Path) -> None:
    _stamp(db_path, "9999")
    with pytest.raises(SchemaTooNewError):
        Database.open(db_path)
