"""privacy (LFPDPPP, ARCO): consent history, "no contactar", anonymisation marker, export log

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:00:00

The two member columns are added with ALTER TABLE ADD COLUMN (no table copy: a million members
keep their rows, indexes and full-text triggers as they are); both are empty for everyone.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE (outside batch mode): SQLite adds a column with a constant default in place.
    op.add_column("members", sa.Column("no_contact", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("members", sa.Column("anonymized_at", sa.DateTime(), nullable=True))
    op.create_table(
        "consent_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "ficha",
                "importacion",
                "linea_de_comandos",
                "combinacion",
                "anonimizacion",
                "otro",
                name="consentchannel",
                native_enum=False,
                create_constraint=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("detail", sa.String(length=300), nullable=True),
        sa.Column("directory_consent", sa.Boolean(), nullable=False),
        sa.Column("print_fields", sa.String(length=80), nullable=False),
        sa.Column("no_contact", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_consent_changes_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_changes")),
    )
    op.create_index(op.f("ix_consent_changes_member_id"), "consent_changes", ["member_id"], unique=False)
    op.create_table(
        "export_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("first_member_id", sa.Integer(), nullable=True),
        sa.Column("last_member_id", sa.Integer(), nullable=True),
        sa.Column("member_ids", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_log")),
    )


def downgrade() -> None:
    op.drop_table("export_log")
    op.drop_index(op.f("ix_consent_changes_member_id"), table_name="consent_changes")
    op.drop_table("consent_changes")
    # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy: a copied members table would
    # lose the full-text index triggers.
    op.drop_column("members", "anonymized_at")
    op.drop_column("members", "no_contact")
