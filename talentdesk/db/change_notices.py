"""PostgreSQL: every committed change announces which table it touched, so the other
workstations' open lists refresh without reopening (issue 16, "two people at once").

A statement trigger on every table calls ``pg_notify(CHANNEL, 'table sender')``; PostgreSQL
delivers notices only when (and if) the transaction commits, once per distinct payload, so a
rolled-back edit announces nothing and a 100,000-row import one notice per table. ``sender`` is
the writing connection's ``application_name`` (``db/engine.py`` gives each process its own), so
a window skips its own changes — it refreshed already — and hears everyone else's: other
windows, the CLI, even psql. ``db/notifications.py`` listens; SQLite has nothing of this.

**Rule for later migrations**: a migration that creates a table calls
``add_notice_trigger(conn, "table")`` (a no-op on SQLite). Migration 0013 keeps its own frozen
copy of these statements (a test checks that both agree).
"""

from __future__ import annotations

from sqlalchemy import Connection

from talentdesk.db.journal_triggers import quote, run_on_postgresql

CHANNEL = "talentdesk_changes"
TRIGGER = "td_notify"
FUNCTION = "td_notify_change"

#: A transaction-local setting per table, ``talentdesk.noticed_<table>``: set by the first
#: statement that announces the table, so the trigger's ``WHEN`` skips the rest of the
#: transaction's statements without calling the function (a 100,000-row ``executemany`` is
#: 100,000 statements: +25 % on a bulk insert when each one called ``pg_notify``).
NOTICED = "talentdesk.noticed_"

FUNCTION_SQL = (
    f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    f"  PERFORM set_config('{NOTICED}' || TG_TABLE_NAME, 'y', true);\n"
    f"  PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));\n"
    "  RETURN NULL;\n"
    "END\n"
    "$$"
)


def trigger_sql(table: str) -> str:
    return (
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {quote(table)} "
        f"FOR EACH STATEMENT WHEN (current_setting('{NOTICED}{table}', true) IS DISTINCT FROM 'y') "
        f"EXECUTE FUNCTION {FUNCTION}()"
    )


def add_notice_trigger(conn: Connection, table: str) -> None:
    """Announce ``table``'s changes on PostgreSQL (nothing on SQLite)."""
    run_on_postgresql(conn, trigger_sql(table))


def drop_notice_trigger(conn: Connection, table: str) -> None:
    run_on_postgresql(conn, f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quote(table)}")
