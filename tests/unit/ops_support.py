"""Test helpers for operations: the whole database as comparable data."""

from __future__ import annotations

from typing import Any

from talentdesk.db.session import Database
from talentdesk.ops.journal import journaled_tables


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every journaled table's rows as ((column, value), …) (the audit log is a record, not
    data), in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in journaled_tables():
            rows = conn.exec_driver_sql(f'SELECT * FROM "{table.name}"').mappings().fetchall()
            out[table.name] = sorted((tuple(sorted(r.items())) for r in rows), key=repr)
    return out


def timeless(data: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    """The dump without updated_at stamps (a service-level undo is a change made now)."""
    return {
        table: sorted((tuple(p for p in row if p[0] != "updated_at") for row in rows), key=repr)
        for table, rows in data.items()
    }
