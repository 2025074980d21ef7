"""PostgreSQL: committed changes announce their table (LISTEN/NOTIFY) to the other workstations

A statement trigger ``td_notify`` on every table (all of them at this revision but
``alembic_version``) calls ``td_notify_change()``, which sends ``pg_notify('talentdesk_changes',
'<table> <application_name>')``; PostgreSQL delivers it on commit, once per distinct payload.
``db/notifications.py`` listens and the window refreshes the lists that show those tables. A
frozen copy of ``db/change_notices.py`` (a test checks that both agree). Nothing on SQLite.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION_SQL = (
    "CREATE OR REPLACE FUNCTION td_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  PERFORM set_config('talentdesk.noticed_' || TG_TABLE_NAME, 'y', true);\n"
    "  PERFORM pg_notify('talentdesk_changes', TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));\n"
    "  RETURN NULL;\n"
    "END\n"
    "$$"
)


def trigger_sql(table: str) -> str:
    return (
        f'CREATE TRIGGER td_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT WHEN (current_setting('talentdesk.noticed_{table}', true) IS DISTINCT FROM 'y') "
        "EXECUTE FUNCTION td_notify_change()"
    )


def _tables() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename <> 'alembic_version' ORDER BY 1"
    )
    return [str(name) for (name,) in rows]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION_SQL)
    for table in _tables():
        op.execute(trigger_sql(table))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _tables():
        op.execute(f'DROP TRIGGER IF EXISTS td_notify ON "{table}"')
    op.execute("DROP FUNCTION IF EXISTS td_notify_change()")
