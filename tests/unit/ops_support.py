"""Test helpers for operations: the whole database as comparable data."""

from __future__ import annotations

from typing import Any

from talentdesk.db.session import Database
from talentdesk.ops.journal import journaled_tables


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every journaled table's rows (the audit log is a record, not data), in key order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in journaled_tables():
            rows = conn.exec_driver_sql(f'SELECT * FROM "{table.name}"').fetchall()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out
