"""PostgreSQL: the row journal's triggers, and foreign keys an undo may defer

The row journal (``ops/journal.py``) records every row an operation touches so undo is exact.
On SQLite it uses temporary triggers and needs nothing in the schema. On PostgreSQL (issue 16):

* one PL/pgSQL function, ``td_journal_row()``, and an ``AFTER INSERT OR UPDATE OR DELETE … FOR
  EACH ROW`` trigger ``td_journal`` on every journaled table, which does nothing unless the
  transaction set ``talentdesk.journal`` to ``on`` (checked in the trigger's ``WHEN``, so the
  function is not even called otherwise) and else appends the row images as ``jsonb`` to the
  connection's temporary ``td_journal`` table;
* every foreign key becomes ``DEFERRABLE INITIALLY IMMEDIATE`` (checked as before; an undo says
  ``SET CONSTRAINTS ALL DEFERRED`` to put parents and children back in any order, as
  ``PRAGMA defer_foreign_keys`` does on SQLite).

The audit log, the export log and the import history are records, not data an undo takes back:
no trigger. A frozen copy of ``db/journal_triggers.py`` (a test checks that both agree).
Nothing on SQLite.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables the journal covers at this revision (every table but alembic_version, audit_log,
#: export_log, import_runs and import_run_members).
JOURNALED = (
    "board_positions",
    "certificates",
    "chapter_sectors",
    "chapters",
    "consent_changes",
    "contribution_types",
    "document_settings",
    "event_sessions",
    "event_tasks",
    "events",
    "import_mappings",
    "lodgings",
    "materials",
    "member_contributions",
    "member_sectors",
    "members",
    "need_candidate_stages",
    "need_candidates",
    "need_sectors",
    "needs",
    "organization_sectors",
    "organizations",
    "participant_status_changes",
    "participants",
    "program_chapters",
    "program_kinds",
    "program_organizations",
    "program_outcomes",
    "program_people",
    "program_sectors",
    "program_status_changes",
    "programs",
    "rooms",
    "saved_list_members",
    "saved_lists",
    "sector_contacts",
    "sectors",
    "session_speakers",
    "travels",
)

FUNCTION_SQL = (
    "CREATE OR REPLACE FUNCTION td_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_OP = 'INSERT' THEN\n"
    "    INSERT INTO pg_temp.td_journal (tbl, kind, new_row) VALUES (TG_TABLE_NAME, 'insert', to_jsonb(NEW));\n"
    "  ELSIF TG_OP = 'UPDATE' THEN\n"
    "    INSERT INTO pg_temp.td_journal (tbl, kind, old_row, new_row)\n"
    "      VALUES (TG_TABLE_NAME, 'update', to_jsonb(OLD), to_jsonb(NEW));\n"
    "  ELSE\n"
    "    INSERT INTO pg_temp.td_journal (tbl, kind, old_row) VALUES (TG_TABLE_NAME, 'delete', to_jsonb(OLD));\n"
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END\n"
    "$$"
)


def trigger_sql(table: str) -> str:
    return (
        f'CREATE TRIGGER td_journal AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
        "FOR EACH ROW WHEN (current_setting('talentdesk.journal', true) = 'on') EXECUTE FUNCTION td_journal_row()"
    )


def _foreign_keys() -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT c.relname, k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2"
    )
    return [(str(table), str(name)) for table, name in rows]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION_SQL)
    for table in JOURNALED:
        op.execute(trigger_sql(table))
    for table, name in _foreign_keys():
        op.execute(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, name in _foreign_keys():
        op.execute(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{name}" NOT DEFERRABLE')
    for table in JOURNALED:
        op.execute(f'DROP TRIGGER IF EXISTS td_journal ON "{table}"')
    op.execute("DROP FUNCTION IF EXISTS td_journal_row()")
