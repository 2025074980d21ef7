"""members by year joined and by primary sector from indexes; two dense filters counted live

* ``ix_members_joined_on``: the Tablero's growth line (new members per year joined) grouped
  ``strftime('%Y', joined_on)`` over every member, a scan of the whole table (14 s on a loaded
  machine at 1,000,000 members). Each year is now one range of this index
  (``services.statistics``), read without touching the table. A few seconds to build at 1M.
* ``ix_member_sectors_primary`` (``is_primary``, ``sector_id``): members by primary sector read
  that index's range of primary links instead of the whole link table (445 → ~50 ms of CPU at 1M,
  the largest part of the Tablero's first charts).
* ``member_fts_counts`` gains the live counts of two dense filters together (country US + status
  activo: FTS5 intersected two lists of 600,000–800,000 members to count them, 43 ms of CPU):
  the pairs of ``db/search_index.ADJACENT_FILTERS`` whose two words are both counted already.
  The triggers keep them like any other count (their pattern is the two words side by side).
  A frozen copy of that rule, as migrations keep.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-07 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADJACENT_FILTERS = (("co", "st"), ("st", "dg"))


def upgrade() -> None:
    op.create_index("ix_members_joined_on", "members", ["joined_on"])
    op.create_index("ix_member_sectors_primary", "member_sectors", ["is_primary", "sector_id"])
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    filters = [
        str(expr)[1:-1]
        for (expr,) in conn.exec_driver_sql(
            "SELECT expr FROM member_fts_counts WHERE expr LIKE '\"\\_%\"' ESCAPE '\\'"
        )
    ]
    for first in filters:
        for second in filters:
            if (first[1:3], second[1:3]) in ADJACENT_FILTERS:
                expr = f'"{first}" AND "{second}"'
                docs = conn.execute(
                    sa.text("SELECT count(*) FROM member_fts WHERE member_fts MATCH :e"), {"e": expr}
                ).scalar_one()
                conn.execute(
                    sa.text("INSERT INTO member_fts_counts(expr, pattern, docs) VALUES (:e, :p, :d)"),
                    {"e": expr, "p": f" {first} {second} ", "d": int(docs)},
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DELETE FROM member_fts_counts WHERE expr LIKE '%\" AND \"%'")
    op.drop_index("ix_member_sectors_primary", table_name="member_sectors")
    op.drop_index("ix_members_joined_on", table_name="members")
