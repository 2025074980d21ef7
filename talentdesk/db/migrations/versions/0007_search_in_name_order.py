"""search in name order: the FTS5 index is keyed by name position, not member id

``member_fts`` rowids become positions in Spanish name order (``bucket << 24 | slot``), mapped to
members by ``member_fts_rows``; ``member_fts_buckets`` holds where each bucket's sort keys start.
Deep pages are then found inside FTS5 instead of by sorting every match. ``member_fts_counts``
keeps live counts of the prefixes, words and filters 500,000 members or more carry
(docs/architecture.md, "Search design"). The statements are a frozen copy of
``db/search_index.py`` at this revision.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUCKET_SIZE = 512

FTS_TABLE = (
    "CREATE VIRTUAL TABLE member_fts USING fts5(search_text, content='', detail=none, "
    "prefix='1 2 3 4 5', tokenize=\"unicode61 tokenchars '_'\")"
)
ROWS_TABLE = (
    "CREATE TABLE member_fts_rows (pos INTEGER PRIMARY KEY CHECK (pos & 16777215 != 0), "
    "member_id INTEGER NOT NULL UNIQUE, sort_key TEXT NOT NULL)"
)
BUCKETS_TABLE = "CREATE TABLE member_fts_buckets (bucket INTEGER PRIMARY KEY, first_key TEXT NOT NULL UNIQUE)"
COUNTS_TABLE = (
    "CREATE TABLE member_fts_counts (expr TEXT PRIMARY KEY, pattern TEXT NOT NULL, docs INTEGER NOT NULL)"
)
COUNTED_DOCS = 500_000

_BUCKET = (
    "coalesce((SELECT bucket FROM member_fts_buckets WHERE first_key <= new.sort_key "
    "ORDER BY first_key DESC LIMIT 1), 0) << 24"
)
_PLACE = (
    "INSERT INTO member_fts_rows(pos, member_id, sort_key) "
    "SELECT coalesce((SELECT max(pos) FROM member_fts_rows WHERE pos >= b.base AND pos < b.base + 16777216), "
    f"b.base) + 1, new.id, new.sort_key FROM (SELECT {_BUCKET} AS base) AS b; "
)
_INDEX_NEW = (
    "INSERT INTO member_fts(rowid, search_text) "
    "SELECT pos, new.search_text FROM member_fts_rows WHERE member_id = new.id; "
)
_UNINDEX_OLD = (
    "INSERT INTO member_fts(member_fts, rowid, search_text) "
    "SELECT 'delete', pos, old.search_text FROM member_fts_rows WHERE member_id = old.id; "
)
_COUNT_NEW = "UPDATE member_fts_counts SET docs = docs + 1 WHERE instr(new.search_text, pattern) > 0; "
_COUNT_OLD = "UPDATE member_fts_counts SET docs = docs - 1 WHERE instr(old.search_text, pattern) > 0; "
_COUNT_CHANGE = (
    "UPDATE member_fts_counts SET docs = docs + (instr(new.search_text, pattern) > 0) "
    "- (instr(old.search_text, pattern) > 0) "
    "WHERE (instr(new.search_text, pattern) > 0) <> (instr(old.search_text, pattern) > 0); "
)
TRIGGERS = (
    f"CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN {_PLACE}{_INDEX_NEW}{_COUNT_NEW}END",
    f"CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN {_UNINDEX_OLD}"
    f"DELETE FROM member_fts_rows WHERE member_id = old.id; {_COUNT_OLD}END",
    "CREATE TRIGGER members_fts_au AFTER UPDATE OF search_text, sort_key, id ON members BEGIN "
    f"{_UNINDEX_OLD}DELETE FROM member_fts_rows WHERE member_id = old.id; {_PLACE}{_INDEX_NEW}{_COUNT_CHANGE}END",
)

# As migration 0001 made them: rowid = member id.
OLD_TRIGGERS = (
    "CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN "
    "INSERT INTO member_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN "
    "INSERT INTO member_fts(member_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER members_fts_au AFTER UPDATE OF search_text ON members BEGIN "
    "INSERT INTO member_fts(member_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO member_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def _drop_index() -> None:
    for trigger in ("members_fts_ai", "members_fts_ad", "members_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS member_fts")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    op.execute(FTS_TABLE)
    op.execute(ROWS_TABLE)
    op.execute(BUCKETS_TABLE)
    op.execute(COUNTS_TABLE)
    _number_and_index()
    _count_common_words()
    for trigger in TRIGGERS:
        op.execute(trigger)


def _number_and_index() -> None:
    """Buckets of BUCKET_SIZE members in name order (equal keys together), slots in name order."""
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    reading, cursor = raw.cursor(), raw.cursor()
    buckets: list[tuple[int, str]] = []
    rows: list[tuple[int, int, str]] = []
    bucket, slot, previous = -1, BUCKET_SIZE, None
    insert = "INSERT INTO member_fts_rows(pos, member_id, sort_key) VALUES (?, ?, ?)"
    for member_id, key in reading.execute("SELECT id, sort_key FROM members ORDER BY sort_key, id"):
        if slot >= BUCKET_SIZE and key != previous:
            bucket, slot = bucket + 1, 0
            buckets.append((bucket, "" if bucket == 0 else key))
        slot += 1
        rows.append(((bucket << 24) + slot, member_id, key))
        previous = key
        if len(rows) >= 50_000:
            cursor.executemany(insert, rows)
            rows.clear()
    cursor.executemany(insert, rows)
    cursor.executemany(
        "INSERT INTO member_fts_buckets(bucket, first_key) VALUES (?, ?)", buckets or [(0, "")]
    )
    reading.close()
    cursor.close()
    op.execute(
        "INSERT INTO member_fts(rowid, search_text) SELECT r.pos, m.search_text "
        "FROM member_fts_rows r JOIN members m ON m.id = r.member_id ORDER BY r.pos"
    )
    op.execute("INSERT INTO member_fts(member_fts) VALUES ('optimize')")


def _count_common_words(sample_size: int = 4000) -> None:
    """Live counts for the prefixes (1–5 letters), longer words and filters COUNTED_DOCS members
    or more carry, chosen from a random sample of members and counted exactly in FTS5."""
    conn = op.get_bind()
    members, top = conn.execute(sa.text("SELECT count(*), coalesce(max(id), 0) FROM members")).one()
    if members < COUNTED_DOCS:
        return
    sample = (
        conn.execute(
            sa.text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :size) "
                "SELECT search_text FROM members WHERE id IN (SELECT abs(random()) % :top + 1 FROM n)"
            ),
            {"size": sample_size, "top": top},
        )
        .scalars()
        .all()
    )
    seen: Counter[tuple[str, str]] = Counter()
    for words in sample:
        atoms = set()
        for word in words.split():
            if word.startswith("_") or len(word) > 5:
                atoms.add((f'"{word}"', f" {word} "))
            if not word.startswith("_"):
                atoms.update((f'"{word[:k]}"*', f" {word[:k]}") for k in range(1, min(len(word), 5) + 1))
        seen.update(atoms)
    count = sa.text("SELECT count(*) FROM member_fts WHERE member_fts MATCH :expr")
    for (expr, pattern), hits in seen.items():
        if hits * members >= 0.8 * COUNTED_DOCS * len(sample):
            docs = int(conn.execute(count, {"expr": expr}).scalar_one())
            if docs >= COUNTED_DOCS:
                conn.execute(
                    sa.text("INSERT INTO member_fts_counts(expr, pattern, docs) VALUES (:e, :p, :d)"),
                    {"e": expr, "p": pattern, "d": docs},
                )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    op.execute("DROP TABLE IF EXISTS member_fts_rows")
    op.execute("DROP TABLE IF EXISTS member_fts_buckets")
    op.execute("DROP TABLE IF EXISTS member_fts_counts")
    op.execute(FTS_TABLE)
    op.execute("INSERT INTO member_fts(rowid, search_text) SELECT id, search_text FROM members")
    op.execute("INSERT INTO member_fts(member_fts) VALUES ('optimize')")
    for trigger in OLD_TRIGGERS:
        op.execute(trigger)
