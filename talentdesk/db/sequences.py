"""PostgreSQL sequences kept past the ids written explicitly.

Reference data (migrations), bulk loads (max(id)+1 numbering) and restored rows write their ids
themselves; PostgreSQL's sequence behind each ``id`` column would then hand out an id already
taken. SQLite has no sequences to keep (a new id is max(id)+1): every function here is a no-op
there.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_SERIAL_COLUMNS = text(
    "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped "
    "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
)


def sync_sequence(conn: Connection, table: str, column: str = "id") -> None:
    """The sequence of ``table.column`` moved past the largest value written, never back (an
    undo may bring back a deleted row with its id: that id must stay unused)."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": quote(table), "column": column}
    ).scalar_one_or_none()
    if sequence is None:
        return
    # ``sequence`` comes from the catalogue, already quoted and schema-qualified.
    conn.execute(
        text(
            f"SELECT setval(:sequence, greatest((SELECT coalesce(max({quote(column)}), 0) FROM {quote(table)}), "
            f"(SELECT last_value FROM {sequence})), true)"
        ),
        {"sequence": sequence},
    )


def sync_all_sequences(conn: Connection) -> None:
    """Every sequence of the schema moved past its column's largest value."""
    if conn.dialect.name != "postgresql":
        return
    for table, column in conn.execute(_SERIAL_COLUMNS).all():
        sync_sequence(conn, table, column)


def lagging_sequences(conn: Connection) -> list[tuple[str, str, int, int]]:
    """The sequences that would hand out an id already taken: (table, column, next value, largest
    value in the column). ``db check`` reports them; ``sync_all_sequences`` mends them. Nothing
    on SQLite."""
    if conn.dialect.name != "postgresql":
        return []
    quote = conn.dialect.identifier_preparer.quote
    lagging: list[tuple[str, str, int, int]] = []
    for table, column in conn.execute(_SERIAL_COLUMNS).all():
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": quote(table), "column": column}
        ).scalar_one()
        last, called = conn.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
        largest = conn.execute(text(f"SELECT coalesce(max({quote(column)}), 0) FROM {quote(table)}")).scalar_one()
        next_value = int(last) + 1 if called else int(last)
        if next_value <= int(largest):
            lagging.append((str(table), str(column), next_value, int(largest)))
    return lagging
