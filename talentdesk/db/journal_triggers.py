"""The PostgreSQL side of the row journal (``talentdesk/ops/journal.py``): one trigger function
and one row trigger per journaled table, created by migrations.

On SQLite the journal installs temporary triggers on the writing connection when it first
captures. PostgreSQL has no temporary triggers, so the triggers are part of the schema. They
record nothing unless the transaction turned the journal on (``SETTING``, a transaction-local
setting ``ops/journal.py`` sets while it captures): the ``WHEN`` clause is checked per row
without calling the function, so a bulk load, an import or a restore pays one setting lookup
per row (docs/benchmarks.md, "Row journal triggers on PostgreSQL").

When on, each row inserted, updated or deleted — by the ORM, by raw SQL or by a foreign-key
cascade — appends ``(table, kind, to_jsonb(OLD), to_jsonb(NEW))`` to ``pg_temp.td_journal``,
a temporary table of the capturing connection; ``jsonb_populate_record`` reads the images back
with their column types, exactly as stored.

**Rule for later migrations** (docs/architecture.md, "Undo"): a migration that creates a table
the journal covers (every model table without ``info={"journal": False}``) calls
``add_row_trigger(conn, "table")`` on PostgreSQL; one that creates a foreign key declares it
``DEFERRABLE INITIALLY IMMEDIATE`` there (an undo defers them to put rows back in any order).
Derived data (the search index) and append-only records get no trigger. A test checks both.
This module's statements are the current ones; migration 0012 keeps its own frozen copy.
"""

from __future__ import annotations

from sqlalchemy import Connection

#: The transaction-local setting that turns recording on (``set_config(SETTING, 'on', true)``).
SETTING = "talentdesk.journal"
#: The name of the row trigger on every journaled table.
TRIGGER = "td_journal"
#: The trigger function (one for every table: it reads TG_TABLE_NAME and TG_OP).
FUNCTION = "td_journal_row"
#: The temporary table the function appends to (created by ``ops/journal.py`` per connection).
TEMP_TABLE = "td_journal"

FUNCTION_SQL = (
    f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'INSERT' THEN\n"
    f"    INSERT INTO pg_temp.{TEMP_TABLE} (tbl, kind, new_row) VALUES (TG_TABLE_NAME, 'insert', to_jsonb(NEW));\n"
    "  ELSIF TG_OP = 'UPDATE' THEN\n"
    f"    INSERT INTO pg_temp.{TEMP_TABLE} (tbl, kind, old_row, new_row)\n"
    "      VALUES (TG_TABLE_NAME, 'update', to_jsonb(OLD), to_jsonb(NEW));\n"
    "  ELSE\n"
    f"    INSERT INTO pg_temp.{TEMP_TABLE} (tbl, kind, old_row) VALUES (TG_TABLE_NAME, 'delete', to_jsonb(OLD));\n"
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END\n"
    "$$"
)


def quote(name: str) -> str:
    """A PostgreSQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def run_on_postgresql(conn: Connection, sql: str) -> None:
    """Schema triggers exist on PostgreSQL only; SQLite needs none (its journal is temporary)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(sql)


def trigger_sql(table: str) -> str:
    return (
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quote(table)} "
        f"FOR EACH ROW WHEN (current_setting('{SETTING}', true) = 'on') EXECUTE FUNCTION {FUNCTION}()"
    )


def add_row_trigger(conn: Connection, table: str) -> None:
    """Journal ``table`` on PostgreSQL (a no-op on SQLite, where the journal needs nothing)."""
    run_on_postgresql(conn, trigger_sql(table))


def drop_row_trigger(conn: Connection, table: str) -> None:
    run_on_postgresql(conn, f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quote(table)}")
